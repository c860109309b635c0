"""Site search: run Pagefind over the built site at the end of every build.

Pagefind splits its index into small fragments that the browser fetches only for the words a reader
types, so the first search costs about the same at four strategies as at a thousand (Material's lunr
index was fetched whole: 5 MB at 1,000 strategies). It stems Danish from ``<html lang="da">``; we also
force Danish so a page that forgets the attribute is not indexed as another language.

What is indexed is decided in the theme (overrides/main.html): only the article, marked
``data-pagefind-body``; aggregate pages carry a lower ``data-pagefind-weight``; the result title
comes from a ``data-pagefind-meta`` element. Hidden explanation text (``[hidden]`` elements and
``<template>``, such as the glossary explanations behind terms) is excluded here, by selector, so
no template has to remember it.

A build hands Pagefind every page's article before the theme renders the pages (``StreamingIndex``,
Pagefind's service mode, fed by the plugin's ``on_env`` with ``ARTICLE_TEMPLATE`` rendered on its own):
Pagefind indexes and writes its bundle on the second core while MkDocs renders, so a build hardly waits for
it. ``mkdocs serve`` runs the command line over the finished site in the background instead.

The browser side is overrides/assets/javascripts/search.js. Under a Content-Security-Policy the
search needs ``script-src 'self' 'wasm-unsafe-eval'`` (Pagefind's WebAssembly) and ``connect-src 'self'``.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import json
import os
import queue
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from .. import urls

BUNDLE_DIR = "pagefind"
LANGUAGE = "da"
# Never indexed: hidden explanation text and templates (their text is not on the page until used).
EXCLUDE_SELECTORS = ("[hidden]", "template", "[data-search-exclude]")
FRAGMENT_SIGNATURE = b"pagefind_dcd"
# The theme's partial with the searched part of a page (data-pagefind-body); main.html includes it.
ARTICLE_TEMPLATE = "partials/ks-article.html"


class SearchIndexError(PluginError):
    """Pagefind could not index the site; MkDocs shows the message (Danish, says what to do), no traceback."""


# Pages that gather many topics rank below the topic's own pages (Pagefind's data-pagefind-weight).
AGGREGATE_URLS = ("", urls.STRATEGIES, urls.GLOSSARY, urls.PARTICIPATION)  # and every guide
AGGREGATE_WEIGHT = "0.3"


@dataclass(frozen=True)
class PageSearch:
    """What the search knows of a page beyond its text: its result title and its weight."""

    title: Markup  # escaped text: "Page – Strategy – Municipality", without the site's name
    weight: str | None


def page_search(url: str, html_title: Markup, site_name: str) -> PageSearch:
    """A result names the municipality: the document title (macros/engine/titles.py) less the site's name."""
    title = Markup(str(html_title).removesuffix(str(Markup(" – ") + escape(site_name))))
    aggregate = url in AGGREGATE_URLS or url.startswith(urls.GUIDES)
    return PageSearch(title, AGGREGATE_WEIGHT if aggregate else None)


def document(html_title: Markup, article: str) -> str:
    """The page Pagefind is handed: the document title and the rendered article (``ARTICLE_TEMPLATE``).

    Pagefind reads only ``data-pagefind-body`` and the elements in it, so this indexes as the whole page does.
    """
    return (
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"><title>{html_title}</title></head>'
        f"<body>{article}</body></html>"
    )


def executable() -> Path:
    """The Pagefind binary shipped by the ``pagefind[bin]`` package (installed from requirements.lock)."""
    try:
        from pagefind_bin import get_executable  # type: ignore[import-untyped]
    except ImportError as error:
        raise SearchIndexError(
            "Søgningen kan ikke bygges: Python-pakken 'pagefind[bin]' mangler. "
            "Kør `make` (eller `pip install -r requirements.lock`) og byg igen."
        ) from error
    return Path(get_executable())


