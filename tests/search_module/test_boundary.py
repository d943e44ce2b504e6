"""search_module is plain Python: no file of it imports Flask or the academy, or builds HTML."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import search_module

PACKAGE = Path(search_module.__file__).parent
FILES = sorted(PACKAGE.rglob("*.py"))
MODULES = [
    ".".join(("search_module", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(
        ".__init__"
    )
    for path in FILES
]
#: Top-level packages search_module must never import (the web stack, the app, HTML).
FORBIDDEN = (
    "flask",
    "flask_babel",
    "flask_login",
    "werkzeug",
    "jinja2",
    "markupsafe",
    "academy",
    "html",
)


def _imported(path: Path) -> set[str]:
    """Top-level names of every import in a file, nested ones (inside functions) too."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_file_is_covered() -> None:
    assert len(FILES) >= 15 and PACKAGE / "search.py" in FILES
    assert PACKAGE / "whoosh_adapter.py" in FILES


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_file_imports_the_web_stack(path: Path) -> None:
    assert not _imported(path) & set(FORBIDDEN), path
    assert "<mark" not in path.read_text(encoding="utf-8")


_BLOCKER = """
import importlib, importlib.abc, sys
BLOCKED = {blocked!r}
class Blocker(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError("search_module imported " + name)
        return None
sys.meta_path.insert(0, Blocker())
importlib.import_module({module!r})
leaked = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
assert not leaked, leaked
"""


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_with_flask_blocked(module: str) -> None:
    """Each module in a fresh interpreter in which importing Flask or the academy fails."""
    code = _BLOCKER.format(blocked=set(FORBIDDEN) - {"html"}, module=module)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
