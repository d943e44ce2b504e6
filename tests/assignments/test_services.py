"""academy/assignments/services.py: derived statuses, team membership, the matrix, writing,
the search trail and indicators; plus the training share the theme pages show."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, update

from academy.assignments import services
from academy.assignments.services import Cell, MatrixFilter, Status
from academy.errors import ValidationFailed
from academy.extensions import db
from academy.models import (
    Assignment,
    Attempt,
    AttemptStatus,
    DocumentOpen,
    LessonRead,
    Module,
    Role,
    Team,
    User,
)
from academy.training import progress, trail
from academy.training.services import core_completion_by_team
from tests.assignments.conftest import (
    TODAY,
    Data,
    add_attempt,
    assign,
    assignment_count,
    attempt_count,
    complete_module,
    log_search,
    moment,
    pass_exercise,
    read_lessons,
    user,
)
from tests.conftest import add_user

YESTERDAY = TODAY - dt.timedelta(days=1)
TOMORROW = TODAY + dt.timedelta(days=1)


def cell(user_id: int, assignment_id: int, today: dt.date = TODAY) -> Cell | None:
    """The learner's cell as "Mijn opdrachten" derives it, checked against the trainer's
    matrix (which loads everyone's progress in bulk): both must agree."""
    mine = {item.assignment.id: item.cell for item in services.my_assignments(user(user_id), today)}
    matrix = services.assignment_matrix(MatrixFilter(), today)
    assert mine.get(assignment_id) == matrix.cells.get((user_id, assignment_id))
    return mine.get(assignment_id)


def finished(day: dt.date, hour: int = 10) -> dt.datetime:
    """When add_attempt's graded attempt (started at `hour`) was scored."""
    return moment(day, hour) + dt.timedelta(minutes=30)


# --- status rules: one exercise ------------------------------------------------------------------


def test_nothing_started_is_open(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=TOMORROW)
    assert cell(anna, assignment) == Cell(Status.OPEN, None)


def test_an_open_attempt_is_bezig(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=TOMORROW)
    add_attempt(anna, ctx.exercises["known"], status=AttemptStatus.OPEN)
    assert cell(anna, assignment) == Cell(Status.STARTED, None)


def test_a_failed_attempt_is_bezig_with_its_score(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=TOMORROW)
    add_attempt(anna, ctx.exercises["known"], score=0.4)
    assert cell(anna, assignment) == Cell(Status.STARTED, 0.4)


def test_an_open_answer_handed_in_is_ingeleverd(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["open"], users=[anna], due=TOMORROW)
    add_attempt(anna, ctx.exercises["open"], status=AttemptStatus.SUBMITTED)
    assert cell(anna, assignment) == Cell(Status.SUBMITTED, None)


def test_a_passed_attempt_is_voldaan_with_its_moment(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=TOMORROW)
    pass_exercise(anna, ctx.exercises["known"], day=TODAY, score=0.9)
    assert cell(anna, assignment) == Cell(Status.DONE, 0.9, late=False, done_at=finished(TODAY))


def test_an_open_answer_scored_as_passed_is_voldaan(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["open"], users=[anna], due=TOMORROW)
    pass_exercise(anna, ctx.exercises["open"], score=1.0)
    assert cell(anna, assignment).status is Status.DONE


def test_an_open_answer_scored_as_failed_is_bezig_again(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["open"], users=[anna], due=TOMORROW)
    add_attempt(anna, ctx.exercises["open"], score=0.5, passed=False)
    assert cell(anna, assignment) == Cell(Status.STARTED, 0.5)


@pytest.mark.parametrize("started", [False, True])
def test_due_today_is_not_late(ctx: Data, started: bool) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=TODAY)
    if started:
        add_attempt(anna, ctx.exercises["known"], status=AttemptStatus.OPEN)
    assert cell(anna, assignment).status is (Status.STARTED if started else Status.OPEN)


@pytest.mark.parametrize(
    ("attempt", "score"),
    [(None, None), (AttemptStatus.OPEN, None), (AttemptStatus.GRADED, 0.3)],
    ids=["nothing", "started", "failed"],
)
def test_not_done_after_the_due_date_is_te_laat(ctx: Data, attempt, score) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=YESTERDAY)
    if attempt is not None:
        add_attempt(anna, ctx.exercises["known"], status=attempt, score=score, day=YESTERDAY)
    assert cell(anna, assignment) == Cell(Status.OVERDUE, score)


def test_completed_after_the_due_date_is_voldaan_and_late(ctx: Data) -> None:
    anna = ctx.users["anna"]
    due = TODAY - dt.timedelta(days=3)
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=due)
    pass_exercise(anna, ctx.exercises["known"], day=YESTERDAY)
    assert cell(anna, assignment) == Cell(Status.DONE, 1.0, late=True, done_at=finished(YESTERDAY))


