"""The whole single sign-on round trip in real Chromium: our login page, the provider's
page, back to the app signed in, and out again."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from werkzeug.serving import make_server

from academy import create_app
from academy.extensions import db
from academy.models import AuditEvent
from tests.browser.axe import assert_accessible
from tests.browser.conftest import closed_before_sending
from tests.conftest import ROLE_USERS, add_user, make_test_config
from tests.oidc import running_provider, set_claims

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def sso_server(tmp_path_factory, password_hash) -> Iterator[tuple[str, str, object]]:
    """The app with CSRF on and SSO pointed at a provider running next to it."""
    with running_provider() as issuer:
        app = create_app(
            make_test_config(
                tmp_path_factory.mktemp("sso-browser"),
                WTF_CSRF_ENABLED=True,
                OIDC_ISSUER=issuer,
                OIDC_CLIENT_ID="data-academie",
                OIDC_CLIENT_SECRET="client-geheim",
                OIDC_ROLE_GROUPS="academie-trainers=trainer",
                OIDC_TEAM_GROUPS="afd-onderzoek=Team Data en Onderzoek",
            )
        )
        with app.app_context():
            db.create_all()
            for username, roles in ROLE_USERS.items():
                add_user(username, roles, password_hash)
            db.session.commit()
        server = make_server("127.0.0.1", 0, closed_before_sending(app), threaded=True)
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_port}", issuer, app
        finally:
            server.shutdown()
            thread.join(timeout=5)
            with app.app_context():
                db.session.remove()
                db.engine.dispose()


def test_sign_in_with_the_municipal_account_and_out_again(page: Page, sso_server):
    base, issuer, app = sso_server
    set_claims(
        issuer,
        "sub-browser",
        preferred_username="a.jansen",
        name="Anna Jansen",
        groups=["academie-trainers", "afd-onderzoek"],
    )
    page.goto(f"{base}/login")
    assert_accessible(page)
    page.get_by_role("link", name="Inloggen met je gemeenteaccount").click()

    # The provider's own page: the user signs in there.
    expect(page).to_have_url(re.compile(re.escape(issuer) + "/oauth2/authorize"))
    page.locator("input[name=sub]").fill("sub-browser")
    page.get_by_role("button", name="Authorize").click()

    # Back in the app, signed in as the new user, with the trainer's menu.
    expect(page).to_have_url(f"{base}/")
    expect(page.get_by_text("Welkom, Anna Jansen.")).to_be_visible()
    expect(page.get_by_role("link", name="Voortgang")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Uitloggen").click()
    expect(page).to_have_url(re.compile("/login$"))
    page.goto(f"{base}/")
    expect(page).to_have_url(re.compile("/login"))
    with app.app_context():
        actions = [e.action for e in db.session.scalars(db.select(AuditEvent))]
        db.session.remove()
    assert {"user.created", "auth.login_sso", "auth.logout"} <= set(actions)
