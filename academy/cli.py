"""Command-line tasks: database set-up, demo data, user creation, backups."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext
from flask_migrate import upgrade

from academy.demo.users import DEMO_USERS


def register(app: Flask) -> None:
    app.cli.add_command(init_db)
    app.cli.add_command(seed_demo_command)
    app.cli.add_command(create_user_command)
    app.cli.add_command(import_docs_command)
    app.cli.add_command(index_group)
    app.cli.add_command(backup_command)
    app.cli.add_command(restore_command)
    app.cli.add_command(jobs_group)
    app.cli.add_command(findability_group)


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
    click.echo("  (plus 14 demo colleagues with learning progress, same password)")


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


@click.group("index")
def index_group() -> None:
    """Manage the practice search index (derived from the documents table)."""


@index_group.command("rebuild")
@with_appcontext
def index_rebuild() -> None:
    """Build a fresh index from the database aside and swap it in atomically."""
    from academy.documents.indexing import document_count, rebuild_index

    total = document_count()
    with click.progressbar(length=total, label="Indexing documents", file=None) as bar:
        done = [0]

        def progress(count: int) -> None:
            bar.update(count - done[0])
            done[0] = count

        count = rebuild_index(progress=progress)
    click.echo(f"Search index rebuilt: {count} documents.")


@index_group.command("ensure")
@with_appcontext
def index_ensure() -> None:
    """Rebuild the index only when it is missing, corrupt or out of step with the database."""
    from academy.documents.indexing import document_count, ensure_index

    outcome = ensure_index()
    if outcome == "rebuilt":
        click.echo(f"Search index built from the database: {document_count()} documents.")
    elif outcome == "up to date":
        click.echo("Search index is up to date.")
    else:
        click.echo(f"Search index {outcome} from the change feed.")


@index_group.command("status")
@with_appcontext
def index_status() -> None:
    """Show whether the index is usable and how many documents it holds."""
    from academy.documents.indexing import index_state, search_index

    healthy = search_index().check()
    state = index_state()
    click.echo(f"Index: {current_app.config['SEARCH_INDEX_DIR']}")
    click.echo(f"Usable: {'yes' if healthy and state.usable else 'no'}")
    click.echo(f"Documents in index: {state.documents_in_index if healthy else 0}")
    click.echo(f"Documents in database: {state.documents_in_database}")
    click.echo(f"Change feed: applied {state.applied} of {state.latest} (lag {state.lag})")


@click.group("findability")
def findability_group() -> None:
    """Measure how findable each theme's key documents are."""


@findability_group.command("scan")
@click.option(
    "--if-never",
    is_flag=True,
    help="Only when no scan has finished yet (make run: figures on the first start).",
)
@with_appcontext
def findability_scan(if_never: bool) -> None:
    """Run a findability scan now, in this process (the worker runs the nightly one)."""
    from academy.extensions import db
    from academy.findability.scan import create_scan, execute_scan
    from academy.findability.services import latest_scan
    from academy.models import ScanState

    if if_never and latest_scan() is not None:
        click.echo("Findability: a scan has finished before; nothing to do.")
        return
    scan, created = create_scan("cli")
    if not created:
        click.echo(f"Findability: scan {scan.id} is already waiting or running.")
        return
    execute_scan(scan.id)
    db.session.refresh(scan)
    click.echo(
        f"Findability scan {scan.id}: {scan.state}, {scan.done} key questions, "
        f"{scan.searches} searches."
    )
    if scan.state != ScanState.DONE:
        raise click.ClickException(scan.message or "the scan did not finish")


