"""Trainer's progress matrix at size: 500 learners in 10 teams, 40 assignments.

Builds a temporary SQLite database with the demo curriculum (10 modules, their lessons and
exercises), 500 learners, 40 assignments (modules and exercises, for teams and for people)
and realistic progress (attempts in every state, lesson reads), then times server-side
requests through the Flask test client as a trainer:
  - GET /opdrachten/overzicht (the matrix; target: under 300 ms);
  - GET /opdrachten/overzicht.csv (the same matrix as CSV);
  - the matrix filtered on one team, and the service call alone (no template).
Run: .venv/bin/python bench/assignments_bench.py [--requests 20] [--learners 500]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "bench-wachtwoord"
TEAMS = 10
ASSIGNMENTS = 40
FIRST_NAMES = [
    "Anna",
    "Bram",
    "Cees",
    "Daan",
    "Eva",
    "Fatima",
    "Gijs",
    "Hanna",
    "Ilse",
    "Jan",
    "Kim",
    "Lars",
    "Mila",
    "Noah",
    "Olga",
    "Pim",
    "Quinten",
    "Roos",
    "Sanne",
    "Thijs",
    "Umut",
    "Vera",
    "Wouter",
    "Yara",
    "Zoë",
    "Mohammed",
    "Lotte",
    "Sem",
    "Julia",
    "Finn",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "Yilmaz",
    "El Amrani",
    "Kaya",
]


def timed(client, path: str, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per request (on a shared machine the CPU time is
    what the request would take on an idle one)."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return wall, cpu


def build(learner_count: int, today: dt.date, seed: int = 2026) -> dict[str, int]:
    """Teams, learners, curriculum, assignments and progress; returns row counts."""
    from sqlalchemy import func, insert, select
    from werkzeug.security import generate_password_hash

    from academy.demo.seed import SeedReport, seed_curriculum
    from academy.extensions import db
    from academy.models import (
        Assignment,
        AssignmentTarget,
        Attempt,
        AttemptStatus,
        Exercise,
        ExerciseKind,
        Lesson,
        LessonRead,
        Module,
        Role,
        Team,
        User,
        UserRole,
    )

    rng = random.Random(seed)
    cheap = generate_password_hash(PASSWORD, method="scrypt:1024:8:1")
    seed_curriculum(SeedReport())
    db.session.flush()
    for module in db.session.scalars(select(Module).order_by(Module.position).limit(3)):
        module.core = True

    teams = [Team(name=f"Team {name}") for name in (
        "Zorg", "Wonen", "Werk en Inkomen", "Onderwijs", "Veiligheid", "Financiën",
        "Dienstverlening", "Ruimte", "Jeugd", "Onderzoek en Statistiek",
    )[:TEAMS]]  # fmt: skip
    trainers = Team(name="Team Opleidingen")
    db.session.add_all([*teams, trainers])
    db.session.flush()
    trainer = User(
        username="trainer", full_name="Tess Trainer", password_hash=cheap, team_id=trainers.id
    )
    trainer.role_rows = [UserRole(role=Role.TRAINER.value)]
    db.session.add(trainer)
    db.session.flush()

    db.session.execute(
        insert(User),
        [
            {
                "username": f"leerling{n:03d}",
                "full_name": f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                "password_hash": cheap,
                "team_id": teams[n % len(teams)].id,
                "active": n % 97 != 0,  # a few have left the organisation
            }
            for n in range(learner_count)
        ],
    )
    learners = list(
        db.session.execute(
            select(User.id, User.team_id).where(User.username.like("leerling%")).order_by(User.id)
        )
    )
    db.session.execute(
        insert(UserRole), [{"user_id": uid, "role": Role.EMPLOYEE.value} for uid, _t in learners]
    )

    modules = list(db.session.scalars(select(Module).order_by(Module.position)))
    exercises = list(db.session.scalars(select(Exercise).order_by(Exercise.id)))
    lessons = list(db.session.scalars(select(Lesson.id)))

    # 40 assignments: every module once and 30 exercises; due dates from a month ago to a
    # month ahead; two thirds for one to three teams, the rest for 10-40 people.
    works = [("module", m.id) for m in modules] + [
        ("exercise", e.id) for e in rng.sample(exercises, ASSIGNMENTS - len(modules))
    ]
    rng.shuffle(works)
    for index, (kind, work_id) in enumerate(works):
        assignment = Assignment(
            module_id=work_id if kind == "module" else None,
            exercise_id=work_id if kind == "exercise" else None,
            due_date=today + dt.timedelta(days=rng.randint(-30, 30)),
            message="Graag afronden voor de teamdag." if index % 3 == 0 else "",
            created_by_id=trainer.id,
        )
        if index % 3 != 2:
            assignment.targets = [
                AssignmentTarget(team_id=team.id) for team in rng.sample(teams, rng.randint(1, 3))
            ]
        else:
            assignment.targets = [
                AssignmentTarget(user_id=uid)
                for uid, _t in rng.sample(learners, rng.randint(10, 40))
            ]
        db.session.add(assignment)

    # Progress: each learner has a diligence; attempts (1-3 per exercise tried) in every
    # state, lesson reads, all in the last two months.
    start = dt.datetime.combine(today, dt.time(9), tzinfo=dt.UTC) - dt.timedelta(days=60)
    attempts, reads = [], []
    for uid, _team in learners:
        diligence = rng.random()
        for lesson_id in lessons:
            if rng.random() < diligence:
                reads.append(
                    {
                        "user_id": uid,
                        "lesson_id": lesson_id,
                        "read_at": start + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 60)),
                    }
                )
        for exercise in exercises:
            if rng.random() > diligence:
                continue
            for _try in range(rng.choice((1, 1, 1, 2, 2, 3))):
                began = start + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 60))
                row = {
                    "user_id": uid,
                    "exercise_id": exercise.id,
                    "started_at": began,
                    "selected_document_ids": [],
                    "status": AttemptStatus.GRADED.value,
                    "submitted_at": began + dt.timedelta(minutes=12),
                    "scored_at": began + dt.timedelta(minutes=13),
                }
                roll = rng.random()
                if roll < 0.1:
                    row.update(status=AttemptStatus.OPEN.value, submitted_at=None, scored_at=None)
                elif exercise.kind == ExerciseKind.OPEN.value and roll < 0.4:
                    row.update(status=AttemptStatus.SUBMITTED.value, scored_at=None)
                else:
                    score = round(min(1.0, rng.random() * 0.6 + diligence * 0.6), 2)
                    row.update(score=score, passed=score >= 0.8)
                attempts.append(row)
    db.session.execute(insert(LessonRead), reads)
    for offset in range(0, len(attempts), 5000):
        db.session.execute(insert(Attempt), attempts[offset : offset + 5000])
    db.session.commit()

    def count(model) -> int:
        return db.session.scalar(select(func.count()).select_from(model))

    return {
        "learners": len(learners),
        "active": db.session.scalar(
            select(func.count()).where(User.username.like("leerling%"), User.active.is_(True))
        ),
        "teams": len(teams),
        "modules": len(modules),
        "lessons": len(lessons),
        "exercises": len(exercises),
        "assignments": count(Assignment),
        "assignment targets": count(AssignmentTarget),
        "attempts": count(Attempt),
        "lesson reads": count(LessonRead),
    }


def row(label: str, samples: tuple[list[float], list[float]]) -> str:
    wall, cpu = samples
    p95 = statistics.quantiles(wall, n=20)[18] if len(wall) >= 2 else wall[0]
    return (
        f"{label:<34}{statistics.median(wall):>9.1f}{p95:>9.1f}"
        f"{statistics.fmean(wall):>9.1f}{min(wall):>9.1f}{statistics.median(cpu):>9.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--learners", type=int, default=500)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="assignments-bench-"))
    from academy import create_app
    from academy.assignments import services
    from academy.extensions import db
    from academy.models import Team

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "INSTANCE_DIR": workdir,
            "SEARCH_INDEX_DIR": str(workdir / "search_index"),
        }
    )
    today = dt.date.today()
    started = time.perf_counter()
    with app.app_context():
        db.create_all()
        counts = build(args.learners, today)
        team_id = db.session.scalar(db.select(Team.id).where(Team.name == "Team Zorg"))
    build_seconds = time.perf_counter() - started

    client = app.test_client()
    response = client.post("/login", data={"username": "trainer", "password": PASSWORD})
    assert response.status_code == 302, "login failed"

    # Warm up: imports, template compilation, SQLite page cache.
    page = client.get("/opdrachten/overzicht")
    timed(client, "/opdrachten/overzicht", 3)
    timed(client, "/opdrachten/overzicht.csv", 3)
    timed(client, f"/opdrachten/overzicht?team={team_id}", 3)

    overview = timed(client, "/opdrachten/overzicht", args.requests)
    export = timed(client, "/opdrachten/overzicht.csv", args.requests)
    filtered = timed(client, f"/opdrachten/overzicht?team={team_id}", args.requests)
    service: tuple[list[float], list[float]] = ([], [])
    with app.app_context():
        for _ in range(args.requests):
            begin, begin_cpu = time.perf_counter(), time.process_time()
            matrix = services.assignment_matrix(services.MatrixFilter())
            service[0].append((time.perf_counter() - begin) * 1000)
            service[1].append((time.process_time() - begin_cpu) * 1000)
            db.session.remove()
    csv_rows = client.get("/opdrachten/overzicht.csv").get_data(as_text=True).count("\r\n") - 1

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(f"machine: {platform.machine()} {os.cpu_count()} cores, {platform.platform()}")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (the machine may be shared)")
    print(f"python {platform.python_version()}, SQLite, data built in {build_seconds:.1f} s")
    print("rows: " + ", ".join(f"{name} {n}" for name, n in counts.items()))
    print(
        f"matrix: {len(matrix.learners)} learners x {len(matrix.assignments)} assignments, "
        f"{len(matrix.cells)} assigned cells; page {len(page.data) / 1024:.0f} kB; "
        f"CSV {csv_rows} rows"
    )
    print(
        f"requests per page: {args.requests} after warm-up (Flask test client, server time; "
        "cpu = process time of the request)"
    )
    print(f"{'':<34}{'p50 ms':>9}{'p95 ms':>9}{'mean ms':>9}{'min ms':>9}{'cpu p50':>9}")
    print(row("GET /opdrachten/overzicht", overview))
    print(row("GET /opdrachten/overzicht.csv", export))
    print(row("GET /opdrachten/overzicht?team=..", filtered))
    print(row("assignment_matrix() alone", service))
    for label, samples in (("wall", overview[0]), ("cpu", overview[1])):
        verdict = "met" if statistics.median(samples) < 300 else "MISSED"
        print(f"target: matrix page under 300 ms, p50 {label} time -> {verdict}")


if __name__ == "__main__":
    main()