def test_completed_late_in_the_evening_of_the_due_date_is_on_time(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=YESTERDAY)
    add_attempt(anna, ctx.exercises["known"], score=1.0, day=YESTERDAY, hour=23)
    result = cell(anna, assignment)
    assert (result.status, result.late) == (Status.DONE, False)


def test_handed_in_before_the_due_date_waits_for_the_trainer_not_te_laat(ctx: Data) -> None:
    """An open answer handed in on time stays "ingeleverd" while the trainer scores it."""
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["open"], users=[anna], due=YESTERDAY)
    add_attempt(anna, ctx.exercises["open"], status=AttemptStatus.SUBMITTED, day=YESTERDAY)
    assert cell(anna, assignment).status is Status.SUBMITTED


# --- the best attempt counts ----------------------------------------------------------------------


def test_a_worse_later_attempt_does_not_undo_voldaan(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=TOMORROW)
    pass_exercise(anna, ctx.exercises["known"], day=YESTERDAY, score=0.9)
    add_attempt(anna, ctx.exercises["known"], score=0.2, day=TODAY)
    add_attempt(anna, ctx.exercises["known"], status=AttemptStatus.OPEN, day=TODAY, hour=11)
    assert cell(anna, assignment) == Cell(Status.DONE, 0.9, late=False, done_at=finished(YESTERDAY))


def test_a_better_later_attempt_counts(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=TOMORROW)
    add_attempt(anna, ctx.exercises["known"], score=0.3, day=YESTERDAY)
    add_attempt(anna, ctx.exercises["known"], score=0.85, day=TODAY)
    assert cell(anna, assignment) == Cell(Status.DONE, 0.85, done_at=finished(TODAY))


def test_practising_again_after_the_due_date_does_not_make_it_late(ctx: Data) -> None:
    """Passed on time, then a better score after the due date: the assignment was completed
    on time, so no late flag (the score shown is the best one)."""
    anna = ctx.users["anna"]
    due = TODAY - dt.timedelta(days=3)
    assignment = assign(exercise=ctx.exercises["known"], users=[anna], due=due)
    pass_exercise(anna, ctx.exercises["known"], day=due - dt.timedelta(days=1), score=0.8)
    pass_exercise(anna, ctx.exercises["known"], day=TODAY, score=1.0)
    assert cell(anna, assignment) == Cell(
        Status.DONE, 1.0, late=False, done_at=finished(due - dt.timedelta(days=1))
    )


def test_attempts_of_other_learners_and_exercises_do_not_count(ctx: Data) -> None:
    anna, bram = ctx.users["anna"], ctx.users["bram"]
    assignment = assign(exercise=ctx.exercises["known"], users=[anna, bram], due=TOMORROW)
    pass_exercise(bram, ctx.exercises["known"])
    pass_exercise(anna, ctx.exercises["fact"])
    assert cell(anna, assignment) == Cell(Status.OPEN, None)
    assert cell(bram, assignment).status is Status.DONE


# --- status rules: a module ---------------------------------------------------------------------


