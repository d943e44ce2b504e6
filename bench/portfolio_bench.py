"""Portfolio page cost versus a plain page with the same layout and a static 50-row table.

Seeds the demo data (50 themes, three years of history) into a temporary SQLite database,
then times server-side requests through the Flask test client:
  - /themas (the portfolio) against a static 50-row table page in the same base layout;
  - every chart on a cache miss (target: at most 250 ms each) and on a hit.
Run: .venv/bin/python bench/portfolio_bench.py [--requests 200]
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

STATIC_TABLE = """{% extends "base.html" %}
{% block title %}Statisch{% endblock %}
{% block content %}
<h1>Statische tabel</h1>
<div class="table-wrap"><table class="data-table"><thead><tr>
<th>Thema</th><th>Domein</th><th>Huidig niveau</th><th>Volgende stap</th><th>Doel</th>
<th>Trend</th><th>Laatst beoordeeld</th><th>Eigenaar</th></tr></thead><tbody>
{% for i in range(50) %}<tr><th><a href="/themas/t{{ i }}">Thema {{ i }}</a></th>
<td>Sociaal domein</td><td><span class="level level--1">1 Beschrijvend</span></td>
<td>2 Diagnosticerend</td><td>2 Diagnosticerend 2027-01-01</td><td>gelijk</td>
<td>2026-01-01</td><td>Team Zorg</td></tr>{% endfor %}
</tbody></table></div>
{% endblock %}"""


def timed(client, path: str, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="portfolio-bench-"))
    os.environ["MPLCONFIGDIR"] = str(workdir / "mpl")
    from flask import render_template_string

    from academy import create_app
    from academy.demo.seed import seed_demo
    from academy.extensions import db
    from academy.maturity import cache, services

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{workdir / 'bench.sqlite3'}",
            "INSTANCE_DIR": workdir,
        }
    )

    @app.route("/bench/statisch")
    def static_table():
        return render_template_string(STATIC_TABLE)

    with app.app_context():
        db.create_all()
        report = seed_demo("academie")
        themes = len(services.theme_summaries())
    client = app.test_client()
    client.post("/login", data={"username": "programmamanager", "password": "academie"})

    # Warm up: imports, template compilation, matplotlib's font cache.
    timed(client, "/themas", 5)
    timed(client, "/bench/statisch", 5)
    for name in ("niveaus", "heatmap", "kwartalen", "analyses"):
        client.get(f"/themas/grafieken/{name}.svg")

    portfolio = timed(client, "/themas", args.requests)
    static = timed(client, "/bench/statisch", args.requests)

    print(f"machine: {platform.machine()} {os.cpu_count()} cores, {platform.platform()}")
    print(
        f"python {platform.python_version()}, data: {themes} themes, "
        f"{report.created.get('assessments', 0)} assessments over three years"
    )
    print(f"requests per page: {args.requests} (Flask test client, server time)")
    print(f"{'page':<28}{'p50 ms':>10}{'p95 ms':>10}{'mean ms':>10}")
    for label, samples in (("/themas (portfolio)", portfolio), ("static 50-row table", static)):
        p95 = statistics.quantiles(samples, n=20)[18]
        print(
            f"{label:<28}{statistics.median(samples):>10.1f}{p95:>10.1f}"
            f"{statistics.fmean(samples):>10.1f}"
        )
    ratio = statistics.median(portfolio) / statistics.median(static)
    print(f"ratio portfolio / static (p50): {ratio:.2f}  (target <= 3.0)")

    print(f"\n{'chart (miss: data + render)':<28}{'miss ms':>10}{'hit ms':>10}")
    worst = 0.0
    for name in ("niveaus", "heatmap", "kwartalen", "analyses"):
        misses = []
        for _ in range(3):
            cache.chart_cache.clear()
            cache.snapshot_cache.clear()
            misses.extend(timed(client, f"/themas/grafieken/{name}.svg", 1))
        hit = statistics.median(timed(client, f"/themas/grafieken/{name}.svg", 20))
        miss = statistics.median(misses)
        worst = max(worst, miss)
        print(f"{name:<28}{miss:>10.1f}{hit:>10.1f}")
    misses = []
    for _ in range(3):
        cache.chart_cache.clear()
        misses.extend(timed(client, "/themas/vsv/grafiek.svg", 1))
    print(f"{'theme history (vsv)':<28}{statistics.median(misses):>10.1f}")
    print(f"worst portfolio chart miss: {worst:.0f} ms  (target <= 250 ms)")


if __name__ == "__main__":
    main()
