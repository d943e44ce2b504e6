"""The seeded curriculum of the Data Academie: modules, lessons and exercises as plain data.

Every analysis starts by finding what already exists, so the curriculum teaches searching before
anything else. Exercises point at documents of the practice corpus by key (`kern-...` for the
hand-written core, `gen-...` for generated documents). `tests/demo/test_curriculum.py` runs every
expert query against an index of `generate_corpus()`, so a change to the corpus that makes an
exercise impossible fails a test instead of a learner.

Pure data on purpose: the seed command turns it into rows, the tests read it without Flask.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ExerciseKind = Literal["known_item", "fact", "find_all", "process", "open"]

#: Search skills a process exercise can require. All but "facet" are query features reported
#: by `search_module.parse_query`; "facet" means the learner selected a filter in the sidebar.
SKILLS: tuple[str, ...] = ("phrase", "or", "not", "wildcard", "fuzzy", "field", "facet")

EXERCISE_KINDS: tuple[str, ...] = ("known_item", "fact", "find_all", "process", "open")


@dataclass(frozen=True)
class ExerciseSeed:
    """One exercise; what counts as correct depends on `kind`, so the grader needs no guessing.

    - known_item: `key_documents` holds the one document to find.
    - fact: `key_documents` holds the document with the answer; `accepted_answers` are compared
      after normalisation (case, accents, spacing, number formats); "*" matches anything.
    - find_all: `key_documents` is the complete set; `pass_threshold` is the F1 needed.
    - process: the learner's query log must show `required_skill`.
    - open: a trainer scores each `rubric` line with 0-2 points.

    `expert_query` and `expert_filters` are shown after passing, as a model answer; the tests
    check that they actually find the key documents.
    """

    slug: str
    kind: ExerciseKind
    title: str
    prompt: str
    expert_query: str
    expert_filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    key_documents: tuple[str, ...] = ()
    accepted_answers: tuple[str, ...] = ()
    required_skill: str | None = None
    pass_threshold: float = 0.8
    rubric: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    max_attempts: int | None = None


@dataclass(frozen=True)
class LessonSeed:
    """A short lesson in Markdown; the app sanitises it when rendering."""

    slug: str
    title: str
    body: str


@dataclass(frozen=True)
class ModuleSeed:
    """A training unit: a few lessons to read, then exercises that practise exactly that."""

    slug: str
    title: str
    summary: str
    goals: tuple[str, ...]
    minutes: int
    lessons: tuple[LessonSeed, ...]
    exercises: tuple[ExerciseSeed, ...]


def _years(first: int, last: int) -> tuple[str, ...]:
    """Year facet values for an inclusive range, as the `jaar` facet expects them."""
    return tuple(str(year) for year in range(first, last + 1))


# =============================================================================================
# 1. Waarom vinden eerst komt
# =============================================================================================

_M1_LADDER = LessonSeed(
    "de-analyseladder-begint-bij-vinden",
    "De analyseladder begint bij vinden",
    """\
Datagestuurd werken klinkt als dashboards, modellen en voorspellingen. Toch begint elke analyse
met een bescheidener vraag: **wat weten we hier al?**

## Vijf treden

We beschrijven de volwassenheid van een thema met een ladder van vijf niveaus, van 0 tot en
met 4:

- **0 Vinden** — weten welke onderzoeken, monitors en factsheets er over het thema al zijn.
- **1 Beschrijvend** — wat is er aan de hand? Cijfers over omvang en ontwikkeling.
- **2 Diagnosticerend** — waarom gebeurt het? Oorzaken en verbanden.
- **3 Voorspellend** — wat gaat er gebeuren als we niets doen?
- **4 Voorschrijvend** — wat moeten we doen, en wat levert dat op?

Een team dat niveau 0 overslaat, bouwt een voorspelmodel op cijfers die een collega drie jaar
geleden al had verzameld, of mist het onderzoek dat de oorzaak allang had blootgelegd.

## Vinden is een vak

Iedere beleidsmedewerker zoekt dagelijks, maar weinig mensen hebben het ooit geleerd. In deze
academie oefen je in een zoekmachine met duizenden documenten van de fictieve gemeente
Lindewaard: nota's, raadsvoorstellen, monitors, factsheets, evaluaties en jaarverslagen over
alle beleidsthema's.

Probeer het meteen: zoek op `datagestuurd werken` en kijk welke soorten documenten je
terugkrijgt. Tussen de resultaten staat de visie waarin de gemeente de ladder zelf beschrijft.

## Wat je in deze module leert

- waarom vinden de eerste trede is, en niet een voorbereiding op het echte werk;
- wat het kost als je niet zoekt;
- hoe de oefenzoekmachine werkt.

Open de [oefenzoekmachine](/zoeken) in een tweede tabblad, zodat je tijdens het lezen kunt
meeproberen.
""",
)

_M1_KOSTEN = LessonSeed(
    "wat-niet-zoeken-kost",
    "Wat niet zoeken kost",
    """\
Stel: de wethouder wil weten hoeveel woningen in de stad funderingsproblemen kunnen krijgen. Een
beleidsmedewerker vraagt een offerte aan bij een onderzoeksbureau: drie maanden doorlooptijd,
een flink bedrag. Twee kamers verder ligt een onderzoek uit 2020 dat precies die vraag
beantwoordt.

## Drie soorten kosten

- **Geld en tijd.** Een extern onderzoek kost al snel tienduizenden euro's en maanden. Een goede
  zoekvraag kost vijf minuten.
- **Inwoners die wachten.** Zolang het onderzoek loopt, wordt er niet besloten.
- **Tegenstrijdige cijfers.** Twee onderzoeken naar dezelfde vraag geven zelden hetzelfde
  antwoord. Dan gaat het gesprek in de raad over de cijfers in plaats van over de oplossing.

## Bewust opnieuw onderzoeken mag

Soms is een nieuw onderzoek wél nodig: de cijfers zijn verouderd, of je hebt een fijnere
indeling nodig. Dat is een keuze die je pas kunt maken als je weet wat er al ligt. In het
corpus vind je een mooi voorbeeld: een interne analyse die een extern funderingsonderzoek
bewust overdoet op adresniveau, en in de inleiding uitlegt waarom.

## Vuistregel

Besteed aan zoeken minstens zoveel aandacht als aan het schrijven van de opdracht. Begin met
twee of drie kernwoorden, bijvoorbeeld `fundering risico woningen`, en lees de titels en
samenvattingen van de eerste tien resultaten. Vind je niets, dan heb je ook iets geleerd: dan
weet je dat nieuw onderzoek nodig is, en kun je dat in je opdracht onderbouwen.
""",
)

_M1_ZOEKMACHINE = LessonSeed(
    "zo-werkt-de-oefenzoekmachine",
    "Zo werkt de oefenzoekmachine",
    """\
De oefenzoekmachine werkt zoals veel zoekmachines op intranetten. Een paar dingen om te weten
voordat je begint:

## Alle woorden tellen

Typ je meer woorden, dan zoekt de machine naar documenten waarin **al die woorden** voorkomen.
`armoede kinderen` geeft dus minder resultaten dan `armoede` alleen. Elk extra woord maakt je
resultaat smaller.

## Vervoegingen gaan vanzelf

De zoekmachine kent Nederlandse woordvormen. `woning` vindt ook *woningen*, `onderzoek` vindt
ook *onderzoeken*. Hoofdletters en accenten maken niet uit: `cliënt` en `client` zijn gelijk.

## Lees meer dan de titel

Elk resultaat toont een titel, een fragment met je zoekwoorden gemarkeerd, het documenttype,
het thema, het jaar en de afdeling. Open een document om de hele tekst en de vindplaats te
zien.

## Oefeningen

Bij elke module horen oefeningen van vijf soorten:

- **Gericht zoeken**: vind één bepaald document.
- **Feitvraag**: zoek het antwoord op een vraag van een collega.
- **Alles vinden**: markeer alle documenten die aan een omschrijving voldoen.
- **Werkwijze**: gebruik een bepaalde zoektechniek; we kijken mee in je zoekgeschiedenis.
- **Open opdracht**: een trainer beoordeelt je antwoord.

Na een geslaagde poging zie je hoe een ervaren zoeker het zou doen. Vergelijk die zoekvraag met
die van jezelf: daar leer je het meest van.
""",
)

_M1_EXERCISES = (
    ExerciseSeed(
        slug="vind-de-visie-datagestuurd-werken",
        kind="known_item",
        title="De visie op datagestuurd werken",
        prompt=(
            'Je nieuwe teamleider vraagt: *"Heeft de gemeente eigenlijk ooit opgeschreven hoe '
            'we datagestuurd willen werken? Ik hoorde iets over een ladder."*\n\n'
            "Zoek de nota waarin de gemeente haar visie op datagestuurd werken beschrijft en "
            "markeer die."
        ),
        expert_query="visie datagestuurd werken",
        key_documents=("kern-datagestuurd-visie-2020",),
        hints=(
            "Begin met de woorden die je teamleider zelf gebruikt.",
            "Probeer `datagestuurd werken` en kijk naar het documenttype nota.",
        ),
    ),
    ExerciseSeed(
        slug="hoeveel-tijd-kost-zoeken",
        kind="fact",
        title="Hoeveel tijd gaat er naar zoeken?",
        prompt=(
            "Voor een presentatie aan het managementteam wil je laten zien hoeveel tijd "
            "beleidsmedewerkers kwijt zijn aan het zoeken naar informatie. Volgens de visie op "
            "datagestuurd werken is dat een vast aantal uren per week.\n\n"
            "**Hoeveel tijd per week besteden beleidsmedewerkers gemiddeld aan zoeken?**"
        ),
        expert_query="datagestuurd zoeken informatie medewerkerspeiling",
        key_documents=("kern-datagestuurd-visie-2020",),
        accepted_answers=("vier uur per week", "vier uur", "4 uur", "4 uur per week", "4"),
        hints=(
            "Het antwoord staat in de inleiding van de visie op datagestuurd werken.",
            "Zoek op `medewerkerspeiling`.",
        ),
    ),
    ExerciseSeed(
        slug="funderingsonderzoek-bestaat-al",
        kind="fact",
        title="Bestaat dat funderingsonderzoek al?",
        prompt=(
            "Een wethouder vraagt hoeveel woningen volgens het funderingsonderzoek risico lopen "
            "op schade. Een collega wil al een bureau inschakelen, maar jij vermoedt dat er al "
            "een onderzoek ligt.\n\n"
            "**Hoeveel woningen hebben volgens het externe onderzoek uit 2020 een verhoogd "
            "risico op funderingsschade?**"
        ),
        expert_query="fundering* risico woningen",
        expert_filters={"type": ("onderzoek",)},
        key_documents=("kern-funderingen-risico-2020",),
        accepted_answers=("3.870", "3870", "3.870 woningen", "3870 woningen"),
        hints=(
            "Zoek op het onderwerp, niet op de vraag: `fundering risico`.",
            "Er zijn twee onderzoeken naar funderingsrisico's; het externe is van Bureau "
            "Stadskompas.",
        ),
    ),
    ExerciseSeed(
        slug="reflectie-wat-lag-er-al",
        kind="open",
        title="Wat lag er al?",
        prompt=(
            "Denk aan een vraag uit je eigen werk waarvoor je de afgelopen tijd informatie "
            "zocht, of waarvoor iemand een onderzoek liet doen.\n\n"
            "Beschrijf in vijf tot tien zinnen:\n\n"
            "1. wat de vraag was;\n"
            "2. waar je (of je collega) eerst hebt gezocht, en wat je vond;\n"
            "3. wat het had opgeleverd als je eerder had geweten wat er al lag."
        ),
        expert_query="eerst vinden wat er al is",
        rubric=(
            "De vraag is concreet en herkenbaar beschreven.",
            "Het antwoord noemt waar gezocht is en wat daar wel of niet gevonden werd.",
            "De gevolgen (tijd, geld, kwaliteit van het besluit) zijn concreet gemaakt.",
        ),
    ),
)

MODULE_1 = ModuleSeed(
    slug="waarom-vinden-eerst-komt",
    title="Waarom vinden eerst komt",
    summary=(
        "De analyseladder begint bij vinden wat er al is. Je ontdekt wat het kost om onderzoek "
        "opnieuw te doen en maakt kennis met de oefenzoekmachine."
    ),
    goals=(
        "Je kunt de vijf treden van de analyseladder noemen en uitleggen waarom vinden de eerste "
        "is.",
        "Je kunt voorbeelden geven van de kosten van dubbel onderzoek.",
        "Je kunt een eenvoudige zoekvraag uitvoeren en de resultaten lezen.",
    ),
    minutes=30,
    lessons=(_M1_LADDER, _M1_KOSTEN, _M1_ZOEKMACHINE),
    exercises=_M1_EXERCISES,
)


# =============================================================================================
# 2. Van vraag naar zoektermen en synoniemen
# =============================================================================================

_M2_BEGRIPPEN = LessonSeed(
    "ontleed-je-vraag",
    "Ontleed je vraag in begrippen",
    """\
