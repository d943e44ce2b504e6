"""Hand-written core of the practice corpus.

Training exercises point at these documents by key, so their keys, titles and the facts listed in
CORE_FACTS must stay stable. The generator in `academy.demo.corpus` puts them first and fills the
rest of the corpus around them. The document type lives here rather than in `corpus.py` so that
the generator can import the core without an import cycle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

DOCTYPES: tuple[str, ...] = (
    "onderzoek",
    "factsheet",
    "nota",
    "raadsvoorstel",
    "monitor",
    "evaluatie",
    "jaarverslag",
)


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
}
