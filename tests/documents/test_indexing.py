import logging
import shutil
from pathlib import Path

from academy.documents import indexing
from academy.extensions import db
from academy.models import Document
from search_module import SearchRequest


def test_missing_index_is_rebuilt_from_database_with_warning(app, documents, caplog):
    caplog.set_level(logging.WARNING)
    with app.app_context():
        assert indexing.ensure_index() is True
        assert indexing.search_index().document_count() == 4
        assert indexing.ensure_index() is False  # checked once per process
    assert "rebuilding from the database" in caplog.text


def test_corrupt_index_is_rebuilt(app, documents, caplog):
    with app.app_context():
        indexing.rebuild_index()
        index_dir = Path(app.config["SEARCH_INDEX_DIR"])
        for segment in index_dir.rglob("*.seg"):
            segment.write_bytes(b"garbage")
        for toc in index_dir.rglob("*.toc"):
            toc.write_bytes(b"garbage")
        indexing.search_index().close()
        caplog.set_level(logging.WARNING)
        assert indexing.ensure_index(force_check=True) is True
        result = indexing.search_index().search(SearchRequest(query="armoedemonitor"))
        assert result.total == 1


def test_index_out_of_step_with_database_is_rebuilt(app, documents):
    with app.app_context():
        indexing.rebuild_index()
        db.session.add(
            Document(
                key="nieuw",
                title="Nieuwe nota over mantelzorg",
                doctype="nota",
                year=2025,
                body="Mantelzorgers verdienen steun.",
            )
        )
        db.session.commit()
        assert indexing.ensure_index(force_check=True) is True
        assert indexing.search_index().search(SearchRequest(query="mantelzorg")).total == 1


def test_incremental_update_and_delete(app, documents):
    with app.app_context():
        indexing.rebuild_index()
        document = db.session.get(Document, documents["kern-armoede"])
        document.title = "Schuldenmonitor 2024"
        db.session.commit()
        indexing.index_documents([document])
        index = indexing.search_index()
        assert index.search(SearchRequest(query="schuldenmonitor")).total == 1
        indexing.remove_from_index([document.id])
        assert index.search(SearchRequest(query="schuldenmonitor")).total == 0


def test_cli_index_commands(app, runner, documents):
    result = runner.invoke(args=["index", "rebuild"])
    assert result.exit_code == 0, result.output
    assert "4 documents" in result.output
    status = runner.invoke(args=["index", "status"])
    assert "Usable: yes" in status.output
    assert "Documents in index: 4" in status.output
    assert "up to date" in runner.invoke(args=["index", "ensure"]).output
    shutil.rmtree(app.config["SEARCH_INDEX_DIR"])
    with app.app_context():
        indexing.search_index().close()
    assert "built from the database" in runner.invoke(args=["index", "ensure"]).output