Een collega vraagt: *"Hoeveel jongeren in onze gemeente stoppen zonder diploma met school, en
lukt het om ze terug te krijgen?"* Die zin tik je niet in. Een zoekmachine zoekt naar woorden
die in documenten staan, en *hoeveel*, *onze* en *lukt* staan overal of nergens.

## Van zin naar begrippen

Haal eerst de **begrippen** uit de vraag: de zelfstandige kern van wat je zoekt.

| in de vraag | begrip |
|---|---|
| jongeren die zonder diploma stoppen | vroegtijdig schoolverlaten |
| terugkrijgen | terugleiden naar school of werk |

Laat weg wat in elk document van de gemeente staat: de naam van de stad, *gemeente*, *beleid*.
Laat ook vraagwoorden weg.

## Kies de woorden van de schrijver

Het document dat je zoekt is niet geschreven door iemand die jouw vraag stelde. Het is
geschreven door een onderzoeker of beleidsmaker, in de vaktaal van het thema. Vraag je dus af:
*hoe zou de schrijver dit noemen?* In het onderwijs heet stoppen zonder diploma "vroegtijdig
schoolverlaten", en het diploma heet een "startkwalificatie".

## Begin klein

Start met één of twee begrippen, bijvoorbeeld `vroegtijdig schoolverlaten`. Kijk hoeveel
resultaten je krijgt en welke woorden in de titels terugkomen. Die woorden zijn vaak betere
zoektermen dan die waarmee je begon. Voeg daarna pas een begrip toe, zoals `terugleiden`.

Schrijf tijdens het zoeken je begrippen op een kladblok. In module 9 zie je waarom dat loont.
""",
)

_M2_SYNONIEMEN = LessonSeed(
    "synoniemen-en-vaktaal",
    "Synoniemen, vaktaal en afkortingen",
    """\
Hetzelfde onderwerp heeft vaak veel namen. Wie er één gebruikt, mist de documenten waarin een
andere staat.

## Voorbeelden uit de gemeente

- **Vroegtijdig schoolverlaten**: ook *voortijdig schoolverlaten*, *vsv*, *schooluitval*,
  *jongeren zonder startkwalificatie*.
- **Armoede**: ook *minima*, *laag inkomen*, *sociaal minimum*, *schulden*.
- **Funderingen**: ook *paalrot*, *houten palen*, *funderingsherstel*.
- **Jeugdzorg**: ook *jeugdhulp*; voor een deel ervan ook *jeugdbescherming* of
  *jeugdreclassering*.
- **Laaggeletterdheid**: ook *basisvaardigheden*, *digitale vaardigheden*, *taal*.

## Synoniemen combineren met OF

Met `OF` (of `OR`) zoek je naar documenten met het ene **of** het andere woord:

`vroegtijdig OF voortijdig schoolverlaten`

Omdat `OF` sterker bindt dan de spatie, betekent dit: (vroegtijdig of voortijdig) en
schoolverlaten. In module 3 leer je meer over deze operatoren.

## Waar vind je synoniemen?

- In de **titels** van de eerste resultaten: welke woorden gebruikt men daar?
- In de **samenvatting** en de inleiding van een goed document.
- Bij collega's van het vakteam: vraag welke termen zij gebruiken.
- In de namen van wetten en regelingen (Participatiewet, Leerplichtwet, Wmo).

Let op afkortingen: `vsv` vindt alleen documenten waarin de afkorting staat. Zoek ze daarom
altijd samen met de uitgeschreven vorm.
""",
)

_M2_EXERCISES = (
    ExerciseSeed(
        slug="synoniemen-met-of",
        kind="process",
        title="Vroegtijdig of voortijdig?",
        prompt=(
            "Sommige documenten spreken van *vroegtijdig* schoolverlaten, andere van "
            "*voortijdig* schoolverlaten. Zoek in één keer naar allebei, door de twee woorden "
            "met `OF` te combineren.\n\n"
            "De opdracht is geslaagd als je zoekgeschiedenis een zoekvraag met `OF` (of `OR`) "
            "bevat die resultaten oplevert."
        ),
        expert_query="vroegtijdig OF voortijdig schoolverlaten",
        required_skill="or",
        hints=(
            "Schrijf de operator in hoofdletters: `OF`.",
            "Bijvoorbeeld: `vroegtijdig OF voortijdig schoolverlaten`.",
        ),
    ),
    ExerciseSeed(
        slug="alle-vsv-monitors-2020-2024",
        kind="find_all",
        title="Alle monitors over schooluitval, 2020-2024",
        prompt=(
            "Het vsv-team wil weten hoe de cijfers zich de afgelopen jaren hebben ontwikkeld en "
            "vraagt je **alle monitors over vroegtijdig schoolverlaten die in 2020 tot en met "
            "2024 zijn verschenen**.\n\n"
            "Let op: niet elke monitor noemt het onderwerp op dezelfde manier. Markeer alle "
            "monitors die je vindt."
        ),
        expert_query="vroegtijdig OF voortijdig OF schooluitval OF startkwalificatie",
        expert_filters={"type": ("monitor",), "jaar": _years(2020, 2024)},
        key_documents=(
            "kern-vsv-monitor-2024",
            "gen-000229",
            "gen-001460",
            "gen-001562",
            "gen-001900",
            "gen-002019",
            "gen-002086",
        ),
        hints=(
            "Gebruik het filter Documenttype (monitor) en kies de jaren 2020 tot en met 2024.",
            "Combineer synoniemen met `OF`: vroegtijdig, voortijdig, schooluitval, "
            "startkwalificatie.",
            "Een monitor over het schooljaar 2019 kan in 2020 zijn verschenen: het jaar van "
            "publicatie telt.",
        ),
    ),
    ExerciseSeed(
        slug="evaluatie-startblok",
        kind="known_item",
        title="Het programma voor mbo-uitvallers",
        prompt=(
            'Een collega van het RMC vertelt: *"Een paar jaar geleden is dat programma voor '
            "jongeren die met hun mbo-opleiding stopten geëvalueerd, met ongeveer 150 "
            'deelnemers. Daar stond in dat een vaste coach het verschil maakte."*\n\n'
            "Zoek die evaluatie. Denk na over het woord dat een onderzoeker voor *stoppen met "
            "een opleiding* zou gebruiken."
        ),
        expert_query="schooluitval mbo evaluatie",
        key_documents=("kern-schooluitval-startblok-2021",),
        hints=(
            "Onderzoekers spreken van schooluitval.",
            "Gebruik het filter Documenttype: evaluatie.",
            "Het programma heet Startblok; er zijn meerdere evaluaties, kies de evaluatie met "
            "146 deelnemers.",
        ),
    ),
    ExerciseSeed(
        slug="kinderen-in-armoede",
        kind="fact",
        title="Kinderen in een huishouden met weinig geld",
        prompt=(
            'De wethouder Jeugd vraagt: *"Hoeveel kinderen groeien bij ons op in een gezin dat '
            'rond moet komen van weinig geld?"* Ze wil het getal uit de factsheet van 2024.\n\n'
            "**Hoeveel kinderen waren dat in 2023?** Geef het aantal."
        ),
        expert_query="kinderen (armoede OF minima)",
        expert_filters={"type": ("factsheet",), "jaar": ("2024",)},
        key_documents=("kern-kinderen-armoede-factsheet-2024",),
        accepted_answers=("2.740", "2740", "2.740 kinderen", "2740 kinderen"),
        hints=(
            "*Weinig geld* heet in gemeentelijke stukken armoede, minima of laag inkomen.",
            "Filter op het documenttype factsheet en het jaar 2024.",
        ),
    ),
)

MODULE_2 = ModuleSeed(
    slug="van-vraag-naar-zoektermen",
    title="Van vraag naar zoektermen en synoniemen",
    summary=(
        "Je vertaalt de vraag van een collega naar begrippen, zoekt de woorden die de schrijver "
        "gebruikt en combineert synoniemen."
    ),
    goals=(
        "Je kunt een vraag ontleden in twee of drie zoekbegrippen.",
        "Je kunt per begrip synoniemen, vaktermen en afkortingen bedenken.",
        "Je kunt synoniemen combineren met OF.",
    ),
    minutes=40,
    lessons=(_M2_BEGRIPPEN, _M2_SYNONIEMEN),
    exercises=_M2_EXERCISES,
)


# =============================================================================================
# 3. EN, OF, NIET en exacte zinnen
# =============================================================================================

_M3_OPERATOREN = LessonSeed(
    "en-of-niet",
    "EN, OF en NIET",
    """\
Met drie operatoren bepaal je precies hoe je zoekwoorden samenwerken. Schrijf ze in
**hoofdletters**; in kleine letters zijn *en*, *of* en *niet* gewone woorden die de zoekmachine
overslaat. De Engelse vormen `AND`, `OR` en `NOT` werken ook.

