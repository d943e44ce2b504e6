import re

import pytest
from sqlalchemy import func, select

from academy.documents.indexing import catch_up_index
from academy.extensions import db
from academy.models import Document, QueryLog


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
    assert 0 < logs[0].elapsed_ms < 10_000  # the time was recorded, in milliseconds


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
    assert "S:/<wbr>Beleid/<wbr>kern-fundering.pdf" in html
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


def _chips(html: str) -> list[tuple[str, str]]:
    """(link, text) of each removable filter chip."""
    return [
        (link.replace("&amp;", "&"), " ".join(re.sub(r"<[^>]+>", " ", text).split()))
        for link, text in re.findall(r'<a class="chip" href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    ]


def test_active_filters_are_chips_above_the_results(client, login, documents):
    login("medewerker")
    html = client.get("/zoeken?q=onderzoek&type=onderzoek&thema=vsv").get_data(as_text=True)
    chips = _chips(html)
    assert [text for _link, text in chips] == [
        "Filter verwijderen: Documenttype: Onderzoek ×",
        "Filter verwijderen: Thema: Vroegtijdig schoolverlaten ×",
    ]
    # Each chip removes only itself and keeps the query and the other filter.
    assert chips[0][0] == "/zoeken?q=onderzoek&thema=vsv"
    assert chips[1][0] == "/zoeken?q=onderzoek&type=onderzoek"
    assert html.index('class="chip"') < html.index('class="results"')
    assert 'href="/zoeken?q=onderzoek">Alle filters wissen</a>' in html
    assert "Filters (2 actief)" in html
    assert _chips(client.get("/zoeken?q=onderzoek").get_data(as_text=True)) == []


def test_a_new_query_starts_without_the_old_filters(client, login, documents):
    login("medewerker")
    html = client.get("/zoeken?q=armoede&type=monitor").get_data(as_text=True)
    assert 'name="binnen"' in html and "Binnen deze filters zoeken" in html
    # The search box's button marks a new query: the filters go unless the user keeps them.
    fresh = client.get("/zoeken?q=schoolverlaten&type=monitor&pagina=2&nieuw=1")
    assert fresh.status_code == 302 and fresh.headers["Location"] == "/zoeken?q=schoolverlaten"
    kept = client.get("/zoeken?q=schoolverlaten&type=monitor&sorteer=datum&nieuw=1&binnen=1")
    assert kept.headers["Location"] == "/zoeken?q=schoolverlaten&type=monitor&sorteer=datum"
    # A facet ticked by itself (no "nieuw") still just narrows the results.
    assert client.get("/zoeken?q=armoede&type=monitor").status_code == 200


def test_long_facet_lists_show_the_top_values_and_more(app, client, login, documents):
    with app.app_context():
        db.session.add_all(
            Document(
                key=f"jaar-{year}",
                title=f"Jaarverslag {year}",
                doctype="jaarverslag",
                year=year,
                department="Financiën",
                body="Het jaarverslag.",
            )
            for year in range(2010, 2016)
        )
        db.session.commit()
        catch_up_index()  # what the worker does within seconds
    login("medewerker")
    html = client.get("/zoeken?jaar=2010").get_data(as_text=True)
    years = html[html.index("<legend>Jaar</legend>") :]
    years = years[: years.index("</fieldset>")]
    top, more = years.split('<details class="facet__more"', 1)
    assert top.count('type="checkbox"') == 5
    assert more.startswith(" open>")  # the ticked year is among the rest: shown
    assert "meer tonen (5)" in more and more.count('type="checkbox"') == 5


def test_document_page_shows_sections_lists_and_tables(app, client, login, documents):
    body = (
        "Aanleiding\nDe gemeenteraad vroeg om een beter beeld\nvan de jongeren.\n\n"
        "Bevindingen\n- de uitval daalde;\n- de begeleiding werkt.\n\n"
        "| wijk | uitval |\n|---|---|\n| Oost | 2,1% |\n\n"
        "## Conclusie\nEen **vast** aanspreekpunt helpt. <b>geen html</b>"
    )
    with app.app_context():
        document = db.session.get(Document, documents["kern-vsv"])
        document.body = body
        document.source = "S:/Beleid/Jeugd en Onderwijs/2019/onderzoek-vroegtijdig.pdf"
        db.session.commit()
    login("medewerker")
    html = client.get(f"/zoeken/documenten/{documents['kern-vsv']}").get_data(as_text=True)
    assert "<h2>Aanleiding</h2>" in html and "<h2>Bevindingen</h2>" in html
    assert "<h2>Conclusie</h2>" in html and "## " not in html
    assert "<li>de uitval daalde;</li>" in html
    assert "<td>Oost</td>" in html and "<strong>vast</strong>" in html
    assert "&lt;b&gt;geen html&lt;/b&gt;" in html  # document text is text, never markup
    assert "<dt>Vindplaats</dt>" in html
    # the path wraps at its separators
    assert "S:/<wbr>Beleid/<wbr>Jeugd en Onderwijs/<wbr>2019/<wbr>onderzoek-vroegtijdig.pdf" in html
