"""SECURITY.md maps ASVS controls to tests: every test it names must exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`|`::(\w+)`")


def _tests_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def test_every_test_named_in_security_md_exists():
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    named = 0
    for line in text.splitlines():
        current = None  # "::name" continues the file named before it on the same line
        for match in REFERENCE.finditer(line):
            file, name = match.group(1), match.group(2)
            if file:
                current = file
            else:
                name = match.group(3)
            assert current, f"::{name} without a file before it: {line[:80]}"
            assert name in _tests_in(ROOT / current), f"SECURITY.md names {current}::{name}"
            named += 1
    assert named >= 40
