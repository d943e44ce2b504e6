"""Words and dates (issue 13, part 8): the ladder described the same way everywhere (levels
0-4), no doubled words such as "Team Team", Dutch long dates where people read them."""

from __future__ import annotations

import re
from html import unescape

from sqlalchemy import select

from academy.extensions import db
from academy.models import Team

LADDER = "vijf niveaus, van 0 Vinden tot en met 4 Voorschrijvend"


def text(response) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", response.get_data(as_text=True))))


def test_the_ladder_is_described_the_same_way(client, login):
    assert LADDER in text(client.get("/login"))
    login("medewerker")
    home = text(client.get("/"))
    assert LADDER in home and "vier stappen" not in home
    assert LADDER in text(client.get("/themas/ladder"))


def test_no_doubled_team_word(app, client, login):
    login("admin")
    with app.app_context():
        team_id = db.session.scalar(select(Team.id).where(Team.name == "Team Test"))
    page = text(client.get(f"/beheer/teams/{team_id}"))
    assert "Team Test" in page and "Team Team" not in page


def test_the_lesson_numbers_the_ladder_from_0_to_4():
    from academy.demo.curriculum import MODULES

    bodies = " ".join(lesson.body for module in MODULES for lesson in module.lessons)
    assert "1. **Vinden**" not in bodies and "trede 1" not in bodies
    assert "**0 Vinden**" in bodies and "**4 Voorschrijvend**" in bodies
