"""The one module that reads Whoosh internals: pinned, checked, and its public path run."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest

from search_module import SearchIndex, SearchRequest, whoosh_adapter

from .conftest import CORPUS

QUERIES = [
    "armoede",
    "jeugd* OR armoed~",
    '"vroegtijdig schoolverlaten"',
    "titel:armoede OR fietspaden",
    "armoede NIET schulden",
    "",
]


def test_the_pinned_whoosh_is_installed() -> None:
    """Upgrading Whoosh must be deliberate: the internals were read from this version."""
    name, version = whoosh_adapter.PINNED_WHOOSH
    assert metadata.version(name) == version
    requirements = (Path(__file__).parents[2] / "requirements.txt").read_text(encoding="utf-8")
    assert f"{name}=={version}" in requirements


def test_the_internals_read_are_all_there() -> None:
    """Fails loudly, naming what is gone, when a Whoosh upgrade changes the internals."""
    assert whoosh_adapter.missing_internals() == []
    assert whoosh_adapter.INTERNALS_AVAILABLE


def test_the_segment_internals_read_are_all_there(tmp_path: Path) -> None:
    ix = SearchIndex(tmp_path / "ix", build_procs=1)
    ix.rebuild(CORPUS)
    with ix._open_current().reader() as reader:
        for subreader, _offset in reader.leaf_readers():
            assert whoosh_adapter.missing_segment_internals(subreader, "content", "armoed") == []


def _answers(path: Path) -> list[tuple[int, list[tuple[int, float]], list[object]]]:
    fresh = SearchIndex(path)  # empty caches, so every posting is read again
    out = []
    for query in QUERIES:
        result = fresh.search(SearchRequest(query=query, page_size=20))
        hits = [(h.doc_id, h.score) for h in result.hits]
        out.append(
            (result.total, hits, [(h.title_parts, h.snippet_parts, h.why) for h in result.hits])
        )
    fresh.close()
    return out


@pytest.mark.parametrize("with_deletions", [False, True])
def test_public_api_path_gives_the_same_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_deletions: bool
) -> None:
    ix = SearchIndex(tmp_path / "ix", build_procs=1)
    ix.rebuild(CORPUS)
    if with_deletions:  # postings then come wrapped in a FilterMatcher
        ix.delete(2)
        ix.add_or_update(CORPUS[0])
    fast = _answers(ix.path)
    monkeypatch.setattr(whoosh_adapter, "use_internals", False)
    slow = _answers(ix.path)
    assert fast == slow
    assert any(total for total, _hits, _parts in fast)


@pytest.mark.parametrize("internals", [True, False])
def test_the_switch_picks_the_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, internals: bool
) -> None:
    """The public path calls the public API (all_ids, doc_field_length); the fast one not."""
    from whoosh.codec.whoosh3 import W3LeafMatcher
    from whoosh.reading import SegmentReader

    calls: list[str] = []
    all_ids, field_length = W3LeafMatcher.all_ids, SegmentReader.doc_field_length

    def counted_all_ids(self: W3LeafMatcher) -> object:
        calls.append("all_ids")
        return all_ids(self)

    def counted_length(self: SegmentReader, *args: object) -> object:
        calls.append("doc_field_length")
        return field_length(self, *args)

    ix = SearchIndex(tmp_path / "ix", build_procs=1)
    ix.rebuild(CORPUS)
    monkeypatch.setattr(whoosh_adapter, "use_internals", internals)
    monkeypatch.setattr(W3LeafMatcher, "all_ids", counted_all_ids)
    monkeypatch.setattr(SegmentReader, "doc_field_length", counted_length)
    result = SearchIndex(ix.path).search(SearchRequest(query="armoede NIET schulden"))
    assert result.total > 0
    if internals:
        assert calls == []
    else:
        assert {"all_ids", "doc_field_length"} <= set(calls)
