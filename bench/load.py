"""Load test: N simulated users against the app under gunicorn, on loopback, for a bounded time.

    .venv/bin/python bench/load.py                       # 50 users, 60 s, own gunicorn
    .venv/bin/python bench/load.py --users 10 --duration 20
    .venv/bin/python bench/load.py --base-url http://127.0.0.1:5000   # a running server

Without ``--base-url`` the script makes a temporary instance directory (fresh SQLite database
through ``flask init-db``, ``flask seed-demo`` and ``flask index ensure``), starts gunicorn with
two workers on 127.0.0.1 and a free port, runs the users, stops gunicorn and removes the
directory. ``--base-url`` must point at a loopback address; anything else is refused, so the
script can never be aimed at someone else's server.

Every simulated user has a cookie session and logs in as a demo account (trainers, employees,
the programme manager and the admin; several users may share an account). Then, until the time
is up, it picks a weighted action: the portfolio, a theme page, a practice search (random query
from a list, some with facets), an exercise (start, search in the workspace, mark a result,
hand in, see the result) or, for trainers, the progress overview. Each HTTP request is timed on
its own (redirects are followed by hand, so a POST and the page it leads to are separate rows).
An error is a status outside 2xx/3xx, an exception (timeout, refused connection) or an error
message where the flow expects none (a refused start, a mark that did not land).

Default think time is zero: every user fires its next request as soon as the last one returns,
so 50 users are 50 requests in flight, a much harsher load than 50 people clicking.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import ipaddress
import os
import platform
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from academy.demo.curriculum import MODULES  # noqa: E402
from academy.demo.learning import COLLEAGUES  # noqa: E402

TARGET_P95_MS = 500.0
REQUEST_TIMEOUT_S = 60.0
TRAINER_SHARE = 0.1  # one user in ten is logged in as the trainer

# Practice searches: plain words, operators, phrases, prefixes, fuzzy terms, and facets.
SEARCHES: tuple[tuple[str, dict[str, str]], ...] = (
    ("schoolverlaten", {}),
    ("armoede", {"type": "factsheet"}),
    ("armoede kinderen", {}),
    ('"kinderen in armoede"', {}),
    ("schooluitval OF thuiszitters", {}),
    ("jeugdzorg NIET kosten", {}),
    ("jeugd*", {}),
    ("fundering*", {"type": "onderzoek"}),
    ("armoed~", {}),
    ("woningbouw", {"jaar": "2023"}),
    ("monitor", {"thema": "armoede"}),
    ("type:raadsvoorstel jaar:2020..2024", {}),
    ("(armoede OF schulden) EN jongeren", {}),
    ("wijkteams", {"sorteer": "datum"}),
    ("", {"type": "monitor"}),
    ("veiligheid overlast", {"type": "monitor", "jaar": "2023"}),
)

# Actions and their weights; an exercise is seven requests, the others one.
ACTIONS = (("portfolio", 3), ("theme", 3), ("search", 4), ("exercise", 1), ("overview", 1))

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
THEME_RE = re.compile(r'href="/themas/([^"/?#]+)"')
NOT_THEMES = ("export.", "ladder", "nieuw", "grafieken")
MARK_RE = re.compile(
    r'name="document" value="(\d+)">\s*<input type="hidden" name="terug" value="([^"]*)">'
)
ATTEMPT_RE = re.compile(r"/leren/pogingen/(\d+)$")
# A flashed error (role alert); the result page's "not passed" box is a status, not this.
FLASH_ERROR_RE = re.compile(r'class="alert alert--error"\s+role="alert"')


# --------------------------------------------------------------------------- statistics


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    samples: list[str] = field(default_factory=list)  # the first few error descriptions
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, name: str, seconds: float) -> None:
        with self.lock:
            self.latencies[name].append(seconds)

    def error(self, name: str, detail: str) -> None:
        with self.lock:
            self.errors[name] += 1
            if len(self.samples) < 10:
                self.samples.append(f"{name}: {detail}")


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * pct // 100))  # ceil
    return sorted_values[int(rank) - 1]


# --------------------------------------------------------------------------- one user


class FlowError(Exception):
    """The page answered, but not as the flow expects (recorded as an error)."""


class SimulatedUser:
    def __init__(self, base: str, username: str, password: str, exercise: str, stats: Stats):
        self.base = base
        self.username = username
        self.password = password
        self.exercise = exercise
        self.stats = stats
        self.is_trainer = username == "trainer"
        self.session = requests.Session()
        self.themes: list[str] = []
        self.rng = random.Random(f"{username}-{exercise}")

    # One timed request; redirects are not followed, so each hop is its own row.
    def call(self, name: str, method: str, path: str, **kwargs) -> requests.Response:
        started = time.perf_counter()
        try:
            response = self.session.request(
                method, self.base + path, allow_redirects=False, timeout=REQUEST_TIMEOUT_S, **kwargs
            )
        except requests.RequestException as exc:
            self.stats.error(name, f"{type(exc).__name__}: {exc}")
            raise FlowError(name) from None
        self.stats.record(name, time.perf_counter() - started)
        if not 200 <= response.status_code < 400:
            self.stats.error(name, f"HTTP {response.status_code} {method} {path}")
            raise FlowError(name)
        return response

    def get(self, name: str, path: str, **kwargs) -> requests.Response:
        return self.call(name, "GET", path, **kwargs)

    def post(self, name: str, path: str, data: dict, page: str) -> requests.Response:
        match = CSRF_RE.search(page)
        if not match:
            self.stats.error(name, f"no csrf_token on the page before POST {path}")
            raise FlowError(name)
        return self.call(name, "POST", path, data={"csrf_token": match.group(1), **data})

    def follow(self, name: str, response: requests.Response) -> requests.Response:
        location = response.headers.get("Location", "")
        if response.status_code not in (301, 302, 303) or not location:
            self.stats.error(name, f"expected a redirect, got {response.status_code}")
            raise FlowError(name)
        path = location.removeprefix(self.base)
        followed = self.get(name, path)
        if FLASH_ERROR_RE.search(followed.text):
            self.stats.error(name, f"error message on {path}")
            raise FlowError(name)
        return followed

    def login(self) -> None:
        page = self.get("login", "/login").text
        response = self.post(
            "login POST", "/login", {"username": self.username, "password": self.password}, page
        )
        if response.status_code != 302 or "/login" in response.headers.get("Location", ""):
            self.stats.error("login POST", f"login as {self.username} failed")
            raise FlowError("login POST")

    def portfolio(self) -> None:
        page = self.get("portfolio /themas", "/themas").text
        self.themes = [
            code
            for code in dict.fromkeys(THEME_RE.findall(page))
            if not code.startswith(NOT_THEMES)
        ]

    def theme(self) -> None:
        if not self.themes:
            self.portfolio()
        self.get("theme /themas/<code>", f"/themas/{self.rng.choice(self.themes)}")

    def search(self) -> None:
        query, facets = self.rng.choice(SEARCHES)
        self.get("search /zoeken", "/zoeken?" + urlencode({"q": query, **facets}))

    def do_exercise(self) -> None:
        slug = self.exercise
        page = self.get("exercise page", f"/leren/oefeningen/{slug}").text
        started = self.post("exercise start POST", f"/leren/oefeningen/{slug}/starten", {}, page)
        match = ATTEMPT_RE.search(started.headers.get("Location", ""))
        if not match:
            self.stats.error("exercise start POST", f"start of {slug} refused")
            raise FlowError("exercise start POST")
        attempt = f"/leren/pogingen/{match.group(1)}"
        self.follow("workspace", started)
        query, facets = EXERCISE_SEARCHES[slug]
        workspace = self.get(
            "workspace search", attempt + "?" + urlencode({"q": query, **facets}, doseq=True)
        ).text
        mark = MARK_RE.search(workspace)
        if not mark:
            self.stats.error("workspace search", f"no result to mark in {slug}")
            raise FlowError("workspace search")
        marked = self.post(
            "mark POST",
            f"{attempt}/markeren",
            {"document": mark.group(1), "terug": html.unescape(mark.group(2))},
            workspace,
        )
        workspace = self.follow("workspace search", marked).text
        submitted = self.post("submit POST", f"{attempt}/inleveren", {}, workspace)
        self.follow("result", submitted)

    def overview(self) -> None:
        if self.is_trainer:
            self.get("trainer overview", "/opdrachten/overzicht")
        else:
            self.search()

    def run(self, start_at: float, stop_at: float, think: float) -> None:
        time.sleep(max(0.0, start_at - time.monotonic()))
        actions = {
            "portfolio": self.portfolio,
            "theme": self.theme,
            "search": self.search,
            "exercise": self.do_exercise,
            "overview": self.overview,
        }
        names = [name for name, _w in ACTIONS]
        weights = [weight for _n, weight in ACTIONS]
        with self.session:
            try:
                self.login()
            except FlowError:
                return
            while time.monotonic() < stop_at:
                with contextlib.suppress(FlowError):
                    actions[self.rng.choices(names, weights)[0]]()
                if think:
                    time.sleep(self.rng.uniform(0, 2 * think))


# Exercises whose answer is a marked document (known item, find all), without an attempt
# limit, with the search an expert would use: the workspace search finds a result to mark.
EXERCISE_SEARCHES: dict[str, tuple[str, dict[str, list[str]]]] = {
    exercise.slug: (
        exercise.expert_query,
        {key: list(values) for key, values in exercise.expert_filters.items()},
    )
    for module in MODULES
    for exercise in module.exercises
    if exercise.kind in ("known_item", "find_all") and exercise.max_attempts is None
}


def plan_users(count: int) -> list[tuple[str, str]]:
    """(account, exercise) per user; no two users share an attempt (same account and exercise),
    so one user handing in never closes another user's open attempt."""
    trainers = max(1, round(count * TRAINER_SHARE))
    others = ["medewerker", *(c.username for c in COLLEAGUES), "programmamanager", "admin"]
    accounts = ["trainer"] * trainers + [others[i % len(others)] for i in range(count - trainers)]
    exercises = list(EXERCISE_SEARCHES)
    seen: dict[str, int] = defaultdict(int)
    plan = []
    for account in accounts:
        slot = seen[account]
        seen[account] += 1
        if slot >= len(exercises):
            raise SystemExit(f"too many users for {account}: at most {len(exercises)} each")
        plan.append((account, exercises[slot]))
    return plan


