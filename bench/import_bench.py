"""Benchmark importing a real-world-like folder, against a rebuild and a SQLite FTS5 baseline.

    .venv/bin/python bench/import_bench.py                 # generate (cached) and measure
    .venv/bin/python bench/import_bench.py --profile       # plus a cProfile of the import
    .venv/bin/python bench/import_bench.py --root DIR      # measure another folder (no MRR)

The folder (cached under /tmp/academy-import-bench/) holds the known items and distractors
of tests/documents/messy_files.py plus thousands of filler files: laws as README.md with
``##Title`` headings after a ``<meta>`` line and link-heavy bodies of 5-50 KB, HTML exports,
.docx memos, PDF reports, a sidecar CSV, and a few broken and generic-named files.

Each measurement runs in a fresh child process on a fresh temporary app (SQLite + Whoosh), so
the peak memory (VmHWM, the RSS high-water mark) is that of the work alone:

* import: the import run (``import_folder``: loaders, rows, outcomes, change feed) with the
  node's index follower catching up beside it, as in ``flask jobs worker``; then the time
  until every document is searchable (the follower applied every change);
* rebuild: ``rebuild_index()`` of the same documents (target: import ≤ 1.5 × rebuild);
* load only: every file through ``load_file`` without database or index (the loaders' share);
* FTS5: the same loaded files into a plain SQLite FTS5 table (title, body), the baseline.

Then the mean reciprocal rank (MRR) of the known-item queries, on both engines.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import io
import json
import os
import platform
import pstats
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CACHE = Path(tempfile.gettempdir()) / "academy-import-bench"
FORMAT = "v1"

# --------------------------------------------------------------------------- the folder


def _vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    """Pseudo-Dutch words with a long tail, as real text has."""
    onsets = ("b", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "st",
              "sch", "gr", "kl", "pr", "tr", "br", "dr", "sl", "sp")  # fmt: skip
    vowels = ("a", "e", "i", "o", "u", "aa", "ee", "oo", "ui", "ij", "ou", "ie", "eu")
    codas = ("", "n", "r", "l", "k", "t", "s", "nd", "rt", "ng", "cht", "lt")
    words = set()
    while len(words) < size:
        syllables = rng.choice((2, 2, 3, 3, 4))
        words.add("".join(rng.choice(onsets) + rng.choice(vowels) + rng.choice(codas)
                          for _ in range(syllables)))  # fmt: skip
    return sorted(words)


class TextMaker:
    """Sentences from a Zipf-like vocabulary mixed with municipal prose."""

    def __init__(self, rng: random.Random) -> None:
        from tests.documents.messy_files import PROSE

        self.rng = rng
        self.words = _vocabulary(rng)
        self.weights = [1 / (rank + 5) for rank in range(len(self.words))]
        self.prose = PROSE

    def sentence(self) -> str:
        words = self.rng.choices(self.words, weights=self.weights, k=self.rng.randint(8, 16))
        return " ".join(words).capitalize() + ". " + self.rng.choice(self.prose)

    def paragraph(self, sentences: int = 4) -> str:
        return " ".join(self.sentence() for _ in range(sentences))


def generate(root: Path, *, files: int, megabytes: int, seed: int = 5) -> list[dict]:
    """Write the folder; return the known items as dicts (query, target)."""
    from tests.documents.docfiles import pdf_bytes, write_docx
    from tests.documents.messy_files import META, _law_link, build_messy_folder

    rng = random.Random(seed)
    items = [{"query": i.query, "target": i.target} for i in build_messy_folder(root, seed=seed)]
    text = TextMaker(rng)
    topics = text.words[200:1200]
    count = sum(1 for path in root.rglob("*") if path.is_file())
    size = sum(path.stat().st_size for path in root.rglob("*") if path.is_file())
    number = 0
    sidecar_rows: list[list[str]] = []
    while count < files or size < megabytes * 1024 * 1024:
        number += 1
        kind = rng.choices(("md", "html", "docx", "pdf"), weights=(80, 9, 5, 6))[0]
        year = rng.randint(1990, 2025)
        topic = " ".join(rng.sample(topics, 3))
        folder = root / "filler" / str(year) / f"map{number % 97:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        if kind == "md":
            target_size = rng.randint(5 * 1024, 50 * 1024)
            parts = [META, f"##{rng.choice(('Regeling', 'Besluit', 'Wet', 'Nota'))} {topic}\n\n"]
            length = sum(len(part) for part in parts)
            article = 0
            while length < target_size:
                article += 1
                block = (f"### Artikel  {article}  \n\n{text.paragraph(3)} Zie "
                         f"{_law_link(rng)} en {_law_link(rng)}.\n\n")  # fmt: skip
                parts.append(block)
                length += len(block)
            path = folder / f"n{number:05d}" / "README.md"
            path.parent.mkdir()
            path.write_text("".join(parts), encoding="utf-8")
        elif kind == "html":
            paragraphs = "".join(f"<p>{text.paragraph(5)}</p>" for _ in range(rng.randint(10, 80)))
            path = folder / (f"pagina-{number}.html" if number % 5 else f"{number}/index.html")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                f"<!doctype html><html><head><title>Gemeente | {topic}</title></head><body>"
                f"<nav>Home Zoeken Contact</nav><h1>Factsheet {topic}</h1>{paragraphs}"
                "<footer>Gemeente Lindewaard</footer></body></html>",
                encoding="utf-8",
            )
        elif kind == "docx":
            path = folder / (f"memo-{number}.docx" if number % 3 else f"Document{number}.docx")
            write_docx(
                path,
                ["Gemeente Lindewaard"] + [text.paragraph(4) for _ in range(rng.randint(5, 60))],
                heading=f"Memo {topic}",
            )
        else:
            name = f"scan{number:04d}.pdf" if number % 2 else f"rapport-{number}.pdf"
            path = folder / name
            lines = [f"Rapport {topic} {year}"] + [
                text.sentence()[:90] for _ in range(rng.randint(40, 400))
            ]
            path.write_bytes(pdf_bytes(lines))
            if number % 4 == 1:
                sidecar_rows.append([str(folder / name), f"Onderzoek {topic}", "onderzoek",
                                     str(year)])  # fmt: skip
        count += 1
        size += path.stat().st_size
    by_folder: dict[Path, list[list[str]]] = {}
    for path, title, doctype, year in sidecar_rows:
        by_folder.setdefault(Path(path).parent, []).append([Path(path).name, title, doctype, year])
    for folder, rows in by_folder.items():
        with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out, delimiter=";")
            writer.writerow(["bestand", "titel", "type", "jaar"])
            writer.writerows(rows)
    broken = root / "filler" / "kapot"
    broken.mkdir(exist_ok=True)
    for n in range(10):
        (broken / f"kapot{n}.pdf").write_bytes(b"%PDF-1.4 afgebroken" * n)
        (broken / f"leeg{n}.txt").write_bytes(b"")
    return items


def cached_folder(files: int, megabytes: int) -> tuple[Path, list[dict]]:
    folder = CACHE / f"{FORMAT}-{files}-{megabytes}"
    done = folder / ".done.json"
    if done.exists():
        return folder / "docs", json.loads(done.read_text())
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "docs").mkdir(parents=True)
    started = time.perf_counter()
    items = generate(folder / "docs", files=files, megabytes=megabytes)
    print(f"generated {folder} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    done.write_text(json.dumps(items))
    return folder / "docs", items


# --------------------------------------------------------------------------- children


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _app(work: Path):
    from academy import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'bench.sqlite3'}",
            "INSTANCE_DIR": work,
            "SEARCH_INDEX_DIR": str(work / "index"),
            # As in production: the run does not index; the node's follower catches up.
            "JOBS_IMMEDIATE": False,
            "JOBS_URL": f"sqlite:///{work / 'jobs.sqlite3'}",
        }
    )


def _follower(work: str, stop, parent: int) -> None:  # noqa: ANN001  (a multiprocessing Event)
    from academy.jobs import _die_with_parent, follow_index

    _die_with_parent(parent)  # not a daemon: a rebuild starts writer processes of its own
    follow_index(_app(Path(work)), stop)


def run_import(root: Path, work: Path):
    """The import run as the worker carries it out (``execute_import_run``), with this
    node's index follower in a process beside it, as ``flask jobs worker`` runs them."""
    import multiprocessing

    from academy.documents.importer import import_folder

    context = multiprocessing.get_context("spawn")
    stop = context.Event()
    follower = context.Process(target=_follower, args=(str(work), stop, os.getpid()))
    follower.start()
    _FOLLOWER.append((follower, stop))
    return import_folder(root)


