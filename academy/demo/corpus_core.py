"""Hand-written core of the practice corpus.

Training exercises point at these documents by key, so their keys, titles and the facts listed in
CORE_FACTS must stay stable. The generator in `academy.demo.corpus` puts them first and fills the
rest of the corpus around them. The document type lives here rather than in `corpus.py` so that
the generator can import the core without an import cycle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from academy.models.documents import CORPUS_TYPES as DOCTYPES  # noqa: F401  (re-exported)


@dataclass(frozen=True)
class CorpusDocument:
    """One practice document; plain data so the seed command and the benchmark can share it."""

    key: str
    title: str
    summary: str
    body: str
    doctype: str
    theme: str
    year: int
    published: dt.date
    department: str
    author: str
    source: str


def _doc(
    key: str,
    title: str,
    summary: str,
    body: str,
    *,
    doctype: str,
    theme: str,
    published: dt.date,
    department: str,
    author: str,
    source: str,
) -> CorpusDocument:
    """Build a core document; the year always follows the publication date."""
    return CorpusDocument(
        key=key,
        title=title,
        summary=summary,
        body=_paragraphs(body),
        doctype=doctype,
        theme=theme,
        year=published.year,
        published=published,
        department=department,
        author=author,
        source=source,
    )


def _paragraphs(text: str) -> str:
    """Normalise a triple-quoted text: trim lines, keep blank lines between paragraphs."""
    blocks = [block.strip() for block in text.strip().split("\n\n")]
    return "\n\n".join(
        "\n".join(line.strip() for line in block.splitlines()) for block in blocks if block
    )


_MO = "Maatschappelijke Ontwikkeling"
_RW = "Ruimte en Wonen"
_WI = "Werk en Inkomen"
_VH = "Veiligheid en Handhaving"
_OR = "Openbare Ruimte"
_EC = "Economie en Cultuur"
_OS = "Onderzoek en Statistiek"
_BD = "Bestuur en Dienstverlening"

# ---------------------------------------------------------------------------------------------
# Vroegtijdig schoolverlaten
# ---------------------------------------------------------------------------------------------

_VSV_ONDERZOEK_2019 = _doc(
    "kern-vsv-onderzoek-2019",
    "Uitval in beeld: onderzoek naar vroegtijdig schoolverlaten in Lindewaard",
    "Onderzoek onder 4.312 leerlingen naar de achtergronden van vroegtijdig schoolverlaten. "
    "In het schooljaar 2017-2018 verliet 2,8% van de jongeren de school zonder startkwalificatie.",
    """
    Aanleiding
    De gemeenteraad vroeg in 2018 om een beter beeld van de jongeren die zonder startkwalificatie
    de school verlaten. Tot dan toe kende de gemeente alleen het jaarlijkse percentage uit de
    landelijke cijfers, maar niet de achtergronden: wie vallen uit, op welk moment en waarom?

    Onderzoeksvraag en aanpak
    De centrale vraag luidde: welke factoren in de schoolloopbaan en de thuissituatie voorspellen
    vroegtijdig schoolverlaten, en op welke momenten kan de gemeente het best ingrijpen? Het
    onderzoek volgde een cohort van 4.312 leerlingen die tussen 2013 en 2018 in het voortgezet
    onderwijs of het mbo zaten. Daarvoor zijn gegevens uit de RMC-registratie, het
    leerplichtregister en DUO gekoppeld en geanonimiseerd. Daarnaast zijn 26 jongeren en
    19 professionals van scholen, het RMC en de wijkteams geïnterviewd.

    Bevindingen
    In het schooljaar 2017-2018 verliet 2,8% van de jongeren tussen 12 en 23 jaar de school
    zonder startkwalificatie; landelijk was dat 2,0%. Twee op de drie vsv'ers vielen uit in het
    eerste jaar van een mbo-opleiding op niveau 1 of 2. De sterkste voorspeller bleek langdurig
    verzuim in de onderbouw van het voortgezet onderwijs: leerlingen met meer dan 16 uur
    ongeoorloofd verzuim per jaar vielen drie keer zo vaak uit. Een verkeerde studiekeuze,
    schulden en problemen thuis werden in de interviews het vaakst genoemd. In Oostereiland en de
    Vlinderbuurt lag het aandeel vsv'ers ruim boven het stedelijk gemiddelde.

    Conclusies en aanbevelingen
    Uitval is zelden een plotselinge beslissing; het is het eindpunt van een proces dat jaren
    eerder zichtbaar wordt. De onderzoekers bevelen aan om verzuim in de onderbouw eerder op te
    pakken, de overstap van vmbo naar mbo warm te begeleiden en de gegevens van leerplicht en RMC
    voortaan in één registratie bij te houden. Dit onderzoek geldt sindsdien als het
    basisonderzoek voor het vsv-beleid van de gemeente.
    """,
    doctype="onderzoek",
    theme="vsv",
    published=dt.date(2019, 5, 14),
    department=_OS,
    author="Onderzoeksbureau Noordzijde",
    source="S:/Beleid/Jeugd en Onderwijs/2019/onderzoek-vroegtijdig-schoolverlaten.pdf",
)

_VSV_MONITOR_2024 = _doc(
    "kern-vsv-monitor-2024",
    "Monitor voortijdig schoolverlaten 2024",
    "Jaarlijkse monitor van het RMC over voortijdig schoolverlaten. In het schooljaar 2022-2023 "
    "verlieten 193 jongeren de school zonder startkwalificatie, 2,1% van alle leerlingen.",
    """
    Deze monitor beschrijft hoe het staat met voortijdig schoolverlaten in Lindewaard. De cijfers
    komen uit de RMC-registratie en uit de voorlopige vsv-cijfers van DUO en gaan over het
    schooljaar 2022-2023. In de tekst gebruiken we vsv'er voor een jongere tussen 12 en 23 jaar
    die zonder startkwalificatie het onderwijs verlaat.

    Ontwikkelingen
    In het schooljaar 2022-2023 verlieten 193 jongeren de school zonder startkwalificatie. Dat is
    2,1% van alle leerlingen in de leeftijd van 12 tot 23 jaar. Een jaar eerder ging het om 208
    jongeren (2,3%). Sinds het basisonderzoek uit 2019, dat voor 2017-2018 nog 2,8% vond, is het
    aandeel dus gestaag gedaald. Het verschil met het landelijk gemiddelde is kleiner geworden,
    maar Lindewaard zit er nog steeds boven.

    Waar en bij wie
    Bijna driekwart van de vsv'ers valt uit in het mbo, vooral op niveau 1 en 2. In het
    voortgezet onderwijs daalde de uitval naar 0,6%. Tussen de wijken bestaan grote verschillen:
    in Oostereiland verliet 3,9% van de jongeren de school zonder diploma, in Weidezicht 0,8%.
    Jongens vallen vaker uit dan meisjes.

    Terugleiden
    Van de jongeren die in 2021-2022 uitvielen, zat een jaar later 44% weer op school of had
    werk. Trajectbegeleiders van het RMC hielden contact met 91% van de vsv'ers. Een kleine groep
    blijft buiten beeld, meestal omdat het adres in de BRP niet klopt.

    Duiding
    De daling hangt samen met de verzuimaanpak in de onderbouw en met de inzet van
    trajectbegeleiders in het eerste mbo-jaar, de twee aanbevelingen uit het onderzoek van 2019.
    Tegelijk neemt de groep thuiszitters niet af. Die jongeren tellen niet mee in de vsv-cijfers,
    maar lopen wel een groot risico om later zonder startkwalificatie te blijven. De volgende
    monitor verschijnt in het voorjaar van 2025.
    """,
    doctype="monitor",
    theme="vsv",
    published=dt.date(2024, 4, 9),
    department=_MO,
    author="Team Jeugd en Onderwijs",
    source="S:/Beleid/Jeugd en Onderwijs/2024/monitor-voortijdig-schoolverlaten-2024.pdf",
)

_VSV_FACTSHEET_2025 = _doc(
    "kern-vsv-factsheet-2025",
    "Factsheet vroegtijdig schoolverlaten 2025",
    "De kerncijfers over vroegtijdig schoolverlaten in Lindewaard op één pagina, schooljaar "
    "2023-2024. Het aandeel vsv'ers daalde naar 2,0%.",
    """
    Deze factsheet zet de belangrijkste cijfers over vroegtijdig schoolverlaten op een rij. De
    cijfers gaan over het schooljaar 2023-2024, tenzij anders vermeld. Een uitgebreide toelichting
    staat in de jaarlijkse monitor van het RMC.

    Kerncijfers
    Nieuwe vsv'ers: 186 jongeren.
    Aandeel vsv'ers (12-23 jaar): 2,0%.
    Aandeel vsv'ers landelijk: 1,8%.
    Uitval in het mbo niveau 1 en 2: 6,4%.
    Thuiszitters op 1 oktober 2024: 41 leerlingen.
    Jongeren teruggeleid naar school of werk: 46%.

    Toelichting
    Het aandeel vroegtijdig schoolverlaters is voor het vijfde jaar op rij gedaald. De uitval is
    het hoogst onder jongeren van 18 jaar en ouder in het eerste jaar van een mbo-opleiding.
    Oostereiland en de Vlinderbuurt blijven de wijken met de meeste uitval. Het aantal
    thuiszitters daalde licht, van 47 in 2021 naar 41 in 2024. Let op: de landelijke cijfers
    over 2023-2024 zijn nog voorlopig en kunnen in de definitieve telling van DUO iets
    veranderen.

    Wat doet de gemeente?
    De gemeente werkt samen met de scholen, het RMC en de mbo-instellingen aan drie sporen:
    verzuim vroeg signaleren, de overstap van vmbo naar mbo begeleiden en uitgevallen jongeren
    terugleiden via het programma Startblok. Voor jongeren die niet kunnen leren, zoekt het RMC
    samen met het werkplein naar werk met begeleiding.

    Bronnen: RMC-registratie, DUO, leerplichtregister.
    Meer informatie: Team Jeugd en Onderwijs, afdeling Maatschappelijke Ontwikkeling.
    """,
    doctype="factsheet",
    theme="vsv",
    published=dt.date(2025, 3, 18),
    department=_OS,
    author="Team Data en Onderzoek",
    source="L:/Onderzoek en Statistiek/Publicaties/2025/factsheet-vsv-2025.pdf",
)

_SCHOOLUITVAL_EVALUATIE_2021 = _doc(
    "kern-schooluitval-startblok-2021",
    "Schooluitval in het mbo: evaluatie van het programma Startblok",
    "Evaluatie van Startblok, de aanpak die uitgevallen mbo-studenten terugleidt naar school of "
    "werk. Van de 146 deelnemers zat 61% na een jaar weer op school of had werk.",
    """
    Aanleiding
    In 2019 startte de gemeente samen met het RMC en twee mbo-instellingen het programma
    Startblok. Het programma is bedoeld voor jongeren die hun mbo-opleiding hebben afgebroken en
    thuis zitten zonder school of werk. Zij krijgen een vaste coach, een oriëntatieperiode van
    tien weken en hulp bij het kiezen van een nieuwe opleiding of baan. Bij de start is
    afgesproken de aanpak na twee jaar te evalueren.

    Aanpak van de evaluatie
    Bureau Wijkwijzer voerde de evaluatie uit. Het bureau analyseerde de gegevens van alle 146
    deelnemers uit de RMC-registratie, sprak met 22 deelnemers en 14 coaches en docenten, en
    vergeleek de resultaten met een groep schooluitvallers uit de periode voor Startblok.

    Resultaten
    Van de 146 deelnemers zat een jaar na de start 61% weer op school of had betaald werk. In de
    vergelijkingsgroep was dat 38%. Deelnemers noemen de vaste coach als belangrijkste reden dat
    zij het volhielden. De oriëntatieperiode hielp vooral jongeren die eerder een opleiding hadden
    gekozen die niet bij hen paste. Minder goed werkt de aanpak voor jongeren met zware
    psychische problemen of grote schulden; zij haakten vaker af.

    Oordeel
    Startblok draagt aantoonbaar bij aan het terugdringen van schooluitval. De kosten per
    deelnemer liggen met ongeveer 3.100 euro lager dan die van een gemiddeld re-integratietraject.

    Aanbevelingen
    Zet Startblok voort en maak de aanpak structureel. Betrek het wijkteam eerder bij jongeren
    met meervoudige problemen. Leg de gegevens over deelnemers vast in de RMC-registratie, zodat
    het effect ook op langere termijn te volgen is.
    """,
    doctype="evaluatie",
    theme="vsv",
    published=dt.date(2021, 9, 30),
    department=_MO,
    author="Bureau Wijkwijzer",
    source="S:/Beleid/Jeugd en Onderwijs/2021/evaluatie-startblok-schooluitval.pdf",
)

_THUISZITTERS_NOTA_2022 = _doc(
    "kern-thuiszitters-nota-2022",
    "Thuiszitters: samen naar een passende plek. Aanpak 2022-2025",
    "Beleidsnota over leerplichtige kinderen die zonder passend onderwijs thuis zitten. De "
    "gemeente wil het aantal thuiszitters halveren.",
    """
    Inleiding
    Op 1 oktober 2021 zaten in Lindewaard 47 leerplichtige kinderen en jongeren thuis zonder
    passend onderwijs. Een deel van hen zit al langer dan drie maanden thuis. Achter elk getal
    staat een kind dat niet leert, vrienden mist en steeds moeilijker terugkeert naar school.
    Deze nota beschrijft hoe de gemeente, de scholen en het samenwerkingsverband passend
    onderwijs samen het aantal thuiszitters willen terugdringen.

    Wie zijn de thuiszitters?
    De meeste thuiszitters zijn tussen 12 en 16 jaar. Vaak gaat het om kinderen met autisme,
    angstklachten of een combinatie van leer- en gedragsproblemen. Ouders vertellen dat zij van
    loket naar loket worden gestuurd. Onderwijs en jeugdhulp kijken elk naar een deel van het
    probleem, terwijl het kind een aanpak nodig heeft die beide verbindt.

    Ambitie
    Wij willen dat in 2025 geen kind langer dan drie maanden thuis zit en dat het totale aantal
    thuiszitters is gehalveerd.

    Maatregelen
    We richten een thuiszittersoverleg in waar leerplicht, school, jeugdhulp en ouders binnen
    twee weken samen een plan maken. Per school komt er een vast aanspreekpunt in het wijkteam.
    Samen met het samenwerkingsverband ontwikkelen we combinaties van onderwijs en zorg, zoals een
    deeltijdrooster met begeleiding op school. Leerplichtambtenaren krijgen de ruimte om eerder
    in te grijpen bij langdurig verzuim, omdat verzuim vaak aan thuiszitten voorafgaat.

    Monitoring
    Leerplicht telt het aantal thuiszitters twee keer per jaar. De cijfers komen in de monitor
    voortijdig schoolverlaten, zodat zichtbaar wordt hoe thuiszitten en schooluitval
    samenhangen.
    """,
    doctype="nota",
    theme="vsv",
    published=dt.date(2022, 2, 8),
    department=_MO,
    author="Team Jeugd en Onderwijs",
    source="S:/Beleid/Jeugd en Onderwijs/2022/nota-thuiszitters-2022-2025.docx",
)

# ---------------------------------------------------------------------------------------------
# Funderingen
# ---------------------------------------------------------------------------------------------

_FUNDERINGEN_RISICO_2020 = _doc(
    "kern-funderingen-risico-2020",
    "Funderingsrisico's in Lindewaard: welke woningen lopen gevaar?",
    "Extern onderzoek naar woningen op houten palen. 3.870 woningen hebben een verhoogd risico "
    "op funderingsschade, vooral in Oud-Lindewaard, de Kerkebuurt en Vaartkant.",
    """
    Aanleiding
    Na de droge zomers van 2018 en 2019 kwamen er bij de gemeente steeds meer meldingen binnen
    van scheuren in gevels en klemmende deuren. Veel oudere woningen in Lindewaard staan op
    houten palen. Zakt de grondwaterstand, dan komen de paalkoppen droog te staan en kunnen ze
    gaan rotten. De gemeente vroeg Bureau Stadskompas om in kaart te brengen hoeveel woningen
    risico lopen en waar die staan.

    Aanpak
    Het bureau combineerde bouwjaren en funderingstypen uit de BAG en het archief van
    bouwtekeningen met metingen uit het grondwatermeetnet en de resultaten van 112 eerder
    uitgevoerde funderingsonderzoeken. Zo kreeg elke woning van voor 1970 een risicoklasse.

    Bevindingen
    In totaal staan ongeveer 9.400 woningen op een houten fundering. Daarvan hebben 3.870 woningen
    een verhoogd risico op funderingsschade. De grootste concentraties liggen in Oud-Lindewaard
    (1.320 woningen), de Kerkebuurt (980 woningen) en Vaartkant (740 woningen). Het gaat vooral
    om rijtjeswoningen en kleine appartementencomplexen uit de periode 1900-1940. Ruim de helft
    van deze woningen is in particulier bezit; veel eigenaren weten niet dat hun woning risico
    loopt. Op 14 van de 36 meetpunten in deze wijken zakte de grondwaterstand in de zomer onder
    de kritische grens.

    Conclusies en aanbevelingen
    Funderingsschade is geen probleem van een paar straten, maar van hele wijken. Herstel kost
    gemiddeld 60.000 tot 90.000 euro per woning, een bedrag dat veel eigenaren niet kunnen
    opbrengen. Het bureau adviseert de gemeente om eigenaren actief te informeren, het
    grondwaterpeil samen met het waterschap beter te bewaken en een financiële regeling voor
    herstel te verkennen. Ook adviseert het bureau om het funderingsregister jaarlijks bij te
    werken met nieuwe onderzoeksresultaten.
    """,
    doctype="onderzoek",
    theme="funderingen",
    published=dt.date(2020, 6, 23),
    department=_RW,
    author="Bureau Stadskompas",
    source="S:/Beleid/Wonen/2020/onderzoek-funderingsrisicos-lindewaard.pdf",
)

_FUNDERINGEN_ADRESANALYSE_2021 = _doc(
    "kern-funderingen-adresanalyse-2021",
    "Funderingsrisico's op adresniveau: eigen analyse van Team Data en Onderzoek",
    "Interne analyse die het funderingsonderzoek van Bureau Stadskompas uit 2020 verfijnt tot "
    "adresniveau. Bij 1.240 adressen is de urgentie hoog.",
    """
    Waarom een eigen analyse?
    Het onderzoek van Bureau Stadskompas uit 2020 gaf een goed beeld per wijk, maar Team Wonen
    wilde weten welke eigenaren het eerst benaderd moeten worden. Team Data en Onderzoek heeft
    daarom dezelfde vraag opnieuw onderzocht, nu op het niveau van afzonderlijke adressen. Het
    gaat om hetzelfde onderwerp, maar met andere bronnen en een andere indeling.

    Werkwijze
    Naast de bronnen uit het eerdere onderzoek gebruikten we de meldingen van scheurvorming die
    sinds 2018 bij de gemeente zijn binnengekomen, de hoogtemetingen van de Nederlandse
    bodemdalingskaart en de resultaten van 64 nieuwe funderingsonderzoeken. Elk adres kreeg een
    urgentiescore van 1 tot 5. Een hoge score betekent: houten palen, een grondwaterstand die
    in droge zomers onder de paalkoppen zakt en zichtbare schade in de buurt.

    Uitkomsten
    Bij 1.240 adressen is de urgentie hoog (score 4 of 5). Dat is minder dan een derde van de
    3.870 woningen met een verhoogd risico uit het onderzoek van 2020. De hoge scores
    concentreren zich in twintig straten, waarvan elf in Oud-Lindewaard. In de Sluispolder
    vonden we een cluster dat in het eerdere onderzoek niet opviel, omdat het daar om woningen
    uit de jaren vijftig gaat die later zijn opgehoogd.

    Gebruik
    De uitkomsten zijn bedoeld om eigenaren gericht uit te nodigen voor een gratis
    funderingsscan. De adreslijst is vertrouwelijk en alleen beschikbaar voor medewerkers van het
    funderingsloket. De analyse wordt elk voorjaar herhaald.
    """,
    doctype="onderzoek",
    theme="funderingen",
    published=dt.date(2021, 11, 2),
    department=_OS,
    author="Team Data en Onderzoek",
    source="L:/Onderzoek en Statistiek/Publicaties/2021/funderingsrisicos-adresniveau.pdf",
)

_FUNDERINGSHERSTELREGELING_2023 = _doc(
    "kern-funderingsherstelregeling-2023",
    "Raadsvoorstel funderingsherstelregeling 2023",
    "Het college stelt de raad voor een funderingsherstelregeling in te stellen: een lening met "
    "lage rente voor eigenaren van woningen met funderingsschade.",
    """
    Met dit voorstel vragen wij uw raad in te stemmen met de Funderingsherstelregeling
    Lindewaard. Eigenaren van woningen met een aangetaste houten fundering kunnen straks een
    lening met een lage rente krijgen om het herstel te betalen.

    Beslispunten
    1. De Funderingsherstelregeling Lindewaard 2023 vast te stellen.
    2. Een revolverend fonds in te stellen en daarin € 12,5 miljoen te storten.
    3. De kosten te dekken uit de reserve volkshuisvesting.
    4. Het college op te dragen de regeling na drie jaar te evalueren.

    Aanleiding
    Uit onderzoek blijkt dat 3.870 woningen in Lindewaard een verhoogd risico op
    funderingsschade hebben. Herstel kost al snel tienduizenden euro's. Banken zijn terughoudend
    met financiering, waardoor eigenaren herstel uitstellen en de schade verder oploopt.

    Beoogd effect
    Wij willen dat in 2030 minimaal 600 woningen met een hoog risico zijn hersteld of
    onderzocht, en dat geen eigenaar afziet van herstel omdat hij het niet kan betalen.

    Argumenten
    Een lening via een revolverend fonds komt terug in het fonds en kan opnieuw worden uitgeleend.
    De regeling sluit aan op de landelijke ondersteuning voor funderingsherstel. Eigenaren
    kunnen maximaal 80% van de herstelkosten lenen, met een looptijd van ten hoogste dertig jaar.
    Voor eigenaren met een laag inkomen geldt een woonlastentoets, zodat niemand meer betaalt
    dan hij kan dragen.

    Kanttekeningen
    Het fonds is niet groot genoeg om alle woningen met risico te helpen. Daarom gaan adressen met
    de hoogste urgentie voor.

    Vervolg
    Na uw besluit opent het funderingsloket een aanmeldpunt. Eigenaren in Oud-Lindewaard en de
    Kerkebuurt krijgen als eersten een brief.

    Burgemeester en wethouders van Lindewaard.
    """,
    doctype="raadsvoorstel",
    theme="funderingen",
    published=dt.date(2023, 5, 16),
    department=_RW,
    author="Team Wonen",
    source="G:/Raadsinformatie/2023/raadsvoorstel-funderingsherstelregeling-2023.pdf",
)

# ---------------------------------------------------------------------------------------------
# Armoede en schulden
# ---------------------------------------------------------------------------------------------

_ARMOEDEMONITOR_2023 = _doc(
    "kern-armoedemonitor-2023",
    "Armoedemonitor Lindewaard 2023",
    "Monitor met de cijfers over armoede en schulden. In 2022 had 12,4% van de huishoudens een "
    "inkomen tot 120% van het sociaal minimum.",
    """
    Deze armoedemonitor beschrijft hoeveel huishoudens in Lindewaard rond moeten komen van een
    laag inkomen, wie dat zijn en of zij de regelingen van de gemeente weten te vinden. De
    cijfers gaan over 2022 en komen uit de inkomensstatistiek van het CBS, het Inlichtingenbureau
    en de minimaregistratie van de gemeente.

    Huishoudens met een laag inkomen
    In 2022 had 12,4% van de huishoudens een inkomen tot 120% van het sociaal minimum. Dat zijn
    ongeveer 6.900 huishoudens. In 2020 lag het aandeel nog op 11,6%. De stijging komt vooral
    door werkende huishoudens met een flexibel contract en door zelfstandigen die na de
    coronajaren minder verdienen. Ruim een derde van de minimahuishoudens heeft geen uitkering
    maar een inkomen uit werk.

    Verschillen tussen wijken
    Het aandeel minimahuishoudens is het hoogst in Oostereiland (21,7%) en de Vlinderbuurt
    (19,3%) en het laagst in Weidezicht (4,9%). In deze wijken wonen ook relatief veel
    alleenstaande ouders.

    Schulden
    Het aantal huishoudens dat zich meldde voor schuldhulpverlening steeg naar 1.130. Door de
    gestegen energieprijzen kwamen vooral meer huishoudens met betalingsachterstanden bij
    energie en huur in beeld via de vroegsignalering.

    Gebruik van regelingen
    Van de huishoudens die recht hebben op de stadspas, gebruikt 63% de pas. Het bereik van de
    energietoeslag was hoger, 84%, omdat huishoudens met een uitkering de toeslag automatisch
    ontvingen. Werkende minima blijven de groep die het minst gebruikmaakt van regelingen.

    Conclusie
    Armoede in Lindewaard neemt licht toe en verschuift naar huishoudens met werk. De monitor
    raadt aan de regelingen beter bekend te maken via werkgevers, scholen en huisartsen.
    """,
    doctype="monitor",
    theme="armoede",
    published=dt.date(2023, 10, 3),
    department=_OS,
    author="Team Data en Onderzoek",
    source="L:/Onderzoek en Statistiek/Publicaties/2023/armoedemonitor-2023.pdf",
)

_SCHULDHULP_EVALUATIE_2022 = _doc(
    "kern-schuldhulp-evaluatie-2022",
    "Evaluatie schuldhulpverlening 2018-2021",
    "Evaluatie van de gemeentelijke schuldhulpverlening. De wachttijd voor een eerste gesprek "
    "daalde naar gemiddeld 9 werkdagen; vroegsignalering bereikt nieuwe groepen.",
    """
    Aanleiding
    In het beleidsplan schuldhulpverlening 2018-2021 beloofde de gemeente sneller te helpen en
    schulden eerder op te sporen. Deze evaluatie kijkt terug op die periode en beantwoordt de
    vraag of de doelen zijn gehaald.

    Aanpak van de evaluatie
    Team Werk en Inkomen analyseerde de registratie van alle aanmeldingen en trajecten. Daarnaast
    zijn 31 inwoners die hulp kregen geïnterviewd en is een groepsgesprek gevoerd met
    schuldhulpverleners, de voedselbank en de woningcorporaties.

    Resultaten
    Het aantal aanmeldingen steeg van 812 in 2018 naar 1.068 in 2021. De wachttijd voor een
    eerste gesprek daalde van gemiddeld 23 naar 9 werkdagen, ruim binnen de wettelijke termijn.
    Sinds 2020 ontvangt de gemeente signalen van woningcorporaties, energieleveranciers en
    zorgverzekeraars over betalingsachterstanden. Via deze vroegsignalering kwamen 540
    huishoudens in beeld die zich zelf niet hadden gemeld. Van de afgesloten trajecten eindigde
    58% met een schuldenregeling of een stabiele situatie.

    Oordeel
    De schuldhulpverlening is sneller en toegankelijker geworden. Vroegsignalering werkt: de
    schulden van huishoudens die zo in beeld komen, zijn gemiddeld de helft lager dan die van
    huishoudens die zich zelf melden. Minder goed gaat het met de nazorg; een op de vijf
    huishoudens meldt zich binnen twee jaar opnieuw.

    Aanbevelingen
    Zet de vroegsignalering voort en breid haar uit naar waterbedrijven. Bied na een afgerond
    traject standaard een jaar lichte begeleiding aan. Let daarbij op laaggeletterdheid, die
    volgens schuldhulpverleners vaak de oorzaak is van achterstanden.
    """,
    doctype="evaluatie",
    theme="armoede",
    published=dt.date(2022, 6, 14),
    department=_WI,
    author="Team Werk en Inkomen",
    source="S:/Beleid/Werk en Inkomen/2022/evaluatie-schuldhulpverlening-2018-2021.pdf",
)

_KINDEREN_ARMOEDE_2024 = _doc(
    "kern-kinderen-armoede-factsheet-2024",
    "Factsheet kinderen in armoede 2024",
    "Kerncijfers over kinderen die opgroeien in een huishouden met een laag inkomen. In 2023 ging "
    "het om 2.740 kinderen in Lindewaard.",
    """
    Deze factsheet geeft de belangrijkste cijfers over kinderen die opgroeien in armoede. Het gaat
    om kinderen tot 18 jaar in een huishouden met een inkomen tot 120% van het sociaal minimum.
    De cijfers gaan over 2023.

    Kerncijfers
    Kinderen in een minimahuishouden: 2.740.
    Aandeel van alle kinderen: 14,6%.
    Kinderen in een eenoudergezin met een laag inkomen: 1.150.
    Gebruik van het kindpakket: 71%.
    Kinderen die via het sportfonds lid zijn van een club: 820.

    Toelichting
    Ongeveer een op de zeven kinderen in Lindewaard groeit op in armoede. Ruim vier op de tien
    van hen wonen in een eenoudergezin. Kinderen in armoede sporten minder vaak, hebben vaker
    overgewicht en krijgen vaker een lager schooladvies. Het kindpakket, met onder meer een
    schoolreisbijdrage, een laptop voor de brugklas en een fiets, bereikt steeds meer gezinnen.

    Wat doet de gemeente?
    De gemeente betaalt het kindpakket, werkt samen met scholen aan gratis ontbijt en zorgt via
    het sportfonds en de cultuurpas dat kinderen kunnen meedoen. Ouders die geen gebruikmaken van
    regelingen worden benaderd via de school en het consultatiebureau. De volledige cijfers over
    huishoudens met een laag inkomen staan in de armoedemonitor.

    Bronnen: inkomensstatistiek van het CBS, minimaregistratie, registratie kindpakket.
    Meer informatie: Team Werk en Inkomen, afdeling Werk en Inkomen.
    """,
    doctype="factsheet",
    theme="armoede",
    published=dt.date(2024, 2, 27),
    department=_WI,
    author="Team Werk en Inkomen",
    source="S:/Beleid/Werk en Inkomen/2024/factsheet-kinderen-in-armoede-2024.pdf",
)


# ---------------------------------------------------------------------------------------------
# Jeugdzorg
# ---------------------------------------------------------------------------------------------

_JEUGDZORG_KOSTEN_2022 = _doc(
    "kern-jeugdzorg-kosten-2022",
    "Waar gaat het geld naartoe? Kostenanalyse jeugdzorg 2015-2021",
    "Analyse van de uitgaven aan jeugdzorg sinds de decentralisatie. De uitgaven stegen naar "
    "€ 47,3 miljoen in 2021, vooral door langere trajecten.",
    """
    Aanleiding
    Sinds de decentralisatie van 2015 is de gemeente verantwoordelijk voor alle jeugdhulp. Elk
    jaar gaf Lindewaard meer uit dan begroot. De raad vroeg om te onderzoeken waar de stijging
    vandaan komt, zodat bijsturing op feiten kan steunen in plaats van op aannames.

    Onderzoeksvraag en aanpak
    De vraag was: welke vormen van jeugdzorg, welke groepen jongeren en welke aanbieders
    verklaren de stijging van de uitgaven tussen 2015 en 2021? Team Data en Onderzoek koppelde
    de declaraties van alle jeugdhulpaanbieders aan de beleidsinformatie jeugd van het CBS en de
    Iv3-rapportages van de gemeente. Alle gegevens zijn op trajectniveau geanonimiseerd.

    Bevindingen
    De totale uitgaven aan jeugdzorg stegen van € 29,8 miljoen in 2015 naar € 47,3 miljoen in
    2021. Het aantal jongeren met jeugdzorg groeide in die periode met 18%, de uitgaven met 59%.
    De stijging komt dus vooral door duurdere en langere trajecten, niet door meer jongeren. De
    gemiddelde duur van een ambulant traject nam toe van 9 naar 14 maanden. Ongeveer 8% van de
    jongeren met jeugdzorg is goed voor de helft van de kosten; het gaat vooral om jeugdhulp met
    verblijf en specialistische ggz. Het aantal aanbieders groeide van 74 naar 212, waardoor de
    gemeente veel minder zicht heeft op kwaliteit en resultaat.

    Conclusies
    De kosten zijn te beïnvloeden, maar niet door simpelweg minder jongeren toe te laten. De
    grootste winst zit in kortere trajecten met duidelijke doelen, in het terugdringen van
    verblijf en in minder aanbieders met wie betere afspraken worden gemaakt. Deze analyse vormt
    de onderbouwing van het raadsvoorstel over de nieuwe koers voor de jeugdhulp.
    """,
    doctype="onderzoek",
    theme="jeugdzorg",
    published=dt.date(2022, 9, 20),
    department=_OS,
    author="Team Data en Onderzoek",
    source="L:/Onderzoek en Statistiek/Publicaties/2022/kostenanalyse-jeugdzorg-2015-2021.pdf",
)

_JEUGDZORG_RAADSVOORSTEL_2023 = _doc(
    "kern-jeugdzorg-raadsvoorstel-2023",
    "Raadsvoorstel Koers Jeugdhulp 2024-2027",
    "Het college vraagt de raad in te stemmen met een nieuwe koers voor de jeugdhulp: minder "
    "aanbieders, kortere trajecten en meer hulp in de wijk.",
    """
    Met dit voorstel vragen wij uw raad in te stemmen met de Koers Jeugdhulp 2024-2027. De koers
    moet de jeugdhulp beter en betaalbaar houden.

    Beslispunten
    1. In te stemmen met de Koers Jeugdhulp 2024-2027.
    2. Voor de transformatie een incidenteel budget van € 3,2 miljoen beschikbaar te stellen.
    3. De kosten te dekken uit de reserve sociaal domein.
    4. Het college op te dragen de raad twee keer per jaar te informeren over de voortgang.

    Aanleiding
    De kostenanalyse jeugdzorg 2015-2021 laat zien dat de uitgaven in zes jaar met 59% zijn
    gestegen, terwijl het aantal jongeren met jeugdzorg met 18% groeide. De wachttijden voor
    specialistische hulp lopen op tot vijftien weken. Zonder bijsturing verwachten wij in 2027
    een tekort van ruim € 6 miljoen per jaar.

    Beoogd effect
    Wij willen dat jongeren sneller de juiste hulp krijgen, dichter bij huis, en dat de uitgaven
    in 2027 niet hoger zijn dan in 2023.

    Argumenten
    We contracteren vanaf 2025 nog maar 40 aanbieders in plaats van ruim 200, met afspraken over
    resultaat en duur. Praktijkondersteuners jeugd bij de huisartsen en de wijkteams bieden
    lichte hulp zelf, zodat minder jongeren worden doorverwezen. Voor jongeren die 18 worden,
    beginnen we een jaar eerder met het plannen van de overgang naar volwassenenzorg.

    Kanttekeningen
    Minder aanbieders betekent dat sommige gezinnen moeten overstappen. Wij zorgen dat lopende
    trajecten worden afgemaakt.

    Financiën
    Het incidentele budget van € 3,2 miljoen is nodig voor de overgang. Vanaf 2026 verwachten wij
    een structurele besparing van € 2,5 miljoen per jaar.

    Burgemeester en wethouders van Lindewaard.
    """,
    doctype="raadsvoorstel",
    theme="jeugdzorg",
    published=dt.date(2023, 11, 7),
    department=_MO,
    author="Team Jeugd en Onderwijs",
    source="G:/Raadsinformatie/2023/raadsvoorstel-koers-jeugdhulp-2024-2027.pdf",
)

# ---------------------------------------------------------------------------------------------
# Woningbouw en wonen
# ---------------------------------------------------------------------------------------------

_WONINGBEHOEFTE_2016 = _doc(
    "kern-woningbehoefte-2016",
    "Woningbehoefteonderzoek Lindewaard 2016",
    "Onderzoek naar de woningbehoefte tot 2025. Lindewaard heeft tot 2025 ongeveer 3.900 extra "
    "woningen nodig, vooral voor kleine huishoudens.",
    """
    Aanleiding
    De gemeente actualiseert haar woonvisie. Daarvoor is inzicht nodig in de ontwikkeling van de
    bevolking en de huishoudens en in de woonwensen van inwoners. Adviesbureau Lindeboom &
    Partners voerde dit woningbehoefteonderzoek uit.

    Aanpak
    Het onderzoek combineert de bevolkingsprognose van de provincie met het woononderzoek onder
    2.150 inwoners en gegevens uit de woonruimteverdeling. De woningbehoefte is berekend voor de
    periode 2016 tot 2025.

    Bevindingen
    Lindewaard heeft tot 2025 ongeveer 3.900 extra woningen nodig. De groei komt vooral van
    kleine huishoudens: alleenstaanden, jonge stellen en ouderen die na het vertrek van de
    kinderen kleiner willen wonen. Van de extra woningen zou ongeveer 30% sociale huur moeten
    zijn en 25% betaalbare koop. De gemiddelde inschrijfduur voor een sociale huurwoning
    bedroeg in 2015 6,8 jaar; starters wachten het langst. De vraag naar eengezinswoningen
    blijft groot onder jonge gezinnen, die nu vaak vertrekken naar omliggende gemeenten. Het
    aantal 75-plussers neemt tot 2025 met 28% toe.

    Conclusies
    De opgave is fors maar haalbaar binnen de bestaande plannen, mits de gemeente inzet op
    kleinere woningen en levensloopbestendig bouwen. Het bureau adviseert de woningbehoefte elke
    vijf jaar opnieuw te bepalen, omdat migratie en de woningmarkt snel kunnen veranderen. De
    uitkomsten worden gebruikt in de woonvisie en in de prestatieafspraken met de
    woningcorporaties.
    """,
    doctype="onderzoek",
    theme="woningbouw",
    published=dt.date(2016, 3, 22),
    department=_RW,
    author="Adviesbureau Lindeboom & Partners",
    source="S:/Beleid/Wonen/2016/woningbehoefteonderzoek-2016.pdf",
)

_WONINGBEHOEFTE_2021 = _doc(
    "kern-woningbehoefte-2021",
    "Woningbehoefteonderzoek Lindewaard 2021-2030",
    "Nieuw onderzoek naar de woningbehoefte tot 2030, ter vervanging van het onderzoek uit "
    "2016. Lindewaard heeft 6.800 extra woningen nodig.",
    """
    Dit onderzoek vervangt het Woningbehoefteonderzoek Lindewaard 2016. De uitkomsten van dat
    eerdere onderzoek zijn niet meer actueel: de bevolking groeide sneller dan verwacht, de
    huishoudens werden kleiner en de prijzen op de woningmarkt stegen sterk. Gebruik voor beleid
    en plannen daarom alleen nog de cijfers uit dit rapport.

    Aanpak
    Team Data en Onderzoek berekende de woningbehoefte tot 2030 op basis van de nieuwe
    bevolkingsprognose, het woononderzoek onder 3.020 inwoners, de BAG en de wachttijden in de
    woonruimteverdeling. Ook is gekeken naar het tekort dat nu al bestaat.

    Bevindingen
    Lindewaard heeft tot 2030 6.800 extra woningen nodig. Dat is bijna twee keer zoveel als het
    onderzoek uit 2016 voorspelde. Het huidige tekort bedraagt ongeveer 1.400 woningen. De
    vraag is het grootst naar betaalbare woningen voor starters en middeninkomens en naar
    gelijkvloerse woningen voor ouderen. De gemiddelde inschrijfduur voor een sociale
    huurwoning steeg naar 9,6 jaar. Jonge mensen die in Lindewaard zijn opgegroeid, vertrekken
    vaker naar andere gemeenten omdat zij hier niets kunnen vinden.

    Conclusies
    Om de behoefte bij te houden moeten er jaarlijks ongeveer 750 woningen bij komen. Minstens
    twee derde daarvan moet betaalbaar zijn. Wordt dat tempo niet gehaald, dan loopt het tekort
    verder op en wordt doorstroming op de woningmarkt nog moeilijker. Het onderzoek vormt de
    basis voor het nieuwe woningbouwprogramma.
    """,
    doctype="onderzoek",
    theme="woningbouw",
    published=dt.date(2021, 10, 12),
    department=_OS,
    author="Team Data en Onderzoek",
    source="L:/Onderzoek en Statistiek/Publicaties/2021/woningbehoefteonderzoek-2021-2030.pdf",
)

_WONINGBOUWPROGRAMMA_2022 = _doc(
    "kern-woningbouwprogramma-2022",
    "Raadsvoorstel Woningbouwprogramma 2022-2030",
    "Het college vraagt de raad het woningbouwprogramma vast te stellen: 7.500 nieuwe woningen "
    "tot en met 2030, waarvan twee derde betaalbaar.",
    """
    Met dit voorstel vragen wij uw raad het Woningbouwprogramma 2022-2030 vast te stellen. Het
    programma legt vast hoeveel woningen we bouwen, voor wie en waar.

    Beslispunten
    1. Het Woningbouwprogramma 2022-2030 vast te stellen.
    2. In te stemmen met de verdeling van twee derde betaalbare en een derde vrije sector
    woningen.
    3. Een voorbereidingskrediet van € 4,8 miljoen beschikbaar te stellen.
    4. Het college op te dragen jaarlijks een woningbouwmonitor aan de raad te sturen.

    Aanleiding
    Het woningbehoefteonderzoek 2021-2030 laat zien dat Lindewaard tot 2030 6.800 extra woningen
    nodig heeft. Omdat een deel van de plannen altijd uitvalt of vertraagt, programmeren wij
    meer: 7.500 woningen tot en met 2030.

    Beoogd effect
    Starters, middeninkomens en ouderen vinden sneller een passende woning en de wachttijd voor
    een sociale huurwoning daalt.

    Argumenten
    Ruim de helft van de nieuwe woningen komt op binnenstedelijke locaties, zoals het
    Havenkwartier en de Spoorzone, zodat we het groen rond de stad sparen. In Rietvelden komt een
    nieuwe wijk met 1.900 woningen. Met de woningcorporaties zijn prestatieafspraken gemaakt over
    2.100 sociale huurwoningen. Met een versnellingsteam pakken we knelpunten in procedures aan.

    Kanttekeningen
    Netcongestie, stikstofregels en de gestegen bouwkosten kunnen projecten vertragen. Wij
    houden daarom een reservelijst van plannen aan.

    Financiën
    Het voorbereidingskrediet wordt terugverdiend uit de grondexploitaties.

    Burgemeester en wethouders van Lindewaard.
    """,
    doctype="raadsvoorstel",
    theme="woningbouw",
    published=dt.date(2022, 4, 5),
    department=_RW,
    author="Team Wonen",
    source="G:/Raadsinformatie/2022/raadsvoorstel-woningbouwprogramma-2022-2030.pdf",
)

# ---------------------------------------------------------------------------------------------
# Veiligheid, economie, duurzaamheid
# ---------------------------------------------------------------------------------------------

_ONDERMIJNINGSBEELD_2021 = _doc(
    "kern-ondermijningsbeeld-2021",
    "Ondermijningsbeeld Lindewaard 2021",
    "Onderzoek naar de aard en omvang van ondermijnende criminaliteit in Lindewaard. In twee jaar "
    "zijn 214 signalen verzameld, met bedrijventerreinen als kwetsbaarste plek.",
    """
    Aanleiding
    Ondermijnende criminaliteit is vaak onzichtbaar: criminelen gebruiken legale bedrijven,
    panden en diensten om drugshandel of witwassen af te schermen. Om gericht te kunnen optreden
    wilde de gemeente weten waar en hoe ondermijning in Lindewaard voorkomt.

    Aanpak
    Team Veiligheid stelde dit beeld op samen met de politie en het RIEC. Er zijn 214 signalen
    uit de periode 2019-2020 geanalyseerd, afkomstig uit de politieregistratie, meldingen van
    gemeentelijke medewerkers, Bibob-onderzoeken en controles op bedrijventerreinen. Daarnaast
    zijn 17 professionals geïnterviewd, onder wie wijkagenten, handhavers en
    vergunningverleners.

    Bevindingen
    De meeste signalen gaan over drugs: opslag en handel, maar ook hennepteelt in woningen en
    bedrijfsruimten. Bedrijventerrein De Hoek en de Zuiderhaven zijn de kwetsbaarste locaties,
    vanwege de vele verhuurde loodsen waar weinig toezicht op is. In de binnenstad zagen de
    onderzoekers signalen van witwassen via cash-intensieve bedrijven zoals kapperszaken en
    belwinkels. Zorgelijk is dat jongeren uit Oostereiland en de Molenwijk worden geronseld als
    koerier of uitkijk, vaak via sociale media.

    Conclusies
    Ondermijning in Lindewaard is geen incident, maar een structureel probleem dat zich
    concentreert op een paar plekken. Het beeld vraagt om een integrale aanpak: strengere
    vergunningverlening met Bibob, gezamenlijke controles op bedrijventerreinen en preventie
    gericht op jongeren. Het ondermijningsbeeld wordt elke twee jaar geactualiseerd. Dit
    document is vertrouwelijk; een openbare samenvatting is naar de raad gestuurd.
    """,
    doctype="onderzoek",
    theme="ondermijning",
    published=dt.date(2021, 3, 11),
    department=_VH,
    author="Team Veiligheid",
    source="S:/Beleid/Veiligheid/2021/ondermijningsbeeld-2021.pdf",
)

_WERKGELEGENHEIDSMONITOR_2024 = _doc(
    "kern-werkgelegenheidsmonitor-2024",
    "Werkgelegenheidsmonitor 2024",
    "Jaarlijkse monitor van banen en vestigingen in Lindewaard. Het aantal banen groeide in 2023 "
    "naar 61.400, vooral in de zorg en de logistiek.",
    """
    De werkgelegenheidsmonitor volgt elk jaar de ontwikkeling van banen, vestigingen en
    werkloosheid in Lindewaard. De cijfers gaan over de situatie op 1 april 2023 en komen uit het
    vestigingenregister, de arbeidsmarktstatistiek van het CBS en gegevens van het UWV.

    Banen en vestigingen
    Op 1 april 2023 telde Lindewaard 61.400 banen, 2,3% meer dan een jaar eerder. Het aantal
    vestigingen steeg naar 10.850. De groei zit vooral in de zorg, de logistiek en de zakelijke
    dienstverlening. In de detailhandel daalde het aantal banen voor het derde jaar op rij. Bijna
    een op de vijf banen is in de zorg.

    Werkloosheid
    De werkloosheid daalde naar 4,1% van de beroepsbevolking. Onder jongeren tot 25 jaar ligt
    het percentage met 7,8% bijna twee keer zo hoog. In Oostereiland en het Westerkwartier is
    de werkloosheid het hoogst.

    Vacatures
    Werkgevers in de regio hadden eind 2023 ruim 5.600 openstaande vacatures. In de techniek,
    het onderwijs en de zorg staat de helft van de vacatures langer dan drie maanden open. Dat
    remt de groei van bedrijven en zet de dienstverlening in de zorg onder druk.

    Duiding
    De arbeidsmarkt is krap. Dat biedt kansen voor werkzoekenden die lang aan de kant stonden,
    maar alleen als opleiding en begeleiding aansluiten op wat werkgevers vragen. De monitor is
    ook als dashboard beschikbaar op het intranet, met cijfers per sector en per wijk.
    """,
    doctype="monitor",
    theme="werkgelegenheid",
    published=dt.date(2024, 2, 13),
    department=_EC,
    author="Team Economie en Cultuur",
    source="S:/Beleid/Economie en Cultuur/2024/werkgelegenheidsmonitor-2024.pdf",
)

_TRANSITIEVISIE_WARMTE_2021 = _doc(
    "kern-transitievisie-warmte-2021",
    "Transitievisie warmte Lindewaard",
    "Nota die vastlegt hoe en wanneer de wijken van Lindewaard van het aardgas af gaan. Als eerste "
    "zijn Oostereiland en de Molenwijk aan de beurt, samen 4.200 woningen.",
    """
    Inleiding
    Uiterlijk in 2050 moeten alle gebouwen in Nederland zonder aardgas worden verwarmd. In deze
    transitievisie warmte legt de gemeente vast in welke volgorde de wijken van Lindewaard aan de
    beurt zijn en welke alternatieven voor aardgas daar het meest voor de hand liggen. De visie
    is opgesteld samen met de netbeheerder, de woningcorporaties en bewoners.

    Ambitie
    Wij willen dat in 2030 ongeveer 9.000 woningen aardgasvrij of aardgasvrij-gereed zijn. Dat
    is ongeveer een vijfde van alle woningen in de gemeente.

    Uitgangspunten
    De warmtetransitie moet betaalbaar zijn voor iedereen: geen enkel huishouden mag er in
    woonlasten op achteruitgaan. We beginnen met isoleren, want energie die je niet gebruikt,
    hoef je ook niet op te wekken. We kiezen per wijk de oplossing met de laagste kosten voor de
    samenleving.

    Wijken en volgorde
    Als eerste zijn Oostereiland en de Molenwijk aan de beurt, samen 4.200 woningen. Hier staan
    veel corporatiewoningen uit de jaren zestig en zeventig en kan een warmtenet worden gevoed
    met restwarmte van de Zuiderhaven. In de historische binnenstad en Oud-Lindewaard ligt een
    warmtenet minder voor de hand; daar onderzoeken we groen gas en hybride warmtepompen. Voor
    de nieuwbouwwijk Rietvelden geldt dat alle woningen zonder gasaansluiting worden gebouwd.

    Vervolg
    Per wijk maken we een wijkuitvoeringsplan. Het energieloket helpt eigenaren met advies en
    subsidies. De transitievisie wordt elke vijf jaar herzien.
    """,
    doctype="nota",
    theme="energietransitie",
    published=dt.date(2021, 12, 14),
    department=_RW,
    author="Team Duurzaamheid en Milieu",
    source="S:/Beleid/Duurzaamheid en Milieu/2021/transitievisie-warmte.pdf",
)

# ---------------------------------------------------------------------------------------------
# Laaggeletterdheid: two near-duplicates from different years ("is it current?")
# ---------------------------------------------------------------------------------------------

_LAAGGELETTERDHEID_2016 = _doc(
    "kern-laaggeletterdheid-factsheet-2016",
    "Factsheet laaggeletterdheid 2016",
    "Kerncijfers over laaggeletterdheid in Lindewaard. Naar schatting is 14,2% van de "
    "volwassenen laaggeletterd.",
    """
    Deze factsheet geeft een beeld van laaggeletterdheid in Lindewaard: volwassenen die moeite
    hebben met lezen, schrijven of rekenen. De cijfers zijn schattingen op basis van landelijk
    onderzoek, vertaald naar de bevolkingssamenstelling van Lindewaard in 2015.

    Kerncijfers
    Geschat aandeel laaggeletterde volwassenen (16-65 jaar): 14,2%.
    Geschat aantal laaggeletterde volwassenen: 7.300.
    Deelnemers aan taalcursussen in 2015: 310.
    Taalvrijwilligers: 85.
    Deelnemers die een cursus afrondden: 58%.

    Toelichting
    Laaggeletterdheid komt in alle wijken voor. Meer dan de helft van de laaggeletterden is in
    Nederland geboren. Veel mensen verbergen hun probleem, bijvoorbeeld door te zeggen dat ze hun
    bril zijn vergeten. Laaggeletterden hebben vaker een laag inkomen, schulden en een slechtere
    gezondheid. Slechts een klein deel van hen volgt een cursus. Kinderen van laaggeletterde
    ouders lopen een groter risico op een taalachterstand, omdat thuis minder wordt voorgelezen.

    Wat doet de gemeente?
    In 2016 opent in de centrale bibliotheek een Taalhuis, waar inwoners terechtkunnen voor
    informatie, een intake en een cursus. Medewerkers van het werkplein en de schuldhulpverlening
    worden getraind om laaggeletterdheid te herkennen en mensen door te verwijzen. Ook het
    consultatiebureau gaat ouders wijzen op het aanbod.

    Bronnen: landelijke schattingen van laaggeletterdheid, bevolkingscijfers van de BRP,
    registratie van cursusaanbieders.
    Meer informatie: Team Zorg en Welzijn, afdeling Maatschappelijke Ontwikkeling.
    """,
    doctype="factsheet",
    theme="laaggeletterdheid",
    published=dt.date(2016, 9, 8),
    department=_MO,
    author="Team Zorg en Welzijn",
    source="S:/Beleid/Zorg en Welzijn/2016/factsheet-laaggeletterdheid.pdf",
)

_LAAGGELETTERDHEID_2023 = _doc(
    "kern-laaggeletterdheid-factsheet-2023",
    "Factsheet laaggeletterdheid 2023",
    "Kerncijfers over laaggeletterdheid in Lindewaard. Naar schatting is 11,8% van de "
    "volwassenen laaggeletterd; het Taalhuis bereikte 640 deelnemers.",
    """
    Deze factsheet geeft een beeld van laaggeletterdheid in Lindewaard: volwassenen die moeite
    hebben met lezen, schrijven, rekenen of digitale vaardigheden. De cijfers zijn schattingen op
    basis van landelijk onderzoek, vertaald naar de bevolkingssamenstelling van Lindewaard in
    2022. Omdat de landelijke meetmethode is veranderd, zijn de cijfers niet één op één te
    vergelijken met eerdere factsheets.

    Kerncijfers
    Geschat aandeel laaggeletterde volwassenen (16-66 jaar): 11,8%.
    Geschat aantal laaggeletterde volwassenen: 6.450.
    Deelnemers Taalhuis en taalcursussen in 2022: 640.
    Taalvrijwilligers: 190.
    Deelnemers die een cursus afrondden: 72%.

    Toelichting
    Het geschatte aandeel laaggeletterden is lager dan enkele jaren geleden, maar de groep die
    moeite heeft met digitale vaardigheden groeit. Steeds meer zaken met de overheid, de bank en
    de zorg gaan online, en wie dat niet kan, loopt vast. Het Taalhuis bereikt nu twee keer
    zoveel deelnemers als bij de opening. De meeste deelnemers komen via het werkplein, de
    schuldhulpverlening en de bibliotheek.

    Wat doet de gemeente?
    De gemeente financiert het Taalhuis, digitale spreekuren in de wijkcentra en taalcoaches op
    het werkplein. Nieuw is de aanpak met werkgevers, die hun medewerkers op de werkvloer laten
    oefenen met lezen en schrijven.

    Bronnen: landelijke schattingen van laaggeletterdheid, BRP, registratie van het Taalhuis.
    Meer informatie: Team Zorg en Welzijn, afdeling Maatschappelijke Ontwikkeling.
    """,
    doctype="factsheet",
    theme="laaggeletterdheid",
    published=dt.date(2023, 9, 7),
    department=_MO,
    author="Team Zorg en Welzijn",
    source="S:/Beleid/Zorg en Welzijn/2023/factsheet-laaggeletterdheid.pdf",
)

# ---------------------------------------------------------------------------------------------
# Zorg, welzijn, veiligheid en klimaat
# ---------------------------------------------------------------------------------------------

_EENZAAMHEID_ONDERZOEK_2022 = _doc(
    "kern-eenzaamheid-onderzoek-2022",
    "Alleen in de stad: onderzoek naar eenzaamheid in Lindewaard",
    "Onderzoek onder 1.874 inwoners naar eenzaamheid. 49% voelt zich matig of ernstig eenzaam; "
    "jongvolwassenen en alleenwonende ouderen het vaakst.",
    """
    Aanleiding
    Tijdens en na de coronaperiode meldden welzijnsorganisaties, huisartsen en kerken dat steeds
    meer inwoners zich eenzaam voelen. De gemeente vroeg Kennisinstituut De Brug om te
    onderzoeken hoe groot het probleem is, wie het treft en wat helpt.

    Onderzoeksvraag en aanpak
    Het onderzoek beantwoordt drie vragen: hoeveel inwoners voelen zich eenzaam, welke groepen
    lopen het meeste risico en welke activiteiten dragen bij aan minder eenzaamheid? Er is een
    vragenlijst uitgezet onder een steekproef van inwoners; 1.874 inwoners vulden die volledig
    in. Daarnaast zijn 24 inwoners thuis geïnterviewd en zijn de resultaten vergeleken met de
    GGD-gezondheidsmonitor.

    Bevindingen
    Van de ondervraagde inwoners voelt 49% zich matig of ernstig eenzaam; 12% is ernstig
    eenzaam. Eenzaamheid komt het vaakst voor bij jongvolwassenen van 18 tot 25 jaar en bij
    ouderen boven de 75 die alleen wonen. Bij jongeren gaat het vooral om emotionele
    eenzaamheid: zij hebben wel contacten, maar missen iemand bij wie ze echt terechtkunnen. Bij
    ouderen speelt vooral het wegvallen van een partner en van vrienden. Inwoners met een laag
    inkomen of een slechte gezondheid zijn vaker eenzaam. In de Molenwijk en de Sluispolder
    ligt het aandeel ernstig eenzamen het hoogst.

    Conclusies en aanbevelingen
    Eenzaamheid is niet alleen een ouderenprobleem. Activiteiten in de eigen buurt, zoals de
    huiskamers in de wijk, werken goed voor ouderen maar bereiken jongeren nauwelijks. Het
    instituut beveelt aan om samen met jongeren een eigen aanpak te ontwikkelen, eenzaamheid
    bespreekbaar te maken in scholen en sportclubs en huisartsen beter te laten doorverwijzen
    naar welzijnswerk. Herhaal de meting over drie jaar.
    """,
    doctype="onderzoek",
    theme="eenzaamheid",
    published=dt.date(2022, 10, 25),
    department=_MO,
    author="Kennisinstituut De Brug",
    source="S:/Beleid/Zorg en Welzijn/2022/onderzoek-eenzaamheid-lindewaard.pdf",
)

_VEILIGE_WEBFORMULIEREN_2024 = _doc(
    "kern-veilige-webformulieren-2024",
    "Nota veilige digitale dienstverlening: webformulieren",
    "Nota met de spelregels voor veilige webformulieren op de gemeentelijke website. Alle invoer "
    "van inwoners wordt als onbetrouwbaar behandeld.",
    """
    Inleiding
    Inwoners regelen steeds meer zaken met de gemeente via webformulieren: een melding over de
    openbare ruimte, een aanvraag voor bijzondere bijstand, een afspraak bij burgerzaken. Elk
    formulier is ook een ingang voor misbruik. Deze nota legt vast aan welke eisen formulieren
    op de website en het intranet moeten voldoen.

    Het risico
    Wat een inwoner in een formulier typt, komt later terug op schermen van medewerkers: in het
    zaaksysteem, in overzichten en in e-mails. Als die invoer zonder controle op een webpagina
    wordt getoond, kan iemand kwaadaardige code laten uitvoeren in de browser van een
    medewerker. Een bekend voorbeeld van onveilige invoer is de tekst
    <script>alert(1)</script> in het veld voor een opmerking. Een goed gebouwd systeem toont die
    tekst letterlijk, als gewone tekens. Een slecht gebouwd systeem voert het script uit. Dat
    heet cross-site scripting.

    Spelregels
    Alle invoer van buiten is onbetrouwbaar, ook als die van een ingelogde medewerker komt.
    Invoer wordt bij het tonen altijd ge-escaped, zodat tekens als < en > niet als code worden
    gelezen. Velden accepteren alleen wat ze nodig hebben: een postcodeveld accepteert geen
    willekeurige tekst. Bestanden die inwoners uploaden, worden gecontroleerd op type en virussen.
    Formulieren zijn beschermd tegen het automatisch insturen van grote aantallen aanvragen.

    Toetsing
    Nieuwe formulieren worden voor livegang getest door de informatiebeveiliging, met onder meer
    het voorbeeld hierboven. Leveranciers tonen aan dat hun software aan deze spelregels voldoet.
    Eén keer per jaar laat de gemeente een onafhankelijke test uitvoeren op alle publieke
    formulieren.
    """,
    doctype="nota",
    theme="0.2",
    published=dt.date(2024, 6, 4),
    department=_BD,
    author="Team Bestuur en Dienstverlening",
    source="S:/Beleid/Bestuur en Dienstverlening/2024/nota-veilige-webformulieren.docx",
)

_DATAGESTUURD_VISIE_2020 = _doc(
    "kern-datagestuurd-visie-2020",
    "Visie datagestuurd werken: eerst vinden wat er al is",
    "Nota over datagestuurd werken in Lindewaard. Elk thema klimt stap voor stap op de "
    "analyseladder, te beginnen met het vinden van bestaande kennis.",
    """
    Inleiding
    De gemeente wil dat beleid en uitvoering meer op feiten steunen. Daarvoor is het niet nodig
    om direct geavanceerde modellen te bouwen. Veel kennis ligt al in onderzoeken, monitors en
    evaluaties, maar die zijn verspreid over afdelingsschijven en mailboxen. Uit de
    medewerkerspeiling blijkt dat beleidsmedewerkers gemiddeld vier uur per week besteden aan
    het zoeken naar informatie, en dat een derde van hen regelmatig een onderzoek laat doen
    waarvan later blijkt dat het al bestond.

    De analyseladder
    We onderscheiden vijf treden. De eerste trede is vinden: weten welke documenten en gegevens
    er over een thema al zijn. Daarna volgen beschrijven (wat is er aan de hand?), diagnosticeren
    (waarom gebeurt het?), voorspellen (wat gaat er gebeuren?) en voorschrijven (wat moeten we
    doen?). Per thema bepalen we op welke trede het team staat en wat de volgende stap is. Zo
    groeit de organisatie thema voor thema.

    Uitgangspunten
    Elk traject begint met de vraag wat er al bekend is. Documenten worden centraal doorzoekbaar
    gemaakt, met duidelijke titels, jaartallen en eigenaren. Medewerkers leren zoeken met
    synoniemen, filters en slimme zoekopdrachten. Teams delen hun analyses, zodat een ander team
    er ook op kan voortbouwen.

    Maatregelen
    We bouwen een zoekmachine voor interne documenten en starten de Data Academie, waarin
    medewerkers oefenen met het vinden van informatie. Team Data en Onderzoek ondersteunt de
    inhoudelijke teams bij de volgende treden. In 2021 starten we met de thema's woningbouw,
    funderingen en vroegtijdig schoolverlaten.
    """,
    doctype="nota",
    theme="datagestuurd",
    published=dt.date(2020, 1, 21),
    department=_OS,
    author="Team Data en Onderzoek",
    source="L:/Onderzoek en Statistiek/Publicaties/2020/visie-datagestuurd-werken.pdf",
)

_LEERPLICHT_JAARVERSLAG_2023 = _doc(
    "kern-leerplicht-jaarverslag-2023",
    "Jaarverslag leerplicht en RMC 2022-2023",
    "Jaarverslag van leerplicht en RMC over het schooljaar 2022-2023, met 1.016 meldingen van "
    "verzuim en de aanpak van thuiszitters.",
    """
    In dit jaarverslag blikken de leerplichtambtenaren en trajectbegeleiders van het RMC terug op
    het schooljaar 2022-2023. Het verslag is bedoeld voor het college, de raad, de scholen en de
    minister van Onderwijs, aan wie de gemeente jaarlijks verantwoording aflegt over de
    uitvoering van de Leerplichtwet.

    Verzuim
    Leerplicht ontving 1.016 meldingen van ongeoorloofd verzuim, iets meer dan het jaar ervoor.
    Het grootste deel kwam van scholen voor voortgezet onderwijs en mbo-instellingen. Bij 71
    meldingen ging het om luxeverzuim, vaak rond de schoolvakanties. In 83 gevallen is een
    proces-verbaal opgemaakt; meestal volstond een gesprek met leerling en ouders of een
    verwijzing naar hulp.

    Thuiszitters
    Op 1 oktober 2022 zaten 44 leerlingen thuis zonder passend onderwijs. Dankzij het
    thuiszittersoverleg kregen 29 van hen binnen drie maanden weer een plek op school of in een
    combinatie van onderwijs en zorg. Een kleine groep zit al langer dan een jaar thuis.

    RMC
    Het RMC had contact met 611 jongeren tussen 18 en 23 jaar zonder startkwalificatie die geen
    school volgden. Van hen zijn er 204 teruggeleid naar school en 158 naar werk, vaak met een
    combinatie van leren en werken. Jongeren die het RMC niet kon bereiken, hadden meestal een
    onjuist adres in de BRP.

    Vooruitblik
    In 2024 krijgen alle scholen voor voortgezet onderwijs een vaste leerplichtambtenaar die
    spreekuur houdt op school. Ook gaat het RMC jongeren al benaderen in de laatste maanden van
    het schooljaar, voordat zij uitvallen.
    """,
    doctype="jaarverslag",
    theme="4.3",
    published=dt.date(2023, 11, 21),
    department=_MO,
    author="Team Jeugd en Onderwijs",
    source="S:/Beleid/Jeugd en Onderwijs/2023/jaarverslag-leerplicht-rmc-2022-2023.pdf",
)

_HITTESTRESS_2020 = _doc(
    "kern-hittestress-onderzoek-2020",
    "Hittestress in Lindewaard: waar wordt het te warm?",
    "Onderzoek naar hitte in de stad op basis van satellietbeelden en metingen. Op hete dagen is "
    "het in versteende wijken tot 7 graden warmer dan in groene wijken.",
    """
    Aanleiding
    De zomers worden warmer. Hitte is niet alleen onaangenaam, maar ook een risico voor de
    gezondheid van ouderen, jonge kinderen en mensen met een chronische ziekte. Als onderdeel van
    de stresstest klimaatadaptatie wilde de gemeente weten welke delen van de stad het warmst
    worden en waar kwetsbare inwoners wonen.

    Aanpak
    Onderzoeksbureau Het Peilglas combineerde satellietbeelden van de oppervlaktetemperatuur op
    zes hete dagen in 2019 met metingen van 30 temperatuursensoren in de stad. De uitkomsten zijn
    per buurt gekoppeld aan het aandeel verharding en groen en aan het aantal 75-plussers uit de
    BRP.

    Bevindingen
    Op hete dagen is het in versteende wijken tot 7 graden warmer dan in groene wijken. Het
    warmst worden het Havenkwartier, de binnenstad en de Vlinderbuurt, waar veel verharding is en
    weinig bomen staan. Ook 's nachts koelen deze buurten slecht af. In Zuiderpark en Weidezicht
    blijft het door de parken en het water aanzienlijk koeler. In de Vlinderbuurt wonen bovendien
    relatief veel alleenwonende ouderen, vaak in appartementen op de bovenste verdieping.

    Conclusies en aanbevelingen
    Hittestress concentreert zich in een beperkt aantal buurten. Het bureau adviseert om daar
    voorrang te geven aan vergroening: bomen planten, tegels vervangen door groen en
    schoolpleinen vergroenen. Daarnaast adviseert het een hitteplan, zodat wijkteams en
    thuiszorg tijdens hittegolven kwetsbare ouderen actief benaderen. Maak koele plekken zoals
    de bibliotheek en buurthuizen bekend als plek om af te koelen.
    """,
    doctype="onderzoek",
    theme="klimaatadaptatie",
    published=dt.date(2020, 4, 28),
    department=_RW,
    author="Onderzoeksbureau Het Peilglas",
    source="S:/Beleid/Duurzaamheid en Milieu/2020/onderzoek-hittestress.pdf",
)

_WIJKTEAMS_JAARVERSLAG_2024 = _doc(
    "kern-wijkteams-jaarverslag-2024",
    "Jaarverslag sociale wijkteams 2023",
    "Terugblik op 2023 van de sociale wijkteams: 7.480 nieuwe hulpvragen, kortere wachttijden "
    "en meer samenwerking met huisartsen.",
    """
    In dit jaarverslag kijken de sociale wijkteams terug op 2023. De wijkteams zijn de plek waar
    inwoners met vragen over zorg, opvoeden, geld of werk terechtkunnen. In elk van de zes
    gebieden van Lindewaard werkt een team van generalisten, ondersteund door specialisten.

    Resultaten
    In 2023 kwamen 7.480 nieuwe hulpvragen binnen, 6% meer dan in 2022. De meeste vragen gingen
    over opvoeden en opgroeien, over geldzorgen en over zelfstandig wonen op hoge leeftijd. Ruim
    de helft van de vragen kon het wijkteam zelf afhandelen, zonder door te verwijzen naar
    maatwerk. De gemiddelde tijd tussen een melding en het eerste gesprek daalde van 14 naar 9
    dagen. In het cliëntervaringsonderzoek gaven inwoners de wijkteams gemiddeld een 7,6.

    Uitvoering
    Het jaar stond in het teken van de samenwerking met de huisartsen. Alle huisartsenpraktijken
    hebben nu een vaste contactpersoon in het wijkteam en in twaalf praktijken werkt een
    praktijkondersteuner jeugd. In de Molenwijk en Oostereiland zijn inlooppunten geopend in de
    bibliotheek en het buurthuis. Het personeelsverloop was hoog: een op de zes medewerkers
    vertrok, vooral naar banen met minder werkdruk.

    Financiën
    De kosten van de wijkteams bedroegen € 11,2 miljoen, binnen de begroting.

    Vooruitblik
    In 2024 richten de wijkteams zich op vroegsignalering van geldzorgen, samen met de
    schuldhulpverlening, en op het inwerken en behouden van nieuwe medewerkers.
    """,
    doctype="jaarverslag",
    theme="6.2",
    published=dt.date(2024, 4, 16),
    department=_MO,
    author="Team Zorg en Welzijn",
    source="S:/Beleid/Zorg en Welzijn/2024/jaarverslag-wijkteams-2023.pdf",
)

_VEILIGHEIDSMONITOR_2023 = _doc(
    "kern-veiligheidsmonitor-2023",
    "Veiligheidsmonitor Lindewaard 2023",
    "Monitor van criminaliteit, overlast en veiligheidsgevoel. 23,4% van de inwoners voelt zich "
    "weleens onveilig in de eigen buurt.",
    """
    De veiligheidsmonitor beschrijft hoe veilig Lindewaard is en hoe veilig inwoners zich voelen.
    De cijfers over 2022 komen uit de politieregistratie, de meldingen openbare ruimte en een
    enquête onder 2.960 inwoners.

    Criminaliteit
    Het aantal geregistreerde misdrijven daalde naar 48,6 per 1.000 inwoners. Vooral het aantal
    woninginbraken nam af, tot 187. Het aantal gevallen van online oplichting steeg daarentegen
    sterk en is nu de meest voorkomende vorm van criminaliteit waar inwoners slachtoffer van
    worden. Veel slachtoffers doen geen aangifte.

    Overlast
    Er kwamen 612 meldingen binnen van jeugdoverlast, vooral in de Molenwijk en rond het
    winkelcentrum in het Westerkwartier. Meldingen over verwarde personen en over drugsoverlast
    bleven ongeveer gelijk.

    Veiligheidsgevoel
    In 2022 voelde 23,4% van de inwoners zich weleens onveilig in de eigen buurt. In 2020 was dat
    nog 19,8%. Het onveiligheidsgevoel is het hoogst in Oostereiland en het laagst in Weidezicht.
    Inwoners noemen vooral rommel op straat, slecht verlichte plekken en groepen jongeren als
    reden. Het veiligheidsgevoel hangt dus sterker samen met de staat van de buurt dan met de
    geregistreerde criminaliteit.

    Duiding
    De daling van de geregistreerde criminaliteit en de stijging van het onveiligheidsgevoel
    lijken elkaar tegen te spreken. Een deel van de verklaring ligt in online criminaliteit,
    die niet in de buurt plaatsvindt maar wel onrust geeft. De monitor adviseert extra aandacht
    voor verlichting en onderhoud in de buurten waar het onveiligheidsgevoel het sterkst steeg.
    """,
    doctype="monitor",
    theme="1.2",
    published=dt.date(2023, 5, 30),
    department=_VH,
    author="Afdeling Onderzoek en Statistiek",
    source="L:/Onderzoek en Statistiek/Publicaties/2023/veiligheidsmonitor-2023.pdf",
)

CORE_DOCUMENTS: tuple[CorpusDocument, ...] = (
    _VSV_ONDERZOEK_2019,
    _VSV_MONITOR_2024,
    _VSV_FACTSHEET_2025,
    _SCHOOLUITVAL_EVALUATIE_2021,
    _THUISZITTERS_NOTA_2022,
    _FUNDERINGEN_RISICO_2020,
    _FUNDERINGEN_ADRESANALYSE_2021,
    _FUNDERINGSHERSTELREGELING_2023,
    _ARMOEDEMONITOR_2023,
    _SCHULDHULP_EVALUATIE_2022,
    _KINDEREN_ARMOEDE_2024,
    _JEUGDZORG_KOSTEN_2022,
    _JEUGDZORG_RAADSVOORSTEL_2023,
    _WONINGBEHOEFTE_2016,
    _WONINGBEHOEFTE_2021,
    _WONINGBOUWPROGRAMMA_2022,
    _ONDERMIJNINGSBEELD_2021,
    _WERKGELEGENHEIDSMONITOR_2024,
    _TRANSITIEVISIE_WARMTE_2021,
    _LAAGGELETTERDHEID_2016,
    _LAAGGELETTERDHEID_2023,
    _EENZAAMHEID_ONDERZOEK_2022,
    _VEILIGE_WEBFORMULIEREN_2024,
    _DATAGESTUURD_VISIE_2020,
    _LEERPLICHT_JAARVERSLAG_2023,
    _HITTESTRESS_2020,
    _WIJKTEAMS_JAARVERSLAG_2024,
    _VEILIGHEIDSMONITOR_2023,
)

CORE_FACTS: dict[str, str] = {
    "kern-vsv-onderzoek-2019": "4.312 leerlingen",
    "kern-vsv-monitor-2024": "193 jongeren",
    "kern-vsv-factsheet-2025": "41 leerlingen",
    "kern-schooluitval-startblok-2021": "61%",
    "kern-thuiszitters-nota-2022": "47 leerplichtige kinderen",
    "kern-funderingen-risico-2020": "3.870 woningen",
    "kern-funderingen-adresanalyse-2021": "1.240 adressen",
    "kern-funderingsherstelregeling-2023": "€ 12,5 miljoen",
    "kern-armoedemonitor-2023": "12,4%",
    "kern-schuldhulp-evaluatie-2022": "9 werkdagen",
    "kern-kinderen-armoede-factsheet-2024": "2.740",
    "kern-jeugdzorg-kosten-2022": "€ 47,3 miljoen",
    "kern-jeugdzorg-raadsvoorstel-2023": "€ 3,2 miljoen",
    "kern-woningbehoefte-2016": "3.900 extra woningen",
    "kern-woningbehoefte-2021": "6.800 extra woningen",
    "kern-woningbouwprogramma-2022": "7.500 woningen",
    "kern-ondermijningsbeeld-2021": "214 signalen",
    "kern-werkgelegenheidsmonitor-2024": "61.400 banen",
    "kern-transitievisie-warmte-2021": "4.200 woningen",
    "kern-laaggeletterdheid-factsheet-2016": "14,2%",
    "kern-laaggeletterdheid-factsheet-2023": "11,8%",
    "kern-eenzaamheid-onderzoek-2022": "1.874 inwoners",
    "kern-datagestuurd-visie-2020": "vier uur per week",
    "kern-leerplicht-jaarverslag-2023": "1.016 meldingen",
    "kern-hittestress-onderzoek-2020": "7 graden",
    "kern-wijkteams-jaarverslag-2024": "7.480 nieuwe hulpvragen",
    "kern-veiligheidsmonitor-2023": "23,4%",
}