## EN: allebei

`armoede EN schulden` vindt documenten waarin beide woorden staan. Een spatie doet hetzelfde:
`armoede schulden`. Elk extra woord maakt de resultaatlijst kleiner.

## OF: minstens één

`armoede OF minima` vindt documenten met het ene, het andere of allebei. Gebruik `OF` voor
synoniemen: je resultaatlijst wordt groter.

## NIET: zonder

`eenzaamheid NIET ouderen` laat documenten weg waarin *ouderen* voorkomt. Een minteken werkt
ook: `eenzaamheid -ouderen`. Wees zuinig met `NIET`: een goed onderzoek over eenzaamheid bij
jongeren kan best één zin over ouderen bevatten, en dan gooi je het weg.

## Haakjes

`OF` bindt sterker dan `EN`. Daarom betekent `kinderen armoede OF minima`:
kinderen EN (armoede OF minima). Twijfel je, zet dan haakjes:

`(armoede OF minima) EN kinderen`

Onder het zoekvak laat de zoekmachine zien hoe ze je vraag heeft begrepen, met alle haakjes
erbij. Kijk daar altijd even naar als je operatoren gebruikt.

## Wanneer welke?

| je hebt | gebruik |
|---|---|
| te veel resultaten | een extra woord (EN) of NIET |
| te weinig resultaten | synoniemen met OF |
""",
)

_M3_ZINNEN = LessonSeed(
    "exacte-zinnen",
    "Exacte zinnen tussen aanhalingstekens",
    """\
Zoek je op `sociaal minimum`, dan vindt de zoekmachine ook documenten waarin *sociaal* in de
eerste alinea staat en *minimum* in de laatste. Zet je de woorden tussen aanhalingstekens, dan
moeten ze precies zo, direct na elkaar, voorkomen:

`"sociaal minimum"`

## Wanneer gebruik je een exacte zin?

- Bij **vaste begrippen** die uit meer woorden bestaan: `"vroegtijdig schoolverlaten"`,
  `"houten palen"`, `"passend onderwijs"`.
- Bij **namen** van programma's, regelingen en organisaties: `"sociale wijkteams"`.
- Bij een **zin die je je herinnert** uit een document: `"eerst vinden wat er al is"`.
- Bij **vakjargon** met een koppelteken of een bijzondere schrijfwijze.

## Let op

Een exacte zin is streng. `"schulden van huishoudens"` vindt niets als er *schulden van
gezinnen* staat. Krijg je te weinig resultaten, haal dan de aanhalingstekens weg of combineer
varianten met OF:

`"vroegtijdig schoolverlaten" OF "voortijdig schoolverlaten"`

Ook in een exacte zin gaan hoofdletters, accenten en vervoegingen vanzelf goed.

## Probeer het

Vergelijk het aantal resultaten van `houten palen` met dat van `"houten palen"`. Zie je het
verschil? Kijk ook welke documenten alleen bij de eerste vraag verschijnen: gaan die echt over
funderingen?
""",
)

_M3_EXERCISES = (
    ExerciseSeed(
        slug="exacte-zin-sociaal-minimum",
        kind="process",
        title="Een vast begrip als exacte zin",
        prompt=(
            "In armoedestukken komt steeds het begrip *sociaal minimum* terug. Zoek op dit "
            "begrip als **exacte zin**, zodat je geen documenten krijgt waarin de twee woorden "
            "los van elkaar staan.\n\n"
            "De opdracht is geslaagd als je zoekgeschiedenis een zoekvraag met een exacte zin "
            "bevat die resultaten oplevert."
        ),
        expert_query='"sociaal minimum"',
        required_skill="phrase",
        hints=("Zet de twee woorden tussen dubbele aanhalingstekens.",),
    ),
    ExerciseSeed(
        slug="niet-gebruiken",
        kind="process",
        title="Eenzaamheid, maar niet bij ouderen",
        prompt=(
            "Een jongerenwerker wil weten wat er bekend is over eenzaamheid, maar zegt: "
            '*"Alles gaat altijd over ouderen."* Zoek naar documenten over eenzaamheid waarin '
            "ouderen **niet** voorkomen.\n\n"
            "Bekijk daarna ook wat je mist: komt het grote eenzaamheidsonderzoek nog in je "
            "resultaten voor?"
        ),
        expert_query="eenzaamheid NIET ouderen",
        required_skill="not",
        hints=(
            "Schrijf `NIET` in hoofdletters vóór het woord dat je wilt uitsluiten.",
            "Een minteken werkt ook: `eenzaamheid -ouderen`.",
        ),
    ),
    ExerciseSeed(
        slug="nota-cross-site-scripting",
        kind="known_item",
        title="De nota over onveilige invoer",
        prompt=(
            'De informatiebeveiliger vraagt naar *"die nota waarin uitgelegd staat wat '
            'cross-site scripting is"*. Hij weet de titel niet meer.\n\n'
            "Zoek de nota en markeer die."
        ),
        expert_query='"cross-site scripting"',
        key_documents=("kern-veilige-webformulieren-2024",),
        hints=(
            "Een vakterm met een koppelteken zoek je het best als exacte zin.",
            'Probeer `"cross-site scripting"`.',
        ),
    ),
    ExerciseSeed(
        slug="signalen-ondermijning",
        kind="fact",
        title="Hoeveel signalen van ondermijning?",
        prompt=(
            "De burgemeester bereidt een overleg met de politie voor en vraagt op hoeveel "
            "signalen het ondermijningsbeeld van de gemeente is gebaseerd.\n\n"
            "**Hoeveel signalen zijn er voor het ondermijningsbeeld geanalyseerd?**"
        ),
        expert_query="ondermijning signalen (drugs OF witwassen)",
        expert_filters={"type": ("onderzoek",)},
        key_documents=("kern-ondermijningsbeeld-2021",),
        accepted_answers=("214", "214 signalen"),
        hints=(
            "Ondermijning gaat vaak over drugs of witwassen; combineer die met OF.",
            "Het gaat om een onderzoek: gebruik het filter Documenttype.",
        ),
    ),
)

MODULE_3 = ModuleSeed(
    slug="en-of-niet-en-exacte-zinnen",
    title="EN, OF, NIET en exacte zinnen",
    summary=(
        "Je combineert zoekwoorden met EN, OF en NIET, zet haakjes waar nodig en zoekt vaste "
        "begrippen als exacte zin."
    ),
    goals=(
        "Je weet wat EN, OF en NIET met het aantal resultaten doen.",
        "Je kunt haakjes zetten om OF en EN te combineren.",
        "Je kunt een exacte zin gebruiken voor vaste begrippen en namen.",
    ),
    minutes=40,
    lessons=(_M3_OPERATOREN, _M3_ZINNEN),
    exercises=_M3_EXERCISES,
)


# =============================================================================================
# 4. Jokertekens en fuzzy zoeken
# =============================================================================================

_M4_JOKERS = LessonSeed(
    "jokertekens",
    "Jokertekens: één stam, alle vormen",
    """\
De zoekmachine kent de gewone vervoegingen al: `woning` vindt ook *woningen*. Maar Nederlands
plakt woorden aan elkaar. *Jeugdzorg*, *jeugdhulp*, *jeugdigen*, *jeugdbescherming* en
*jeugdgezondheidszorg* beginnen allemaal met *jeugd*, en geen stemmer maakt daar één woord van.

## Het sterretje

Met een `*` aan het eind van een woord zoek je naar alle woorden die zo beginnen:

- `jeugd*` vindt jeugdzorg, jeugdhulp, jeugdigen, jeugdreclassering …
- `fundering*` vindt funderingen, funderingsherstel, funderingsrisico's, funderingsloket …
- `schuldhulp*` vindt schuldhulp en schuldhulpverlening.

Zet minstens drie letters voor het sterretje; `ar*` zou de halve woordenlijst opleveren en wordt
daarom niet uitgevoerd.

## Handig bij samenstellingen

Jokertekens zijn vooral sterk bij **samenstellingen** die met je begrip beginnen. Zoek je alles
over wachttijden in de jeugdzorg, dan vangt `jeugd* wachttijd*` ook *wachttijden* bij
*jeugdhulpaanbieders*.

## Let op ruis

Een kort begin vangt ook woorden die je niet bedoelde. `zorg*` vindt *zorgverzekeraar* maar ook
*zorgvuldig* en *zorgen*. Kijk daarom naar de eerste resultaten: gaan ze over jouw onderwerp?
Zo niet, maak het begin langer of combineer met een tweede begrip.

## Combineren

Jokertekens werken samen met de andere technieken:

`(fundering* OF paalrot) EN herstel`

Een jokerteken binnen een exacte zin werkt niet; daar staat alles letterlijk.
""",
)

_M4_FUZZY = LessonSeed(
    "fuzzy-zoeken",
    "Fuzzy zoeken: als je de spelling niet zeker weet",
    """\
Je hoort een collega over het onderzoek van "bureau Wijkwijser" praten, maar staat het met een
*s* of een *z*? Een naam die je verkeerd spelt, vindt niets. Daarvoor is **fuzzy zoeken**:
zoeken naar woorden die er bijna op lijken.

## De tilde

Zet een `~` achter een woord:

- `Wijkwijser~` vindt ook *Wijkwijzer* (één letter anders).
- `transitivisie~` vindt ook *transitievisie* (één letter te weinig).
- `eensaamheid~2` mag twee letters afwijken.

Zonder getal mag het woord één letter verschillen; met `~2` twee. Meer staat de zoekmachine niet
toe: met drie wijzigingen wordt bijna elk woord een ander woord.

## Wanneer gebruik je het?

- bij **namen** van bureaus, projecten en wijken waarvan je de spelling niet zeker weet;
- bij woorden die je alleen hebt **gehoord**, niet gelezen;
- bij documenten met **tikfouten** in de titel, die op een afdelingsschijf vaker voorkomen dan je
  denkt.

## Ruis beperken

Fuzzy zoeken levert al snel onverwachte woorden op. `Wijkwijser~` alleen vindt een flinke rij
documenten, vooral evaluaties waarin het bureau wordt genoemd. Combineer daarom met een
onderwerp: `Wijkwijser~ schooluitval` maakt de lijst een stuk korter.

## Het verschil met jokertekens

