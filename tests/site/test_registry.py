"""Languages and types are declared once, in registry.py; everything else asks it.

No Python module under scripts/explainer/ other than the registry, and no template, spells a language
code or the name of a type with pages as a string of its own. (`sources` is also a field name, and the
types without pages are named by the code that handles them, so only page types are checked.)
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from explainer.registry import CODES, PAGE_TYPES

EXPLAINER = Path(__file__).resolve().parents[2] / "scripts" / "explainer"
FORBIDDEN = set(CODES) | set(PAGE_TYPES)


def _string_constants(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in FORBIDDEN
    ]


def test_no_module_but_the_registry_spells_a_language_code_or_a_page_type() -> None:
    found = [
        f"{path.relative_to(EXPLAINER)}:{line}: {value!r}"
        for path in sorted(EXPLAINER.rglob("*.py"))
        if path.name != "registry.py"
        for line, value in _string_constants(path)
    ]
    assert found == []


def test_no_template_spells_a_language_code_or_a_page_type() -> None:
    names = "|".join(sorted(FORBIDDEN))
    literal = re.compile(rf"""(["'])({names})\1""")
    found = [
        f"{path.relative_to(EXPLAINER)}:{number}: {match.group()}"
        for path in sorted((EXPLAINER / "templates").rglob("*.j2"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for match in literal.finditer(line)
    ]
    assert found == []


def test_the_checker_would_see_a_literal(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('LANG = "zh"\nTYPE = f"{x}"\nDOC = "companies are listed"\n', encoding="utf-8")
    assert _string_constants(module) == [(1, "zh")]
