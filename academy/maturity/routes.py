from flask import (
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required
from markupsafe import Markup
from sqlalchemy import select
from werkzeug.wrappers import Response as WerkzeugResponse
from wtforms import SelectChoice

from academy.auth.decorators import role_required
from academy.errors import DomainError
from academy.extensions import db
from academy.findability import services as findability_services
from academy.forms import ConfirmForm
from academy.gaps.services import READERS as GAP_READERS
from academy.gaps.services import theme_preview
from academy.maturity import bp, cache, charts, exports, services
from academy.maturity.forms import (
    ANALYSIS_STATUS_LABELS,
    STATUS_LABELS,
    AnalysisForm,
    AssessmentForm,
    CriterionForm,
    TargetForm,
    ThemeForm,
    level_choices,
    status_field_name,
)
from academy.maturity.services import NO_LEVEL, PortfolioFilter
from academy.models import LEVEL_NUMBERS, Analysis, LevelCriterion, LevelStatus, Role, Team, Theme
from academy.security import MAX_ID
from academy.spreadsheets import download, file_name
from academy.training import services as training_services

WRITERS = (Role.PROGRAMME_MANAGER,)  # admins are always allowed too
# The portfolio's filter and sort arguments: the export links carry exactly these (other
# query arguments, such as `_external`, would steer url_for).
PORTFOLIO_ARGS = (
    "domein",
    "niveau",
    "eigenaar",
    "achter",
    "vindbaarheid",
    "sorteer",
    "richting",
)


def level_texts(names: dict[int, str]) -> dict[int, str]:
    """Display text per level ("1 Beschrijvend"), plus NO_LEVEL, resolved once per request."""
    texts = {n: f"{n} {name}" for n, name in names.items()}
    texts[NO_LEVEL] = _("nog geen niveau")
    return texts


def status_texts() -> dict[LevelStatus, str]:
    return {status: str(label) for status, label in STATUS_LABELS.items()}


def _theme_or_404(code: str) -> Theme:
    return services.get_theme(code) or abort(404)


def _can_edit() -> bool:
    return current_user.has_role(*WRITERS)


def _team_choices() -> list[SelectChoice]:
    teams = db.session.scalars(select(Team).order_by(Team.name))
    return [SelectChoice(0, _("— geen eigenaar —"))] + [SelectChoice(t.id, t.name) for t in teams]


def _portfolio_filter() -> tuple[PortfolioFilter, list[str]]:
    """Read filters from the query string; unknown values are ignored with a notice."""
    notices = []
    level = None
    raw_level = request.args.get("niveau", "")
    if raw_level:
        try:
            level = int(raw_level)
        except ValueError:
            level = None
        if level is not None and level not in (NO_LEVEL, *LEVEL_NUMBERS):
            level = None
        if level is None:
            notices.append(_("Het filter op niveau is niet herkend en genegeerd."))
    findability = request.args.get("vindbaarheid", "")
    if findability not in ("", *services.FINDABILITY_FILTERS):
        findability = ""
        notices.append(_("Het filter op vindbaarheid is niet herkend en genegeerd."))
    return (
        PortfolioFilter(
            domain=request.args.get("domein", "")[:80],
            level=level,
            owner=request.args.get("eigenaar", "")[:120],
            behind_target=request.args.get("achter") == "1",
            findability=findability,
        ),
        notices,
    )


def _portfolio_sort() -> tuple[str, bool]:
    sort = request.args.get("sorteer", "naam")
    return (sort if sort in services.SORT_KEYS else "naam"), request.args.get("richting") == "af"


@bp.route("")
@login_required
def portfolio() -> ResponseReturnValue:
    filters, notices = _portfolio_filter()
    sort, descending = _portfolio_sort()
    version = services.data_version()
    snapshot = _snapshot(version)
    rows = services.filter_and_sort(snapshot.summaries, filters, sort, descending)
    return render_template(
        "maturity/portfolio.html",
        rows=rows,
        total=len(snapshot.summaries),
        filters=filters,
        sort=sort,
        descending=descending,
        notices=notices,
        domains=sorted({s.domain for s in snapshot.summaries}),
        owners=sorted({s.owner for s in snapshot.summaries if s.owner}),
        level_names=level_texts(snapshot.level_names),
        per_level=snapshot.per_level,
        analyses_share=snapshot.analyses_share,
        behind_count=snapshot.behind_count,
        charts_section=_charts_section(snapshot, version),
        training=training_services.core_completion_by_team(),
        status_labels=status_texts(),
        can_edit=_can_edit(),
        version=version,
        export_args={key: request.args[key] for key in PORTFOLIO_ARGS if key in request.args},
        findability_domains=_findability_domains(version),
    )


def _findability_domains(version: str) -> list[findability_services.DomainPoint]:
    """Findability per domain over time: the portfolio's chart table (cached per version)."""
    return cache.domain_findability_cache.get(
        ("findability-domains", version), findability_services.domain_history
    )


def _snapshot(version: str) -> services.PortfolioSnapshot:
    return cache.snapshot_cache.get(("portfolio", version), services.portfolio_snapshot)


CHARTS = ("niveaus", "heatmap", "kwartalen", "analyses")


def _charts_section(snapshot: services.PortfolioSnapshot, version: str) -> Markup:
    """The charts with their text-alternative tables, which ignore the table filters."""
    locale = str(get_locale())

    def render() -> Markup:
        return Markup(
            render_template(
                "maturity/_charts.html",
                summaries=snapshot.summaries,
                per_level=snapshot.per_level,
                analyses_share=snapshot.analyses_share,
                quarters=snapshot.quarters,
                level_names=level_texts(snapshot.level_names),
                status_labels=status_texts(),
                version=version,
            )
        )

    return cache.section_cache.get(("charts-section", version, locale), render)


def _render_chart(name: str, snapshot: services.PortfolioSnapshot) -> bytes:
    names = snapshot.level_names
    none_label = _("nog geen niveau")
    if name == "niveaus":
        return charts.themes_per_level_chart(
            snapshot.per_level,
            names,
            title=_("Thema's per huidig niveau"),
            none_label=none_label,
            axis_label=_("aantal thema's"),
        )
    if name == "heatmap":
        return charts.status_heatmap_chart(
            snapshot.summaries,
            names,
            title=_("Status per thema en niveau"),
            status_labels={k: str(v) for k, v in STATUS_LABELS.items()},
        )
    if name == "kwartalen":
        return charts.quarterly_distribution_chart(
            snapshot.quarters,
            names,
            title=_("Niveauverdeling per kwartaal"),
            none_label=none_label,
            axis_label=_("aantal thema's"),
        )
    return charts.analyses_share_chart(
        snapshot.analyses_share,
        names,
        title=_("Analyses in gebruik per soort"),
        axis_label=_("aandeel van de analyses (%)"),
    )


def _svg_response(svg: bytes, version: str) -> WerkzeugResponse:
    response = Response(svg, mimetype="image/svg+xml")
    response.set_etag(version)
    response.headers["Cache-Control"] = "private, no-cache"
    # matplotlib styles its shapes with style attributes; the image runs no script.
    response.headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    )
    return response.make_conditional(request)