| techniek | wanneer |
|---|---|
| `jeugd*` | je kent het begin, het eind varieert |
| `Wijkwijser~` | je kent het woord ongeveer, de spelling is onzeker |
""",
)

_M4_EXERCISES = (
    ExerciseSeed(
        slug="jokerteken-jeugd",
        kind="process",
        title="Alles wat met jeugd begint",
        prompt=(
            "Een collega van de jeugdhulp wil alles weten over **wachttijden**. In de stukken "
            "staat soms *jeugdzorg*, soms *jeugdhulp* en soms *jeugdigen*, en soms "
            "*wachttijd*, soms *wachttijden*.\n\n"
            "Gebruik een jokerteken (`*`) om al die vormen in één zoekvraag te vangen."
        ),
        expert_query="jeugd* wachttijd*",
        required_skill="wildcard",
        hints=(
            "Zet een sterretje achter het gemeenschappelijke begin: `jeugd*`.",
            "Voeg het tweede begrip toe, ook met sterretje: `wachttijd*`.",
        ),
    ),
    ExerciseSeed(
        slug="fuzzy-wijkwijzer",
        kind="process",
        title="Met een s of een z?",
        prompt=(
            'Een docent vertelt dat *"bureau Wijkwijser"* ooit een evaluatie over schooluitval '
            "heeft gemaakt. Je weet niet of de naam met een *s* of een *z* wordt geschreven.\n\n"
            "Gebruik fuzzy zoeken (`~`) om de naam ongeacht de spelling te vinden, en combineer "
            "met het onderwerp."
        ),
        expert_query="Wijkwijser~ schooluitval",
        required_skill="fuzzy",
        hints=(
            "Zet een tilde direct achter het woord: `Wijkwijser~`.",
            "Te veel resultaten? Voeg `schooluitval` toe.",
        ),
    ),
    ExerciseSeed(
        slug="transitievisie-met-tikfout",
        kind="known_item",
        title="De transitivisie … of hoe heet het?",
        prompt=(
            'Een bewoner van de Molenwijk mailt: *"Volgens de transitivisie is onze wijk als '
            'eerste aan de beurt om van het aardgas af te gaan. Waar kan ik die lezen?"*\n\n'
            "Zoek de nota uit 2021 waarin de gemeente de volgorde van de wijken vastlegt. De "
            "bewoner spelt het woord niet helemaal goed."
        ),
        expert_query="transitivisie~ warmte",
        key_documents=("kern-transitievisie-warmte-2021",),
        hints=(
            "Zoek de spelling van de bewoner met een tilde: `transitivisie~`.",
            "Er zijn meer stukken over de transitievisie; kies de nota, niet de evaluaties of "
            "raadsvoorstellen.",
        ),
    ),
    ExerciseSeed(
        slug="funderingen-op-adresniveau",
        kind="fact",
        title="Hoeveel adressen met hoge urgentie?",
        prompt=(
            "Het funderingsloket wil eigenaren uitnodigen voor een gratis funderingsscan en "
            "vraagt hoeveel adressen de hoogste urgentie hebben volgens de analyse op "
            "adresniveau.\n\n"
            "**Bij hoeveel adressen is de urgentie hoog?**"
        ),
        expert_query="fundering* adres*",
        key_documents=("kern-funderingen-adresanalyse-2021",),
        accepted_answers=("1.240", "1240", "1.240 adressen", "1240 adressen"),
        hints=(
            "Gebruik jokertekens: `fundering*` vangt ook funderingsrisico's en "
            "funderingsonderzoek, `adres*` ook adresniveau.",
            "Het antwoord staat in de interne analyse van Team Data en Onderzoek.",
        ),
    ),
)

MODULE_4 = ModuleSeed(
    slug="jokertekens-en-fuzzy-zoeken",
    title="Jokertekens en fuzzy zoeken",
    summary=(
        "Je vangt samenstellingen met een jokerteken en vindt woorden waarvan je de spelling niet "
        "zeker weet met fuzzy zoeken."
    ),
    goals=(
        "Je kunt met `*` alle woorden met hetzelfde begin vinden.",
        "Je kunt met `~` zoeken als je de spelling niet zeker weet.",
        "Je herkent ruis en beperkt die met een extra begrip.",
    ),
    minutes=35,
    lessons=(_M4_JOKERS, _M4_FUZZY),
    exercises=_M4_EXERCISES,
)


# =============================================================================================
# 5. Resultaten en metadata lezen
# =============================================================================================

_M5_RESULTAAT = LessonSeed(
    "wat-een-resultaat-je-vertelt",
    "Wat een resultaat je vertelt",
    """\
Een resultatenlijst is meer dan tien titels. Wie goed leest, hoeft veel minder documenten te
openen.

## De onderdelen van een resultaat

- **Titel** — wat de schrijver belangrijk vond. Titels als *Factsheet*, *Monitor* of
  *Kerncijfers* zeggen al veel over wat je kunt verwachten.
- **Fragment** — de zinnen waarin je zoekwoorden staan, gemarkeerd. Staan ze in een zin die over
  jouw onderwerp gaat, of toevallig in een bijzin?
- **Documenttype** — een onderzoek beantwoordt een vraag, een monitor volgt cijfers door de
  tijd, een factsheet zet kerncijfers op een rij, een nota beschrijft beleid, een
  raadsvoorstel vraagt de raad om een besluit, een evaluatie kijkt terug, een jaarverslag legt
  verantwoording af.
- **Thema** — het beleidsthema waaronder het document is opgeslagen.
- **Jaar** en **afdeling** — wanneer het verscheen en wie het maakte.

## Scannen, dan pas openen

Lees eerst de hele eerste pagina: titels, types en jaren. Welk type past bij je vraag? Zoek je
een getal, begin dan bij een factsheet of monitor. Zoek je een verklaring, begin bij een
onderzoek. Wil je weten wat er besloten is, zoek dan een raadsvoorstel.

## Sorteren

Standaard staan de beste treffers bovenaan. Wil je het nieuwste eerst, sorteer dan op datum.
Doe dat pas als je weet dat je resultaten over het goede onderwerp gaan.

Probeer het met `jaarverslag wijkteams`: welke resultaten zijn echte jaarverslagen van de
wijkteams, en welke gaan over iets anders?
""",
)

_M5_METADATA = LessonSeed(
    "metadata-als-aanwijzing",
    "Metadata als aanwijzing",
    """\
Metadata zijn de gegevens *over* een document: wanneer, door wie, waar opgeslagen. Ze helpen je
kiezen, maar ze hebben hun eigen valkuilen.

## Het jaar van publicatie is niet het jaar van de cijfers

Een *Jaarverslag 2023* verschijnt in het voorjaar van 2024. Een *Monitor 2024* kan over het
schooljaar 2022-2023 gaan. Het jaarfilter gebruikt altijd het **jaar van publicatie**. Zoek je
cijfers over 2023, kijk dan ook een jaar later, en lees in de inleiding over welke periode de
cijfers gaan (vaak *peiljaar* genoemd).

## Wie schreef het?

Bij elk document staat wie het maakte: een team van de gemeente, de afdeling Onderzoek en
Statistiek of een extern bureau. Dat zegt iets over het doel. Een extern bureau krijgt een
onderzoeksvraag mee; een raadsvoorstel is geschreven om de raad te overtuigen.

## De vindplaats

Bovenaan elk document staan de auteur en de vindplaats: waar het bestand staat. Ook dat vertelt
iets:

- `G:/Raadsinformatie/...` — een raadsstuk, door de raad besproken;
- `L:/Onderzoek en Statistiek/Publicaties/...` — een publicatie van de onderzoeksafdeling;
- `S:/Beleid/...` — een stuk van een beleidsteam.

## Lees de inleiding

De eerste alinea vertelt bijna altijd waarom het document bestaat, over welke periode het gaat
en welke bronnen zijn gebruikt. Dertig seconden lezen bespaart je een verkeerd citaat.
""",
)

_M5_EXERCISES = (
    ExerciseSeed(
        slug="jaarverslag-wijkteams-over-2023",
        kind="known_item",
        title="Het jaarverslag van de wijkteams over 2023",
        prompt=(
            'Je manager vraagt om *"het jaarverslag van de sociale wijkteams over 2023"*. '
            "Filter je op het jaar 2023, dan vind je het niet.\n\n"
            "Zoek het jaarverslag en markeer het. Kijk goed naar het verschil tussen het jaar in "
            "de titel en het jaar van publicatie."
        ),
        expert_query='"sociale wijkteams"',
        expert_filters={"type": ("jaarverslag",)},
        key_documents=("kern-wijkteams-jaarverslag-2024",),
        hints=(
            "Een jaarverslag over 2023 verschijnt in 2024.",
            'Zoek `"sociale wijkteams"` en filter op het type jaarverslag.',
        ),
    ),
    ExerciseSeed(
        slug="wie-onderzocht-hittestress",
        kind="fact",
        title="Wie onderzocht de hitte in de stad?",
        prompt=(
            "De GGD wil contact met de makers van het onderzoek naar hittestress in Lindewaard, "
            "waarin satellietbeelden zijn gebruikt.\n\n"
            "**Welk bureau voerde dat onderzoek uit?**"
        ),
        expert_query="hittestress",
        expert_filters={"type": ("onderzoek",)},
        key_documents=("kern-hittestress-onderzoek-2020",),
        accepted_answers=("Het Peilglas", "*Peilglas*"),
        hints=(
            "Filter op het type onderzoek.",
            "De naam van het bureau staat in de paragraaf Aanpak.",
        ),
    ),
    ExerciseSeed(
        slug="vsv-monitor-2024-peiljaar",
        kind="fact",
        title="Hoeveel schoolverlaters in de monitor van 2024?",
        prompt=(
            "Een raadslid vraagt hoeveel jongeren volgens de **monitor voortijdig "
            "schoolverlaten die in 2024 verscheen** zonder startkwalificatie van school gingen. "
            "Let op: die monitor gaat over een eerder schooljaar.\n\n"
            "**Hoeveel jongeren waren dat?** Geef het aantal."
        ),
        expert_query="voortijdig schoolverlaten RMC",
        expert_filters={"type": ("monitor",), "jaar": ("2024",)},
        key_documents=("kern-vsv-monitor-2024",),
        accepted_answers=("193", "193 jongeren"),
        hints=(
            "Filter op het type monitor en het jaar 2024.",
            "Er verschenen in 2024 twee monitors; de monitor van het RMC gaat over het "
            "schooljaar 2022-2023.",
        ),
    ),
    ExerciseSeed(
        slug="alle-raadsvoorstellen-funderingen",
        kind="find_all",
        title="Alle raadsvoorstellen over funderingen",
        prompt=(
            "De griffie stelt een overzicht samen van alles wat de raad ooit over "
            "funderingsproblemen heeft besloten. Zoek **alle raadsvoorstellen over "
            "funderingen**, uit alle jaren, en markeer ze.\n\n"
            "Een raadsvoorstel herken je aan het documenttype en aan de vindplaats."
        ),
        expert_query="fundering*",
        expert_filters={"type": ("raadsvoorstel",)},
        key_documents=(
            "kern-funderingsherstelregeling-2023",
            "gen-000253",
            "gen-000770",
            "gen-001337",
        ),
        hints=(
            "`fundering*` vangt ook funderingsherstel en funderingsherstelregeling.",
            "Filter op het documenttype raadsvoorstel.",
        ),
    ),
)

MODULE_5 = ModuleSeed(
    slug="resultaten-en-metadata-lezen",
    title="Resultaten en metadata lezen",
    summary=(
        "Je leest een resultatenlijst zonder elk document te openen en gebruikt type, jaar, "
        "maker en vindplaats als aanwijzing."
    ),
    goals=(
        "Je kunt per documenttype zeggen welke vragen het beantwoordt.",
        "Je weet dat het jaar van publicatie iets anders is dan het jaar van de cijfers.",
        "Je kunt aan maker en vindplaats zien wat voor document je voor je hebt.",
    ),
    minutes=35,
    lessons=(_M5_RESULTAAT, _M5_METADATA),
    exercises=_M5_EXERCISES,
)


# =============================================================================================
# 6. Filteren met facetten en velden
# =============================================================================================

_M6_FACETTEN = LessonSeed(
    "facetten",
    "Facetten: type, thema, jaar en afdeling",
    """\
