"""The same inputs make the same site, byte for byte: twice in one process, and across hash seeds and time zones.

Set and dict iteration order depends on PYTHONHASHSEED for strings; if it leaked into a page,
two runs of `make site` would differ (and a live preview would rewrite pages that did not change).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from explainer.generate import EDIT_BASE, generate
from explainer.inputs import load_inputs
from explainer.render.site import render_site

ROOT = Path(__file__).resolve().parents[2]
FACTS = Path("seeds/facts")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under folder by its relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def test_rendering_the_real_site_twice_gives_the_same_pages() -> None:
    first = render_site(load_inputs(FACTS), EDIT_BASE)
    second = render_site(load_inputs(FACTS), EDIT_BASE)
    assert first.keys() == second.keys()
    for lang in first:
        assert list(first[lang]) == list(second[lang])  # the same pages in the same order
        for path, text in first[lang].items():
            assert _bytes(text) == _bytes(second[lang][path]), f"{lang}/{path} differs"


def test_generating_twice_gives_the_same_tree(tmp_path: Path) -> None:
    generate(FACTS, tmp_path / "one")
    generate(FACTS, tmp_path / "two")
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert len(one) > 100
    assert one.keys() == two.keys()
    assert [p for p in one if one[p] != two[p]] == []


def test_generating_with_other_hash_seeds_and_time_zones_gives_the_same_tree(tmp_path: Path) -> None:
    """`explainer generate` in fresh interpreters with fixed, different PYTHONHASHSEEDs, and time zones 15 hours
    apart (a page's date is its commit's day in UTC), against this process's."""
    generate(FACTS, tmp_path / "here")
    runs = {}
    for seed, zone in (("0", "America/Los_Angeles"), ("4242", "Asia/Shanghai")):
        env = {**os.environ, "PYTHONHASHSEED": seed, "TZ": zone, "PYTHONPATH": str(ROOT / "scripts")}
        out = tmp_path / f"seed-{seed}"
        command = [sys.executable, "-m", "explainer", "generate", "--facts", str(FACTS), "--out", str(out)]
        runs[out] = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    for run in runs.values():  # both at once, one per core
        log, _ = run.communicate(timeout=300)
        assert run.returncode == 0, log.decode()
    here = tree(tmp_path / "here")
    for out in runs:
        other = tree(out)
        assert other.keys() == here.keys(), out.name
        assert [p for p in here if here[p] != other[p]] == [], out.name
