from urllib.parse import urlsplit

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from academy.auth import bp
from academy.auth.forms import ChangePasswordForm, LoginForm
from academy.auth.services import LoginOutcome, authenticate, change_password


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