Naast de resultaten staan **facetten**: lijstjes met documenttypes, thema's, jaren en
afdelingen, elk met het aantal resultaten erachter. Met één klik maak je je resultaat
kleiner, zonder je zoekvraag te veranderen.

## Eerst zoeken, dan filteren

Zoek eerst breed, bijvoorbeeld `armoede`. De facetten laten dan zien hoe die resultaten
verdeeld zijn: hoeveel factsheets, hoeveel monitors, welke jaren. Dat is al informatie: je ziet
meteen of er over jouw thema veel of weinig is geschreven, en wanneer.

## Zo werken de vinkjes

- **Binnen** één facet betekent een tweede vinkje *of*: type *monitor* of *factsheet*.
- **Tussen** facetten betekent het *en*: type *monitor* en jaar *2023*.
- De getallen veranderen mee, zodat je nooit op een filter klikt dat niets oplevert.

## Het thema-facet

Het thema-facet is strenger dan een zoekwoord. `veiligheid` vindt ook documenten over veilige
schoolroutes en over de veiligheid van kinderen in gezinnen. Met het thema *Openbare orde en
veiligheid* houd je alleen de documenten over dat beleidsthema over. Omgekeerd: een document
over jeugdhulp kan onder *Jeugdzorg* staan, maar ook onder *Maatwerkdienstverlening 18-*.
Twijfel je, vink dan beide aan.

## Vergeet je filters niet

Filters blijven staan als je een nieuwe zoekvraag typt. Vind je ineens niets meer, kijk dan
eerst of er nog een filter aan staat.
""",
)

_M6_VELDEN = LessonSeed(
    "velden-in-de-zoekvraag",
    "Velden in de zoekvraag",
    """\
Alles wat je met facetten aanklikt, kun je ook in de zoekvraag **typen**. Dat is sneller als je
weet wat je wilt, en je kunt de zoekvraag bewaren of doorsturen.

## De velden

| veld | voorbeeld | betekenis |
|---|---|---|
| `type:` | `type:factsheet` | alleen factsheets |
| `thema:` | `thema:armoede` | alleen het thema Armoede en schulden |
| `jaar:` | `jaar:2023` | alleen documenten uit 2023 |
| `afdeling:` | `afdeling:onderzoek` | alleen van een afdeling |

## Jaartallen

Het jaarveld kent ook reeksen:

- `jaar:2015..2020` — 2015 tot en met 2020;
- `jaar:>=2019` — 2019 en later;
- `jaar:<2015` — vóór 2015.

## Combineren met woorden

Velden werken samen met gewone zoekwoorden en operatoren:

`kinderen thema:armoede type:factsheet jaar:2020..2024`

`thema:jeugdzorg type:raadsvoorstel jaar:2023`

Het thema-veld kent de **code** van een thema: een kort woord voor de genoemde onderwerpen
(`thema:vsv`, `thema:armoede`, `thema:funderingen`) en het taakveldnummer voor de andere
(`thema:1.2` voor Openbare orde en veiligheid, `thema:6.72` voor jeugdhulp). Een woord uit de
naam van het thema werkt ook: `thema:schoolverlaten`.

## Wanneer typen, wanneer klikken?

Klik als je wilt **verkennen**: de getallen bij de facetten vertellen je wat er is. Typ als je
precies weet wat je zoekt, of als je je zoekvraag wilt **verantwoorden**: een getypte zoekvraag
kun je letterlijk in je notitie opnemen, zodat een ander hem kan herhalen.
""",
)

_M6_EXERCISES = (
    ExerciseSeed(
        slug="facet-factsheets-armoede",
        kind="process",
        title="Alleen de factsheets",
        prompt=(
            'Een raadslid wil *"iets korts met cijfers"* over armoede. Zoek op `armoede` en '
            "gebruik daarna het facet **Documenttype** om alleen de factsheets te tonen.\n\n"
            "De opdracht is geslaagd als je zoekgeschiedenis een zoekvraag met een "
            "geselecteerd facet bevat die resultaten oplevert."
        ),
        expert_query="armoede",
        expert_filters={"type": ("factsheet",)},
        required_skill="facet",
        hints=("Klik in de zijbalk bij Documenttype op factsheet.",),
    ),
    ExerciseSeed(
        slug="veld-raadsvoorstellen-jeugdzorg",
        kind="process",
        title="Filters typen in de zoekvraag",
        prompt=(
            "Zoek de raadsvoorstellen over jeugdzorg uit 2023, maar nu **zonder te klikken**: "
            "zet het type, het thema en het jaar als velden in je zoekvraag.\n\n"
            "De opdracht is geslaagd als je zoekgeschiedenis een zoekvraag met `type:`, "
            "`thema:`, `jaar:` of `afdeling:` bevat die resultaten oplevert."
        ),
        expert_query="thema:jeugdzorg type:raadsvoorstel jaar:2023",
        required_skill="field",
        hints=(
            "Schrijf de velden zonder spatie na de dubbele punt: `type:raadsvoorstel`.",
            "Voorbeeld: `thema:jeugdzorg type:raadsvoorstel jaar:2023`.",
        ),
    ),
    ExerciseSeed(
        slug="alle-raadsvoorstellen-jeugdzorg-2022-2024",
        kind="find_all",
        title="Raadsvoorstellen jeugdzorg, 2022-2024",
        prompt=(
            "De controller sociaal domein zet op een rij welke besluiten de raad recent over het "
            "jeugdzorgstelsel nam. Zoek **alle raadsvoorstellen binnen het thema Jeugdzorg uit "
            "2022, 2023 en 2024** en markeer ze.\n\n"
            "Let op: over jeugdhulp gaan ook stukken onder andere thema's. Die horen hier niet "
            "bij."
        ),
        expert_query="jeugdzorg OF jeugdhulp",
        expert_filters={
            "type": ("raadsvoorstel",),
            "thema": ("jeugdzorg",),
            "jaar": _years(2022, 2024),
        },
        key_documents=(
            "kern-jeugdzorg-raadsvoorstel-2023",
            "gen-001054",
            "gen-001112",
            "gen-001494",
            "gen-002558",
        ),
        hints=(
            "Combineer drie facetten: type raadsvoorstel, thema Jeugdzorg en de jaren 2022-2024.",
            "Zonder het thema-facet krijg je ook raadsvoorstellen onder Maatwerkdienstverlening "
            "18-.",
        ),
    ),
    ExerciseSeed(
        slug="budget-koers-jeugdhulp",
        kind="fact",
        title="Het budget voor de nieuwe koers",
        prompt=(
            "De wethouder Financiën vraagt welk incidenteel bedrag het college de raad vroeg "
            "voor de transformatie van de jeugdhulp, in het raadsvoorstel over de koers voor "
            "2024-2027.\n\n"
            "**Hoeveel geld werd gevraagd?**"
        ),
        expert_query="koers jeugdhulp budget",
        expert_filters={"type": ("raadsvoorstel",), "thema": ("jeugdzorg",)},
        key_documents=("kern-jeugdzorg-raadsvoorstel-2023",),
        accepted_answers=(
            "€ 3,2 miljoen",
            "3,2 miljoen",
            "3.2 miljoen",
            "3,2 miljoen euro",
            "€3,2 miljoen",
        ),
        hints=(
            "Filter op het type raadsvoorstel en het thema Jeugdzorg.",
            "Het bedrag staat bij de beslispunten.",
        ),
    ),
)

MODULE_6 = ModuleSeed(
    slug="filteren-met-facetten-en-velden",
    title="Filteren met facetten en velden",
    summary=(
        "Je maakt een grote resultatenlijst klein met facetten, en typt dezelfde filters als "
        "velden in je zoekvraag."
    ),
    goals=(
        "Je kunt facetten combineren en weet wat een tweede vinkje binnen een facet doet.",
        "Je kunt type:, thema:, jaar: en afdeling: in een zoekvraag gebruiken.",
        "Je kunt uitleggen wanneer een thema-filter strenger is dan een zoekwoord.",
    ),
    minutes=40,
    lessons=(_M6_FACETTEN, _M6_VELDEN),
    exercises=_M6_EXERCISES,
)


# =============================================================================================
# 7. Zoekstrategie en herformuleren
# =============================================================================================

_M7_BREED_SMAL = LessonSeed(
    "van-breed-naar-smal",
    "Van breed naar smal, en terug",
    """\
Bijna niemand vindt in één keer wat hij zoekt. Goede zoekers verschillen van anderen doordat
ze hun zoekvraag **bewust aanpassen** aan wat ze zien.

## Te veel resultaten

Honderden treffers, en de eerste tien gaan maar half over je vraag? Maak smaller:

- voeg een tweede begrip toe: `armoede` → `armoede kinderen`;
- gebruik een exacte zin voor een vast begrip: `"sociaal minimum"`;
- filter op type, thema of jaar;
- sluit een storend woord uit met `NIET`.

## Te weinig resultaten

Eén treffer, of niets? Maak breder:

- haal een begrip weg, of de aanhalingstekens;
- voeg synoniemen toe met `OF`: `(jongeren OF jongvolwassenen)`;
- gebruik een jokerteken: `eenzaam*` vangt ook *eenzaamheid* en *eenzamen*;
- controleer of er nog een filter aan staat;
- controleer je spelling, of gebruik `~`.

## Een voorbeeld

De vraag: *wat weten we over eenzaamheid onder jongeren?*

1. `eenzaamheid jongeren` — één treffer. Bruikbaar, maar is dat echt alles?
2. `eenzaam* (jongeren OF jongvolwassenen)` — meer treffers, ook documenten die over
   *jongvolwassenen* spreken.
3. Filter op type *onderzoek* — de onderzoeken blijven over.

## Stop op tijd

Zie je in de eerste resultaten steeds dezelfde documenten terugkomen, bij verschillende
zoekvragen? Dan heb je waarschijnlijk gevonden wat er is. Schrijf op welke zoekvragen je hebt
gebruikt, zodat je dat later kunt laten zien.
""",
)

_M7_SNEEUWBAL = LessonSeed(
    "de-sneeuwbalmethode",
    "De sneeuwbalmethode: volg de verwijzingen",
    """\