def command(site_dir: Path) -> list[str]:
    """The Pagefind command line for one built site (kept separate so tests and the benchmark can read it)."""
    args = [
        str(executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--force-language",
        LANGUAGE,
        "--silent",
    ]
    for selector in EXCLUDE_SELECTORS:
        args += ["--exclude-selectors", selector]
    return args


def index_site(site_dir: Path, *, serving: bool = False) -> Path:
    """Index the built site in place; returns the bundle folder (``<site>/pagefind``).

    The old bundle is removed first so a page deleted since the last build cannot still be found.
    While serving (``mkdocs serve``), Pagefind runs in the background instead: it takes about 0.1 s on
    today's site but 2 s at 100 strategies and 22 s at 1,000, which the preview must not wait for;
    search in the preview then follows a moment after the page. A run still going from the previous
    save is stopped first.
    """
    site_dir = Path(site_dir)
    bundle = site_dir / BUNDLE_DIR
    _stop_background()
    if bundle.exists():
        shutil.rmtree(bundle, ignore_errors=serving)
    if serving:
        global _background
        _background = subprocess.Popen(command(site_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return bundle
    result = subprocess.run(command(site_dir), capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (bundle / "pagefind.js").is_file():
        detail = (result.stderr or result.stdout).strip()
        raise SearchIndexError(
            f"Søgningen kunne ikke bygges for {site_dir} (Pagefind afsluttede med kode {result.returncode}). "
            f"Ret fejlen nedenfor, eller skriv til udviklerne med den:\n{detail}"
        )
    return bundle


_background: subprocess.Popen[bytes] | None = None


class StreamingIndex:
    """Pagefind's service mode (``pagefind --service``): pages are added one by one, then the bundle is written.

    The protocol is Pagefind's own (its Python package speaks it with asyncio and polls every 0.1 s):
    requests and responses are base64-encoded JSON objects, each followed by a comma. One thread writes the
    requests and one reads the answers, so neither side waits on a full pipe; the build waits in ``finish``,
    and only otherwise if the pages handed over but not yet taken by Pagefind pass ``MAX_PENDING`` characters
    (the plugin hands over every article at once). The result is the same bundle the command line writes
    for the same pages (tests/unit/test_search_index.py, tests/site/test_search_bundle.py).
    """

    WAIT = 600.0  # seconds; a build never hangs on a Pagefind that stopped answering
    # Pages waiting for Pagefind, in characters: a site's articles fit (about 60 MB at 1,000 strategies); a
    # Pagefind that falls further behind slows the build down instead of filling the memory.
    MAX_PENDING = 256 * 1024 * 1024

    def __init__(self) -> None:
        # Pagefind's messages, read if it fails; the file goes when this object does.
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115
        self._process = subprocess.Popen(
            [str(executable()), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr
        )
        self._lock = threading.Lock()
        self._answers: dict[int, dict[str, Any]] = {}
        self._answered = threading.Condition(self._lock)
        self._errors: list[str] = []
        self._sent = 0
        self._closed = False
        self._outbox: queue.SimpleQueue[tuple[dict[str, Any], int] | None] = queue.SimpleQueue()
        self._pending = 0  # characters in the outbox (MAX_PENDING)
        self._room = threading.Condition()
        self._reader = threading.Thread(target=self._read, name="pagefind-read", daemon=True)
        self._writer = threading.Thread(target=self._write, name="pagefind-write", daemon=True)
        self._reader.start()
        self._writer.start()
        config = {"force_language": LANGUAGE, "exclude_selectors": list(EXCLUDE_SELECTORS)}
        self._new_index = self._send({"type": "NewIndex", "config": config})
        self._index_id: int | None = None
        self._bundle = Path()
        self._written = 0

    def _send(self, payload: dict[str, Any]) -> int:
        """Queue a request; the writer thread sends it, so the build never waits on a full pipe."""
        self._sent += 1
        size = len(payload.get("file_contents", ""))
        with self._room:
            if not self._room.wait_for(
                lambda: self._pending + size <= self.MAX_PENDING or not self._pending, self.WAIT
            ):
                raise SearchIndexError(
                    f"Søgningen kunne ikke bygges: Pagefind har ikke taget imod en side i {self.WAIT:.0f} sekunder. "
                    "Byg igen; sker det igen, så skriv til udviklerne."
                )
            self._pending += size
        self._outbox.put(({"message_id": self._sent, "payload": payload}, size))
        return self._sent

    def _write(self) -> None:
        stdin = self._process.stdin
        assert stdin is not None
        broken = False
        while (item := self._outbox.get()) is not None:
            request, size = item
            try:
                if not broken:  # after a break, keep taking requests: the build never waits on a stopped Pagefind
                    stdin.write(base64.b64encode(json.dumps(request).encode("utf-8")) + b",")
                    stdin.flush()  # Pagefind indexes this page while the next ones render
            except (BrokenPipeError, ValueError):
                self._errors.append("Pagefind stoppede undervejs.")
                broken = True
            finally:
                with self._room:
                    self._pending -= size
                    self._room.notify_all()

    def _read(self) -> None:
        assert self._process.stdout is not None
        buffer = b""
        while chunk := os.read(self._process.stdout.fileno(), 1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            with self._lock:
                for raw in messages:
                    try:
                        answer = json.loads(base64.b64decode(raw)) if raw.strip() else None
                    except ValueError:  # not a Pagefind answer (binascii.Error and JSONDecodeError are both)
                        self._errors.append(raw.decode("utf-8", "replace")[:200])
                        continue
                    if not answer:
                        continue
                    payload = answer.get("payload") or {}
                    if payload.get("type") == "Error":
                        self._errors.append(str(payload.get("original_message") or payload.get("message")))
                    if answer.get("message_id") is not None:
                        self._answers[answer["message_id"]] = payload
                self._answered.notify_all()
        with self._lock:
            self._closed = True
            self._answered.notify_all()

    def _wait(self, message_id: int) -> dict[str, Any]:
        with self._lock:
            done = self._answered.wait_for(lambda: message_id in self._answers or self._closed, self.WAIT)
            return self._answers.get(message_id, {}) if done else {}

    def add(self, html: str, dest_uri: str) -> None:
        """One page's HTML (a whole page, or ``document()``) and the file MkDocs writes it to, for its URL."""
        if self._index_id is None:
            self._index_id = self._wait(self._new_index).get("index_id")
            if self._index_id is None:
                self._errors.append("Pagefind startede ikke et indeks.")
                return
        self._send({"type": "AddFile", "index_id": self._index_id, "file_path": dest_uri, "file_contents": html})

    def write(self, site_dir: Path) -> None:
        """Start writing the bundle to ``<site>/pagefind`` (the old one removed first); ``finish`` waits."""
        self._bundle = Path(site_dir) / BUNDLE_DIR
        if self._bundle.exists():
            shutil.rmtree(self._bundle)
        if self._index_id is None:
            self._index_id = self._wait(self._new_index).get("index_id")
        self._written = self._send({"type": "WriteFiles", "index_id": self._index_id, "output_path": str(self._bundle)})

    def finish(self) -> Path:
        """Wait until the bundle is written, stop Pagefind, and say in Danish what went wrong if it failed."""
        answer = self._wait(self._written)
        self.close()
        if answer.get("type") != "WriteFiles" or self._errors or not (self._bundle / "pagefind.js").is_file():
            self._stderr.seek(0)
            detail = "\n".join([*self._errors, self._stderr.read().decode("utf-8", "replace").strip()]).strip()
            raise SearchIndexError(
                f"Søgningen kunne ikke bygges for {self._bundle.parent} (Pagefind). "
                f"Ret fejlen nedenfor, eller skriv til udviklerne med den:\n{detail or 'Pagefind svarede ikke.'}"
            )
        return self._bundle

    def close(self) -> None:
        """Stop Pagefind (also after a failed build, where nothing is written)."""
        self._outbox.put(None)
        self._writer.join(timeout=self.WAIT)
        if self._process.stdin is not None and not self._process.stdin.closed:
            with contextlib.suppress(BrokenPipeError):
                self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._reader.join(timeout=10)


def _stop_background() -> None:
    """Stop a background Pagefind run from an earlier save (serve only) before the next one starts."""
    global _background
    if _background is not None and _background.poll() is None:
        _background.terminate()
        _background.wait(timeout=10)
    _background = None


def wait_for_background(timeout: float = 120) -> None:
    """Wait until a background run has finished (tests, and a clean exit)."""
    if _background is not None:
        _background.wait(timeout=timeout)


def indexed_pages(site_dir: Path) -> list[dict[str, Any]]:
    """What Pagefind indexed, page by page (its fragments: url, content, meta), for tests and the benchmark.

    Each fragment is gzip-compressed JSON behind a ``pagefind_dcd`` signature; reading them shows
    exactly the text a reader can find, without a browser.
    """
    pages = []
    for fragment in sorted((Path(site_dir) / BUNDLE_DIR / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(fragment.read_bytes())
        pages.append(json.loads(raw[len(FRAGMENT_SIGNATURE) :] if raw.startswith(FRAGMENT_SIGNATURE) else raw))
    return pages
