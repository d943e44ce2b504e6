"""Practice corpus generator: thousands of realistic Dutch municipal documents.

The practice search engine needs a corpus that feels like a real afdelingsschijf: monitors,
factsheets, nota's and raadsvoorstellen on every policy theme, written in plausible Dutch, spread
over years and departments. Documents are assembled from per-theme vocabulary and per-doctype
templates, so they read like policy texts instead of word salad, while a seeded `random.Random`
keeps the output identical from run to run (exercises and benchmarks depend on that).

Pure Python on purpose: the seed command, the benchmark and the tests all use it without Flask.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from academy.demo.corpus_core import CORE_DOCUMENTS, CORE_FACTS, DOCTYPES, CorpusDocument
from academy.demo.themes import THEMES, ThemeSeed

__all__ = [
    "CORE_DOCUMENTS",
    "CORE_FACTS",
    "CITY",
    "DOCTYPES",
    "EXTERNAL_BUREAUS",
    "FIRST_YEAR",
    "LAST_DATE",
    "LAST_YEAR",
    "WIJKEN",
    "CorpusDocument",
    "generate_corpus",
]

CITY = "Lindewaard"
FIRST_YEAR = 2010
LAST_YEAR = 2026
LAST_DATE = dt.date(2026, 11, 29)
YEARS: tuple[int, ...] = tuple(range(FIRST_YEAR, LAST_YEAR + 1))

# Fictional neighbourhoods of the fictional municipality; the article is part of the name so a
# sentence can say "in de Vlinderbuurt" as well as "in Oostereiland".
WIJKEN: tuple[str, ...] = (
    "Oostereiland",
    "de Vlinderbuurt",
    "het Westerkwartier",
    "de Molenwijk",
    "Zuiderpark",
    "het Havenkwartier",
    "Rietvelden",
    "de Kerkebuurt",
    "Noorderhoek",
    "de Sluispolder",
    "Weidezicht",
    "Oud-Lindewaard",
    "de Bloemenbuurt",
    "Vaartkant",
)

# Fictional external research and advice bureaus. Deliberately not real company names.
EXTERNAL_BUREAUS: tuple[str, ...] = (
    "Bureau Stadskompas",
    "Onderzoeksbureau Noordzijde",
    "Adviesbureau Lindeboom & Partners",
    "Kennisinstituut De Brug",
    "Bureau Wijkwijzer",
    "Onderzoeksbureau Het Peilglas",
    "Adviesgroep Rivierland",
)

# Which department an owning team belongs to.
_TEAM_DEPARTMENT: dict[str, str] = {
    "Team Bestuur en Dienstverlening": "Bestuur en Dienstverlening",
    "Team Veiligheid": "Veiligheid en Handhaving",
    "Team Openbare Ruimte": "Openbare Ruimte",
    "Team Economie en Cultuur": "Economie en Cultuur",
    "Team Jeugd en Onderwijs": "Maatschappelijke Ontwikkeling",
    "Team Werk en Inkomen": "Werk en Inkomen",
    "Team Zorg en Welzijn": "Maatschappelijke Ontwikkeling",
    "Team Wonen": "Ruimte en Wonen",
    "Team Duurzaamheid en Milieu": "Ruimte en Wonen",
    "Team Data en Onderzoek": "Onderzoek en Statistiek",
}
_DATA_TEAM = "Team Data en Onderzoek"
_RESEARCH_DEPARTMENT = "Onderzoek en Statistiek"

# Big themes get more documents, as on a real shared drive.
_THEME_WEIGHT: dict[str, int] = {
    **{code: 3 for code in ("jeugdzorg", "armoede", "vsv", "woningbouw", "8.3")},
    **{code: 3 for code in ("6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.71", "6.72")},
    **{code: 3 for code in ("6.81", "6.82")},
    **{code: 2 for code in ("funderingen", "energietransitie", "ondermijning", "werkgelegenheid")},
}
_DOCTYPE_WEIGHT: dict[str, int] = {
    "onderzoek": 17,
    "factsheet": 15,
    "nota": 14,
    "raadsvoorstel": 15,
    "monitor": 16,
    "evaluatie": 12,
    "jaarverslag": 11,
}


# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    """A measurable quantity with a plausible range; `better` is +1, -1 or 0 (no preference)."""

    phrase: str
    kind: str
    low: float
    high: float
    better: int


@dataclass(frozen=True)
class ThemeVocabulary:
    """What a municipality writes about one theme: subjects, figures, groups, measures."""

    code: str
    subjects: tuple[str, ...]
    indicators: tuple[Indicator, ...]
    groups: tuple[str, ...]
    measures: tuple[str, ...]
    sources: tuple[str, ...]
    partners: tuple[str, ...]
    insights: tuple[str, ...]


def _v(
    code: str,
    subjects: Sequence[str],
    indicators: Sequence[tuple[str, str, float, float, int]],
    groups: Sequence[str],
    measures: Sequence[str],
    sources: Sequence[str],
    partners: Sequence[str],
    insights: Sequence[str],
) -> ThemeVocabulary:
    return ThemeVocabulary(
        code,
        tuple(subjects),
        tuple(Indicator(*ind) for ind in indicators),
        tuple(groups),
        tuple(measures),
        tuple(sources),
        tuple(partners),
        tuple(insights),
    )


# Indicator phrases are singular noun phrases with their article ("het aantal ..."), so that a
# singular verb always agrees. Groups are plural. Measures and subjects may carry an article;
# titles strip it where a noun precedes them ("Monitor energietransitie").
VOCABULARY: tuple[ThemeVocabulary, ...] = (
    _v(
        "0.1",
        ("inwonersparticipatie", "regionale samenwerking", "vertrouwen in het lokaal bestuur"),
        (
            ("het aandeel inwoners met vertrouwen in het gemeentebestuur", "pct", 38, 62, 1),
            ("de opkomst bij de gemeenteraadsverkiezingen", "pct", 44, 61, 1),
            ("het aantal leden van het burgerpanel", "int", 1200, 3400, 1),
            ("het rapportcijfer voor de inspraakmogelijkheden", "dec", 5.4, 6.9, 1),
        ),
        ("leden van het burgerpanel", "jonge inwoners", "wijkbewoners"),
        ("het burgerberaad over de omgevingsvisie", "de digitale inspraakmodule", "het wijkbudget"),
        ("de burgerpeiling", "het burgerpanel", "de verkiezingsuitslagen"),
        ("de wijkplatforms", "de regiogemeenten"),
        (
            "Inwoners die eerder aan een inspraakavond hebben deelgenomen, zijn positiever over "
            "het bestuur dan inwoners die dat niet deden.",
            "Jongeren weten het minst goed hoe zij invloed kunnen uitoefenen op besluiten van de "
            "gemeente.",
        ),
    ),
    _v(
        "0.2",
        (
            "dienstverlening van burgerzaken",
            "reisdocumenten en rijbewijzen",
            "de kwaliteit van de basisregistratie personen",
        ),
        (
            ("het aandeel afspraken dat online is gemaakt", "pct", 55, 92, 1),
            ("de gemiddelde wachttijd aan de balie", "min", 6, 24, -1),
            ("het aantal aanvragen voor reisdocumenten", "int", 14000, 31000, 0),
            ("het klanttevredenheidscijfer van de publieksbalie", "dec", 7.0, 8.2, 1),
            ("het aantal adresonderzoeken in de BRP", "int", 300, 1100, 0),
        ),
        ("inwoners die een reisdocument aanvragen", "oudere inwoners", "nieuwe inwoners"),
        (
            "de afsprakenmodule voor de publieksbalie",
            "de thuisbezorging van reisdocumenten",
            "het project Adreskwaliteit",
        ),
        ("de BRP", "het klanttevredenheidsonderzoek", "het afsprakensysteem"),
        ("de RvIG", "het team handhaving"),
        (
            "Na de piek in aanvragen van reisdocumenten liepen de wachttijden tijdelijk op, vooral "
            "in de maanden voor de zomervakantie.",
            "Adresfraude komt vaker voor bij panden met veel wisselende bewoners.",
        ),
    ),
    _v(
        "1.1",
        ("brandveiligheid", "crisisbeheersing", "brandpreventie in woningen"),
        (
            ("het aandeel woningen met een werkende rookmelder", "pct", 72, 96, 1),
            ("het aantal woningbranden", "int", 45, 130, -1),
            ("de gemiddelde opkomsttijd van de brandweer", "min", 6, 11, -1),
            ("het aantal uitrukken van de brandweer", "int", 900, 2100, 0),
        ),
        ("ouderen die zelfstandig wonen", "bewoners van hoogbouw", "bedrijven met brandrisico's"),
        (
            "de campagne Rookmelders Redden Levens",
            "het programma Brandveilig Leven",
            "de oefencyclus voor de crisisorganisatie",
        ),
        (
            "de registratie van de veiligheidsregio",
            "de brandweerstatistiek van het CBS",
            "de woningbezoeken van de brandweer",
        ),
        ("de veiligheidsregio", "de woningcorporaties"),
        (
            "De meeste woningbranden ontstaan in de keuken, vaak tijdens het koken.",
            "Bij ouderen die alleen wonen loopt een brand vaker slecht af, omdat zij minder snel "
            "kunnen vluchten.",
        ),
    ),
    _v(
        "1.2",
        ("veiligheid in de wijk", "overlast van jongeren", "het veiligheidsgevoel"),
        (
            (
                "het aandeel inwoners dat zich weleens onveilig voelt in de eigen buurt",
                "pct",
                14,
                31,
                -1,
            ),
            ("het aantal geregistreerde misdrijven per 1.000 inwoners", "dec", 38, 72, -1),
            ("het aantal meldingen van jeugdoverlast", "int", 280, 950, -1),
            ("het aantal woninginbraken", "int", 120, 520, -1),
        ),
        (
            "jongeren in de openbare ruimte",
            "ondernemers in het centrum",
            "bewoners van de binnenstad",
        ),
        (
            "de inzet van jongerenwerkers op straat",
            "het cameratoezicht in het uitgaansgebied",
            "het buurtpreventieproject",
        ),
        ("de politieregistratie", "de veiligheidsmonitor", "de meldingen openbare ruimte"),
        ("de politie", "het jongerenwerk"),
        (
            "De meeste meldingen van overlast komen binnen op vrijdag- en zaterdagavond.",
            "Het veiligheidsgevoel hangt sterker samen met verloedering van de buurt dan met de "
            "geregistreerde criminaliteit.",
        ),
    ),
    _v(
        "2.1",
        ("verkeersveiligheid", "de doorstroming op de hoofdwegen", "veilige schoolroutes"),
        (
            ("het aandeel inwoners dat tevreden is over de verkeersveiligheid", "pct", 48, 74, 1),
            ("het aantal verkeersongevallen met letsel", "int", 70, 210, -1),
            ("het aantal verkeersslachtoffers onder fietsers", "int", 20, 85, -1),
            ("de gemiddelde reistijd op de ring in de avondspits", "min", 9, 22, -1),
        ),
        ("fietsers", "schoolgaande kinderen", "oudere verkeersdeelnemers"),
        (
            "de herinrichting van de Stationsweg",
            "het programma Veilig naar School",
            "de invoering van 30 kilometer per uur in de kern",
        ),
        ("de ongevallenregistratie", "de verkeerstellingen", "de veiligheidsmonitor"),
        ("de provincie", "de scholen"),
        (
            "Bijna de helft van de ongevallen met letsel gebeurt op kruispunten van de hoofdwegen.",
            "Het aantal ongevallen met e-bikes onder oudere fietsers neemt toe.",
        ),
    ),
    _v(
        "2.2",
        ("parkeerdruk in woonwijken", "parkeerbeleid", "parkeren in de binnenstad"),
        (
            ("de parkeerdruk in de avond", "pct", 68, 104, -1),
            ("het aantal uitgegeven parkeervergunningen", "int", 3200, 7600, 0),
            ("de bezettingsgraad van de parkeergarages", "pct", 45, 88, 0),
            ("de opbrengst van de parkeerbelasting", "mln", 2.1, 6.4, 0),
        ),
        ("bewoners met een parkeervergunning", "bezoekers van de binnenstad", "ondernemers"),
        (
            "het nieuwe vergunningenstelsel",
            "de parkeerverwijzing in de binnenstad",
            "de uitbreiding van betaald parkeren",
        ),
        (
            "de parkeertellingen",
            "de vergunningenadministratie",
            "de transactiegegevens van parkeerautomaten",
        ),
        ("de ondernemersvereniging", "de bewonerscommissies"),
        (
            "Na de invoering van betaald parkeren daalde de parkeerdruk in de straten rond het "
            "centrum, maar steeg deze in aangrenzende buurten.",
            "In de avonduren is de parkeerdruk in de oudere wijken het hoogst.",
        ),
    ),
    _v(
        "2.5",
        (
            "de bereikbaarheid met het openbaar vervoer",
            "busvervoer in de wijken",
            "toegankelijke bushaltes",
        ),
        (
            ("het aandeel inwoners binnen 400 meter van een bushalte", "pct", 78, 96, 1),
            ("het aantal instappers per werkdag", "int", 9000, 24000, 1),
            ("het aandeel toegankelijke bushaltes", "pct", 40, 95, 1),
            ("het rapportcijfer voor het openbaar vervoer", "dec", 6.3, 7.6, 1),
        ),
        ("reizigers zonder auto", "ouderen en mensen met een beperking", "scholieren"),
        (
            "de buurtbus in de buitenwijken",
            "het programma Toegankelijke Haltes",
            "de nieuwe dienstregeling",
        ),
        ("de reizigerstellingen van de vervoerder", "de OV-klantenbarometer", "de haltedatabase"),
        ("de vervoerder", "de vervoerregio"),
        (
            "In de buitenwijken reizen vooral scholieren en ouderen met de bus.",
            "Na het schrappen van de avondbus nam het gebruik van de regiotaxi toe.",
        ),
    ),
    _v(
        "3.1",
        ("het vestigingsklimaat", "de winkelgebieden", "ondernemerschap"),
        (
            ("het aandeel leegstaande winkelpanden", "pct", 5, 16, -1),
            ("het aantal vestigingen", "int", 6800, 11500, 1),
            ("het aantal startende ondernemers", "int", 480, 1250, 1),
            ("het rapportcijfer van ondernemers voor het vestigingsklimaat", "dec", 6.2, 7.4, 1),
        ),
        ("winkeliers", "startende ondernemers", "zzp'ers"),
        (
            "het winkelstraatmanagement",
            "het programma Ondernemend Lindewaard",
            "de aanpak van leegstand in de binnenstad",
        ),
        ("het Handelsregister van de KvK", "de ondernemerspeiling", "de passantentellingen"),
        ("de ondernemersvereniging", "de KvK"),
        (
            "De leegstand concentreert zich in de aanloopstraten, niet in het kernwinkelgebied.",
            "Starters noemen de vindbaarheid van informatie over vergunningen als grootste "
            "knelpunt.",
        ),
    ),
    _v(
        "3.2",
        (
            "bedrijventerreinen",
            "de uitgifte van bedrijfskavels",
            "revitalisering van bedrijventerreinen",
        ),
        (
            ("het aandeel leegstaande bedrijfsruimte", "pct", 3, 12, -1),
            ("de uitgegeven bedrijfsgrond", "ha", 2, 14, 0),
            ("het aantal banen op bedrijventerreinen", "int", 9000, 18000, 1),
            ("de gemiddelde grondprijs per vierkante meter", "eur", 140, 290, 0),
        ),
        ("gevestigde bedrijven", "logistieke bedrijven", "maakbedrijven"),
        (
            "de revitalisering van bedrijventerrein De Hoek",
            "het parkmanagement op de Zuiderhaven",
            "de nieuwe grondprijzenbrief",
        ),
        (
            "de registratie van bedrijventerreinen",
            "het Handelsregister van de KvK",
            "de grondexploitaties",
        ),
        ("de parkmanagementorganisatie", "de provincie"),
        (
            "De vraag naar kleine bedrijfsunits voor ambachtelijke bedrijven is groter dan het "
            "aanbod.",
            "Verouderde bedrijventerreinen verliezen vooral bedrijven aan nieuwe locaties langs de "
            "snelweg.",
        ),
    ),
    _v(
        "3.3",
        ("regeldruk voor ondernemers", "het ondernemersloket", "vergunningverlening aan bedrijven"),
        (
            (
                "het aandeel vergunningen dat binnen de wettelijke termijn is verleend",
                "pct",
                78,
                97,
                1,
            ),
            ("de gemiddelde doorlooptijd van een bedrijfsvergunning", "dag", 14, 56, -1),
            ("het aantal vragen aan het ondernemersloket", "int", 2400, 6100, 0),
            ("het rapportcijfer voor de dienstverlening aan ondernemers", "dec", 6.1, 7.5, 1),
        ),
        ("horecaondernemers", "startende ondernemers", "organisatoren van evenementen"),
        (
            "het digitale ondernemersloket",
            "de inzet van accountmanagers voor ondernemers",
            "de vereenvoudiging van de evenementenvergunning",
        ),
        ("het zaaksysteem", "de ondernemerspeiling", "de klantcontactregistratie"),
        ("de ondernemersvereniging", "de horecavereniging"),
        (
            "Ondernemers ervaren vooral de stapeling van verschillende vergunningen als belastend.",
            "Een vast aanspreekpunt verkort de doorlooptijd van aanvragen merkbaar.",
        ),
    ),
    _v(
        "3.4",
        ("toerisme", "citymarketing", "evenementen in de stad"),
        (
            ("het aandeel bewoners dat overlast ervaart van evenementen", "pct", 8, 24, -1),
            ("het aantal toeristische overnachtingen", "int", 180000, 420000, 1),
            ("het aantal bezoekers van grote evenementen", "int", 60000, 240000, 1),
            ("de opbrengst van de toeristenbelasting", "mln", 0.8, 2.9, 0),
        ),
        ("dagjesmensen", "zakelijke bezoekers", "bewoners van de binnenstad"),
        ("de campagne Ontdek Lindewaard", "het evenementenfonds", "het nieuwe bezoekerscentrum"),
        (
            "de aangiften toeristenbelasting",
            "het bezoekersonderzoek",
            "de tellingen van organisatoren",
        ),
        ("de stichting citymarketing", "de horecavereniging"),
        (
            "Bezoekers komen vooral voor het historische centrum en de waterkant.",
            "Grote evenementen leveren bewoners van de binnenstad ook overlast op, vooral door "
            "geluid en parkeren.",
        ),
    ),
    _v(
        "4.1",
        (
            "onderwijsachterstanden",
            "voor- en vroegschoolse educatie",
            "het openbaar basisonderwijs",
        ),
        (
            ("het aandeel leerlingen met een verwachte onderwijsachterstand", "pct", 9, 24, -1),
            ("het bereik van voorschoolse educatie onder doelgroeppeuters", "pct", 68, 94, 1),
            ("het aandeel leerlingen dat het referentieniveau voor taal haalt", "pct", 52, 78, 1),
            ("het aantal leerlingen in het openbaar basisonderwijs", "int", 4200, 6900, 0),
        ),
        ("doelgroeppeuters", "leerlingen met een taalachterstand", "kinderen van nieuwkomers"),
        (
            "de zomerschool",
            "de verlengde schooldag",
            "de extra taalondersteuning in groep 1 en 2",
        ),
        (
            "DUO",
            "de monitor voor- en vroegschoolse educatie",
            "de leerlingadministratie van de schoolbesturen",
        ),
        ("de schoolbesturen", "de kinderopvang"),
        (
            "Peuters die voorschoolse educatie volgen, beginnen in groep 1 met een kleinere "
            "taalachterstand.",
            "De achterstanden zijn het grootst op scholen in wijken met veel huishoudens met een "
            "laag inkomen.",
        ),
    ),
    _v(
        "4.2",
        ("onderwijshuisvesting", "het integraal huisvestingsplan onderwijs", "frisse scholen"),
        (
            ("het aandeel lokalen dat voldoet aan de norm voor binnenklimaat", "pct", 35, 80, 1),
            ("het aantal schoolgebouwen ouder dan veertig jaar", "int", 12, 31, -1),
            ("de investering in schoolgebouwen", "mln", 4, 26, 0),
            ("de leegstand in schoolgebouwen", "pct", 4, 15, -1),
        ),
        ("basisscholen", "scholen voor voortgezet onderwijs", "schoolbesturen"),
        (
            "de nieuwbouw van Kindcentrum Oostereiland",
            "de renovatie van het Lindecollege",
            "het programma Frisse Scholen",
        ),
        ("de gebouwenschouw", "de leerlingenprognoses", "DUO"),
        ("de schoolbesturen", "de kinderopvangorganisaties"),
        (
            "In veel oudere schoolgebouwen is het CO2-gehalte in de lokalen te hoog.",
            "De leerlingenprognose laat in de nieuwbouwwijken een groei zien en in de oudere "
            "wijken een daling.",
        ),
    ),
    _v(
        "4.3",
        ("leerplicht", "leerlingenvervoer", "schoolverzuim"),
        (
            ("het aandeel verzuimmeldingen dat binnen vier weken is opgepakt", "pct", 70, 97, 1),
            ("het aantal meldingen van ongeoorloofd verzuim", "int", 380, 1150, -1),
            ("het aantal leerlingen dat gebruikmaakt van leerlingenvervoer", "int", 260, 640, 0),
            ("de kosten van het leerlingenvervoer", "mln", 1.4, 3.8, -1),
        ),
        ("leerplichtige jongeren", "leerlingen in het speciaal onderwijs", "ouders"),
        (
            "de aanpak van luxeverzuim",
            "het nieuwe contract voor leerlingenvervoer",
            "de verzuimspreekuren op scholen",
        ),
        ("het leerplichtregister", "DUO", "de vervoersadministratie"),
        ("de scholen", "het samenwerkingsverband passend onderwijs"),
        (
            "Verzuim in het eerste jaar van het voortgezet onderwijs is een belangrijke "
            "voorspeller van latere uitval.",
            "De kosten van het leerlingenvervoer stijgen doordat meer leerlingen naar een school "
            "buiten de gemeente reizen.",
        ),
    ),
    _v(
        "5.1",
        ("sportdeelname", "bewegen in de wijk", "sport voor kinderen uit gezinnen met weinig geld"),
        (
            ("het aandeel inwoners dat wekelijks sport", "pct", 45, 64, 1),
            ("het aandeel jongeren dat lid is van een sportvereniging", "pct", 48, 72, 1),
            ("het aantal deelnemers aan buurtsportactiviteiten", "int", 2100, 6800, 1),
            ("het aandeel volwassenen dat voldoet aan de beweegrichtlijn", "pct", 42, 58, 1),
        ),
        ("kinderen uit gezinnen met een laag inkomen", "ouderen", "mensen met een beperking"),
        (
            "de inzet van buurtsportcoaches",
            "het sportfonds voor kinderen",
            "de beweegroute voor ouderen",
        ),
        ("de GGD-gezondheidsmonitor", "de ledentallen van sportverenigingen", "de sportmonitor"),
        ("de sportverenigingen", "de scholen"),
        (
            "Kinderen uit gezinnen met een laag inkomen zijn minder vaak lid van een "
            "sportvereniging.",
            "Ouderen bewegen vaker als er een activiteit dicht bij huis wordt aangeboden.",
        ),
    ),
    _v(
        "5.2",
        ("sportaccommodaties", "de zwembaden", "verduurzaming van sportparken"),
        (
            ("de bezettingsgraad van de sporthallen", "pct", 58, 91, 1),
            ("het aantal bezoekers van de zwembaden", "int", 140000, 310000, 1),
            ("de exploitatiekosten van de sportaccommodaties", "mln", 2.2, 5.6, -1),
            ("het aantal kunstgrasvelden", "int", 8, 24, 0),
        ),
        ("sportverenigingen", "zwemmers", "scholen"),
        (
            "de bouw van sporthal Rietvelden",
            "het verduurzamingsprogramma voor sportparken",
            "de renovatie van zwembad De Vaart",
        ),
        (
            "het boekingssysteem",
            "de bezoekersregistratie van de zwembaden",
            "de onderhoudsplanning",
        ),
        ("de sportverenigingen", "het sportbedrijf"),
        (
            "In de avonduren zijn de sporthallen vrijwel volledig bezet, overdag staat een groot "
            "deel leeg.",
            "Zonnepanelen en ledverlichting hebben het energieverbruik van de sportparken sterk "
            "verlaagd.",
        ),
    ),
    _v(
        "5.3",
        ("cultuurparticipatie", "cultuureducatie", "het culturele aanbod"),
        (
            ("het aandeel inwoners dat jaarlijks een voorstelling bezoekt", "pct", 38, 66, 1),
            ("het aantal leerlingen dat cultuuronderwijs volgt", "int", 5000, 11000, 1),
            ("het aantal bezoekers van de podia", "int", 90000, 210000, 1),
            ("de subsidie aan culturele instellingen", "mln", 3.1, 7.8, 0),
        ),
        ("jongeren", "inwoners met een laag inkomen", "amateurkunstenaars"),
        ("het programma Cultuur in de Klas", "de cultuurpas voor minima", "het wijkcultuurfonds"),
        ("de bezoekersregistratie van de podia", "de burgerpeiling", "de subsidieadministratie"),
        ("de culturele instellingen", "de scholen"),
        (
            "Deelname aan cultuur hangt sterk samen met opleidingsniveau en inkomen.",
            "Activiteiten in de wijk bereiken vaker inwoners die niet naar het theater in het "
            "centrum gaan.",
        ),
    ),
    _v(
        "5.4",
        ("de gemeentelijke musea", "museumbezoek", "museumeducatie"),
        (
            ("het aandeel inwoners dat jaarlijks een museum bezoekt", "pct", 22, 41, 1),
            ("het aantal museumbezoekers", "int", 40000, 125000, 1),
            ("het aantal schoolklassen dat een museum bezoekt", "int", 150, 520, 1),
            ("het aandeel eigen inkomsten van de musea", "pct", 18, 41, 1),
        ),
        ("schoolklassen", "toeristen", "gezinnen met kinderen"),
        (
            "de nieuwe vaste opstelling van het Stadsmuseum",
            "het educatieprogramma Museum op School",
            "de museumnacht",
        ),
        ("de kassaregistraties", "het bezoekersonderzoek", "de jaarrekeningen van de musea"),
        ("het Stadsmuseum", "de scholen"),
        (
            "Tijdelijke tentoonstellingen trekken meer nieuwe bezoekers dan de vaste collectie.",
            "De meeste schoolklassen die een museum bezoeken, komen uit groep 7 en 8.",
        ),
    ),
    _v(
        "5.5",
        ("monumentenzorg", "archeologie", "beschermde stadsgezichten"),
        (
            ("het aandeel monumenten in goede staat", "pct", 62, 88, 1),
            ("het aantal gemeentelijke monumenten", "int", 180, 420, 0),
            ("het aantal omgevingsvergunningen voor monumenten", "int", 40, 140, 0),
            ("het budget voor monumentensubsidie", "eur", 120000, 480000, 0),
        ),
        ("monumenteneigenaren", "erfgoedverenigingen", "bewoners van de historische binnenstad"),
        ("de monumentensubsidieregeling", "het archeologisch depot", "de erfgoedvisie"),
        (
            "het monumentenregister",
            "de archeologische beleidskaart",
            "de inspecties van de monumentenwacht",
        ),
        ("de erfgoedvereniging", "de provincie"),
        (
            "Veel eigenaren van monumenten stellen onderhoud uit omdat zij de kosten niet kunnen "
            "dragen.",
            "Verduurzaming van monumenten vraagt om maatwerk dat de monumentale waarde ontziet.",
        ),
    ),
    _v(
        "5.7",
        ("openbaar groen", "bomen in de stad", "recreatie in het groen"),
        (
            ("het aandeel inwoners dat tevreden is over het groen in de buurt", "pct", 58, 82, 1),
            ("het aantal bomen in beheer van de gemeente", "int", 28000, 46000, 1),
            ("het oppervlak openbaar groen per woning", "m2", 38, 75, 1),
            ("het aantal gekapte bomen", "int", 300, 1200, -1),
        ),
        ("omwonenden", "gezinnen met jonge kinderen", "hondenbezitters"),
        ("het bomenplan", "de vergroening van schoolpleinen", "het beheerplan voor het Zuiderpark"),
        ("het boombeheersysteem", "de burgerpeiling", "de groenkaart"),
        ("de bewonersgroepen", "de natuurvereniging"),
        (
            "In versteende wijken is de behoefte aan groen dicht bij huis het grootst.",
            "Zieke essen maken een groot deel uit van de bomen die de afgelopen jaren zijn gekapt.",
        ),
    ),
    _v(
        "6.1",
        ("vrijwilligerswerk", "mantelzorg", "bewonersinitiatieven"),
        (
            ("het aandeel inwoners dat vrijwilligerswerk doet", "pct", 22, 38, 1),
            ("het aantal geregistreerde mantelzorgers", "int", 2400, 6200, 0),
            ("het aandeel mantelzorgers dat zich zwaar belast voelt", "pct", 9, 22, -1),
            ("het aantal gehonoreerde bewonersinitiatieven", "int", 40, 160, 1),
        ),
        ("mantelzorgers", "vrijwilligers", "jonge mantelzorgers"),
        (
            "het mantelzorgcompliment",
            "de vrijwilligerscentrale",
            "het fonds voor bewonersinitiatieven",
        ),
        (
            "de GGD-gezondheidsmonitor",
            "de registratie van het steunpunt mantelzorg",
            "de burgerpeiling",
        ),
        ("het steunpunt mantelzorg", "de welzijnsorganisatie"),
        (
            "Jonge mantelzorgers zijn vaak niet in beeld, omdat zij zichzelf niet als mantelzorger "
            "zien.",
            "Vrijwilligersorganisaties hebben moeite om nieuwe vrijwilligers aan zich te binden.",
        ),
    ),
    _v(
        "6.2",
        ("de sociale wijkteams", "toegang tot ondersteuning", "cliëntervaringen met de toegang"),
        (
            ("het aandeel cliënten dat tevreden is over het wijkteam", "pct", 68, 86, 1),
            ("het aantal nieuwe hulpvragen bij de wijkteams", "int", 3800, 9200, 0),
            ("de gemiddelde doorlooptijd van melding tot eerste gesprek", "dag", 5, 21, -1),
            ("het aandeel hulpvragen dat binnen het wijkteam is afgehandeld", "pct", 45, 72, 1),
        ),
        ("inwoners met een hulpvraag", "gezinnen met meervoudige problemen", "ouderen"),
        (
            "de praktijkondersteuner jeugd bij de huisarts",
            "de vernieuwde werkwijze van de wijkteams",
            "het inlooppunt in de bibliotheek",
        ),
        ("de registratie van de wijkteams", "het cliëntervaringsonderzoek", "de Wmo-registratie"),
        ("de huisartsen", "de welzijnsorganisatie"),
        (
            "Inwoners weten het wijkteam vaak pas te vinden als hun problemen al groot zijn.",
            "Huisartsen verwijzen vaker naar het wijkteam sinds er een vaste contactpersoon is.",
        ),
    ),
    _v(
        "6.3",
        ("bijstand", "bijzondere bijstand", "inkomensondersteuning"),
        (
            ("het niet-gebruik van de individuele inkomenstoeslag", "pct", 25, 48, -1),
            ("het aantal huishoudens met een bijstandsuitkering", "int", 2400, 4300, -1),
            ("het aantal toekenningen van bijzondere bijstand", "int", 1800, 5200, 0),
            ("de gemiddelde afhandeltermijn van een aanvraag", "dag", 12, 38, -1),
        ),
        ("bijstandsgerechtigden", "alleenstaande ouders", "ouderen met een onvolledige AOW"),
        (
            "de vereenvoudigde aanvraag voor bijzondere bijstand",
            "de individuele inkomenstoeslag",
            "de pilot Vertrouwen in de Bijstand",
        ),
        (
            "de uitkeringsadministratie",
            "de bijstandsstatistiek van het CBS",
            "het klanttevredenheidsonderzoek",
        ),
        ("de cliëntenraad", "het UWV"),
        (
            "Het niet-gebruik van regelingen is het hoogst bij huishoudens die net boven de "
            "bijstandsgrens zitten.",
            "Een groot deel van de bijstandsgerechtigden ontvangt al langer dan vijf jaar een "
            "uitkering.",
        ),
    ),
    _v(
        "6.4",
        ("beschut werk", "de sociale werkvoorziening", "begeleid werken"),
        (
            ("het aandeel inwoners met een arbeidsbeperking dat werkt", "pct", 28, 47, 1),
            ("het aantal beschutwerkplekken", "int", 40, 160, 1),
            ("het aantal medewerkers in de sociale werkvoorziening", "int", 380, 820, 0),
            ("de uitgaven aan loonkostensubsidie", "mln", 1.2, 4.6, 0),
        ),
        (
            "mensen met een arbeidsbeperking",
            "medewerkers van het werkbedrijf",
            "jongeren uit het praktijkonderwijs",
        ),
        (
            "de inzet van jobcoaches",
            "het programma Beschut Werk op Maat",
            "de samenwerking met sociale ondernemingen",
        ),
        (
            "de registratie van het werkbedrijf",
            "het doelgroepregister",
            "de loonkostensubsidieadministratie",
        ),
        ("het werkbedrijf", "werkgevers in de regio"),
        (
            "Jongeren uit het praktijkonderwijs vinden vaker duurzaam werk als de begeleiding al "
            "op school begint.",
            "Werkgevers noemen de administratieve lasten van loonkostensubsidie als belangrijkste "
            "drempel.",
        ),
    ),
    _v(
        "6.5",
        (
            "re-integratie",
            "uitstroom naar werk",
            "werkzoekenden met een afstand tot de arbeidsmarkt",
        ),
        (
            ("het aandeel uitgestroomden dat na een jaar nog werkt", "pct", 52, 74, 1),
            ("het aantal uitkeringsgerechtigden dat uitstroomt naar werk", "int", 280, 720, 1),
            ("het aantal re-integratietrajecten", "int", 600, 1500, 0),
            ("de netto arbeidsparticipatie", "pct", 63, 72, 1),
        ),
        ("langdurig werkzoekenden", "statushouders", "werkzoekenden boven de 55 jaar"),
        ("het werkgeversservicepunt", "de aanpak Werk Eerst", "de leerwerktrajecten in de zorg"),
        (
            "de uitkeringsadministratie",
            "de arbeidsmarktstatistiek van het CBS",
            "de gegevens van het UWV",
        ),
        ("het UWV", "werkgevers in de regio"),
        (
            "Werkzoekenden die een leerwerktraject volgen, blijven vaker aan het werk dan wie "
            "direct wordt geplaatst.",
            "De krappe arbeidsmarkt biedt kansen voor mensen die lang aan de kant stonden.",
        ),
    ),
    _v(
        "6.6",
        ("Wmo-voorzieningen", "woningaanpassingen", "hulpmiddelen en vervoersvoorzieningen"),
        (
            ("het aandeel cliënten dat tevreden is over de voorziening", "pct", 78, 92, 1),
            ("het aantal inwoners met een Wmo-maatwerkvoorziening", "int", 3500, 7800, 0),
            ("het aantal verstrekte scootmobielen", "int", 300, 900, 0),
            ("de uitgaven aan woningaanpassingen", "mln", 0.8, 2.9, 0),
            ("het aantal ritten met het Wmo-vervoer", "int", 80000, 190000, 0),
        ),
        ("ouderen", "inwoners met een lichamelijke beperking", "mantelzorgers"),
        (
            "het abonnementstarief",
            "het hergebruik van hulpmiddelen",
            "de nieuwe aanbesteding van het Wmo-vervoer",
        ),
        ("de Wmo-registratie", "het cliëntervaringsonderzoek", "de facturen van zorgaanbieders"),
        ("de zorgaanbieders", "de Wmo-raad"),
        (
            "Sinds de invoering van het abonnementstarief is de vraag naar voorzieningen vooral "
            "onder ouderen met een middeninkomen gestegen.",
            "Hergebruik van hulpmiddelen levert een besparing op zonder dat de kwaliteit "
            "achteruitgaat.",
        ),
    ),
    _v(
        "6.71",
        ("huishoudelijke ondersteuning", "dagbesteding", "begeleiding van volwassenen"),
        (
            (
                "het aandeel cliënten dat zegt beter zelfstandig te kunnen leven",
                "pct",
                68,
                86,
                1,
            ),
            ("het aantal cliënten met huishoudelijke hulp", "int", 1800, 4200, 0),
            ("het aantal cliënten met begeleiding", "int", 900, 2300, 0),
            ("de uitgaven aan maatwerkdienstverlening 18+", "mln", 14, 32, -1),
        ),
        (
            "ouderen die thuis wonen",
            "volwassenen met een psychische kwetsbaarheid",
            "mensen met dementie",
        ),
        (
            "de algemene voorziening voor huishoudelijke hulp",
            "de dagbesteding in de wijk",
            "de resultaatgerichte bekostiging",
        ),
        ("de Wmo-registratie", "het cliëntervaringsonderzoek", "de declaraties van zorgaanbieders"),
        ("de zorgaanbieders", "de Wmo-raad"),
        (
            "De vergrijzing leidt tot een sterke groei van de vraag naar huishoudelijke "
            "ondersteuning.",
            "Dagbesteding in de eigen wijk verlaagt de vervoerskosten en wordt door deelnemers "
            "gewaardeerd.",
        ),
    ),
    _v(
        "6.72",
        ("jeugdhulp", "ambulante jeugdhulp", "jeugdhulp met verblijf"),
        (
            ("het aandeel jongeren met jeugdhulp", "pct", 9, 14, -1),
            ("het aantal jeugdhulptrajecten", "int", 2600, 5400, 0),
            ("de gemiddelde duur van een jeugdhulptraject", "mnd", 8, 19, -1),
            ("het aandeel trajecten dat volgens plan is afgesloten", "pct", 58, 81, 1),
        ),
        (
            "kinderen en gezinnen",
            "jongeren met psychische klachten",
            "gezinnen met een laag inkomen",
        ),
        (
            "de praktijkondersteuner jeugd bij de huisarts",
            "het programma Thuis Best",
            "de nieuwe inkoop van jeugdhulp",
        ),
        (
            "de beleidsinformatie jeugd van het CBS",
            "de declaraties van jeugdhulpaanbieders",
            "de registratie van de wijkteams",
        ),
        ("de jeugdhulpaanbieders", "de huisartsen"),
        (
            "Een klein deel van de jongeren met jeugdhulp is goed voor het grootste deel van de "
            "kosten.",
            "Trajecten die via de huisarts starten, duren gemiddeld langer dan trajecten die via "
            "het wijkteam starten.",
        ),
    ),
    _v(
        "6.81",
        ("dakloosheid", "beschermd wonen", "maatschappelijke opvang"),
        (
            ("het aandeel cliënten dat uitstroomt naar een zelfstandige woning", "pct", 22, 51, 1),
            ("het aantal dak- en thuislozen", "int", 120, 420, -1),
            ("het aantal plaatsen in de nachtopvang", "int", 40, 110, 0),
            ("het aantal cliënten beschermd wonen", "int", 180, 460, 0),
        ),
        (
            "dakloze jongeren",
            "cliënten van de maatschappelijke opvang",
            "mensen met psychiatrische problemen",
        ),
        (
            "de aanpak Housing First",
            "de uitstroomafspraken met woningcorporaties",
            "de prikkelarme woonunits aan de Polderweg",
        ),
        (
            "de registratie van de centrale toegang",
            "de daklozentelling",
            "de gegevens van de opvanginstellingen",
        ),
        ("de woningcorporaties", "de opvanginstellingen"),
        (
            "Het grootste knelpunt voor uitstroom uit de opvang is het gebrek aan betaalbare "
            "woningen.",
            "Onder dakloze jongeren zijn relatief veel jongeren die uit de jeugdzorg komen.",
        ),
    ),
    _v(
        "6.82",
        ("jeugdbescherming", "jeugdreclassering", "veiligheid van kinderen in gezinnen"),
        (
            ("het aandeel gezinnen waar de onveiligheid na een jaar is gestopt", "pct", 48, 74, 1),
            ("het aantal kinderen met een ondertoezichtstelling", "int", 90, 260, -1),
            ("het aantal jeugdreclasseringsmaatregelen", "int", 40, 140, -1),
            ("de gemiddelde wachttijd voor een jeugdbeschermer", "wk", 2, 12, -1),
        ),
        (
            "kinderen in onveilige thuissituaties",
            "gezinnen met een kinderbeschermingsmaatregel",
            "jongeren met een strafzaak",
        ),
        (
            "de aanpak Samen Veilig",
            "de inzet van gezinscoaches",
            "het convenant met de gecertificeerde instellingen",
        ),
        (
            "de registratie van Veilig Thuis",
            "de beleidsinformatie jeugd van het CBS",
            "de gegevens van de gecertificeerde instellingen",
        ),
        ("Veilig Thuis", "de gecertificeerde instellingen"),
        (
            "In veel gezinnen met een kinderbeschermingsmaatregel spelen ook schulden en "
            "huisvestingsproblemen.",
            "Door personeelstekorten bij de gecertificeerde instellingen lopen de wachttijden op.",
        ),
    ),
    _v(
        "7.1",
        ("de gezondheid van inwoners", "overgewicht bij kinderen", "alcoholgebruik onder jongeren"),
        (
            ("het aandeel kinderen met overgewicht", "pct", 10, 19, -1),
            ("het aandeel volwassenen met overgewicht", "pct", 44, 56, -1),
            ("het aandeel scholieren dat weleens alcohol drinkt", "pct", 28, 52, -1),
            ("het aandeel inwoners dat de eigen gezondheid als goed ervaart", "pct", 72, 83, 1),
        ),
        ("scholieren", "volwassenen met een lage opleiding", "ouderen"),
        ("de aanpak Gezond Opgroeien", "de gezonde schoolkantine", "de campagne Helder Nee"),
        (
            "de GGD-gezondheidsmonitor",
            "de registratie van de jeugdgezondheidszorg",
            "de leefstijlmonitor",
        ),
        ("de GGD", "de scholen"),
        (
            "Overgewicht bij kinderen komt vaker voor in wijken met weinig speelruimte.",
            "Het alcoholgebruik onder scholieren is de afgelopen tien jaar sterk gedaald.",
        ),
    ),
    _v(
        "7.2",
        ("riolering", "de afvoer van regenwater", "het rioolbeheer"),
        (
            ("het aandeel verhard oppervlak dat is afgekoppeld", "pct", 12, 38, 1),
            ("de lengte van het vervangen riool", "km", 3, 12, 0),
            ("het aantal meldingen van wateroverlast", "int", 60, 420, -1),
            ("de rioolheffing per huishouden", "eur", 190, 310, 0),
        ),
        ("huiseigenaren", "bewoners van laaggelegen straten", "bedrijven"),
        ("het programma Afkoppelen", "de relining van het hoofdriool", "de regentonactie"),
        ("het rioolbeheersysteem", "de meldingen openbare ruimte", "de camera-inspecties"),
        ("het waterschap", "de woningcorporaties"),
        (
            "Het grootste deel van het riool in de vooroorlogse wijken moet binnen tien jaar "
            "worden vervangen.",
            "Wateroverlast na hevige buien concentreert zich in een beperkt aantal straten.",
        ),
    ),
    _v(
        "7.3",
        ("afvalscheiding", "restafval", "de afvalinzameling"),
        (
            ("het scheidingspercentage van huishoudelijk afval", "pct", 48, 72, 1),
            ("de hoeveelheid restafval per inwoner", "kg", 140, 260, -1),
            ("het aantal meldingen van bijplaatsingen", "int", 1500, 5200, -1),
            ("de afvalstoffenheffing per huishouden", "eur", 240, 390, 0),
        ),
        ("bewoners van hoogbouw", "huishoudens met kinderen", "ondernemers"),
        ("het omgekeerd inzamelen", "de invoering van diftar", "de gft-inzameling bij hoogbouw"),
        ("de weegbonnen van de inzamelaar", "de meldingen openbare ruimte", "de sorteeranalyses"),
        ("de afvalinzamelaar", "de woningcorporaties"),
        (
            "Bewoners van hoogbouw scheiden hun afval minder vaak, vooral omdat de containers ver "
            "weg staan.",
            "In het restafval zit nog steeds veel groente-, fruit- en tuinafval.",
        ),
    ),
    _v(
        "7.4",
        ("luchtkwaliteit", "geluidhinder", "bodemkwaliteit"),
        (
            ("het aandeel inwoners dat geluidhinder ervaart", "pct", 18, 34, -1),
            ("de gemiddelde concentratie stikstofdioxide", "ugm3", 17, 34, -1),
            ("het aantal woningen met een geluidbelasting boven 60 decibel", "int", 1200, 4800, -1),
            ("het aantal milieuklachten", "int", 300, 900, -1),
        ),
        ("omwonenden van de ring", "bedrijven met milieurisico's", "bewoners van de binnenstad"),
        (
            "de milieuzone voor vrachtverkeer",
            "het actieplan geluid",
            "de bodemsanering aan de Havenweg",
        ),
        ("de meetstations van de omgevingsdienst", "de geluidkaart", "het bodeminformatiesysteem"),
        ("de omgevingsdienst", "de provincie"),
        (
            "De luchtkwaliteit langs de ring voldoet aan de wettelijke norm, maar niet aan de "
            "advieswaarde van de WHO.",
            "De meeste geluidklachten gaan over horeca en evenementen, niet over verkeer.",
        ),
    ),
    _v(
        "8.1",
        ("de omgevingsvisie", "het omgevingsplan", "ruimtelijke initiatieven"),
        (
            ("het aandeel vergunningen dat binnen acht weken is verleend", "pct", 71, 95, 1),
            ("het aantal aanvragen voor een omgevingsvergunning", "int", 900, 2100, 0),
            ("het aantal ingediende principeverzoeken", "int", 60, 190, 0),
            ("het aantal bezwaarschriften tegen ruimtelijke besluiten", "int", 30, 140, -1),
        ),
        ("initiatiefnemers", "omwonenden", "projectontwikkelaars"),
        (
            "de omgevingstafel",
            "het participatiebeleid voor ruimtelijke projecten",
            "het gebiedsprogramma Havenkwartier",
        ),
        ("het omgevingsloket", "het zaaksysteem", "de ruimtelijke plannenkaart"),
        ("de provincie", "het waterschap"),
        (
            "Initiatieven waarbij omwonenden vroeg zijn betrokken, leiden tot minder "
            "bezwaarschriften.",
            "De meeste principeverzoeken gaan over woningbouw op inbreidingslocaties.",
        ),
    ),
    _v(
        "8.3",
        ("de woningmarkt", "betaalbaar wonen", "woonruimteverdeling"),
        (
            ("het aandeel sociale huurwoningen in de woningvoorraad", "pct", 28, 39, 0),
            ("de gemiddelde inschrijfduur voor een sociale huurwoning", "jr", 6, 13, -1),
            ("de gemiddelde WOZ-waarde van een woning", "eur", 185000, 410000, 0),
            ("het aantal urgentieaanvragen", "int", 250, 700, 0),
        ),
        (
            "starters op de woningmarkt",
            "woningzoekenden met een urgentie",
            "ouderen die kleiner willen wonen",
        ),
        (
            "de prestatieafspraken met de woningcorporaties",
            "de doorstroomregeling voor ouderen",
            "de opkoopbescherming",
        ),
        ("de woonruimteverdeling", "het woononderzoek", "de WOZ-registratie"),
        ("de woningcorporaties", "de huurdersverenigingen"),
        (
            "Starters wachten het langst op een sociale huurwoning, omdat zij weinig inschrijfduur "
            "hebben opgebouwd.",
            "Veel ouderen willen verhuizen naar een gelijkvloerse woning, maar vinden geen passend "
            "aanbod in hun eigen wijk.",
        ),
    ),
    _v(
        "vsv",
        (
            "vroegtijdig schoolverlaten",
            "voortijdig schoolverlaten",
            "schooluitval",
            "jongeren zonder startkwalificatie",
        ),
        (
            ("het percentage vroegtijdig schoolverlaters", "pct", 1.4, 3.9, -1),
            ("het aantal nieuwe voortijdig schoolverlaters", "int", 110, 380, -1),
            ("het aantal thuiszitters", "int", 20, 95, -1),
            ("het aandeel oud-vsv'ers dat terugkeert naar school of werk", "pct", 35, 62, 1),
        ),
        (
            "jongeren zonder startkwalificatie",
            "mbo-studenten op niveau 1 en 2",
            "jongeren tussen 18 en 23 jaar",
        ),
        (
            "de pilot Terug naar School",
            "het programma Startblok",
            "de inzet van trajectbegeleiders in het mbo",
            "de verzuimaanpak in het voortgezet onderwijs",
        ),
        ("de RMC-registratie", "DUO", "het leerplichtregister"),
        ("het RMC", "de mbo-instellingen"),
        (
            "De meeste voortijdig schoolverlaters vallen uit in het eerste jaar van het mbo.",
            "Jongeren die uitvallen, hebben vaak al eerder te maken gehad met langdurig verzuim.",
            "Een verkeerde studiekeuze is de meest genoemde reden om met een opleiding te stoppen.",
        ),
    ),
    _v(
        "laaggeletterdheid",
        ("laaggeletterdheid", "basisvaardigheden", "digitale vaardigheden"),
        (
            ("het geschatte aandeel laaggeletterde volwassenen", "pct", 10, 18, -1),
            ("het aantal deelnemers aan taalcursussen", "int", 250, 900, 1),
            ("het aantal taalvrijwilligers", "int", 60, 240, 1),
            ("het aandeel deelnemers dat een cursus afrondt", "pct", 55, 82, 1),
        ),
        (
            "laaggeletterde volwassenen",
            "werkzoekenden met weinig taalvaardigheid",
            "ouders van jonge kinderen",
        ),
        (
            "het Taalhuis in de bibliotheek",
            "de taalcoaches bij het werkplein",
            "het programma Samen Lezen",
        ),
        (
            "de registratie van het Taalhuis",
            "landelijke schattingen",
            "de deelnemersadministratie van de cursussen",
        ),
        ("de bibliotheek", "het werkplein"),
        (
            "Veel laaggeletterden zijn in Nederland geboren en schamen zich om hulp te vragen.",
            "Laaggeletterdheid wordt het vaakst gesignaleerd bij de schuldhulpverlening en op het "
            "werkplein.",
        ),
    ),
    _v(
        "armoede",
        ("armoede", "armoede en schulden", "kinderen in armoede", "het minimabeleid"),
        (
            (
                "het aandeel huishoudens met een inkomen tot 120% van het sociaal minimum",
                "pct",
                9,
                16,
                -1,
            ),
            ("het aantal kinderen in een huishouden met een laag inkomen", "int", 1800, 3900, -1),
            ("het gebruik van de stadspas onder minima", "pct", 45, 76, 1),
            ("het aantal huishoudens met problematische schulden", "int", 1900, 4600, -1),
        ),
        (
            "huishoudens met een laag inkomen",
            "werkende armen",
            "alleenstaande ouders",
            "kinderen uit minimagezinnen",
        ),
        ("de stadspas", "het kindpakket", "de aanpak Vroeg Eropaf", "de energietoeslag"),
        ("het Inlichtingenbureau", "de inkomensstatistiek van het CBS", "de minimaregistratie"),
        ("de voedselbank", "de welzijnsorganisatie"),
        (
            "Een groeiende groep werkende huishoudens komt niet rond en maakt vaak geen gebruik "
            "van regelingen.",
            "Kinderen in armoede doen minder vaak mee aan sport en cultuur.",
            "Het niet-gebruik van regelingen is het grootst onder huishoudens zonder uitkering.",
        ),
    ),
    _v(
        "jeugdzorg",
        (
            "jeugdzorg",
            "de kosten van jeugdzorg",
            "wachttijden in de jeugdzorg",
            "het jeugdzorgstelsel",
        ),
        (
            ("het aandeel jongeren met jeugdzorg met verblijf", "pct", 6, 14, -1),
            ("de totale uitgaven aan jeugdzorg", "mln", 24, 58, -1),
            ("het aantal jongeren met jeugdzorg", "int", 2400, 4800, 0),
            ("de gemiddelde wachttijd voor specialistische jeugdhulp", "wk", 6, 22, -1),
        ),
        (
            "jongeren met complexe problemen",
            "gezinnen met kinderen tot 18 jaar",
            "jongeren die 18 worden",
        ),
        (
            "de regionale inkoop van specialistische jeugdhulp",
            "de wijkgerichte aanpak jeugd",
            "het budgetplafond voor jeugdhulpaanbieders",
        ),
        (
            "de beleidsinformatie jeugd van het CBS",
            "de declaraties van jeugdhulpaanbieders",
            "de Iv3-rapportage",
        ),
        ("de jeugdhulpaanbieders", "de regiogemeenten"),
        (
            "De stijging van de kosten komt vooral door langere trajecten, niet door meer "
            "jongeren.",
            "Rond de achttiende verjaardag stopt de hulp voor veel jongeren abrupt.",
            "Ongeveer een op de tien jongeren in de gemeente ontvangt een vorm van jeugdzorg.",
        ),
    ),
    _v(
        "eenzaamheid",
        ("eenzaamheid", "sociaal isolement", "eenzaamheid onder ouderen"),
        (
            ("het aandeel inwoners dat zich matig of ernstig eenzaam voelt", "pct", 38, 52, -1),
            ("het aandeel 75-plussers dat ernstig eenzaam is", "pct", 9, 17, -1),
            ("het aantal deelnemers aan de huiskamers in de wijk", "int", 300, 1100, 1),
            ("het aandeel jongvolwassenen dat zich eenzaam voelt", "pct", 35, 55, -1),
        ),
        ("ouderen die alleen wonen", "jongvolwassenen", "mantelzorgers"),
        ("de lokale coalitie tegen eenzaamheid", "de huiskamers in de wijk", "het maatjesproject"),
        (
            "de GGD-gezondheidsmonitor",
            "de burgerpeiling",
            "de registraties van de welzijnsorganisatie",
        ),
        ("de welzijnsorganisatie", "de kerken en moskeeën"),
        (
            "Eenzaamheid komt niet alleen voor onder ouderen; ook veel jongvolwassenen voelen zich "
            "eenzaam.",
            "Het verlies van een partner is voor ouderen de belangrijkste aanleiding voor "
            "eenzaamheid.",
        ),
    ),
    _v(
        "inburgering",
        ("inburgering", "de huisvesting van statushouders", "participatie van nieuwkomers"),
        (
            ("het aandeel inburgeraars dat binnen de termijn slaagt", "pct", 45, 78, 1),
            ("het aantal gehuisveste statushouders", "int", 60, 260, 0),
            ("het aandeel statushouders met betaald werk na drie jaar", "pct", 18, 44, 1),
            ("de realisatie van de taakstelling huisvesting", "pct", 72, 110, 1),
        ),
        ("statushouders", "nieuwkomers", "gezinsmigranten"),
        (
            "het duale inburgeringstraject",
            "de taalcoaching op de werkvloer",
            "de tijdelijke woonunits aan de Kanaalweg",
        ),
        ("de registratie van het COA", "DUO", "de uitkeringsadministratie"),
        ("de vluchtelingenbegeleiding", "het COA"),
        (
            "Statushouders die taal en werk combineren, vinden sneller een baan.",
            "Het tekort aan woningen maakt het halen van de taakstelling ieder jaar lastiger.",
        ),
    ),
    _v(
        "werkgelegenheid",
        ("werkgelegenheid", "de regionale arbeidsmarkt", "werkloosheid"),
        (
            ("het werkloosheidspercentage", "pct", 3.2, 8.1, -1),
            ("het aantal banen", "int", 48000, 71000, 1),
            ("het aantal openstaande vacatures", "int", 1800, 6500, 0),
            ("het aandeel banen in de zorg", "pct", 14, 21, 0),
        ),
        ("werkzoekenden", "jongeren", "werkgevers in de zorg en de techniek"),
        (
            "het regionale arbeidsmarktprogramma",
            "de banenmarkt Werk in de Wijk",
            "het techniekpact met het mbo",
        ),
        (
            "het vestigingenregister",
            "de arbeidsmarktstatistiek van het CBS",
            "de gegevens van het UWV",
        ),
        ("het UWV", "de werkgeversvereniging"),
        (
            "De groei van de werkgelegenheid zit vooral in de zorg, de logistiek en de zakelijke "
            "dienstverlening.",
            "In de techniek en de zorg staan veel vacatures langer dan drie maanden open.",
        ),
    ),
    _v(
        "ondermijning",
        ("ondermijning", "ondermijnende criminaliteit", "drugscriminaliteit"),
        (
            ("het aandeel ondernemers dat weleens door criminelen is benaderd", "pct", 4, 13, -1),
            ("het aantal Bibob-onderzoeken", "int", 20, 110, 0),
            ("het aantal gesloten drugspanden", "int", 5, 38, 0),
            ("het aantal signalen van ondermijning", "int", 80, 320, 0),
            ("het aantal integrale controles", "int", 20, 90, 1),
        ),
        ("jongeren die worden geronseld", "malafide ondernemers", "kwetsbare pandeigenaren"),
        (
            "de integrale aanpak van bedrijventerreinen",
            "het Bibob-beleid",
            "de preventieaanpak voor jongeren in de drugshandel",
        ),
        ("de politieregistratie", "de signalen van het RIEC", "de meldingen van medewerkers"),
        ("de politie", "het RIEC"),
        (
            "Ondermijning concentreert zich op bedrijventerreinen en in panden met veel wisselende "
            "huurders.",
            "Jongeren worden vaak via sociale media benaderd voor klussen in de drugshandel.",
        ),
    ),
    _v(
        "mobiliteit",
        ("mobiliteit", "fietsgebruik", "elektrisch rijden"),
        (
            ("het aandeel verplaatsingen per fiets", "pct", 26, 41, 1),
            ("het aantal publieke laadpunten", "int", 120, 1400, 1),
            ("het aantal fietsparkeerplekken bij het station", "int", 1800, 4800, 1),
            ("het aandeel elektrische auto's", "pct", 1, 14, 1),
        ),
        ("forenzen", "scholieren", "bewoners zonder eigen oprit"),
        ("het laadpalenplan", "de snelfietsroute naar het station", "de pilot met deelauto's"),
        (
            "het landelijke mobiliteitsonderzoek",
            "de fietstellingen",
            "de registraties van laadpaalexploitanten",
        ),
        ("de provincie", "de vervoerregio"),
        (
            "Op afstanden tot vijftien kilometer is de e-bike een serieus alternatief voor de "
            "auto.",
            "De vraag naar laadpunten groeit het snelst in wijken zonder eigen parkeerplaatsen.",
        ),
    ),
    _v(
        "energietransitie",
        (
            "de energietransitie",
            "de warmtetransitie",
            "aardgasvrije wijken",
            "isolatie van woningen",
        ),
        (
            ("het aandeel woningen met energielabel A of beter", "pct", 14, 38, 1),
            ("het aantal aardgasvrije woningen", "int", 400, 5200, 1),
            ("het opgesteld vermogen aan zonnepanelen", "mw", 12, 78, 1),
            ("het gemiddelde gasverbruik per woning", "m3", 920, 1350, -1),
        ),
        ("woningeigenaren", "huurders van corporatiewoningen", "verenigingen van eigenaren"),
        (
            "de transitievisie warmte",
            "het warmtenet Oostereiland",
            "het energieloket",
            "de isolatiesubsidie",
        ),
        (
            "de klimaatmonitor",
            "de registratie van energielabels",
            "de gegevens van de netbeheerder",
        ),
        ("de netbeheerder", "de woningcorporaties"),
        (
            "Verenigingen van eigenaren komen moeilijk tot een besluit over verduurzaming.",
            "Huishoudens met een laag inkomen wonen vaker in slecht geïsoleerde woningen.",
        ),
    ),
    _v(
        "klimaatadaptatie",
        ("klimaatadaptatie", "hittestress", "wateroverlast door hevige regenval"),
        (
            ("het aandeel verhard oppervlak in de openbare ruimte", "pct", 42, 61, -1),
            ("het aantal tropische dagen", "int", 4, 22, -1),
            ("het aantal groene daken", "int", 40, 420, 1),
            ("het aantal meldingen van wateroverlast na hevige buien", "int", 30, 260, -1),
        ),
        ("ouderen", "bewoners van versteende wijken", "huiseigenaren"),
        (
            "de stresstest klimaatadaptatie",
            "de subsidieregeling groene daken",
            "de actie Tegel eruit, plant erin",
        ),
        ("de klimaateffectatlas", "de meldingen openbare ruimte", "de satellietbeelden"),
        ("het waterschap", "de bewonersgroepen"),
        (
            "In versteende wijken kan het op hete dagen enkele graden warmer worden dan in groene "
            "wijken.",
            "Een groot deel van het verharde oppervlak ligt in particuliere tuinen.",
        ),
    ),
    _v(
        "funderingen",
        ("funderingsproblematiek", "funderingsherstel", "paalrot in houten funderingen"),
        (
            ("het aandeel vooroorlogse woningen met een funderingsrisico", "pct", 21, 46, -1),
            ("het aantal woningen met een verhoogd funderingsrisico", "int", 1800, 6400, -1),
            ("het aantal uitgevoerde funderingsonderzoeken", "int", 40, 420, 1),
            ("het aantal herstelde funderingen", "int", 10, 160, 1),
            ("de gemiddelde kosten van funderingsherstel per woning", "eur", 45000, 95000, -1),
        ),
        (
            "eigenaren van vooroorlogse woningen",
            "verenigingen van eigenaren",
            "particuliere verhuurders",
        ),
        ("het funderingsloket", "de lening voor funderingsherstel", "het grondwatermeetnet"),
        ("het funderingsregister", "het grondwatermeetnet", "de bouwjaren uit de BAG"),
        ("het waterschap", "de provincie"),
        (
            "Woningen van voor 1970 staan vaak op houten palen die worden aangetast als de "
            "grondwaterstand daalt.",
            "Eigenaren stellen funderingsonderzoek uit uit angst voor de kosten en een lagere "
            "woningwaarde.",
        ),
    ),
    _v(
        "woningbouw",
        ("woningbouw", "de woningbouwopgave", "nieuwbouw van woningen", "betaalbare nieuwbouw"),
        (
            ("het aandeel betaalbare woningen in de nieuwbouw", "pct", 30, 64, 1),
            ("het aantal opgeleverde nieuwbouwwoningen", "int", 280, 1150, 1),
            ("het aantal woningen in de planvoorraad", "int", 3500, 9800, 1),
            ("het aantal verleende bouwvergunningen voor woningen", "int", 300, 1400, 1),
        ),
        ("starters", "middeninkomens", "ouderen", "jonge gezinnen"),
        (
            "het woningbouwprogramma",
            "de versnellingsaanpak woningbouw",
            "de flexwoningen aan de Spoorzone",
            "het gebiedsplan Havenkwartier",
        ),
        ("de BAG", "de woningbouwmonitor van de provincie", "de planlijst"),
        ("de woningcorporaties", "de ontwikkelaars"),
        (
            "De bouw loopt vertraging op door stikstofregels, netcongestie en gestegen bouwkosten.",
            "Bijna de helft van de planvoorraad ligt op binnenstedelijke locaties.",
        ),
    ),
    _v(
        "datagestuurd",
        ("datagestuurd werken", "de informatievoorziening", "het vinden van bestaande informatie"),
        (
            ("het aandeel medewerkers dat relevante documenten snel vindt", "pct", 28, 64, 1),
            ("het aantal teams dat met een dashboard werkt", "int", 4, 32, 1),
            ("het aantal beschikbare datasets in de datacatalogus", "int", 40, 420, 1),
            ("het aantal deelnemers aan de Data Academie", "int", 30, 380, 1),
        ),
        ("beleidsmedewerkers", "teamleiders", "data-analisten"),
        (
            "de datacatalogus",
            "de zoekmachine voor interne documenten",
            "de Data Academie",
            "het datalab",
        ),
        ("de medewerkerspeiling", "de gebruiksstatistieken van het intranet", "de datacatalogus"),
        ("de inhoudelijke teams", "de afdeling Informatievoorziening"),
        (
            "Medewerkers besteden een groot deel van hun tijd aan het zoeken naar informatie die "
            "al bestaat.",
            "Veel onderzoeken staan alleen op een afdelingsschijf en zijn voor anderen onvindbaar.",
        ),
    ),
)

VOCABULARY_BY_CODE: dict[str, ThemeVocabulary] = {v.code: v for v in VOCABULARY}

# ---------------------------------------------------------------------------------------------
# Dutch number formatting
# ---------------------------------------------------------------------------------------------

# kind -> (decimals, prefix, suffix)
_UNITS: dict[str, tuple[int, str, str]] = {
    "pct": (1, "", "%"),
    "int": (0, "", ""),
    "eur": (0, "€ ", ""),
    "mln": (1, "€ ", " miljoen"),
    "dec": (1, "", ""),
    "min": (0, "", " minuten"),
    "dag": (0, "", " dagen"),
    "wk": (0, "", " weken"),
    "mnd": (0, "", " maanden"),
    "jr": (1, "", " jaar"),
    "ha": (1, "", " hectare"),
    "km": (1, "", " kilometer"),
    "kg": (0, "", " kilo"),
    "m2": (0, "", " vierkante meter"),
    "m3": (0, "", " kubieke meter"),
    "mw": (1, "", " megawatt"),
    "ugm3": (1, "", " microgram per kubieke meter"),
}


def dutch_number(value: float, decimals: int = 0) -> str:
    """Format like Dutch texts do: 1.240 and 8,7 (dot for thousands, comma for decimals)."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def _round_value(value: float, kind: str) -> float:
    """Round to the precision a policy text would use (no 'exactly 312.487 overnachtingen')."""
    decimals = _UNITS[kind][0]
    if decimals:
        return round(value, decimals)
    magnitude = abs(value)
    step = (
        1000
        if magnitude >= 100_000
        else 100
        if magnitude >= 20_000
        else 10
        if magnitude >= 2_000
        else 1
    )
    return float(round(value / step) * step)


