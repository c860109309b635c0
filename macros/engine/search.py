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

The browser side is overrides/assets/javascripts/search.js. Under a Content-Security-Policy the
search needs ``script-src 'self' 'wasm-unsafe-eval'`` (Pagefind's WebAssembly) and ``connect-src 'self'``.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
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
