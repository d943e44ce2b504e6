"""Findability scan cost: 50 themes × 5 key questions × 5 queries (1,250 searches) on the
10,000-document benchmark corpus, and web page latency while the scan runs.

    .venv/bin/python bench/findability_bench.py               # build (cached) and measure
    .venv/bin/python bench/findability_bench.py --requests 300

The corpus is ``academy.demo.corpus.generate_corpus(10000, 42)``, as in search_bench.py and
import_bench.py. The database (SQLite) and its index are built once into a cache folder and
reused. The scan runs in a child process, as the job worker would; meanwhile this process
serves pages through the Flask test client (the portfolio, a theme page, its findability
page and a practice search) and times them. Targets: scan < 30 s, pages p95 < 200 ms.
The machine's load average is printed too: on a shared machine the figures move with it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DOCUMENTS = 10_000
THEMES = 50
QUESTIONS = 5  # per theme
#: One cache per schema: a database cached before a migration would lack its columns.
SCHEMA = max(p.stem for p in (ROOT / "migrations" / "versions").glob("0*.py"))
CACHE = Path(tempfile.gettempdir()) / f"findability-bench-{SCHEMA}"
PASSWORD = "academie"


def _config(work: Path) -> dict[str, Any]:
    return {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{work / 'bench.sqlite3'}",
        "INSTANCE_DIR": str(work),
        "SEARCH_INDEX_DIR": str(work / "index"),
        "JOBS_IMMEDIATE": True,
        "WTF_CSRF_ENABLED": False,
    }


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-zà-ÿ]+", text.lower()) if len(w) > 3]


def build(work: Path) -> dict[str, float]:
    """Demo themes and users, 10,000 documents, the index, and 5 key questions per theme
    with 4 recorded queries each (the scan adds the question's own words: 5 queries)."""
    from sqlalchemy import insert, select

    from academy import create_app
    from academy.demo.corpus import generate_corpus
    from academy.demo.seed import SeedReport, seed_teams, seed_themes, seed_users
    from academy.documents.feed import record_changes
    from academy.documents.indexing import rebuild_index
    from academy.extensions import db
    from academy.findability.scan import question_words
    from academy.maturity.services import ensure_ladder
    from academy.models import Document, KeyQuestion

    figures: dict[str, float] = {}
    app = create_app(_config(work))
    with app.app_context():
        db.create_all()
        ensure_ladder()
        report = SeedReport()
        teams = seed_teams(report)
        seed_users(PASSWORD, teams, report)
        themes = seed_themes(teams, report)
        db.session.flush()
        started = time.perf_counter()
        corpus = generate_corpus(DOCUMENTS, 42)
        rows = [
            {
                "key": f"{item.key}-{n}",
                "title": item.title,
                "summary": item.summary,
                "body": item.body,
                "doctype": item.doctype,
                "theme_id": themes[item.theme].id if item.theme in themes else None,
                "year": item.year,
                "published": item.published,
                "department": item.department,
                "source": item.source,
                "origin": "demo",
            }
            for n, item in enumerate(corpus)
        ]
        db.session.execute(insert(Document), rows)
        record_changes(select(Document.id))
        db.session.commit()
        figures["generate_s"] = time.perf_counter() - started
        started = time.perf_counter()
        rebuild_index()
        figures["index_s"] = time.perf_counter() - started
        picked = 0
        for theme in list(themes.values())[:THEMES]:
            documents = db.session.scalars(
                select(Document)
                .where(Document.theme_id == theme.id)
                .order_by(Document.id)
                .limit(QUESTIONS)
            ).all()
            for document in documents:
                words = _words(document.title) or [document.doctype]
                text = f"Wat staat er in {document.title}?"
                candidates = [
                    document.title.lower(),
                    " ".join(words[:3]),
                    " ".join(words[-3:]),
                    f"{theme.name.lower()} {document.doctype} {document.year}",
                    f"{' '.join(words[:2])} {document.year}",
                    f"{document.doctype} {' '.join(words[-2:])}",
                    f"{theme.name.lower()} {words[0]}",
                    f"{document.doctype} {theme.name.lower()}",
                ]
                # Four distinct recorded queries, none equal to the question's own words
                # (the scan's fifth query), so every question costs exactly five searches.
                own = question_words(text)
                seen = {own}
                queries: list[str] = []
                for candidate in candidates:
                    normal = " ".join(candidate.lower().split())
                    if normal and normal not in seen and len(queries) < 4:
                        seen.add(normal)
                        queries.append(candidate)
                question = KeyQuestion(theme_id=theme.id, question=text, queries=queries)
                question.documents = [document]
                db.session.add(question)
                picked += 1
        db.session.commit()
        figures["questions"] = picked
    return figures


def child_scan(work: str, result: Any) -> None:  # noqa: ANN401 - a multiprocessing queue
    """The scan in a process of its own, as the job worker runs it."""
    from academy import create_app
    from academy.extensions import db
    from academy.findability.scan import create_scan, execute_scan
    from academy.models import FindabilityScan

    app = create_app(_config(Path(work)))
    with app.app_context():
        from academy.documents.indexing import search_index

        search_index().search  # open the index before the clock starts  # noqa: B018
        scan, _created = create_scan("manual")
        started = time.perf_counter()
        cpu = time.process_time()
        execute_scan(scan.id)
        seconds = time.perf_counter() - started
        done = db.session.get(FindabilityScan, scan.id)
        assert done is not None
        result.put(
            {
                "seconds": seconds,
                "cpu_s": time.process_time() - cpu,
                "state": done.state,
                "questions": done.done,
                "searches": done.searches,
            }
        )


def timed(client: Any, paths: list[str], until: Any, limit: int) -> list[float]:  # noqa: ANN401
    """Request the pages in turn until `until()` is true (or `limit` requests)."""
    samples: list[float] = []
    n = 0
    while n < limit and not until():
        path = paths[n % len(paths)]
        started = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        n += 1
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[18] if len(samples) >= 20 else max(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200, help="idle page requests")
    parser.add_argument("--rebuild", action="store_true", help="ignore the cached corpus")
    args = parser.parse_args()

    os.environ.setdefault("MPLCONFIGDIR", str(CACHE / "mpl"))
    cached = CACHE / "world"
    if args.rebuild and cached.exists():
        shutil.rmtree(cached)
    if not (cached / "bench.sqlite3").exists():
        shutil.rmtree(cached, ignore_errors=True)
        cached.mkdir(parents=True)
        figures = build(cached)
        print(
            f"built: {DOCUMENTS} documents in {figures['generate_s']:.0f} s, "
            f"index in {figures['index_s']:.0f} s, {figures['questions']:.0f} key questions",
            file=sys.stderr,
        )
    work = Path(tempfile.mkdtemp(prefix="findability-bench-"))
    shutil.copytree(cached, work, dirs_exist_ok=True)

    from academy import create_app

    app = create_app(_config(work))
    client = app.test_client()
    client.post("/login", data={"username": "programmamanager", "password": PASSWORD})
    code = "vsv"
    paths = ["/themas", f"/themas/{code}", f"/themas/{code}/vindbaarheid", "/zoeken?q=armoede"]
    timed(client, paths, lambda: False, 12)  # warm up: imports, templates, the index
    load_before = os.getloadavg()
    idle = timed(client, paths, lambda: False, args.requests)

    context = multiprocessing.get_context("spawn")
    result = context.Queue()
    scanner = context.Process(target=child_scan, args=(str(work), result))
    scanner.start()
    busy = timed(client, paths, lambda: not scanner.is_alive(), 100_000)
    scanner.join()
    load_after = os.getloadavg()
    scan = result.get(timeout=5)

    print(f"machine: {platform.machine()} {os.cpu_count()} cores, {platform.platform()}")
    print(
        f"load average before/after: {load_before[0]:.2f}/{load_after[0]:.2f} "
        "(1 min; a shared machine)"
    )
    print(f"corpus: {DOCUMENTS} documents, {THEMES} themes × {QUESTIONS} key questions × 5 queries")
    print(
        f"scan: {scan['questions']} questions, {scan['searches']} searches in "
        f"{scan['seconds']:.1f} s wall, {scan['cpu_s']:.1f} s CPU "
        f"({scan['seconds'] / max(1, scan['searches']) * 1000:.1f} ms per search; "
        f"state {scan['state']}; target < 30 s)"
    )
    print(f"pages (test client, server time): {', '.join(paths)}")
    print(f"{'':<24}{'requests':>10}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for label, samples in (("idle", idle), ("during the scan", busy)):
        print(
            f"{label:<24}{len(samples):>10}{statistics.median(samples):>10.1f}"
            f"{p95(samples):>10.1f}{max(samples):>10.1f}"
        )
    print("target: p95 < 200 ms during the scan")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
