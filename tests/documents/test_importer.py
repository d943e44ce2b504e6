"""academy.documents.importer and `flask import-docs`: idempotent, messy-file-proof, searchable."""

from __future__ import annotations

import datetime as dt
import io
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from academy.documents.importer import extract_zip, import_folder
from academy.documents.indexing import ensure_index, search_index
from academy.extensions import db
from academy.models import Document, Theme
from search_module import SearchIndex, SearchRequest
from tests.documents.docfiles import write_docx, write_pdf

MB = 1024 * 1024


@pytest.fixture
def themes(app):
    with app.app_context():
        db.session.add_all(
            [
                Theme(code="armoede", name="Armoede en schulden", domain="Sociaal domein"),
                Theme(code="funderingen", name="Funderingen", domain="Fysiek domein"),
            ]
        )
        db.session.commit()
        return {theme.code: theme.id for theme in db.session.scalars(select(Theme))}


@pytest.fixture
def docs(tmp_path) -> Path:
    """A small tree with every format (the app's own files live elsewhere in tmp_path)."""
    root = tmp_path / "docs"
    (root / "sociaal").mkdir(parents=True)
    (root / "fysiek").mkdir()
    (root / "sociaal" / "armoede.txt").write_text(
        "Armoedebeleid in de wijk.\nHuishoudens met schulden krijgen hulp.", encoding="utf-8"
    )
    (root / "sociaal" / "jeugd.md").write_text(
        "# Jeugdhulp in cijfers\n\nHet aantal jeugdhulptrajecten daalde.", encoding="utf-8"
    )
    (root / "sociaal" / "raad.html").write_text(
        "<html><head><title>x</title></head><body><h1>Raadsinformatiebrief mantelzorg</h1>"
        "<p>Mantelzorgers krijgen respijtzorg.</p></body></html>",
        encoding="utf-8",
    )
    write_pdf(root / "fysiek" / "fundering.pdf", ["Funderingsherstel", "Paalrot in oude wijken."])
    write_docx(
        root / "fysiek" / "nota.docx",
        ["Gemeente", "Het college stelt voor de kademuren te herstellen."],
        heading="Nota kademuren",
    )
    return root


def _documents(app) -> dict[str, Document]:
    with app.app_context():
        rows = db.session.scalars(select(Document).where(Document.origin == "import")).all()
        for row in rows:
            db.session.expunge(row)
        return {row.key: row for row in rows}


def _search(app, query: str) -> list[str]:
    with app.app_context():
        result = search_index().search(SearchRequest(query=query))
        return [hit.source for hit in result.hits]


def test_first_import_adds_everything_and_makes_it_searchable(app, docs):
    with app.app_context():
        summary = import_folder(docs, batch_size=2)
        assert not any(isinstance(o, Document) for o in db.session.identity_map.values())
    assert (summary.added, summary.updated, summary.unchanged) == (5, 0, 0)
    assert summary.failed == [] and summary.warnings == []
    documents = _documents(app)
    assert set(documents) == {
        "import:fysiek/fundering.pdf",
        "import:fysiek/nota.docx",
        "import:sociaal/armoede.txt",
        "import:sociaal/jeugd.md",
        "import:sociaal/raad.html",
    }
    nota = documents["import:fysiek/nota.docx"]
    assert nota.title == "Nota kademuren"
    assert nota.source == "fysiek/nota.docx"
    # no sidecar: the type comes from the title's rules (describe.DOCTYPE_RULES)
    assert nota.doctype == "nota" and nota.theme_id is None and nota.year is None
    assert nota.summary.startswith("Gemeente Nota kademuren Het college")
    assert len(nota.content_hash) == 64
    assert documents["import:sociaal/jeugd.md"].title == "Jeugdhulp in cijfers"
    assert documents["import:sociaal/armoede.txt"].title == "Armoede"
    assert _search(app, "kademuren") == ["fysiek/nota.docx"]
    assert _search(app, "respijtzorg") == ["sociaal/raad.html"]
    assert _search(app, "paalrot") == ["fysiek/fundering.pdf"]


