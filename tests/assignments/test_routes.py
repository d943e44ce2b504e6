"""academy/assignments/routes.py: Mijn opdrachten, the nav badge, the trainer's matrix with
filters and CSV, the assignment form, editing and withdrawing, the learner page; plus the
document opens behind the search trail and the training share on the theme page."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook

from academy.assignments import services
from academy.assignments.services import MatrixFilter, Status
from academy.extensions import db
from academy.models import Assignment, AttemptStatus, DocumentOpen, Role, Team
from tests.assignments.conftest import (
    Data,
    add_attempt,
    assign,
    assignment_count,
    attempt_count,
    complete_module,
    document_open_count,
    log_search,
    matrix_from_html,
    moment,
    parse_csv,
    pass_exercise,
    read_lessons,
)
from tests.conftest import add_user

LABELS = {
    Status.OPEN: "open",
    Status.STARTED: "bezig",
    Status.SUBMITTED: "ingeleverd",
    Status.DONE: "voldaan",
    Status.OVERDUE: "te laat",
}
CSV_HEADER = [
    "Deelnemer",
    "Gebruikersnaam",
    "Team",
    "Opdracht",
    "Uiterste datum",
    "Status",
    "Score",
    "Te laat afgerond",
    "Afgerond op",
]
NOTICE = "Een filter is niet herkend en genegeerd."


def today() -> dt.date:
    return dt.date.today()  # the routes use the clock


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


BADGE = re.compile(r'class="nav-badge">(\d+)<')


def badge(client: FlaskClient) -> int | None:
    match = BADGE.search(client.get("/").get_data(as_text=True))
    return int(match.group(1)) if match else None


@pytest.fixture
def spread(app: Flask, data: Data) -> dict[str, int]:
    """Three assignments with every status but ingeleverd, and a late completion.

    - "module" (core module, Team Zorg, due in a week): anna voldaan, bram bezig
    - "fact" (anna and cees personally, due 3 days ago): anna voldaan late, cees te laat
    - "other" (Verdieping, Team Wonen, due today): cees open
    """
    with app.app_context():
        anna, bram, cees = (data.users[n] for n in ("anna", "bram", "cees"))
        ids = {
            "module": assign(module=data.module, teams=[data.teams["zorg"]], due=days(7)),
            "fact": assign(exercise=data.exercises["fact"], users=[anna, cees], due=days(-3)),
            "other": assign(module=data.other_module, teams=[data.teams["wonen"]], due=today()),
        }
        complete_module(anna, data, day=days(-1))
        add_attempt(bram, data.exercises["known"], status=AttemptStatus.OPEN, day=today())
    return ids


# --- Mijn opdrachten and the badge ---------------------------------------------------------------


def test_mine_lists_own_and_team_assignments(app, client, data, login) -> None:
    with app.app_context():
        assign(
            exercise=data.exercises["known"],
            users=[data.users["anna"]],
            due=days(7),
            message="Graag voor de teamdag <b>vrijdag</b>",
        )
        assign(module=data.module, teams=[data.teams["zorg"]], due=days(3))
        assign(exercise=data.exercises["fact"], users=[data.users["cees"]], due=days(1))
    login("anna")
    html = client.get("/opdrachten").get_data(as_text=True)
    assert "Mijn opdrachten" in html
    assert html.index("Vinden wat er is") < html.index("Vind de monitor")  # by due date
    assert f"Uiterste datum: {days(7).isoformat()}" in html
    assert "Graag voor de teamdag &lt;b&gt;vrijdag&lt;/b&gt;" in html  # escaped
    assert "van Trainer" in html
    assert "Hoeveel schoolverlaters" not in html  # cees's work


def test_mine_without_assignments(client, data, login) -> None:
    login("medewerker")
    html = client.get("/opdrachten").get_data(as_text=True)
    assert "Je hebt geen opdrachten." in html
    assert badge(client) is None


def test_nav_badge_counts_open_bezig_and_te_laat(app, client, data, login) -> None:
    anna = data.users["anna"]
    with app.app_context():
        assign(exercise=data.exercises["known"], users=[anna], due=days(2))  # open
        assign(exercise=data.exercises["fact"], users=[anna], due=days(-2))  # te laat
        assign(exercise=data.exercises["open"], users=[anna], due=days(2))  # ingeleverd
        assign(exercise=data.other_exercise, teams=[data.teams["zorg"]], due=days(2))  # voldaan
        add_attempt(anna, data.exercises["open"], status=AttemptStatus.SUBMITTED, day=today())
        pass_exercise(anna, data.other_exercise, day=today())
    login("anna")
    assert badge(client) == 2
    html = client.get("/opdrachten").get_data(as_text=True)
    assert '<span class="nav-badge">2<span class="visually-hidden"> open</span>' in html
    with app.app_context():
        pass_exercise(anna, data.exercises["known"], day=today())
    assert badge(client) == 1


def test_badge_follows_the_team(app, client, data, login) -> None:
    with app.app_context():
        assign(module=data.module, teams=[data.teams["test"]], due=days(2))
    login("medewerker")
    assert badge(client) == 1
    with app.app_context():
        db.session.get(services.User, data.users["medewerker"]).team_id = data.teams["wonen"]
        db.session.commit()
    assert badge(client) is None


# --- the trainer's matrix ---------------------------------------------------------------------


def test_overview_shows_the_matrix(client, data, login, spread) -> None:
    login("trainer")
    response = client.get("/opdrachten/overzicht")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert matrix_from_html(html) == {
        ("Anna", "Hoeveel schoolverlaters"): "voldaan (te laat)",
        ("Anna", "Vinden wat er is"): "voldaan",
        ("Bram", "Vinden wat er is"): "bezig",
        ("Cees", "Hoeveel schoolverlaters"): "te laat",
        ("Cees", "Verdieping"): "open",
    }
    assert 'aria-label="niet toegewezen"' in html
    assert f'href="/opdrachten/deelnemers/{data.users["anna"]}"' in html
    assert f'href="/opdrachten/{spread["module"]}/bewerken"' in html
    figures = dict(
        (label, int(n))
        for n, label in re.findall(r"<li><strong>(\d+)</strong> ([a-z ]+)</li>", html)
    )
    assert figures == {"te laat": 1, "open": 1, "bezig": 1, "ingeleverd": 0, "voldaan": 2}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("team={zorg}", {"Anna", "Bram"}),
        ("team={wonen}", {"Cees"}),
        ("module={other_module}", {"Cees"}),
        ("module={module}", {"Anna", "Bram", "Cees"}),
        ("status=te_laat", {"Cees"}),
        ("status=bezig", {"Bram"}),
        ("status=voldaan&team={wonen}", set()),
        ("team={zorg}&module={module}&status=voldaan", {"Anna"}),
    ],
)
def test_overview_filters(client, data, login, spread, query, expected) -> None:
    login("trainer")
    query = query.format(module=data.module, other_module=data.other_module, **data.teams)
    response = client.get(f"/opdrachten/overzicht?{query}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert {learner for learner, _title in matrix_from_html(html)} == expected
    assert NOTICE not in html
    if not expected:
        assert "Er zijn (met deze filters) geen toegewezen opdrachten." in html


def test_overview_marks_the_chosen_filters(client, data, login, spread) -> None:
    login("trainer")
    html = client.get(f"/opdrachten/overzicht?team={data.teams['zorg']}&status=bezig").get_data(
        as_text=True
    )
    assert f'<option value="{data.teams["zorg"]}" selected>Team Zorg</option>' in html
    assert '<option value="bezig" selected>bezig</option>' in html


@pytest.mark.parametrize(
    "query",
    [
        "team=abc",
        "team=-1",
        "team=1.5",
        "team=%EF%BC%91",  # a full-width digit one
        "team=99999999999999999999",
        "module=%27%20OR%201%3D1",
        "status=klaar",
        "status=TE_LAAT",
        "team=&module=&status=",  # empty is "all", not garbage
    ],
)
def test_garbage_filters_are_ignored_with_a_notice(client, data, login, spread, query) -> None:
    login("trainer")
    response = client.get(f"/opdrachten/overzicht?{query}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert len(matrix_from_html(html)) == 5  # the whole matrix
    assert (NOTICE in html) is (query != "team=&module=&status=")
    csv = client.get(f"/opdrachten/overzicht.csv?{query}")
    assert csv.status_code == 200 and len(parse_csv(csv)) == 5


def test_unknown_numeric_filters_give_an_empty_matrix(client, data, login, spread) -> None:
    login("trainer")
    for query in ("team=999999", "module=999999"):
        html = client.get(f"/opdrachten/overzicht?{query}").get_data(as_text=True)
        assert matrix_from_html(html) == {}
        assert "Er zijn (met deze filters) geen toegewezen opdrachten." in html


@pytest.mark.parametrize(
    "query", ["_method=POST", "_scheme=javascript", "_external=1", "_anchor=x", "x=1&team=abc"]
)
def test_other_query_arguments_do_not_steer_the_csv_link(client, data, login, query) -> None:
    """The download link carries the filters only; `_method` and friends used to reach
    url_for (a 500, or a link to another scheme)."""
    login("trainer")
    response = client.get(f"/opdrachten/overzicht?{query}")
    assert response.status_code == 200
    links = re.findall(r'href="([^"]*overzicht\.csv[^"]*)"', response.get_data(as_text=True))
    expected = (
        "/opdrachten/overzicht.csv?team=abc" if "team" in query else "/opdrachten/overzicht.csv"
    )
    assert links == [expected]


# --- the CSV export -----------------------------------------------------------------------------


def expected_rows(app: Flask, filters: MatrixFilter) -> list[dict[str, str]]:
    """The rows the export should hold, straight from the service's matrix."""
    with app.app_context():
        matrix = services.assignment_matrix(filters)
        rows = []
        for learner in matrix.learners:
            for assignment in matrix.assignments:
                cell = matrix.cells.get((learner.id, assignment.id))
                if cell is None:
                    continue
                values = [
                    learner.display_name,
                    learner.username,
                    learner.team.name if learner.team else "",
                    assignment.title,
                    assignment.due_date.isoformat(),
                    LABELS[cell.status],
                    "" if cell.score is None else str(round(cell.score * 100)),
                    "ja" if cell.late else "nee",
                    cell.done_at.date().isoformat() if cell.done_at else "",
                ]
                rows.append(dict(zip(CSV_HEADER, values, strict=True)))
        return rows