@click.command("import-docs")
@click.argument("path", type=click.Path(path_type=Path))
@click.option(
    "--max-mb",
    type=click.IntRange(min=1, max=2048),
    default=50,
    show_default=True,
    help="Skip (and report) files larger than this many megabytes.",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Remove documents imported earlier from this folder whose files are gone.",
)
@with_appcontext
def import_docs_command(path: Path, max_mb: int, prune: bool) -> None:
    """Import a folder tree of .txt, .md, .html, .pdf and .docx files (re-runs update).

    Runs here and now (not on the job queue), recorded as an import run that the admin
    pages show like any other; the index catches up from the change feed.
    """
    from academy.documents.importer import import_folder

    if not path.exists():
        raise click.ClickException(f"{path} does not exist.")
    if not path.is_dir():
        raise click.ClickException(f"{path} is not a folder; give the folder to import.")

    bar = None
    with contextlib.ExitStack() as stack:

        def progress(done: int, total: int) -> None:
            nonlocal bar
            if bar is None:  # the total is known once the folder has been walked
                bar = stack.enter_context(
                    click.progressbar(length=total, label="Importing", file=sys.stderr)
                )
            bar.update(done - bar.pos)

        summary = import_folder(
            path, progress=progress, max_bytes=max_mb * 1024 * 1024, prune=prune
        )

    click.echo(
        f"Import finished: {summary.added} added, {summary.updated} updated, "
        f"{summary.unchanged} unchanged, {len(summary.failed)} not imported "
        f"({summary.total} files)" + (f", {summary.removed} removed." if prune else ".")
    )
    if summary.state != "done":
        click.echo(f"The run ended as {summary.state}: {summary.message}", err=True)
    if summary.failed:
        click.echo("")
        click.echo("Not imported (the other files were imported):")
        for relative, reason in summary.failed:
            click.echo(f"  {relative}: {reason}")
    if summary.warnings:
        click.echo("")
        click.echo("Warnings:")
        for warning in summary.warnings:
            click.echo(f"  {warning}")


@click.command("backup")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--overwrite", is_flag=True, help="Replace PATH when it already exists.")
@with_appcontext
def backup_command(path: Path, overwrite: bool) -> None:
    """Write a consistent copy of the database to PATH (a file, or a folder for a dated name).

    Safe while the app runs: SQLite's backup API, or pg_dump on PostgreSQL.
    """
    from academy.backup import BackupError, backup_database
    from academy.extensions import db

    try:
        result = backup_database(db.engine, path, overwrite=overwrite)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Backup written: {result.path} ({result.engine}, {result.size / 1e6:.1f} MB).")


@click.command("restore")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@click.option("--skip-index", is_flag=True, help="Do not rebuild this node's search index.")
@with_appcontext
def restore_command(path: Path, yes: bool, skip_index: bool) -> None:
    """Replace ALL data in the database with the backup at PATH (made by `flask backup`)."""
    from academy.backup import BackupError, restore_database
    from academy.documents.indexing import rebuild_index
    from academy.extensions import db

    if not path.is_file():
        raise click.ClickException(f"{path} does not exist or is not a file.")
    if not yes:
        click.confirm(
            f"This replaces ALL data in {db.engine.url.render_as_string(hide_password=True)} "
            f"with the backup {path}. Continue?",
            abort=True,
        )
    db.session.remove()
    try:
        restore_database(db.engine, path)
    except BackupError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Database restored from {path}.")
    click.echo("If the backup is older than this version of the app, run `flask init-db`.")
    if skip_index:
        click.echo("Rebuild the search index on every node: flask index rebuild")
        return
    count = rebuild_index()
    click.echo(f"Search index rebuilt on this node: {count} documents.")
    click.echo(
        "Other nodes: run `flask index rebuild` on each of them (their worker rebuilds by "
        "itself only when the restored feed is behind its index)."
    )


@click.group("jobs")
def jobs_group() -> None:
    """Background jobs (imports; this node's search index follows the change feed)."""


@jobs_group.command("worker")
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True)
@click.option(
    "--no-periodic",
    is_flag=True,
    help="Leave periodic tasks to another node's worker (several nodes, one shared queue).",
)
@with_appcontext
def jobs_worker(workers: int, no_periodic: bool) -> None:
    """Run the job worker of this node until Ctrl+C (one per node)."""
    from academy.jobs import queue, run_worker

    if queue.immediate:
        raise click.ClickException("JOBS_IMMEDIATE is set: tasks run in the caller, no worker.")
    click.echo(f"Job worker: {workers} threads on {current_app.config['JOBS_URL']}")
    app = current_app._get_current_object()  # type: ignore[attr-defined]  # the proxy's app
    run_worker(app, workers=workers, periodic=not no_periodic)
