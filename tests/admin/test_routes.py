import pytest
from sqlalchemy import func, select

from academy.extensions import db
from academy.models import Role, Team, User
from tests.conftest import PASSWORD


def _user(app, username: str) -> User | None:
    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        if user is not None:
            _ = user.roles, user.team  # load before the session closes
        return user


def _team_id(app, name="Team Test") -> int:
    with app.app_context():
        return db.session.scalar(select(Team.id).where(Team.name == name))


def _user_count(app) -> int:
    with app.app_context():
        return db.session.scalar(select(func.count(User.id)))


NEW_USER = {
    "username": "j.jansen",
    "full_name": "Jan Jansen",
    "email": "j.jansen@gemeente.example",
    "team_id": "0",
    "roles": ["medewerker", "trainer"],
    "active": "y",
    "new_password": "welkom-in-de-academie",
    "confirm": "welkom-in-de-academie",
}


def test_admin_lists_users(client, login):
    login("admin")
    html = client.get("/beheer/gebruikers").get_data(as_text=True)
    for username in ("admin", "programmamanager", "trainer", "medewerker"):
        assert username in html


def test_admin_creates_user_who_can_log_in(app, client, auth, login):
    login("admin")
    data = {**NEW_USER, "team_id": str(_team_id(app))}
    response = client.post("/beheer/gebruikers/nieuw", data=data)
    assert response.status_code == 302
    user = _user(app, "j.jansen")
    assert user.roles == {Role.EMPLOYEE, Role.TRAINER}
    assert user.team.name == "Team Test"
    assert user.password_hash.startswith("scrypt:")
    auth.logout()
    assert auth.login("j.jansen", "welkom-in-de-academie").status_code == 302


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"username": "medewerker"}, "is al in gebruik"),
        ({"username": "Jan Jansen"}, "Alleen kleine letters"),
        ({"username": ""}, "Kies een gebruikersnaam."),
        ({"roles": []}, "Kies minstens één rol."),
        ({"roles": ["superuser"]}, "Rollen"),
        ({"email": "geen-adres"}, "Vul een geldig e-mailadres in."),
        ({"new_password": "kort", "confirm": "kort"}, "minstens 8 tekens"),
        ({"confirm": "iets-anders-123"}, "De wachtwoorden zijn niet gelijk."),
        ({"team_id": "9999"}, "Team"),
        ({"team_id": "geen-getal"}, "Team"),
        ({"username": "x" * 500}, "Gebruikersnaam"),
    ],
)
def test_create_user_rejects_bad_input_and_saves_nothing(app, client, login, change, message):
    login("admin")
    before = _user_count(app)
    response = client.post("/beheer/gebruikers/nieuw", data={**NEW_USER, **change})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert message in html
    assert "Controleer het formulier" in html
    assert _user_count(app) == before


def test_admin_edits_roles_team_and_active(app, client, login):
    login("admin")
    target = _user(app, "medewerker")
    response = client.post(
        f"/beheer/gebruikers/{target.id}",
        data={
            "full_name": "Mieke Medewerker",
            "email": "",
            "team_id": "0",
            "roles": ["programmamanager"],
        },
    )
    assert response.status_code == 302
    user = _user(app, "medewerker")
    assert user.roles == {Role.PROGRAMME_MANAGER}
    assert user.team is None
    assert user.active is False  # checkbox not sent
    assert user.full_name == "Mieke Medewerker"


def test_admin_cannot_remove_own_admin_role(app, client, login):
    login("admin")
    me = _user(app, "admin")
    response = client.post(
        f"/beheer/gebruikers/{me.id}",
        data={"full_name": "X", "team_id": "0", "roles": ["trainer"], "active": "y"},
    )
    assert response.status_code == 200
    assert "eigen beheerdersrol" in response.get_data(as_text=True)
    assert _user(app, "admin").roles == {Role.ADMIN}


def test_deactivate_user(app, client, auth, login):
    login("admin")
    target = _user(app, "medewerker")
    response = client.post(f"/beheer/gebruikers/{target.id}/uitschakelen")
    assert response.status_code == 302
    assert _user(app, "medewerker").active is False
    auth.logout()
    assert auth.login("medewerker").status_code == 200


def test_admin_cannot_deactivate_self(app, client, login):
    login("admin")
    me = _user(app, "admin")
    client.post(f"/beheer/gebruikers/{me.id}/uitschakelen")
    assert _user(app, "admin").active is True
    html = client.get("/beheer/gebruikers").get_data(as_text=True)
    assert "eigen account niet uitschakelen" in html


def test_reset_password(app, client, auth, login):
    login("admin")
    target = _user(app, "medewerker")
    response = client.post(
        f"/beheer/gebruikers/{target.id}/wachtwoord",
        data={"new_password": "opnieuw-beginnen", "confirm": "opnieuw-beginnen"},
    )
    assert response.status_code == 302
    auth.logout()
    assert auth.login("medewerker", PASSWORD).status_code == 200
    assert auth.login("medewerker", "opnieuw-beginnen").status_code == 302


def test_reset_password_rejects_short_password(app, client, login):
    login("admin")
    target = _user(app, "medewerker")
    before = target.password_hash
    response = client.post(
        f"/beheer/gebruikers/{target.id}/wachtwoord",
        data={"new_password": "kort", "confirm": "kort"},
    )
    assert response.status_code == 400
    assert "minstens 8 tekens" in response.get_data(as_text=True)
    assert _user(app, "medewerker").password_hash == before


def test_unknown_user_is_404(client, login):
    login("admin")
    assert client.get("/beheer/gebruikers/424242").status_code == 404
    assert client.post("/beheer/gebruikers/424242/uitschakelen").status_code == 404


def test_team_lifecycle(app, client, login):
    login("admin")
    assert (
        client.post(
            "/beheer/teams/nieuw", data={"name": "Team Wijkaanpak", "description": "Wijken"}
        ).status_code
        == 302
    )
    team_id = _team_id(app, "Team Wijkaanpak")
    assert team_id is not None
    assert (
        client.post(
            f"/beheer/teams/{team_id}", data={"name": "Team Wijken", "description": ""}
        ).status_code
        == 302
    )
    assert _team_id(app, "Team Wijken") == team_id
    assert client.post(f"/beheer/teams/{team_id}/verwijderen").status_code == 302
    assert _team_id(app, "Team Wijken") is None


@pytest.mark.parametrize("name", ["Team Test", "team test", "  Team Test  "])
def test_duplicate_team_name_is_refused(app, client, login, name):
    login("admin")
    with app.app_context():
        before = db.session.scalar(select(func.count(Team.id)))
    response = client.post("/beheer/teams/nieuw", data={"name": name})
    assert response.status_code == 400
    assert "Er bestaat al een team" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count(Team.id))) == before


def test_team_with_members_cannot_be_deleted(app, client, login):
    login("admin")
    team_id = _team_id(app)
    client.post(f"/beheer/teams/{team_id}/verwijderen")
    assert _team_id(app) == team_id
    assert "heeft nog leden" in client.get("/beheer/teams").get_data(as_text=True)
