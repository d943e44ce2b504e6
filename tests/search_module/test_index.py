"""Index lifecycle: atomic rebuild, serialised rebuilds, incremental updates, health."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from search_module import (
    CheckpointMismatchError,
    Hint,
    IndexedDocument,
    SearchIndex,
    SearchRequest,
)

from .conftest import CORPUS, doc

ROOT = Path(__file__).resolve().parents[2]


def total(index: SearchIndex, query: str = "") -> int:
    return index.search(SearchRequest(query=query)).total


def many(n: int, start: int = 1000, word: str = "bulk") -> list[IndexedDocument]:
    return [
        doc(start + i, f"Document {word} {i}", f"Tekst over {word} nummer {i}.") for i in range(n)
    ]


def test_small_rebuild_stays_in_process(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix", build_procs=2)
    assert index.rebuild(many(30)) == 30
    assert len(list(index.path.glob("v-*/*.seg"))) == 1
    assert total(index, "bulk") == 30


def test_rebuild_reports_progress_and_count(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix", build_procs=1)
    seen: list[int] = []
    assert index.rebuild(many(250), progress=seen.append) == 250
    assert seen == [100, 200, 250]
    assert index.document_count() == 250 and index.exists() and index.check()


def test_parallel_rebuild_indexes_everything(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix", build_procs=2)
    assert index.rebuild(many(450)) == 450
    assert len(list(index.path.glob("v-*/*.seg"))) >= 2  # one segment per writer process
    assert index.document_count() == 450
    assert total(index, "bulk") == 450
    assert index.search(SearchRequest(query="nummer 17")).hits[0].doc_id == 1017


@pytest.mark.parametrize("procs", [1, 2])
def test_failed_rebuild_keeps_the_old_index(tmp_path: Path, procs: int) -> None:
    index = SearchIndex(tmp_path / "ix", build_procs=procs)
    index.rebuild(CORPUS)
    before = sorted(p.name for p in (tmp_path / "ix").iterdir())

    def broken() -> Iterator[IndexedDocument]:
        yield from many(150 if procs == 1 else 600)  # past the look-ahead: writer processes run
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError, match="went away"):
        index.rebuild(broken())
    assert index.document_count() == len(CORPUS)
    assert total(index, "armoede") == 4
    assert sorted(p.name for p in (tmp_path / "ix").iterdir()) == before  # no .build-* left
    assert SearchIndex(tmp_path / "ix").check()


def _wait_for(predicate, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status") as fh:
            state = next(line for line in fh if line.startswith("State:"))
        return "Z" not in state.split()[1]
    except (FileNotFoundError, StopIteration):
        return False


def test_rebuild_killed_with_sigkill_leaves_the_old_index_serving(tmp_path: Path) -> None:
    path = tmp_path / "ix"
    SearchIndex(path, build_procs=1).rebuild(CORPUS)
    marker = tmp_path / "children"
    script = textwrap.dedent(
        f"""
        import multiprocessing, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from search_module import SearchIndex
        from tests.search_module.test_index import many

        def slow():
            for i, d in enumerate(many(100000)):
                if i == 700:
                    pids = [str(p.pid) for p in multiprocessing.active_children()]
                    open({str(marker)!r}, "w").write(" ".join(pids))
                if i > 700:
                    time.sleep(0.01)
                yield d

        SearchIndex({str(path)!r}, build_procs=2).rebuild(slow())
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT)
    try:
        assert _wait_for(marker.exists), "the build never started"
        assert list(path.glob(".build-*")), "no build directory while building"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    children = [int(p) for p in marker.read_text().split()]
    assert children, "the parallel writer had no child processes"
    assert _wait_for(lambda: not any(_alive(pid) for pid in children), 10), (
        "writer children outlived their parent"
    )

    survivor = SearchIndex(path)
    assert survivor.check()
    assert survivor.document_count() == len(CORPUS)
    assert total(survivor, "armoede") == 4
    # the lock died with the process; the next rebuild cleans up the dead build
    assert survivor.rebuild(many(20)) == 20
    assert not list(path.glob(".build-*"))
    assert survivor.document_count() == 20