@bp.route("/grafieken/<name>.svg")
@login_required
def chart(name: str) -> ResponseReturnValue:
    if name not in CHARTS:
        abort(404)
    version = services.data_version()
    locale = str(get_locale())
    svg = cache.chart_cache.get(
        (name, version, locale), lambda: _render_chart(name, _snapshot(version))
    )
    return _svg_response(svg, f"{name}-{version}-{locale}")


@bp.route("/export.<fmt>")
@login_required
def export_portfolio(fmt: str) -> ResponseReturnValue:
    if fmt not in ("csv", "xlsx"):
        abort(404)
    filters, _notices = _portfolio_filter()
    sort, descending = _portfolio_sort()
    summaries = services.filter_and_sort(services.theme_summaries(), filters, sort, descending)
    header, rows = exports.portfolio_table(summaries, services.level_names(), STATUS_LABELS)
    level = None if filters.level is None else f"niveau {filters.level}"
    name = file_name(
        "portfolio-themas",
        [
            filters.domain,
            level if filters.level != NO_LEVEL else "zonder niveau",
            filters.owner,
            "achter op doel" if filters.behind_target else None,
            f"vindbaarheid {filters.findability}" if filters.findability else None,
        ],
        fmt,
    )
    return download(header, rows, fmt, name, _("Portfolio"))


@bp.route("/ladder")
@login_required
def ladder() -> ResponseReturnValue:
    return render_template(
        "maturity/ladder.html",
        levels=services.list_levels(),
        can_edit=_can_edit(),
        form=CriterionForm(),
    )


@bp.route("/ladder/<int:level>/criteria", methods=["POST"])
@role_required(*WRITERS)
def add_criterion(level: int) -> ResponseReturnValue:
    if level not in LEVEL_NUMBERS:
        abort(404)
    form = CriterionForm()
    if form.validate_on_submit():
        services.save_criterion(None, level=level, text=form.text.data, active=True)
        flash(_("Het criterium is toegevoegd."), "success")
    else:
        flash(" ".join(str(e) for errors in form.errors.values() for e in errors), "error")
    return redirect(url_for("maturity.ladder", _anchor=f"niveau-{level}"))


