"""Consistent online backups of the database, and restoring one.

SQLite: the backup API copies the database in one read transaction, so the copy is one
moment's state while the app goes on writing (WAL lets the writer continue). Restoring copies
the backup back the same way, under the write lock, so other connections see either the old
or the new database, never a mixture.

PostgreSQL: `pg_dump --format=custom` of the app's schema (its snapshot is consistent while
the app writes) and `pg_restore --clean --single-transaction` (all or nothing). The client
tools must be installed (Debian: apt-get install postgresql-client) and at least as new as
the server.

The search index is derived from the documents table; after a restore rebuild it on every
node (`flask index rebuild`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, Engine

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
# TOC lines of the schema itself: the schema already exists and may hold more than the app.
SCHEMA_ENTRY = re.compile(r"^\d+; \d+ \d+ (SCHEMA|COMMENT - SCHEMA|ACL - SCHEMA) ")
TOOL_TIMEOUT = 6 * 3600  # seconds; a hung tool should not hang cron forever


class BackupError(RuntimeError):
    """A backup or restore that cannot run; the message says why and what to do."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    engine: str  # "sqlite" or "postgresql"
    size: int  # bytes


def backup_database(engine: Engine, target: Path, *, overwrite: bool = False) -> BackupResult:
    """Write a consistent copy of the database to `target` (a folder gets a dated file name).

    The copy is written aside and renamed into place, so a failed backup never leaves a
    file that looks complete.
    """
    kind = engine.dialect.name
    target = _backup_target(Path(target), kind, overwrite)
    fd, temporary = tempfile.mkstemp(prefix=".backup-", dir=target.parent)
    os.close(fd)
    try:
        if kind == "sqlite":
            _sqlite_backup(_sqlite_path(engine), Path(temporary))
        elif kind == "postgresql":
            _pg_dump(engine, Path(temporary))
        else:
            raise BackupError(f"Backups of {kind} databases are not supported.")
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return BackupResult(path=target, engine=kind, size=target.stat().st_size)


def restore_database(engine: Engine, source: Path) -> None:
    """Replace the database's contents with a backup made by `backup_database`."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} does not exist or is not a file.")
    with source.open("rb") as handle:
        head = handle.read(len(SQLITE_MAGIC))
    kind = engine.dialect.name
    engine.dispose()  # no pooled connection of ours holds the old database open
    if kind == "sqlite":
        if not head.startswith(SQLITE_MAGIC):
            raise BackupError(f"{source} is not a SQLite backup (this app runs on SQLite).")
        _sqlite_restore(source, _sqlite_path(engine))
    elif kind == "postgresql":
        if not head.startswith(PG_DUMP_MAGIC):
            raise BackupError(
                f"{source} is not a pg_dump custom-format backup (this app runs on PostgreSQL)."
            )
        _pg_restore(engine, source)
    else:
        raise BackupError(f"Restoring {kind} databases is not supported.")


# --- paths ------------------------------------------------------------------------------------


def _backup_target(target: Path, kind: str, overwrite: bool) -> Path:
    if target.is_dir():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        suffix = ".sqlite3" if kind == "sqlite" else ".dump"
        target = target / f"academy-{stamp}{suffix}"
    if not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist; create it first.")
    if not os.access(target.parent, os.W_OK):
        raise BackupError(f"The folder {target.parent} is not writable.")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} already exists; choose another name or overwrite it.")
    return target


def _sqlite_path(engine: Engine) -> Path:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        raise BackupError("An in-memory SQLite database cannot be backed up or restored.")
    return Path(database)


# --- SQLite -----------------------------------------------------------------------------------


def _sqlite_backup(database: Path, target: Path) -> None:
    if not database.is_file():
        raise BackupError(f"The database {database} does not exist.")
    source = sqlite3.connect(database, timeout=30)
    destination = sqlite3.connect(target)
    try:
        # pages=-1: the whole copy in one step, i.e. one read transaction: a consistent
        # snapshot that writers (WAL) do not have to wait for.
        source.backup(destination, pages=-1)
        destination.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
        _check_sqlite(destination, target)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite backup failed: {error}") from error
    finally:
        destination.close()
        source.close()


def _sqlite_restore(source: Path, database: Path) -> None:
    try:
        backup = sqlite3.connect(source)
    except sqlite3.Error as error:
        raise BackupError(f"{source} cannot be opened: {error}") from error
    try:
        _check_sqlite(backup, source)
        tables = {row[0] for row in backup.execute("SELECT name FROM sqlite_master")}
        if "users" not in tables:
            raise BackupError(f"{source} is a SQLite database, but not a Data Academie backup.")
        live = sqlite3.connect(database, timeout=30)
        try:
            backup.backup(live, pages=-1)  # under the live database's write lock
        except sqlite3.Error as error:
            raise BackupError(f"SQLite restore failed: {error}") from error
        finally:
            live.close()
    finally:
        backup.close()


def _check_sqlite(connection: sqlite3.Connection, path: Path) -> None:
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database: {error}") from error
    if result != "ok":
        raise BackupError(f"{path} failed SQLite's integrity check: {result}")


# --- PostgreSQL -------------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client tools (Debian/Ubuntu: "
            "apt-get install postgresql-client), in a version at least that of the server."
        )
    return path


def _pg_connection(engine: Engine) -> tuple[str, dict[str, str]]:
    """A libpq URI without the password, and the environment that carries it (not argv)."""
    url: URL = engine.url
    uri = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    environment = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if url.password is not None:
        environment["PGPASSWORD"] = str(url.password)
    return uri, environment


def _app_schema(engine: Engine) -> str:
    with engine.connect() as connection:
        return connection.execute(text("SELECT current_schema()")).scalar_one()


def _run(command: list[str], environment: dict[str, str], what: str) -> str:
    try:
        finished = subprocess.run(
            command,
            env=environment,
            capture_output=True,
            text=True,
            timeout=TOOL_TIMEOUT,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise BackupError(f"{what} did not finish within {TOOL_TIMEOUT} s.") from error
    if finished.returncode != 0:
        detail = finished.stderr.strip().splitlines()[-5:]
        raise BackupError(f"{what} failed: " + " / ".join(detail))
    return finished.stdout


def _pg_dump(engine: Engine, target: Path) -> None:
    pg_dump = _pg_tool("pg_dump")
    uri, environment = _pg_connection(engine)
    schema = _app_schema(engine)
    _run(
        [
            pg_dump,
            "--format=custom",
            f"--schema={schema}",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
            f"--dbname={uri}",
        ],
        environment,
        "pg_dump",
    )


def _pg_restore(engine: Engine, source: Path) -> None:
    pg_restore = _pg_tool("pg_restore")
    uri, environment = _pg_connection(engine)
    listing = _run([pg_restore, "--list", str(source)], environment, "Reading the backup")
    entries = [line for line in listing.splitlines() if not SCHEMA_ENTRY.match(line)]
    with tempfile.NamedTemporaryFile("w", suffix=".list", delete=False) as handle:
        handle.write("\n".join(entries) + "\n")
    try:
        _run(
            [
                pg_restore,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",  # all or nothing
                "--exit-on-error",
                f"--use-list={handle.name}",
                f"--dbname={uri}",
                str(source),
            ],
            environment,
            "pg_restore",
        )
    finally:
        Path(handle.name).unlink(missing_ok=True)