Eén goed document is vaak de beste zoekterm voor het volgende. Documenten verwijzen naar
elkaar: een raadsvoorstel noemt het onderzoek waarop het steunt, een factsheet verwijst naar de
monitor met de uitgebreide cijfers, een evaluatie noemt het beleidsplan dat ze evalueert.

## Zo werkt het

1. Vind één document dat zeker over je onderwerp gaat.
2. Lees de **aanleiding** en de **bronnen**: welke andere stukken worden genoemd?
3. Zoek die stukken op, met woorden uit de verwijzing. Staat er *"de kostenanalyse jeugdzorg
   2015-2021"*, zoek dan op `kostenanalyse jeugdzorg`.
4. Herhaal, tot je geen nieuwe verwijzingen meer vindt.

## Terug en vooruit

Verwijzingen wijzen meestal **terug in de tijd**: een raadsvoorstel uit 2023 noemt een onderzoek
uit 2022. Wil je **vooruit**, dus weten wat er met een onderzoek is gedaan, zoek dan op de titel
of een kenmerkend begrip uit dat onderzoek, met een jaarfilter vanaf het jaar van verschijnen.
Zo vind je de raadsvoorstellen en evaluaties die erop voortbouwen.

## Woorden oogsten

Lees ook de woorden die een goed document gebruikt. Spreekt het van *thuiszitters*,
*verzuim* of *startkwalificatie*, dan zijn dat zoektermen die je zelf misschien niet had
bedacht. Zet ze op je kladblok bij je begrippen.

## Let op kringetjes

Sommige documenten noemen elkaar over en weer. Dat is een goed teken: je zit in de kern van wat
er over een onderwerp bekend is.
""",
)

_M7_EXERCISES = (
    ExerciseSeed(
        slug="sneeuwbal-kostenanalyse-jeugdzorg",
        kind="known_item",
        title="Waar steunt de nieuwe koers op?",
        prompt=(
            "Het raadsvoorstel *Koers Jeugdhulp 2024-2027* noemt in de aanleiding een analyse "
            "van de uitgaven aan jeugdzorg sinds de decentralisatie. Een raadslid wil die "
            "onderliggende analyse lezen.\n\n"
            "Open eerst het raadsvoorstel, lees welke analyse het noemt, en zoek en markeer "
            "die analyse."
        ),
        expert_query="kostenanalyse jeugdzorg",
        key_documents=("kern-jeugdzorg-kosten-2022",),
        hints=(
            "Zoek het raadsvoorstel met `koers jeugdhulp` en lees de paragraaf Aanleiding.",
            "Gebruik de woorden uit de verwijzing: `kostenanalyse jeugdzorg`.",
        ),
    ),
    ExerciseSeed(
        slug="alle-vsv-onderzoeken-2018",
        kind="find_all",
        title="De onderzoeken naar schooluitval uit 2018",
        prompt=(
            'Een collega zegt: *"In 2018 zijn er een paar onderzoeken naar schooluitval gedaan, '
            'die wil ik allemaal hebben."* Zoek **alle onderzoeken over vroegtijdig '
            "schoolverlaten die in 2018 zijn verschenen** en markeer ze.\n\n"
            "Begin breed, kijk welke woorden in de titels terugkomen en pas je zoekvraag aan."
        ),
        expert_query="vroegtijdig OF voortijdig OF schooluitval OF startkwalificatie",
        expert_filters={"type": ("onderzoek",), "jaar": ("2018",)},
        key_documents=(
            "gen-000348",
            "gen-000682",
            "gen-001001",
            "gen-002279",
            "gen-002360",
        ),
        hints=(
            "Filter op type onderzoek en jaar 2018.",
            "In de titels staan vier namen voor hetzelfde onderwerp: vroegtijdig, voortijdig, "
            "schooluitval en jongeren zonder startkwalificatie.",
            "Het bekende basisonderzoek verscheen in 2019 en hoort er dus niet bij.",
        ),
    ),
    ExerciseSeed(
        slug="breder-met-of-en-haakjes",
        kind="process",
        title="Breder zoeken met haakjes",
        prompt=(
            "De zoekvraag `armoede kinderen` mist documenten die het over *minima* of een *laag "
            "inkomen* hebben. Maak de zoekvraag breder: zet de synoniemen voor armoede met `OF` "
            "tussen haakjes en combineer ze met kinderen.\n\n"
            "De opdracht is geslaagd als je zoekgeschiedenis een zoekvraag met `OF` bevat die "
            "resultaten oplevert."
        ),
        expert_query='(armoede OF minima OF "laag inkomen") kinderen',
        required_skill="or",
        hints=(
            "Haakjes houden de synoniemen bij elkaar: `(armoede OF minima)`.",
            'Een begrip van twee woorden zet je tussen aanhalingstekens: `"laag inkomen"`.',
        ),
    ),
    ExerciseSeed(
        slug="zoekverslag-eenzaamheid-jongeren",
        kind="open",
        title="Zoekverslag: eenzaamheid onder jongeren",
        prompt=(
            'Een jongerenwerker vraagt: *"Wat weten we eigenlijk over eenzaamheid onder '
            'jongeren in Lindewaard?"*\n\n'
            "Zoek het uit en schrijf een kort zoekverslag:\n\n"
            "1. je eerste zoekvraag en hoeveel resultaten die gaf;\n"
            "2. hoe je je zoekvraag daarna hebt aangepast, en waarom;\n"
            "3. de twee of drie documenten die je de jongerenwerker zou sturen, met één zin per "
            "document over wat erin staat."
        ),
        expert_query="eenzaam* (jongeren OF jongvolwassenen)",
        rubric=(
            "Er zijn minstens twee zoekvragen genoemd, met het aantal resultaten.",
            "Elke aanpassing is uitgelegd (breder of smaller, en waarom).",
            "De gekozen documenten passen bij de vraag, met een juiste korte omschrijving.",
            "Het grote eenzaamheidsonderzoek uit 2022 is gevonden en gebruikt.",
        ),
    ),
)

MODULE_7 = ModuleSeed(
    slug="zoekstrategie-en-herformuleren",
    title="Zoekstrategie en herformuleren",
    summary=(
        "Je past je zoekvraag bewust aan als je te veel of te weinig vindt, en gebruikt een "
        "goed document om het volgende te vinden."
    ),
    goals=(
        "Je kunt een zoekvraag smaller en breder maken en kiest daarvoor de juiste techniek.",
        "Je kunt met de sneeuwbalmethode verwijzingen volgen.",
        "Je kunt beschrijven hoe je zoekvraag zich tijdens het zoeken ontwikkelde.",
    ),
    minutes=45,
    lessons=(_M7_BREED_SMAL, _M7_SNEEUWBAL),
    exercises=_M7_EXERCISES,
)


# =============================================================================================
# 8. Bronnen beoordelen
# =============================================================================================

_M8_ACTUEEL = LessonSeed(
    "is-het-nog-actueel",
    "Is het nog actueel?",
    """\
Een document dat je vindt, is niet vanzelf het document dat je moet gebruiken. Op een
afdelingsschijf blijft alles staan, ook wat allang is ingehaald.

## Let op het jaar

Kijk bij elk document naar het jaar van publicatie en naar de periode waar de cijfers over
gaan. Cijfers over de woningmarkt van tien jaar geleden zeggen weinig over vandaag.

## Is het vervangen?

Sommige documenten worden uitdrukkelijk vervangen. Het *Woningbehoefteonderzoek 2021-2030*
zegt in de eerste zin dat het het onderzoek uit 2016 vervangt, en legt uit waarom: de bevolking
groeide sneller en de woningprijzen stegen. Wie nog met het oude getal rekent, onderschat de
opgave met bijna de helft.

Zo controleer je dat:

1. Zoek naast het document dat je vond ook naar nieuwere versies: dezelfde woorden, gesorteerd
   op datum, of met een jaarfilter als `jaar:>=2020`.
2. Lees de inleiding van het nieuwste document: noemt het een voorganger?
3. Twijfel je nog, vraag het de eigenaar van het thema.

## Bijna hetzelfde document

Soms vind je twee documenten die bijna gelijk zijn: dezelfde titel, een ander jaar. De
*Factsheet laaggeletterdheid* bestaat bijvoorbeeld in een versie uit 2016 en een uit 2023. De
cijfers verschillen, maar de factsheet van 2023 waarschuwt dat de landelijke meetmethode is
veranderd. Je mag de twee percentages dus niet zomaar naast elkaar zetten als daling.

Lees bij twee versies altijd de toelichting van de nieuwste: daar staat of vergelijken mag.
""",
)

_M8_WIE = LessonSeed(
    "wie-schreef-het",
    "Wie schreef het, en voor wie?",
    """\
Elk document is met een bedoeling geschreven. Wie dat weet, leest het beter.

## Intern of extern

- **Interne stukken** komen van een team of van de afdeling Onderzoek en Statistiek. Ze kennen
  de lokale situatie en gebruiken vaak gegevens die alleen de gemeente heeft. Soms is een
  intern stuk vertrouwelijk: lees dan de opmerking over het gebruik.
- **Externe stukken** komen van een onderzoeksbureau. Een bureau kijkt met frisse ogen, werkt
  volgens een opdracht en heeft de onderzoeksvraag van de gemeente meegekregen. Kijk dus ook naar
  die vraag: wat is níet onderzocht?

Een mooi paar in de oefenzoekmachine: het externe onderzoek naar funderingsrisico's van Bureau
Stadskompas uit 2020 geeft een beeld per wijk; de interne analyse van Team Data en Onderzoek uit
2021 verfijnt dat tot adresniveau en komt op een ander getal uit. Geen van beide is fout: ze
beantwoorden verschillende vragen.

## Het soort document

- Een **onderzoek** of **monitor** beschrijft en verklaart.
- Een **raadsvoorstel** wil een besluit; cijfers worden gekozen om het voorstel te steunen.
- Een **evaluatie** die een team over zijn eigen aanpak schrijft, is minder onafhankelijk dan
  een evaluatie door een bureau.

## Vijf vragen bij elke bron

1. Wie heeft het geschreven?
2. Wanneer, en over welke periode?
3. Met welk doel?
4. Welke bronnen en methode zijn gebruikt?
5. Is er een nieuwere of betere versie?

