"""Benchmark search_module against a SQLite FTS5 baseline on a synthetic Dutch corpus.

    .venv/bin/python bench/search_bench.py                  # 10,000 and 50,000 documents
    .venv/bin/python bench/search_bench.py --sizes 10000    # just one size

Both engines answer the same queries with a *full results page*: the top 10, the true total,
facet counts for type/thema/jaar/afdeling and highlighted snippets. The corpus is generated
here, deterministically (seeded); when ``academy.demo.corpus.generate_corpus(n, seed)``
exists it is used instead (``--generator builtin`` forces ours).

What FTS5 does differently, so the comparison stays honest: it has no Dutch stemmer
(``unicode61 remove_diacritics 2``, so "woningen" does not find "woning"), no fuzzy search
(``armoed~`` becomes the prefix ``armoed*``), and facets are four GROUP BY queries on the
matching rows. It is a speed baseline, not an equal in search quality.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import re
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import whoosh  # noqa: E402

from search_module import IndexedDocument, SearchIndex, SearchRequest  # noqa: E402

# --------------------------------------------------------------------------- corpus

THEMES_TEXT = """
vsv | Vroegtijdig schoolverlaten | Onderwijs en Jeugd
    schoolverlaters startkwalificatie leerplicht verzuim mbo jongeren school diploma
armoede | Armoede en schulden | Werk en Inkomen
    armoede schulden minima schuldhulpverlening inkomen toeslagen huishoudens armoedeval
jeugd | Jeugdzorg | Onderwijs en Jeugd
    jeugdzorg jeugdhulp gezinnen kinderen wijkteam jeugdbescherming opvoeding jongeren
wonen | Wonen en woningbouw | Ruimte en Wonen
    woningen woningbouw huurwoningen corporaties woningmarkt nieuwbouw woningzoekenden huur
fund | Funderingen | Ruimte en Wonen
    funderingen funderingsherstel paalrot grondwater panden eigenaren herstel bodem
0.1 | Bestuur | Bestuur en Concern
    gemeenteraad college raadsleden besluitvorming bestuur burgemeester wethouders moties
1.1 | Crisisbeheersing en brandweer | Veiligheid
    brandweer veiligheidsregio incidenten crisis uitrukken brandpreventie rampen oefeningen
1.2 | Openbare orde en veiligheid | Veiligheid
    veiligheid overlast criminaliteit handhaving boa woninginbraken ondermijning cameratoezicht
2.1 | Verkeer en vervoer | Ruimte en Wonen
    verkeer fietspaden parkeren verkeersveiligheid openbaar vervoer wegen ongevallen
3.1 | Economische ontwikkeling | Economie
    bedrijven werkgelegenheid ondernemers economie bedrijventerreinen vestigingen banen mkb
4.2 | Onderwijshuisvesting | Onderwijs en Jeugd
    schoolgebouwen onderwijshuisvesting leerlingen scholen
    renovatie nieuwbouw basisscholen capaciteit
5.1 | Sportbeleid en activering | Maatschappelijke Ontwikkeling
    sport sportverenigingen bewegen sportdeelname
    sportaccommodaties zwembad buurtsportcoach leefstijl
5.3 | Cultuur | Maatschappelijke Ontwikkeling
    cultuur musea bibliotheek erfgoed cultuureducatie theater monumenten kunst
6.1 | Samenkracht en burgerparticipatie | Maatschappelijke Ontwikkeling
    vrijwilligers mantelzorg participatie buurthuizen welzijn eenzaamheid ouderen inwoners
6.3 | Inkomensregelingen | Werk en Inkomen
    bijstand uitkeringen participatiewet inkomensondersteuning
    bijstandsgerechtigden kosten regelingen uitstroom
6.4 | Begeleide participatie | Werk en Inkomen
    beschut sociale werkvoorziening arbeidsbeperking
    re-integratie begeleiding werkplekken participatie
6.5 | Arbeidsparticipatie | Werk en Inkomen
    werkloosheid werkzoekenden arbeidsmarkt werkgevers vacatures werklozen banen scholing
6.6 | Maatwerkvoorzieningen (WMO) | Zorg en Welzijn
    wmo hulpmiddelen woningaanpassingen rolstoelen maatwerkvoorzieningen indicaties ouderen zorg
6.71 | Maatwerkdienstverlening 18+ | Zorg en Welzijn
    huishoudelijke ondersteuning dagbesteding begeleiding zorgaanbieders cliënten wmo zorgkosten
