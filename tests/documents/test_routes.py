"""The document pages (/beheer/documenten): upload imports and their runs, the list, a
document's page with its metadata, re-index and delete."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

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
    assert "IMPORT_FOLDERS" in imports  # no server folder released: says how


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