def _format_value(value: float, kind: str) -> str:
    decimals, prefix, suffix = _UNITS[kind]
    return f"{prefix}{dutch_number(value, decimals)}{suffix}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _strip_article(text: str) -> str:
    for article in ("de ", "het "):
        if text.startswith(article):
            return text[len(article) :]
    return text


def _join(items: Sequence[str]) -> str:
    """'a, b en c' — a Dutch enumeration."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def _slug(text: str, limit: int = 60) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_RE.sub("-", ascii_text.lower()).strip("-")
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rfind("-")
    return slug[: cut if cut > 0 else limit]


_NUMBER_WORDS = ("nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht")

# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------

# Titles per doctype. Placeholders are filled from the per-document context built in
# `_context`; `subject_t`/`measure_t` are the article-less forms that fit after a noun.
TITLE_TEMPLATES: dict[str, tuple[str, ...]] = {
    "onderzoek": (
        "Onderzoek naar {subject} in {city}",
        "{Subject_t}: een verkennend onderzoek ({year})",
        "{Subject} in beeld: onderzoek onder {group}",
        "Achtergronden van {subject}: onderzoek {year}",
        "Wat werkt bij {subject}? Een verkenning uit {year}",
        "Onderzoek {subject_t} {year}",
        "{Subject} in {wijk} en {wijk2}: een wijkanalyse",
        "Ervaringen van {group} met {subject}",
        "Verklarende analyse {subject_t} {start}-{peil}",
    ),
    "factsheet": (
        "Factsheet {subject_t} {year}",
        "{Subject} in cijfers {year}",
        "Kerncijfers {subject_t} {peil}",
        "Factsheet {subject_t}: {Wijk} ({year})",
        "{Subject} in één oogopslag ({year})",
        "Feiten en cijfers over {subject}, editie {year}",
    ),
    "nota": (
        "Beleidsnota {subject_t} {year}-{year4}",
        "Nota {subject_t}: koers tot {year4}",
        "Uitvoeringsagenda {subject_t} {year}-{year3}",
        "Samen werken aan {subject}: beleidsvisie {year}-{year4}",
        "Kadernota {subject_t} {year}",
        "Actieplan {subject_t} {year}",
        "Koersdocument {subject_t} {year}",
    ),
    "raadsvoorstel": (
        "Raadsvoorstel {measure_t} ({year})",
        "Raadsvoorstel vaststellen beleidskader {subject_t} {year}-{year4}",
        "Raadsvoorstel krediet {measure_t} {year}-{year3}",
        "Voorstel aan de raad: {subject_t} {year}-{year3}",
        "Raadsvoorstel voortzetting {measure_t} {year}",
        "Raadsvoorstel uitvoeringsprogramma {subject_t} {year}",
    ),
    "monitor": (
        "Monitor {subject_t} {year}",
        "Monitor {subject_t}: stand van zaken {year}",
        "Wijkmonitor {subject_t} {year}",
        "Halfjaarrapportage {subject_t} {year}",
        "Monitor {subject_t}, peiljaar {peil}",
        "Dashboardrapportage {subject_t} {year}",
        "Voortgangsmonitor {subject_t} {peil}",
    ),
    "evaluatie": (
        "Evaluatie {measure_t} {year}",
        "Eindevaluatie {measure_t} ({start}-{peil})",
        "Tussenevaluatie {measure_t} {year}",
        "Evaluatie van het beleid voor {subject} {start}-{peil}",
        "Werkt {measure}? Evaluatie na {k_words} jaar",
        "Procesevaluatie {measure_t} {year}",
    ),
    "jaarverslag": (
        "Jaarverslag {subject_t} {prev}",
        "Jaarverslag {prev}: {subject_t}",
        "Jaarbericht {subject_t} {prev}",
        "Terugblik op {prev}: jaarverslag {subject_t}",
        "Jaarverslag {team_short} {prev}, onderdeel {subject_t}",
    ),
}

SUMMARY_TEMPLATES: dict[str, tuple[str, ...]] = {
    "onderzoek": (
        "Onderzoek naar {subject} in {city}, op basis van {sources}. {I1} {i1_change}.",
        "Dit onderzoek brengt in beeld hoe {subject} zich ontwikkelt en welke verschillen er "
        "zijn tussen wijken. De opgave is het grootst in {wijk}.",
        "Onderzoek onder {n_resp} respondenten naar {subject}. {insight1}",
    ),
    "monitor": (
        "Jaarlijkse monitor met de kerncijfers over {subject} in {city}, peiljaar {peil}. "
        "{I1} {i1_change}.",
        "De monitor volgt {i1} en {i2}, ook per wijk. {R} is het hoogst in {wijk}.",
    ),
    "factsheet": (
        "Kerncijfers over {subject} in {city}, peiljaar {peil}. {L1}: {i1_now}.",
        "De belangrijkste cijfers over {subject} op een rij, met een vergelijking tussen wijken "
        "en met het landelijk beeld.",
    ),
    "nota": (
        "Deze nota legt vast hoe de gemeente de komende jaren werkt aan {subject}. Centraal staat "
        "{measure}.",
        "Beleidskader voor {subject} voor de periode {year}-{year4}. De ambitie is dat {goal} "
        "in {year4} {goal_target}.",
    ),
    "raadsvoorstel": (
        "Het college vraagt de raad in te stemmen met {measure} en daarvoor {budget} beschikbaar "
        "te stellen.",
        "Voorstel aan de raad over {subject}: instemmen met {measure}. De kosten bedragen "
        "{budget}.",
    ),
    "evaluatie": (
        "Evaluatie van {measure}, gestart in {start}. {verdict_short}",
        "Wat heeft {measure} opgeleverd? {verdict_short}",
    ),
    "jaarverslag": (
        "Terugblik op {prev}: de belangrijkste resultaten en cijfers over {subject}. "
        "{I1} {i1_change}.",
        "Jaarverslag van {team} over {prev}, met resultaten, cijfers en financiën.",
    ),
}


@dataclass(frozen=True)
class Section:
    """One paragraph: an optional heading, one lead sentence, then a sample from a pool.

    `numbered` turns the sentences into a numbered list (beslispunten) and `lines` puts each on
    its own line (kerncijfers); both keep the pool order so lists read in a sensible sequence.
    """

    heading: str | None
    lead: tuple[str, ...]
    pool: tuple[str, ...] = ()
    extra: tuple[int, int] = (0, 0)
    numbered: bool = False
    lines: bool = False


def _s(
    heading: str | None,
    lead: Sequence[str],
    pool: Sequence[str] = (),
    extra: tuple[int, int] = (0, 0),
    *,
    numbered: bool = False,
    lines: bool = False,
) -> Section:
    return Section(heading, tuple(lead), tuple(pool), extra, numbered, lines)


SECTIONS: dict[str, tuple[Section, ...]] = {
    "onderzoek": (
        _s(
            "Aanleiding",
            (
                "De gemeente {city} wil beter begrijpen wat er speelt rond {subject}.",
                "Aanleiding voor dit onderzoek is de vraag van de gemeenteraad hoe het staat met "
                "{subject} in {city}.",
                "In {prev} constateerde de afdeling {dept} dat een samenhangend beeld van "
                "{subject} ontbrak.",
                "Signalen uit de wijken wezen erop dat de situatie van {group} onder druk staat.",
            ),
            (
                "Tot nu toe lagen de gegevens verspreid over verschillende afdelingen en "
                "organisaties.",
                "In het coalitieakkoord is afgesproken dat het beleid voor {subject} beter wordt "
                "onderbouwd met cijfers.",
                "Ook bij {partner} bestond behoefte aan meer inzicht.",
                "Het onderzoek is uitgevoerd in opdracht van de afdeling {dept}.",
                "De resultaten vormen de basis voor nieuw beleid, dat in {next} verschijnt.",
            ),
            (1, 3),
        ),
        _s(
            "Onderzoeksvraag en aanpak",
            (
                "De centrale onderzoeksvraag luidt: hoe heeft {subject} zich sinds {start} "
                "ontwikkeld en welke factoren verklaren de verschillen tussen wijken?",
                "Het onderzoek beantwoordt twee vragen: hoe staat het met {subject} in {city}, "
                "en wat werkt om de situatie van {group} te verbeteren?",
                "We wilden weten hoe {i1} zich ontwikkelt en wat de gemeente kan doen om die "
                "ontwikkeling te beïnvloeden.",
            ),
            (
                "De analyse steunt op {sources}.",
                "Daarnaast zijn {n_int} interviews gehouden met professionals en "
                "ervaringsdeskundigen.",
                "Er is een enquête uitgezet onder {group}; {n_resp} respondenten vulden de "
                "vragenlijst volledig in.",
                "De cijfers hebben betrekking op de periode {start} tot en met {peil}.",
                "Alle gegevens zijn geanonimiseerd en op wijkniveau geanalyseerd.",
                "Het veldwerk vond plaats in het najaar van {prev}.",
                "In een expertsessie met {partner} en medewerkers van de gemeente zijn de eerste "
                "uitkomsten getoetst.",
            ),
            (2, 4),
        ),
        _s(
            "Bevindingen",
            ("{I1} {i1_change}.",),
            (
                "In {peil} bedroeg {i2} {i2_now}.",
                "{I3} {i3_change}.",
                "Er zijn duidelijke verschillen tussen wijken: in {wijk} bedraagt {r} {r_hi}, in "
                "{wijk2} {r_lo}.",
                "{R} ligt in {city} met {r_now} {r_cmp} het landelijk gemiddelde van {r_nl}.",
                "{insight1}",
                "{insight2}",
                "{pct_a} van de ondervraagde professionals noemt de samenwerking tussen "
                "organisaties als belangrijkste verbeterpunt.",
                "Opvallend is dat de problematiek zich concentreert in {wijk} en {wijk3}.",
                "De respondenten geven de huidige aanpak gemiddeld een {grade}.",
            ),
            (3, 5),
        ),
        _s(
            "Conclusies en aanbevelingen",
            (
                "De belangrijkste conclusie is dat {subject} meer samenhangende aandacht vraagt "
                "dan nu het geval is.",
                "Het onderzoek laat zien dat de verschillen tussen wijken groter zijn dan tot nu "
                "toe werd aangenomen.",
                "Uit het onderzoek blijkt dat de huidige aanpak werkt voor een deel van de "
                "{group}, maar niet voor iedereen.",
            ),
            (
                "{Measure} lijkt bij te dragen aan verbetering, maar het effect is nog niet hard "
                "te maken.",
                "Wij bevelen aan om {i1} jaarlijks per wijk te volgen en de uitkomsten te "
                "bespreken met {partner}.",
                "Verder adviseren wij de registratie te verbeteren, zodat doelgroepen beter te "
                "onderscheiden zijn.",
                "Richt de inzet eerst op {wijk} en {wijk2}, waar de opgave het grootst is.",
                "Betrek {group} zelf bij het ontwerpen van nieuwe maatregelen.",
                "Herhaal dit onderzoek over twee jaar, zodat de ontwikkeling zichtbaar wordt.",
            ),
            (2, 3),
        ),
    ),
    "monitor": (
        _s(
            None,
            (
                "Deze monitor geeft een overzicht van de belangrijkste cijfers over {subject} in "
                "{city}.",
                "In deze editie van de monitor {subject_t} staan de ontwikkelingen tot en met "
                "{peil} centraal.",
                "Met de monitor {subject_t} volgt de gemeente {city} ieder jaar hoe de stad "
                "ervoor staat.",
            ),
            (
                "De monitor verschijnt jaarlijks en is bedoeld voor raad, college en "
                "uitvoerende organisaties.",
                "De cijfers gaan over {peil}, tenzij anders vermeld.",
                "De gegevens komen uit {sources}.",
                "Waar mogelijk vergelijken we {city} met het landelijk beeld.",
                "Ten opzichte van de vorige editie zijn twee indicatoren toegevoegd.",
            ),
            (2, 3),
        ),
        _s(
            "Ontwikkelingen",
            ("{I1} {i1_change}.",),
            (
                "{I2} {i2_change}.",
                "{I3} {i3_change}.",
                "Over een langere periode bekeken is de lijn stabieler dan de jaarcijfers doen "
                "vermoeden.",
                "{insight1}",
                "Een deel van de schommelingen hangt samen met veranderingen in de registratie.",
            ),
            (2, 3),
        ),
        _s(
            "Verschillen tussen wijken",
            (
                "Tussen de wijken bestaan grote verschillen: {r} is het hoogst in {wijk} "
                "({r_hi}) en het laagst in {wijk2} ({r_lo}).",
                "De wijkcijfers laten een wisselend beeld zien. In {wijk} bedraagt {r} {r_hi}, "
                "in {wijk2} is dat {r_lo}.",
            ),
            (
                "Ook in {wijk3} ligt de waarde duidelijk boven het stedelijk gemiddelde van "
                "{r_now}.",
                "Voor {group} blijft de situatie in deze wijken kwetsbaar.",
                "De wijkcijfers zijn gebaseerd op kleine aantallen en moeten voorzichtig worden "
                "geïnterpreteerd.",
                "Landelijk bedraagt {r} {r_nl}.",
            ),
            (1, 3),
        ),
        _s(
            "Duiding en vervolg",
            (
                "De cijfers bevestigen het beeld uit eerdere jaren.",
                "De ontwikkeling vraagt om blijvende aandacht.",
                "De cijfers geven aanleiding om het beleid op onderdelen bij te stellen.",
            ),
            (
                "{insight2}",
                "De volgende editie van de monitor verschijnt in {next}.",
                "De cijfers per wijk staan ook in het dashboard op het intranet.",
                "Vragen over deze monitor kunt u stellen aan {team}.",
                "Samen met {partner} bespreken we welke acties nodig zijn.",
            ),
            (2, 3),
        ),
    ),
    "factsheet": (
        _s(
            None,
            (
                "Deze factsheet zet de belangrijkste cijfers over {subject} in {city} op een rij.",
                "Wat weten we over {subject} in {city}? Deze factsheet geeft de kerncijfers.",
            ),
            (
                "De cijfers hebben betrekking op {peil}, tenzij anders vermeld.",
                "De factsheet is bedoeld als snelle naslag voor raadsleden en medewerkers.",
                "Een uitgebreidere analyse staat in de jaarlijkse monitor.",
            ),
            (1, 3),
        ),
        _s(
            "Kerncijfers",
            (),
            (
                "{L1}: {i1_now} ({peil}).",
                "{L2}: {i2_now} ({peil}).",
                "{L3}: {i3_now} ({peil}).",
                "{Lr} in {wijk}: {r_hi}.",
                "{Lr}, landelijk: {r_nl}.",
            ),
            (5, 5),
            lines=True,
        ),
        _s(
            "Toelichting",
            ("{I1} {i1_change}.",),
            (
                "{R} ligt in {city} met {r_now} {r_cmp} het landelijk gemiddelde.",
                "{insight1}",
                "{insight2}",
                "Vooral {group} vragen aandacht.",
                "Het verschil tussen {wijk} en {wijk2} is de afgelopen jaren groter geworden.",
            ),
            (2, 4),
        ),
        _s(
            "Wat doet de gemeente?",
            (
                "De gemeente zet onder meer in op {measure}.",
                "Een belangrijk onderdeel van de aanpak is {measure}.",
            ),
            (
                "Daarnaast loopt {measure2}.",
                "De uitvoering gebeurt samen met {partners}.",
                "Voor {year} is hiervoor {budget_y} beschikbaar.",
            ),
            (1, 2),
        ),
        _s(
            None,
            ("Bronnen: {sources}.",),
            ("Meer informatie: {team}, afdeling {dept}.",),
            (1, 1),
            lines=True,
        ),
    ),
    "nota": (
        _s(
            "Inleiding",
            (
                "Deze nota beschrijft hoe de gemeente {city} de komende jaren werkt aan {subject}.",
                "Met deze nota geeft het college richting aan het beleid voor {subject} in de "
                "periode {year} tot en met {year4}.",
            ),
            (
                "De nota bouwt voort op de ervaringen van de afgelopen jaren en op gesprekken met "
                "{partners}.",
                "{I1} {i1_change}.",
                "{insight1}",
                "Die ontwikkeling vraagt om een gerichte aanpak.",
            ),
            (2, 3),
        ),
        _s(
            "Ambitie",
            ("Onze ambitie is dat {goal} in {year4} {goal_target}.",),
            (
                "We willen dat {group} de ondersteuning krijgen die bij hen past.",
                "Daarbij kijken we nadrukkelijk naar de verschillen tussen wijken.",
                "De ambitie sluit aan bij de regionale afspraken die we met {partner} hebben "
                "gemaakt.",
            ),
            (1, 2),
        ),
        _s(
            "Uitgangspunten",
            ("We werken vanuit een aantal uitgangspunten.",),
            (
                "We kiezen voor preventie: erbij zijn voordat problemen groot worden.",
                "We werken wijkgericht en beginnen in {wijk} en {wijk2}, waar de opgave het "
                "grootst is.",
                "Beleid en uitvoering steunen op cijfers uit {sources}.",
                "Inwoners, {partners} denken mee over de uitvoering.",
                "We doen wat werkt en stoppen met wat niet werkt.",
            ),
            (2, 4),
        ),
        _s(
            "Maatregelen",
            (
                "Concreet zetten we in op {measure}.",
                "De belangrijkste maatregel is {measure}.",
            ),
            (
                "Daarnaast onderzoeken we of {measure2} kan worden uitgebreid.",
                "Voor de uitvoering is jaarlijks {budget_y} beschikbaar.",
                "De uitvoering ligt bij {team}, in nauwe samenwerking met {partner}.",
                "Vanaf {next} komt er één aanspreekpunt voor {group}.",
            ),
            (2, 3),
        ),
        _s(
            "Monitoring",
            ("We volgen de voortgang met een jaarlijkse monitor.",),
            (
                "Na twee jaar volgt een tussenevaluatie.",
                "De raad wordt jaarlijks geïnformeerd via de programmabegroting en de "
                "jaarrekening.",
                "Belangrijke indicatoren zijn {i1} en {i2}.",
            ),
            (1, 2),
        ),
    ),
    "raadsvoorstel": (
        _s(
            None,
            (
                "Met dit voorstel vragen wij uw raad in te stemmen met {measure}.",
                "Wij stellen uw raad voor om in te stemmen met {measure} en daarvoor {budget} "
                "beschikbaar te stellen.",
            ),
        ),
        _s(
            "Beslispunten",
            ("In te stemmen met {measure}.",),
            (
                "Hiervoor een krediet beschikbaar te stellen van {budget}.",
                "De kosten te dekken uit {cover}.",
                "De begroting {year} overeenkomstig te wijzigen.",
                "Het college op te dragen de raad jaarlijks te informeren over de voortgang.",
            ),
            (1, 3),
            numbered=True,
        ),
        _s(
            "Aanleiding",
            (
                "Aanleiding is de monitor {subject_t} van {prev}.",
                "In {prev} heeft uw raad gevraagd om voorstellen over {subject}.",
            ),
            (
                "{I1} {i1_change}.",
                "{insight1}",
                "Zonder extra inzet verwachten wij dat deze ontwikkeling doorzet.",
            ),
            (2, 3),
        ),
        _s(
            "Beoogd effect",
            ("Wij willen bereiken dat {goal} in {year4} {goal_target}.",),
            ("Daarnaast willen we {group} beter bereiken.",),
            (0, 1),
        ),
        _s(
            "Argumenten",
            ("De voorgestelde aanpak is gebaseerd op wat elders werkt.",),
            (
                "Uit onderzoek blijkt dat vroeg ingrijpen minder kost dan later herstel.",
                "Er is draagvlak bij {partners}.",
                "De aanpak sluit aan bij landelijke ontwikkelingen.",
                "Door te beginnen in {wijk} doen we ervaring op voordat we de aanpak in de hele "
                "stad invoeren.",
            ),
            (2, 3),
        ),
        _s(
            "Kanttekeningen",
            (
                "Het effect van de maatregelen wordt pas na enkele jaren zichtbaar.",
                "De uitvoering is afhankelijk van de beschikbaarheid van personeel.",
            ),
            (
                "Ook bij {partner} is de capaciteit beperkt.",
                "Landelijke besluitvorming kan de uitvoering nog beïnvloeden.",
            ),
            (0, 1),
        ),
        _s(
            "Financiën",
            ("De totale kosten bedragen {budget} voor de periode {year} tot en met {year3}.",),
            (
                "Voor {year} is {budget_y} nodig.",
                "De dekking komt uit {cover}.",
                "Structurele kosten na {year3} worden betrokken bij de begroting van dat jaar.",
            ),
            (1, 2),
        ),
        _s(
            "Vervolg",
            ("Na uw besluit informeren wij {partners} en de betrokken inwoners.",),
            (
                "Wij informeren uw raad jaarlijks over de voortgang.",
                "Eind {year3} volgt een evaluatie.",
            ),
            (1, 2),
        ),
        _s(None, ("Burgemeester en wethouders van {city}.",)),
    ),
    "evaluatie": (
        _s(
            "Aanleiding",
            (
                "In {start} is {measure} gestart.",
                "Sinds {start} werkt de gemeente {city} met {measure}.",
            ),
            (
                "Het doel was om de situatie van {group} te verbeteren.",
                "Bij de start is afgesproken dat de aanpak na {k_words} jaar zou worden "
                "geëvalueerd.",
                "Deze evaluatie beschrijft wat er is bereikt en wat beter kan.",
                "De aanpak werd uitgevoerd samen met {partner}.",
            ),
            (2, 3),
        ),
        _s(
            "Aanpak van de evaluatie",
            ("De evaluatie is uitgevoerd door {author}.",),
            (
                "We hebben {n_int} gesprekken gevoerd met uitvoerders, partners en deelnemers.",
                "Om de ontwikkeling van {i1} te volgen, zijn {sources} gebruikt.",
                "Een controlegroep ontbrak, waardoor effecten niet met zekerheid aan de aanpak "
                "zijn toe te schrijven.",
                "Deelnemers vulden bij de start en na afloop een korte vragenlijst in.",
            ),
            (2, 3),
        ),
        _s(
            "Resultaten",
            ("Met de aanpak zijn {n_part} {group} bereikt. {I1} {i1_change}.",),
            (
                "{pct_a} van de deelnemers is tevreden over de ondersteuning.",
                "{insight1}",
                "De samenwerking met {partner} verliep goed, al kostte de afstemming meer tijd "
                "dan verwacht.",
                "Het bereik in {wijk} bleef achter bij de verwachting.",
            ),
            (2, 3),
        ),
        _s("Oordeel", ("{verdict}",)),
        _s(
            "Aanbevelingen",
            ("{advice}",),
            (
                "Leg vooraf meetbare doelen vast en spreek af welke gegevens worden verzameld.",
                "Betrek {partner} eerder bij de uitvoering.",
                "Zorg voor een vaste contactpersoon per wijk.",
            ),
            (1, 2),
        ),
    ),
    "jaarverslag": (
        _s(
            None,
            (
                "In dit jaarverslag blikt {team} terug op {prev}.",
                "Dit jaarverslag beschrijft de resultaten van {prev} op het gebied van {subject}.",
            ),
            (
                "Het jaar stond in het teken van {measure}.",
                "Het verslag is bedoeld voor het college, de raad en onze partners.",
            ),
            (1, 2),
        ),
        _s(
            "Resultaten",
            ("{I1} {i1_change}.",),
            (
                "In {peil} bedroeg {i2} {i2_now}.",
                "{I3} {i3_change}.",
                "{insight1}",
                "Met {measure2} zijn in {prev} {n_part} {group} bereikt.",
                "De samenwerking met {partners} is verder versterkt.",
            ),
            (2, 4),
        ),
        _s(
            "Uitvoering",
            (
                "In {prev} lag het accent op {measure}.",
                "Een groot deel van de inzet ging naar {measure}.",
            ),
            (
                "In {wijk} en {wijk2} is de aanpak uitgebreid.",
                "De wachttijden bleven een aandachtspunt.",
                "Door personeelsverloop konden niet alle plannen worden uitgevoerd.",
                "Samen met {partner} is een nieuwe werkwijze ontwikkeld.",
                "Ervaringen van {group} zijn gebruikt om de dienstverlening te verbeteren.",
            ),
            (2, 3),
        ),
        _s(
            "Financiën",
            ("De uitgaven kwamen uit op {budget}, {budget_status}.",),
            (
                "Een uitgebreide verantwoording staat in de jaarrekening.",
                "Voor {year} is het budget ongewijzigd.",
            ),
            (1, 1),
        ),
        _s(
            "Vooruitblik",
            ("In {year} ligt de nadruk op {measure2}.",),
            (
                "Ons doel blijft dat {goal} in {year4} {goal_target}.",
                "Ook bouwen we de samenwerking met {partner} verder uit.",
                "De eerste resultaten verwachten we eind {year}.",
            ),
            (1, 2),
        ),
    ),
}

# An evaluation's verdict follows the direction of its main indicator, so the text agrees with
# the figures it just reported.
_VERDICTS: dict[str, tuple[str, str, str]] = {
    # effect: (verdict, verdict_short, advice)
    "positief": (
        "Wij concluderen dat {measure} werkt. Deelnemers en uitvoerders zijn overwegend positief "
        "en de cijfers ontwikkelen zich in de goede richting.",
        "De aanpak werkt en wordt voortgezet.",
        "Wij bevelen aan om {measure} voort te zetten en uit te breiden naar {wijk2}.",
    ),
    "gemengd": (
        "Het beeld is gemengd. Deelnemers waarderen de aanpak, maar een effect op {i1} is niet "
        "aantoonbaar.",
        "Het beeld is gemengd: de aanpak wordt gewaardeerd, maar een effect is nog niet "
        "aantoonbaar.",
        "Wij bevelen aan om {measure} voort te zetten, maar de doelgroep scherper af te bakenen.",
    ),
    "negatief": (
        "De aanpak heeft niet het beoogde resultaat opgeleverd. In de praktijk bleek de uitvoering "
        "lastiger dan vooraf gedacht.",
        "De beoogde resultaten zijn niet gehaald.",
        "Wij bevelen aan om {measure} in de huidige vorm te beëindigen en de middelen anders in "
        "te zetten.",
    ),
}

_COVERS: tuple[str, ...] = (
    "de algemene reserve",
    "de bestaande budgetten in de programmabegroting",
    "de reserve voor incidentele investeringen",
    "de rijksbijdrage die hiervoor beschikbaar is",
)
_BUDGET_STATUS: tuple[str, ...] = (
    "binnen de begroting",
    "iets boven de begroting",
    "lager dan begroot",
)

# ---------------------------------------------------------------------------------------------
# Generation
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ThemePlan:
    """Everything about a theme that does not change per document, computed once per run."""

    seed: ThemeSeed
    vocabulary: ThemeVocabulary
    rate: Indicator
    team: str
    team_short: str
    department: str


def _plans() -> tuple[_ThemePlan, ...]:
    plans = []
    for seed in THEMES:
        vocabulary = VOCABULARY_BY_CODE[seed.code]
        rate = next(ind for ind in vocabulary.indicators if ind.kind == "pct")
        plans.append(
            _ThemePlan(
                seed=seed,
                vocabulary=vocabulary,
                rate=rate,
                team=seed.team,
                team_short=seed.team.removeprefix("Team "),
                department=_TEAM_DEPARTMENT[seed.team],
            )
        )
    return tuple(plans)


def _change_clause(rng: random.Random, kind: str, prev: float, now: float, y0: int, y1: int) -> str:
    """'steeg van 2,1% in 2017 naar 2,4% in 2018' — or 'bleef ... vrijwel gelijk'."""
    prev_text, now_text = _format_value(prev, kind), _format_value(now, kind)
    if prev_text == now_text or abs(now - prev) <= 0.015 * max(abs(prev), 1e-9):
        return f"bleef met {now_text} in {y1} vrijwel gelijk aan het jaar ervoor"
    if now > prev:
        verb, prep = rng.choice((("steeg", "naar"), ("nam toe", "tot")))
    else:
        verb, prep = rng.choice((("daalde", "naar"), ("nam af", "tot")))
    return f"{verb} van {prev_text} in {y0} {prep} {now_text} in {y1}"


def _values(rng: random.Random, ind: Indicator) -> tuple[float, float]:
    """A current value in the indicator's range and a plausible value one year earlier."""
    now = _round_value(rng.uniform(ind.low, ind.high), ind.kind)
    prev = _round_value(now / (1 + rng.uniform(-0.14, 0.14)), ind.kind)
    return now, prev


