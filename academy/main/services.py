"""What the home page shows to whom."""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from academy.database import retry_on_conflict
from academy.extensions import db
from academy.models import Role, User


@dataclass(frozen=True)
class HomeTile:
    title: str
    text: str
    endpoint: str | None  # None while the feature has not landed yet


def home_tiles(user: User) -> list[HomeTile]:
    """Tiles for the jobs this user does, most specific role first."""
    tiles: list[HomeTile] = []
    if user.has_role(Role.PROGRAMME_MANAGER):
        tiles.append(
            HomeTile(
                _l("Volwassenheid van thema's"),
                _l("Volg per thema het analyseniveau, de criteria en het doel."),
                "maturity.portfolio",
            )
        )
    else:
        tiles.append(
            HomeTile(
                _l("Thema's op de analyseladder"),
                _l("Bekijk hoe ver elk thema is: van vinden wat er is tot voorschrijven."),
                "maturity.portfolio",
            )
        )
    if user.has_role(Role.TRAINER):
        tiles.append(
            HomeTile(
                _l("Trainen"),
                _l("Schrijf modules en oefeningen en volg de voortgang van deelnemers."),
                "training.manage",
            )
        )
    if user.has_role(Role.PROGRAMME_MANAGER, Role.TRAINER):
        tiles.append(
            HomeTile(
                _l("Zoekgaten"),
                _l("Zie waar collega's naar zoeken zonder het te vinden, per thema."),
                "gaps.overview",
            )
        )
    tiles.append(
        HomeTile(
            _l("Oefenzoekmachine"),
            _l("Vinden wat er al is komt eerst: zoek in rapporten, monitors en factsheets."),
            "practice.search",
        )
    )
    tiles.append(
        HomeTile(
            _l("Leren zoeken"),
            _l("Volg modules over informatie vinden en doe oefeningen in de zoekmachine."),
            "training.my_learning",
        )
    )
    if user.has_role(Role.ADMIN):
        tiles.append(
            HomeTile(
                _l("Beheer"),
                _l("Beheer gebruikers, rollen en teams."),
                "admin.users",
            )
        )
    return tiles


@retry_on_conflict
def remember_language(user: User, language: str) -> None:
    """Keep the chosen interface language on the account, for the next sign-in and e-mail."""
    user.locale = language
    db.session.commit()
