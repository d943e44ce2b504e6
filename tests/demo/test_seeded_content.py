"""`seed_curriculum` and `seed_documents` put exactly the snapshot of the former Python data in
the database: modules, lessons, exercises (with their answer keys) and the corpus core."""

from __future__ import annotations

import dataclasses

from flask import Flask
from sqlalchemy import select

from academy.content import CorpusDocument, load_modules
from academy.demo.corpus_core import CORE_DOCUMENTS
from academy.demo.seed import SeedReport, seed_curriculum, seed_documents
from academy.extensions import db
from academy.models import Document, Module
from academy.training.packages import module_seed
from tests.demo.test_content import SNAPSHOT, _digest


def test_the_seeded_database_equals_the_snapshot(app: Flask) -> None:
    with app.app_context():
        report = SeedReport()
        seed_documents({}, report)
        db.session.flush()
        seed_curriculum(report)
        db.session.commit()
        order = {key: id_ for key, id_ in db.session.execute(select(Document.key, Document.id))}
        modules = db.session.scalars(select(Module).order_by(Module.position)).all()
        assert [m.slug for m in modules] == [m["slug"] for m in SNAPSHOT["modules"]]
        assert all(m.published for m in modules)
        snapshot_keys = {
            e[0]: e for m in SNAPSHOT["modules"] for e in m["exercises"]
        }  # slug -> [slug, digest]
        files = {e.slug: e for m in load_modules() for e in m.exercises}
        for module, snap in zip(modules, SNAPSHOT["modules"], strict=True):
            seeded = module_seed(module)
            assert [[x.slug, _digest(x)] for x in seeded.lessons] == snap["lessons"]
            for exercise in seeded.exercises:
                # The database keeps answer keys in document order; the snapshot in file order.
                in_file = files[exercise.slug]
                ordered = tuple(sorted(in_file.key_documents, key=order.__getitem__))
                assert exercise == dataclasses.replace(in_file, key_documents=ordered)
                assert _digest(in_file) == snapshot_keys[exercise.slug][1]
        core = db.session.scalars(
            select(Document).where(Document.key.in_([k for k, _d in SNAPSHOT["corpus"]]))
        ).all()
        assert len(core) == len(SNAPSHOT["corpus"]) == 28
        by_key = {document.key: document for document in core}
        for key, digest in SNAPSHOT["corpus"]:
            row = by_key[key]
            document = CorpusDocument(
                key=row.key,
                title=row.title,
                summary=row.summary,
                body=row.body,
                doctype=row.doctype,
                theme="",
                year=row.year,
                published=row.published,
                department=row.department,
                author=row.author,
                source=row.source,
            )
            assert row.theme_id is None  # no themes in this database
            theme = next(d.theme for d in CORE_DOCUMENTS if d.key == key)
            assert _digest(dataclasses.replace(document, theme=theme)) == digest
