import logging

from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required

from academy.audit.services import AuditAction, record_event
from academy.auth import bp, sso, throttle
from academy.auth.forms import ApiTokenForm, ChangePasswordForm, LoginForm
from academy.auth.services import (
    LoginOutcome,
    authenticate,
    change_password,
    create_api_token,
    list_api_tokens,
    logout_everywhere,
    record_failed_sso,
    revoke_api_token,
)
from academy.auth.sessions import sign_in, sign_out
from academy.errors import DomainError
from academy.forms import ConfirmForm
from academy.redirects import safe_target

log = logging.getLogger(__name__)


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        username = form.username.data
        result = authenticate(
            username, form.password.data, device_key=throttle.device_key(username)
        )
        if result.outcome is LoginOutcome.OK and result.user is not None:
            sign_in(result.user, remember=form.remember.data)
            flash(_("Welkom, %(name)s.", name=result.user.display_name), "success")
            response = redirect(safe_target(request.args.get("next"), url_for("main.home")))
            throttle.set_device_cookie(response, result.user.username)
            return response
        # One message for unknown user, wrong password, throttled, deactivated and
        # SSO-only accounts, so the form never tells whether a username exists.
        form.form_errors.append(
            _(
                "Inloggen is niet gelukt. Controleer je gebruikersnaam en wachtwoord. "
                "Na herhaalde mislukte pogingen moet je steeds wat langer wachten voor je "
                "het opnieuw kunt proberen."
            )
        )
    return render_template(
        "auth/login.html", form=form, sso_enabled=sso.enabled(), next=request.args.get("next")
    )


@bp.route("/logout", methods=["POST"])
def logout() -> ResponseReturnValue:
    if current_user.is_authenticated:
        record_event(AuditAction.LOGOUT)
    sign_out()
    flash(_("Je bent uitgelogd."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/profiel/overal-uitloggen", methods=["POST"])
@login_required
def logout_all() -> ResponseReturnValue:
    """End every session and remember cookie of the user, on every device."""
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    logout_everywhere(current_user)
    sign_out()
    flash(_("Je bent op alle apparaten uitgelogd."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/wachtwoord", methods=["GET", "POST"])
@login_required
def change_own_password() -> ResponseReturnValue:
    form = ChangePasswordForm()
    if form.validate_on_submit():
        if change_password(
            current_user,
            form.current_password.data,
            form.new_password.data,
            keep_tokens=form.keep_tokens.data,
        ):
            flash(_("Je wachtwoord is gewijzigd. Je andere sessies zijn beëindigd."), "success")
            return redirect(url_for("main.home"))
        form.current_password.errors.append(_("Je huidige wachtwoord klopt niet."))
    return render_template("auth/change_password.html", form=form)


@bp.route("/profiel", methods=["GET", "POST"])
@login_required
def profile() -> ResponseReturnValue:
    """The user's own page: personal API tokens (made, listed, revoked) and links."""
    form = ApiTokenForm()
    new_token = None
    if form.validate_on_submit():
        try:
            _row, new_token = create_api_token(
                current_user,
                form.name.data,
                expires_in_days=form.lifetime.data,
                read_only=form.read_only.data,
            )
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
def revoke_token(token_id: int) -> ResponseReturnValue:
    form = ConfirmForm()
    if not form.validate_on_submit():
        abort(400)
    if not revoke_api_token(current_user, token_id):
        abort(404)
    flash(_("Het token is ingetrokken; het werkt niet meer."), "success")
    return redirect(url_for("auth.profile"))


@bp.route("/login/gemeente")
def sso_login() -> ResponseReturnValue:
    """Start single sign-on: off (404) unless OIDC_ISSUER is configured."""
    if not sso.enabled():
        abort(404)
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    session["sso_next"] = safe_target(request.args.get("next"), url_for("main.home"))
    return sso.client().authorize_redirect(url_for("auth.sso_callback", _external=True))


@bp.route("/login/gemeente/terug")
def sso_callback() -> ResponseReturnValue:
    """The provider sends the browser back here with a code; Authlib checks state and
    nonce, exchanges the code and verifies the ID token."""
    if not sso.enabled():
        abort(404)
    failed = _("Inloggen met je gemeenteaccount is niet gelukt. Probeer het opnieuw.")
    try:
        token = sso.client().authorize_access_token()
        claims = dict(token.get("userinfo") or {})
        if current_app.config["OIDC_GROUPS_CLAIM"] not in claims:
            claims.update(sso.client().userinfo(token=token))
    except Exception as error:  # noqa: BLE001 - any failed round trip is a failed sign-in
        log.warning("SSO sign-in failed: %s", type(error).__name__)
        record_failed_sso(type(error).__name__)
        flash(failed, "error")
        return redirect(url_for("auth.login"))
    identity = sso.identity_from_claims(claims)
    user = sso.user_for_identity(identity) if identity is not None else None
    if user is None:
        record_failed_sso("geen_actief_account", identity.username if identity else "")
        flash(failed, "error")
        return redirect(url_for("auth.login"))
    target = safe_target(session.get("sso_next"), url_for("main.home"))
    record_event(AuditAction.LOGIN_SSO, actor=user, details={"methode": "sso"})
    sign_in(user, remember=False)  # commits the user, the events, the session
    flash(_("Welkom, %(name)s.", name=user.display_name), "success")
    return redirect(target)