Zoek bijvoorbeeld `funderingsrisico*` met het filter type *onderzoek*, open beide resultaten
en beantwoord de vijf vragen.
""",
)

_M8_EXERCISES = (
    ExerciseSeed(
        slug="waar-komt-14-procent-vandaan",
        kind="known_item",
        title="Waar komt die 14,2% vandaan?",
        prompt=(
            'In een motie staat: *"Ruim 14 procent van onze volwassenen is laaggeletterd '
            '(14,2%)."* De griffier wil weten uit welk document dat getal komt, en hoe oud het '
            "is.\n\n"
            "Zoek het document waar het getal uit komt en markeer het."
        ),
        expert_query="laaggeletterd* 14,2",
        key_documents=("kern-laaggeletterdheid-factsheet-2016",),
        hints=(
            "Zoek op het onderwerp met een jokerteken en het getal: `laaggeletterd* 14,2`.",
            "Kijk naar het jaar van het document: is er een nieuwere factsheet?",
        ),
    ),
    ExerciseSeed(
        slug="actuele-woningbehoefte",
        kind="fact",
        title="Hoeveel woningen zijn er nodig?",
        prompt=(
            "Een wethouder vraagt hoeveel extra woningen Lindewaard volgens het **meest "
            "actuele** woningbehoefteonderzoek nodig heeft. Er zijn twee "
            "woningbehoefteonderzoeken; gebruik het onderzoek dat nu geldt.\n\n"
            "**Hoeveel extra woningen zijn er nodig?**"
        ),
        expert_query="woningbehoefte",
        expert_filters={"type": ("onderzoek",)},
        key_documents=("kern-woningbehoefte-2021",),
        accepted_answers=("6.800", "6800", "6.800 extra woningen", "6800 woningen"),
        hints=(
            "Zoek `woningbehoefte` en filter op type onderzoek.",
            "Lees de eerste zin van het nieuwste onderzoek.",
        ),
    ),
    ExerciseSeed(
        slug="funderingsrisico-extern-en-intern",
        kind="find_all",
        title="Twee onderzoeken naar funderingsrisico's",
        prompt=(
            "Voor een raadsinformatiebrief wil het team Wonen beide onderzoeken naar "
            "funderingsrisico's vergelijken: het **externe** onderzoek en de **interne** analyse "
            "die erop volgde. Zoek **alle onderzoeken over funderingen uit 2020 en 2021** en "
            "markeer ze.\n\n"
            "Kijk bij elk document wie het schreef."
        ),
        expert_query="funderingsrisico*",
        expert_filters={"type": ("onderzoek",), "jaar": ("2020", "2021")},
        key_documents=("kern-funderingen-risico-2020", "kern-funderingen-adresanalyse-2021"),
        pass_threshold=1.0,
        hints=(
            "Gebruik `funderingsrisico*` en filter op type onderzoek.",
            "Kies de jaren 2020 en 2021 in het jaarfacet.",
        ),
    ),
    ExerciseSeed(
        slug="laaggeletterdheid-mag-je-vergelijken",
        kind="open",
        title="Daalt de laaggeletterdheid?",
        prompt=(
            'Een collega schrijft in een concept-raadsinformatiebrief: *"De laaggeletterdheid '
            'daalde van 14,2% in 2016 naar 11,8% in 2023."*\n\n'
            "Zoek de factsheets laaggeletterdheid en schrijf in vijf tot acht zinnen wat je je "
            "collega terugschrijft. Noem de documenten die je gebruikte, met hun jaar."
        ),
        expert_query="laaggeletterd*",
        rubric=(
            "Het antwoord noemt dat de meetmethode is veranderd en de cijfers dus niet zonder "
            "meer vergelijkbaar zijn.",
            "Beide factsheets (2016 en 2023) zijn genoemd, met hun jaar.",
            "Het antwoord controleert of er nog nieuwere cijfers zijn dan 2023.",
            "Het advies aan de collega is concreet en bruikbaar.",
        ),
    ),
)

MODULE_8 = ModuleSeed(
    slug="bronnen-beoordelen",
    title="Bronnen beoordelen",
    summary=(
        "Je beoordeelt wat je vindt: is het actueel, is het vervangen, wie schreef het en met "
        "welk doel?"
    ),
    goals=(
        "Je controleert of een document actueel is of is vervangen.",
        "Je herkent bijna-dubbele documenten en weet wanneer je ze mag vergelijken.",
        "Je kunt het verschil tussen een interne en een externe bron benoemen.",
    ),
    minutes=45,
    lessons=(_M8_ACTUEEL, _M8_WIE),
    exercises=_M8_EXERCISES,
)


# =============================================================================================
# 9. Verantwoorden
# =============================================================================================

_M9_LOGBOEK = LessonSeed(
    "houd-een-zoeklogboek-bij",
    "Houd een zoeklogboek bij",
    """\
Je hebt gevonden wat je zocht. Nu komt de stap die vaak wordt overgeslagen: vastleggen **hoe**
je het vond. Dat is geen bureaucratie. Het maakt je werk controleerbaar en herhaalbaar.

## Waarom?

- Een collega die je notitie leest, kan nagaan of je niets hebt gemist.
- Over een jaar wil je de cijfers bijwerken: met je zoekvragen ben je in vijf minuten klaar.
- Vond je niets, dan kun je laten zien dat je goed hebt gezocht. Dat is ook een uitkomst: het
  onderbouwt waarom nieuw onderzoek nodig is.

## Wat schrijf je op?

Een zoeklogboek hoeft niet lang te zijn. Per zoekvraag een regel:

| datum | zoekvraag | filters | resultaten | bruikbaar |
|---|---|---|---|---|
| 3 maart | `armoede OF minima` | type: monitor | 12 | armoedemonitor 2023 |
| 3 maart | `schuldhulp*` | type: evaluatie | 2 | evaluatie 2018-2021 |

Schrijf ook de begrippen en synoniemen op die je hebt bedacht, en waarom je een document **niet**
gebruikte (te oud, vervangen, ander onderwerp).

## Typ je filters

Een zoekvraag met velden is een complete, herhaalbare opdracht:

`schuldhulp* thema:armoede type:evaluatie jaar:2022`

Die kun je letterlijk in je logboek of notitie zetten. Een collega plakt hem in de zoekmachine
en ziet precies wat jij zag.

## Je zoekgeschiedenis

De oefenzoekmachine bewaart je zoekvragen. Bij de oefeningen in deze academie kijkt je trainer
daarin mee; in je eigen werk is het een handig geheugensteuntje.
""",
)

_M9_BRONNEN = LessonSeed(
    "bronnen-vermelden",
    "Bronnen vermelden in je notitie",
    """\
Een getal zonder bron is een mening. Vermeld bij elk feit waar het vandaan komt, zodat de lezer
het kan controleren en weet hoe oud het is.

## Wat hoort in een bronvermelding?

- **Titel** van het document;
- **documenttype** (onderzoek, monitor, factsheet …);
- **maker**: team, afdeling of bureau;
- **jaar** van publicatie, en zo nodig de periode van de cijfers;
- **vindplaats**: het pad op de schijf of de link.

Bijvoorbeeld:

> Armoedemonitor Lindewaard 2023 (monitor), Team Data en Onderzoek, oktober 2023; cijfers over
> 2022. Vindplaats: `L:/Onderzoek en Statistiek/Publicaties/2023/armoedemonitor-2023.pdf`.

## Zeg ook waarom je de bron vertrouwt

Eén zin is genoeg: *"Dit is de meest recente monitor; de cijfers komen uit de
inkomensstatistiek van het CBS."* Of: *"Het onderzoek is extern uitgevoerd en gebaseerd op
112 funderingsonderzoeken."* Zo laat je zien dat je de bron hebt beoordeeld, zoals in module 8.

## En wat je niet gebruikte

Gebruikte je een document bewust niet, zeg dat dan: *"Het woningbehoefteonderzoek 2016 is niet
gebruikt, omdat het is vervangen door het onderzoek uit 2021."* Dat voorkomt dat een lezer het
oude getal alsnog opduikelt en denkt dat jij het over het hoofd zag.

Alle zoektechnieken uit deze academie staan nog eens op een rij in de zoektips onder het
zoekvak van de [oefenzoekmachine](/zoeken).
""",
)

_M9_EXERCISES = (
    ExerciseSeed(
        slug="armoedemonitor-aandeel-minima",
        kind="fact",
        title="Het aandeel minimahuishoudens",
        prompt=(
            "Je schrijft een notitie over armoede voor de wethouder en begint met het "
            "belangrijkste getal uit de armoedemonitor van 2023: het aandeel huishoudens met een "
            "inkomen tot 120% van het sociaal minimum.\n\n"
            "**Welk percentage noemt de monitor voor 2022?** Noteer in je logboek ook je "
            "zoekvraag en filters, je hebt ze straks nodig."
        ),
        expert_query="armoede sociaal minimum huishoudens",
        expert_filters={"type": ("monitor",), "jaar": ("2023",)},
        key_documents=("kern-armoedemonitor-2023",),
        accepted_answers=("12,4%", "12,4", "12.4%", "12,4 procent"),
        hints=(
            "Filter op type monitor en jaar 2023.",
            "Het percentage staat in de paragraaf Huishoudens met een laag inkomen.",
        ),
    ),
    ExerciseSeed(
        slug="evaluatie-schuldhulpverlening",
        kind="known_item",
        title="Hoe snel helpt de schuldhulp?",
        prompt=(
            "Voor dezelfde notitie wil je weten hoe snel inwoners met schulden een eerste "
            "gesprek krijgen. Daarover staat iets in de evaluatie van het beleidsplan "
            "schuldhulpverlening.\n\n"
            "Zoek de evaluatie en markeer die."
        ),
        expert_query="schuldhulpverlening wachttijd eerste gesprek",
        expert_filters={"type": ("evaluatie",)},
        key_documents=("kern-schuldhulp-evaluatie-2022",),
        hints=(
            "Filter op het type evaluatie.",
            "Zoek op `schuldhulpverlening wachttijd`.",
        ),
    ),
    ExerciseSeed(
        slug="herhaalbare-zoekvraag",
        kind="process",
        title="Een zoekvraag die een collega kan herhalen",
        prompt=(
            "Schrijf één zoekvraag die de evaluatie van de schuldhulpverlening oplevert en die "
            "een collega letterlijk kan herhalen, zonder te klikken: zet het thema, het type en "
            "het jaar als **velden** in de zoekvraag.\n\n"
            "De opdracht is geslaagd als je zoekgeschiedenis een zoekvraag met velden bevat die "
            "resultaten oplevert."
        ),
        expert_query="schuldhulp* thema:armoede type:evaluatie jaar:2022",
        required_skill="field",
        hints=(
            "Het thema heet in de zoekvraag `thema:armoede`.",
            "Voorbeeld: `schuldhulp* thema:armoede type:evaluatie jaar:2022`.",
        ),
    ),
    ExerciseSeed(
        slug="verantwoording-armoedenotitie",
        kind="open",
        title="Verantwoord je bronnen",
        prompt=(
            "Sluit je notitie over armoede af met een korte verantwoording.\n\n"
            "Schrijf in drie tot vijf zinnen op **welke bronnen je gebruikte, met welke "
            "zoekvragen en filters je ze vond, en waarom je ze vertrouwt**. Noem ook een "
            "document dat je bewust niet gebruikte, als dat er was."
        ),
        expert_query="armoede OF minima OF schuldhulp*",
        rubric=(
            "Elke bron is herkenbaar vermeld: titel, type, maker en jaar.",
            "De gebruikte zoekvragen en filters zijn genoemd en herhaalbaar.",
            "Per bron staat waarom die betrouwbaar of actueel genoeg is.",
        ),
    ),
)

MODULE_9 = ModuleSeed(
    slug="verantwoorden",
    title="Verantwoorden",
    summary=(
        "Je legt vast welke bronnen en zoektermen je gebruikte, zodat je werk controleerbaar en "
        "herhaalbaar is."
    ),
    goals=(
        "Je houdt een zoeklogboek bij met zoekvragen, filters en resultaten.",
        "Je schrijft een zoekvraag die een ander letterlijk kan herhalen.",
        "Je vermeldt bronnen met titel, type, maker, jaar en vindplaats.",
    ),
    minutes=35,
    lessons=(_M9_LOGBOEK, _M9_BRONNEN),
    exercises=_M9_EXERCISES,
)


# =============================================================================================
# 10. Eindopdrachten, één per domein
# =============================================================================================

_M10_AANPAK = LessonSeed(
    "zo-pak-je-een-eindopdracht-aan",
    "Zo pak je een eindopdracht aan",
    """\
