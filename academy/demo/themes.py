"""Demo themes, teams and departments of a fictional Dutch municipality.

The themes follow the substantive BBV/Iv3 task fields (taakvelden) plus the named topics that
municipal teams actually talk about (vroegtijdig schoolverlaten, funderingen, armoede, ...).
Purely financial task fields (overhead, treasury, OZB, algemene uitkering, reserves, ...) are left
out on purpose: nobody climbs an analytics ladder for "mutaties reserves".
"""

from __future__ import annotations

from dataclasses import dataclass

from academy.maturity.domains import DOMAINS


@dataclass(frozen=True)
class TeamSeed:
    """A team that owns themes; the seed command turns it into a Team row."""

    name: str
    description: str


@dataclass(frozen=True)
class ThemeSeed:
    """One policy theme; `code` is the Iv3 code or a short slug and doubles as URL part."""

    code: str
    name: str
    domain: str
    team: str
    description: str


# Afdelingen that author documents in the practice corpus.
DEPARTMENTS: tuple[str, ...] = (
    "Maatschappelijke Ontwikkeling",
    "Ruimte en Wonen",
    "Werk en Inkomen",
    "Veiligheid en Handhaving",
    "Openbare Ruimte",
    "Economie en Cultuur",
    "Onderzoek en Statistiek",
    "Bestuur en Dienstverlening",
)

_BESTUUR = "Team Bestuur en Dienstverlening"
_VEILIGHEID = "Team Veiligheid"
_OPENBARE_RUIMTE = "Team Openbare Ruimte"
_ECONOMIE = "Team Economie en Cultuur"
_JEUGD = "Team Jeugd en Onderwijs"
_WERK = "Team Werk en Inkomen"
_ZORG = "Team Zorg en Welzijn"
_WONEN = "Team Wonen"
_DUURZAAM = "Team Duurzaamheid en Milieu"
_DATA = "Team Data en Onderzoek"

TEAMS: tuple[TeamSeed, ...] = (
    TeamSeed(
        _BESTUUR,
        "Ondersteunt college en raad, verzorgt de dienstverlening van burgerzaken en de "
        "regionale samenwerking.",
    ),
    TeamSeed(
        _VEILIGHEID,
        "Werkt aan openbare orde, crisisbeheersing en de aanpak van ondermijnende criminaliteit, "
        "samen met politie en veiligheidsregio.",
    ),
    TeamSeed(
        _OPENBARE_RUIMTE,
        "Beheert straten, groen, riolering en afvalinzameling en maakt het verkeers- en "
        "mobiliteitsbeleid.",
    ),
    TeamSeed(
        _ECONOMIE,
        "Versterkt de lokale economie, het vestigingsklimaat en het culturele aanbod van de stad.",
    ),
    TeamSeed(
        _JEUGD,
        "Zorgt voor goed onderwijs, een passende plek voor elke leerling en hulp aan jeugdigen "
        "en gezinnen.",
    ),
    TeamSeed(
        _WERK,
        "Voert de Participatiewet uit: inkomensondersteuning, re-integratie, armoedebeleid en "
        "schuldhulpverlening.",
    ),
    TeamSeed(
        _ZORG,
        "Organiseert Wmo-ondersteuning, welzijn, sport en preventie, zodat inwoners zo lang "
        "mogelijk zelfstandig meedoen.",
    ),
    TeamSeed(
        _WONEN,
        "Regisseert woningbouw, woonruimteverdeling en ruimtelijke ordening en de aanpak van "
        "funderingsproblemen.",
    ),
    TeamSeed(
        _DUURZAAM,
        "Werkt aan de energietransitie, klimaatadaptatie en een gezonde leefomgeving.",
    ),
    TeamSeed(
        _DATA,
        "Levert onderzoek, statistiek en dashboards en helpt teams om datagestuurd te werken.",
    ),
)

_BES, _VEI, _VER, _ECO, _OND, _SPC, _SOC, _VGM, _VHR = DOMAINS