def test_reimport_changes_nothing_then_picks_up_changed_and_new_files(app, docs):
    with app.app_context():
        import_folder(docs)
    before = _documents(app)
    with app.app_context():
        again = import_folder(docs)
    assert (again.added, again.updated, again.unchanged, again.failed) == (0, 0, 5, [])
    assert {k: d.updated_at for k, d in _documents(app).items()} == {
        k: d.updated_at for k, d in before.items()
    }

    (docs / "sociaal" / "armoede.txt").write_text("Nieuwe tekst over minimaregelingen.")
    (docs / "sociaal" / "nieuw.txt").write_text("Een nieuw stuk over laaggeletterdheid.")
    with app.app_context():
        third = import_folder(docs)
    assert (third.added, third.updated, third.unchanged) == (1, 1, 4)
    after = _documents(app)
    assert after["import:sociaal/armoede.txt"].id == before["import:sociaal/armoede.txt"].id
    assert after["import:sociaal/armoede.txt"].body == "Nieuwe tekst over minimaregelingen."
    assert after["import:sociaal/armoede.txt"].content_hash != (
        before["import:sociaal/armoede.txt"].content_hash
    )
    assert _search(app, "minimaregelingen") == ["sociaal/armoede.txt"]
    assert _search(app, "schulden") == []  # the old text left the index
    assert _search(app, "laaggeletterdheid") == ["sociaal/nieuw.txt"]


def test_changed_sidecar_metadata_alone_updates_the_document(app, docs, themes):
    with app.app_context():
        import_folder(docs)
    (docs / "sociaal" / "metadata.csv").write_text(
        "bestand;thema;jaar\narmoede.txt;armoede;2022\n", encoding="utf-8"
    )
    with app.app_context():
        summary = import_folder(docs)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 1, 4)
    armoede = _documents(app)["import:sociaal/armoede.txt"]
    assert (armoede.theme_id, armoede.year) == (themes["armoede"], 2022)


