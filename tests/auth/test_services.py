import logging

from academy.auth.services import LoginOutcome, authenticate, hash_password


def test_passwords_are_hashed_with_scrypt():
    hashed = hash_password("geheim-wachtwoord")
    assert hashed.startswith("scrypt:")
    assert "geheim-wachtwoord" not in hashed


def test_authenticate_outcomes(app):
    with app.app_context():
        assert authenticate("medewerker", "academie-test").outcome is LoginOutcome.OK
        assert authenticate("medewerker", "fout").outcome is LoginOutcome.INVALID
        assert authenticate("onbekend", "fout").outcome is LoginOutcome.INVALID


def test_fifth_failure_reports_locked(app):
    with app.app_context():
        outcomes = [authenticate("trainer", "fout").outcome for _ in range(5)]
    assert outcomes[:4] == [LoginOutcome.INVALID] * 4
    assert outcomes[4] is LoginOutcome.LOCKED


def test_password_never_logged(app, caplog):
    caplog.set_level(logging.DEBUG)
    with app.app_context():
        for _ in range(6):
            authenticate("trainer", "zeer-geheim-123")
    assert "zeer-geheim-123" not in caplog.text
    assert "locked" in caplog.text
