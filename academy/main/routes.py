from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_login import current_user, login_required

from academy.main import bp
from academy.main.services import home_tiles, remember_language
from academy.models import Role
from academy.redirects import referrer_target
from academy.training.learner_home import learner_home


@bp.route("/")
@login_required
def home() -> ResponseReturnValue:
    learning = None
    if Role.EMPLOYEE in current_user.roles:  # everyone who learns
        learning = learner_home(current_user)
    return render_template("main/home.html", tiles=home_tiles(current_user), learning=learning)


@bp.route("/toegankelijkheid")
def accessibility() -> ResponseReturnValue:
    return render_template("main/accessibility.html")


@bp.route("/taal", methods=["POST"])
def set_language() -> ResponseReturnValue:
    """Remember the chosen language in the session and, when signed in, on the account."""
    language = request.form.get("taal", "")
    if language not in current_app.config["LANGUAGES"]:
        flash(_("Die taal is niet beschikbaar."), "error")
    else:
        session["taal"] = language
        if current_user.is_authenticated:
            remember_language(current_user, language)
    return redirect(referrer_target(url_for("main.home")))
