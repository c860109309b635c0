"""Live preview latency: how long after an editor saves a YAML file ``mkdocs serve --strict`` shows the change.

The server runs in a child process; a thread stamps every line it writes, so the phases (change detected,
rebuild, browsers reloaded) are read from the server's own log, and the served page is polled until it
shows the new sentence.
"""

from __future__ import annotations

import dataclasses
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Sequence
from pathlib import Path

from bench import log
from bench.synthetic import make_site
from macros.engine import focus as focus_module
from macros.engine import run


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class _ServerLog:
    """Every line the server writes, with the time it arrived."""

    def __init__(self, stream: Iterable[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self._cond = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: Iterable[str]) -> None:
        for line in stream:
            with self._cond:
                self.lines.append((time.perf_counter(), line.rstrip()))
                self._cond.notify_all()

    def _tail(self) -> str:
        return "\n".join(text for _, text in self.lines[-40:])

    def wait_for(self, needle: str, after: float, timeout: float) -> float:
        """When the server first wrote ``needle`` after ``after``; SystemExit on an error or a timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for stamp, line in self.lines:
                    if stamp >= after and ("ERROR" in line or "Aborted" in line):
                        raise SystemExit("mkdocs serve fejlede:\n" + self._tail())
                    if stamp >= after and needle in line:
                        return stamp
                left = deadline - time.monotonic()
                if left <= 0:
                    raise SystemExit(f"mkdocs serve skrev ikke '{needle}' inden for {timeout:.0f} s:\n" + self._tail())
                self._cond.wait(left)


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@dataclasses.dataclass
class ServeResult:
    strategies: int
    startup: float
    detect: list[float]
    rebuild: list[float]
    total: list[float]
    visible: list[float]
    failure: str = ""  # what the server said if a rebuild failed
    focus: str = ""  # the strategy previewed alone (make serve STRATEGI=<id>), or "" for the whole site


def _stop(proc: subprocess.Popen[str]) -> None:
    """Ctrl-C, as a user stops the server; killed if it has not stopped within 30 s."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def bench_serve(strategies: int, repeat: int, work: Path, sentences: Sequence[str], focus: bool = False) -> ServeResult:
    """Edit one sentence in one strategy while ``mkdocs serve --strict`` runs; time until it is rebuilt.

    ``focus``: preview only that strategy, as ``make serve STRATEGI=<id>`` does (macros/engine/focus.py).
    """
    log(f"\n== mkdocs serve --strict, {strategies} strategier{', én strategi' if focus else ''} ==")
    site = make_site(work / f"serve-{strategies}", strategies, sentences)
    port = free_port()
    page_url = f"http://127.0.0.1:{port}/" + urllib.parse.quote(site.theme_url)
    command = run.command("serve", "--strict", "-f", str(site.config), "-a", f"127.0.0.1:{port}")
    only = {focus_module.VARIABLE: site.first_strategy} if focus else {}
    start = time.perf_counter()
    proc = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        bufsize=1,
        cwd=site.root,
        env={**run.environment(), **only},
    )
    assert proc.stdout is not None
    server = _ServerLog(proc.stdout)
    result = ServeResult(strategies, 0.0, [], [], [], [], focus=site.first_strategy if focus else "")
    data_file = site.root / "data" / "strategier" / f"{site.first_strategy}.yml"
    original = data_file.read_text(encoding="utf-8")
    try:
        serving = server.wait_for("Serving on", start, 900)
        while _get(page_url) is None:
            time.sleep(0.05)
        result.startup = serving - start
        log(f"  klar efter {result.startup:.1f} s")
        assert site.first_goal in original
        for k in range(1, repeat + 1):
            marker = f"(ændring {k})"
            time.sleep(1.5)  # let the watcher settle between edits
            t0 = time.perf_counter()
            data_file.write_text(
                original.replace(site.first_goal, site.first_goal.rstrip(".") + f" {marker}.", 1), encoding="utf-8"
            )
            while marker not in (_get(page_url) or ""):
                time.sleep(0.02)
            visible = time.perf_counter() - t0
            detected = server.wait_for("Detected file changes", t0, 300)
            building = server.wait_for("Building documentation", t0, 300)
            done = server.wait_for("Reloading browsers", t0, 900)
            result.detect.append(detected - t0)
            result.rebuild.append(done - building)
            result.total.append(done - t0)
            result.visible.append(visible)
            log(
                f"  [{k}/{repeat}] ændring opdaget {detected - t0:.2f} s, genopbygning {done - building:.2f} s, "
                f"færdig {done - t0:.2f} s efter gem (siden viste ændringen efter {visible:.2f} s)"
            )
    except SystemExit as error:  # keep the build figures; report what the server said
        result.failure = str(error)
        log(f"  {error}")
    finally:
        data_file.write_text(original, encoding="utf-8")
        _stop(proc)
    return result
