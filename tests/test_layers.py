"""Import rules between the application's parts that a reader should not have to check by hand."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ACADEMY = Path(__file__).resolve().parent.parent / "academy"
# The demo package and the command that seeds it may use demo data; nothing else may.
MAY_USE_DEMO = {"academy/cli.py"}


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


PRODUCTION_FILES = sorted(
    path
    for path in ACADEMY.rglob("*.py")
    if "demo" not in path.relative_to(ACADEMY).parts
    and path.relative_to(ACADEMY.parent).as_posix() not in MAY_USE_DEMO
)


@pytest.mark.parametrize("path", PRODUCTION_FILES, ids=lambda p: p.relative_to(ACADEMY).as_posix())
def test_production_code_does_not_lean_on_demo_data(path: Path) -> None:
    demo = {
        m for m in _imported_modules(path) if m == "academy.demo" or m.startswith("academy.demo.")
    }
    assert not demo, f"{path.name} imports demo data: {sorted(demo)}"


def _is_int_key_bound(node: ast.AST) -> bool:
    """`2**31` or `2**31 - 1`: the Integer key bound that academy.security.MAX_ID names."""
    return (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Pow)
        and isinstance(node.left, ast.Constant)
        and node.left.value == 2
        and isinstance(node.right, ast.Constant)
        and node.right.value in (31, 32)
    ) or (isinstance(node, ast.Constant) and node.value in (2147483647, 2147483648))


@pytest.mark.parametrize(
    "path", sorted(ACADEMY.rglob("*.py")), ids=lambda p: p.relative_to(ACADEMY).as_posix()
)
def test_one_id_bound(path: Path) -> None:
    if path.relative_to(ACADEMY).as_posix() == "security.py":
        return
    tree = ast.parse(path.read_text(encoding="utf-8"))
    copies = [getattr(node, "lineno", 0) for node in ast.walk(tree) if _is_int_key_bound(node)]
    assert not copies, f"{path.name} lines {copies}: use academy.security.MAX_ID"


ROUTE_FILES = sorted(
    path for path in ACADEMY.rglob("*.py") if path.stem == "routes" or path.stem.endswith("_routes")
)


@pytest.mark.parametrize("path", ROUTE_FILES, ids=lambda p: p.relative_to(ACADEMY).as_posix())
def test_routes_leave_transactions_to_services(path: Path) -> None:
    """Services own the unit of work: they commit, and roll back when they fail."""
    calls = [
        f"line {node.lineno}: {node.func.attr}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("commit", "rollback")
    ]
    assert not calls, f"{path.name} handles the transaction itself: {calls}"


@pytest.mark.parametrize("path", PRODUCTION_FILES, ids=lambda p: p.relative_to(ACADEMY).as_posix())
def test_one_accent_fold(path: Path) -> None:
    """Accents are folded by search_module.analysis.fold only, so a grade, a file name and
    the search engine agree on which words are equal."""
    text = path.read_text(encoding="utf-8")
    assert "unicodedata.combining" not in text and "maketrans(" not in text, (
        f"{path.name} folds accents itself; use search_module.analysis.fold"
    )