_FOLLOWER: list = []


def child_import(root: Path, work: Path, profile: bool) -> dict:
    from academy.documents.indexing import document_count, search_index
    from academy.extensions import db

    app = _app(work)
    with app.app_context():
        db.create_all()
        profiler = cProfile.Profile() if profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        summary = run_import(root, work)
        if profiler:
            profiler.disable()
        imported = time.perf_counter() - started
        # Searchable = the follower has applied every change (index count = database count).
        from academy.documents.indexing import index_state

        while not (index_state().in_step and search_index().document_count() == document_count()):
            time.sleep(0.1)
        searchable = time.perf_counter() - started
        for follower, stop in _FOLLOWER:
            stop.set()
            follower.join()
        if profiler:
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
            stats.print_stats(30)
            stats.sort_stats("tottime").print_stats(20)
            (work / "profile.txt").write_text(out.getvalue())
        from collections import Counter

        from sqlalchemy import select

        from academy.models import Document

        rows = db.session.execute(
            select(Document.source, Document.title, Document.year, Document.doctype)
        ).all()
        sample = random.Random(3).sample(rows, min(20, len(rows)))
        reasons = Counter(reason.split(" (")[0] for _path, reason in summary.failed)
        return {
            "seconds": imported,
            "searchable_seconds": searchable,
            "added": summary.added,
            "failed": len(summary.failed),
            "peak_rss_mb": _peak_rss_mb(),
            "sample": [list(row) for row in sample],
            "reasons": reasons.most_common(10),
            "doctypes": Counter(row[3] for row in rows).most_common(),
            "without_year": sum(1 for row in rows if row[2] is None),
            "generic_titles": sum(1 for row in rows if row[1].casefold() in ("readme", "index")),
        }


