"""No module of the package binds one top-level name twice: the later binding silently
replaces the earlier for every function of the module (a quantity pattern once named like
the territory scan's ``_PERCENT`` took its place, and "86 pct" was no longer a share)."""
from __future__ import annotations

import ast
import collections
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kursk_analysis"


def _top_level_names(tree: ast.Module) -> collections.Counter:
    names: collections.Counter = collections.Counter()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names[node.name] += 1
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names.update(n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name))
    return names


def test_no_module_binds_a_top_level_name_twice():
    twice = {f"{path.relative_to(PACKAGE.parent)}: {name}"
             for path in sorted(PACKAGE.rglob("*.py"))
             for name, count in _top_level_names(ast.parse(path.read_text(encoding="utf-8"))).items()
             if count > 1}
    assert not twice, sorted(twice)


def test_the_check_sees_a_name_bound_twice():
    tree = ast.parse("A = 1\ndef f():\n    return A\nA: int = 2\nB = C = 3\n")
    assert {name for name, count in _top_level_names(tree).items() if count > 1} == {"A"}
