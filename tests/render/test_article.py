"""The converter repairs the scrape by rule, and the translation is checked against the source."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from explainer.article.convert import load_article, paragraph_digest, parse_article
from explainer.article.translation import load_translation
from explainer.problems import InputError
from explainer.registry import EN

SOURCE = Path("seeds/article/000_d9ddb1bf6354f5a4.txt")
SHARED_SOURCE = Path(__file__).resolve().parents[3] / "shared" / "seeds" / SOURCE.name


def test_source_is_the_shared_article_byte_for_byte() -> None:
    if not SHARED_SOURCE.exists():
        pytest.skip("no ../shared/seeds beside this clone")
    assert SOURCE.read_bytes() == SHARED_SOURCE.read_bytes()


def test_paragraph_broken_mid_sentence_is_joined() -> None:
    article = parse_article("# T\n\n甲说了一半,并在\n\n12月说完了。\n\n第二段。\n")
    assert [p.text for p in article.paragraphs] == ["甲说了一半,并在12月说完了。", "第二段。"]


def test_trailing_boilerplate_without_a_sentence_is_dropped() -> None:
    article = parse_article("# T\n\n正文。\n\n一起了解更多  \n3C前沿资讯")
    assert [p.text for p in article.paragraphs] == ["正文。"]
    assert article.dropped == ("一起了解更多3C前沿资讯",)


def test_real_article_structure() -> None:
    article = load_article(SOURCE)
    assert article.title == "群雄并起,国产大模型是“争”还是“乱”"
    assert article.byline == "新快报记者 郑志辉"
    assert [s.heading for s in article.sections] == [
        "5000万美元就能上车?!",
        "A股有人在裸泳",
        "大厂MaaS才是终局?",
        "链接",
    ]
    assert [p.id for p in article.paragraphs] == [f"p{n}" for n in range(1, 33)]
    assert "并在12月提出了具有1.2万亿参数的GLaM" in article.paragraph("p26").text
    assert "提升了一个量级" in article.paragraph("p28").text
    assert "AIGC概念股股价翻番" in article.paragraph("p31").text
    assert article.dropped == ("一起了解更多3C前沿资讯",)


def test_every_character_of_the_article_body_is_kept() -> None:
    """Only whitespace, the heading marks, the byline mark and the dropped boilerplate may disappear."""
    article = load_article(SOURCE)
    kept = article.title + "".join(s.heading for s in article.sections) + article.byline
    kept += "".join(p.text for p in article.paragraphs) + "".join(article.dropped)
    source = SOURCE.read_text(encoding="utf-8")
    expected = "".join(source.split()).replace("#", "").replace("■", "")
    assert sorted("".join(kept.split())) == sorted(expected)


def test_translation_covers_every_paragraph() -> None:
    article = load_article(SOURCE)
    english = load_translation(Path("seeds/article/translation.en.yaml"), article, EN)
    assert set(english) == {"title", "byline", "s1", "s2", "s3", "s4"} | {p.id for p in article.paragraphs}
    assert all(text.strip() for text in english.values())


def test_missing_translation_is_reported_with_its_key(tmp_path: Path) -> None:
    article = load_article(SOURCE)
    lines = Path("seeds/article/translation.en.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("p7:\n")
    end = lines.index("p8:\n") - 2  # keep p8's comment line
    broken = tmp_path / "translation.en.yaml"
    broken.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")

    with pytest.raises(InputError) as caught:
        load_translation(broken, article, EN)

    assert "'p7' has no English translation" in str(caught.value)


def test_changed_source_paragraph_makes_its_translation_stale(tmp_path: Path) -> None:
    text = SOURCE.read_text(encoding="utf-8").replace("商汤科技发布日日新", "商汤科技正式发布日日新")
    article = parse_article(text)
    shutil.copyfile("seeds/article/translation.en.yaml", tmp_path / "t.yaml")

    with pytest.raises(InputError) as caught:
        load_translation(tmp_path / "t.yaml", article, EN)

    (problem,) = caught.value.problems
    assert problem.message == "the Chinese text of 'p2' changed after it was translated"
    assert paragraph_digest(article.paragraph("p2").text) in problem.hint
