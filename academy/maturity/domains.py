"""The policy domains a theme belongs to: reference data of the maturity ladder.

They follow the main BBV/Iv3 task fields (hoofdtaakvelden) that every Dutch municipality
reports on, so they hold for any municipality, not only the demo one. The theme form offers
them; the demo themes are filed under them.
"""

from __future__ import annotations

DOMAINS: tuple[str, ...] = (
    "Bestuur",
    "Veiligheid",
    "Verkeer",
    "Economie",
    "Onderwijs",
    "Sport en cultuur",
    "Sociaal domein",
    "Volksgezondheid en milieu",
    "Volkshuisvesting en ruimte",
)