# --------------------------------------------------------------------------- the server


def require_loopback(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SystemExit(f"--base-url must be an http(s) URL, not {url!r}")
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 80)}
    except socket.gaierror as exc:
        raise SystemExit(f"cannot resolve {parts.hostname}: {exc}") from None
    if not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses):
        raise SystemExit(f"refused: {parts.hostname} is not a loopback address ({addresses})")
    return url.rstrip("/")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def flask_env(instance: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SEARCH_INDEX_DIR")}
    env.update(INSTANCE_DIR=str(instance), FLASK_APP="wsgi", MPLCONFIGDIR=str(instance / "mpl"))
    return env


def prepare_instance(instance: Path) -> None:
    env = flask_env(instance)
    for command in (["init-db"], ["seed-demo"], ["index", "ensure"]):
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "flask", *command],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"flask {' '.join(command)} failed:\n{done.stdout}{done.stderr}")
        print(f"  flask {' '.join(command):<12} {time.monotonic() - started:5.1f} s", flush=True)


@contextlib.contextmanager
def gunicorn(instance: Path, workers: int, worker_class: str, threads: int) -> Iterator[str]:
    port = free_port()
    log_path = instance / "gunicorn.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--no-control-socket",  # gunicorn 27: several instances on one machine collide otherwise
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--error-logfile",
        str(log_path),
        "wsgi:app",
    ]
    if worker_class == "gthread":
        command[-1:-1] = ["--threads", str(threads)]
    base = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(command, cwd=ROOT, env=flask_env(instance))
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise SystemExit(f"gunicorn exited ({process.returncode}):\n{log_path.read_text()}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(base + "/login", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit("gunicorn did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)  # graceful: workers finish their request
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.returncode not in (0, -signal.SIGTERM):
            print(f"gunicorn exit code {process.returncode}; log:\n{log_path.read_text()}")


