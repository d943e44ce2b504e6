"""The analytics ladder every theme climbs, with checkable criteria per level (reference data).

Gartner's four analytics levels get a step 0 in front of them: before a team describes, explains,
predicts or prescribes, it should find what the organisation already knows. The criteria are
phrased so an assessor can tick them off with evidence, not as ambitions.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LevelSeed:
    """One rung of the ladder; `number` is 0..4 and defines the order."""

    number: int
    name: str
    question: str
    description: str
    criteria: tuple[str, ...]


LEVELS: tuple[LevelSeed, ...] = (
    LevelSeed(
        0,
        "Vinden",
        "Wat weten we al?",
        "Het team weet wat er over het thema al bekend is. Bestaande onderzoeken, factsheets, "
        "monitors en databronnen zijn opgespoord en voor iedereen terug te vinden, zodat een "
        "nieuwe analyse niet opnieuw uitzoekt wat al ergens in een map staat.",
        (
            "De toonaangevende onderzoeken en rapporten over het thema zijn verzameld en "
            "vindbaar in de zoekomgeving",
            "Er is een overzicht van de beschikbare databronnen, met per bron de eigenaar en "
            "de actualiteit",
            "Voor het thema is een inhoudelijk eigenaar bekend die vragen over de informatie "
            "kan beantwoorden",
            "Verouderde of vervangen documenten zijn als zodanig gemarkeerd",
            "Teamleden hebben de training informatie vinden gevolgd",
        ),
    ),
    LevelSeed(
        1,
        "Beschrijvend",
        "Wat is er gebeurd?",
        "Het team kan met cijfers laten zien hoe het thema zich ontwikkelt: wie, wat, waar en "
        "hoeveel. De cijfers komen periodiek en op dezelfde manier beschikbaar.",
        (
            "Er is een periodieke monitor of dashboard met kerncijfers",
            "Definities en bronnen van de cijfers zijn vastgelegd",
            "De cijfers zijn uit te splitsen naar wijk en naar relevante doelgroepen",
            "De monitor wordt minstens jaarlijks geactualiseerd en besproken in het team",
        ),
    ),
    LevelSeed(
        2,
        "Diagnosticerend",
        "Waarom is het gebeurd?",
        "Het team begrijpt de oorzaken achter de cijfers. Verklarende factoren zijn onderzocht "
        "door bronnen te koppelen en door professionals en inwoners te bevragen.",
        (
            "Er is onderzoek naar de oorzaken en verklarende factoren van de ontwikkeling",
            "Gegevens uit minstens twee bronnen zijn gekoppeld om verbanden te analyseren",
            "De verklaringen zijn getoetst in gesprek met uitvoerders of inwoners",
            "Conclusies zijn vertaald in concrete aanpassingen van beleid of uitvoering",
        ),
    ),
    LevelSeed(
        3,
        "Voorspellend",
        "Wat gaat er gebeuren?",
        "Het team kan onderbouwd vooruitkijken: hoe ontwikkelt het thema zich, waar ontstaan "
        "risico's en welke groepen lopen die risico's?",
        (
            "Er is een prognosemodel dat periodiek wordt gevalideerd",
            "De onzekerheid van de voorspellingen is inzichtelijk gemaakt",
            "Privacy- en ethische toets (DPIA) is uitgevoerd",
            "Voorspellingen worden gebruikt bij het plannen van capaciteit of budget",
        ),
    ),
    LevelSeed(
        4,
        "Voorschrijvend",
        "Wat moeten we doen?",
        "Het team gebruikt analyses om te kiezen tussen maatregelen en volgt het effect van die "
        "keuzes, zodat beleid zich aantoonbaar bijstuurt.",
        (
            "Alternatieve maatregelen zijn met scenario's of simulaties vergeleken",
            "Er is een beslisregel of advies dat rechtstreeks uit de analyse volgt",
            "Het effect van gekozen maatregelen wordt gemeten en teruggekoppeld in het model",
            "Bestuurders en uitvoerders zijn betrokken bij het wegen van de uitkomsten",
        ),
    ),
)

# Per level of an assessment: how far the theme is on that rung.
ASSESSMENT_STATUSES: tuple[str, ...] = ("niet_gestart", "in_ontwikkeling", "op_orde")
ASSESSMENT_STATUS_LABELS: dict[str, str] = {
    "niet_gestart": "Niet gestart",
    "in_ontwikkeling": "In ontwikkeling",
    "op_orde": "Op orde",
}

# Life cycle of an analysis product (a monitor, a model) that a theme team uses.
ANALYSIS_STATUSES: tuple[str, ...] = ("gepland", "in_gebruik", "uitgefaseerd")
ANALYSIS_STATUS_LABELS: dict[str, str] = {
    "gepland": "Gepland",
    "in_gebruik": "In gebruik",
    "uitgefaseerd": "Uitgefaseerd",
}
