"""The document pages (/beheer/documenten): upload imports and their runs, the list, a
document's page with its metadata, re-index and delete."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from academy.documents.indexing import search_index
from academy.extensions import db
from academy.models import Document
from search_module import SearchRequest
from tests.documents.docfiles import pdf_bytes

PAGE = "/beheer/documenten"
IMPORTS = "/beheer/documenten/imports"
IMPORT = IMPORTS


@pytest.fixture
def upload_tmp(app) -> Path:
    """Uploads wait in the staging folder; the test checks that it is cleaned up."""
    return Path(app.config["IMPORT_STAGING_DIR"])


def _staged(folder: Path) -> list[Path]:
    return list(folder.iterdir()) if folder.exists() else []


def _keys(app) -> set[str]:
    with app.app_context():
        return set(db.session.scalars(select(Document.key).where(Document.origin == "import")))


def _upload(client, *files: tuple[str, bytes], follow_redirects: bool = True):
    return client.post(
        IMPORT,
        data={"files": [(io.BytesIO(content), name) for name, content in files]},
        content_type="multipart/form-data",
        follow_redirects=follow_redirects,
    )


def _counts(html: str) -> dict[str, int]:
    """The run page's key figures: added, updated, unchanged, skipped."""
    return {k: int(v) for k, v in re.findall(r'data-field="(\w+)">(\d+)</strong>', html)}


def _outcomes(html: str) -> dict[str, tuple[str, str]]:
    """File -> (outcome, reason) from the run page's table."""
    rows = re.findall(
        r'<th scope="row" class="path">(?:<a [^>]+>)?([^<]+)(?:</a>)?</th>\s*<td>([^<]+)</td>'
        r"\s*<td>([^<]*)</td>",
        html,
    )
    return {path: (outcome, reason) for path, outcome, reason in rows}


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def test_pages_show_counts_tabs_and_the_upload_form(app, client, login):
    with app.app_context():
        db.session.add(Document(key="kern-1", title="Demo", doctype="nota", origin="demo"))
        db.session.commit()
    login("admin")
    html = client.get(PAGE).get_data(as_text=True)
    assert "<strong>1</strong> Demo" in html
    assert f'href="{PAGE}" aria-current="page">Documenten' in html
    assert '<a href="/beheer/gebruikers">Gebruikers</a>' in html  # that tab is not current
    imports = client.get(IMPORTS).get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in imports
    assert 'type="file"' in imports and "multiple" in imports
    assert f'href="{IMPORTS}" aria-current="page">Imports' in imports
    assert 'name="folder"' in imports  # a released server folder can be chosen
    app.config["IMPORT_FOLDERS"] = ()
    assert "IMPORT_FOLDERS" in client.get(IMPORTS).get_data(as_text=True)  # none: says how


def test_upload_of_several_files_imports_them_and_shows_the_summary(app, client, login, upload_tmp):
    login("admin")
    response = _upload(
        client,
        ("armoede.txt", b"Schuldhulpverlening voor gezinnen in de wijk."),
        ("nota.pdf", pdf_bytes(["Nota kademuren", "Herstel van de kademuren."])),
        ("leeg.md", b""),
    )
    assert response.status_code == 200
    assert response.request.path == f"{IMPORTS}/1"
    html = response.get_data(as_text=True)
    assert _counts(html) == {"added": 2, "updated": 0, "unchanged": 0, "skipped": 1}
    assert _outcomes(html)["leeg.md"] == ("Overgeslagen", "leeg bestand")
    assert _outcomes(html)["nota.pdf"][0] == "Toegevoegd"
    assert _keys(app) == {"import:armoede.txt", "import:nota.pdf"}
    with app.app_context():
        hits = search_index().search(SearchRequest(query="kademuren")).hits
    assert [hit.source for hit in hits] == ["nota.pdf"]
    assert _staged(upload_tmp) == []  # the staging folder is gone

    again = _upload(client, ("armoede.txt", b"Schuldhulpverlening voor gezinnen in de wijk."))
    assert _counts(again.get_data(as_text=True))["unchanged"] == 1
    runs = client.get(IMPORTS).get_data(as_text=True)
    assert "Import 2" in runs and "Klaar" in runs and "admin" in runs
    page = client.get(PAGE).get_data(as_text=True)
    assert "<strong>2</strong> Geïmporteerd" in page