def test_messy_folder_reports_bad_files_and_imports_the_rest(app, tmp_path):
    root = tmp_path / "rommel"
    root.mkdir()
    (root / "goed.txt").write_text("Een gewone notitie over wijkteams.", encoding="utf-8")
    (root / "kopie van goed.txt").write_text("Een gewone notitie over wijkteams.")
    (root / "leeg.txt").write_bytes(b"")
    (root / "programma.txt").write_bytes(b"MZ\x90\x00\x03\x00" * 100)
    (root / "groot.md").write_bytes(b"# Groot\n" + b"tekst " * (MB // 3))
    (root / "windows.txt").write_bytes("Financiële “analyse” van de wijkbudgetten".encode("cp1252"))
    (root / "kapot.pdf").write_bytes(b"%PDF-1.4 en verder niets")
    (root / "begroting.xlsx").write_bytes(b"PK\x03\x04")
    (root / "kapot.html").write_bytes(b"<p>Ongeldige utf-8 \xff\xfe\x81 maar toch tekst</p>")
    with app.app_context():
        summary = import_folder(root, max_bytes=MB)
    assert dict(summary.failed) == {
        "begroting.xlsx": (
            "Excel-werkmap (.xlsx) wordt niet ondersteund; sla het op als PDF of .docx"
        ),
        "groot.md": "te groot (2,0 MB, maximum 1 MB)",
        "kapot.pdf": "onleesbare PDF",
        "kopie van goed.txt": "dubbel: zelfde inhoud als goed.txt",
        "leeg.txt": "leeg bestand",
        "programma.txt": "geen tekst (binair bestand)",
    }
    assert (summary.added, summary.updated, summary.unchanged) == (3, 0, 0)
    documents = _documents(app)
    assert documents["import:windows.txt"].body == "Financiële “analyse” van de wijkbudgetten"
    assert "maar toch tekst" in documents["import:kapot.html"].body
    assert _search(app, "wijkbudgetten") == ["windows.txt"]

    with app.app_context():  # the same mess again: still reported, nothing duplicated
        again = import_folder(root, max_bytes=MB)
    assert dict(again.failed) == dict(summary.failed)
    assert (again.added, again.unchanged) == (0, 3)


def test_duplicate_of_an_earlier_import_elsewhere_is_reported(app, docs, tmp_path):
    with app.app_context():
        import_folder(docs)
    copy = tmp_path / "docs" / "archief"
    copy.mkdir()
    (copy / "armoede-kopie.txt").write_bytes((docs / "sociaal" / "armoede.txt").read_bytes())
    with app.app_context():
        summary = import_folder(docs)
    assert summary.failed == [
        ("archief/armoede-kopie.txt", "dubbel: zelfde inhoud als sociaal/armoede.txt")
    ]
    assert "import:archief/armoede-kopie.txt" not in _documents(app)


def test_metadata_maps_type_theme_year_and_people(app, themes, tmp_path):
    root = tmp_path / "meta"
    root.mkdir()
    for name in ("a.txt", "b.txt", "c.txt", "d.txt"):
        (root / name).write_text(f"Tekst van {name} over beleid.")
    (root / "metadata.csv").write_text(
        "bestand;titel;type;thema;jaar;datum;afdeling;auteur;samenvatting\n"
        "a.txt;Armoedemonitor;Monitor;ARMOEDE;2021;;Werk en Inkomen;P. de Vries;Kort.\n"
        "b.txt;;Brief;funderingen;1750;12-05-2019;;;\n"
        "c.txt;;nota;Armoede en schulden;2021.0;;;;\n"
        "d.txt;;;Onbekend thema;;ergens in 2017;;;\n",
        encoding="utf-8",
    )
    with app.app_context():
        summary = import_folder(root)
    assert summary.added == 4
    documents = _documents(app)
    a, b, c, d = (documents[f"import:{n}.txt"] for n in "abcd")
    assert (a.title, a.doctype, a.theme_id, a.year) == (
        "Armoedemonitor",
        "monitor",
        themes["armoede"],
        2021,
    )
    assert (a.department, a.author, a.summary) == ("Werk en Inkomen", "P. de Vries", "Kort.")
    assert (b.doctype, b.theme_id, b.year) == ("brief", themes["funderingen"], 2019)
    assert b.published == dt.date(2019, 5, 12)
    assert b.summary == "Tekst van b.txt over beleid."
    assert (c.doctype, c.theme_id, c.year) == ("nota", themes["armoede"], 2021)
    assert (d.theme_id, d.year, d.published) == (None, 2017, None)
    assert summary.warnings == [
        "Thema 'Onbekend thema' is onbekend (1 bestand(en)); zonder thema geïmporteerd.",
    ]
    with app.app_context():
        hits = search_index().search(SearchRequest(query="beleid", filters={"thema": ["armoede"]}))
    assert {hit.source for hit in hits.hits} == {"a.txt", "c.txt"}


def test_long_body_gets_a_short_summary_cut_at_a_word(app, tmp_path):
    root = tmp_path / "lang"
    root.mkdir()
    (root / "lang.md").write_text("# Kop\n\n" + "woord " * 200)
    with app.app_context():
        import_folder(root)
    summary = _documents(app)["import:lang.md"].summary
    assert summary.startswith("Kop woord woord")
    assert summary.endswith("woord…") and len(summary) <= 301


def test_a_failing_batch_is_rolled_back_and_the_others_are_kept(app, tmp_path):
    root = tmp_path / "reeksen"
    root.mkdir()
    for number in range(1, 7):
        (root / f"{number}.txt").write_text(f"Document nummer {number} over gebiedsagenda's.")
    (root / "3.txt").write_text("Dit document breekt de database.")

    def refuse(_mapper, _connection, target):
        if "breekt" in target.body:
            raise RuntimeError("schijf vol")

    event.listen(Document, "before_insert", refuse)
    try:
        with app.app_context():
            summary = import_folder(root, batch_size=2)
    finally:
        event.remove(Document, "before_insert", refuse)
    assert summary.added == 4
    assert [relative for relative, _reason in summary.failed] == ["3.txt", "4.txt"]
    assert "teruggedraaid" in summary.failed[0][1]
    assert set(_documents(app)) == {f"import:{n}.txt" for n in (1, 2, 5, 6)}
    assert sorted(_search(app, "gebiedsagenda")) == ["1.txt", "2.txt", "5.txt", "6.txt"]

    with app.app_context():  # the next run picks up what the failed batch lost
        retry = import_folder(root, batch_size=2)
    assert (retry.added, retry.unchanged, retry.failed) == (2, 4, [])


def test_an_index_failure_loses_nothing_the_next_catch_up_indexes_it(app, docs, monkeypatch):
    def broken(*_args, **_kwargs):
        raise OSError("index op slot")

    with app.app_context():
        ensure_index()  # an (empty) index exists, as on a running node
    monkeypatch.setattr(SearchIndex, "apply", broken)
    with app.app_context():
        summary = import_folder(docs)
    assert summary.added == 5 and summary.failed == []
    assert _search(app, "mantelzorg") == []  # not in the index yet ...
    monkeypatch.undo()
    with app.app_context():
        assert ensure_index() == "caught up (5)"  # ... but in the feed
    assert _search(app, "mantelzorg") == ["sociaal/raad.html"]


def test_progress_reports_every_file(app, docs):
    calls: list[tuple[int, int]] = []
    with app.app_context():
        import_folder(docs, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(n, 5) for n in range(1, 6)]


def test_sidecar_warnings_name_their_folder(app, docs):
    (docs / "sociaal" / "metadata.json").write_text("{kapot")
    with app.app_context():
        summary = import_folder(docs)
    assert summary.added == 5
    assert summary.warnings == ["sociaal/metadata.json: geen geldige JSON (regel 1); genegeerd"]


# --------------------------------------------------------------------------- zip extraction


def _zip(members: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            if name.endswith("/"):
                archive.writestr(zipfile.ZipInfo(name), b"")
            else:
                archive.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_extract_zip_refuses_unsafe_paths_and_oversized_members(tmp_path):
    target = tmp_path / "uit"
    target.mkdir()
    refused = extract_zip(
        _zip(
            {
                "map/": b"",
                "map/goed.txt": b"goed",
                "../evil.txt": b"kwaad",
                "map/../../evil2.txt": b"kwaad",
                "/etc/evil3.txt": b"kwaad",
                "C:\\Windows\\evil4.txt": b"kwaad",
                "__MACOSX/._goed.txt": b"rommel",
                "map\\windows-pad.txt": b"ook goed",
                "groot.txt": b"x" * 5000,
            }
        ),
        target,
        label="upload.zip",
        max_bytes=1000,
    )
    assert sorted(path for path, _reason in refused) == [
        "../evil.txt",
        "/etc/evil3.txt",
        "C:\\Windows\\evil4.txt",
        "groot.txt",
        "map/../../evil2.txt",
    ]
    assert dict(refused)["../evil.txt"] == "onveilig pad in zip-bestand; overgeslagen"
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert files == ["uit/map/goed.txt", "uit/map/windows-pad.txt"]


def test_extract_zip_stops_at_the_total_budget_and_refuses_garbage(tmp_path):
    members = {f"{n}.txt": b"y" * 600 for n in range(5)}
    refused = extract_zip(
        _zip(members), tmp_path, label="a.zip", max_bytes=1000, max_total_bytes=1500
    )
    assert refused == [("a.zip", "pakt uit tot meer dan 0 MB; rest overgeslagen")]
    assert len(list(tmp_path.glob("*.txt"))) == 2
    assert extract_zip(io.BytesIO(b"geen zip"), tmp_path, label="b.zip") == [
        ("b.zip", "onleesbaar zip-bestand")
    ]


# --------------------------------------------------------------------------- CLI


def test_cli_import_docs_prints_progress_and_a_summary(app, runner, docs):
    (docs / "leeg.txt").write_bytes(b"")
    result = runner.invoke(args=["import-docs", str(docs)])
    assert result.exit_code == 0, result.output
    assert "Import finished: 5 added, 0 updated, 0 unchanged, 1 not imported (6 files)." in (
        result.stdout
    )
    assert "  leeg.txt: leeg bestand" in result.stdout
    assert "the other files were imported" in result.stdout
    assert "Importing" in result.stderr and "Importing" not in result.stdout
    with app.app_context():
        assert db.session.scalar(select(func.count(Document.id))) == 5
    again = runner.invoke(args=["import-docs", str(docs), "--max-mb", "1"])
    assert "0 added, 0 updated, 5 unchanged, 1 not imported" in again.stdout


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "bestaat-niet", "does not exist"),
        (lambda tmp: write_pdf(tmp / "los.pdf", ["x"]), "is not a folder"),
    ],
)
def test_cli_import_docs_refuses_a_missing_path_or_a_file(app, runner, tmp_path, make, message):
    result = runner.invoke(args=["import-docs", str(make(tmp_path))])
    assert result.exit_code != 0
    assert message in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count(Document.id))) == 0