def test_concurrent_rebuilds_are_serialised(tmp_path: Path) -> None:
    path = tmp_path / "ix"
    spans: dict[str, list[float]] = {}
    errors: list[BaseException] = []

    def corpus(name: str, n: int) -> Iterator[IndexedDocument]:
        spans[name] = [time.monotonic()]
        for d in many(n, word=name):
            time.sleep(0.002)
            yield d
        spans[name].append(time.monotonic())

    def run(name: str, n: int) -> None:
        try:
            SearchIndex(path, build_procs=1).rebuild(corpus(name, n))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=("alfa", 120)),
        threading.Thread(target=run, args=("bravo", 90)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    (a_start, a_end), (b_start, b_end) = spans["alfa"], spans["bravo"]
    assert a_end <= b_start or b_end <= a_start, "two rebuilds ran at the same time"
    last = "alfa" if a_start > b_start else "bravo"
    index = SearchIndex(path)
    assert index.check()
    assert index.document_count() == {"alfa": 120, "bravo": 90}[last]
    assert total(index, last) == index.document_count()
    assert len(list(path.glob("v-*"))) == 2  # current + previous


def test_old_versions_are_removed(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix", build_procs=1)
    for n in (3, 4, 5, 6):
        index.rebuild(many(n))
    assert len(list((tmp_path / "ix").glob("v-*"))) == 2
    assert index.document_count() == 6


def test_incremental_add_update_delete(index: SearchIndex, tmp_path: Path) -> None:
    other_process = SearchIndex(index.path)  # a second searcher on the same directory
    assert total(other_process, "zwembad") == 0

    index.add_or_update(doc(50, "Zwembad De Slag", "Bezoekers van het zwembad."))
    assert index.document_count() == len(CORPUS) + 1
    assert [h.doc_id for h in index.search(SearchRequest(query="zwembad")).hits] == [50]
    assert total(other_process, "zwembad") == 1  # refreshed without reopening

    index.add_or_update(doc(50, "Sporthal De Slag", "Bezoekers van de sporthal."))
    assert total(index, "zwembad") == 0
    assert total(index, "sporthal") == 1
    assert index.document_count() == len(CORPUS) + 1

    updated = dataclasses.replace(CORPUS[0], title="Schulden in Zaanstad")
    index.add_or_update_many([updated, doc(51, "Sporthal Noord", "Nog een sporthal.")])
    assert total(index, "sporthal") == 2
    assert total(index, "titel:armoede") == 0
    assert index.search(SearchRequest(query="", filters={"type": ["onderzoek"]})).total == 2

    assert index.delete(50) is True
    assert index.delete(50) is False
    assert total(index, "sporthal") == 1
    assert total(other_process, "sporthal") == 1
    assert index.document_count() == len(CORPUS) + 1
    assert index.vocabulary_contains("Sporthal") and not index.vocabulary_contains("xylofoon")


def test_add_to_a_missing_index_creates_it(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "new")
    assert not index.exists()
    index.add_or_update(doc(1, "Eerste document", "Over armoede."))
    assert index.exists() and index.check()
    assert total(index, "armoede") == 1
    assert index.delete(999) is False


def test_swap_by_another_instance_is_picked_up(index: SearchIndex) -> None:
    assert total(index, "") == len(CORPUS)
    SearchIndex(index.path, build_procs=1).rebuild(many(3))
    assert total(index, "") == 3
    assert total(index, "armoede") == 0


def test_missing_index_never_crashes(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "nothing-here")
    assert index.exists() is False
    assert index.check() is False
    assert index.document_count() == 0
    result = index.search(SearchRequest(query="armoede"))
    assert result.total == 0 and result.hits == []
    assert result.hints[0] == Hint("index_unavailable")


@pytest.mark.parametrize("damage", ["segments", "pointer", "meta", "toc"])
def test_corrupt_index_fails_the_check_without_crashing(index: SearchIndex, damage: str) -> None:
    pointer = index.path / "CURRENT"
    version = index.path / pointer.read_text().strip()
    if damage == "segments":
        for f in version.glob("*.seg"):
            f.write_bytes(b"\x00garbage" * 10)
        for f in version.glob("*.trm"):
            f.write_bytes(b"")
    elif damage == "pointer":
        pointer.write_text("v-does-not-exist\n")
    elif damage == "meta":
        (version / "META.json").write_text('{"format": -1}')
    else:
        for f in version.glob("_MAIN_*.toc"):
            f.write_bytes(b"not a pickle")
    fresh = SearchIndex(index.path)
    assert fresh.check() is False
    assert fresh.search(SearchRequest(query="armoede")).total == 0
    # the app's answer: rebuild from the database
    assert fresh.rebuild(CORPUS) == len(CORPUS)
    assert fresh.check() and total(fresh, "armoede") == 4


def test_concurrent_searches_from_threads(index: SearchIndex) -> None:
    queries = [
        "armoede",
        "jeugd*",
        '"vroegtijdig schoolverlaten"',
        "armoed~",
        "",
        "type:nota",
        "NIET armoede",
    ]
    expected = {q: [h.doc_id for h in index.search(SearchRequest(query=q)).hits] for q in queries}
    fresh = SearchIndex(index.path)
    failures: list[str] = []

    def worker(offset: int) -> None:
        for i in range(40):
            q = queries[(i + offset) % len(queries)]
            got = [h.doc_id for h in fresh.search(SearchRequest(query=q)).hits]
            if got != expected[q]:
                failures.append(q)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert failures == []


# --------------------------------------------------------------------------- checkpoints


def test_an_empty_index_is_usable_and_answers(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([], checkpoint={"seq": 0})
    assert index.check() is True
    assert index.search(SearchRequest(query="", sort="date")).total == 0
    assert index.checkpoint() == {"seq": 0}


def test_apply_writes_deletes_and_stores_the_checkpoint_with_the_version(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "ix")
    index.rebuild([doc(1, "Armoedemonitor", "armoede")], checkpoint={"seq": 1})
    written = index.apply(
        [doc(2, "Jeugdmonitor", "jeugd"), doc(1, "Schuldenmonitor", "schulden")],
        [],
        checkpoint={"seq": 3},
        expected={"seq": 1},
    )
    assert written == 2
    assert index.search(SearchRequest(query="armoedemonitor")).total == 0
    assert index.search(SearchRequest(query="schuldenmonitor")).total == 1
    index.apply([], [2], checkpoint={"seq": 4}, expected={"seq": 3})
    assert index.search(SearchRequest(query="jeugdmonitor")).total == 0
    assert index.checkpoint() == {"seq": 4}
    # a rebuild carries its own checkpoint into the new version
    index.rebuild([doc(1, "Schuldenmonitor", "schulden")], checkpoint={"seq": 9})
    assert SearchIndex(tmp_path / "ix").checkpoint() == {"seq": 9}


def test_apply_refuses_a_stale_checkpoint_and_writes_nothing(tmp_path: Path) -> None:
    first, second = SearchIndex(tmp_path / "ix"), SearchIndex(tmp_path / "ix")
    first.rebuild([], checkpoint={"seq": 0})
    first.apply(
        [doc(1, "Armoedemonitor", "armoede")], [], checkpoint={"seq": 1}, expected={"seq": 0}
    )
    with pytest.raises(CheckpointMismatchError):
        second.apply([doc(2, "Jeugdmonitor", "x")], [], checkpoint={"seq": 1}, expected={"seq": 0})
    assert second.search(SearchRequest(query="jeugdmonitor")).total == 0
    assert second.checkpoint() == {"seq": 1}


def test_a_large_apply_uses_writer_processes_and_replaces_without_duplicates(tmp_path: Path):
    index = SearchIndex(tmp_path / "ix", build_procs=2)
    index.rebuild(many(500, word="oud"), checkpoint={"seq": 1})
    changed = [dataclasses.replace(d, title=f"Document nieuw {d.doc_id}") for d in many(500)]
    written = index.apply(
        [*changed, *many(300, start=5000)], [1000, 1001], checkpoint={"seq": 2}, expected={"seq": 1}
    )
    assert written == 800
    assert total(index) == 500 - 2 + 300 + 2  # two deleted, then re-added by the upserts
    assert total(index, "nieuw") == 500 and total(index, "oud") == 0  # no old version left
    assert index.checkpoint() == {"seq": 2}