@bp.route("/ladder/criteria/<int:criterion_id>", methods=["GET", "POST"])
@role_required(*WRITERS)
def edit_criterion(criterion_id: int) -> ResponseReturnValue:
    criterion = db.session.get(LevelCriterion, criterion_id) or abort(404)
    form = CriterionForm(obj=criterion)
    if form.validate_on_submit():
        services.save_criterion(
            criterion,
            level=criterion.level_number,
            text=form.text.data,
            active=form.active.data,
            findability_threshold=form.findability_threshold.data,
        )
        flash(_("Het criterium is bijgewerkt."), "success")
        return redirect(url_for("maturity.ladder", _anchor=f"niveau-{criterion.level_number}"))
    return render_template("maturity/criterion_form.html", form=form, criterion=criterion)


@bp.route("/nieuw", methods=["GET", "POST"])
@role_required(*WRITERS)
def new_theme() -> ResponseReturnValue:
    form = ThemeForm()
    form.owner_team_id.choices = _team_choices()
    if form.validate_on_submit():
        try:
            theme = services.save_theme(
                None,
                code=form.code.data,
                name=form.name.data,
                domain=form.domain.data,
                owner_team_id=form.owner_team_id.data,
                description=form.description.data,
            )
        except DomainError as error:
            form.code.errors.append(str(error))
        else:
            flash(_("Thema %(name)s is toegevoegd.", name=theme.name), "success")
            return redirect(url_for("maturity.theme_detail", code=theme.code))
    return render_template("maturity/theme_form.html", form=form, theme=None)


@bp.route("/<code>")
@login_required
def theme_detail(code: str) -> ResponseReturnValue:
    theme = _theme_or_404(code)
    detail = services.theme_detail(theme)
    return render_template(
        "maturity/theme.html",
        detail=detail,
        theme=theme,
        level_names=level_texts(services.level_names()),
        status_labels=status_texts(),
        analysis_status_labels=ANALYSIS_STATUS_LABELS,
        can_edit=_can_edit(),
        confirm=ConfirmForm(),
        training=(
            training_services.core_completion_by_team().get(theme.owner_team_id)
            if theme.owner_team_id is not None
            else None
        ),
        theme_gaps=theme_preview(theme.code) if current_user.has_role(*GAP_READERS) else None,
        findability=findability_services.theme_view(theme),
    )


@bp.route("/<code>/grafiek.svg")
@login_required
def theme_chart(code: str) -> ResponseReturnValue:
    theme = _theme_or_404(code)
    version = services.data_version()
    locale = str(get_locale())

    def render() -> bytes:
        detail = services.theme_detail(theme)
        points = [(e.assessment.assessed_on, e.level) for e in reversed(detail.history)]
        return charts.theme_history_chart(
            points,
            services.level_names(),
            title=_("Niveau door de tijd"),
            none_label=_("nog geen niveau"),
        )

    svg = cache.chart_cache.get((f"thema-{theme.id}", version, locale), render)
    return _svg_response(svg, f"thema-{theme.id}-{version}-{locale}")


@bp.route("/<code>/export.<fmt>")
@login_required
def export_history(code: str, fmt: str) -> ResponseReturnValue:
    if fmt not in ("csv", "xlsx"):
        abort(404)
    theme = _theme_or_404(code)
    detail = services.theme_detail(theme)
    header, rows = exports.history_table(detail.history, services.level_names(), STATUS_LABELS)
    name = file_name(f"historie-{theme.code}", [], fmt)
    return download(header, rows, fmt, name, _("Historie"))


@bp.route("/<code>/bewerken", methods=["GET", "POST"])
@role_required(*WRITERS)
def edit_theme(code: str) -> ResponseReturnValue:
    theme = _theme_or_404(code)
    form = ThemeForm(obj=theme)
    form.owner_team_id.choices = _team_choices()
    if not form.is_submitted():
        form.owner_team_id.data = theme.owner_team_id or 0
    if form.validate_on_submit():
        try:
            services.save_theme(
                theme,
                code=form.code.data,
                name=form.name.data,
                domain=form.domain.data,
                owner_team_id=form.owner_team_id.data,
                description=form.description.data,
            )
        except DomainError as error:
            form.code.errors.append(str(error))
        else:
            flash(_("Thema %(name)s is bijgewerkt.", name=theme.name), "success")
            return redirect(url_for("maturity.theme_detail", code=theme.code))
    return render_template("maturity/theme_form.html", form=form, theme=theme)


@bp.route("/<code>/archiveren", methods=["POST"])
@role_required(*WRITERS)
def toggle_archive(code: str) -> ResponseReturnValue:
    theme = _theme_or_404(code)
    services.set_archived(theme, not theme.archived)
    if theme.archived:
        flash(_("Thema %(name)s is gearchiveerd.", name=theme.name), "success")
    else:
        flash(_("Thema %(name)s is teruggezet.", name=theme.name), "success")
    return redirect(url_for("maturity.theme_detail", code=theme.code))


