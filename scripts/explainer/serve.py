"""Live preview: MkDocs serves one language; a file change under seeds/, docs/ or the templates regenerates.

The generator rewrites only the pages whose text changed, and MkDocs, watching the generated
folder, rebuilds and reloads the browser. A contributor's mistake is printed and the preview keeps
the last good pages.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .build import DOCS_OUT, LANGUAGE_CONFIGS
from .generate import generate
from .problems import InputError
from .render.site import TEMPLATE_DIR, forget_templates

WATCHED = (Path("seeds"), Path("docs"), TEMPLATE_DIR, Path("schemas"))
CHANGES = {"created", "modified", "deleted", "moved", "closed"}  # "closed" after writing, not after reading
QUIET_SECONDS = 0.2  # editors save in bursts; wait for the burst to end


def _regenerate(facts: Path, templates_changed: bool) -> None:
    started = time.perf_counter()
    if templates_changed:
        forget_templates()
    try:
        generate(facts, DOCS_OUT)
    except InputError as err:
        print("\n".join(str(p) for p in err.problems), file=sys.stderr)
        print("the preview keeps the last good pages", file=sys.stderr)
        return
    print(f"regenerated in {time.perf_counter() - started:.2f} s", file=sys.stderr)


class _Debounced(FileSystemEventHandler):
    def __init__(self, facts: Path):
        self.facts = facts
        self.timer: threading.Timer | None = None
        self.templates_changed = False

    def on_any_event(self, event: FileSystemEvent) -> None:
        # Reading a file raises "opened" and "closed" events too; only writes call for a rebuild.
        if event.event_type not in CHANGES or event.is_directory:
            return
        if str(event.src_path).endswith((".tmp", "~", ".swp")):
            return
        if self.timer:
            self.timer.cancel()
        self.templates_changed |= Path(str(event.src_path)).resolve().is_relative_to(TEMPLATE_DIR)
        self.timer = threading.Timer(QUIET_SECONDS, self._fire)
        self.timer.start()

    def _fire(self) -> None:
        changed, self.templates_changed = self.templates_changed, False
        _regenerate(self.facts, changed)


def serve(facts: Path, lang: str, port: int) -> int:
    generate(facts, DOCS_OUT)
    observer = Observer()
    handler = _Debounced(facts)
    for folder in WATCHED:
        if folder.exists():
            observer.schedule(handler, str(folder), recursive=True)
    observer.start()
    address = f"127.0.0.1:{port}"
    # --dirty rebuilds only the pages the generator rewrote; `make site` is always a full, strict build.
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(LANGUAGE_CONFIGS[lang]), "-a", address]
    mkdocs = subprocess.Popen(command)
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


def start_preview(facts: Path, lang: str, port: int) -> subprocess.Popen[bytes]:
    """`make serve` as a child process, quiet, in a session of its own: the benchmark and the tests stop it and
    the MkDocs server it starts with one signal to the session (os.killpg)."""
    env = {**os.environ, "PYTHONPATH": "scripts", "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "explainer", "serve", "--facts", str(facts), "--lang", lang, "--port", str(port)]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
