"""Three years of plausible maturity history for the demo themes.

The story the charts should tell: most themes describe (level 1), some explain, a few
predict, one prescribes; most climbed a step over the three years, a couple slipped back,
and several missed the target they set. Deterministic for a given start date.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from academy.models import LEVEL_NUMBERS, LevelStatus

# Where each theme ends up (current level today); themes not listed end at level 1.
FINAL_LEVELS: dict[str, int] = {
    "7.3": 4,  # route planning of waste collection prescribes the rounds
    "vsv": 3,
    "jeugdzorg": 3,
    "woningbouw": 3,
    "1.1": 3,
    "armoede": 2,
    "6.3": 2,
    "werkgelegenheid": 2,
    "funderingen": 2,
    "ondermijning": 2,
    "8.3": 2,
    "6.72": 2,
    "2.1": 2,
    "energietransitie": 0,
    "eenzaamheid": 0,
    "laaggeletterdheid": 0,
    "inburgering": 0,
    "5.4": 0,
    "5.7": 0,
    "0.1": 0,
    "3.4": 0,
    "4.2": 0,
    "mobiliteit": 0,
    "klimaatadaptatie": -1,
    "5.5": -1,
    "3.3": -1,
}

ANALYSIS_TEMPLATES: dict[int, tuple[str, ...]] = {
    1: (
        "Monitor {name}",
        "Dashboard {name} per wijk",
        "Factsheet {name}",
        "Jaarlijkse kerncijfers {name}",
        "Rapportage {name} voor de raad",
    ),
    2: ("Verklarende analyse {name}", "Onderzoek naar oorzaken: {name}"),
    3: ("Prognosemodel {name}", "Risicosignalering {name}"),
    4: ("Scenario-advies {name}", "Optimalisatiemodel {name}"),
}
DATA_SOURCES = (
    "BRP",
    "CBS Kerncijfers wijken en buurten",
    "Eigen registratie",
    "DUO",
    "RMC-registratie",
    "GGD Gezondheidsmonitor",
    "Politie (BVH)",
    "Suwinet",
    "Iv3",
    "Enquête inwonerspanel",
)


@dataclass(frozen=True)
class AssessmentPlan:
    assessed_on: dt.date
    statuses: dict[int, LevelStatus]
    note: str


def statuses_for(level: int, rng: random.Random) -> dict[int, LevelStatus]:
    """Levels up to `level` op orde, the next one usually under way, the rest not started."""
    statuses = {}
    for number in LEVEL_NUMBERS:
        if number <= level:
            statuses[number] = LevelStatus.IN_ORDER
        elif number == level + 1:
            statuses[number] = (
                LevelStatus.IN_PROGRESS if rng.random() < 0.75 else LevelStatus.NOT_STARTED
            )
        elif number == level + 2 and rng.random() < 0.15:
            # A team sometimes works ahead on a higher rung: a gap the ladder does not count.
            statuses[number] = LevelStatus.IN_PROGRESS
        else:
            statuses[number] = LevelStatus.NOT_STARTED
    return statuses


NOTES = {
    "up": (
        "De monitor is vernieuwd en wordt nu elk kwartaal besproken.",
        "Met de koppeling van bronnen is een volgende stap gezet.",
        "Het team heeft de criteria voor dit niveau aantoonbaar op orde.",
    ),
    "same": (
        "Geen grote veranderingen sinds de vorige beoordeling.",
        "De capaciteit van het team was beperkt; de stap is uitgesteld.",
        "Werk aan het volgende niveau loopt, maar is nog niet af.",
    ),
    "down": (
        "De monitor is een jaar niet geactualiseerd; niveau teruggezet.",
        "De eigenaar is vertrokken en de bronnen zijn niet meer actueel.",
    ),
}


def plan_history(code: str, today: dt.date, rng: random.Random) -> list[AssessmentPlan]:
    """The assessments one theme received over the last three years, oldest first."""
    final = FINAL_LEVELS.get(code, 1)
    count = rng.randint(4, 8)
    start = today - dt.timedelta(days=3 * 365)
    span = (today - dt.timedelta(days=20) - start).days
    days = sorted(rng.sample(range(0, span), count))
    first = max(-1, final - rng.choice((1, 1, 2)))
    levels = [first + round((final - first) * i / max(count - 1, 1)) for i in range(count)]
    if count > 4 and rng.random() < 0.2 and levels[-2] >= 0:
        levels[-2] -= 1  # a dip before recovering
    plans = []
    previous = None
    for offset, level in zip(days, levels, strict=True):
        direction = (
            "same"
            if previous is None or level == previous
            else ("up" if level > previous else "down")
        )
        plans.append(
            AssessmentPlan(
                assessed_on=start + dt.timedelta(days=offset),
                statuses=statuses_for(level, rng),
                note=rng.choice(NOTES[direction]),
            )
        )
        previous = level
    return plans


def plan_target(code: str, today: dt.date, rng: random.Random) -> tuple[int, dt.date]:
    """One level up from where the theme ends; about one in six targets has passed unmet."""
    final = FINAL_LEVELS.get(code, 1)
    level = min(final + 1, LEVEL_NUMBERS[-1])
    if rng.random() < 1 / 6 and final < LEVEL_NUMBERS[-1]:
        return level, today - dt.timedelta(days=rng.randint(30, 200))
    return level, today + dt.timedelta(days=rng.randint(120, 720))


def plan_analyses(
    name: str, final_level: int, rng: random.Random
) -> list[tuple[str, int, str, str]]:
    """(name, level, status, data sources) of the analysis products a theme team uses."""
    products = []
    for _ in range(rng.randint(2, 4)):
        template = rng.choice(ANALYSIS_TEMPLATES[1])
        products.append((template.format(name=name.lower()), 1, "in_gebruik"))
    for level in range(2, max(final_level, 1) + 1):
        template = rng.choice(ANALYSIS_TEMPLATES[level])
        products.append((template.format(name=name.lower()), level, "in_gebruik"))
    if final_level < 4 and rng.random() < 0.4:
        level = max(final_level + 1, 2)
        template = rng.choice(ANALYSIS_TEMPLATES[level])
        products.append((template.format(name=name.lower()), level, "gepland"))
    if rng.random() < 0.2:
        products.append((f"Oude rapportage {name.lower()}", 1, "uitgefaseerd"))
    unique: dict[str, tuple[str, int, str, str]] = {}
    for product_name, level, status in products:
        sources = ", ".join(rng.sample(DATA_SOURCES, rng.randint(1, 3)))
        unique.setdefault(product_name, (product_name, level, status, sources))
    return list(unique.values())