def test_a_module_needs_every_lesson_read_and_every_exercise_passed(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(module=ctx.module, users=[anna], due=TOMORROW)
    assert cell(anna, assignment) == Cell(Status.OPEN, None, percent=0)

    read_lessons(anna, ctx.lessons[:1], day=YESTERDAY)
    assert cell(anna, assignment) == Cell(Status.STARTED, None, percent=20)

    pass_exercise(anna, ctx.exercises["known"], day=YESTERDAY)
    pass_exercise(anna, ctx.exercises["fact"], day=YESTERDAY, score=0.9)
    pass_exercise(anna, ctx.exercises["open"], day=YESTERDAY, score=0.8)
    # every exercise passed, one lesson unread: still bezig
    assert cell(anna, assignment) == Cell(Status.STARTED, pytest.approx(0.9), percent=80)

    read_lessons(anna, ctx.lessons[1:], day=TODAY)
    # done when the last lesson was read (the draft lesson and exercise do not count)
    assert cell(anna, assignment) == Cell(
        Status.DONE, pytest.approx(0.9), late=False, done_at=moment(TODAY, 9, 0), percent=100
    )


def test_a_module_with_one_exercise_failed_is_not_done(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(module=ctx.module, users=[anna], due=TOMORROW)
    read_lessons(anna, ctx.lessons)
    pass_exercise(anna, ctx.exercises["known"])
    pass_exercise(anna, ctx.exercises["fact"])
    add_attempt(anna, ctx.exercises["open"], score=0.5, passed=False)
    assert cell(anna, assignment) == Cell(Status.STARTED, pytest.approx(2.5 / 3), percent=80)


def test_a_module_score_is_the_mean_of_best_scores_over_all_exercises(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(module=ctx.module, users=[anna], due=TOMORROW)
    pass_exercise(anna, ctx.exercises["known"], score=0.9)
    add_attempt(anna, ctx.exercises["known"], score=0.1)
    assert cell(anna, assignment).score == pytest.approx(0.9 / 3)


def test_a_module_waiting_only_for_an_open_answer_is_ingeleverd(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(module=ctx.module, users=[anna], due=YESTERDAY)
    read_lessons(anna, ctx.lessons, day=YESTERDAY)
    pass_exercise(anna, ctx.exercises["known"], day=YESTERDAY)
    pass_exercise(anna, ctx.exercises["fact"], day=YESTERDAY)
    add_attempt(anna, ctx.exercises["open"], status=AttemptStatus.SUBMITTED, day=YESTERDAY)
    assert cell(anna, assignment).status is Status.SUBMITTED


def test_a_module_handed_in_with_lessons_unread_is_not_ingeleverd(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(module=ctx.module, users=[anna], due=TOMORROW)
    pass_exercise(anna, ctx.exercises["known"])
    pass_exercise(anna, ctx.exercises["fact"])
    add_attempt(anna, ctx.exercises["open"], status=AttemptStatus.SUBMITTED)
    assert cell(anna, assignment).status is Status.STARTED


def test_a_module_completed_after_the_due_date_is_late(ctx: Data) -> None:
    anna = ctx.users["anna"]
    due = TODAY - dt.timedelta(days=5)
    assignment = assign(module=ctx.module, users=[anna], due=due)
    complete_module(anna, ctx, day=due)  # everything on the due date ...
    read_lessons(anna, [ctx.other_lesson], day=TODAY)  # (another module's lesson: no effect)
    assert cell(anna, assignment).late is False
    db.session.execute(
        update(LessonRead)
        .where(LessonRead.user_id == anna, LessonRead.lesson_id == ctx.lessons[1])
        .values(read_at=moment(TODAY, 8))
    )  # ... except the last lesson, read today
    db.session.commit()
    assert cell(anna, assignment) == Cell(
        Status.DONE, 1.0, late=True, done_at=moment(TODAY, 8), percent=100
    )


def test_a_draft_lesson_or_exercise_does_not_block_completion(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(module=ctx.module, users=[anna], due=TOMORROW)
    complete_module(anna, ctx)
    add_attempt(anna, ctx.draft_exercise, score=0.0)
    assert cell(anna, assignment).status is Status.DONE


# --- who is assigned: teams and people ---------------------------------------------------------


def test_a_team_assignment_covers_the_members_and_nobody_else(ctx: Data) -> None:
    assignment = assign(module=ctx.module, teams=[ctx.teams["zorg"]], due=TOMORROW)
    matrix = services.assignment_matrix(MatrixFilter(), TODAY)
    assert [u.username for u in matrix.learners] == ["anna", "bram"]
    assert set(matrix.cells) == {(ctx.users["anna"], assignment), (ctx.users["bram"], assignment)}
    assert services.my_assignments(user(ctx.users["cees"]), TODAY) == []


def test_someone_who_joins_the_team_later_gets_its_assignment(ctx: Data, password_hash) -> None:
    assignment = assign(exercise=ctx.exercises["known"], teams=[ctx.teams["zorg"]], due=TOMORROW)
    zorg = db.session.get(Team, ctx.teams["zorg"])
    dirk = add_user("dirk", (Role.EMPLOYEE,), password_hash, team=zorg)
    cees = user(ctx.users["cees"])
    cees.team_id = ctx.teams["zorg"]  # moves in from Team Wonen
    db.session.commit()
    for newcomer in (dirk, cees):
        assert [i.assignment.id for i in services.my_assignments(newcomer, TODAY)] == [assignment]
        assert cell(newcomer.id, assignment) == Cell(Status.OPEN, None)
    matrix = services.assignment_matrix(MatrixFilter(), TODAY)
    assert [u.username for u in matrix.learners] == ["anna", "bram", "cees", "dirk"]


def test_someone_who_leaves_the_team_loses_its_assignment(ctx: Data) -> None:
    assignment = assign(exercise=ctx.exercises["known"], teams=[ctx.teams["zorg"]], due=TOMORROW)
    pass_exercise(ctx.users["bram"], ctx.exercises["known"])
    bram = user(ctx.users["bram"])
    bram.team_id = ctx.teams["wonen"]
    db.session.commit()
    assert services.my_assignments(bram, TODAY) == []
    matrix = services.assignment_matrix(MatrixFilter(), TODAY)
    assert [u.username for u in matrix.learners] == ["anna"]
    assert (bram.id, assignment) not in matrix.cells
    assert attempt_count() == 1  # his work is kept


def test_someone_without_a_team_keeps_only_personal_assignments(ctx: Data) -> None:
    team_work = assign(module=ctx.module, teams=[ctx.teams["zorg"]], due=TOMORROW)
    personal = assign(exercise=ctx.exercises["fact"], users=[ctx.users["bram"]], due=TOMORROW)
    bram = user(ctx.users["bram"])
    bram.team_id = None
    db.session.commit()
    assert [i.assignment.id for i in services.my_assignments(bram, TODAY)] == [personal]
    assert team_work != personal


def test_a_leaver_assigned_personally_keeps_the_assignment(ctx: Data) -> None:
    bram = ctx.users["bram"]
    assignment = assign(
        exercise=ctx.exercises["known"], users=[bram], teams=[ctx.teams["zorg"]], due=TOMORROW
    )
    pass_exercise(bram, ctx.exercises["known"])
    user(bram).team_id = ctx.teams["wonen"]
    db.session.commit()
    assert cell(bram, assignment).status is Status.DONE


def test_assigned_personally_and_through_the_team_counts_once(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment = assign(
        exercise=ctx.exercises["known"], users=[anna], teams=[ctx.teams["zorg"]], due=TOMORROW
    )
    assert [i.assignment.id for i in services.my_assignments(user(anna), TODAY)] == [assignment]
    assert services.open_count(user(anna), TODAY) == 1
    matrix = services.assignment_matrix(MatrixFilter(), TODAY)
    assert [u.username for u in matrix.learners].count("anna") == 1


@pytest.mark.parametrize("how", ["team", "personal"])
def test_a_deactivated_user_disappears_from_the_matrix(ctx: Data, how: str) -> None:
    anna = ctx.users["anna"]
    targets = {"teams": [ctx.teams["zorg"]]} if how == "team" else {"users": [anna]}
    assignment = assign(exercise=ctx.exercises["known"], due=TOMORROW, **targets)
    pass_exercise(anna, ctx.exercises["known"])
    user(anna).active = False
    db.session.commit()
    matrix = services.assignment_matrix(MatrixFilter(), TODAY)
    assert "anna" not in [u.username for u in matrix.learners]
    assert (anna, assignment) not in matrix.cells
    assert matrix.counts[Status.DONE] == 0


# --- editing and withdrawing keep the learners' work -------------------------------------------


def test_editing_an_assignment_keeps_attempts_and_rederives_the_status(ctx: Data) -> None:
    anna, bram = ctx.users["anna"], ctx.users["bram"]
    assignment_id = assign(
        exercise=ctx.exercises["known"], users=[anna], due=TODAY - dt.timedelta(days=3)
    )
    pass_exercise(anna, ctx.exercises["known"], day=YESTERDAY)
    assert cell(anna, assignment_id).late is True
    trainer = db.session.scalar(select(User).where(User.username == "trainer"))
    assignment = db.session.get(Assignment, assignment_id)
    saved = services.save_assignment(
        assignment,
        trainer=trainer,
        module_id=None,
        exercise_id=ctx.exercises["known"],
        user_ids=[anna, bram],
        team_ids=[],
        due_date=TODAY,
        message="Nieuwe datum",
        today=TODAY,
    )
    assert saved.id == assignment_id and assignment_count() == 1
    assert attempt_count() == 1
    assert cell(anna, assignment_id) == Cell(Status.DONE, 1.0, done_at=finished(YESTERDAY))
    assert cell(bram, assignment_id) == Cell(Status.OPEN, None)


def test_an_existing_assignment_may_keep_a_past_due_date(ctx: Data) -> None:
    """Only a new assignment must be due today or later; an edit may keep the old date."""
    anna = ctx.users["anna"]
    assignment_id = assign(exercise=ctx.exercises["known"], users=[anna], due=YESTERDAY)
    trainer = db.session.scalar(select(User).where(User.username == "trainer"))
    services.save_assignment(
        db.session.get(Assignment, assignment_id),
        trainer=trainer,
        module_id=None,
        exercise_id=ctx.exercises["known"],
        user_ids=[anna],
        team_ids=[],
        due_date=YESTERDAY,
        message="Graag alsnog",
        today=TODAY,
    )
    assert db.session.get(Assignment, assignment_id).message == "Graag alsnog"


def test_changing_the_targets_replaces_them(ctx: Data) -> None:
    anna, cees = ctx.users["anna"], ctx.users["cees"]
    assignment_id = assign(module=ctx.module, teams=[ctx.teams["zorg"]], due=TOMORROW)
    trainer = db.session.scalar(select(User).where(User.username == "trainer"))
    services.save_assignment(
        db.session.get(Assignment, assignment_id),
        trainer=trainer,
        module_id=None,
        exercise_id=ctx.exercises["fact"],
        user_ids=[cees],
        team_ids=[],
        due_date=TOMORROW,
        today=TODAY,
    )
    assert services.my_assignments(user(anna), TODAY) == []
    mine = services.my_assignments(user(cees), TODAY)
    assert [(i.assignment.id, i.assignment.title) for i in mine] == [
        (assignment_id, "Hoeveel schoolverlaters")
    ]


def test_withdrawing_hides_the_assignment_and_keeps_the_work(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assignment_id = assign(module=ctx.module, users=[anna], due=TOMORROW)
    complete_module(anna, ctx)
    attempts = attempt_count()
    assignment = db.session.get(Assignment, assignment_id)
    services.withdraw(assignment)
    withdrawn_at = assignment.withdrawn_at
    assert withdrawn_at is not None
    assert services.my_assignments(user(anna), TODAY) == []
    matrix = services.assignment_matrix(MatrixFilter(), TODAY)
    assert (matrix.assignments, matrix.learners, matrix.cells) == ([], [], {})
    assert attempt_count() == attempts
    services.withdraw(assignment)  # again: nothing changes
    assert assignment.withdrawn_at == withdrawn_at
    # assigning the same work again shows the kept work at once
    again = assign(module=ctx.module, users=[anna], due=TOMORROW)
    assert cell(anna, again).status is Status.DONE


# --- validation ---------------------------------------------------------------------------------


def _save(ctx: Data, **changes) -> Assignment:
    values = {
        "module_id": ctx.module,
        "exercise_id": None,
        "user_ids": [ctx.users["anna"]],
        "team_ids": [],
        "due_date": TOMORROW,
        "message": "",
        "today": TODAY,
    }
    values.update(changes)
    trainer = db.session.scalar(select(User).where(User.username == "trainer"))
    return services.save_assignment(None, trainer=trainer, **values)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"module_id": None}, "Kies een module of een oefening"),
        ({"exercise_id": 1}, "Kies een module of een oefening"),
        ({"module_id": 9999}, "Die module bestaat niet."),
        ({"module_id": None, "exercise_id": 9999}, "Die oefening bestaat niet."),
        ({"module_id": 2**63}, "Die module bestaat niet."),
        ({"user_ids": []}, "Kies minstens één persoon of team."),
        ({"user_ids": [9999]}, "bestaan niet (meer)"),
        ({"team_ids": [9999]}, "bestaan niet (meer)"),
        ({"user_ids": [2**63]}, "bestaan niet (meer)"),
        ({"team_ids": [2**64]}, "bestaan niet (meer)"),
        ({"due_date": None}, "Kies een uiterste datum."),
        ({"due_date": YESTERDAY}, "vandaag of later"),
        ({"message": "x" * 10_000}, "Het bericht is te lang"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(ctx: Data, changes, message) -> None:
    with pytest.raises(ValidationFailed) as failure:
        _save(ctx, **changes)
    assert len(failure.value.messages) == 1
    assert message in failure.value.messages[0]
    assert assignment_count() == 0


def test_every_problem_is_reported_at_once(ctx: Data) -> None:
    with pytest.raises(ValidationFailed) as failure:
        _save(ctx, module_id=None, user_ids=[], due_date=YESTERDAY, message="x" * 10_000)
    assert len(failure.value.messages) == 4
    with pytest.raises(ValidationFailed) as failure:
        _save(ctx, user_ids=[9999], team_ids=[9998], due_date=None)
    assert len(failure.value.messages) == 2
    assert assignment_count() == 0


def test_a_valid_assignment_is_saved_with_its_targets(ctx: Data) -> None:
    saved = _save(
        ctx,
        user_ids=[ctx.users["anna"], ctx.users["anna"]],
        team_ids=[ctx.teams["wonen"]],
        message="  Succes!  ",
    )
    assert saved.title == "Vinden wat er is"
    assert saved.message == "Succes!"
    assert {(t.user_id, t.team_id) for t in saved.targets} == {
        (None, ctx.teams["wonen"]),
        (ctx.users["anna"], None),
    }
    assert saved.created_by.username == "trainer"


def test_learners_are_the_active_employees(ctx: Data) -> None:
    user(ctx.users["bram"]).active = False
    db.session.commit()
    assert [u.username for u in services.learners()] == ["anna", "cees", "medewerker"]


# --- the matrix and its filters -------------------------------------------------------------------


@pytest.fixture
def mixed(ctx: Data) -> dict[str, int]:
    """Three assignments with a spread of statuses (ids by name)."""
    anna, bram, cees = ctx.users["anna"], ctx.users["bram"], ctx.users["cees"]
    ids = {
        "module": assign(module=ctx.module, teams=[ctx.teams["zorg"]], due=TOMORROW),
        "fact": assign(
            exercise=ctx.exercises["fact"], users=[anna, cees], due=YESTERDAY
        ),  # anna done, cees late
        "other": assign(module=ctx.other_module, teams=[ctx.teams["wonen"]], due=TODAY),
    }
    complete_module(anna, ctx, day=YESTERDAY)  # module done, fact done
    add_attempt(bram, ctx.exercises["known"], status=AttemptStatus.OPEN)  # module bezig
    read_lessons(cees, [ctx.other_lesson])  # other bezig
    return ids


def test_matrix_rows_columns_and_counts(ctx: Data, mixed: dict[str, int]) -> None:
    matrix = services.assignment_matrix(MatrixFilter(), TODAY)
    # columns by due date; rows by name; a cell only where assigned
    assert [a.id for a in matrix.assignments] == [mixed["fact"], mixed["other"], mixed["module"]]
    assert [u.username for u in matrix.learners] == ["anna", "bram", "cees"]
    statuses = {
        (u.username, a): matrix.cells[(u.id, a)].status
        for u in matrix.learners
        for a in mixed.values()
        if (u.id, a) in matrix.cells
    }
    assert statuses == {
        ("anna", mixed["module"]): Status.DONE,
        ("anna", mixed["fact"]): Status.DONE,
        ("bram", mixed["module"]): Status.STARTED,
        ("cees", mixed["fact"]): Status.OVERDUE,
        ("cees", mixed["other"]): Status.STARTED,
    }
    assert matrix.counts == {
        Status.OPEN: 0,
        Status.STARTED: 2,
        Status.SUBMITTED: 0,
        Status.DONE: 2,
        Status.OVERDUE: 1,
    }


def test_matrix_team_filter_keeps_the_team(ctx: Data, mixed: dict[str, int]) -> None:
    matrix = services.assignment_matrix(MatrixFilter(team_id=ctx.teams["wonen"]), TODAY)
    assert [u.username for u in matrix.learners] == ["cees"]
    assert {k[0] for k in matrix.cells} == {ctx.users["cees"]}
    assert sum(matrix.counts.values()) == 2


def test_matrix_module_filter_includes_the_modules_exercises(ctx: Data, mixed) -> None:
    matrix = services.assignment_matrix(MatrixFilter(module_id=ctx.module), TODAY)
    assert {a.id for a in matrix.assignments} == {mixed["module"], mixed["fact"]}
    matrix = services.assignment_matrix(MatrixFilter(module_id=ctx.other_module), TODAY)
    assert [a.id for a in matrix.assignments] == [mixed["other"]]
    assert [u.username for u in matrix.learners] == ["cees"]


def test_matrix_status_filter_keeps_learners_with_such_a_cell(ctx: Data, mixed) -> None:
    matrix = services.assignment_matrix(MatrixFilter(status=Status.OVERDUE), TODAY)
    assert [u.username for u in matrix.learners] == ["cees"]
    # the learner's row stays whole, so the trainer sees the context
    assert matrix.cells[(ctx.users["cees"], mixed["other"])].status is Status.STARTED
    assert services.assignment_matrix(MatrixFilter(status=Status.SUBMITTED), TODAY).learners == []


def test_matrix_filters_combine(ctx: Data, mixed: dict[str, int]) -> None:
    matrix = services.assignment_matrix(
        MatrixFilter(team_id=ctx.teams["zorg"], module_id=ctx.module, status=Status.STARTED),
        TODAY,
    )
    assert [u.username for u in matrix.learners] == ["bram"]


def test_matrix_of_unknown_filter_ids_is_empty(ctx: Data, mixed: dict[str, int]) -> None:
    assert services.assignment_matrix(MatrixFilter(team_id=999_999), TODAY).learners == []
    assert services.assignment_matrix(MatrixFilter(module_id=999_999), TODAY).assignments == []


def test_matrix_and_bulk_loading_agree_with_the_learner_view(ctx: Data, mixed) -> None:
    matrix = services.assignment_matrix(MatrixFilter(), TODAY)
    for learner in matrix.learners:
        mine = {i.assignment.id: i.cell for i in services.my_assignments(learner, TODAY)}
        row = {a: c for (u, a), c in matrix.cells.items() if u == learner.id}
        assert mine == row


def test_load_progress_in_chunks_gives_the_same_answer(ctx: Data, mixed, monkeypatch) -> None:
    whole = services.assignment_matrix(MatrixFilter(), TODAY).cells
    original = progress._chunks
    monkeypatch.setattr(progress, "_chunks", lambda values, size=500: original(values, size=1))
    assert services.assignment_matrix(MatrixFilter(), TODAY).cells == whole


# --- the navigation badge ---------------------------------------------------------------------


def test_open_count_counts_open_bezig_and_te_laat_only(ctx: Data) -> None:
    anna = ctx.users["anna"]
    assign(exercise=ctx.exercises["known"], users=[anna], due=TOMORROW)  # open
    assign(exercise=ctx.exercises["fact"], users=[anna], due=YESTERDAY)  # te laat
    assign(exercise=ctx.exercises["open"], users=[anna], due=TOMORROW)  # ingeleverd
    assign(exercise=ctx.other_exercise, teams=[ctx.teams["zorg"]], due=TOMORROW)  # voldaan
    assign(module=ctx.module, users=[anna], due=TOMORROW)  # bezig (after the attempts)
    add_attempt(anna, ctx.exercises["open"], status=AttemptStatus.SUBMITTED)
    pass_exercise(anna, ctx.other_exercise)
    statuses = sorted(i.cell.status for i in services.my_assignments(user(anna), TODAY))
    assert statuses == sorted(
        [Status.OPEN, Status.OVERDUE, Status.SUBMITTED, Status.DONE, Status.STARTED]
    )
    assert services.open_count(user(anna), TODAY) == 3
    assert services.open_count(user(ctx.users["cees"]), TODAY) == 0


def test_my_assignments_are_ordered_by_due_date(ctx: Data) -> None:
    anna = ctx.users["anna"]
    later = assign(exercise=ctx.exercises["known"], users=[anna], due=TOMORROW)
    sooner = assign(exercise=ctx.exercises["fact"], users=[anna], due=TODAY)
    mine = services.my_assignments(user(anna), TODAY)
    assert [i.assignment.id for i in mine] == [sooner, later]


# --- coaching: the search trail and indicators -------------------------------------------------


def test_search_trail_is_in_order_with_the_time_between_steps(ctx: Data) -> None:
    anna, bram = ctx.users["anna"], ctx.users["bram"]
    attempt_id = add_attempt(anna, ctx.exercises["known"], status=AttemptStatus.OPEN)
    other = add_attempt(anna, ctx.exercises["fact"], status=AttemptStatus.OPEN)
    start = moment(TODAY, 10)
    # written out of order on purpose
    log_search(attempt_id, anna, "armoede OF minima", start + dt.timedelta(seconds=130),
               result_count=4, features="or", doctype=["monitor"])  # fmt: skip
    log_search(attempt_id, anna, "armoede", start + dt.timedelta(seconds=30), result_count=0)
    log_search(other, anna, "ander", start + dt.timedelta(seconds=40))
    log_search(None, anna, "los", start + dt.timedelta(seconds=50))
    db.session.add_all(
        [
            DocumentOpen(
                user_id=anna, document_id=ctx.documents[0], attempt_id=attempt_id,
                created_at=start + dt.timedelta(seconds=75),
            ),
            DocumentOpen(
                user_id=bram, document_id=ctx.documents[1], attempt_id=other,
                created_at=start + dt.timedelta(seconds=76),
            ),
        ]
    )  # fmt: skip
    db.session.commit()

    trail = services.search_trail(db.session.get(Attempt, attempt_id))
    assert [(s.kind, s.query or s.document_title) for s in trail] == [
        ("zoekopdracht", "armoede"),
        ("document", "Armoedemonitor 2024"),
        ("zoekopdracht", "armoede OF minima"),
    ]
    assert [s.seconds_since_previous for s in trail] == [30.0, 45.0, 55.0]
    assert trail[0].result_count == 0 and trail[0].filters == {}
    assert trail[2].features == ("or",)
    assert trail[2].filters == {"doctype": ["monitor"]}
    assert [s.at for s in trail] == sorted(s.at for s in trail)


def test_search_trail_of_an_attempt_without_searches_is_empty(ctx: Data) -> None:
    attempt_id = add_attempt(ctx.users["anna"], ctx.exercises["known"])
    assert services.search_trail(db.session.get(Attempt, attempt_id)) == []


def test_search_indicators(ctx: Data) -> None:
    anna, bram = ctx.users["anna"], ctx.users["bram"]
    first = add_attempt(anna, ctx.exercises["known"], score=0.0)
    second = add_attempt(anna, ctx.exercises["known"], status=AttemptStatus.OPEN, hour=11)
    third = add_attempt(anna, ctx.exercises["fact"], status=AttemptStatus.OPEN, hour=12)
    brams = add_attempt(bram, ctx.exercises["known"], status=AttemptStatus.OPEN)
    at = moment(TODAY, 10)
    log_search(first, anna, "monitor", at, result_count=0)
    log_search(first, anna, '"armoede monitor"', at, features="phrase")
    log_search(second, anna, "armoede OF minima", at, features="or,phrase", doctype=["monitor"])
    log_search(third, anna, "school*", at, features="wildcard", result_count=0, year=[])
    log_search(third, anna, "vsv", at, theme=["vsv"], doctype=["nota"])
    log_search(None, anna, "los van een oefening", at, result_count=0, doctype=["nota"])
    log_search(brams, bram, "van bram", at, result_count=0, features="or")

    found = trail.trail_stats_by_learner([anna])[anna]
    assert found == trail.TrailStats(
        attempts=3,
        exercises=2,
        searches=5,
        zero_results=2,
        filtered=2,  # an empty filter is no filter
        skills={"phrase": 2, "or": 1, "wildcard": 1, "facet": 2},
    )
    assert found.per_exercise == 2.5  # five searches over two exercises


def test_search_indicators_without_attempts(ctx: Data) -> None:
    found = trail.trail_stats_by_learner([ctx.users["cees"]])[ctx.users["cees"]]
    assert found == trail.TrailStats(
        attempts=0, exercises=0, searches=0, zero_results=0, filtered=0, skills={}
    )
    assert found.per_exercise == 0.0


# --- training completion per team (the theme pages) -------------------------------------------


def test_core_completion_by_team(ctx: Data, password_hash) -> None:
    anna, bram = ctx.users["anna"], ctx.users["bram"]
    zorg = db.session.get(Team, ctx.teams["zorg"])
    gone = add_user("ex-collega", (Role.EMPLOYEE,), password_hash, team=zorg, active=False)
    db.session.commit()
    complete_module(anna, ctx)
    complete_module(gone.id, ctx)  # inactive: not counted at all
    read_lessons(bram, ctx.lessons)  # every lesson, but one exercise failed
    pass_exercise(bram, ctx.exercises["known"])
    pass_exercise(bram, ctx.exercises["fact"])
    add_attempt(bram, ctx.exercises["open"], score=0.4, passed=False)
    assert core_completion_by_team() == {
        # Learners only (the employee role), the same people as the matrix: the admin, the
        # programme manager and the trainer of Team Test are not in its share.
        ctx.teams["test"]: (0, 1),
        ctx.teams["zorg"]: (1, 2),
        ctx.teams["wonen"]: (0, 1),
    }
    add_attempt(bram, ctx.exercises["open"], score=1.0, passed=True)
    assert core_completion_by_team()[ctx.teams["zorg"]] == (2, 2)


def test_core_completion_ignores_modules_that_are_not_core(ctx: Data) -> None:
    pass_exercise(ctx.users["cees"], ctx.other_exercise)
    read_lessons(ctx.users["cees"], [ctx.other_lesson])
    assert core_completion_by_team()[ctx.teams["wonen"]] == (0, 1)
    db.session.get(Module, ctx.module).core = False
    db.session.commit()
    # no core module at all: nobody has completed "every core module" (0 of n)
    assert core_completion_by_team()[ctx.teams["wonen"]] == (0, 1)


def test_team_work_goes_to_the_teams_learners_only(ctx: Data) -> None:
    """Team Test holds an admin, a programme manager, a trainer and one employee: only the
    employee is a learner; the others see no team work (personal work they do see)."""
    team_work = assign(module=ctx.module, teams=[ctx.teams["test"]], due=TOMORROW)
    personal = assign(exercise=ctx.exercises["fact"], users=[ctx.users["trainer"]], due=TOMORROW)
    matrix = services.assignment_matrix(MatrixFilter(team_id=ctx.teams["test"]), TODAY)
    assert [u.username for u in matrix.learners] == ["medewerker", "trainer"]
    assert set(matrix.cells) == {
        (ctx.users["medewerker"], team_work),
        (ctx.users["trainer"], personal),
    }
    for username in ("admin", "programmamanager"):
        assert services.my_assignments(user(ctx.users[username]), TODAY) == []
    assert services.open_count(user(ctx.users["trainer"]), TODAY) == 1
