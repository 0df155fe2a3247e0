"""A claim is a sentence followed by its own footnote, which shows the source's own words; a verdict point shows
the evidence of both sides and the site's assessment, labelled, with the date it is current to."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from explainer.generate import EDIT_BASE
from explainer.inputs import load_inputs
from explainer.registry import CODES
from explainer.render.site import render_site

POINT = """\
order: 1
heading: {zh: 发布潮, en: The launches}
as_of: '2026-11'
for:
- id: launch
  zh: 4月10日,商汤发布了大模型。
  en: SenseTime launched its models on 10 April.
  cites:
  - source: p2
    quote: 4月10日,商汤科技发布日日新SenseNova大模型
- zh: 同日还有别家宣布。
  en: Others announced the same day.
  cites:
  - source: example-news
    quote: "Others announced on the same day"
    at: second paragraph
against:
- id: doubt
  zh: 有人怀疑这只是营销。
  en: Some doubted it was more than marketing.
assessment:
  zh: 是争。
  en: It was a race.
  rests_on: [launch, doubt]
"""


@pytest.fixture
def verdict(minimal_facts: Path) -> dict[str, str]:
    (minimal_facts / "verdict").mkdir()
    (minimal_facts / "verdict" / "launches.yaml").write_text(POINT, encoding="utf-8")
    pages = render_site(load_inputs(minimal_facts), EDIT_BASE)
    return {lang: pages[lang]["verdict.md"] for lang in CODES}


def _footnote(page: str, text: str) -> str:
    """The definition of the footnote that follows `text` on the page."""
    number = re.search(re.escape(text) + r"(?:</span>)?\[\^(\d+)\]", page)
    assert number, text
    [definition] = re.findall(rf"^\[\^{number.group(1)}\]: (.*)$", page, re.M)
    return definition


def test_each_claim_has_its_own_footnote_with_the_sources_words(verdict: dict[str, str]) -> None:
    en = verdict["en"]
    launch = _footnote(en, "SenseTime launched its models on 10 April\\.")
    assert '<q lang="zh-Hans">4月10日,商汤科技发布日日新SenseNova大模型</q>' in launch
    assert "paragraph 2" in launch
    others = _footnote(en, "Others announced the same day\\.")
    assert "second paragraph" in others and "<q" in others and "Others announced on the same day" in others
    assert launch != others


def test_a_claim_without_sources_has_no_footnote(verdict: dict[str, str]) -> None:
    assert "Some doubted it was more than marketing\\.</span>\n" in verdict["en"]


def test_the_point_shows_both_sides_and_a_labelled_assessment_with_its_date(verdict: dict[str, str]) -> None:
    en, zh = verdict["en"], verdict["zh"]
    assert en.index("Evidence of a race") < en.index("Evidence of a stampede") < en.index('"Our assessment"')
    assert '!!! note "本站的判断"' in zh
    assert 'As of <time datetime="2026-11">November 2026</time>' in en
    rests_on = _footnote(en, "It was a race\\.")
    assert rests_on.startswith("Rests on: ") and "; " not in rests_on  # the language's own list separator
    assert _footnote(verdict["zh"], "是争。").startswith("依据:[")  # the strings table's colon, no space
    assert "verdict.md#launches-launch" in rests_on and "verdict.md#launches-doubt" in rests_on
    assert '<span id="launches-launch">' in en and '<span id="launches-doubt">' in en


def test_a_points_events_are_listed_in_date_order() -> None:
    from rendered import real_inputs, real_pages

    points = [p for p in real_inputs().factbase.of_type("verdict") if p.data.get("events") and not p.data.get("lead")]
    assert points
    for lang in CODES:
        page = real_pages()[lang]["verdict.md"]
        for point in points:
            section = page.split(f"{{ #{point.id} }}", 1)[1].split("\n## ", 1)[0]
            dates = re.findall(r'^- <time datetime="([^"]+)">', section, re.M)
            assert len(dates) == len(point.data["events"]) and dates == sorted(dates), (lang, point.id, dates)
