"""The seeded curriculum of the Data Academie: modules, lessons and exercises, read from files.

Every analysis starts by finding what already exists, so the curriculum teaches searching before
anything else. The text lives as Markdown with front matter under ``content/modules`` (format:
`academy.content`), so a trainer can read, edit and share it without touching Python. Exercises
point at documents of the practice corpus by key (`kern-...` for the hand-written core, `gen-...`
for generated documents). `tests/demo/test_curriculum.py` runs every expert query against an
index of `generate_corpus()`, so a change that makes an exercise impossible fails a test instead
of a learner.
"""

from __future__ import annotations

from academy.content import (
    EXERCISE_KINDS,
    SKILLS,
    ExerciseKind,
    ExerciseSeed,
    LessonSeed,
    ModuleSeed,
    load_modules,
)

__all__ = [
    "EXERCISE_KINDS",
    "MODULES",
    "SKILLS",
    "ExerciseKind",
    "ExerciseSeed",
    "LessonSeed",
    "ModuleSeed",
]

MODULES: tuple[ModuleSeed, ...] = load_modules()
