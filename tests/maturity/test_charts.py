"""academy/maturity/charts.py and the chart routes: valid SVG, labels, ETags and the cache."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from academy.extensions import db
from academy.maturity import charts, services
from academy.models import Analysis
from tests.maturity.conftest import assess, make_theme

SVG = "{http://www.w3.org/2000/svg}"
TODAY = dt.date.today()
THIS_QUARTER = f"{TODAY.year} K{(TODAY.month - 1) // 3 + 1}"
ODD_NAME = "Zorg & <Welzijn> \"'"


def svg_texts(body: bytes) -> str:
    """Parse the SVG (fails on invalid XML) and return all of its <text>, one per line."""
    root = ET.fromstring(body)
    assert root.tag == f"{SVG}svg"
    assert not list(root.iter(f"{SVG}script"))
    return "\n".join("".join(text.itertext()) for text in root.iter(f"{SVG}text"))


@pytest.fixture
def portfolio(app, vsv):
    """vsv (level 0 in 2025 K1, level 1 in K3) plus a theme at level 2 with an odd name."""
    with app.app_context():
        theme = make_theme("zorg", ODD_NAME, "Sociaal domein")
        assess(theme, 2, dt.date(2025, 9, 15))
        db.session.add(Analysis(theme=theme, name="Verklarende analyse", level_number=2))
        db.session.commit()


@pytest.fixture
def reader(client, login):
    login("medewerker")
    return client


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("niveaus", ["Thema's per huidig niveau", "nog geen niveau", "0 Vinden", "1 Beschrijvend",
                     "2 Diagnosticerend", "4 Voorschrijvend", "aantal thema's"]),
        ("heatmap", ["Status per thema en niveau", "Vroegtijdig schoolverlaten", ODD_NAME,
                     "Beschrijvend", "Voorspellend", "Niet gestart", "In ontwikkeling", "Op orde"]),
        ("kwartalen", ["Niveauverdeling per kwartaal", "2025 K1", "2025 K2", "2025 K3",
                       "2026 K1", THIS_QUARTER, "1 Beschrijvend", "nog geen niveau"]),
        ("analyses", ["Analyses in gebruik per soort", "1 Beschrijvend", "2 Diagnosticerend",
                      "50%", "0%"]),
    ],
)  # fmt: skip
def test_portfolio_chart_is_svg_with_its_labels(reader, portfolio, name, expected):
    response = reader.get(f"/themas/grafieken/{name}.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    assert response.headers["ETag"]
    assert "no-cache" in response.headers["Cache-Control"]
    texts = svg_texts(response.data)
    for label in expected:
        assert label in texts, f"{label!r} missing from the {name} chart"


def test_quarter_chart_starts_at_the_first_assessment(reader, portfolio):
    texts = svg_texts(reader.get("/themas/grafieken/kwartalen.svg").data)
    assert "2024 K4" not in texts
    assert f"{TODAY.year + 1} K1" not in texts


def test_theme_history_chart(reader, vsv):
    response = reader.get("/themas/vsv/grafiek.svg")
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"
    texts = svg_texts(response.data)
    for label in ("Niveau door de tijd", "nog geen niveau", "0 Vinden", "1 Beschrijvend"):
        assert label in texts


def test_charts_render_without_data(app, reader):
    with app.app_context():
        make_theme("nooit", "Nooit beoordeeld")
    for path in (
        "/themas/grafieken/niveaus.svg",
        "/themas/grafieken/heatmap.svg",
        "/themas/grafieken/kwartalen.svg",
        "/themas/grafieken/analyses.svg",
        "/themas/nooit/grafiek.svg",
    ):
        response = reader.get(path)
        assert response.status_code == 200, path
        svg_texts(response.data)


def test_etag_gives_304_until_the_data_changes(app, reader, vsv):
    first = reader.get("/themas/grafieken/niveaus.svg")
    etag = first.headers["ETag"]
    again = reader.get("/themas/grafieken/niveaus.svg", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.data == b""
    other = reader.get("/themas/grafieken/niveaus.svg", headers={"If-None-Match": '"oud"'})
    assert other.status_code == 200 and other.data == first.data

    with app.app_context():
        assess(services.get_theme("vsv"), 2, dt.date(2025, 10, 1))
    changed = reader.get("/themas/grafieken/niveaus.svg", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag


def test_chart_cache_hit_and_miss_after_an_assessment(app, reader, vsv, monkeypatch):
    renders = []
    real = charts.themes_per_level_chart

    def counting(*args, **kwargs):
        renders.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(charts, "themes_per_level_chart", counting)
    cache = charts.chart_cache
    cache.clear()

    first = reader.get("/themas/grafieken/niveaus.svg")
    misses = cache.misses
    assert len(renders) == 1

    second = reader.get("/themas/grafieken/niveaus.svg")
    assert cache.misses == misses  # a hit
    assert len(renders) == 1
    assert second.data == first.data
    assert second.headers["ETag"] == first.headers["ETag"]

    with app.app_context():
        version = services.data_version()
        assess(services.get_theme("vsv"), 2, dt.date(2025, 10, 1))
        assert services.data_version() != version
    third = reader.get("/themas/grafieken/niveaus.svg")
    assert cache.misses == misses + 1  # the data version changed
    assert len(renders) == 2
    assert third.data != first.data  # vsv moved from level 1 to level 2


def test_unknown_chart_is_404(reader):
    for path in (
        "/themas/grafieken/onbekend.svg",
        "/themas/grafieken/niveaus.png",
        "/themas/grafieken/..%2Fniveaus.svg",
        "/themas/onbekend/grafiek.svg",
    ):
        assert reader.get(path).status_code == 404, path


def test_charts_need_a_login(client, vsv):
    for path in ("/themas/grafieken/heatmap.svg", "/themas/vsv/grafiek.svg"):
        response = client.get(path)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")


def test_equal_data_gives_equal_bytes():
    shares = [services.LevelShare(level, level, level / 10) for level in range(5)]
    names = {0: "Vinden", 1: "Beschrijvend", 2: "Diagnosticerend", 3: "Voorspellend", 4: "Voor"}

    def draw() -> bytes:
        return charts.analyses_share_chart(shares, names, title="Titel", axis_label="%")

    assert draw() == draw()  # stable ids and no date: an ETag may rest on the data version


def test_cache_renders_once_per_key_and_evicts_the_oldest():
    cache = type(charts.chart_cache)(max_entries=2)
    calls = []

    def render(value: bytes):
        def _render() -> bytes:
            calls.append(value)
            return value

        return _render

    assert cache.get(("a", "v1", "nl"), render(b"A")) == b"A"
    assert cache.get(("a", "v1", "nl"), render(b"other")) == b"A"
    assert cache.get(("b", "v1", "nl"), render(b"B")) == b"B"
    assert cache.get(("c", "v1", "nl"), render(b"C")) == b"C"  # evicts a
    assert cache.get(("b", "v1", "nl"), render(b"other")) == b"B"
    assert cache.get(("a", "v1", "nl"), render(b"A2")) == b"A2"
    assert calls == [b"A", b"B", b"C", b"A2"]
    assert cache.misses == 4


BODY_TEXT_PX = 16  # the pages' body text (1rem)
HALF_COLUMN_PX = 588  # a chart beside another at 1280 px (the .charts grid)


@pytest.mark.parametrize(
    ("path", "wide"),
    [
        ("/themas/grafieken/niveaus.svg", False),
        ("/themas/grafieken/analyses.svg", False),
        ("/themas/grafieken/kwartalen.svg", True),
        ("/themas/grafieken/heatmap.svg", True),
        ("/themas/vsv/grafiek.svg", False),
    ],
)
def test_chart_labels_are_legible_at_the_shown_size(reader, portfolio, path, wide):
    """Shown at its natural size (1 pt = 4/3 px; the page does not shrink a chart that fits its
    column at 1280 px), every label is at least the body text's size; the SVG has a title and a
    description for screen readers."""
    root = ET.fromstring(reader.get(path).data)
    width_pt = float(root.get("width").removesuffix("pt"))
    view_width = float(root.get("viewBox").split()[2])
    shown_px = width_pt * 4 / 3
    assert wide or shown_px <= HALF_COLUMN_PX, f"{path} is {shown_px} px: shrunk in its column"
    scale = shown_px / view_width
    sizes = {
        float(part.split("px")[0].split()[-1]) * scale
        for text in root.iter(f"{SVG}text")
        for part in [text.get("style", "") + " " + "".join(t.get("style", "") for t in text)]
        if "font" in part
    }
    assert sizes and min(sizes) >= BODY_TEXT_PX, f"{path}: labels of {sorted(sizes)} px"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text and desc is not None and desc.text


def test_charts_use_the_pages_palette(app):
    css = (app.static_folder + "/css/academy.css").replace("//", "/")
    with open(css, encoding="utf-8") as handle:
        text = handle.read().lower()
    for level, colour in charts.LEVEL_COLOURS.items():
        name = "none" if level < 0 else level
        assert f"--level-{name}: {colour};" in text, f"level {level} colour not in the CSS"
    for status, colour in charts.STATUS_COLOURS.items():
        assert f"--status-{status.value.replace('_', '-')}: {colour};" in text
