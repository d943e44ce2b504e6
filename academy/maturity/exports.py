"""Portfolio and theme-history tables for management reports, with typed cells (dates,
levels, changes); academy/spreadsheets.py writes them as CSV or Excel."""

from __future__ import annotations

from collections.abc import Sequence

from flask_babel import gettext as _

from academy.maturity.services import NO_LEVEL, HistoryEntry, ThemeSummary
from academy.models import LEVEL_NUMBERS
from academy.spreadsheets import Change, Level, Row, to_csv, to_xlsx

__all__ = ["history_table", "portfolio_table", "to_csv", "to_xlsx"]


def _level(level: int | None, names: dict[int, str]) -> Level | None:
    if level is None:
        return None
    if level == NO_LEVEL:
        return Level(NO_LEVEL, _("nog geen niveau"))
    return Level(level, f"{level} {names.get(level, '')}".strip())


def portfolio_table(
    summaries: Sequence[ThemeSummary], names: dict[int, str], status_labels: dict
) -> tuple[list[str], list[Row]]:
    header = [
        _("Code"),
        _("Thema"),
        _("Domein"),
        _("Eigenaar"),
        _("Huidig niveau"),
        _("Volgende stap"),
        _("Doelniveau"),
        _("Doeldatum"),
        _("Achter op doel"),
        _("Trend"),
        _("Laatst beoordeeld"),
    ] + [_("Status niveau %(n)s", n=n) for n in LEVEL_NUMBERS]
    # Level 0 measured (academy/findability): a whole percent, empty when not measured.
    header += [_("Vindbaarheid (%)"), _("Vindbaarheid onder criterium")]
    rows: list[Row] = [
        [
            s.code,
            s.name,
            s.domain,
            s.owner,
            _level(s.current_level, names),
            _level(s.next_step, names),
            _level(s.target_level, names),
            s.target_date,
            _("ja") if s.behind_target else _("nee"),
            s.trend,
            s.last_assessed,
        ]
        + [str(status_labels[status]) for status in s.statuses]
        + [
            None if s.findability is None else round(s.findability * 100),
            _("ja") if s.below_findability else _("nee"),
        ]
        for s in summaries
    ]
    return header, rows


def history_table(
    history: Sequence[HistoryEntry], names: dict[int, str], status_labels: dict
) -> tuple[list[str], list[Row]]:
    header = [
        _("Datum"),
        _("Niveau"),
        _("Verandering"),
        _("Beoordelaar"),
        _("Toelichting"),
        _("Bewijs"),
    ] + [_("Status niveau %(n)s", n=n) for n in LEVEL_NUMBERS]
    rows: list[Row] = []
    for entry in history:
        assessment = entry.assessment
        rows.append(
            [
                assessment.assessed_on,
                _level(entry.level, names),
                None if entry.change is None else Change(entry.change),
                assessment.assessor.display_name if assessment.assessor else "",
                assessment.note,
                " ".join(e.url for e in assessment.evidence),
            ]
            + [str(status_labels[assessment.status_of(n)]) for n in LEVEL_NUMBERS]
        )
    return header, rows