6.81 | Geëscaleerde zorg 18+ | Zorg en Welzijn
    maatschappelijke opvang dakloosheid daklozen beschermd wonen verslaving ggz
7.1 | Volksgezondheid | Zorg en Welzijn
    gezondheid ggd overgewicht roken alcohol preventie vaccinatie gezondheidsmonitor
7.2 | Riolering | Beheer Openbare Ruimte
    riolering riool wateroverlast hemelwater afkoppelen gemalen rioolheffing buizen
7.3 | Afval | Beheer Openbare Ruimte
    afval restafval scheiden containers recycling grondstoffen zwerfafval afvalstoffenheffing
7.4 | Milieubeheer | Duurzaamheid
    milieu luchtkwaliteit geluid energietransitie zonnepanelen warmtenet co2 duurzaamheid
8.1 | Ruimtelijke ordening | Ruimte en Wonen
    omgevingsvisie bestemmingsplannen omgevingswet ruimtelijke
    ordening gebiedsontwikkeling vergunningen plannen
8.3 | Wonen en bouwen | Ruimte en Wonen
    bouwvergunningen woningvoorraad leegstand splitsen bouwen toezicht woningtoewijzing huisvesting
0.4 | Overhead | Bestuur en Concern
    personeel ict huisvesting formatie ziekteverzuim inhuur informatiebeveiliging privacy
0.61 | OZB woningen | Financiën
    ozb woz belastingen waardering aanslagen bezwaren tarieven eigenaren
