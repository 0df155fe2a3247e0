"""Live preview: MkDocs serves one language; a file change under seeds/, docs/ or the templates regenerates.

The generator rewrites only the pages whose text changed, and MkDocs, watching the generated
folder, rebuilds and reloads the browser. A contributor's mistake is printed and the preview keeps
the last good pages. What is printed is ours, one line per rebuild (preview_log.py), not MkDocs' log.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .build import mkdocs_environment
from .generate import print_notes
from .mkdocs_config import config_path
from .preview_log import PreviewLog
from .problems import InputError, display_path
from .regenerate import Regenerator
from .registry import DOCS_OUT
from .render.site import TEMPLATE_DIR

WATCHED = (Path("seeds"), Path("docs"), TEMPLATE_DIR, Path("schemas"))
CHANGES = {"created", "modified", "deleted", "moved", "closed"}  # "closed" after writing, not after reading
QUIET_SECONDS = 0.1  # editors save in bursts; wait for the burst to end


def _page_times(docs_out: Path, lang: str) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in (docs_out / lang).rglob("*") if p.is_file()}


def _regenerate(regenerator: Regenerator, saved: list[Path]) -> tuple[float, list[str], bool]:
    """Generate again: the seconds it took, the problems found, and whether a page was rewritten. An edited
    template, schema or strings table is read again by the generator itself (filecache.py)."""
    started = time.perf_counter()
    before = _page_times(regenerator.docs_out, regenerator.lang)
    try:
        regenerator.run(saved)
    except InputError as err:
        return time.perf_counter() - started, [str(p) for p in err.problems], False
    seconds = time.perf_counter() - started
    return seconds, [], _page_times(regenerator.docs_out, regenerator.lang) != before


class _Debounced(FileSystemEventHandler):
    def __init__(self, regenerator: Regenerator, log: PreviewLog | None = None):
        self.regenerator = regenerator
        self.log = log
        self.timer: threading.Timer | None = None
        self.changed: set[str] = set()

    def on_any_event(self, event: FileSystemEvent) -> None:
        # Reading a file raises "opened" and "closed" events too; only writes call for a rebuild.
        if event.event_type not in CHANGES or event.is_directory:
            return
        if str(event.src_path).endswith((".tmp", "~", ".swp")):
            return
        if self.timer:
            self.timer.cancel()
        # An editor (or sed -i) writes a temporary file and moves it over the real one: name the real one.
        saved = event.dest_path if event.event_type == "moved" else event.src_path
        self.changed.add(display_path(Path(str(saved))))
        self.timer = threading.Timer(QUIET_SECONDS, self._fire)
        self.timer.start()

    def _fire(self) -> None:
        changed, self.changed = sorted(self.changed), set()
        changed = [name for name in changed if Path(name).exists()] or changed  # temporary files are gone
        outcome = _regenerate(self.regenerator, [Path(name) for name in changed])
        if self.log and outcome:
            self.log.regenerated(changed, *outcome)


def _read_into(output: IO[str], log: PreviewLog) -> None:
    for line in output:
        log.mkdocs_line(line)


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def serve(facts: Path, lang: str, port: int, docs_out: Path = DOCS_OUT) -> int:
    if not _port_free(port):
        print(f"port {port} is in use on 127.0.0.1; choose another: make serve PORT={port + 1}", file=sys.stderr)
        return 1
    address = f"127.0.0.1:{port}"
    log = PreviewLog(address, lang)
    regenerator = Regenerator(facts, lang, docs_out)
    regenerator.run()  # MkDocs serves this language only
    print_notes(regenerator.inputs)
    observer = Observer()
    handler = _Debounced(regenerator, log)
    for folder in WATCHED:
        if folder.exists():
            observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    # --dirty rebuilds only the pages the generator rewrote; `make site` is always a full, strict build.
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(config_path(lang)), "-a", address]
    env = {**mkdocs_environment(None, docs_out), "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
    mkdocs = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    threading.Thread(target=_read_into, args=(mkdocs.stdout, log), daemon=True).start()
    # Stopped by a signal, the preview stops its MkDocs server too, rather than leave it serving and polling.
    signal.signal(signal.SIGTERM, lambda *_: mkdocs.terminate())
    try:
        return mkdocs.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        if mkdocs.poll() is None:
            mkdocs.terminate()
            mkdocs.wait(timeout=30)
        observer.stop()
        observer.join()


def start_preview(
    facts: Path, lang: str, port: int, docs_out: Path = DOCS_OUT, cwd: Path | None = None
) -> subprocess.Popen[bytes]:
    """`make serve` as a child process, quiet, in a session of its own, run in `cwd` (a copy of the project, say):
    the benchmark and the tests stop it and the MkDocs server it starts with one signal to the session
    (os.killpg)."""
    env = {**os.environ, "PYTHONPATH": "scripts", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "explainer", "serve", "--facts", str(facts), "--lang", lang, "--port", str(port)]
    command += ["--out", str(docs_out)]
    return subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