def test_csv_matches_the_matrix(app, client, data, login, spread) -> None:
    login("trainer")
    response = client.get("/opdrachten/overzicht.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.get_data(as_text=True).splitlines()[0] == "\ufeff" + ";".join(CSV_HEADER)
    rows = parse_csv(response)
    assert rows == expected_rows(app, MatrixFilter())
    # ... and with what the page shows
    page = matrix_from_html(client.get("/opdrachten/overzicht").get_data(as_text=True))
    from_csv = {
        (row["Deelnemer"], row["Opdracht"]): row["Status"]
        + (" (te laat)" if row["Te laat afgerond"] == "ja" else "")
        for row in rows
    }
    assert from_csv == page
    late = next(r for r in rows if r["Te laat afgerond"] == "ja")
    assert (late["Gebruikersnaam"], late["Status"], late["Score"], late["Afgerond op"]) == (
        "anna",
        "voldaan",
        "100",
        days(-1).isoformat(),
    )
    bram = next(r for r in rows if r["Gebruikersnaam"] == "bram")
    assert (bram["Team"], bram["Status"], bram["Score"], bram["Afgerond op"]) == (
        "Team Zorg",
        "bezig",
        "",
        "",
    )


@pytest.mark.parametrize(
    "query", ["team={zorg}", "module={other_module}", "status=te_laat", "status=voldaan"]
)
def test_csv_follows_the_filters(app, client, data, login, spread, query) -> None:
    login("trainer")
    query = query.format(other_module=data.other_module, **data.teams)
    rows = parse_csv(client.get(f"/opdrachten/overzicht.csv?{query}"))
    filters = {
        "team": lambda v: {"team_id": int(v)},
        "module": lambda v: {"module_id": int(v)},
        "status": lambda v: {"status": Status(v)},
    }
    key, value = query.split("=")
    assert rows and rows == expected_rows(app, MatrixFilter(**filters[key](value)))
    page = matrix_from_html(client.get(f"/opdrachten/overzicht?{query}").get_data(as_text=True))
    assert {(r["Deelnemer"], r["Opdracht"]) for r in rows} == set(page)


def test_csv_defuses_formulas_and_keeps_separators(app, client, data, login, password_hash):
    with app.app_context():
        team = Team(name="-Team; Min")
        db.session.add(team)
        learner = add_user("-formule", (Role.EMPLOYEE,), password_hash, team=team)
        learner.full_name = "=HYPERLINK(1)"
        db.session.commit()
        assign(module=data.module, teams=[team.id], due=days(1))
    login("trainer")
    (row,) = parse_csv(client.get("/opdrachten/overzicht.csv"))
    assert row["Deelnemer"] == "'=HYPERLINK(1)"
    assert row["Gebruikersnaam"] == "'-formule"  # usernames may start with a hyphen
    assert row["Team"] == "'-Team; Min"
    assert row["Status"] == "open"


def test_csv_of_nothing_has_only_the_header(client, data, login) -> None:
    login("trainer")
    response = client.get("/opdrachten/overzicht.csv")
    assert parse_csv(response) == []
    assert response.get_data(as_text=True) == "\ufeff" + ";".join(CSV_HEADER) + "\r\n"


# --- creating, editing and withdrawing --------------------------------------------------------


def test_new_assignment_form_offers_work_learners_and_teams(client, data, login) -> None:
    login("trainer")
    html = client.get("/opdrachten/nieuw").get_data(as_text=True)
    assert f'value="module-{data.module}"' in html
    assert f'value="oefening-{data.exercises["open"]}"' in html
    assert "Anna (Team Zorg)" in html and "Medewerker (Team Test)" in html
    assert "Trainer (" not in html  # only employees are offered as people
    assert f'value="{data.teams["wonen"]}"' in html


def test_new_assignment_is_saved(app, client, data, login) -> None:
    login("trainer")
    response = client.post(
        "/opdrachten/nieuw",
        data={
            "work": f"oefening-{data.exercises['known']}",
            "users": [str(data.users["anna"])],
            "teams": [str(data.teams["wonen"])],
            "due_date": days(14).isoformat(),
            "message": "Succes!",
        },
    )
    assert response.status_code == 302
    assert response.headers["Location"] == "/opdrachten/overzicht"
    assert "De opdracht Vind de monitor is opgeslagen." in client.get(
        response.headers["Location"]
    ).get_data(as_text=True)
    with app.app_context():
        (assignment,) = db.session.scalars(db.select(Assignment)).all()
        assert (assignment.exercise_id, assignment.due_date, assignment.message) == (
            data.exercises["known"],
            days(14),
            "Succes!",
        )
        assert {(t.user_id, t.team_id) for t in assignment.targets} == {
            (data.users["anna"], None),
            (None, data.teams["wonen"]),
        }
        assert assignment.created_by.username == "trainer"


GOOD = {
    "work": "module-{module}",
    "users": ["{anna}"],
    "due_date": "{next_week}",
    "message": "",
}


@pytest.mark.parametrize(
    ("changes", "shown"),
    [
        ({"work": ""}, "Kies wat er gedaan moet worden."),
        ({"work": "module-999999"}, "Ongeldige keuze."),
        ({"work": "oefening-abc"}, "Ongeldige keuze."),
        ({"work": "module-99999999999999999999"}, "Ongeldige keuze."),
        ({"users": []}, "Kies minstens één persoon of team."),
        ({"due_date": "{yesterday}"}, "De uiterste datum ligt vandaag of later."),
        ({"due_date": ""}, "Vul een datum in als jjjj-mm-dd."),
        ({"due_date": "31-12-2030"}, "Uiterste datum: "),
        ({"users": ["999999"]}, "Een of meer gekozen personen of teams bestaan niet (meer)."),
        ({"teams": ["999999"]}, "Een of meer gekozen personen of teams bestaan niet (meer)."),
        ({"users": ["9223372036854775808"]}, "bestaan niet (meer)."),
        ({"users": ["abc"]}, "Personen: Ongeldige keuze(s)"),
        ({"teams": ["1; DROP TABLE teams"]}, "Teams: Ongeldige keuze(s)"),
        ({"message": "x" * 10_240}, "Veld mag niet langer zijn dan 2000 karakters."),
    ],
)
def test_bad_input_is_shown_and_nothing_is_saved(app, client, data, login, changes, shown):
    login("trainer")
    values = {
        "module": data.module,
        "anna": data.users["anna"],
        "next_week": days(7).isoformat(),
        "yesterday": days(-1).isoformat(),
    }
    form = {**GOOD, **changes}
    form = {
        key: [v.format(**values) for v in value]
        if isinstance(value, list)
        else value.format(**values)
        for key, value in form.items()
    }
    response = client.post("/opdrachten/nieuw", data=form)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "Controleer het formulier" in html
    assert shown in html
    with app.app_context():
        assert assignment_count() == 0


def test_every_problem_is_shown_at_once_and_only_once(app, client, data, login) -> None:
    login("trainer")
    response = client.post(
        "/opdrachten/nieuw",
        data={
            "work": "",
            "users": ["999999"],
            "teams": ["abc"],
            "due_date": days(-1).isoformat(),
            "message": "x" * 10_240,
        },
    )
    assert response.status_code == 200
    summary = re.search(r'id="error-summary">(.*?)</div>', response.get_data(as_text=True), re.S)
    problems = [
        " ".join(re.sub(r"<[^>]+>", "", item).split())
        for item in re.findall(r"<li>(.*?)</li>", summary.group(1), re.S)
    ]
    assert sorted(problems) == sorted(
        [
            "Een of meer gekozen personen of teams bestaan niet (meer).",
            "De uiterste datum ligt vandaag of later.",
            "Module of oefening: Kies wat er gedaan moet worden.",
            "Teams: Ongeldige keuze(s): een of meer van de invoeren kon niet omgezet worden.",
            "Bericht aan de deelnemers: Veld mag niet langer zijn dan 2000 karakters.",
        ]
    )
    with app.app_context():
        assert assignment_count() == 0


def test_the_refused_form_keeps_what_was_typed(client, data, login) -> None:
    login("trainer")
    html = client.post(
        "/opdrachten/nieuw",
        data={
            "work": f"module-{data.module}",
            "teams": [str(data.teams["zorg"])],
            "due_date": days(-1).isoformat(),
            "message": "Mijn bericht",
        },
    ).get_data(as_text=True)
    assert f'<option selected value="module-{data.module}">' in html
    assert f'value="{data.teams["zorg"]}" checked' in html or re.search(
        rf'checked[^>]*value="{data.teams["zorg"]}"', html
    )
    assert "Mijn bericht</textarea>" in html


def test_edit_form_is_filled_in(app, client, data, login) -> None:
    with app.app_context():
        assignment = assign(
            exercise=data.exercises["fact"],
            users=[data.users["cees"]],
            teams=[data.teams["zorg"]],
            due=days(5),
            message="Eerste versie",
        )
    login("trainer")
    html = client.get(f"/opdrachten/{assignment}/bewerken").get_data(as_text=True)
    assert "Opdracht bewerken" in html
    assert f'<option selected value="oefening-{data.exercises["fact"]}">' in html
    checked = set(re.findall(r'<input checked id="(\w+-\d+)"', html))
    assert len(checked) == 2
    assert f'value="{days(5).isoformat()}"' in html
    assert "Eerste versie</textarea>" in html


def test_editing_keeps_the_work_and_updates_the_learners(app, client, data, login, auth) -> None:
    anna = data.users["anna"]
    with app.app_context():
        assignment = assign(exercise=data.exercises["known"], users=[anna], due=days(-5))
        pass_exercise(anna, data.exercises["known"], day=days(-1))
        attempts = attempt_count()
    login("trainer")
    response = client.post(
        f"/opdrachten/{assignment}/bewerken",
        data={
            "work": f"oefening-{data.exercises['known']}",
            "users": [str(anna)],
            "teams": [str(data.teams["wonen"])],
            "due_date": days(-1).isoformat(),  # an edit may keep a past date
            "message": "Later gezet",
        },
    )
    assert response.status_code == 302
    with app.app_context():
        assert attempt_count() == attempts
        assert assignment_count() == 1
        saved = db.session.get(Assignment, assignment)
        assert (saved.due_date, saved.message) == (days(-1), "Later gezet")
    auth.logout()
    login("anna")
    html = client.get("/opdrachten").get_data(as_text=True)
    assert "voldaan</span>" in html and "(te laat)" not in html
    auth.logout()
    login("cees")
    assert "Vind de monitor" in client.get("/opdrachten").get_data(as_text=True)


def test_withdrawing_keeps_the_work(app, client, data, login, auth) -> None:
    anna = data.users["anna"]
    with app.app_context():
        assignment = assign(module=data.module, users=[anna], due=days(3))
        complete_module(anna, data, day=today())
        attempts = attempt_count()
    login("trainer")
    assert client.get(f"/opdrachten/{assignment}/intrekken").status_code == 405
    response = client.post(f"/opdrachten/{assignment}/intrekken")
    assert response.status_code == 302
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "De opdracht Vinden wat er is is ingetrokken; gemaakt werk blijft bewaard." in html
    assert matrix_from_html(html) == {}
    assert client.get(f"/opdrachten/{assignment}/bewerken").status_code == 404
    assert client.post(f"/opdrachten/{assignment}/intrekken").status_code == 302  # harmless
    with app.app_context():
        assert attempt_count() == attempts
        assert db.session.get(Assignment, assignment).withdrawn_at is not None
    auth.logout()
    login("anna")
    assert "Je hebt geen opdrachten." in client.get("/opdrachten").get_data(as_text=True)


@pytest.mark.parametrize("assignment_id", ["999999", "9223372036854775808", "99999999999999999999"])
def test_unknown_assignments_are_404(client, data, login, assignment_id) -> None:
    login("trainer")
    assert client.get(f"/opdrachten/{assignment_id}/bewerken").status_code == 404
    assert client.post(f"/opdrachten/{assignment_id}/intrekken").status_code == 404


# --- the learner page: assignments, attempts, search trail, indicators ------------------------


def test_learner_page_shows_work_trail_and_indicators(app, client, data, login) -> None:
    anna = data.users["anna"]
    with app.app_context():
        assign(module=data.module, teams=[data.teams["zorg"]], due=days(3))
        attempt = add_attempt(anna, data.exercises["known"], score=1.0, day=today())
        handed_in = add_attempt(
            anna, data.exercises["open"], status=AttemptStatus.SUBMITTED, day=today(), hour=11
        )
        start = moment(today(), 10)
        log_search(attempt, anna, "armoede", start + dt.timedelta(seconds=30), result_count=0)
        db.session.add(
            DocumentOpen(
                user_id=anna,
                document_id=data.documents[0],
                attempt_id=attempt,
                created_at=start + dt.timedelta(seconds=75),
            )
        )
        db.session.commit()
        log_search(attempt, anna, "armoede OF minima", start + dt.timedelta(seconds=130),
                   result_count=4, features="or", doctype=["monitor"])  # fmt: skip
    login("trainer")
    html = client.get(f"/opdrachten/deelnemers/{anna}").get_data(as_text=True)
    assert "<h1>Anna</h1>" in html and "Team Zorg" in html
    assert "Vinden wat er is</a> — <span" in html and "bezig</span>" in html
    trail = re.sub(r"\s+", " ", re.search(r'<ol class="trail">(.*?)</ol>', html, re.S).group(1))
    steps = [re.sub(r"<[^>]+>", "", s).strip() for s in trail.split("<li>")[1:]]
    assert steps == [
        "+30 s zocht armoede — 0 resultaten",
        "+45 s opende Armoedemonitor 2024",
        "+55 s zocht armoede OF minima doctype: monitor — 4 resultaten (OF)",
    ]
    assert "<strong>2</strong> pogingen" in html
    assert "<strong>1</strong> zoekopdrachten per oefening" in html  # two searches, two exercises
    assert "<strong>1</strong> zoekopdrachten zonder resultaat" in html
    assert "<strong>1</strong> zoekopdrachten met filters" in html
    assert '<span class="badge">OF × 1</span>' in html  # skill names from the catalogue
    assert f'href="/leren/beheer/pogingen/{handed_in}"' in html  # score the handed-in answer


def test_learner_page_of_someone_without_work(client, data, login) -> None:
    login("trainer")
    html = client.get(f"/opdrachten/deelnemers/{data.users['cees']}").get_data(as_text=True)
    assert "Geen opdrachten." in html and "Nog geen pogingen." in html


@pytest.mark.parametrize("user_id", ["999999", "9223372036854775808"])
def test_learner_page_of_an_unknown_user_is_404(client, data, login, user_id) -> None:
    login("trainer")
    assert client.get(f"/opdrachten/deelnemers/{user_id}").status_code == 404


# --- document opens: only for the learner's own attempt ---------------------------------------


def test_a_document_opened_from_the_own_attempt_is_recorded(app, client, data, login) -> None:
    with app.app_context():
        own = add_attempt(data.users["anna"], data.exercises["known"], status=AttemptStatus.OPEN)
        brams = add_attempt(data.users["bram"], data.exercises["known"], status=AttemptStatus.OPEN)
    login("anna")
    document = data.documents[0]
    for poging in (str(brams), "abc", "", "-1", "9223372036854775808", "99999999999"):
        response = client.get(f"/zoeken/documenten/{document}?poging={poging}")
        assert response.status_code == 200
    with app.app_context():
        assert document_open_count() == 0
    assert client.get(f"/zoeken/documenten/{document}?poging={own}").status_code == 200
    with app.app_context():
        (opened,) = db.session.scalars(db.select(DocumentOpen)).all()
        assert (opened.user_id, opened.document_id, opened.attempt_id) == (
            data.users["anna"],
            document,
            own,
        )


def test_a_trainer_reading_a_learners_attempt_is_not_in_the_trail(app, client, data, login):
    with app.app_context():
        attempt = add_attempt(data.users["anna"], data.exercises["known"])
    login("trainer")
    assert client.get(f"/zoeken/documenten/{data.documents[0]}?poging={attempt}").status_code == 200
    with app.app_context():
        assert document_open_count() == 0


def test_a_document_opened_from_a_workspace_links_back_to_it(app, client, data, login) -> None:
    with app.app_context():
        attempt = add_attempt(
            data.users["anna"], data.exercises["known"], status=AttemptStatus.OPEN
        )
    login("anna")
    back = f"/leren/pogingen/{attempt}?q=armoede"
    html = client.get(
        f"/zoeken/documenten/{data.documents[0]}",
        query_string={"terug": back, "poging": attempt},
    ).get_data(as_text=True)
    assert f'<a href="{back}">' in html


# --- the theme page shows the owner team's training share ------------------------------------


def test_theme_page_shows_the_team_training_share(app, client, data, login) -> None:
    with app.app_context():
        complete_module(data.users["anna"], data, day=today())
        read_lessons(data.users["bram"], data.lessons, day=today())
    login("medewerker")
    html = client.get(f"/themas/{data.theme}").get_data(as_text=True)
    assert "Team getraind in vinden" in html
    assert re.search(r'class="training-share"[^>]*>50% <span class="muted">\(1/2\)</span>', html)


@pytest.mark.parametrize("query", ["team={zorg}", "status=te_laat", ""])
def test_excel_holds_the_filtered_rows_with_typed_cells(app, client, data, login, spread, query):
    login("trainer")
    query = query.format(**data.teams)
    page = client.get(f"/opdrachten/overzicht?{query}").get_data(as_text=True)
    link = re.search(r'href="(/opdrachten/overzicht\.xlsx[^"]*)"', page).group(1)
    assert link == "/opdrachten/overzicht.xlsx" + (f"?{query}" if query else "")
    response = client.get(link)
    assert response.mimetype.endswith("spreadsheetml.sheet")
    name = re.search(r'filename="([^"]+)"', response.headers["Content-Disposition"]).group(1)
    label = {"": "", "team": "-team-zorg", "status": "-te-laat"}[query.split("=")[0]]
    assert name == f"opdrachten-overzicht{label}-{dt.date.today().isoformat()}.xlsx"
    sheet = load_workbook(io.BytesIO(response.data)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert header == CSV_HEADER and sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:I{len(rows) + 1}"
    expected = parse_csv(client.get(f"/opdrachten/overzicht.csv?{query}"))
    assert len(rows) == len(expected) > 0
    for row, want in zip(rows, expected, strict=True):
        cells = dict(zip(CSV_HEADER, row, strict=True))
        assert cells["Gebruikersnaam"] == want["Gebruikersnaam"]
        assert cells["Uiterste datum"].date().isoformat() == want["Uiterste datum"]
        assert cells["Score"] == (int(want["Score"]) if want["Score"] else None)
        done = cells["Afgerond op"]
        assert (done.date().isoformat() if done else "") == want["Afgerond op"]
