from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from academy.extensions import db
from academy.main import bp
from academy.main.services import home_tiles
from academy.redirects import referrer_target


@bp.route("/")
@login_required
def home():
    return render_template("main/home.html", tiles=home_tiles(current_user))


@bp.route("/toegankelijkheid")
def accessibility():
    return render_template("main/accessibility.html")


@bp.route("/taal", methods=["POST"])
def set_language():
    """Remember the chosen language in the session and, when signed in, on the account."""
    language = request.form.get("taal", "")
    if language not in current_app.config["LANGUAGES"]:
        flash(_("Die taal is niet beschikbaar."), "error")
    else:
        session["taal"] = language
        if current_user.is_authenticated:
            current_user.locale = language
            db.session.commit()
    return redirect(referrer_target(url_for("main.home")))
