"""Hand-written core of the practice corpus, read from ``content/corpus`` (`academy.content`).

Training exercises point at these documents by key, so their keys, titles and the facts (front
matter field ``fact``, collected in CORE_FACTS) must stay stable. The generator in
`academy.demo.corpus` puts them first and fills the rest of the corpus around them.
"""

from __future__ import annotations

from academy.content import CorpusDocument, load_corpus
from academy.models.documents import CORPUS_TYPES as DOCTYPES

__all__ = ["CORE_DOCUMENTS", "CORE_FACTS", "DOCTYPES", "CorpusDocument"]

CORE_DOCUMENTS: tuple[CorpusDocument, ...]
CORE_FACTS: dict[str, str]
CORE_DOCUMENTS, CORE_FACTS = load_corpus()
