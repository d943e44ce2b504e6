"""The notification pages: the count in the header, the list, marking read."""

from __future__ import annotations

import datetime as dt
import re

from tests.notifications.conftest import NOW, assign, user


def test_header_count_list_and_mark_read(app, client, login, ctx):
    with app.app_context():
        assign(ctx, NOW.date() + dt.timedelta(days=10), users=[user("medewerker").id])
        assign(ctx, NOW.date() + dt.timedelta(days=11), users=[user("medewerker").id])
    login("medewerker")
    home = client.get("/").get_data(as_text=True)
    assert re.search(r'href="/meldingen"[^>]*>Meldingen <span class="badge">2<', home)
    page = client.get("/meldingen").get_data(as_text=True)
    assert page.count('">Nieuwe opdracht: Zoeken leren') == 2
    assert "20 juni 2030" in page  # the due date in Dutch long form
    ids = re.findall(r'name="melding" value="(\d+)"', page)
    client.post("/meldingen/gelezen", data={"melding": ids[0]})
    assert 'Meldingen <span class="badge">1<' in client.get("/").get_data(as_text=True)
    client.post("/meldingen/gelezen", data={"melding": "abc"})  # odd input: all read, no 500
    home = client.get("/").get_data(as_text=True)
    assert 'Meldingen <span class="badge">' not in home


def test_another_users_notice_cannot_be_marked(app, client, login, ctx):
    with app.app_context():
        assign(ctx, NOW.date() + dt.timedelta(days=10), users=[user("medewerker").id])
    login("medewerker")
    notice_id = re.findall(
        r'name="melding" value="(\d+)"', client.get("/meldingen").get_data(as_text=True)
    )[0]
    client.post("/logout")
    login("trainer")
    client.post("/meldingen/gelezen", data={"melding": notice_id})
    client.post("/logout")
    login("medewerker")
    assert 'Meldingen <span class="badge">1<' in client.get("/").get_data(as_text=True)
