import pytest
from sqlalchemy import func, select

from academy.extensions import db
from academy.models import QueryLog


def _logs(app) -> list[QueryLog]:
    with app.app_context():
        logs = list(db.session.scalars(select(QueryLog).order_by(QueryLog.id)))
        for log in logs:
            _ = log.user  # load before the session closes
        return logs


def test_search_finds_and_highlights(client, login, documents):
    login("medewerker")
    html = client.get("/zoeken?q=schoolverlaten").get_data(as_text=True)
    assert "1 document gevonden" in html or "documenten gevonden" in html
    assert "<mark>" in html
    assert "Uitval in beeld" in html


def test_every_search_writes_a_query_log(app, client, login, documents):
    login("medewerker")
    client.get("/zoeken?q=armoede&type=monitor")
    client.get('/zoeken?q="kinderen in armoede" OF schulden')
    logs = _logs(app)
    assert [log.query for log in logs] == ["armoede", '"kinderen in armoede" OF schulden']
    assert logs[0].filters == {"type": ["monitor"]}
    assert logs[0].result_count == 1
    assert logs[0].user.username == "medewerker"
    assert "phrase" in logs[1].features and "or" in logs[1].features
    assert logs[0].elapsed_ms >= 0


def test_facet_filter_narrows_and_counts_respond(client, login, documents):
    login("medewerker")
    everything = client.get("/zoeken").get_data(as_text=True)
    assert "Nieuwste documenten (4 in totaal)" in everything
    narrowed = client.get("/zoeken?type=onderzoek").get_data(as_text=True)
    assert "2 documenten gevonden" in narrowed
    assert "Armoedemonitor" not in narrowed


def test_document_text_is_escaped_in_results_and_document_page(client, login, documents):
    login("medewerker")
    html = client.get("/zoeken?q=webformulieren").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in html
    page = client.get(f"/zoeken/documenten/{documents['kern-script']}").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_document_page_shows_metadata(client, login, documents):
    login("medewerker")
    html = client.get(f"/zoeken/documenten/{documents['kern-fundering']}").get_data(as_text=True)
    assert "Funderingsrisico" in html
    assert "Ruimte en Wonen" in html
    assert "S:/Beleid/kern-fundering.pdf" in html
    assert "1.240 woningen" in html


def test_unknown_document_is_404(client, login, documents):
    login("medewerker")
    assert client.get("/zoeken/documenten/999999").status_code == 404


@pytest.mark.parametrize(
    "query_string",
    [
        "q=(((",
        'q="unbalanced',
        "q=jaar:abc",
        "q=*",
        "q=NOT",
        "pagina=abc",
        "pagina=-5",
        "pagina=99999999999999999999",
        "sorteer=%00",
        "q=%EF%BF%BD%00%01",
        "jaar=abc&type=" + "x" * 5000,
        "q=" + "woning " * 2000,
        "thema=<script>alert(1)</script>",
    ],
)
def test_hostile_query_strings_never_fail(client, login, documents, query_string):
    login("medewerker")
    response = client.get(f"/zoeken?{query_string}")
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.get_data(as_text=True)


def test_long_query_is_clipped_with_a_notice(app, client, login, documents):
    login("medewerker")
    html = client.get("/zoeken?q=" + "a" * 800).get_data(as_text=True)
    assert "eerste 500 tekens" in html
    assert len(_logs(app)[-1].query) == 500


def test_back_link_only_to_local_search(client, login, documents):
    login("medewerker")
    doc = documents["kern-vsv"]
    html = client.get(f"/zoeken/documenten/{doc}?terug=https://evil.example/").get_data(
        as_text=True
    )
    assert "evil.example" not in html
    html = client.get(f"/zoeken/documenten/{doc}?terug=/zoeken%3Fq%3Dvsv").get_data(as_text=True)
    assert 'href="/zoeken?q=vsv"' in html


def test_paging(client, login, app, documents):
    login("medewerker")
    with app.app_context():
        total = db.session.scalar(select(func.count()).select_from(QueryLog))
    assert total == 0
    html = client.get("/zoeken?pagina=7").get_data(as_text=True)
    assert "Geen documenten gevonden" in html
