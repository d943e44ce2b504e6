"""Coaching rules over a search trail (issue 13, part 3): the table, row by row."""

from __future__ import annotations

import pytest

from academy.training.coaching import RULES, Expert, TrailSearch, coach


def t(query: str, count: int = 5, **filters: list[str]) -> TrailSearch:
    return TrailSearch(query, dict(filters), count)


SCHOOLUITVAL = Expert('schooluitval OF "vroegtijdig schoolverlaten"', {"type": ["onderzoek"]})

# (name, trail, expert, expected (code, yours, better))
CASES = [
    (
        "one good search: nothing to say",
        [t('schooluitval OF "vroegtijdig schoolverlaten"', type=["onderzoek"])],
        SCHOOLUITVAL,
        [],
    ),
    (
        "the same search twice",
        [t("schooluitval type:onderzoek"), t("jongeren"), t("schooluitval  type:onderzoek")],
        Expert("schooluitval type:onderzoek"),
        [("repeated", "schooluitval type:onderzoek", "schooluitval type:onderzoek")],
    ),
    (
        "zero results, then gave up",
        [t("schooluitval", 3, type=["onderzoek"]), t("schooluitvalcijfers", 0)],
        Expert("schooluitval", {"type": ["onderzoek"]}),
        [("zero_given_up", "schooluitvalcijfers", "schooluitval type:onderzoek")],
    ),
    (
        "zero results, then reformulated: fine",
        [t("schooluitvalcijfers type:onderzoek", 0), t("schooluitval type:onderzoek")],
        Expert("schooluitval type:onderzoek"),
        [],
    ),
    (
        "synonyms without OF, filter not used, phrase typed loose",
        [t("vroegtijdig schoolverlaten"), t("schooluitval")],
        SCHOOLUITVAL,
        [
            ("synonyms_or", "schooluitval", 'schooluitval OF "vroegtijdig schoolverlaten"'),
            ("missing_filter", "schooluitval", "schooluitval type:onderzoek"),
            ("phrase", "vroegtijdig schoolverlaten", '"vroegtijdig schoolverlaten"'),
        ],
    ),
    (
        "a typed field counts as the expert's clicked filter",
        [t("type:onderzoek schooluitval OF thuiszitters")],
        Expert("schooluitval OF thuiszitters", {"type": ["onderzoek"]}),
        [],
    ),
    (
        "a clicked facet counts as the expert's typed field",
        [t("schooluitval OF thuiszitters", jaar=["2019"])],
        Expert("schooluitval OF thuiszitters jaar:2019"),
        [],
    ),
    ("no trail: nothing to say", [], SCHOOLUITVAL, []),
]


@pytest.mark.parametrize(("name", "trail", "expert", "expected"), CASES, ids=[c[0] for c in CASES])
def test_rules(app, name, trail, expert, expected) -> None:
    with app.test_request_context():
        advice = coach(trail, expert)
    assert [(a.code, a.yours, a.better) for a in advice] == expected


def test_every_rule_is_in_the_table_once_and_covered(app) -> None:
    codes = [rule.code for rule in RULES]
    assert len(codes) == len(set(codes))
    covered = {code for _n, _t, _e, expected in CASES for code, _y, _b in expected}
    assert covered == set(codes)


def test_advice_is_a_short_dutch_sentence_with_its_numbers(app) -> None:
    with app.test_request_context():
        (advice,) = coach([t("armoede"), t("armoede")], Expert(""))
    assert advice.text.startswith("Je zocht 2 keer hetzelfde.")
    assert len(advice.text) < 160


# --- on the pages -------------------------------------------------------------------------------


def test_coaching_after_submitting_and_on_the_trainers_page(
    app, client, auth, login, start, training
):
    import re
    from html import unescape

    from tests.training.conftest import user_id

    def page(response) -> str:
        return re.sub(
            r"\s+", " ", re.sub(r"<[^>]+>", " ", unescape(response.get_data(as_text=True)))
        )

    login("medewerker")
    attempt = start(training.exercises["find_all"])
    for query in ("schoolverlaten", "rmc", "schoolverlaten", "schooluitvalcijfers"):
        client.get(f"/leren/pogingen/{attempt}", query_string={"q": query})
    client.post(f"/leren/pogingen/{attempt}/markeren", data={"document": training.vsv_ids[0]})
    result = page(client.post(f"/leren/pogingen/{attempt}/inleveren", follow_redirects=True))
    assert "Tips over je zoekaanpak" in result
    assert "Je zocht 2 keer hetzelfde." in result
    assert "Deze zoekopdracht gaf 0 resultaten" in result
    assert "Een filter op thema" in result
    # Not passed: no suggestion that gives the expert's whole search (thema:vsv) away.
    assert "Jij zocht: schooluitvalcijfers" in result and "thema:vsv" not in result
    assert "4 zoekopdrachten · 1 zonder resultaat · 0 met filters" in result
    auth.logout()
    login("trainer")
    learner = page(client.get(f"/opdrachten/deelnemers/{user_id(app, 'medewerker')}"))
    assert "Je zocht 2 keer hetzelfde." in learner and "Een filter op thema" in learner
    assert "Jij zocht: schooluitvalcijfers → beter: schooluitvalcijfers thema:vsv" in learner
