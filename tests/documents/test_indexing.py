"""The change feed and each node's index following it (academy.documents.feed / indexing)."""

import logging
import shutil
import time
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from academy.documents import indexing
from academy.documents.feed import latest_sequence, record_changes
from academy.extensions import db
from academy.models import Document, DocumentChange, Theme
from search_module import SearchRequest


def _total(query: str) -> int:
    return indexing.search_index().search(SearchRequest(query=query)).total


def _feed() -> list[tuple[int, bool]]:
    return [
        (row.document_id, row.removed)
        for row in db.session.scalars(select(DocumentChange).order_by(DocumentChange.seq))
    ]


def test_every_orm_write_to_a_document_leaves_a_feed_entry(app, documents):
    with app.app_context():
        before = latest_sequence()
        document = Document(key="nieuw", title="Nota mantelzorg", doctype="nota", body="Zorg.")
        db.session.add(document)
        db.session.commit()
        document.title = "Nota respijtzorg"
        db.session.commit()
        document.author = "A. Auteur"  # not indexed: no entry needed
        db.session.commit()
        db.session.delete(document)
        db.session.commit()
        entries = db.session.execute(
            select(DocumentChange.document_id, DocumentChange.removed)
            .where(DocumentChange.seq > before)
            .order_by(DocumentChange.seq)
        ).all()
    assert [tuple(e) for e in entries] == [
        (document.id, False),
        (document.id, False),
        (document.id, True),
    ]


def test_a_rolled_back_write_leaves_no_entry(app, documents):
    with app.app_context():
        before = latest_sequence()
        db.session.add(Document(key="weg", title="Weg", doctype="nota", body="x"))
        db.session.flush()
        db.session.rollback()
        assert latest_sequence() == before


def test_catch_up_applies_additions_changes_and_removals(app, documents):
    with app.app_context():
        document = Document(key="nieuw", title="Nota mantelzorg", doctype="nota", body="Zorg.")
        db.session.add(document)
        db.session.commit()
        assert _total("mantelzorg") == 0  # written, not yet applied
        assert indexing.catch_up_index() == 1
        assert _total("mantelzorg") == 1
        document.title = "Nota respijtzorg"
        db.session.commit()
        indexing.catch_up_index()
        assert (_total("mantelzorg"), _total("respijtzorg")) == (0, 1)
        db.session.delete(document)
        db.session.commit()
        indexing.catch_up_index()
        assert _total("respijtzorg") == 0
        assert indexing.index_state().lag == 0
        assert indexing.catch_up_index() == 0  # nothing new


def test_renaming_a_theme_reindexes_its_documents(app, documents):
    with app.app_context():
        theme = db.session.scalar(select(Theme).where(Theme.code == "armoede"))
        theme.name = "Bestaanszekerheid"
        db.session.commit()
        indexing.catch_up_index()
        result = indexing.search_index().search(SearchRequest(query="thema:Bestaanszekerheid"))
        assert result.total == 1


def test_bulk_writes_record_their_changes_themselves(app, documents):
    with app.app_context():
        db.session.execute(
            insert(Document),
            [
                {"key": f"bulk-{n}", "title": f"Bulkrapport {n}", "doctype": "nota"}
                for n in range(3)
            ],
        )
        record_changes(select(Document.id).where(Document.key.like("bulk-%")))
        db.session.commit()
        assert indexing.catch_up_index() == 3
        assert _total("bulkrapport") == 3


def test_a_late_commit_behind_a_gap_is_still_applied(app, documents):
    """PostgreSQL numbers entries before commit: a later number can commit first."""
    with app.app_context():
        late = Document(key="laat", title="Late nota over leerplicht", doctype="nota", body="x")
        db.session.add(late)
        db.session.commit()
        late_seq = latest_sequence()
        # Pretend its entry had not committed yet: remove it, let a newer one through.
        db.session.execute(DocumentChange.__table__.delete().where(DocumentChange.seq == late_seq))
        db.session.execute(
            insert(DocumentChange),
            [{"seq": late_seq + 1, "document_id": documents["kern-vsv"], "removed": False}],
        )
        db.session.commit()
        indexing.catch_up_index()
        assert _total("leerplicht") == 0
        assert [gap[0] for gap in indexing.index_checkpoint().gaps] == [late_seq]
        # ... now the late transaction commits.
        db.session.execute(
            insert(DocumentChange), [{"seq": late_seq, "document_id": late.id, "removed": False}]
        )
        db.session.commit()
        indexing.catch_up_index()
        assert _total("leerplicht") == 1
        assert indexing.index_checkpoint().gaps == ()
        # A gap that never fills (a rolled-back transaction) is given up after a while.
        db.session.execute(
            insert(DocumentChange),
            [{"seq": late_seq + 3, "document_id": late.id, "removed": False}],
        )
        db.session.commit()
        indexing.catch_up_index()
        assert [gap[0] for gap in indexing.index_checkpoint().gaps] == [late_seq + 2]
        indexing.catch_up_index(now=time.time() + indexing.GAP_TTL_SECONDS + 1)
        assert indexing.index_checkpoint().gaps == ()


def test_missing_index_is_rebuilt_by_ensure_with_a_warning(app, documents, caplog):
    caplog.set_level(logging.WARNING)
    with app.app_context():
        shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
        indexing.search_index().close()
        assert indexing.ensure_index() == "rebuilt"
        assert indexing.search_index().document_count() == 4
        assert indexing.ensure_index() == "up to date"
    assert "rebuilding" in caplog.text


