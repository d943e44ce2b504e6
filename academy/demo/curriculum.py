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

We beschrijven de volwassenheid van een thema met een ladder van vijf treden:

1. **Vinden** — weten welke onderzoeken, monitors en factsheets er over het thema al zijn.
2. **Beschrijven** — wat is er aan de hand? Cijfers over omvang en ontwikkeling.
3. **Diagnosticeren** — waarom gebeurt het? Oorzaken en verbanden.
4. **Voorspellen** — wat gaat er gebeuren als we niets doen?
5. **Voorschrijven** — wat moeten we doen, en wat levert dat op?

Een team dat trede 1 overslaat, bouwt een voorspelmodel op cijfers die een collega drie jaar
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
- **Armoede**: ook *minima*, *laag inkomen*, *sociaal minimum*, *bestaanszekerheid*.
- **Funderingen**: ook *paalrot*, *houten palen*, *funderingsherstel*.
- **Jeugdzorg**: ook *jeugdhulp*; in wetten en contracten vaak *jeugd-ggz* of
  *jeugdbescherming* voor een deel ervan.
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

MODULES: tuple[ModuleSeed, ...] = (MODULE_1, MODULE_2, MODULE_3)
