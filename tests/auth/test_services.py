import logging

from academy.auth.services import LoginOutcome, authenticate, hash_password


def test_passwords_are_hashed_with_scrypt():
    hashed = hash_password("geheim-wachtwoord")
    assert hashed.startswith("scrypt:")
    assert "geheim-wachtwoord" not in hashed


def test_authenticate_outcomes(app):
    with app.test_request_context():
        assert authenticate("medewerker", "academie-test").outcome is LoginOutcome.OK
        assert authenticate("medewerker", "fout").outcome is LoginOutcome.INVALID
        assert authenticate("onbekend", "fout").outcome is LoginOutcome.INVALID


def test_sixth_failure_reports_throttled(app):
    with app.test_request_context():
        outcomes = [authenticate("trainer", "fout").outcome for _ in range(6)]
        # While throttled even the right password is not checked.
        assert authenticate("trainer", "academie-test").outcome is LoginOutcome.THROTTLED
    assert outcomes[:5] == [LoginOutcome.INVALID] * 5
    assert outcomes[5] is LoginOutcome.THROTTLED


def test_password_never_logged(app, caplog):
    caplog.set_level(logging.DEBUG)
    with app.test_request_context():
        for _ in range(7):
            authenticate("trainer", "zeer-geheim-123")
    assert "zeer-geheim-123" not in caplog.text
    assert "throttled" in caplog.text
