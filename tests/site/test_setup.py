"""Setting up anywhere: the Python check and the .venv made again, the browser found, the edit links' repository,
and the site address reaching both languages."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

from explainer import build, chromium
from explainer.registry import LANGUAGES
from explainer.repository import edit_base


def _program(path: Path, script: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def _make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", *args], capture_output=True, text=True, timeout=60)


def test_too_old_a_python_is_named_with_its_version_and_the_way_out(tmp_path: Path) -> None:
    old = _program(tmp_path / "python3.10", 'case "$2" in *version_info*) exit 1;; *) echo 3.10.12;; esac\n')
    result = _make("check", f"PYTHON={old}", f"VENV={tmp_path / 'venv'}")
    assert result.returncode != 0
    assert "Python 3.10.12" in result.stderr and "3.11 or newer" in result.stderr and "PYTHON=" in result.stderr
    assert not (tmp_path / "venv").exists()


def test_a_venv_made_by_another_python_is_made_again(tmp_path: Path) -> None:
    # A stand-in Python: it passes the version check, says who it is, and makes venvs of itself that do nothing.
    script = """case "$*" in
  *version_info*) exit 0;;
  *base_prefix*) echo "/opt/python-b 3.11.9";;
  "-m venv "*) mkdir -p "$3/bin" && cp "$0" "$3/bin/python";;
esac
"""
    python_b = _program(tmp_path / "python-b", script)
    venv = tmp_path / "venv"
    _program(venv / "bin" / "python", 'echo "/opt/python-a 3.11.2"\n')
    (venv / "made-by-a").touch()

    result = _make("venv", f"PYTHON={python_b}", f"VENV={venv}")

    assert result.returncode == 0, result.stderr
    assert "was made by another Python; making it again" in result.stderr
    assert not (venv / "made-by-a").exists()
    assert (venv / "requirements.installed").read_text() == Path("requirements.txt").read_text()


def test_the_browser_named_by_chromium_comes_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    named = _program(tmp_path / "named" / "my-chrome", "")
    _program(tmp_path / "path" / "chromium", "")
    monkeypatch.setenv("PATH", str(tmp_path / "path"))
    monkeypatch.setenv("CHROMIUM", str(named))
    assert chromium.find_browser() == named
    monkeypatch.delenv("CHROMIUM")
    assert chromium.find_browser() == tmp_path / "path" / "chromium"


@pytest.mark.parametrize("name", ["chromium-browser", "google-chrome"])
def test_a_browser_on_path_is_found_by_its_usual_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    _program(tmp_path / name, "")
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    assert chromium.find_browser() == tmp_path / name


def test_with_no_browser_one_paragraph_says_where_it_looked_and_how_to_get_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("CHROMIUM", raising=False)
    monkeypatch.setattr(chromium, "_installed_by_playwright", lambda: None)
    with pytest.raises(chromium.NoBrowser) as missing:
        chromium.find_browser()
    message = str(missing.value)
    words = " ".join(message.split())
    assert "\n\n" not in message
    for needed in ("CHROMIUM", "chromium-browser", "google-chrome", "Playwright", "apt-get install chromium"):
        assert needed in words


def test_make_browser_never_installs_anything_as_a_normal_user() -> None:
    makefile = Path("Makefile").read_text(encoding="utf-8")
    install = makefile[makefile.index("\nbrowser:") :].split("\n\n")[0]
    assert "apt-get" in install
    assert '[ "$$(id -u)" = 0 ] && [ -f /etc/debian_version ]' in install
    assert "sudo" not in makefile


def test_edit_links_come_from_pyproject_unless_the_environment_names_a_repository() -> None:
    assert edit_base({}) == "https://github.com/baimo-explainer/baimo-explainer/edit/main/"
    fork = {"REPO_URL": "https://github.com/someone/fork/", "REPO_BRANCH": "draft"}
    assert edit_base(fork) == "https://github.com/someone/fork/edit/draft/"


def test_make_site_passes_site_url_on_and_both_languages_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    dry_run = _make("-n", "site", "SITE_URL=https://owner.github.io/repo/")
    assert "--site-url 'https://owner.github.io/repo/'" in dry_run.stdout
    for language in LANGUAGES:
        monkeypatch.delenv(f"SITE_URL_{language.env_suffix}", raising=False)
    for given, environment in (("https://owner.github.io/repo", {}), (None, {"SITE_URL": "https://h/x/"})):
        monkeypatch.setattr(os, "environ", {**os.environ, **environment})
        env = build.mkdocs_environment(given, build.DOCS_OUT)
        root = given + "/" if given else "https://h/x/"
        assert {env[f"SITE_URL_{language.env_suffix}"] for language in LANGUAGES} == {
            root + language.prefix for language in LANGUAGES
        }
