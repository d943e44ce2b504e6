"""Real Chromium through Playwright against the app served on a free local port."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from academy import create_app
from academy.extensions import db
from tests.conftest import ROLE_USERS, add_user, make_test_config

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# CI sets REQUIRE_BROWSER=1: a missing browser is then a failure, not a skip.
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER") == "1"


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    if REQUIRE_BROWSER:
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but no Chromium at {CHROMIUM}")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM} (install it or set CHROMIUM)")
    for item in items:
        if "browser" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, password_hash):
    """One app with CSRF on (as in production) for the whole browser session."""
    tmp_path: Path = tmp_path_factory.mktemp("browser")
    app = create_app(make_test_config(tmp_path, WTF_CSRF_ENABLED=True))
    with app.app_context():
        db.create_all()
        for username, roles in ROLE_USERS.items():
            add_user(username, roles, password_hash)
        db.session.commit()
    return app


def closed_before_sending(app):
    """Read each response whole and close it before the server writes it.

    Werkzeug's development server closes a response only after draining the socket; when
    Chromium drops a connection (a favicon it no longer wants), that drain raises first and
    the open static file is left to the garbage collector: a ResourceWarning, an error under
    -W error. Pages in these tests are small, so buffering costs nothing.
    """

    def buffered(environ, start_response):
        response = app(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            if hasattr(response, "close"):
                response.close()

    return buffered


@pytest.fixture(scope="session")
def live_server(live_app) -> Iterator[str]:
    server = make_server("127.0.0.1", 0, closed_before_sending(live_app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


def pytest_terminal_summary(terminalreporter):
    """Say where the screenshots of this run are (CI keeps the folder as an artefact)."""
    from tests.browser.layout import SCREENSHOT_DIR

    if SCREENSHOT_DIR.is_dir() and any(SCREENSHOT_DIR.glob("*.png")):
        terminalreporter.write_line(f"browser screenshots: {SCREENSHOT_DIR.resolve()}")