def test_zip_upload_extracts_safely_and_refuses_zip_slip(app, client, login, upload_tmp):
    login("admin")
    archive = _zip(
        {
            "rapporten/jeugd.txt": b"Jeugdhulp in cijfers en trends.",
            "rapporten/metadata.csv": b"bestand;titel;jaar\njeugd.txt;Jeugdmonitor;2023\n",
            "../evil.txt": b"Buiten de map geschreven.",
            "__MACOSX/rapporten/._jeugd.txt": b"\x00\x05\x16\x07",
        }
    )
    response = _upload(client, ("stukken.zip", archive))
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert _counts(html)["added"] == 1
    assert _outcomes(html)["../evil.txt"] == (
        "Overgeslagen",
        "onveilig pad in zip-bestand; overgeslagen",
    )
    assert _keys(app) == {"import:rapporten/jeugd.txt"}
    with app.app_context():
        document = db.session.scalar(select(Document))
        assert (document.title, document.year) == ("Jeugdmonitor", 2023)
    assert not any(path.name == "evil.txt" for path in upload_tmp.parent.rglob("*"))
    assert _staged(upload_tmp) == []


def test_non_utf8_upload_gives_a_summary_not_a_500(app, client, login, upload_tmp):
    login("admin")
    response = _upload(
        client,
        ("windows.txt", "Financiële “analyse” – € 12 miljoen".encode("cp1252")),
        ("kapot.html", b"<h1>Kop \xff\xfe</h1><p>tekst \x81\x8d</p>"),
        ("geen.zip", b"dit is geen zip"),
        ("raar.exe", b"MZ\x00\x00"),
    )
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert _counts(html)["added"] == 2
    assert _outcomes(html)["geen.zip"][1] == "onleesbaar zip-bestand"
    assert _outcomes(html)["raar.exe"][1] == "bestandstype wordt niet ondersteund (.exe)"
    with app.app_context():
        body = db.session.scalar(select(Document.body).where(Document.key == "import:windows.txt"))
    assert body == "Financiële “analyse” – € 12 miljoen"


def _raw_upload(client, filename: bytes, content: bytes):
    boundary = "grens"
    body = (
        f"--{boundary}\r\n".encode()
        + b'Content-Disposition: form-data; name="files"; filename="' + filename + b'"\r\n'
        + b"Content-Type: text/plain\r\n\r\n"
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )  # fmt: skip
    return client.post(
        IMPORT,
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        follow_redirects=True,
    )


def test_accented_file_name_is_kept_in_the_key(app, client, login, upload_tmp):
    login("admin")
    response = _raw_upload(client, "café nota.txt".encode(), b"Caf\xe9 en terras: vergunningen")
    assert response.status_code == 200
    assert _counts(response.get_data(as_text=True))["added"] == 1
    with app.app_context():
        document = db.session.scalar(select(Document))
    assert (document.key, document.title) == ("import:café nota.txt", "Café nota")
    assert document.body == "Café en terras: vergunningen"


def test_file_name_in_invalid_utf8_is_a_form_error_not_a_500(app, client, login, upload_tmp):
    # Werkzeug drops a part whose headers are not UTF-8, so no file arrives.
    login("admin")
    response = _raw_upload(client, b"caf\xe9.txt", b"tekst")
    assert response.status_code == 400
    assert "Kies minstens één bestand of zip-bestand." in response.get_data(as_text=True)
    assert _keys(app) == set()


