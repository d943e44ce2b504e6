from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from academy import create_app
from academy.extensions import db
from academy.models import Role, Team, User
from tests.conftest import make_test_config


@pytest.fixture
def empty_app(tmp_path: Path):
    """An app whose database has no tables yet: what a fresh clone starts with."""
    app = create_app(make_test_config(tmp_path))
    with app.app_context():
        db.drop_all()
        db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
    yield app
    with app.app_context():
        db.drop_all()
        db.session.execute(db.text("DROP TABLE IF EXISTS alembic_version"))
        db.session.commit()
        db.engine.dispose()


def _counts(app) -> tuple[int, int]:
    with app.app_context():
        return (
            db.session.scalar(select(func.count(User.id))),
            db.session.scalar(select(func.count(Team.id))),
        )


def test_migrations_build_the_schema_the_models_describe(empty_app):
    runner = empty_app.test_cli_runner()
    result = runner.invoke(args=["init-db"])
    assert result.exit_code == 0, result.output
    with empty_app.app_context(), db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == [], "models changed without a migration: run `flask db migrate`"


def test_seed_demo_is_idempotent(empty_app):
    runner = empty_app.test_cli_runner()
    assert runner.invoke(args=["init-db"]).exit_code == 0
    first = runner.invoke(args=["seed-demo"])
    assert first.exit_code == 0, first.output
    assert "Demo data loaded" in first.output
    for username in ("admin", "programmamanager", "trainer", "medewerker"):
        assert username in first.output
    counts = _counts(empty_app)
    second = runner.invoke(args=["seed-demo"])
    assert second.exit_code == 0
    assert "nothing changed" in second.output
    assert _counts(empty_app) == counts


def test_demo_users_log_in_with_demo_password(empty_app):
    runner = empty_app.test_cli_runner()
    runner.invoke(args=["init-db"])
    runner.invoke(args=["seed-demo"])
    client = empty_app.test_client()
    for username in ("admin", "programmamanager", "trainer", "medewerker"):
        response = client.post("/login", data={"username": username, "password": "academie"})
        assert response.status_code == 302, username
        client.post("/logout")
    with empty_app.app_context():
        admin = db.session.scalar(select(User).where(User.username == "admin"))
        assert admin.roles == {Role.ADMIN}
        assert admin.team is not None


def test_seed_demo_uses_demo_password_setting(tmp_path):
    app = create_app(make_test_config(tmp_path, DEMO_PASSWORD="ander-wachtwoord"))
    with app.app_context():
        db.create_all()
    runner = app.test_cli_runner()
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    client = app.test_client()
    assert (
        client.post("/login", data={"username": "trainer", "password": "academie"}).status_code
        == 200
    )
    assert (
        client.post(
            "/login", data={"username": "trainer", "password": "ander-wachtwoord"}
        ).status_code
        == 302
    )
    with app.app_context():
        db.drop_all()
        db.engine.dispose()


def test_create_user_command(app, runner):
    result = runner.invoke(
        args=[
            "create-user",
            "k.klaassen",
            "--role",
            "trainer",
            "--role",
            "medewerker",
            "--team",
            "Team Test",
            "--full-name",
            "Kees Klaassen",
            "--password",
            "een-goed-wachtwoord",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "een-goed-wachtwoord" not in result.output
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "k.klaassen"))
        assert user.roles == {Role.TRAINER, Role.EMPLOYEE}
        assert user.team.name == "Team Test"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["admin", "--role", "admin", "--password", "lang-genoeg-1"], "al in gebruik"),
        (["nieuw", "--role", "admin", "--password", "kort"], "at least 8"),
        (
            ["nieuw", "--role", "admin", "--team", "Bestaat Niet", "--password", "lang-genoeg-1"],
            "No team named",
        ),
        (["nieuw", "--role", "koning", "--password", "lang-genoeg-1"], "Invalid value"),
    ],
)
def test_create_user_command_rejects_bad_input(app, runner, args, message):
    before = _counts(app)
    result = runner.invoke(args=["create-user", *args])
    assert result.exit_code != 0
    assert message in result.output
    assert _counts(app) == before


def test_demo_learners_have_trails_that_show_the_coaching(empty_app):
    from academy.models import Attempt
    from academy.training import services as training
    from academy.training import skills

    runner = empty_app.test_cli_runner()
    runner.invoke(args=["init-db"])
    assert runner.invoke(args=["seed-demo"]).exit_code == 0
    with empty_app.app_context():
        failed = db.session.scalars(
            select(Attempt).where(Attempt.status == "graded", Attempt.passed.is_(False))
        ).all()
        codes = {
            advice.code
            for attempt in failed
            for advice in training.attempt_coaching(attempt, reveal=True)
        }
        assert {"repeated", "zero_given_up", "synonyms_or", "missing_filter"} <= codes
        bakker = db.session.scalar(select(User).where(User.username == "s.bakker"))
        profile = skills.skill_profile(bakker)
        assert sum(1 for count in profile.values() if count) >= 3, profile