def child_rebuild(work: Path) -> dict:
    from academy.documents.indexing import rebuild_index

    app = _app(work)
    with app.app_context():
        started = time.perf_counter()
        count = rebuild_index()
        return {
            "seconds": time.perf_counter() - started,
            "documents": count,
            "peak_rss_mb": _peak_rss_mb(),
        }


def _files(root: Path) -> list[Path]:
    from academy.documents.loaders import iter_files

    return list(iter_files(root))


def child_load(root: Path) -> dict:
    from academy.documents.loaders import LoadError, load_file

    started = time.perf_counter()
    loaded = chars = 0
    for path in _files(root):
        try:
            chars += len(load_file(path).body)
            loaded += 1
        except LoadError:
            pass
    return {"seconds": time.perf_counter() - started, "loaded": loaded, "chars": chars,
            "peak_rss_mb": _peak_rss_mb()}  # fmt: skip


def child_fts(root: Path, work: Path) -> dict:
    from academy.documents.loaders import LoadError, load_file

    started = time.perf_counter()
    connection = sqlite3.connect(work / "fts.sqlite3")
    connection.execute("CREATE VIRTUAL TABLE docs USING fts5(source UNINDEXED, title, body)")
    rows = []
    for path in _files(root):
        try:
            loaded = load_file(path)
        except LoadError:
            continue
        rows.append((path.relative_to(root).as_posix(), loaded.title, loaded.body))
        if len(rows) >= 200:
            connection.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
            connection.commit()
            rows.clear()
    connection.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
    connection.commit()
    connection.close()
    return {"seconds": time.perf_counter() - started, "peak_rss_mb": _peak_rss_mb()}


SEARCHES = ("armoede", "jeugdhulp wijk", "Leerplichtwet", '"vroegtijdig schoolverlaten"', "nota")


