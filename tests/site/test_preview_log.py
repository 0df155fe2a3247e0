"""`make serve` is quiet: one line of ours per rebuild (what changed, time, problems), and a busy port in one line."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest

from explainer import serve
from explainer.preview_log import PreviewLog

# What MkDocs, jieba and Material print for one build under `mkdocs serve --dirty`, abridged.
FIRST_BUILD = """\
INFO    -  Building documentation...
Building prefix dict from the default dictionary ...
Loading model from cache /tmp/jieba.cache
Loading model cost 0.625 seconds.
Prefix dict has been built successfully.
WARNING -  A 'dirty' build is being performed, this will likely lead to inaccurate navigation.
INFO    -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - companies/alibaba-cloud.md
  - companies/baidu.md
INFO    -  Documentation built in 2.79 seconds
INFO    -  [05:19:14] Watching paths for changes: 'build/docs/zh', 'languages/zh/mkdocs.yml'
INFO    -  [05:19:14] Serving on http://127.0.0.1:8000/
"""
REBUILD = """\
INFO    -  Detected file changes
INFO    -  Building documentation...
WARNING -  A 'dirty' build is being performed, this will likely lead to inaccurate navigation.
INFO    -  The following pages exist in the docs directory, but are not included in the "nav" configuration:
  - companies/alibaba-cloud.md
WARNING -  Doc file 'article.md' contains a link 'nowhere.md', but the target is not found among documentation files.
INFO    -  Documentation built in 0.71 seconds
INFO    -  Reloading browsers
"""


def _feed(log: PreviewLog, text: str) -> None:
    for line in text.splitlines(keepends=True):
        log.mkdocs_line(line)


def test_the_first_build_is_one_line_with_the_address() -> None:
    out = io.StringIO()
    log = PreviewLog("127.0.0.1:8000", "zh", out)
    _feed(log, FIRST_BUILD)
    lines = out.getvalue().splitlines()
    assert len(lines) == 1
    assert "http://127.0.0.1:8000/" in lines[0] and "no problems" in lines[0]


def test_a_rebuild_is_one_line_naming_the_file_the_time_and_its_problems() -> None:
    out = io.StringIO()
    log = PreviewLog("127.0.0.1:8000", "zh", out)
    _feed(log, FIRST_BUILD)
    log.regenerated(["seeds/facts/companies/baidu.yaml"], 0.4, [], pages_changed=True)
    _feed(log, REBUILD)
    ours, problem = out.getvalue().splitlines()[1:]
    assert ours.endswith("seeds/facts/companies/baidu.yaml: rebuilt in 1.1 s, 1 problem")
    assert (
        problem
        == "  warning: Doc file 'article.md' contains a link 'nowhere.md', but the target is not found among documentation files."
    )


def test_a_mistake_in_a_fact_file_is_one_line_and_its_problems() -> None:
    out = io.StringIO()
    log = PreviewLog("127.0.0.1:8000", "zh", out)
    error = "seeds/facts/companies/baidu.yaml:3:1: error: unknown field 'foundedd' (did you mean 'founded'?)"
    log.regenerated(["seeds/facts/companies/baidu.yaml"], 0.3, [error], pages_changed=False)
    assert out.getvalue().splitlines()[1:] == [f"  {error}"]
    assert "1 problem; the preview keeps the last good pages" in out.getvalue().splitlines()[0]


def test_a_busy_port_is_one_line_naming_it_and_port(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert serve.serve(Path("seeds/facts"), "zh", port) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"port {port} is in use on 127.0.0.1; choose another: make serve PORT={port + 1}\n"