def _goal_target(rng: random.Random, ind: Indicator, now: float) -> str:
    if ind.better > 0:
        target = now * rng.uniform(1.06, 1.2)
        if ind.kind == "pct" and ind.high <= 100:
            target = min(target, 99.0)
        return (
            f"is gestegen tot ten minste {_format_value(_round_value(target, ind.kind), ind.kind)}"
        )
    target = now * rng.uniform(0.75, 0.92)
    return f"is gedaald tot hoogstens {_format_value(_round_value(target, ind.kind), ind.kind)}"


def _published(rng: random.Random, year: int, doctype: str) -> dt.date:
    """A publication date in `year`; annual reports look back, so they appear before July."""
    first = dt.date(year, 1, 1)
    last = min(
        dt.date(year, 6, 30) if doctype == "jaarverslag" else dt.date(year, 12, 31), LAST_DATE
    )
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def _context(rng: random.Random, plan: _ThemePlan, doctype: str, year: int) -> dict[str, str | int]:
    """All placeholder values for one document, drawn once so the text stays consistent."""
    voc = plan.vocabulary
    peil = year - 1
    k = rng.randint(2, 4)
    subject = rng.choice(voc.subjects)
    measure, measure2 = rng.sample(voc.measures, 2)
    wijk, wijk2, wijk3 = rng.sample(WIJKEN, 3)
    group, group2 = rng.sample(voc.groups, 2)
    partners = list(voc.partners)
    rng.shuffle(partners)
    insight1, insight2 = rng.sample(voc.insights, 2)
    sources = rng.sample(voc.sources, rng.randint(2, len(voc.sources)))

    ctx: dict[str, str | int] = {
        "city": CITY,
        "year": year,
        "prev": year - 1,
        "peil": peil,
        "next": year + 1,
        "year3": year + 3,
        "year4": year + 4,
        "start": year - k,
        "k_words": _NUMBER_WORDS[k],
        "subject": subject,
        "Subject": _cap(subject),
        "subject_t": _strip_article(subject),
        "Subject_t": _cap(_strip_article(subject)),
        "measure": measure,
        "Measure": _cap(measure),
        "measure_t": _strip_article(measure),
        "measure2": measure2,
        "wijk": wijk,
        "Wijk": _cap(wijk),
        "wijk2": wijk2,
        "wijk3": wijk3,
        "group": group,
        "group2": group2,
        "partner": partners[0],
        "partners": _join(partners),
        "sources": _join(sources),
        "insight1": insight1,
        "insight2": insight2,
        "team": plan.team,
        "team_short": plan.team_short,
        "dept": plan.department,
        "n_resp": dutch_number(rng.randrange(240, 2400, 10)),
        "n_int": rng.randint(8, 36),
        "n_part": dutch_number(rng.randrange(40, 900, 5)),
        "pct_a": f"{rng.randint(38, 81)}%",
        "grade": dutch_number(rng.uniform(5.8, 7.6), 1),
        "budget": _format_value(round(rng.uniform(0.4, 9.5), 1), "mln"),
        "budget_y": _format_value(rng.randrange(80_000, 1_500_000, 10_000), "eur"),
        "cover": rng.choice(_COVERS),
        "budget_status": rng.choice(_BUDGET_STATUS),
    }

    # Three distinct indicators, plus the rate used for comparisons between wijken. The rate may
    # be one of the three; it then reuses the same figures so the text never contradicts itself.
    values: dict[Indicator, tuple[float, float]] = {}
    chosen = rng.sample(voc.indicators, 3)
    if doctype == "evaluatie":
        # An evaluation is judged on its first indicator, so that one must have a direction.
        chosen.sort(key=lambda ind: ind.better == 0)
    for number, ind in enumerate(chosen, start=1):
        now, prev = values.setdefault(ind, _values(rng, ind))
        ctx[f"i{number}"] = ind.phrase
        ctx[f"I{number}"] = _cap(ind.phrase)
        ctx[f"L{number}"] = _cap(_strip_article(ind.phrase))
        ctx[f"i{number}_now"] = _format_value(now, ind.kind)
        ctx[f"i{number}_change"] = _change_clause(rng, ind.kind, prev, now, peil - 1, peil)

    rate = plan.rate
    r_now, _ = values.setdefault(rate, _values(rng, rate))
    r_hi = r_now * rng.uniform(1.15, 1.5)
    if rate.high <= 100:
        r_hi = min(r_hi, (100 + r_now) / 2)
    r_lo = r_now * rng.uniform(0.55, 0.85)
    r_nl = r_now * rng.uniform(0.8, 1.2)
    r_now_text, r_nl_text = _format_value(r_now, "pct"), _format_value(round(r_nl, 1), "pct")
    ctx.update(
        r=rate.phrase,
        R=_cap(rate.phrase),
        Lr=_cap(_strip_article(rate.phrase)),
        r_now=r_now_text,
        r_hi=_format_value(round(r_hi, 1), "pct"),
        r_lo=_format_value(round(r_lo, 1), "pct"),
        r_nl=r_nl_text,
        r_cmp=(
            "gelijk aan"
            if r_now_text == r_nl_text
            else "hoger dan"
            if r_now > r_nl
            else "lager dan"
        ),
    )

    goal = next((ind for ind in (*chosen, rate) if ind.better), rate)
    goal_now, _ = values.setdefault(goal, _values(rng, goal))
    ctx["goal"] = goal.phrase
    ctx["goal_target"] = _goal_target(rng, goal, goal_now)

    if doctype == "evaluatie":
        main = chosen[0]
        now, prev = values[main]
        improvement = (now - prev) / max(abs(prev), 1e-9) * (main.better or 1)
        effect = (
            "positief" if improvement > 0.03 else "negatief" if improvement < -0.06 else "gemengd"
        )
        verdict, verdict_short, advice = _VERDICTS[effect]
        ctx["verdict"] = verdict.format_map(ctx)
        ctx["verdict_short"] = verdict_short
        ctx["advice"] = advice.format_map(ctx)
    return ctx


