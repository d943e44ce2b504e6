"""Load test: N simulated users against the app under gunicorn, on loopback, for a bounded time.

    .venv/bin/python bench/load.py                       # 50 users, 60 s, own gunicorn
    .venv/bin/python bench/load.py --users 10 --duration 20
    .venv/bin/python bench/load.py --think 0             # no pauses: a capacity test
    .venv/bin/python bench/load.py --base-url http://127.0.0.1:5000   # a running server

Without ``--base-url`` the script makes a temporary instance directory (fresh SQLite database
through ``flask init-db``, ``flask seed-demo`` and ``flask index ensure``), starts gunicorn with
two workers on 127.0.0.1 and a free port, runs the users, stops gunicorn and removes the
directory. ``--base-url`` must point at a loopback address; anything else is refused, so the
script can never be aimed at someone else's server.

Every simulated user has a cookie session and logs in as a demo account (one in ten as the
trainer; employees, the programme manager and the admin for the rest; several users share an
account, never an exercise attempt). Logins come first, spread over the ramp-up and reported
apart: they are slow on purpose (scrypt). The timed window opens when everyone is in. Until it
closes each user picks a weighted action: the portfolio, a theme page, a practice search (a
random query from a list, some with facets), an exercise (open it, start, search in the
workspace, mark a result, hand in, see the result: seven requests) or, for trainers, the
progress overview. Each HTTP request is timed on its own (redirects are followed by hand, so a
POST and the page it leads to are separate rows). An error is a status outside 2xx/3xx, an
exception (timeout, refused or reset connection) or an error message where the flow expects
none (a refused start, a mark that did not land).

Think time: after each action a user pauses uniformly 0..2x ``--think`` seconds (default 1 s
mean), so 50 users click about once a second each: far busier than people reading pages, but
not the 50 requests permanently in flight of ``--think 0``. With no pauses the latency follows
from arithmetic: 50 requests in flight at C requests/s wait about 50/C s each, so a p95 under
500 ms needs roughly 200 requests/s, under 10 ms of CPU per request on two cores, while these
pages cost about 15 ms each (the "server CPU" line).

Workers: gthread (2 processes x 4 threads) by default rather than sync. The CPU cost per
request is the same (the GIL: still at most two cores of Python), but a sync worker closes
every connection (no keep-alive) and sits idle while its one request waits (a SQLite commit, a
busy database lock, the network), so short pages queue behind slow ones. ``--worker-class
sync`` measures the other. The script prints the CPU time gunicorn used per request: on a
shared machine that, more than the wall clock, says what a page costs.
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
from urllib3.util.retry import Retry

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
    def __init__(
        self, base: str, username: str, password: str, exercise: str, logins: Stats, stats: Stats
    ):
        self.base = base
        self.username = username
        self.password = password
        self.exercise = exercise
        self.stats = logins  # until the timed window opens
        self.window_stats = stats
        self.is_trainer = username == "trainer"
        self.session = requests.Session()
        # Like a browser, retry a GET once when the server has just closed the kept-alive
        # connection it was sent on (gthread closes idle connections after 2 s); a POST is
        # never resent. Anything else still counts as an error.
        retry = Retry(total=1, connect=1, read=1, status=0, redirect=0, allowed_methods={"GET"})
        self.session.mount("http://", requests.adapters.HTTPAdapter(max_retries=retry))
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

    def run(self, start_at: float, window: Window, think: float) -> None:
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
                with contextlib.suppress(threading.BrokenBarrierError):
                    window.arrive()
                return
            try:
                window.arrive()  # the timed window opens when every user has logged in
            except threading.BrokenBarrierError:
                return
            self.stats = self.window_stats
            while time.monotonic() < window.stop:
                with contextlib.suppress(FlowError):
                    actions[self.rng.choices(names, weights)[0]]()
                if think:
                    time.sleep(self.rng.uniform(0, 2 * think))


class Window:
    """The measured period: it opens when every user has logged in (logins, slow on purpose
    because of scrypt, are measured apart) and closes `duration` seconds later."""

    def __init__(self, users: int, duration: float, timeout: float, server_pid: int | None):
        self.duration = duration
        self.start = self.stop = float("inf")
        self.server_pid = server_pid
        self.server_cpu = self.client_cpu = 0.0
        self._barrier = threading.Barrier(users, action=self._open, timeout=timeout)

    def _open(self) -> None:
        self.server_cpu = process_tree_cpu(self.server_pid) or 0.0
        self.client_cpu = time.process_time()
        self.start = time.monotonic()
        self.stop = self.start + self.duration

    def arrive(self) -> None:
        self._barrier.wait()


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


def process_tree_cpu(pid: int | None) -> float | None:
    """CPU seconds (user + system) used so far by a process and its children (Linux /proc);
    None where that cannot be read. On a shared machine this, not the wall clock, tells what
    a request costs."""
    if pid is None:
        return None
    tick = os.sysconf("SC_CLK_TCK")
    total, todo = 0.0, [pid]
    try:
        while todo:
            current = todo.pop()
            with open(f"/proc/{current}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
    except (OSError, ValueError, IndexError):
        return None
    return total


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
def gunicorn(
    instance: Path, workers: int, worker_class: str, threads: int
) -> Iterator[tuple[str, int]]:
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
        yield base, process.pid
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


@dataclass
class Outcome:
    logins: Stats
    stats: Stats
    elapsed: float  # the timed window, in seconds
    server_cpu: float | None  # CPU seconds gunicorn (master and workers) used in the window
    client_cpu: float  # CPU seconds this script used in the window


def run_users(base: str, args: argparse.Namespace, server_pid: int | None = None) -> Outcome:
    """Log every user in (spread over the ramp-up), then run the timed window."""
    logins, stats = Stats(), Stats()
    plan = plan_users(args.users)
    window = Window(
        args.users, args.duration, args.ramp_up + 10 * REQUEST_TIMEOUT_S, server_pid=server_pid
    )
    users = [
        SimulatedUser(base, account, args.password, exercise, logins, stats)
        for account, exercise in plan
    ]
    begin = time.monotonic()
    threads = [
        threading.Thread(
            target=user.run,
            args=(begin + args.ramp_up * i / max(1, args.users), window, args.think),
            name=f"user-{i}",
            daemon=True,
        )
        for i, user in enumerate(users)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # A user stops starting actions when the window closes; an exercise under way may
        # take a few requests more, each bounded by the request timeout.
        thread.join(timeout=args.ramp_up + args.duration + 20 * REQUEST_TIMEOUT_S)
    if window.start == float("inf"):
        raise SystemExit("not every user got as far as logging in; no timed window")
    elapsed = time.monotonic() - window.start
    server_cpu = process_tree_cpu(server_pid)
    return Outcome(
        logins,
        stats,
        elapsed,
        None if server_cpu is None else server_cpu - window.server_cpu,
        time.process_time() - window.client_cpu,
    )


def _row(name: str, values: list[float], errors: int) -> str:
    values = sorted(values)
    figures = [percentile(values, p) * 1000 for p in (50, 95, 99)] + [
        (values[-1] if values else 0.0) * 1000
    ]
    return f"{name:<24}{len(values):>7}{errors:>8}" + "".join(f"{x:>9.0f}" for x in figures)


def report(outcome: Outcome, args: argparse.Namespace, server: str) -> bool:
    """Print the figures; returns whether the target was met."""
    logins, stats, elapsed = outcome.logins, outcome.stats, outcome.elapsed
    total = sum(len(v) for v in stats.latencies.values())
    errors = sum(stats.errors.values())
    login_errors = sum(logins.errors.values())
    think = "none" if not args.think else f"uniform 0..{2 * args.think:g} s"
    print()
    print(f"machine     {os.cpu_count()} cpus, {platform.platform()}")
    print(f"python      {platform.python_version()} ({platform.python_implementation()})")
    print(f"load avg    {' '.join(f'{x:.2f}' for x in os.getloadavg())} (1/5/15 min, at the end)")
    print(f"server      {server}")
    print(f"users       {args.users} (logged in over {args.ramp_up:g} s first; think time {think})")
    print(f"duration    {elapsed:.1f} s (timed window, after all logins)")
    print(f"requests    {total}")
    print(f"throughput  {total / elapsed:.1f} req/s")
    if outcome.server_cpu is not None and total:
        cores = outcome.server_cpu / elapsed
        print(
            f"server CPU  {outcome.server_cpu:.1f} s = {1000 * outcome.server_cpu / total:.1f} ms "
            f"per request ({cores:.2f} of {os.cpu_count()} cores busy on average)"
        )
    print(f"client CPU  {outcome.client_cpu:.1f} s (this script, on the same machine)")
    print(f"errors      {errors} (+ {login_errors} while logging in)")
    print()
    header = f"{'page':<24}{'count':>7}{'errors':>8}" + "".join(
        f"{x:>9}" for x in ("p50 ms", "p95 ms", "p99 ms", "max ms")
    )
    rule = "-" * len(header)
    print(header)
    print(rule)
    worst = ("", 0.0)
    for name, values in sorted(stats.latencies.items(), key=lambda item: -len(item[1])):
        print(_row(name, values, stats.errors.get(name, 0)))
        p95 = percentile(sorted(values), 95) * 1000
        if p95 > worst[1]:
            worst = (name, p95)
    for name in stats.errors.keys() - stats.latencies.keys():  # failed before any answer
        print(_row(name, [], stats.errors[name]))
    print(rule)
    everything = [x for values in stats.latencies.values() for x in values]
    print(_row("all pages", everything, errors))
    print(rule)
    for name, values in logins.latencies.items():
        print(_row(f"{name} (before)", values, logins.errors.get(name, 0)))
    for sample in logins.samples + stats.samples:
        print(f"  error: {sample}")
    met = errors == 0 and login_errors == 0 and total > 0 and worst[1] < TARGET_P95_MS
    print()
    print(
        f"target (no errors, every page's p95 < {TARGET_P95_MS:.0f} ms): "
        f"{'met' if met else 'MISSED'}; slowest p95: {worst[0]} {worst[1]:.0f} ms"
    )
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=float, default=60.0, help="seconds (default 60)")
    parser.add_argument("--base-url", help="an already running server on loopback")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", choices=("sync", "gthread"), default="gthread")
    parser.add_argument("--threads", type=int, default=4, help="per worker, for gthread")
    parser.add_argument(
        "--think", type=float, default=1.0, help="mean pause between actions, s (0: none)"
    )
    parser.add_argument("--ramp-up", type=float, default=5.0, help="seconds to start all users")
    parser.add_argument("--password", default=os.environ.get("DEMO_PASSWORD", "academie"))
    args = parser.parse_args()
    if not 1 <= args.users <= 500 or not 1 <= args.duration <= 3600:
        parser.error("--users must be 1..500 and --duration 1..3600 s")
    args.ramp_up = min(args.ramp_up, args.duration)

    if args.base_url:
        base = require_loopback(args.base_url)
        report(run_users(base, args), args, base)
        return 0

    instance = Path(tempfile.mkdtemp(prefix="academy-load-"))
    try:
        print(f"Preparing a fresh instance in {instance}", flush=True)
        prepare_instance(instance)
        with gunicorn(instance, args.workers, args.worker_class, args.threads) as (base, pid):
            kind = args.worker_class + (
                f", {args.threads} threads each" if args.worker_class == "gthread" else ""
            )
            server = f"gunicorn {args.workers} workers ({kind}) at {base}"
            print(
                f"Running {args.users} users for {args.duration:g} s against {server}", flush=True
            )
            outcome = run_users(base, args, server_pid=pid)
        report(outcome, args, server)  # figures, like the other benches: no pass/fail exit
        return 0
    finally:
        shutil.rmtree(instance, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