def test_corrupt_index_is_rebuilt(app, documents):
    with app.app_context():
        index_dir = Path(app.config["SEARCH_INDEX_DIR"])
        for segment in index_dir.rglob("*.seg"):
            segment.write_bytes(b"garbage")
        for toc in index_dir.rglob("*.toc"):
            toc.write_bytes(b"garbage")
        indexing.search_index().close()
        assert indexing.ensure_index() == "rebuilt"
        assert _total("armoedemonitor") == 1


def test_drift_without_a_feed_entry_is_found_and_rebuilt(app, documents):
    """A row that bypassed the feed (a bug, a manual SQL insert) cannot hide for long."""
    with app.app_context():
        db.session.execute(
            insert(Document), [{"key": "stiekem", "title": "Stiekeme nota", "doctype": "nota"}]
        )
        db.session.commit()
        assert indexing.ensure_index() == "rebuilt"
        assert _total("stiekeme") == 1


def test_a_restored_older_database_makes_the_index_rebuild(app, documents):
    with app.app_context():
        db.session.execute(DocumentChange.__table__.delete())  # the feed "went back"
        db.session.commit()
        assert indexing.ensure_index() == "rebuilt"
        assert indexing.index_checkpoint().seq == 0


def test_index_state_reports_the_lag(app, documents):
    with app.app_context():
        for n in range(3):
            db.session.add(Document(key=f"n{n}", title=f"Nota {n}", doctype="nota"))
        db.session.commit()
        state = indexing.index_state()
        assert (state.usable, state.lag, state.documents_in_database) == (True, 3, 7)
        indexing.catch_up_index()
        assert indexing.index_state().in_step


def test_very_long_text_is_indexed_up_to_the_limit(app, documents, monkeypatch):
    monkeypatch.setattr(indexing, "INDEXED_BODY_CHARS", 1000)
    with app.app_context():
        body = "begin " + "vulling " * 500 + "staartwoord"
        db.session.add(Document(key="lang", title="Lang logboek", doctype="nota", body=body))
        db.session.commit()
        indexing.catch_up_index()
        assert _total("begin") == 1
        assert _total("staartwoord") == 0
        assert db.session.scalar(select(func.length(Document.body)).where(Document.key == "lang"))


def test_cli_index_commands(app, runner, documents):
    result = runner.invoke(args=["index", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "4 documents" in result.output
    status = runner.invoke(args=["index", "status"])
    assert "Usable: yes" in status.output
    assert "Documents in index: 4" in status.output
    assert "lag 0" in status.output
    assert "up to date" in runner.invoke(args=["index", "ensure"]).output
    with app.app_context():
        db.session.add(Document(key="cli", title="Nota", doctype="nota"))
        db.session.commit()
    assert "caught up (1)" in runner.invoke(args=["index", "ensure"]).output
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    with app.app_context():
        indexing.search_index().close()
    assert "built from the database" in runner.invoke(args=["index", "ensure"]).output


def test_a_search_request_never_builds_a_missing_index(app, client, documents, login):
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    with app.app_context():
        indexing.search_index().close()
    login("admin")
    page = client.get("/zoeken?q=armoede")
    assert page.status_code == 200
    assert "De zoekindex wordt opgebouwd" in page.get_data(as_text=True)
    assert not Path(app.config["SEARCH_INDEX_DIR"]).exists()


def test_admins_see_the_lag_on_the_search_page(app, client, auth, documents, login):
    with app.app_context():
        db.session.add(Document(key="lag", title="Nota", doctype="nota"))
        db.session.commit()
    login("admin")
    assert "1 wijziging achter" in client.get("/zoeken").get_data(as_text=True)
    auth.logout()
    login("medewerker")
    assert "achter op de database" not in client.get("/zoeken").get_data(as_text=True)


def _failing_writer(documents, *args, **kwargs):
    """An index write that reads one document, then fails (a full disk, say)."""
    next(iter(documents))
    raise OSError("schijf vol")


def test_a_failed_catch_up_gives_its_reading_connection_back(app, documents, monkeypatch):
    # The failure's traceback keeps the half-read document stream alive; if the stream
    # is not closed, its connection stays checked out until the garbage collector finds
    # it (by then the engine may be gone: an unclosed-connection warning, or a leak).
    monkeypatch.setattr(indexing.SearchIndex, "apply", lambda self, *a, **k: _failing_writer(*a))
    with app.app_context():
        db.session.add(Document(key="nieuw", title="Nota", doctype="nota", body="Zorg."))
        db.session.commit()
        with pytest.raises(OSError) as failure:
            indexing.catch_up_index()
        db.session.close()  # the caller's own session; the stream has one of its own
        assert db.engine.pool.checkedout() == 0
        assert failure.value.args == ("schijf vol",)


def test_a_failed_rebuild_gives_its_reading_connection_back(app, documents, monkeypatch):
    monkeypatch.setattr(indexing.SearchIndex, "rebuild", lambda self, *a, **k: _failing_writer(*a))
    with app.app_context():
        with pytest.raises(OSError) as failure:
            indexing.rebuild_index()
        db.session.close()
        assert db.engine.pool.checkedout() == 0
        assert failure.value.args == ("schijf vol",)
