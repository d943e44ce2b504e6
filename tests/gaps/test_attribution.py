"""The rule that gives a search its theme (pure functions, table-driven)."""

from __future__ import annotations

import pytest

from academy.gaps.attribution import attribute_theme, dominant_theme, themes_in_query
from academy.models.documents import query_key, theme_from_filters

NAMES = {"vsv": "Vroegtijdig schoolverlaten", "armoede": "Armoede en schulden", "6.3": "Inkomen"}


@pytest.mark.parametrize(
    ("query", "filters", "total", "counts", "expected"),
    [
        # 1. the facet narrowed to one theme wins over everything else
        ("schooluitval", {"thema": ["vsv"]}, 0, [], "vsv"),
        ("thema:armoede", {"thema": ["vsv"]}, 3, [("armoede", 3)], "vsv"),
        # several themes in the facet: none of them alone
        ("schooluitval", {"thema": ["vsv", "armoede"]}, 5, [("vsv", 5)], None),
        # 2. a field naming one theme, by code or by (folded) name, even with no results
        ("thema:vsv cijfers", {}, 0, [], "vsv"),
        ("THEMA:VSV", {}, 0, [], "vsv"),
        ('thema:"Armoede en Schulden" bijstand', {}, 0, [], "armoede"),
        ("theme:6.3", {}, 0, [], "6.3"),
        ("thema:vsv OF thema:armoede", {}, 4, [("vsv", 4)], None),
        ("thema:onbekend jeugd", {}, 2, [("vsv", 2)], "vsv"),  # unknown name: falls through
        # 3. one theme holds at least half of what was found
        ("schulden", {}, 10, [("armoede", 5), ("vsv", 3), ("6.3", 2)], "armoede"),
        ("schulden", {}, 10, [("armoede", 4), ("vsv", 3), ("6.3", 3)], None),
        # 4. nothing found and no theme named
        ("laadpalen", {}, 0, [], None),
        ("", {}, 0, [], None),
        # other facets do not name a theme
        ("monitor", {"type": ["monitor"]}, 0, [], None),
    ],
)
def test_attribute_theme(query, filters, total, counts, expected):
    assert attribute_theme(query, filters, total, counts, NAMES) == expected


def test_a_field_word_inside_another_word_is_no_field():
    assert themes_in_query("subthema:vsv", NAMES) == set()


def test_dominant_theme_without_results_is_none():
    assert dominant_theme(0, [("vsv", 0)]) is None


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Armoede", "armoede"),
        ("  armoede   en\tSCHULDEN ", "armoede en schulden"),
        ("Coöperatie", "cooperatie"),
        ("reïntegratie", "reintegratie"),
        ("", ""),
        ("x" * 600, "x" * 500),
    ],
)
def test_query_key_folds_case_accents_and_spaces(text, key):
    assert query_key(text) == key


@pytest.mark.parametrize(
    ("filters", "theme"),
    [
        ({"thema": ["vsv"]}, "vsv"),
        ({"thema": ["vsv", "armoede"]}, None),
        ({"thema": []}, None),
        ({"type": ["nota"]}, None),
        ({"thema": "vsv"}, None),  # not a list: not the shape the search logs
        (None, None),
        ([], None),
    ],
)
def test_theme_from_filters(filters, theme):
    assert theme_from_filters(filters) == theme
