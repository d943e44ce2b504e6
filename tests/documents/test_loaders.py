"""academy.documents.loaders: every format, titles, encodings, refused files and sidecars.

No Flask here: the loaders are plain Python.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import resource
import socket
import time
import tracemalloc
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from academy.documents import loaders
from academy.documents.loaders import (
    LoadError,
    is_sidecar,
    iter_files,
    load_file,
    parse_date,
    readable_name,
)
from tests.documents.docfiles import docx_bomb_bytes, write_docx, write_pdf

MB = 1024 * 1024


def load(path: Path, max_bytes: int = MB):
    return load_file(path, max_bytes=max_bytes)


def refused(path: Path, max_bytes: int = MB) -> str:
    with pytest.raises(LoadError) as caught:
        load_file(path, max_bytes=max_bytes)
    return caught.value.reason


def test_txt_utf8_title_from_file_name_and_hash_of_bytes(tmp_path):
    path = tmp_path / "jaarverslag_sport-2020-2021.txt"
    data = "Café de Zaan organiseert sport.\r\nTweede regel.".encode()
    path.write_bytes(data)
    loaded = load(path)
    assert loaded.title == "Jaarverslag sport 2020-2021"
    assert loaded.body == "Café de Zaan organiseert sport.\nTweede regel."
    assert loaded.content_hash == hashlib.sha256(data).hexdigest()
    assert loaded.encoding == "utf-8"
    assert loaded.metadata == {}


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffWaterschap en dijken".encode())
    loaded = load(path)
    assert loaded.body == "Waterschap en dijken"
    assert loaded.encoding == "utf-8-sig"


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    path = tmp_path / "utf16.txt"
    path.write_bytes("Notepad schreef dit in UTF-16: één".encode("utf-16"))
    assert load(path).body == "Notepad schreef dit in UTF-16: één"


def test_cp1252_falls_back_and_keeps_accents_and_quotes(tmp_path):
    path = tmp_path / "oud.txt"
    path.write_bytes("Financiële “analyse” – € 12".encode("cp1252"))
    loaded = load(path)
    assert loaded.body == "Financiële “analyse” – € 12"
    assert loaded.encoding == "cp1252"


def test_invalid_utf8_never_raises_a_decode_error(tmp_path):
    # Bytes cp1252 leaves undefined (0x81, 0x8d) plus a truncated UTF-8 sequence.
    path = tmp_path / "kapot.md"
    path.write_bytes(b"# Titel \xc3\n\nTekst \x81\x8d met rommel \xe9")
    loaded = load(path)
    assert loaded.title.startswith("Titel")
    assert "Tekst" in loaded.body and "rommel é" in loaded.body
    assert loaded.encoding == "latin-1"


def test_empty_and_whitespace_files_are_refused(tmp_path):
    (tmp_path / "leeg.txt").write_bytes(b"")
    (tmp_path / "spaties.txt").write_bytes(b" \n\t\r\n ")
    assert refused(tmp_path / "leeg.txt") == "leeg bestand"
    assert refused(tmp_path / "spaties.txt") == "geen tekst gevonden"


def test_binary_content_in_a_txt_is_refused(tmp_path):
    path = tmp_path / "programma.txt"
    path.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 50)
    assert refused(path) == "geen tekst (binair bestand)"


def test_control_bytes_without_nul_are_binary_too(tmp_path):
    path = tmp_path / "ruis.txt"
    path.write_bytes(bytes(range(1, 9)) * 200)
    assert refused(path) == "geen tekst (binair bestand)"


def test_too_large_is_refused_before_reading_with_sizes_in_the_reason(tmp_path):
    path = tmp_path / "groot.txt"
    path.write_bytes(b"a" * (3 * MB + MB // 2))
    assert refused(path, max_bytes=2 * MB) == "te groot (3,5 MB, maximum 2 MB)"
    assert load(path, max_bytes=4 * MB).body.startswith("aaa")


def test_unsupported_type_is_named_in_the_reason(tmp_path):
    (tmp_path / "begroting.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "LEESMIJ").write_bytes(b"tekst")
    assert refused(tmp_path / "begroting.xlsx") == (
        "Excel-werkmap (.xlsx) wordt niet ondersteund; sla het op als PDF of .docx"
    )
    assert "zonder extensie" in refused(tmp_path / "LEESMIJ")


def test_control_characters_are_removed_from_the_text(tmp_path):
    path = tmp_path / "rommel.txt"
    path.write_bytes(b"Regel een\x0b\x1b met escape\n\n\n\n\nRegel twee")
    assert load(path).body == "Regel een met escape\n\nRegel twee"


# --------------------------------------------------------------------------- markdown


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Inleiding\n\n# Armoedebeleid 2023 #\n\nTekst", "Armoedebeleid 2023"),
        ("Monitor wonen\n=============\n\nTekst", "Monitor wonen"),
        ("```\n# geen kop in code\n```\n## Tweede niveau\n\nTekst", "Tweede niveau"),
        ("```\n# geen kop in code\n```\nTekst", "Notitie"),
    ],
)
def test_markdown_title_from_the_first_heading_of_any_level(tmp_path, text, title):
    path = tmp_path / "notitie.md"
    path.write_text(text, encoding="utf-8")
    assert load(path).title == title


# --------------------------------------------------------------------------- html


def test_html_text_only_with_h1_as_title(tmp_path):
    path = tmp_path / "pagina.html"
    path.write_text(
        "<!doctype html><html><head><title>Site | Gemeente</title>"
        "<style>body{color:red}</style><script>var geheim = 1;</script></head>"
        "<body><nav>Menu</nav><h1>Beleid &amp; <em>uitvoering</em></h1>"
        "<p>Eerste alinea.</p><p>Tweede<br>regel &euro; 5</p>"
        "<script>alert('x')</script><noscript>zet js aan</noscript></body></html>",
        encoding="utf-8",
    )
    loaded = load(path)
    assert loaded.title == "Beleid & uitvoering"
    assert "Eerste alinea." in loaded.body
    assert "Tweede\nregel € 5" in loaded.body
    for hidden in ("color:red", "geheim", "alert", "zet js aan", "<p>", "Site | Gemeente"):
        assert hidden not in loaded.body


def test_html_without_h1_uses_title_and_survives_broken_markup(tmp_path):
    path = tmp_path / "oud.htm"
    path.write_bytes(
        "<html><head><title>Verslag raad</title><body><p>Onafgesloten <b>tekst <div>en méér".encode(
            "cp1252"
        )
    )
    loaded = load(path)
    assert loaded.title == "Verslag raad"
    assert "Onafgesloten tekst" in loaded.body and "en méér" in loaded.body


def test_html_without_visible_text_is_refused(tmp_path):
    path = tmp_path / "leeg.html"
    path.write_text("<html><head><script>x()</script></head><body> </body></html>")
    assert refused(path) == "geen tekst gevonden"


# --------------------------------------------------------------------------- pdf


def test_pdf_text_and_metadata_title(tmp_path):
    path = write_pdf(
        tmp_path / "nota.pdf",
        ["Beleidsnota schuldhulp (concept)", "Financiële ondersteuning voor gezinnen."],
        title="Microsoft Word - Nota schuldhulp.docx",
    )
    loaded = load(path)
    assert loaded.title == "Nota schuldhulp"
    assert "Financiële ondersteuning" in loaded.body
    assert "Beleidsnota schuldhulp (concept)" in loaded.body


def test_pdf_without_title_uses_its_first_line(tmp_path):
    path = write_pdf(tmp_path / "scan_0001.pdf", ["Evaluatie jeugdhulp 2022", "Tekst"])
    assert load(path).title == "Evaluatie jeugdhulp 2022"


@pytest.mark.parametrize(
    "placeholder",
    ["Untitled", "Document title", "20110301_5687928a draagmoederschap", "brief_def_v2"],
)
def test_pdf_placeholder_or_file_name_title_is_ignored(tmp_path, placeholder):
    path = write_pdf(tmp_path / "x.pdf", ["Monitor sociaal domein"], title=placeholder)
    assert load(path).title == "Monitor sociaal domein"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"dit is geen pdf maar tekst", "onleesbare PDF (geen PDF-bestand)"),
        (b"%PDF-1.4\n1 0 obj <<< kapot", "onleesbare PDF"),
    ],
)
def test_broken_pdf_is_refused(tmp_path, content, reason):
    path = tmp_path / "kapot.pdf"
    path.write_bytes(content)
    assert refused(path) == reason


def test_pdf_without_text_is_reported_as_probably_scanned(tmp_path):
    path = write_pdf(tmp_path / "scan.pdf", [])
    assert refused(path) == "geen tekst gevonden (gescande PDF?)"


def test_truncated_pdf_is_refused_not_crashing(tmp_path):
    whole = write_pdf(tmp_path / "heel.pdf", ["Tekst"]).read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(LoadError):
        load(path)


# --------------------------------------------------------------------------- docx


def test_docx_title_from_heading_style_and_tables_in_the_body(tmp_path):
    path = write_docx(
        tmp_path / "nota.docx",
        ["Gemeente Zaanstad", "De raad besluit tot uitvoering."],
        heading="Nota funderingsherstel",
        table=[["Wijk", "Woningen"], ["Rosmolenwijk", "1.240"]],
    )
    loaded = load(path)
    assert loaded.title == "Nota funderingsherstel"
    assert "De raad besluit tot uitvoering." in loaded.body
    # tables: cells as words in the text, a pipe table in the display Markdown
    assert "Rosmolenwijk 1.240" in loaded.body and "|" not in loaded.body
    assert loaded.markup == (
        "Gemeente Zaanstad\n\n# Nota funderingsherstel\n\nDe raad besluit tot uitvoering.\n\n"
        "| Wijk | Woningen |\n| --- | --- |\n| Rosmolenwijk | 1.240 |"
    )


def test_docx_without_heading_uses_first_paragraph(tmp_path):
    path = write_docx(tmp_path / "brief.docx", ["Brief aan de raad over vsv", "Geachte raad,"])
    assert load(path).title == "Brief aan de raad over vsv"


def test_docx_without_heading_skips_the_letterhead_for_the_subject(tmp_path):
    path = write_docx(
        tmp_path / "Document1.docx",
        ["Gemeente Lindewaard", "Onderwerp: kapvergunning Dorpsstraat", "Geachte heer,"],
    )
    assert load(path).title == "kapvergunning Dorpsstraat"


def test_docx_heading_in_a_dutch_style_is_found(tmp_path):
    document = docx.Document()
    document.add_paragraph("Concept – niet verspreiden")
    document.styles.add_style("Kop 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Visie op de binnenstad", style="Kop 1")
    document.add_paragraph("Tekst.")
    document.save(str(tmp_path / "visie.docx"))
    assert load(tmp_path / "visie.docx").title == "Visie op de binnenstad"


def test_broken_docx_is_refused(tmp_path):
    (tmp_path / "kapot.docx").write_bytes(b"PK\x03\x04 geen echt zip-bestand")
    (tmp_path / "oud.docx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 600)  # Word 97 renamed
    assert refused(tmp_path / "kapot.docx") == "onleesbaar Word-bestand"
    assert refused(tmp_path / "oud.docx") == "onleesbaar Word-bestand"


# --------------------------------------------------------------------------- sidecars


def test_own_json_sidecar_overrides_title_and_normalises_keys(tmp_path):
    path = write_pdf(tmp_path / "rapport.pdf", ["Eerste regel"], title="Metadata titel")
    (tmp_path / "rapport.pdf.json").write_text(
        json.dumps(
            {
                "Title": "Rapport armoede",
                "Type": "Onderzoek",
                "jaar": 2021,
                "Department": "Werk en Inkomen",
                "onbekend": "weg",
                "auteur": None,
            }
        ),
        encoding="utf-8",
    )
    loaded = load(path)
    assert loaded.title == "Rapport armoede"
    assert loaded.metadata == {
        "titel": "Rapport armoede",
        "type": "Onderzoek",
        "jaar": "2021",
        "afdeling": "Werk en Inkomen",
    }
    assert loaded.warnings == ()


def test_folder_metadata_csv_with_semicolons_and_cp1252(tmp_path):
    (tmp_path / "a.txt").write_text("Tekst a")
    (tmp_path / "b.txt").write_text("Tekst b")
    (tmp_path / "Metadata.CSV").write_bytes(
        "Bestand;Titel;Thema;Jaar;Afdeling\n"
        "A.TXT;Financiële nota;armoede;2019;Werk\n"
        "submap\\b.txt;Nota b;;2020;\n".encode("cp1252")
    )
    a = load(tmp_path / "a.txt")
    assert a.title == "Financiële nota"
    assert a.metadata == {
        "titel": "Financiële nota",
        "thema": "armoede",
        "jaar": "2019",
        "afdeling": "Werk",
    }
    assert load(tmp_path / "b.txt").metadata == {"titel": "Nota b", "jaar": "2020"}


def test_folder_metadata_json_as_list_and_own_sidecar_wins(tmp_path):
    (tmp_path / "a.md").write_text("# Kop\ntekst")
    (tmp_path / "metadata.json").write_text(
        json.dumps([{"file": "a.md", "type": "nota", "auteur": "J. Jansen"}, {"type": "x"}])
    )
    (tmp_path / "a.md.json").write_text(json.dumps({"type": "monitor"}))
    loaded = load(tmp_path / "a.md")
    assert loaded.metadata == {"type": "monitor", "auteur": "J. Jansen"}
    assert loaded.title == "Kop"
    assert loaded.warnings == ("metadata.json: 1 item(s) zonder bestandsnaam overgeslagen",)


@pytest.mark.parametrize(
    ("name", "content", "warning"),
    [
        ("a.txt.json", "{kapot", "a.txt.json: geen geldige JSON (regel 1); genegeerd"),
        ("a.txt.json", "[1, 2]", "a.txt.json: verwacht een JSON-object; genegeerd"),
        ("metadata.json", '"tekst"', "metadata.json: verwacht een lijst of object; genegeerd"),
        ("metadata.json", "{\n\n,", "metadata.json: geen geldige JSON (regel 3); genegeerd"),
        (
            "metadata.csv",
            "titel,jaar\nNota,2020\n",
            "metadata.csv: geen kolom 'bestand' gevonden; genegeerd",
        ),
    ],
)
def test_malformed_sidecar_is_a_warning_and_the_file_still_loads(tmp_path, name, content, warning):
    (tmp_path / "a.txt").write_text("Gewone tekst")
    (tmp_path / name).write_text(content)
    loaded = load(tmp_path / "a.txt")
    assert loaded.body == "Gewone tekst"
    assert loaded.title == "Gewone tekst"  # "a" says nothing: the first line does
    assert loaded.metadata == {}
    assert loaded.warnings == (warning,)


def test_sidecar_csv_edit_is_seen_without_restarting(tmp_path):
    (tmp_path / "a.txt").write_text("Tekst")
    sidecar = tmp_path / "metadata.csv"
    sidecar.write_text("bestand,titel\na.txt,Eerste\n")
    assert load(tmp_path / "a.txt").title == "Eerste"
    sidecar.write_text("bestand,titel\na.txt,Tweede versie\n")
    assert load(tmp_path / "a.txt").title == "Tweede versie"


# --------------------------------------------------------------------------- walking


def test_iter_files_sorted_skipping_hidden_lock_files_and_sidecars(tmp_path):
    for relative in (
        "b.txt",
        "a.pdf",
        "a.pdf.json",
        "metadata.csv",
        "sub/c.md",
        "sub/METADATA.json",
        "sub/~$c.docx",
        ".git/config.txt",
        ".verborgen.txt",
        "__MACOSX/._a.pdf",
        "sub/Thumbs.db",
        "sub/data.json",
        "z/tabel.xlsx",
    ):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    found = [path.relative_to(tmp_path).as_posix() for path in iter_files(tmp_path)]
    assert found == ["a.pdf", "b.txt", "sub/c.md", "sub/data.json", "z/tabel.xlsx"]


def test_iter_files_does_not_follow_folder_symlinks(tmp_path):
    (tmp_path / "echt").mkdir()
    (tmp_path / "echt" / "a.txt").write_text("x")
    (tmp_path / "echt" / "lus").symlink_to(tmp_path, target_is_directory=True)
    assert [p.name for p in iter_files(tmp_path)] == ["a.txt"]


def test_iter_files_on_a_missing_folder_yields_nothing(tmp_path):
    assert list(iter_files(tmp_path / "bestaat-niet")) == []


def test_is_sidecar():
    assert is_sidecar(Path("nota.pdf.json"))
    assert is_sidecar(Path("Metadata.csv"))
    assert not is_sidecar(Path("nota.json"))
    assert not is_sidecar(Path("cijfers.csv"))


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("armoede_monitor-2024.pdf", "Armoede monitor 2024"),
        ("2020-2024 meerjarenplan.docx", "2020-2024 meerjarenplan"),
        ("verslag.html", "Verslag"),
        ("___.txt", "___.txt"),
    ],
)
def test_readable_name(name, title):
    assert readable_name(Path(name)) == title


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-05", datetime.date(2021, 3, 5)),
        ("2021-03-05T10:00:00", datetime.date(2021, 3, 5)),
        ("5-3-2021", datetime.date(2021, 3, 5)),
        ("05/03/2021", datetime.date(2021, 3, 5)),
        ("5 maart 2021", datetime.date(2021, 3, 5)),
        ("12 okt. 2020", datetime.date(2020, 10, 12)),
        ("31-02-2021", None),
        ("ergens in 2021", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


# --------------------------------------------------------------------------- real-world markdown

LAW_README = (
    "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />\n"
    "<!-- gegenereerd -->\n\n"
    "##Wet van 30 mei 1968, houdende regelen betreffende het archiefwezen\n\n"
    "### Artikel  1  \n\n"
    "In deze wet wordt verstaan onder *Onze Minister*: Onze Minister van **Onderwijs**;\n"
    "b. *wet:* [Leerplichtwet 1969](../../../../wet/leerplichtwet/1969/BWBR0002628/README.md);\n\n"
    "![Rijkslogo](../../img/logo-rijksoverheid.png)\n\n"
    "| Kolom | Waarde |\n|---|---|\n| Archiefdienst | Rijksarchief |\n\n"
    "See <span class='x'>ook</span> [artikel 7][ref].\n\n"
    "[ref]: ../../wet/artikel7/README.md\n"
)


def test_markdown_heading_without_space_after_leading_html_is_the_title(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(LAW_README, encoding="utf-8")
    loaded = load(path)
    assert loaded.heading == "Wet van 30 mei 1968, houdende regelen betreffende het archiefwezen"
    assert loaded.title == loaded.heading


def test_markdown_text_has_no_link_targets_images_pipes_emphasis_or_html(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(LAW_README, encoding="utf-8")
    body = load(path).body
    assert "Leerplichtwet 1969" in body and "Archiefdienst Rijksarchief" in body
    assert "Onze Minister: Onze Minister van Onderwijs;" in body
    assert "See ook artikel 7." in body
    assert "Rijkslogo" in body  # an image's description is text; its path is not
    for leftover in ("README", "../", "BWBR", "img/", ".png", "|", "*", "##", "<", "meta", "[ref"):
        assert leftover not in body, leftover


def test_markdown_markup_keeps_structure_but_drops_targets_and_html(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(LAW_README, encoding="utf-8")
    markup = load(path).markup
    assert markup.startswith("## Wet van 30 mei 1968")
    assert "### Artikel  1" in markup
    assert "[Leerplichtwet 1969]" not in markup and "Leerplichtwet 1969" in markup
    assert "| Archiefdienst | Rijksarchief |" in markup
    for leftover in ("README.md", "../", ".png", "<meta", "<!--", "<span", "[ref]"):
        assert leftover not in markup, leftover


def test_markdown_front_matter_title_wins_and_its_metadata_is_used(tmp_path):
    path = tmp_path / "index.md"
    path.write_text(
        '---\ntitle: "Nota armoedebeleid"\ndate: 2021-03-05\ntags: [a, b]\n---\n'
        "# Inleiding\n\nTekst over armoede.\n",
        encoding="utf-8",
    )
    loaded = load(path)
    assert loaded.title == "Nota armoedebeleid"
    assert loaded.metadata == {"datum": "2021-03-05"}
    assert "title:" not in loaded.body and "title:" not in loaded.markup
    assert loaded.body == "Inleiding\n\nTekst over armoede."


def test_markdown_hashes_in_code_are_not_headings(tmp_path):
    path = tmp_path / "code.md"
    path.write_text("```\n#include <stdio.h>\n```\n\n#Echte kop\n", encoding="utf-8")
    loaded = load(path)
    assert loaded.title == "Echte kop"
    assert "#include <stdio.h>" in loaded.markup


def test_html_markup_has_headings_lists_and_tables(tmp_path):
    path = tmp_path / "pagina.html"
    path.write_text(
        "<html><body><h1>Nota <a href='/x'>wonen</a></h1><p>Eerste   alinea.</p>"
        "<h2>Punten</h2><ul><li>een</li><li>twee</li></ul>"
        "<table><tr><th>Wijk</th><th>Aantal</th></tr><tr><td>Oost</td><td>3</td></tr></table>"
        "<script>x()</script></body></html>",
        encoding="utf-8",
    )
    assert load(path).markup == (
        "# Nota wonen\n\nEerste alinea.\n\n## Punten\n\n- een\n- twee\n\n"
        "| Wijk | Aantal |\n| --- | --- |\n| Oost | 3 |"
    )


def test_plain_text_and_pdf_have_no_markup(tmp_path):
    (tmp_path / "a.txt").write_text("Tekst")
    assert load(tmp_path / "a.txt").markup is None
    assert load(write_pdf(tmp_path / "b.pdf", ["Tekst"])).markup is None


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("begroting.xlsx", "Excel-werkmap (.xlsx) wordt niet ondersteund"),
        ("verslag.odt", "OpenDocument-tekst (.odt) wordt niet ondersteund"),
        ("cijfers.ods", "OpenDocument-rekenblad (.ods) wordt niet ondersteund"),
        ("sheets.pptx", "PowerPoint-presentatie (.pptx) wordt niet ondersteund"),
        ("oud.doc", "Word 97-2003-document (.doc) wordt niet ondersteund"),
        ("foto.jpg", "bestandstype wordt niet ondersteund (.jpg)"),
    ],
)
def test_office_formats_we_do_not_read_say_so_in_dutch(tmp_path, name, reason):
    (tmp_path / name).write_bytes(b"PK\x03\x04 inhoud")
    assert refused(tmp_path / name).startswith(reason)


# --------------------------------------------------------------------------- limits


def test_very_large_text_is_kept_up_to_the_limit_and_flagged(tmp_path, monkeypatch):
    monkeypatch.setattr(loaders, "MAX_BODY_CHARS", 10_000)
    path = tmp_path / "groot.md"
    path.write_text("# Groot\n\n" + "woord " * 5_000, encoding="utf-8")
    loaded = load(path)
    assert loaded.truncated
    assert 9_000 < len(loaded.body) <= 10_000 and loaded.body.endswith("woord")
    assert len(loaded.markup) <= 10_000
    small = tmp_path / "klein.md"
    small.write_text("# Klein\n\nwoord", encoding="utf-8")
    assert not load(small).truncated


def test_the_default_text_limit_is_about_two_megabytes():
    assert loaders.MAX_BODY_CHARS == 2_000_000


def _peak_rss_reset() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _peak_rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def test_docx_bomb_is_refused_fast_and_small(tmp_path):
    path = tmp_path / "bom.docx"
    path.write_bytes(docx_bomb_bytes(inflated_mb=600, file_mb=1.8))
    assert 1.7 * MB < path.stat().st_size < 2 * MB
    rss_resettable = _peak_rss_reset()
    rss_before = _peak_rss_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        reason = refused(path, max_bytes=50 * MB)
        elapsed = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reason.startswith("Word-bestand geweigerd: pakt uit tot 600 MB")
    assert elapsed < 1.0
    assert peak < 200 * MB
    if rss_resettable:
        assert _peak_rss_bytes() - rss_before < 200 * MB


def test_docx_with_a_suspicious_compression_ratio_is_refused(tmp_path):
    path = tmp_path / "bom.docx"
    path.write_bytes(docx_bomb_bytes(inflated_mb=60, file_mb=0.3))
    assert "mogelijk een zip-bom" in refused(path, max_bytes=50 * MB)


# --------------------------------------------------------------------------- walking


def test_iter_files_reports_symlinks_that_leave_the_root(tmp_path):
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "hostname").write_text("geheim")
    root = tmp_path / "import"
    (root / "sub").mkdir(parents=True)
    (root / "echt.txt").write_text("tekst")
    (root / "hostname.txt").symlink_to(outside / "hostname")
    (root / "etc").symlink_to(outside, target_is_directory=True)
    (root / "binnen.txt").symlink_to(root / "echt.txt")
    (root / "sub" / "lus").symlink_to(root, target_is_directory=True)
    (root / "kapot.txt").symlink_to(root / "bestaat-niet.txt")
    skipped: list[tuple[str, str]] = []
    found = [
        path.relative_to(root).as_posix()
        for path in iter_files(root, skipped=lambda p, why: skipped.append((p.name, why)))
    ]
    assert found == ["binnen.txt", "echt.txt"]
    assert sorted(skipped) == [
        ("etc", "koppeling naar buiten de importmap; overgeslagen"),
        ("hostname.txt", "koppeling naar buiten de importmap; overgeslagen"),
        ("kapot.txt", "verbroken koppeling; overgeslagen"),
        ("lus", "koppeling naar een map; niet gevolgd"),
    ]


def test_iter_files_skips_and_reports_fifos_and_sockets_without_opening_them(tmp_path):
    (tmp_path / "a.txt").write_text("tekst")
    os.mkfifo(tmp_path / "pijp.txt")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sok.txt"))
    try:
        skipped: list[tuple[str, str]] = []
        found = list(iter_files(tmp_path, skipped=lambda p, why: skipped.append((p.name, why))))
    finally:
        server.close()
    assert [p.name for p in found] == ["a.txt"]
    assert sorted(skipped) == [
        ("pijp.txt", "named pipe (FIFO), geen document; overgeslagen"),
        ("sok.txt", "socket, geen document; overgeslagen"),
    ]
    # load_file on a FIFO refuses instead of blocking forever
    assert refused(tmp_path / "pijp.txt") == "named pipe (FIFO), geen document; overgeslagen"