def test_no_file_chosen_is_a_form_error(client, login):
    login("admin")
    response = client.post(IMPORT, data={}, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "Kies minstens één bestand of zip-bestand." in response.get_data(as_text=True)


@pytest.mark.parametrize("role", ["programmamanager", "trainer", "medewerker"])
def test_non_admins_may_not_see_or_import(app, client, login, role):
    login(role)
    assert client.get(PAGE).status_code == 403
    response = _upload(client, ("a.txt", b"Mag niet"), follow_redirects=False)
    assert response.status_code == 403
    assert _keys(app) == set()


def test_anonymous_upload_goes_to_login(app, client):
    response = _upload(client, ("a.txt", b"Mag niet"), follow_redirects=False)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
    assert _keys(app) == set()


# --------------------------------------------------------------------------- management


@pytest.fixture
def imported(app, client, login):
    """Two documents from one upload run, and the demo document beside them."""
    with app.app_context():
        db.session.add(Document(key="kern-1", title="Demo nota", doctype="nota", origin="demo"))
        db.session.commit()
    login("admin")
    _upload(
        client,
        ("armoede.txt", b"Schuldhulpverlening voor gezinnen in de wijk."),
        ("kademuren.txt", b"Herstel van de kademuren in de binnenstad."),
    )
    with app.app_context():
        return {d.key: d.id for d in db.session.scalars(select(Document))}


def _hits(app, query: str) -> list[str]:
    with app.app_context():
        return [h.title for h in search_index().search(SearchRequest(query=query)).hits]


def test_the_list_filters_on_origin_type_year_run_and_title(app, client, imported):
    html = client.get(PAGE).get_data(as_text=True)
    assert "3 documenten" in html
    assert "2 documenten" in client.get(PAGE + "?herkomst=import").get_data(as_text=True)
    assert "1 document<" in client.get(PAGE + "?q=kademuren").get_data(as_text=True)
    assert "2 documenten" in client.get(PAGE + "?import=1").get_data(as_text=True)
    assert "0 documenten" in client.get(PAGE + "?import=2").get_data(as_text=True)
    assert "1 document<" in client.get(PAGE + "?type=nota").get_data(as_text=True)
    # nonsense in the query string is ignored, never a 500
    assert client.get(PAGE + "?jaar=abc&import=99999999999&pagina=-3&q=%25_").status_code == 200


def test_correcting_metadata_changes_the_page_and_the_search(app, client, imported):
    document_id = imported["import:armoede.txt"]
    page = client.get(f"{PAGE}/{document_id}").get_data(as_text=True)
    assert 'value="Armoede"' in page and "import 1" in page
    response = client.post(
        f"{PAGE}/{document_id}",
        data={
            "title": "Schuldhulp in de wijk",
            "doctype": "factsheet",
            "theme_id": "0",
            "year": "2023",
            "published": "",
            "department": "Werk en Inkomen",
            "author": "",
            "summary": "",
        },  # fmt: skip
        follow_redirects=True,
    )
    assert "De gegevens van het document zijn opgeslagen." in response.get_data(as_text=True)
    with app.app_context():
        document = db.session.get(Document, document_id)
        assert (document.title, document.doctype, document.year) == (
            "Schuldhulp in de wijk",
            "factsheet",
            2023,
        )
    assert _hits(app, "schuldhulp jaar:2023") == ["Schuldhulp in de wijk"]


def test_invalid_metadata_is_a_form_error_and_changes_nothing(app, client, imported):
    document_id = imported["import:armoede.txt"]
    response = client.post(
        f"{PAGE}/{document_id}",
        data={"title": "", "doctype": "nota", "theme_id": "0", "year": "99999"},
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Geef het document een titel." in html and "tussen 1800 en 2100" in html
    with app.app_context():
        assert db.session.get(Document, document_id).title == "Armoede"


def test_delete_one_document_removes_it_from_the_search(app, client, imported):
    document_id = imported["import:kademuren.txt"]
    assert _hits(app, "kademuren") == ["Kademuren"]
    response = client.post(f"{PAGE}/{document_id}/verwijderen", follow_redirects=True)
    assert "is verwijderd" in response.get_data(as_text=True)
    assert _hits(app, "kademuren") == []
    assert client.get(f"{PAGE}/{document_id}").status_code == 404


def test_reindex_one_document_puts_it_back_in_an_index_that_lost_it(app, client, imported):
    document_id = imported["import:kademuren.txt"]
    with app.app_context():  # the index lost it (disk trouble, a bug): no feed entry
        search_index().delete(document_id)
    assert _hits(app, "kademuren") == []
    client.post(f"{PAGE}/{document_id}/herindexeren")
    assert _hits(app, "kademuren") == ["Kademuren"]


def test_deleting_every_document_of_a_run_asks_first(app, client, imported):
    confirm = client.get(f"{IMPORTS}/1/documenten-verwijderen").get_data(as_text=True)
    assert "2 documenten verwijderen" in confirm
    with app.app_context():
        assert db.session.scalar(select(func.count(Document.id))) == 3
    response = client.post(f"{IMPORTS}/1/documenten-verwijderen", follow_redirects=True)
    assert "2 documenten van deze import zijn verwijderd." in response.get_data(as_text=True)
    with app.app_context():
        assert list(db.session.scalars(select(Document.key))) == ["kern-1"]
    assert _hits(app, "kademuren") == []


def test_long_text_is_sent_in_parts(app, client, imported, monkeypatch):
    monkeypatch.setattr("academy.documents.services.TEXT_PART_CHARS", 10)
    document_id = imported["import:kademuren.txt"]

    def text(url: str) -> tuple[str, str]:
        html = client.get(url).get_data(as_text=True)
        part = re.search(r"Deel \d van \d\.", html)
        shown = re.search(r'<pre class="document-text">([^<]*)</pre>', html)
        assert part and shown, html
        return part.group(0), shown.group(1)

    assert text(f"{PAGE}/{document_id}") == ("Deel 1 van 5.", "Herstel va")
    assert text(f"{PAGE}/{document_id}?deel=9") == ("Deel 5 van 5.", "d.")


def test_unknown_document_and_run_are_404(client, login):
    login("admin")
    for url in (f"{PAGE}/999", f"{IMPORTS}/999", f"{IMPORTS}/999/voortgang"):
        assert client.get(url).status_code == 404


# --------------------------------------------------------------------------- runs


def test_the_progress_endpoint_reports_the_run(app, client, imported):
    data = client.get(f"{IMPORTS}/1/voortgang").get_json()
    assert data["state"] == "done" and data["finished"] is True
    assert (data["done"], data["total"], data["added"]) == (2, 2, 2)


def test_a_queued_run_can_be_cancelled_and_a_stale_one_is_interrupted(app, client, login):
    from academy.documents import importer
    from academy.models import ImportRun

    login("admin")
    with app.app_context():
        queued = importer.create_import_run(source_kind="folder", source="/nergens", user=None)
        running = importer.create_import_run(source_kind="folder", source="/ergens", user=None)
        running.state = "running"
        running.heartbeat_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
        db.session.commit()
        queued_id, running_id = queued.id, running.id
    client.post(f"{IMPORTS}/{queued_id}/annuleren")
    page = client.get(f"{IMPORTS}/{running_id}").get_data(as_text=True)
    assert "Onderbroken" in page and "Import hervatten" in page
    with app.app_context():
        assert db.session.get(ImportRun, queued_id).state == "cancelled"
        assert db.session.get(ImportRun, running_id).state == "interrupted"
    # resuming runs it again (immediate queue): the folder is gone, so it fails visibly
    response = client.post(f"{IMPORTS}/{running_id}/hervatten", follow_redirects=True)
    assert "Mislukt" in response.get_data(as_text=True)
    assert "bestaat niet" in response.get_data(as_text=True)


def test_a_server_folder_can_be_imported_only_from_the_released_folders(
    app, client, login, tmp_path
):
    released = tmp_path / "gedeeld"
    (released / "beleid").mkdir(parents=True)
    (released / "beleid" / "nota.txt").write_text("Nota over de kademuren.", encoding="utf-8")
    app.config["IMPORT_FOLDERS"] = (str(released),)
    login("admin")
    outside = client.post(
        f"{IMPORTS}/map", data={"folder": str(released), "subfolder": "../../etc"}
    )
    assert outside.status_code == 400
    assert "Deze submap bestaat niet" in outside.get_data(as_text=True)
    other = client.post(f"{IMPORTS}/map", data={"folder": "/etc", "subfolder": ""})
    assert other.status_code == 400
    response = client.post(
        f"{IMPORTS}/map", data={"folder": str(released), "subfolder": "beleid"},
        follow_redirects=True,
    )  # fmt: skip
    assert _counts(response.get_data(as_text=True))["added"] == 1
    assert _hits(app, "kademuren") == ["Nota"]


def test_prune_removes_documents_whose_files_are_gone(app, runner, tmp_path):
    folder = tmp_path / "bron"
    folder.mkdir()
    (folder / "blijft.txt").write_text("Deze nota over leerplicht blijft.", encoding="utf-8")
    (folder / "weg.txt").write_text("Deze nota over leerplicht verdwijnt.", encoding="utf-8")
    first = runner.invoke(args=["import-docs", str(folder)])
    assert "2 added" in first.output, first.output
    (folder / "weg.txt").unlink()
    kept = runner.invoke(args=["import-docs", str(folder)])
    assert "1 unchanged" in kept.output and "removed" not in kept.output
    assert len(_hits(app, "leerplicht")) == 2  # without --prune nothing is removed
    pruned = runner.invoke(args=["import-docs", str(folder), "--prune"])
    assert "1 removed" in pruned.output, pruned.output
    assert _hits(app, "leerplicht") == ["Blijft"]


def test_the_practice_page_of_a_long_document_is_sent_in_parts(app, client, login, monkeypatch):
    from academy.documents import indexing

    monkeypatch.setattr("academy.documents.services.TEXT_PART_CHARS", 100)
    monkeypatch.setattr("academy.practice.routes.INDEXED_BODY_CHARS", 150)
    paragraphs = [f"Alinea {n} " + "woord " * 12 for n in range(1, 9)]
    with app.app_context():
        document = Document(
            key="lang", title="Lang verslag", doctype="nota", body="\n\n".join(paragraphs)
        )
        db.session.add(document)
        db.session.commit()
        document_id = document.id
        indexing.ensure_index()
    login("medewerker")
    first = client.get(f"/zoeken/documenten/{document_id}").get_data(as_text=True)
    assert "Alinea 1 " in first and "Alinea 3 " not in first
    assert "alleen de eerste 150 tekens zijn doorzoekbaar" in first
    match = re.search(r'href="([^"]+)" rel="next"', first)
    assert match and "deel=2" in match.group(1)
    second = client.get(match.group(1).replace("&amp;", "&")).get_data(as_text=True)
    assert "Alinea 1 " not in second and "Alinea 2 " in second  # cut at a paragraph
    assert "Deel 2 van" in second


def test_imports_and_deletions_are_in_the_audit_trail(app, client, imported, runner, tmp_path):
    from academy.models import AuditEvent

    document_id = imported["import:kademuren.txt"]
    client.post(f"{PAGE}/{document_id}/verwijderen")
    client.post(f"{IMPORTS}/1/documenten-verwijderen")
    folder = tmp_path / "cli"
    folder.mkdir()
    (folder / "a.txt").write_text("Een nota.", encoding="utf-8")
    runner.invoke(args=["import-docs", str(folder)])
    with app.app_context():
        events = [
            (e.action, e.actor_name, e.target_type, e.target_label, e.details)
            for e in db.session.scalars(
                select(AuditEvent)
                .where(AuditEvent.action.like("documents.%"))
                .order_by(AuditEvent.id)
            )
        ]
    assert events[0][:3] == ("documents.imported", "admin", "import_runs")
    assert events[0][3].startswith("upload: armoede.txt, kademuren.txt")
    assert events[1][:4] == ("documents.deleted", "admin", "documents", "Kademuren")
    assert events[2][0] == "documents.deleted" and events[2][4] == {"aantal": 1}
    assert events[3][:3] == ("documents.imported", "opdrachtregel", "import_runs")


def test_a_worker_start_sweeps_temporary_folders_nobody_needs(app, tmp_path, monkeypatch):
    import os
    import time

    from academy.documents import importer

    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    old = tmp_path / "tmp" / "academy-import-oud"  # left by a killed in-request import
    old.mkdir()
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    fresh = tmp_path / "tmp" / "academy-import-nieuw"
    fresh.mkdir()
    with app.app_context():
        waiting = importer.create_import_run(source_kind="upload", source="a.txt", user=None)
        done = importer.create_import_run(source_kind="upload", source="b.txt", user=None)
        done.state = "done"
        db.session.commit()
        staging = Path(app.config["IMPORT_STAGING_DIR"])
        for run in (waiting, done):
            (staging / f"run-{run.id}" / "upload").mkdir(parents=True)
        (staging / "run-999").mkdir()  # a run that no longer exists
        importer.recover_after_crash()
        kept = sorted(p.name for p in staging.iterdir())
        assert kept == [f"run-{waiting.id}"]  # the queued run still needs its upload
    assert not old.exists() and fresh.exists()
