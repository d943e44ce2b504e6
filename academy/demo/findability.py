"""Demo key questions per theme, from content/findability/key_questions.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

KEY_QUESTIONS_FILE = (
    Path(__file__).resolve().parents[2] / "content" / "findability" / ("key_questions.json")
)


@dataclass(frozen=True)
class KeyQuestionSeed:
    theme: str  # theme code
    question: str
    documents: tuple[str, ...]  # document keys
    queries: tuple[str, ...]


def load_key_questions(path: Path = KEY_QUESTIONS_FILE) -> list[KeyQuestionSeed]:
    """The demo key questions: a data file, so editors change it without touching code."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [
        KeyQuestionSeed(
            theme=str(theme["theme"]),
            question=str(item["question"]),
            documents=tuple(str(key) for key in item["documents"]),
            queries=tuple(str(query) for query in item["queries"]),
        )
        for theme in data["themes"]
        for item in theme["questions"]
    ]
