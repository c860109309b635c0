"""What a reader's browser fetches from a built site: the first visit to the front page and the first search.

The built site is served on a local port and loaded in headless Chromium (Debian's /usr/bin/chromium, through
Playwright), as the browser tests do. Bytes are the gzip sizes (level 9) of the files the browser requested,
so they compare with tests/browser/test_page_weight.py; the search time runs from the first typed key to the
first result on screen (it includes the search field's 150 ms pause before it searches).
"""

from __future__ import annotations

import dataclasses
import functools
import gzip
import http.server
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
QUERY = "fællesskabet"  # a word on many pages of every synthetic site (its sentences come from the seeds)
FIRST_VISIT_BUDGET = 60 * 1024  # issue 15
FIRST_SEARCH_BUDGET = 200 * 1024
FIRST_RESULTS_BUDGET = 1.0  # seconds, at 1,000 strategies


@dataclasses.dataclass
class ReaderFigures:
    first_visit_bytes: int = 0
    first_visit_files: int = 0
    search_bytes: int = 0
    search_files: int = 0
    search_seconds: float = 0.0
    query: str = QUERY
    failure: str | None = None


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _file_for(site_dir: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path).lstrip("/")
    target = site_dir / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def _gz(site_dir: Path, urls: list[str]) -> int:
    files = [_file_for(site_dir, url) for url in urls]
    return sum(len(gzip.compress(f.read_bytes(), 9, mtime=0)) for f in files if f.is_file())


def measure(site_dir: Path, query: str = QUERY) -> ReaderFigures:
    """First visit and first search on the site in ``site_dir``; a failure is reported, not raised."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return ReaderFigures(failure="Playwright er ikke installeret (make test installerer det)")
    if not Path(CHROMIUM).exists():
        return ReaderFigures(failure=f"{CHROMIUM} findes ikke (make chromium installerer Debians chromium)")
    handler = functools.partial(_Quiet, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
            try:
                return _visit_and_search(browser, root, site_dir, query)
            finally:
                browser.close()
    except Exception as error:  # the benchmark reports what went wrong and goes on
        return ReaderFigures(failure=f"{type(error).__name__}: {error}".splitlines()[0])
    finally:
        server.shutdown()
        server.server_close()


def _visit_and_search(browser: object, root: str, site_dir: Path, query: str) -> ReaderFigures:
    context = browser.new_context(viewport={"width": 390, "height": 844})  # type: ignore[attr-defined]
    page = context.new_page()
    loaded: list[str] = []
    page.on("requestfinished", lambda request: loaded.append(request.url))
    page.goto(root, wait_until="networkidle")
    figures = ReaderFigures(query=query, first_visit_bytes=_gz(site_dir, loaded), first_visit_files=len(loaded))
    loaded.clear()
    page.keyboard.press("/")
    started = time.perf_counter()
    page.keyboard.type(query)
    page.wait_for_selector(".md-search-result__item", timeout=30_000)
    figures.search_seconds = time.perf_counter() - started
    page.wait_for_load_state("networkidle")
    figures.search_bytes, figures.search_files = _gz(site_dir, loaded), len(loaded)
    context.close()
    return figures