def _render_section(rng: random.Random, section: Section, ctx: dict[str, str | int]) -> str:
    sentences = [rng.choice(section.lead)] if section.lead else []
    low, high = section.extra
    count = min(rng.randint(low, high), len(section.pool))
    if count:
        picked = sorted(rng.sample(range(len(section.pool)), count))
        sentences.extend(section.pool[i] for i in picked)
    filled = [sentence.format_map(ctx) for sentence in sentences]
    if section.numbered:
        text = "\n".join(f"{n}. {sentence}" for n, sentence in enumerate(filled, start=1))
    elif section.lines:
        text = "\n".join(filled)
    else:
        text = " ".join(filled)
    return f"{section.heading}\n{text}" if section.heading else text


def _author(rng: random.Random, plan: _ThemePlan, doctype: str) -> tuple[str, str]:
    """Pick (author, department): research is often outsourced or done by the data team."""
    roll = rng.random()
    if doctype in ("onderzoek", "evaluatie") and roll < 0.4:
        return rng.choice(EXTERNAL_BUREAUS), plan.department
    if doctype in ("onderzoek", "monitor", "factsheet", "evaluatie") and roll < 0.7:
        if rng.random() < 0.5:
            return _DATA_TEAM, _RESEARCH_DEPARTMENT
        return f"Afdeling {_RESEARCH_DEPARTMENT}", _RESEARCH_DEPARTMENT
    if rng.random() < 0.75:
        return plan.team, plan.department
    return f"Afdeling {plan.department}", plan.department


