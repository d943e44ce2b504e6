"""Object-level access: a learner cannot read or change another learner's things by
changing an id in a URL or a form.

tests/test_access.py has the route × role table. This adds the objects: the crawl of the
seeded world marks every page and form that only their owner (the medewerker) could
reach, since the admin, who may do everything else, could not; a second employee in the
same team then tries each of them, and every other learner-owned id the world has.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import func, select
from werkzeug.datastructures import MultiDict

from academy.extensions import db
from academy.models import ApiToken, DocumentOpen, Role, Team
from tests.conftest import add_user, redirect_path
from tests.reliability import crawl
from tests.reliability.dbstate import Tracker, changed_tables
from tests.reliability.world import World, build_template, copy_world, signed_in

OTHER = "collega"  # a second employee, same team as the medewerker


@pytest.fixture(scope="module")
def world_template(tmp_path_factory, password_hash) -> tuple[Path, World] | None:
    return build_template(tmp_path_factory, password_hash)


@pytest.fixture(scope="module")
def owned(
    tmp_path_factory, password_hash, world_template
) -> Iterator[tuple[Flask, World, crawl.Site]]:
    """The world with a second employee, and what only the medewerker could reach."""
    builder = copy_world(tmp_path_factory.mktemp("owned"), password_hash, world_template)
    app, world = next(builder)
    with app.app_context():
        add_user(OTHER, (Role.EMPLOYEE,), password_hash, team=db.session.scalar(select(Team)))
        db.session.commit()
    clients = {v: signed_in(app, v) for v in ("admin", "medewerker")}
    clients["anonymous"] = app.test_client()
    site = crawl.discover(app, world, clients)
    yield app, world, site
    next(builder, None)


def _own_pages(site: crawl.Site) -> list[str]:
    return [url for pages in site.pages.values() for who, url in pages if who == "medewerker"]


def _own_forms(site: crawl.Site) -> list[crawl.FoundForm]:
    return [f for forms in site.forms.values() for f in forms if f.visitor == "medewerker"]


def test_the_crawl_found_the_learners_own_pages_and_forms(owned):
    _app, world, site = owned
    pages = _own_pages(site)
    assert any(f"/leren/pogingen/{world.open_attempts['fact']}" in url for url in pages)
    assert {f.endpoint for f in _own_forms(site)} >= {
        "training.toggle",
        "training.hint",
        "training.submit",
    }


def test_another_learner_cannot_read_them(owned):
    app, _world, site = owned
    client = signed_in(app, OTHER)
    for url in _own_pages(site):
        response = client.get(url)
        # A 404 for another's attempt; a redirect where the page is about one's own
        # progress (the certificate of a module the colleague has not completed).
        assert response.status_code in (302, 403, 404), f"{OTHER} read {url}"
        if response.status_code == 302:  # away from the page, never to a copy of it
            assert redirect_path(response) not in (url, url.split("?")[0]), url


def test_another_learner_cannot_change_them(owned):
    app, _world, site = owned
    client = signed_in(app, OTHER)
    tracker = Tracker(app)
    try:
        for found in _own_forms(site):
            before = tracker.rows()
            response = client.post(found.action, data=MultiDict(crawl.filled(found.form)))
            assert response.status_code in (403, 404), f"{OTHER} posted to {found.action}"
            assert not changed_tables(before, tracker.rows()), found.action
    finally:
        tracker.close()


def test_every_attempt_id_of_another_learner_is_a_404(owned):
    """Also the ids the crawl did not need: results, and the actions on each attempt."""
    app, world, _site = owned
    client = signed_in(app, OTHER)
    for attempt_id in [*world.open_attempts.values(), world.submitted_attempt]:
        base = f"/leren/pogingen/{attempt_id}"
        for path in (base, f"{base}/resultaat"):
            assert client.get(path).status_code == 404, path
        for action in ("markeren", "hint", "inleveren"):
            data = {"document": str(world.docs["vsv-2019"]), "answer": "4.312"}
            assert client.post(f"{base}/{action}", data=data).status_code == 404


def test_another_learners_attempt_id_records_no_document_open(owned):
    """?poging= ties a document open to an attempt only when the attempt is one's own."""
    app, world, _site = owned
    client = signed_in(app, OTHER)
    with app.app_context():
        before = db.session.scalar(select(func.count(DocumentOpen.id)))
    for attempt_id in world.open_attempts.values():
        path = f"/zoeken/documenten/{world.docs['vsv-2019']}?poging={attempt_id}"
        assert client.get(path).status_code == 200
    with app.app_context():
        assert db.session.scalar(select(func.count(DocumentOpen.id))) == before
        db.session.remove()


def test_another_users_api_token_cannot_be_revoked(owned):
    app, world, _site = owned
    client = signed_in(app, OTHER)
    for username, token_id in world.token_ids.items():
        response = client.post(f"/profiel/tokens/{token_id}/intrekken")
        assert response.status_code == 404, username
    with app.app_context():
        active = db.session.scalar(
            select(func.count(ApiToken.id)).where(ApiToken.revoked_at.is_(None))
        )
        assert active == len(world.token_ids)
        db.session.remove()