"""


def _parse_themes(text: str) -> list[tuple[str, str, str, list[str]]]:
    """(code, name, department, theme words) from the table above (words indented)."""
    themes: list[tuple[str, str, str, list[str]]] = []
    for line in text.strip().splitlines():
        if line.startswith(" "):
            themes[-1][3].extend(line.split())
        else:
            code, name, department = (part.strip() for part in line.split("|"))
            themes.append((code, name, department, []))
    return themes


THEMES = _parse_themes(THEMES_TEXT)

DOCTYPES = [
    "onderzoek",
    "factsheet",
    "nota",
    "raadsvoorstel",
    "monitor",
    "evaluatie",
    "jaarverslag",
]
PLACES = [
    "Zaandam",
    "Assendelft",
    "Krommenie",
    "Wormerveer",
    "Koog aan de Zaan",
    "Zaandijk",
    "Westzaan",
    "Westerwatering",
    "Poelenburg",
    "Peldersveld",
    "Kogerveld",
    "Rosmolenwijk",
    "Pelders- en Hoornseveld",
    "Zaandam-Zuid",
    "Oude Haven",
]
GENERAL = [
    "analyse",
    "cijfers",
    "trend",
    "ontwikkeling",
    "doelgroep",
    "aanpak",
    "resultaten",
    "maatregelen",
    "beleid",
    "effecten",
    "kosten",
    "inwoners",
    "wijken",
    "gemeente",
    "aanbevelingen",
    "gegevens",
    "dashboard",
    "rapportage",
    "indicatoren",
    "prognose",
    "benchmark",
    "enquête",
    "steekproef",
    "signalen",
    "knelpunten",
    "ambities",
    "uitvoering",
    "samenwerking",
    "partners",
    "evaluatie",
    "onderzoek",
    "monitoring",
    "begroting",
    "jaarrekening",
    "programma",
    "doelstellingen",
    "prestaties",
    "vergelijking",
    "regio",
    "provincie",
    "landelijk",
    "gemiddelde",
    "stijging",
    "daling",
    "procent",
]
TEMPLATES = [
    "In {place} is het aantal {w1} in {year} met {pct} procent gestegen ten opzichte van {prev}.",
    "Deze {doctype} beschrijft de {g1} van {w1} en {w2} in de wijken van Zaanstad.",
    "Uit de {g1} blijkt dat {w1} vooral in {place} een belangrijk {g2} is.",
    "De gemeente wil de {g1} rond {w1} verbeteren door betere {g2} met {w2}.",
    "Het college heeft de gemeenteraad geïnformeerd over {w1}, {w2} en de {g1}.",
    "Voor {w1} zijn {num} {g2} geformuleerd die in {nextyear} worden uitgevoerd.",
    "Vergeleken met de regio ligt het niveau van {w1} in {place} onder het landelijk gemiddelde.",
    "Inwoners noemen {w1} en {w2} vaak als knelpunt in de enquête.",
    "De {g1} laat zien dat {w2} samenhangt met {w1} en met de {g2} in de buurt.",
    "Het onderzoek naar {w1} is uitgevoerd door de afdeling Onderzoek en Statistiek.",
    "Er is een dashboard ontwikkeld waarmee teams de {g1} van {w1} per wijk kunnen volgen.",
    "Vroegtijdig signaleren van {w1} voorkomt hogere kosten voor {w2}.",
    "Tussen {prev} en {year} daalde het aantal {w2} in {place} van {num} naar {num2}.",
    "Het Datapakhuis levert de gegevens over {w1}; de analyse is beschrijvend en diagnostisch.",
    "Aanbeveling: maak afspraken met partners over {w1} en monitor de {g1} jaarlijks.",
]


def generate_builtin(n: int, seed: int = 42) -> Iterator[IndexedDocument]:
    """A deterministic, plausible Dutch municipal corpus (title, summary, body, metadata)."""
    rng = random.Random(seed)
    weights = [rng.paretovariate(1.2) for _ in THEMES]
    for doc_id in range(1, n + 1):
        code, name, department, words = rng.choices(THEMES, weights=weights)[0]
        doctype = rng.choice(DOCTYPES)
        year = rng.randint(2012, 2025)
        published = (
            datetime.date(year, rng.randint(1, 12), rng.randint(1, 28))
            if rng.random() > 0.1
            else None
        )
        place = rng.choice(PLACES)
        w1, w2 = rng.sample(words, 2)
        title = f"{doctype.capitalize()} {w1} {place} {year}"
        if rng.random() < 0.3:
            title = f"{name}: {w1} en {w2} ({year})"
        sentences = []
        for _ in range(rng.randint(12, 30)):
            template = rng.choice(TEMPLATES)
            sentences.append(
                template.format(
                    place=rng.choice(PLACES),
                    w1=rng.choice(words),
                    w2=rng.choice(words),
                    g1=rng.choice(GENERAL),
                    g2=rng.choice(GENERAL),
                    year=year,
                    prev=year - rng.randint(1, 5),
                    nextyear=year + 1,
                    pct=rng.randint(1, 40),
                    num=rng.randint(10, 5000),
                    num2=rng.randint(10, 5000),
                    doctype=doctype,
                )
            )
        body = " ".join(sentences)
        yield IndexedDocument(
            doc_id=doc_id,
            title=title,
            body=body,
            summary=sentences[0],
            doctype=doctype,
            theme=code,
            theme_name=name,
            year=year,
            department=department,
            published=published,
            source=f"demo/{code}/{doc_id}.txt",
        )


def corpus_factory(generator: str) -> tuple[str, Callable[[int], list[IndexedDocument]]]:
    """Use academy.demo.corpus when it exists (and maps onto IndexedDocument), else ours."""
    if generator != "builtin":
        try:
            from academy.demo.corpus import generate_corpus  # type: ignore[import-not-found]

            try:
                from academy.demo.themes import THEMES_BY_CODE  # type: ignore[import-not-found]

                theme_names = {code: theme.name for code, theme in THEMES_BY_CODE.items()}
            except Exception:  # noqa: BLE001 - names are optional
                theme_names = {}

            def external(n: int) -> list[IndexedDocument]:
                out = []
                for i, item in enumerate(generate_corpus(n, 42), 1):
                    get = (
                        item.get
                        if isinstance(item, dict)
                        else lambda k, d=None, o=item: getattr(o, k, d)
                    )
                    out.append(
                        IndexedDocument(
                            doc_id=int(get("doc_id", None) or get("id", None) or i),
                            title=str(get("title", "")),
                            body=str(get("body", "")),
                            summary=str(get("summary", "") or ""),
                            doctype=str(get("doctype", "")),
                            theme=str(get("theme", "") or get("theme_code", "")),
                            theme_name=str(
                                get("theme_name", "") or theme_names.get(str(get("theme", "")), "")
                            ),
                            year=int(get("year", 0) or 0),
                            department=str(get("department", "")),
                            published=get("published", None),
                        )
                    )
                return out

            external(5)  # probe the shape once
            return "academy.demo.corpus.generate_corpus", external
        except Exception:  # noqa: BLE001 - optional; fall back to our generator
            if generator == "academy":
                raise
    return "builtin template generator", lambda n: list(generate_builtin(n))


# --------------------------------------------------------------------------- queries

QUERIES: list[str] = [
    "armoede",
    "woningen",
    "jeugdzorg",
    "gemeenteraad",
    "werkloosheid",
    "schoolverlaters",
    "onderzoek",
    "inwoners",
    "kosten",
    "dashboard",
    "armoede schulden",
    "jeugdzorg wijkteam",
    "woningbouw nieuwbouw",
    "verkeer ongevallen",
    "armoede AND kinderen",
    "afval EN recycling",
    "armoede OR schulden",
    "daklozen OF dakloosheid",
    "brandweer OR veiligheidsregio",
    "armoede NOT schulden",
    "woningen NIET huur",
    "jeugdzorg -kinderen",
    '"vroegtijdig schoolverlaten"',
    '"gemeente wil"',
    '"landelijk gemiddelde"',
    '"wateroverlast"',
    "jeugd*",
    "woning*",
    "sport*",
    "armoe*",
    "ver*",
    "armoed~",
    "gemeenteraaad~",
    "werkloosheit~2",
    "fietspadden~",
    "type:factsheet armoede",
    "thema:vsv",
    "jaar:2018..2022 woningen",
    "afdeling:veiligheid overlast",
    "titel:armoede",
    "(armoede OR schulden) jaar:2020",
    "(jeugd* OR kinderen) NOT type:nota",
    "",
    "Zaandam",
    "analyse trend",
    "armoeda",
]

FTS_FIELDS = {"type": "doctype", "thema": "theme", "jaar": "year", "afdeling": "department"}


def fts_translate(query: str, con: sqlite3.Connection) -> tuple[str | None, list[str], list[Any]]:
    """Rough translation of our syntax into an FTS5 MATCH plus SQL WHERE clauses."""
    where: list[str] = []
    params: list[Any] = []
    text = query

    def field(match: re.Match[str]) -> str:
        key, value = match.group(1).lower(), match.group(2).strip('"')
        if key == "jaar":
            rng = re.match(r"(\d{4})\.\.(\d{4})", value)
            if rng:
                where.append("m.year BETWEEN ? AND ?")
                params.extend([int(rng.group(1)), int(rng.group(2))])
            elif value.isdigit():
                where.append("m.year = ?")
                params.append(int(value))
        elif key == "titel":
            return f"title:{value}"
        elif key in FTS_FIELDS:
            column = FTS_FIELDS[key]
            where.append(f"lower(m.{column}) LIKE ?")
            params.append(f"%{value.lower()}%")
        return ""

    negated_field = re.search(r"NOT\s+(type|thema|afdeling):(\S+)", text)
    if negated_field:
        column = FTS_FIELDS[negated_field.group(1)]
        where.append(f"lower(m.{column}) NOT LIKE ?")
        params.append(f"%{negated_field.group(2).lower()}%")
        text = text.replace(negated_field.group(0), "")
    text = re.sub(r'\b(type|thema|jaar|afdeling|titel):("[^"]*"|\S+)', field, text)
    text = re.sub(r"\bEN\b", "AND", text)
    text = re.sub(r"\bOF\b", "OR", text)
    text = re.sub(r"\bNIET\b", "NOT", text)
    text = re.sub(r"(?:^|\s)-(\w+)", r" NOT \1", text)
    text = re.sub(r"(\w+)~\d?", r"\1*", text)  # no fuzzy in FTS5
    tokens = re.findall(r'"[^"]*"|\(|\)|[^\s()]+', text)
    out: list[str] = []
    for tok in tokens:
        if tok in ("AND", "OR", "NOT", "(", ")") or tok.startswith('"') or tok.startswith("title:"):
            out.append(tok)
        elif tok.endswith("*"):
            out.append('"' + tok[:-1] + '"*')
        else:
            out.append('"' + tok.replace('"', "") + '"')
    # FTS5 needs an operand before NOT: "a NOT b" is fine, "NOT b" alone is not
    match = " ".join(out).strip()
    match = re.sub(r"\(\s*\)", "", match).strip()
    if match.startswith("NOT "):
        match = match[4:]
    return (match or None), where, params


class Fts5Engine:
    """The baseline: one FTS5 table plus a metadata table, in a temp file."""

    def __init__(self, path: Path) -> None:
        self.con = sqlite3.connect(path)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA synchronous=NORMAL")

    def build(self, docs: list[IndexedDocument]) -> None:
        con = self.con
        con.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(title, summary, body, theme_name, "
            "tokenize='unicode61 remove_diacritics 2')"
        )
        con.execute(
            "CREATE TABLE meta (rowid INTEGER PRIMARY KEY, doctype TEXT, theme TEXT, "
            "year INTEGER, department TEXT, published TEXT)"
        )
        with con:
            con.executemany(
                "INSERT INTO docs(rowid, title, summary, body, theme_name) VALUES (?,?,?,?,?)",
                ((d.doc_id, d.title, d.summary, d.body, d.theme_name) for d in docs),
            )
            con.executemany(
                "INSERT INTO meta VALUES (?,?,?,?,?,?)",
                (
                    (
                        d.doc_id,
                        d.doctype,
                        d.theme,
                        d.year,
                        d.department,
                        d.published.isoformat() if d.published else f"{d.year}-01-01",
                    )
                    for d in docs
                ),
            )
        con.execute("CREATE INDEX meta_year ON meta(year)")

    def page(self, query: str) -> int:
        """Top 10 with snippets, total and four facet counts; returns the total."""
        match, where, params = fts_translate(query, self.con)
        con = self.con
        if match:
            base = "FROM docs JOIN meta m ON m.rowid = docs.rowid WHERE docs MATCH ?"
            args: list[Any] = [match, *params]
        else:
            base = "FROM meta m WHERE 1=1"
            args = list(params)
        if where:
            base += " AND " + " AND ".join(where)
        try:
            if match:
                con.execute(
                    "SELECT docs.rowid, highlight(docs, 0, '<mark>', '</mark>'), "
                    "snippet(docs, 2, '<mark>', '</mark>', '…', 24) "
                    f"{base} ORDER BY bm25(docs, 3.0, 1.0, 1.0, 1.5) LIMIT 10",
                    args,
                ).fetchall()
            else:
                con.execute(
                    f"SELECT m.rowid {base} ORDER BY m.published DESC LIMIT 10", args
                ).fetchall()
            total = con.execute(f"SELECT count(*) {base}", args).fetchone()[0]
            for column in ("doctype", "theme", "year", "department"):
                con.execute(
                    f"SELECT m.{column}, count(*) {base} GROUP BY m.{column}", args
                ).fetchall()
        except sqlite3.OperationalError:
            return -1
        return int(total)


# --------------------------------------------------------------------------- running


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * pct / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


Timings = tuple[list[float], list[float]]  # (wall ms, CPU ms) per query


def time_queries(run: Callable[[str], Any], queries: list[str], rounds: int) -> Timings:
    """Wall and CPU milliseconds per query; CPU time hardly depends on other processes."""
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(rounds):
        for q in queries:
            c0, t0 = time.process_time(), time.perf_counter()
            run(q)
            wall.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
    return wall, cpu


def _cpu_seconds() -> float:
    """User+system CPU of this process and its finished children (the writer processes)."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bench_size(
    n: int, make_docs: Callable[[int], list[IndexedDocument]], rounds: int, workdir: Path
) -> dict[str, Any]:
    docs = make_docs(n)
    words = sum(len(d.body.split()) for d in docs) / max(1, len(docs))

    index_dir = workdir / f"whoosh-{n}"
    index = SearchIndex(index_dir)
    cpu0 = _cpu_seconds()
    t0 = time.perf_counter()
    index.rebuild(docs)
    whoosh_build = time.perf_counter() - t0
    whoosh_cpu = _cpu_seconds() - cpu0

    fts = Fts5Engine(workdir / f"fts-{n}.sqlite3")
    cpu0 = _cpu_seconds()
    t0 = time.perf_counter()
    fts.build(docs)
    fts_build = time.perf_counter() - t0
    fts_cpu = _cpu_seconds() - cpu0

    # cold: a fresh SearchIndex, each query once (first open, empty caches)
    cold_index = SearchIndex(index_dir)
    cold = time_queries(lambda q: cold_index.search(SearchRequest(query=q)), QUERIES, 1)

    def whoosh_page(q: str) -> int:
        return index.search(SearchRequest(query=q, page_size=10)).total

    index.search(SearchRequest(query="armoede"))  # open the searcher
    warm = time_queries(whoosh_page, QUERIES, rounds)
    fts.page("armoede")
    fts_times = time_queries(fts.page, QUERIES, rounds)

    totals = {q: (whoosh_page(q), fts.page(q)) for q in QUERIES}
    return {
        "n": n,
        "words": words,
        "whoosh_build": n / whoosh_build,
        "fts_build": n / fts_build,
        "whoosh_cpu": whoosh_cpu,
        "fts_cpu": fts_cpu,
        "whoosh": warm,
        "whoosh_cold": cold,
        "fts": fts_times,
        "totals": totals,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,50000", help="comma separated corpus sizes")
    parser.add_argument("--rounds", type=int, default=5, help="times each query is repeated")
    parser.add_argument("--generator", choices=["auto", "builtin", "academy"], default="auto")
    parser.add_argument("--keep", action="store_true", help="keep the temp directory")
    parser.add_argument("--show-totals", action="store_true", help="print hits per query")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    generator_name, make_docs = corpus_factory(args.generator)
    print("Machine")
    print(f"  cpus        {os.cpu_count()}")
    print(f"  platform    {platform.platform()}")
    print(f"  python      {platform.python_version()} ({platform.python_implementation()})")
    print(f"  whoosh      {whoosh.versionstring()}")
    print(f"  sqlite      {sqlite3.sqlite_version}")
    print(f"  corpus      {generator_name}, seed 42")
    print(f"  load avg    {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min, at start)")
    print(f"  queries     {len(QUERIES)} (x{args.rounds} rounds)")
    print("  page        top 10 + true total + 4 facets + highlighted title and snippet")
    print()

    workdir = Path(tempfile.mkdtemp(prefix="search-bench-"))
    results = []
    try:
        for n in sizes:
            print(f"... {n:,} documents", flush=True)
            results.append(bench_size(n, make_docs, args.rounds, workdir))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    print()
    header = (
        f"{'docs':>7} | {'engine':<14} | {'p50 ms':>7} | {'p95 ms':>7} | {'max ms':>7} | "
        f"{'cpu p50':>7} | {'cpu p95':>7} | {'build docs/s':>12}"
    )
    print(header)
    print("-" * len(header))

    def row(n: str, label: str, timings: Timings, build: str) -> None:
        wall, cpu = timings
        print(
            f"{n:>7} | {label:<14} | {percentile(wall, 50):7.1f} | {percentile(wall, 95):7.1f} | "
            f"{max(wall):7.1f} | {percentile(cpu, 50):7.1f} | {percentile(cpu, 95):7.1f} | "
            f"{build:>12}"
        )

    def ratio(a: list[float], b: list[float], pct: float) -> float:
        return percentile(a, pct) / percentile(b, pct)

    for r in results:
        w, c, f = r["whoosh"], r["whoosh_cold"], r["fts"]
        row(f"{r['n']:,}", "search_module", w, f"{r['whoosh_build']:.0f}")
        row("", "  (cold, 1st)", c, "")
        row("", "sqlite fts5", f, f"{r['fts_build']:.0f}")
        build = r["whoosh_build"] / r["fts_build"]
        print(
            f"{'':>7} | {'ratio sm/fts':<14} | {ratio(w[0], f[0], 50):7.2f} | "
            f"{ratio(w[0], f[0], 95):7.2f} | {'':>7} | {ratio(w[1], f[1], 50):7.2f} | "
            f"{ratio(w[1], f[1], 95):7.2f} | {build:12.2f}"
        )
    print()
    print("Targets at 10,000 docs: p50 <= 40 ms, p95 <= 150 ms, build >= 400 docs/s.")
    print(f"Load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}.")
    for r in results:
        print(
            f"Build CPU at {r['n']:,}: search_module {r['whoosh_cpu']:.1f} s "
            f"(parent + writer processes), FTS5 {r['fts_cpu']:.1f} s."
        )
    print("search_module rows include the first (cold-cache) round; 'cold' is a fresh")
    print("SearchIndex answering each query once. 'cpu' columns: CPU ms of this process per")
    print("query, which the other processes on a busy machine hardly change.")
    print(f"Average body length: {', '.join(str(round(r['words'])) + ' words' for r in results)}.")
    if args.show_totals:
        for r in results:
            print(f"\nHits per query at {r['n']:,} (search_module / fts5; -1 = FTS5 syntax error):")
            for q, (wt, ft) in r["totals"].items():
                print(f"  {q!r:40} {wt:>7} {ft:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