def _source(
    rng: random.Random, plan: _ThemePlan, doctype: str, year: int, title: str, department: str
) -> str:
    """A plausible path on the municipal file shares, where such documents tend to end up."""
    slug = _slug(title)
    if doctype == "raadsvoorstel":
        return f"G:/Raadsinformatie/{year}/{slug}.pdf"
    if department == _RESEARCH_DEPARTMENT:
        return f"L:/Onderzoek en Statistiek/Publicaties/{year}/{slug}.pdf"
    extension = "docx" if doctype == "nota" and rng.random() < 0.4 else "pdf"
    return f"S:/Beleid/{plan.team_short}/{year}/{slug}.{extension}"


_MIN_WORDS = 160
_BACKGROUND: tuple[str, ...] = (
    "Dit onderwerp valt onder het beleidsveld {theme_name}.",
    "{insight2}",
    "{insight1}",
    "Meer achtergrond staat in eerdere monitors en onderzoeken over {subject}.",
    "Voor vragen kunt u terecht bij {team}.",
)


def _background(rng: random.Random, plan: _ThemePlan, ctx: dict[str, str | int], body: str) -> str:
    """A short background paragraph that lifts a terse document to a realistic length."""
    values = {**ctx, "theme_name": plan.seed.name.lower()}
    fresh = [template.format_map(values) for template in _BACKGROUND]
    fresh = [sentence for sentence in fresh if sentence not in body]
    picked = sorted(rng.sample(range(len(fresh)), min(2, len(fresh))))
    return "Achtergrond\n" + " ".join([plan.seed.description, *(fresh[i] for i in picked)])


