"""Dutch labels for roles, shared by forms and templates."""

from flask_babel import lazy_gettext as _l

from academy.models import Role

ROLE_LABELS = {
    Role.ADMIN: _l("Beheerder"),
    Role.PROGRAMME_MANAGER: _l("Programmamanager"),
    Role.TRAINER: _l("Trainer"),
    Role.EMPLOYEE: _l("Medewerker"),
}