def child_search(work: Path) -> dict:
    """A web worker's view during the import: its own process, searching the node's index
    every 100 ms (as it stands: empty, then catching up) until the import is done."""
    import logging

    from search_module import SearchIndex, SearchRequest

    logging.disable(logging.WARNING)  # "no index yet" until the follower builds it
    index = SearchIndex(work / "index")
    timings: list[float] = []
    number = 0
    while not (work / "stop").exists():
        started = time.perf_counter()
        index.search(SearchRequest(query=SEARCHES[number % len(SEARCHES)]))
        timings.append((time.perf_counter() - started) * 1000)
        number += 1
        time.sleep(0.1)
    timings.sort()
    pick = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))] if timings else 0.0  # noqa: E731
    return {"searches": len(timings), "p50_ms": pick(0.5), "p95_ms": pick(0.95)}


def _reciprocal_rank(sources: list[str], target: str) -> float:
    return 1 / (sources.index(target) + 1) if target in sources else 0.0


def child_mrr(work: Path, items: list[dict]) -> dict:
    from academy.documents.indexing import search_index
    from search_module import SearchRequest

    app = _app(work)
    ranks = []
    misses = []
    fts_ranks = []
    connection = sqlite3.connect(work / "fts.sqlite3")
    with app.app_context():
        for item in items:
            result = search_index().search(SearchRequest(query=item["query"], page_size=10))
            sources = [hit.source for hit in result.hits]
            ranks.append(_reciprocal_rank(sources, item["target"]))
            if ranks[-1] < 1 / 3:
                misses.append(item["query"])
            match = " ".join(f'"{word}"' for word in item["query"].split())
            fts = [row[0] for row in connection.execute(
                "SELECT source FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 3, 1) LIMIT 10",
                (match,),
            )]  # fmt: skip
            fts_ranks.append(_reciprocal_rank(fts, item["target"]))
    return {
        "mrr": sum(ranks) / len(ranks),
        "top3": sum(rank >= 1 / 3 for rank in ranks),
        "queries": len(ranks),
        "misses": misses,
        "fts_mrr": sum(fts_ranks) / len(fts_ranks),
        "fts_top3": sum(rank >= 1 / 3 for rank in fts_ranks),
    }


def _child(args: argparse.Namespace) -> None:
    root, work = Path(args.root), Path(args.work)
    if args.child == "import":
        result = child_import(root, work, args.profile)
    elif args.child == "rebuild":
        result = child_rebuild(work)
    elif args.child == "search":
        result = child_search(work)
    elif args.child == "load":
        result = child_load(root)
    elif args.child == "fts":
        result = child_fts(root, work)
    else:
        result = child_mrr(work, json.loads((work / "known.json").read_text()))
    print("RESULT " + json.dumps(result))