# --------------------------------------------------------------------------- the run


def run_users(base: str, args: argparse.Namespace, password: str) -> tuple[Stats, float]:
    stats = Stats()
    plan = plan_users(args.users)
    start = time.monotonic()
    stop_at = start + args.duration
    threads = [
        threading.Thread(
            target=SimulatedUser(base, account, password, exercise, stats).run,
            args=(start + args.ramp_up * i / max(1, args.users), stop_at, args.think),
            name=f"user-{i}",
            daemon=True,
        )
        for i, (account, exercise) in enumerate(plan)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # A user stops starting actions at stop_at; an exercise under way may take a while more.
        thread.join(timeout=max(0.0, stop_at - time.monotonic()) + 2 * REQUEST_TIMEOUT_S)
    return stats, time.monotonic() - start


def report(stats: Stats, elapsed: float, args: argparse.Namespace, server: str) -> bool:
    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(stats.errors.values())
    print()
    print(f"machine     {os.cpu_count()} cpus, {platform.platform()}")
    print(f"python      {platform.python_version()} ({platform.python_implementation()})")
    print(f"load avg    {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min, at the end)")
    print(f"server      {server}")
    print(
        f"users       {args.users} (ramp-up {args.ramp_up:g} s, think time "
        f"{'none' if not args.think else f'{args.think:g} s mean'})"
    )
    print(f"duration    {elapsed:.1f} s")
    print(f"requests    {total}")
    print(f"throughput  {total / elapsed:.1f} req/s")
    print(f"errors      {errors}")
    print()
    header = f"{'page':<24}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}"
    print(header + f"{'max ms':>9}")
    print("-" * (len(header) + 9))
    rows = sorted(stats.latencies.items(), key=lambda item: -len(item[1]))
    everything: list[float] = []
    worst_p95 = 0.0
    for name, values in rows:
        values = sorted(values)
        everything += values
        p95 = percentile(values, 95) * 1000
        if not name.startswith("login"):
            worst_p95 = max(worst_p95, p95)
        print(
            f"{name:<24}{len(values):>7}{stats.errors.get(name, 0):>8}"
            f"{percentile(values, 50) * 1000:>9.0f}{p95:>9.0f}"
            f"{percentile(values, 99) * 1000:>9.0f}{values[-1] * 1000:>9.0f}"
        )
    everything.sort()
    print("-" * (len(header) + 9))
    print(
        f"{'all requests':<24}{total:>7}{errors:>8}{percentile(everything, 50) * 1000:>9.0f}"
        f"{percentile(everything, 95) * 1000:>9.0f}{percentile(everything, 99) * 1000:>9.0f}"
        f"{(everything[-1] if everything else 0) * 1000:>9.0f}"
    )
    for sample in stats.samples:
        print(f"  error: {sample}")
    met = errors == 0 and worst_p95 < TARGET_P95_MS
    print()
    print(
        f"target (0 errors, every page's p95 < {TARGET_P95_MS:.0f} ms; login excluded): "
        f"{'met' if met else 'MISSED'} (worst page p95 {worst_p95:.0f} ms)"
    )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (default 60)")
    parser.add_argument("--base-url", help="an already running server on loopback")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", choices=("sync", "gthread"), default="sync")
    parser.add_argument("--threads", type=int, default=4, help="per worker, for gthread")
    parser.add_argument("--think", type=float, default=0.0, help="mean think time in seconds")
    parser.add_argument("--ramp-up", type=float, default=5.0, help="seconds to start all users")
    parser.add_argument("--password", default=os.environ.get("DEMO_PASSWORD", "academie"))
    args = parser.parse_args()
    if not 1 <= args.users <= 500 or not 1 <= args.duration <= 3600:
        parser.error("--users must be 1..500 and --duration 1..3600 s")
    args.ramp_up = min(args.ramp_up, args.duration)

    if args.base_url:
        base = require_loopback(args.base_url)
        stats, elapsed = run_users(base, args, args.password)
        return 0 if report(stats, elapsed, args, base) else 1

    instance = Path(tempfile.mkdtemp(prefix="academy-load-"))
    try:
        print(f"Preparing a fresh instance in {instance}", flush=True)
        prepare_instance(instance)
        with gunicorn(instance, args.workers, args.worker_class, args.threads) as base:
            kind = args.worker_class + (
                f", {args.threads} threads each" if args.worker_class == "gthread" else ""
            )
            server = f"gunicorn {args.workers} workers ({kind}) at {base}"
            print(
                f"Running {args.users} users for {args.duration:g} s against {server}", flush=True
            )
            stats, elapsed = run_users(base, args, args.password)
        return 0 if report(stats, elapsed, args, server) else 1
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
