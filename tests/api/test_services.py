"""academy/api/services.py: the bulk team progress equals "Mijn leren" for everyone."""

from __future__ import annotations

import itertools

from sqlalchemy import select

from academy.api import services
from academy.extensions import db
from academy.models import Attempt, AttemptStatus, Exercise, LessonRead, Module, User
from academy.models.training import Lesson
from academy.training import services as training


def test_bulk_progress_equals_module_progress(app, data):
    with app.app_context():
        users = list(db.session.scalars(select(User).order_by(User.username)))
        exercises = list(db.session.scalars(select(Exercise).order_by(Exercise.id)))
        # a second published module with an unpublished lesson and no exercises
        extra = Module(slug="extra", title="Extra", published=True, position=3)
        extra.lessons = [
            Lesson(slug="a", title="A"),
            Lesson(slug="b", title="B", published=False),
        ]
        db.session.add(extra)
        db.session.flush()
        db.session.add(LessonRead(user_id=users[1].id, lesson_id=extra.lessons[1].id))
        # every status, ties, failures and missing scores, for several users
        scores = {0: [None, 0.0, 0.4, 0.4], 1: [None, 0.0, 0.4, 0.4, 0.9, 1.0], 2: [0.9, 0.4]}
        statuses = [AttemptStatus.GRADED, AttemptStatus.OPEN, AttemptStatus.SUBMITTED]
        cases = [
            (users[i], exercise, score, status)
            for i, exercise, status in itertools.product(scores, exercises, statuses)
            for score in scores[i]
        ]
        for n, (user, exercise, score, status) in enumerate(cases):
            if n % 4 == 0:
                continue
            db.session.add(
                Attempt(
                    exercise=exercise,
                    user_id=user.id,
                    status=status.value,
                    score=score,
                    passed=None if score is None else (score >= 0.8) != (n % 7 == 0),
                )
            )
        db.session.commit()

        bulk = services.member_progress(users)
        for user, progress in bulk:
            one_by_one = [training.module_progress(user, m) for m in training.list_modules()]
            assert progress == one_by_one, user.username
        assert any(p.exercises_passed for _u, rows in bulk for p in rows)
        assert any(0 < p.score < 1 for _u, rows in bulk for p in rows)


def test_page_of():
    page = services.page_of(list(range(45)), 3, 20)
    assert (list(page.items), page.total, page.pages) == ([40, 41, 42, 43, 44], 45, 3)
    assert services.page_of([], 1, 20).pages == 1
