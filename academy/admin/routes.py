from typing import TypeVar

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import SelectChoice

from academy.admin import bp, services
from academy.admin.forms import (
    NewUserForm,
    ResetPasswordForm,
    TeamForm,
    UserForm,
)
from academy.auth.decorators import role_required
from academy.errors import DomainError
from academy.extensions import Model, db
from academy.forms import ConfirmForm
from academy.models import Role, Team, User


def _team_choices() -> list[SelectChoice]:
    teams = services.list_teams()
    return [SelectChoice(0, _("— geen team —"))] + [
        SelectChoice(team.id, team.name) for team, _count in teams
    ]


M = TypeVar("M", bound=Model)


def _get_or_404(model: type[M], object_id: int) -> M:
    return db.session.get(model, object_id) or abort(404)


@bp.route("/gebruikers")
@role_required(Role.ADMIN)
def users() -> ResponseReturnValue:
    return render_template("admin/users.html", users=services.list_users(), confirm=ConfirmForm())


@bp.route("/gebruikers/nieuw", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def new_user() -> ResponseReturnValue:
    form = NewUserForm()
    form.team_id.choices = _team_choices()
    if form.validate_on_submit():
        try:
            user = services.create_user(
                username=form.username.data,
                password=form.new_password.data,
                roles=form.roles.data,
                full_name=form.full_name.data or "",
                email=form.email.data or "",
                team_id=form.team_id.data,
                active=form.active.data,
            )
        except DomainError as error:
            form.username.errors.append(str(error))
        else:
            flash(_("Gebruiker %(name)s is aangemaakt.", name=user.username), "success")
            return redirect(url_for("admin.users"))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/gebruikers/<int:user_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_user(user_id: int) -> ResponseReturnValue:
    user = _get_or_404(User, user_id)
    form = UserForm(obj=user)
    form.team_id.choices = _team_choices()
    if not form.is_submitted():
        form.team_id.data = user.team_id or 0
        form.roles.data = sorted(role.value for role in user.roles)
    if form.validate_on_submit():
        try:
            services.update_user(
                user,
                acting_user=current_user,
                roles=form.roles.data,
                full_name=form.full_name.data or "",
                email=form.email.data or "",
                team_id=form.team_id.data,
                active=form.active.data,
            )
        except DomainError as error:
            form.form_errors.append(str(error))
        else:
            flash(_("Gebruiker %(name)s is bijgewerkt.", name=user.username), "success")
            return redirect(url_for("admin.users"))
    return render_template(
        "admin/user_form.html", form=form, user=user, reset_form=ResetPasswordForm()
    )


@bp.route("/gebruikers/<int:user_id>/uitschakelen", methods=["POST"])
@role_required(Role.ADMIN)
def deactivate_user(user_id: int) -> ResponseReturnValue:
    user = _get_or_404(User, user_id)
    if ConfirmForm().validate_on_submit():
        try:
            services.deactivate_user(user, acting_user=current_user)
        except DomainError as error:
            flash(str(error), "error")
        else:
            flash(_("Gebruiker %(name)s is uitgeschakeld.", name=user.username), "success")
    return redirect(url_for("admin.users"))


@bp.route("/gebruikers/<int:user_id>/wachtwoord", methods=["POST"])
@role_required(Role.ADMIN)
def reset_password(user_id: int) -> ResponseReturnValue:
    user = _get_or_404(User, user_id)
    form = ResetPasswordForm()
    if form.validate_on_submit():
        services.reset_password(user, form.new_password.data, acting_user=current_user)
        flash(_("Het wachtwoord van %(name)s is opnieuw ingesteld.", name=user.username), "success")
        return redirect(url_for("admin.users"))
    edit_form = UserForm(obj=user)
    edit_form.team_id.choices = _team_choices()
    edit_form.team_id.data = user.team_id or 0
    edit_form.roles.data = sorted(role.value for role in user.roles)
    return (
        render_template("admin/user_form.html", form=edit_form, user=user, reset_form=form),
        400,
    )


@bp.route("/teams")
@role_required(Role.ADMIN)
def teams() -> ResponseReturnValue:
    return render_template(
        "admin/teams.html", teams=services.list_teams(), form=TeamForm(), confirm=ConfirmForm()
    )


@bp.route("/teams/nieuw", methods=["POST"])
@role_required(Role.ADMIN)
def new_team() -> ResponseReturnValue:
    form = TeamForm()
    if form.validate_on_submit():
        try:
            team = services.save_team(
                None, name=form.name.data, description=form.description.data or ""
            )
        except DomainError as error:
            form.name.errors.append(str(error))
        else:
            flash(_("Team %(name)s is aangemaakt.", name=team.name), "success")
            return redirect(url_for("admin.teams"))
    return (
        render_template(
            "admin/teams.html", teams=services.list_teams(), form=form, confirm=ConfirmForm()
        ),
        400,
    )


@bp.route("/teams/<int:team_id>", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def edit_team(team_id: int) -> ResponseReturnValue:
    team = _get_or_404(Team, team_id)
    form = TeamForm(obj=team)
    if form.validate_on_submit():
        try:
            services.save_team(team, name=form.name.data, description=form.description.data or "")
        except DomainError as error:
            form.name.errors.append(str(error))
        else:
            flash(_("Team %(name)s is bijgewerkt.", name=team.name), "success")
            return redirect(url_for("admin.teams"))
    return render_template("admin/team_form.html", form=form, team=team, confirm=ConfirmForm())


@bp.route("/teams/<int:team_id>/verwijderen", methods=["POST"])
@role_required(Role.ADMIN)
def delete_team(team_id: int) -> ResponseReturnValue:
    team = _get_or_404(Team, team_id)
    if ConfirmForm().validate_on_submit():
        name = team.name
        try:
            services.delete_team(team)
        except DomainError as error:
            flash(str(error), "error")
        else:
            flash(_("Team %(name)s is verwijderd.", name=name), "success")
    return redirect(url_for("admin.teams"))
