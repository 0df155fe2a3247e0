"""Adding a type takes a registry entry, a schema and its words: a synthetic type, built in a copy of the project.

The copy gains `investors` (one registry line, schemas/investors.json, five entries in the strings table)
and one investor who backs a company of the minimal fact base; both languages are built. The new pages
and their index exist, the navigation reaches the index, and the investor and the company link to
each other.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "schemas", "seeds/article", "pyproject.toml")

INVESTOR_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "investors.json",
    "title": "Investor",
    "type": "object",
    "properties": {
        "name": {"$ref": "defs.json#/$defs/text"},
        "summary": {"$ref": "defs.json#/$defs/text"},
        "backs": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "company": {"$ref": "defs.json#/$defs/id", "x-ref": ["companies"]},
                    "source": {"$ref": "defs.json#/$defs/source"},
                },
                "required": ["company", "source"],
                "additionalProperties": False,
            },
        },
        "sources": {"$ref": "defs.json#/$defs/sources"},
    },
    "required": ["name", "summary", "sources"],
    "additionalProperties": False,
}
STRINGS = """
type.investors: {zh: 投资机构, en: Investors}
type.investors.one: {zh: 投资机构, en: Investor}
menu.type.investors: {zh: 投资机构, en: Investors}
rel.backs.company.out: {zh: 投资的公司, en: Backs}
rel.backs.company.in: {zh: 投资方, en: Backed by}
"""
INVESTOR = """name: {zh: 红杉测试, en: Sequoia Test}
summary: {zh: 一家虚构的投资机构。, en: A made-up investor.}
backs:
  - {company: acme, source: example-news}
sources: [example-news]
"""


def _project_with_investors(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    for part in PARTS:
        source, target = ROOT / part, project / part
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, target)
    registry = project / "scripts" / "explainer" / "registry.py"
    text = registry.read_text(encoding="utf-8")
    declared = '    EntityType("events", False),'
    text = text.replace(declared, '    EntityType("investors", True, "Organization"),\n' + declared)
    registry.write_text(text, encoding="utf-8")
    (project / "schemas" / "investors.json").write_text(json.dumps(INVESTOR_SCHEMA, indent=2), encoding="utf-8")
    strings = project / "scripts" / "explainer" / "templates" / "strings.yaml"
    strings.write_text(strings.read_text(encoding="utf-8") + STRINGS, encoding="utf-8")
    facts = project / "facts"
    shutil.copytree(ROOT / "tests" / "fixtures" / "minimal", facts)
    (facts / "investors").mkdir()
    (facts / "investors" / "sequoia-test.yaml").write_text(INVESTOR, encoding="utf-8")
    return project


def _links(page: Path) -> set[str]:
    return set(re.findall(r'href="([^"#]*)', page.read_text(encoding="utf-8")))


def test_a_new_type_gets_pages_an_index_navigation_and_links_both_ways(tmp_path: Path) -> None:
    project = _project_with_investors(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(project / "scripts")}
    run = subprocess.run(
        [sys.executable, "-m", "explainer", "build", "--facts", "facts", "--site", "site"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    for root in (project / "site", project / "site" / "en"):
        investor = root / "investors" / "sequoia-test" / "index.html"
        index = root / "investors" / "index.html"
        assert investor.is_file() and index.is_file()
        assert "../sequoia-test/" in _links(index) or "sequoia-test/" in _links(index)
        assert any(link.rstrip("/").endswith("investors") for link in _links(root / "index.html"))  # the nav
        assert "../../companies/acme/" in _links(investor)  # the investor links to the company it backs
        assert "../../investors/sequoia-test/" in _links(root / "companies" / "acme" / "index.html")  # and back