def _generate_one(
    rng: random.Random,
    number: int,
    plan: _ThemePlan,
    doctype: str,
    year: int,
) -> CorpusDocument:
    ctx = _context(rng, plan, doctype, year)
    author, department = _author(rng, plan, doctype)
    ctx["author"] = author
    title = rng.choice(TITLE_TEMPLATES[doctype]).format_map(ctx)
    summary = rng.choice(SUMMARY_TEMPLATES[doctype]).format_map(ctx)
    body = "\n\n".join(_render_section(rng, section, ctx) for section in SECTIONS[doctype])
    if len(body.split()) < _MIN_WORDS:
        body += "\n\n" + _background(rng, plan, ctx, body)
    return CorpusDocument(
        key=f"gen-{number:06d}",
        title=title,
        summary=summary,
        body=body,
        doctype=doctype,
        theme=plan.seed.code,
        year=year,
        published=_published(rng, year, doctype),
        department=department,
        author=author,
        source=_source(rng, plan, doctype, year, title, department),
    )


def generate_corpus(n: int = 2600, seed: int = 20261129) -> list[CorpusDocument]:
    """Return the core documents followed by generated ones, `n` in total, deterministically.

    The same `n` and `seed` always give the same list, and a smaller `n` gives a prefix of a
    larger one, so exercises that refer to generated keys stay valid when the corpus grows.
    """
    if n < 0:
        raise ValueError("n must not be negative")
    corpus = list(CORE_DOCUMENTS[:n])
    rng = random.Random(seed)
    plans = _plans()
    theme_weights = [_THEME_WEIGHT.get(plan.seed.code, 1) for plan in plans]
    doctype_weights = [_DOCTYPE_WEIGHT[doctype] for doctype in DOCTYPES]
    year_weights = [1.0 + 0.04 * (year - FIRST_YEAR) for year in YEARS]
    for number in range(1, n - len(corpus) + 1):
        index = number - 1
        if index < len(plans):
            # The first round visits every theme, doctype and year once, so even a small corpus
            # covers all facets the search UI offers.
            plan = plans[index]
            doctype = DOCTYPES[index % len(DOCTYPES)]
            year = YEARS[(index * 5) % len(YEARS)]
        else:
            plan = rng.choices(plans, theme_weights)[0]
            doctype = rng.choices(DOCTYPES, doctype_weights)[0]
            year = rng.choices(YEARS, year_weights)[0]
        corpus.append(_generate_one(rng, number, plan, doctype, year))
    return corpus