In de eindopdrachten komt alles samen. Elke opdracht hoort bij een domein van de gemeente:
onderwijs, het sociaal domein, volkshuisvesting en ruimte, veiligheid en economie. Er staat
niet bij welke techniek je moet gebruiken; dat kies je zelf.

## Zeven stappen

1. **Lees de vraag twee keer.** Wat wil de vrager precies weten: een getal, één document, of
   alles over een onderwerp?
2. **Haal de begrippen eruit** en bedenk per begrip synoniemen en vaktermen.
3. **Zoek breed**, bijvoorbeeld `(schooluitval OF thuiszitters)`, en bekijk de facetten: welke
   types, thema's en jaren komen voor?
4. **Maak smaller** met filters, een exacte zin of een extra begrip.
5. **Lees de resultaten**: titel, type, jaar, maker. Open de beste kandidaten.
6. **Beoordeel**: is dit het nieuwste document, is het niet vervangen, past het bij de vraag?
7. **Leg vast** welke zoekvragen en filters je gebruikte.

## Alles vinden

Vraagt een opdracht om *alle* documenten die aan een omschrijving voldoen, dan telt zowel wat je
vindt als wat je mist. Markeer je een document dat er niet bij hoort, dan kost dat punten; mis je
er een, ook. Lees de omschrijving dus precies: welk type, welk thema, welke jaren? Gebruik het
jaar van publicatie, niet het jaar in de titel.

## Pogingen

Bij de eindopdrachten heb je een beperkt aantal pogingen. Neem de tijd voordat je antwoord
geeft: controleer je getal in het document zelf, niet alleen in het fragment in de
resultatenlijst.
""",
)

_M10_CHECKLIST = LessonSeed(
    "checklist-voor-je-antwoord",
    "Checklist voor je antwoord",
    """\
Loop voordat je een antwoord instuurt deze lijst langs. Hij is kort, maar voorkomt de meeste
fouten die we bij eindopdrachten zien.

## Bij een feitvraag

- Komt het getal uit het **document zelf**, en niet uit een samenvatting of uit je geheugen?
- Gaat het over de goede **periode**? Een monitor uit 2024 kan over 2022-2023 gaan.
- Is dit de **nieuwste** bron, of is er een nieuwere versie met een ander getal?
- Noemen twee documenten een verschillend getal? Kijk naar de **peildatum** en de maker, en
  kies het document waar de vraag om vraagt.
- Heb je de **eenheid** goed: aantal of percentage, personen of huishoudens?

## Bij een opdracht om alles te vinden

- Heb je **synoniemen** gebruikt? Titels noemen hetzelfde onderwerp vaak op verschillende
  manieren.
- Klopt het **thema**? Een woord als `veiligheid` komt ook voor in documenten over verkeer en
  jeugdbescherming.
- Klopt het **type**? Een evaluatie is geen onderzoek, een jaarverslag geen monitor.
- Klopt het **jaar**? Filter op het jaar van publicatie.
- Tel je markeringen en vergelijk ze met het aantal resultaten van je beste zoekvraag: als alle
  resultaten van `(veiligheid OF overlast) type:monitor` met het juiste thema erbij horen,
  moeten de aantallen gelijk zijn.

## Bij elke opdracht

- Schrijf je zoekvragen op. Na afloop zie je hoe een ervaren zoeker het deed: vergelijk die
  zoekvraag met die van jou, en noteer wat je de volgende keer anders doet.
""",
)

_M10_EXERCISES = (
    ExerciseSeed(
        slug="eindopdracht-onderwijs-thuiszitters",
        kind="fact",
        title="Onderwijs: thuiszitters in 2024",
        prompt=(
            "De wethouder Onderwijs gaat in gesprek met het samenwerkingsverband passend "
            "onderwijs. Zij wil weten hoeveel leerlingen er **op 1 oktober 2024** thuis zaten "
            "zonder passend onderwijs.\n\n"
            "**Hoeveel thuiszitters waren er op die datum?** Geef het aantal."
        ),
        expert_query='thuiszitters "1 oktober 2024"',
        key_documents=("kern-vsv-factsheet-2025",),
        accepted_answers=("41", "41 leerlingen", "41 thuiszitters"),
        hints=(
            "Het cijfer staat niet in de nota over thuiszitters uit 2022; die is ouder.",
            'Zoek op een exacte datum: `"1 oktober 2024"`.',
        ),
        max_attempts=3,
    ),
    ExerciseSeed(
        slug="eindopdracht-sociaal-domein-armoedemonitors",
        kind="find_all",
        title="Sociaal domein: de armoedemonitors van 2019-2023",
        prompt=(
            "Team Werk en Inkomen wil de ontwikkeling van armoede over vijf jaar beschrijven. "
            "Zoek **alle monitors binnen het thema Armoede en schulden die in 2019 tot en met "
            "2023 zijn verschenen** en markeer ze. Sommige noemen zich geen armoedemonitor."
        ),
        expert_query="armoede OF minima",
        expert_filters={
            "type": ("monitor",),
            "thema": ("armoede",),
            "jaar": _years(2019, 2023),
        },
        key_documents=(
            "kern-armoedemonitor-2023",
            "gen-001325",
            "gen-001878",
            "gen-002098",
            "gen-002409",
        ),
        hints=(
            "Combineer type monitor, thema Armoede en schulden en de jaren 2019-2023.",
            "Monitors over minimabeleid en kinderen in armoede horen er ook bij.",
        ),
        max_attempts=3,
    ),
    ExerciseSeed(
        slug="eindopdracht-volkshuisvesting-woningbouwonderzoek",
        kind="find_all",
        title="Volkshuisvesting en ruimte: onderzoek naar woningbouw sinds 2021",
        prompt=(
            "Het nieuwe woningbouwprogramma moet steunen op recent onderzoek. Zoek **alle "
            "onderzoeken binnen het thema Woningbouw die in 2021 tot en met 2025 zijn "
            "verschenen** en markeer ze.\n\n"
            "Het oude woningbehoefteonderzoek uit 2016 hoort er niet bij."
        ),
        expert_query="woningbehoefte* OF woningbouw* OF nieuwbouw*",
        expert_filters={
            "type": ("onderzoek",),
            "thema": ("woningbouw",),
            "jaar": _years(2021, 2025),
        },
        key_documents=(
            "kern-woningbehoefte-2021",
            "gen-000252",
            "gen-000654",
            "gen-000846",
            "gen-001120",
            "gen-001326",
        ),
        hints=(
            "Filter op type onderzoek, thema Woningbouw en de jaren 2021 tot en met 2025.",
            "Titels spreken van woningbehoefte, woningbouw en nieuwbouw; gebruik jokertekens.",
        ),
        max_attempts=3,
    ),
    ExerciseSeed(
        slug="eindopdracht-veiligheid-monitors",
        kind="find_all",
        title="Veiligheid: monitors over openbare orde sinds 2019",
        prompt=(
            "De burgemeester wil weten hoe overlast en veiligheid in de wijken zich sinds 2019 "
            "ontwikkelden. Zoek **alle monitors binnen het thema Openbare orde en veiligheid "
            "die in 2019 of later zijn verschenen** en markeer ze.\n\n"
            "Pas op: het woord *veiligheid* komt ook voor in monitors over heel andere thema's."
        ),
        expert_query="veiligheid OF overlast",
        expert_filters={
            "type": ("monitor",),
            "thema": ("1.2",),
            "jaar": _years(2019, 2026),
        },
        key_documents=(
            "kern-veiligheidsmonitor-2023",
            "gen-000546",
            "gen-001858",
            "gen-001874",
            "gen-002269",
            "gen-002459",
        ),
        hints=(
            "Gebruik het thema-facet Openbare orde en veiligheid (code 1.2).",
            "Monitors over overlast van jongeren horen er ook bij: `veiligheid OF overlast`.",
        ),
        max_attempts=3,
    ),
    ExerciseSeed(
        slug="eindopdracht-economie-banen",
        kind="fact",
        title="Economie: hoeveel banen?",
        prompt=(
            "De wethouder Economie opent een banenmarkt en wil zeggen hoeveel banen Lindewaard "
            "telt, volgens de **Werkgelegenheidsmonitor 2024** van Team Economie en Cultuur. Die "
            "monitor gaat over de stand op **1 april 2023**.\n\n"
            "**Hoeveel banen telde Lindewaard op die datum?**"
        ),
        expert_query='banen "1 april 2023"',
        expert_filters={"type": ("monitor",)},
        key_documents=("kern-werkgelegenheidsmonitor-2024",),
        accepted_answers=("61.400", "61400", "61.400 banen", "61400 banen"),
        hints=(
            "In 2024 verschenen twee monitors over werkgelegenheid, met verschillende getallen. "
            "Kijk naar de peildatum.",
            'Zoek op de peildatum als exacte zin: `"1 april 2023"`.',
        ),
        max_attempts=3,
    ),
)

MODULE_10 = ModuleSeed(
    slug="eindopdrachten",
    title="Eindopdrachten per domein",
    summary=(
        "Vijf opdrachten uit onderwijs, het sociaal domein, volkshuisvesting, veiligheid en "
        "economie waarin je alle technieken zelf kiest."
    ),
    goals=(
        "Je kiest zelf de zoektechnieken die bij een vraag passen.",
        "Je vindt een feit of een complete set documenten zonder hints vooraf.",
        "Je controleert je antwoord voordat je het instuurt.",
    ),
    minutes=60,
    lessons=(_M10_AANPAK, _M10_CHECKLIST),
    exercises=_M10_EXERCISES,
)


MODULES: tuple[ModuleSeed, ...] = (
    MODULE_1,
    MODULE_2,
    MODULE_3,
    MODULE_4,
    MODULE_5,
    MODULE_6,
    MODULE_7,
    MODULE_8,
    MODULE_9,
    MODULE_10,
)
