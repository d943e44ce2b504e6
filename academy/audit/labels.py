"""Dutch labels for the recorded actions (the stored values stay stable codes)."""

from flask_babel import lazy_gettext as _l

from academy.audit.services import AuditAction

ACTION_LABELS: dict[str, object] = {  # keyed by AuditAction, a str; looked up by the stored str
    AuditAction.LOGIN: _l("Ingelogd"),
    AuditAction.LOGIN_FAILED: _l("Inloggen mislukt"),
    AuditAction.LOGIN_SSO: _l("Ingelogd met gemeenteaccount"),
    AuditAction.LOGIN_SSO_FAILED: _l("Inloggen met gemeenteaccount mislukt"),
    AuditAction.LOGOUT: _l("Uitgelogd"),
    AuditAction.LOGOUT_EVERYWHERE: _l("Overal uitgelogd"),
    AuditAction.PASSWORD_CHANGED: _l("Eigen wachtwoord gewijzigd"),
    AuditAction.PASSWORD_CHECK_FAILED: _l("Huidig wachtwoord onjuist"),
    AuditAction.TOKEN_CREATED: _l("API-token gemaakt"),
    AuditAction.TOKEN_REVOKED: _l("API-token ingetrokken"),
    AuditAction.USER_CREATED: _l("Gebruiker aangemaakt"),
    AuditAction.USER_ROLES_CHANGED: _l("Rollen gewijzigd"),
    AuditAction.USER_TEAM_CHANGED: _l("Team gewijzigd"),
    AuditAction.USER_DEACTIVATED: _l("Gebruiker uitgeschakeld"),
    AuditAction.USER_ACTIVATED: _l("Gebruiker ingeschakeld"),
    AuditAction.USER_PASSWORD_RESET: _l("Wachtwoord ingesteld door beheerder"),
    AuditAction.ASSESSMENT_RECORDED: _l("Beoordeling vastgelegd"),
    AuditAction.TARGET_SET: _l("Doel gezet"),
    AuditAction.DOCUMENTS_IMPORTED: _l("Documenten geïmporteerd"),
    AuditAction.DOCUMENT_DELETED: _l("Document verwijderd"),
    AuditAction.PERSONAL_DATA_EXPORTED: _l("Persoonsgegevens geëxporteerd"),
    AuditAction.AUDIT_EXPORTED: _l("Audittrail geëxporteerd"),
    AuditAction.MODULE_EXPORTED: _l("Module geëxporteerd als pakket"),
    AuditAction.MODULE_IMPORTED: _l("Modulepakket geïmporteerd"),
}
