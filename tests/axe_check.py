"""axe-core, from npm (package.json), as the browser tests inject it into a page: where it is and how it is asked."""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


def run_axe(within: str = "document") -> str:
    """A script for page.evaluate: axe's serious and critical violations in `within` (a JavaScript expression)."""
    return f"""async () => (await axe.run({within}, {{resultTypes: ["violations"]}})).violations
  .filter(v => v.impact === "serious" || v.impact === "critical")
  .map(v => `${{v.id}} (${{v.impact}}): ${{v.nodes.length}} × ${{v.nodes[0].target.join(" ")}}`)"""