# --------------------------------------------------------------------------- what the walk skips


def test_symlinks_out_of_the_folder_and_fifos_are_reported_not_imported(app, tmp_path):
    secret = tmp_path / "geheim"
    secret.mkdir()
    (secret / "hostname").write_text("server-01.intern")
    root = tmp_path / "docs"
    root.mkdir()
    (root / "nota.txt").write_text("Een nota over wijkteams.")
    (root / "hostname.txt").symlink_to(secret / "hostname")
    (root / "etc").symlink_to(secret, target_is_directory=True)
    os.mkfifo(root / "pijp.md")
    with app.app_context():
        summary = import_folder(root)
    assert summary.added == 1
    assert dict(summary.failed) == {
        "etc": "koppeling naar buiten de importmap; overgeslagen",
        "hostname.txt": "koppeling naar buiten de importmap; overgeslagen",
        "pijp.md": "named pipe (FIFO), geen document; overgeslagen",
    }
    assert _search(app, "server") == []


def test_generic_names_take_a_folder_inside_the_import_never_outside(app, tmp_path):
    root = tmp_path / "gedeelde-schijf"
    (root / "jeugd" / "2019").mkdir(parents=True)
    (root / "README.md").write_text("Tekst zonder kop over de schijf.\n", encoding="utf-8")
    (root / "jeugd" / "2019" / "index.md").write_text("Alleen tekst.\n", encoding="utf-8")
    with app.app_context():
        import_folder(root)
    documents = _documents(app)
    top, nested = documents["import:README.md"], documents["import:jeugd/2019/index.md"]
    assert top.title == "Tekst zonder kop over de schijf."  # not "Gedeelde schijf"
    assert (nested.title, nested.year) == ("Jeugd", 2019)
