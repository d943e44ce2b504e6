"""Command-line tasks: database set-up, demo data, user creation."""

from __future__ import annotations

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade

from academy.demo.users import DEMO_USERS


def register(app: Flask) -> None:
    app.cli.add_command(init_db)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(create_user_command)


@click.command("init-db")
@with_appcontext
def init_db() -> None:
    """Create or upgrade the database schema to the newest migration."""
    from academy.maturity.services import ensure_ladder

    upgrade()
    if ensure_ladder():
        click.echo("Analytics ladder created (levels 0-4 with their criteria).")
    click.echo("Database is up to date.")


@click.command("seed-demo")
@with_appcontext
def seed_demo_command() -> None:
    """Load the demo data (idempotent) and print the demo logins."""
    from academy.demo.seed import seed_demo

    password = current_app.config["DEMO_PASSWORD"]
    report = seed_demo(password)
    if report.created:
        made = ", ".join(f"{count} {what}" for what, count in sorted(report.created.items()))
        click.echo(f"Demo data loaded: {made}.")
    else:
        click.echo("Demo data already present; nothing changed.")
    click.echo("")
    click.echo("Demo logins (for trying the app out only, never for real data):")
    for user in DEMO_USERS:
        roles = ", ".join(role.value for role in user.roles)
        click.echo(f"  {user.username:<18} ({roles})")
    click.echo("  password: the value of DEMO_PASSWORD (default 'academie')")


@click.command("create-user")
@click.argument("username")
@click.option(
    "--role",
    "roles",
    multiple=True,
    required=True,
    type=click.Choice(["admin", "programmamanager", "trainer", "medewerker"]),
    help="Role to give; repeat for several.",
)
@click.option("--team", default=None, help="Name of an existing team.")
@click.option("--full-name", default="", help="Display name.")
@click.password_option(help="Password (asked for when not given).")
@with_appcontext
def create_user_command(
    username: str, roles: tuple[str, ...], team: str | None, full_name: str, password: str
) -> None:
    """Create a user account."""
    from sqlalchemy import select

    from academy.admin.services import create_user
    from academy.auth.services import MIN_PASSWORD_LENGTH
    from academy.errors import DomainError
    from academy.extensions import db
    from academy.models import Team

    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.UsageError(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    team_id = None
    if team:
        team_id = db.session.scalar(select(Team.id).where(Team.name == team))
        if team_id is None:
            raise click.UsageError(f"No team named {team!r}.")
    try:
        user = create_user(
            username=username, password=password, roles=roles, full_name=full_name, team_id=team_id
        )
    except DomainError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Created user {user.username} with roles {', '.join(sorted(roles))}.")
