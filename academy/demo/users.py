"""Demo accounts for trying the app out; never for production data."""

from __future__ import annotations

from dataclasses import dataclass

from academy.models import Role


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    roles: tuple[Role, ...]
    team: str


DEMO_TEAM = "Team Data en Onderzoek"

DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("admin", "Anouk Beheer", (Role.ADMIN,), DEMO_TEAM),
    DemoUser(
        "programmamanager", "Pieter de Programmamanager", (Role.PROGRAMME_MANAGER,), DEMO_TEAM
    ),
    DemoUser("trainer", "Tamara Trainer", (Role.TRAINER, Role.EMPLOYEE), DEMO_TEAM),
    DemoUser("medewerker", "Mehmet Medewerker", (Role.EMPLOYEE,), "Team Jeugd en Onderwijs"),
)