@bp.route("/<code>/beoordelen", methods=["GET", "POST"])
@role_required(*WRITERS)
def record_assessment(code: str) -> ResponseReturnValue:
    theme = _theme_or_404(code)
    levels = services.list_levels()
    form = AssessmentForm()
    for level in levels:
        form[status_field_name(level.number)].label.text = f"{level.number} {level.name}"
    detail = services.theme_detail(theme)
    latest = detail.history[0].assessment if detail.history else None
    checked: set[int] = set()
    problems: list[str] = []
    if request.method == "GET" and latest is not None:
        # Start from the newest judgement: an update is usually a small change.
        for number in LEVEL_NUMBERS:
            form[status_field_name(number)].data = latest.status_of(number).value
        checked = {c.id for c in latest.criteria_met}
    if form.is_submitted():
        raw = request.form.getlist("criterium")
        # int() refuses more than 4300 digits (a ValueError); any id that long is unknown.
        checked = {
            int(value) if len(value) <= 18 else MAX_ID + 1
            for value in raw
            if value.isascii() and value.isdecimal()
        }
        if len(checked) != len(raw):
            problems.append(_("Een of meer afgevinkte criteria zijn ongeldig."))
    if form.validate_on_submit() and not problems:
        statuses = {n: LevelStatus(form[status_field_name(n)].data) for n in LEVEL_NUMBERS}
        try:
            services.record_assessment(
                theme,
                assessor=current_user,
                assessed_on=form.assessed_on.data,
                statuses=statuses,
                criteria_met=checked,
                evidence_text=form.evidence.data or "",
                note=form.note.data or "",
            )
        except services.ValidationFailed as error:
            problems.extend(error.messages)
        else:
            flash(_("De beoordeling van %(name)s is opgeslagen.", name=theme.name), "success")
            return redirect(url_for("maturity.theme_detail", code=theme.code))
    form.form_errors.extend(problems)
    return render_template(
        "maturity/assessment_form.html",
        form=form,
        theme=theme,
        findability=findability_services.measurement(theme.id),
        levels=levels,
        checked=checked,
        status_field_name=status_field_name,
    )


@bp.route("/<code>/doel", methods=["GET", "POST"])
@role_required(*WRITERS)
def set_target(code: str) -> ResponseReturnValue:
    theme = _theme_or_404(code)
    form = TargetForm()
    form.level.choices = level_choices(services.level_names())
    if form.validate_on_submit():
        try:
            services.set_target(
                theme,
                level=form.level.data,
                target_date=form.target_date.data,
                set_by=current_user,
            )
        except services.ValidationFailed as error:
            form.form_errors.extend(error.messages)
        else:
            flash(_("Het doel voor %(name)s is vastgelegd.", name=theme.name), "success")
            return redirect(url_for("maturity.theme_detail", code=theme.code))
    return render_template("maturity/target_form.html", form=form, theme=theme)


@bp.route("/<code>/analyses/nieuw", methods=["GET", "POST"])
@role_required(*WRITERS)
def new_analysis(code: str) -> ResponseReturnValue:
    return _analysis_form(_theme_or_404(code), None)


@bp.route("/<code>/analyses/<int:analysis_id>", methods=["GET", "POST"])
@role_required(*WRITERS)
def edit_analysis(code: str, analysis_id: int) -> ResponseReturnValue:
    theme = _theme_or_404(code)
    analysis = db.session.get(Analysis, analysis_id)
    if analysis is None or analysis.theme_id != theme.id:
        abort(404)
    return _analysis_form(theme, analysis)


def _analysis_form(theme: Theme, analysis: Analysis | None) -> ResponseReturnValue:
    form = AnalysisForm(obj=analysis)
    form.level.choices = level_choices(services.level_names())
    if analysis is not None and not form.is_submitted():
        form.level.data = analysis.level_number
    if form.validate_on_submit():
        services.save_analysis(
            theme,
            analysis,
            name=form.name.data,
            level=form.level.data,
            status=form.status.data,
            data_sources=form.data_sources.data,
            description=form.description.data,
        )
        flash(_("De analyse is opgeslagen."), "success")
        return redirect(url_for("maturity.theme_detail", code=theme.code, _anchor="analyses"))
    return render_template("maturity/analysis_form.html", form=form, theme=theme, analysis=analysis)


@bp.route("/<code>/analyses/<int:analysis_id>/verwijderen", methods=["POST"])
@role_required(*WRITERS)
def delete_analysis(code: str, analysis_id: int) -> ResponseReturnValue:
    theme = _theme_or_404(code)
    analysis = db.session.get(Analysis, analysis_id)
    if analysis is None or analysis.theme_id != theme.id:
        abort(404)
    services.delete_analysis(analysis)
    flash(_("De analyse is verwijderd."), "success")
    return redirect(url_for("maturity.theme_detail", code=theme.code, _anchor="analyses"))
