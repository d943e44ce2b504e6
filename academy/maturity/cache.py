"""Per-process caches keyed by the maturity data version (`services.data_version`).

A key includes the version, so a write anywhere makes the next read recompute; old entries
simply age out. Each worker process has its own cache, which is fine for derived data.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

from markupsafe import Markup

if TYPE_CHECKING:  # the services import nothing from here; the annotation only names them
    from academy.findability.services import DomainPoint
    from academy.maturity.services import PortfolioSnapshot

T = TypeVar("T")


class VersionedCache(Generic[T]):
    """A small thread-safe memo: `get(key, compute)` computes once per key."""

    def __init__(self, max_entries: int = 64) -> None:
        self._entries: dict[Hashable, T] = {}
        self._lock = threading.Lock()
        self._max = max_entries
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._entries:
                return self._entries[key]
        value = compute()  # outside the lock: slow, and a double computation is harmless
        with self._lock:
            self.misses += 1
            if len(self._entries) >= self._max:
                self._entries.pop(next(iter(self._entries)))
            self._entries[key] = value
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


chart_cache: VersionedCache[bytes] = VersionedCache()  # SVGs
section_cache: VersionedCache[Markup] = VersionedCache()  # HTML fragments with charts
snapshot_cache: VersionedCache[PortfolioSnapshot] = VersionedCache(max_entries=8)
# Findability per domain over time (the portfolio's chart table); the scans bump the version.
domain_findability_cache: VersionedCache[list[DomainPoint]] = VersionedCache(max_entries=8)