def _spawn(kind: str, root: Path, work: Path, profile: bool = False) -> dict:
    command = [sys.executable, __file__, "--child", kind, "--root", str(root), "--work", str(work)]
    if profile:
        command.append("--profile")
    output = subprocess.run(command, check=True, capture_output=True, text=True, cwd=ROOT)
    for line in output.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[len("RESULT ") :])
    raise RuntimeError(f"{kind}: no result\n{output.stdout}\n{output.stderr}")


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=3000, help="at least this many files")
    parser.add_argument("--megabytes", type=int, default=150, help="at least this many MB")
    parser.add_argument("--root", help="measure this folder instead of the generated one")
    parser.add_argument("--profile", action="store_true", help="cProfile the import")
    parser.add_argument("--sample", action="store_true", help="print imported titles/years/types")
    parser.add_argument("--known", help="JSON list of {query, target} for --root (MRR)")
    parser.add_argument(
        "--import-only", action="store_true", help="skip the rebuild, loader and FTS5 runs"
    )
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--work", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args)
        return

    if args.root:
        root = Path(args.root).resolve()
        items = json.loads(Path(args.known).read_text()) if args.known else []
    else:
        root, items = cached_folder(args.files, args.megabytes)
    paths = [p for p in root.rglob("*") if p.is_file() and not p.is_symlink()]
    total_mb = sum(p.stat().st_size for p in paths) / (1024 * 1024)
    print(f"folder: {root}\n  {len(paths):,} files, {total_mb:,.1f} MB")
    print(f"  machine: {platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}, load average {os.getloadavg()[0]:.1f}")  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="academy-import-bench-") as temporary:
        work = Path(temporary)
        (work / "known.json").write_text(json.dumps(items))
        searcher = subprocess.Popen(
            [sys.executable, __file__, "--child", "search", "--root", str(root),
             "--work", str(work)],
            stdout=subprocess.PIPE, text=True, cwd=ROOT,
        )  # fmt: skip
        imported = _spawn("import", root, work, args.profile)
        (work / "stop").touch()
        searched = json.loads(searcher.communicate(timeout=60)[0].split("RESULT ", 1)[1])
        skip = args.import_only
        rebuilt = None if skip else _spawn("rebuild", root, work)
        loaded = None if skip else _spawn("load", root, work)
        fts = None if skip else _spawn("fts", root, work)
        if skip and items:  # the MRR child reads the FTS5 table: make an empty one
            sqlite3.connect(work / "fts.sqlite3").execute(
                "CREATE VIRTUAL TABLE docs USING fts5(source UNINDEXED, title, body)"
            )
        mrr = _spawn("mrr", root, work) if items else None
        if args.profile:
            print((work / "profile.txt").read_text())

    docs = imported["added"]
    seconds = imported["seconds"]
    print(f"\nimport: {docs:,} documents added, {imported['failed']} not imported")
    print(f"  {seconds:.1f} s  = {docs / seconds:,.0f} docs/s, {total_mb / seconds:,.1f} MB/s; "
          f"peak RSS {imported['peak_rss_mb']:,.0f} MB")  # fmt: skip
    print(f"  all searchable after {imported['searchable_seconds']:.1f} s")
    print(
        f"  searches meanwhile (another process, every 100 ms): {searched['searches']}, "
        f"p50 {searched['p50_ms']:.1f} ms, p95 {searched['p95_ms']:.1f} ms (target < 200)"
    )
    if rebuilt and loaded and fts:
        _print_baselines(seconds, rebuilt, loaded, fts)
    _print_quality(args, imported, mrr)


def _print_baselines(seconds: float, rebuilt: dict, loaded: dict, fts: dict) -> None:
    print(f"rebuild_index: {rebuilt['documents']:,} documents in {rebuilt['seconds']:.1f} s "
          f"(peak RSS {rebuilt['peak_rss_mb']:,.0f} MB); "
          f"import / rebuild = {seconds / rebuilt['seconds']:.2f} (target <= 1.5)")  # fmt: skip
    print(f"load only (loaders, no database or index): {loaded['seconds']:.1f} s, "
          f"{loaded['loaded']:,} files, {loaded['chars'] / 1e6:,.0f} M characters "
          f"(peak RSS {loaded['peak_rss_mb']:,.0f} MB)")  # fmt: skip
    print(f"SQLite FTS5 baseline (same loaders): {fts['seconds']:.1f} s; "
          f"import / FTS5 = {seconds / fts['seconds']:.2f}")  # fmt: skip


def _print_quality(args: argparse.Namespace, imported: dict, mrr: dict | None) -> None:
    if args.sample:
        print(f"types: {imported['doctypes']}")
        print(f"documents without a year: {imported['without_year']}; titled README/index: "
              f"{imported['generic_titles']}")  # fmt: skip
        print(f"not imported, by reason: {imported['reasons']}")
        for source, title, year, doctype in imported["sample"]:
            print(f"  {year or '-':>4} {doctype:<13} {title[:70]:<70} {source[-50:]}")
    if mrr:
        print(f"known items: MRR {mrr['mrr']:.3f}, {mrr['top3']} of {mrr['queries']} in the "
              f"top 3 (FTS5 with the same titles: MRR {mrr['fts_mrr']:.3f}, "
              f"{mrr['fts_top3']} in the top 3)")  # fmt: skip
        if mrr["misses"]:
            print("  not in the top 3: " + ", ".join(mrr["misses"]))


if __name__ == "__main__":
    main()
