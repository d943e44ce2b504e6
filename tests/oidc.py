"""A real OpenID Connect provider for the tests: oidc-provider-mock in a thread."""

from __future__ import annotations

import threading
import types
import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
from werkzeug.serving import make_server


def _quiet_authlib_legacy_shim() -> None:
    """The mock provider implements Authlib's server hooks the pre-1.7 way, and Authlib's
    compatibility shim warns about it on every token it issues (in the server's thread, where
    -W error turns it into a 500). Silence that one module only: our client code is not
    affected, and any other warning still fails the run."""
    from authlib.oidc.core.grants import _legacy

    _legacy.warnings = types.SimpleNamespace(warn=lambda *args, **kwargs: None)


@contextmanager
def running_provider() -> Iterator[str]:
    """Start the provider on a free port; yields its issuer URL."""
    with warnings.catch_warnings():
        # The mock imports Authlib's deprecated jose module; that is its business, not ours.
        warnings.simplefilter("ignore", DeprecationWarning)
        import oidc_provider_mock

    _quiet_authlib_legacy_shim()
    # Bound to 127.0.0.1 explicitly: "localhost" may mean ::1 to the server and 127.0.0.1 to
    # Chromium (or the other way round), and the browser test then cannot reach it.
    server = make_server("127.0.0.1", 0, oidc_provider_mock.app(), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()


def set_claims(issuer: str, subject: str, **claims) -> None:
    """What the provider hands out for `subject` at the next sign-in."""
    response = httpx.put(f"{issuer}/users/{subject}", json=claims, timeout=10)
    response.raise_for_status()


def approve(authorize_url: str, subject: str) -> str:
    """Do what the user does on the provider's page: sign in as `subject`. Returns where
    the provider sends the browser back to (our callback, with code and state)."""
    response = httpx.post(authorize_url, data={"sub": subject}, timeout=10)
    assert response.status_code == 302, response.text[:500]
    return response.headers["Location"]