THEMES: tuple[ThemeSeed, ...] = (
    # --- BBV/Iv3 taakvelden (inhoudelijk) ---
    ThemeSeed(
        "0.1",
        "Bestuur",
        _BES,
        _BESTUUR,
        "Raad, college en regionale samenwerking. Hoe goed is het bestuur geïnformeerd en hoe "
        "betrekt het inwoners bij besluiten?",
    ),
    ThemeSeed(
        "0.2",
        "Burgerzaken",
        _BES,
        _BESTUUR,
        "Reisdocumenten, rijbewijzen en de basisregistratie personen. Gaat het om snelle, "
        "betrouwbare dienstverlening aan de balie en online.",
    ),
    ThemeSeed(
        "1.1",
        "Crisisbeheersing en brandweer",
        _VEI,
        _VEILIGHEID,
        "Brandweerzorg, brandpreventie en de voorbereiding op rampen en crises, samen met de "
        "veiligheidsregio.",
    ),
    ThemeSeed(
        "1.2",
        "Openbare orde en veiligheid",
        _VEI,
        _VEILIGHEID,
        "Overlast, criminaliteit en het veiligheidsgevoel van inwoners in wijken en in het "
        "uitgaansgebied.",
    ),
    ThemeSeed(
        "2.1",
        "Verkeer en vervoer",
        _VER,
        _OPENBARE_RUIMTE,
        "Wegen, verkeersveiligheid en de doorstroming van het verkeer in de stad.",
    ),
    ThemeSeed(
        "2.2",
        "Parkeren",
        _VER,
        _OPENBARE_RUIMTE,
        "Parkeerbeleid, vergunningen en parkeerdruk in woonwijken en de binnenstad.",
    ),
    ThemeSeed(
        "2.5",
        "Openbaar vervoer",
        _VER,
        _OPENBARE_RUIMTE,
        "Bus, trein en haltes: de bereikbaarheid van de stad met het openbaar vervoer.",
    ),
    ThemeSeed(
        "3.1",
        "Economische ontwikkeling",
        _ECO,
        _ECONOMIE,
        "Vestigingsklimaat, winkelgebieden en ondersteuning van ondernemers.",
    ),
    ThemeSeed(
        "3.2",
        "Fysieke bedrijfsinfrastructuur",
        _ECO,
        _ECONOMIE,
        "Bedrijventerreinen: uitgifte van grond, revitalisering en parkmanagement.",
    ),
    ThemeSeed(
        "3.3",
        "Bedrijvenloket en bedrijfsregelingen",
        _ECO,
        _ECONOMIE,
        "Het ondernemersloket, vergunningen voor bedrijven en het verminderen van regeldruk.",
    ),
    ThemeSeed(
        "3.4",
        "Economische promotie",
        _ECO,
        _ECONOMIE,
        "Citymarketing, toerisme en evenementen die bezoekers naar de stad trekken.",
    ),
    ThemeSeed(
        "4.1",
        "Openbaar basisonderwijs",
        _OND,
        _JEUGD,
        "Het openbaar primair onderwijs en het voorkomen van onderwijsachterstanden.",
    ),
    ThemeSeed(
        "4.2",
        "Onderwijshuisvesting",
        _OND,
        _JEUGD,
        "Nieuwbouw, renovatie en onderhoud van schoolgebouwen, vastgelegd in het integraal "
        "huisvestingsplan.",
    ),
    ThemeSeed(
        "4.3",
        "Onderwijsbeleid en leerlingzaken",
        _OND,
        _JEUGD,
        "Leerplicht, leerlingenvervoer en de aansluiting tussen onderwijs en jeugdhulp.",
    ),
    ThemeSeed(
        "5.1",
        "Sportbeleid en activering",
        _SPC,
        _ZORG,
        "Sportdeelname en bewegen, met aandacht voor groepen die weinig sporten.",
    ),
    ThemeSeed(
        "5.2",
        "Sportaccommodaties",
        _SPC,
        _OPENBARE_RUIMTE,
        "Sporthallen, sportparken en zwembaden: bezetting, onderhoud en verduurzaming.",
    ),
    ThemeSeed(
        "5.3",
        "Cultuurpresentatie, cultuurproductie en cultuurparticipatie",
        _SPC,
        _ECONOMIE,
        "Podia, cultuureducatie en amateurkunst; wie doet mee aan cultuur en wie niet?",
    ),
    ThemeSeed(
        "5.4",
        "Musea",
        _SPC,
        _ECONOMIE,
        "De gemeentelijke musea en hun collecties, bezoekers en educatieprogramma's.",
    ),
    ThemeSeed(
        "5.5",
        "Cultureel erfgoed",
        _SPC,
        _ECONOMIE,
        "Monumenten, archeologie en beschermde stadsgezichten.",
    ),
    ThemeSeed(
        "5.7",
        "Openbaar groen en (openlucht) recreatie",
        _SPC,
        _OPENBARE_RUIMTE,
        "Parken, bomen en groen in de wijk, en ruimte om buiten te recreëren.",
    ),
    ThemeSeed(
        "6.1",
        "Samenkracht en burgerparticipatie",
        _SOC,
        _ZORG,
        "Vrijwilligerswerk, mantelzorg en bewonersinitiatieven die de sociale basis in de wijk "
        "versterken.",
    ),
    ThemeSeed(
        "6.2",
        "Toegang en eerstelijnsvoorzieningen",
        _SOC,
        _ZORG,
        "De sociale wijkteams en andere plekken waar inwoners met een hulpvraag terechtkunnen.",
    ),
    ThemeSeed(
        "6.3",
        "Inkomensregelingen",
        _SOC,
        _WERK,
        "Bijstand, bijzondere bijstand en andere inkomensondersteuning op grond van de "
        "Participatiewet.",
    ),
    ThemeSeed(
        "6.4",
        "Begeleide participatie",
        _SOC,
        _WERK,
        "Sociale werkvoorziening en beschut werk voor mensen die begeleiding nodig hebben om te "
        "kunnen werken.",
    ),
    ThemeSeed(
        "6.5",
        "Arbeidsparticipatie",
        _SOC,
        _WERK,
        "Re-integratie en ondersteuning van werkzoekenden op weg naar betaald werk.",
    ),
    ThemeSeed(
        "6.6",
        "Maatwerkvoorzieningen (WMO)",
        _SOC,
        _ZORG,
        "Hulpmiddelen, woningaanpassingen en vervoersvoorzieningen op grond van de Wmo.",
    ),
    ThemeSeed(
        "6.71",
        "Maatwerkdienstverlening 18+",
        _SOC,
        _ZORG,
        "Huishoudelijke hulp, begeleiding en dagbesteding voor volwassenen die niet op eigen "
        "kracht zelfstandig kunnen wonen.",
    ),
    ThemeSeed(
        "6.72",
        "Maatwerkdienstverlening 18-",
        _SOC,
        _JEUGD,
        "Jeugdhulp voor kinderen en gezinnen, van lichte ondersteuning tot specialistische zorg.",
    ),
    ThemeSeed(
        "6.81",
        "Geëscaleerde zorg 18+",
        _SOC,
        _ZORG,
        "Maatschappelijke opvang, beschermd wonen en de aanpak van dakloosheid.",
    ),
    ThemeSeed(
        "6.82",
        "Geëscaleerde zorg 18-",
        _SOC,
        _JEUGD,
        "Jeugdbescherming en jeugdreclassering, wanneer de veiligheid van een kind in het geding "
        "is.",
    ),
    ThemeSeed(
        "7.1",
        "Volksgezondheid",
        _VGM,
        _ZORG,
        "Preventie, gezondheidsbevordering en de jeugdgezondheidszorg, samen met de GGD.",
    ),
    ThemeSeed(
        "7.2",
        "Riolering",
        _VGM,
        _OPENBARE_RUIMTE,
        "Inzameling en afvoer van afval- en regenwater, vastgelegd in het gemeentelijk "
        "rioleringsplan.",
    ),
    ThemeSeed(
        "7.3",
        "Afval",
        _VGM,
        _OPENBARE_RUIMTE,
        "Inzameling en scheiding van huishoudelijk afval en het terugdringen van restafval.",
    ),
    ThemeSeed(
        "7.4",
        "Milieubeheer",
        _VGM,
        _DUURZAAM,
        "Luchtkwaliteit, geluid, bodem en het toezicht op bedrijven met milieurisico's.",
    ),
    ThemeSeed(
        "8.1",
        "Ruimtelijke ordening",
        _VHR,
        _WONEN,
        "Omgevingsvisie, omgevingsplan en de afweging van ruimtelijke initiatieven.",
    ),
    ThemeSeed(
        "8.3",
        "Wonen en bouwen",
        _VHR,
        _WONEN,
        "De woningmarkt, betaalbaarheid, woonruimteverdeling en afspraken met corporaties.",
    ),
    # --- named topics that cut across task fields ---
    ThemeSeed(
        "vsv",
        "Vroegtijdig schoolverlaten",
        _OND,
        _JEUGD,
        "Jongeren die zonder startkwalificatie de school verlaten. Wie vallen uit, waarom, en "
        "wat helpt om ze terug te leiden naar school of werk?",
    ),
    ThemeSeed(
        "laaggeletterdheid",
        "Laaggeletterdheid",
        _OND,
        _ZORG,
        "Inwoners die moeite hebben met lezen, schrijven, rekenen of digitale vaardigheden.",
    ),
    ThemeSeed(
        "armoede",
        "Armoede en schulden",
        _SOC,
        _WERK,
        "Huishoudens met een laag inkomen of problematische schulden, en de regelingen en hulp "
        "die de gemeente biedt.",
    ),
    ThemeSeed(
        "jeugdzorg",
        "Jeugdzorg",
        _SOC,
        _JEUGD,
        "Het hele jeugdzorgstelsel sinds de decentralisatie: gebruik, kosten, wachttijden en "
        "resultaten.",
    ),
    ThemeSeed(
        "eenzaamheid",
        "Eenzaamheid",
        _SOC,
        _ZORG,
        "Sociaal isolement en eenzaamheid, vooral onder ouderen en jongvolwassenen.",
    ),
    ThemeSeed(
        "inburgering",
        "Inburgering en statushouders",
        _SOC,
        _WERK,
        "Huisvesting, inburgering en participatie van statushouders en andere nieuwkomers.",
    ),
    ThemeSeed(
        "werkgelegenheid",
        "Werkgelegenheid",
        _ECO,
        _ECONOMIE,
        "Banen, werkloosheid en de aansluiting tussen vraag en aanbod op de regionale "
        "arbeidsmarkt.",
    ),
    ThemeSeed(
        "ondermijning",
        "Ondermijning",
        _VEI,
        _VEILIGHEID,
        "De verwevenheid van onder- en bovenwereld: drugscriminaliteit, witwassen en misbruik "
        "van vastgoed en bedrijven.",
    ),
    ThemeSeed(
        "mobiliteit",
        "Mobiliteit",
        _VER,
        _OPENBARE_RUIMTE,
        "Hoe inwoners zich verplaatsen en de overstap naar fiets, openbaar vervoer en elektrisch "
        "rijden.",
    ),
    ThemeSeed(
        "energietransitie",
        "Energietransitie",
        _VGM,
        _DUURZAAM,
        "Van het aardgas af, isoleren en duurzame energie opwekken, wijk voor wijk.",
    ),
    ThemeSeed(
        "klimaatadaptatie",
        "Klimaatadaptatie",
        _VGM,
        _DUURZAAM,
        "De stad voorbereiden op hitte, droogte en hevige regenval.",
    ),
    ThemeSeed(
        "funderingen",
        "Funderingsproblematiek",
        _VHR,
        _WONEN,
        "Woningen op houten palen die door een dalende grondwaterstand schade oplopen, en de "
        "hulp aan eigenaren.",
    ),
    ThemeSeed(
        "woningbouw",
        "Woningbouw",
        _VHR,
        _WONEN,
        "De nieuwbouwopgave: hoeveel woningen worden er gebouwd, voor wie en waar?",
    ),
    ThemeSeed(
        "datagestuurd",
        "Datagestuurd werken",
        _BES,
        _DATA,
        "Informatie vinden, delen en analyseren, zodat beleid en uitvoering op feiten steunen.",
    ),
)

THEMES_BY_CODE: dict[str, ThemeSeed] = {theme.code: theme for theme in THEMES}
