from urllib.parse import urlsplit

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from academy.auth import bp
from academy.auth.forms import ApiTokenForm, ChangePasswordForm, LoginForm
from academy.auth.services import (
    LoginOutcome,
    authenticate,
    change_password,
    create_api_token,
    list_api_tokens,
    revoke_api_token,
)
from academy.errors import DomainError
from academy.forms import ConfirmForm


def _safe_next(target: str | None) -> str | None:
    """Only follow `next` to a path on this site, never to another host."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(form.username.data, form.password.data)
        if result.outcome is LoginOutcome.OK:
            login_user(result.user, remember=form.remember.data)
            flash(_("Welkom, %(name)s.", name=result.user.display_name), "success")
            return redirect(_safe_next(request.args.get("next")) or url_for("main.home"))
        # One message for unknown user, wrong password, locked and deactivated accounts,
        # so the form never tells whether a username exists.
        form.form_errors.append(
            _(
                "Inloggen is niet gelukt. Controleer je gebruikersnaam en wachtwoord. "
                "Na %(attempts)s mislukte pogingen wordt een account %(minutes)s minuten "
                "geblokkeerd.",
                attempts=current_app.config["LOGIN_MAX_FAILURES"],
                minutes=current_app.config["LOGIN_LOCK_MINUTES"],
            )
        )
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
def logout():
    logout_user()
    flash(_("Je bent uitgelogd."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/wachtwoord", methods=["GET", "POST"])
@login_required
def change_own_password():
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if change_password(current_user, form.current_password.data, form.new_password.data):
            flash(_("Je wachtwoord is gewijzigd."), "success")
            return redirect(url_for("main.home"))
        form.current_password.errors.append(_("Je huidige wachtwoord klopt niet."))
    return render_template("auth/change_password.html", form=form)


@bp.route("/profiel", methods=["GET", "POST"])
@login_required
def profile():
    """The user's own page: personal API tokens (made, listed, revoked) and links."""
    form = ApiTokenForm()
    new_token = None
    if form.validate_on_submit():
        try:
            _row, new_token = create_api_token(current_user, form.name.data)
        except DomainError as error:
            form.name.errors.append(str(error))
        else:
            form = ApiTokenForm(formdata=None)
    # The new token is rendered into this one response (never a redirect, never the
    # session): it exists nowhere else, so a reload cannot show it again.
    response = make_response(
        render_template(
            "auth/profile.html",
            form=form,
            tokens=list_api_tokens(current_user),
            new_token=new_token,
            revoke_form=ConfirmForm(),
        )
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/profiel/tokens/<int:token_id>/intrekken", methods=["POST"])
@login_required
def revoke_token(token_id: int):
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    if not revoke_api_token(current_user, token_id):
        abort(404)
    flash(_("Het token is ingetrokken; het werkt niet meer."), "success")
    return redirect(url_for("auth.profile"))
