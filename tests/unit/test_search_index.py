"""Pagefind over a small hand-made site (macros/engine/search.py): what is indexed, in Danish, and how.

The pages are written here, so every expectation comes from their text: the article is indexed, the
navigation, hidden explanation text and templates are not, a page without ``data-pagefind-body`` is
left out, the title comes from ``data-pagefind-meta``, the background run used by ``mkdocs serve``
and the page-by-page stream a build uses produce the same index, and a Pagefind that stops gives a Danish error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.engine import search

PAGE = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{title} – Sitet</title>
<meta data-pagefind-meta="title[content]" content="{title}"></head>
<body><nav>Forside Strategier Ordliste</nav>
<div data-pagefind-body><h1>{title}</h1><p>{text}</p>
<div hidden>Skjult forklaring om netværksinddragelse</div>
<template class="ks-term-explanations" data-search-exclude><p>Skabelontekst om ældre</p></template>
</div><footer>Sidefod med kontakt</footer></body></html>
"""


def _site(root: Path) -> Path:
    pages = {
        "index.html": ("Forside", "Velkommen til strategierne for ældre."),
        "strategier/faxe/index.html": ("Strategi – Faxe Kommune", "Fællesskabet støtter borgerne i indsatsen."),
    }
    for rel, (title, text) in pages.items():
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(PAGE.format(title=title, text=text), encoding="utf-8")
    (root / "404.html").write_text(
        '<!doctype html><html lang="da"><body><h1>Siden findes ikke</h1></body></html>', encoding="utf-8"
    )
    return root


def _by_url(site: Path) -> dict[str, dict]:
    return {page["url"]: page for page in search.indexed_pages(site)}


def test_only_the_article_is_indexed_in_danish(tmp_path):
    site = _site(tmp_path / "site")
    bundle = search.index_site(site)
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.da.pagefind").is_file()
    assert '"da"' in (bundle / "pagefind-entry.json").read_text(encoding="utf-8")
    pages = _by_url(site)
    assert set(pages) == {"/", "/strategier/faxe/"}  # 404.html has no data-pagefind-body
    faxe = pages["/strategier/faxe/"]
    assert "Fællesskabet støtter borgerne i indsatsen." in faxe["content"]
    assert faxe["meta"]["title"] == "Strategi – Faxe Kommune"
    for page in pages.values():
        for hidden in ("Skjult forklaring", "Skabelontekst", "Forside Strategier Ordliste", "Sidefod"):
            assert hidden not in page["content"], (page["url"], hidden)


def test_a_new_build_replaces_the_old_index(tmp_path):
    site = _site(tmp_path / "site")
    search.index_site(site)
    (site / "strategier" / "faxe" / "index.html").unlink()
    search.index_site(site)
    assert set(_by_url(site)) == {"/"}


def test_serving_indexes_in_the_background_with_the_same_result(tmp_path):
    built, served = _site(tmp_path / "built"), _site(tmp_path / "served")
    search.index_site(built)
    search.index_site(served, serving=True)
    search.wait_for_background()
    assert [p["content"] for p in _by_url(served).values()] == [p["content"] for p in _by_url(built).values()]


def test_command_names_the_site_danish_and_the_hidden_selectors(tmp_path):
    args = search.command(tmp_path)
    assert Path(args[0]).is_file()
    assert args[args.index("--site") + 1] == str(tmp_path) and args[args.index("--force-language") + 1] == "da"
    excluded = [args[i + 1] for i, a in enumerate(args) if a == "--exclude-selectors"]
    assert {"[hidden]", "template"} <= set(excluded)


def test_a_build_streams_its_pages_and_gets_the_same_index_as_the_command_line(tmp_path):
    """What the plugin does during a build: each page as MkDocs writes it, then the bundle at the end."""
    by_cli, streamed = _site(tmp_path / "cli"), _site(tmp_path / "streamed")
    search.index_site(by_cli)
    (streamed / search.BUNDLE_DIR).mkdir()
    (streamed / search.BUNDLE_DIR / "stale.pf_meta").write_text("from an old build", encoding="utf-8")
    index = search.StreamingIndex()
    for page in sorted(streamed.rglob("*.html")):
        index.add(page.read_text(encoding="utf-8"), page.relative_to(streamed).as_posix())
    index.write(streamed)
    bundle = index.finish()
    assert bundle == streamed / search.BUNDLE_DIR and (bundle / "pagefind.js").is_file()
    assert not (bundle / "stale.pf_meta").exists()
    assert _by_url(streamed) == _by_url(by_cli)
    assert index._process.poll() == 0  # Pagefind has stopped


def test_pages_beyond_the_pending_limit_wait_their_turn_and_give_the_same_index(tmp_path, monkeypatch):
    """The limit on pages waiting for Pagefind (here: one page at a time) slows the build, never stops it."""
    monkeypatch.setattr(search.StreamingIndex, "MAX_PENDING", 10)
    by_cli, streamed = _site(tmp_path / "cli"), _site(tmp_path / "streamed")
    search.index_site(by_cli)
    index = search.StreamingIndex()
    for page in sorted(streamed.rglob("*.html")):
        index.add(page.read_text(encoding="utf-8"), page.relative_to(streamed).as_posix())
    index.write(streamed)
    index.finish()
    assert index._pending == 0
    assert _by_url(streamed) == _by_url(by_cli)


def test_a_pagefind_that_stops_gives_a_danish_error_not_a_hang(tmp_path, monkeypatch):
    monkeypatch.setattr(search.StreamingIndex, "MAX_PENDING", 10)
    site = _site(tmp_path / "site")
    index = search.StreamingIndex()
    index.add((site / "index.html").read_text(encoding="utf-8"), "index.html")
    index._process.kill()
    for _ in range(200):  # far beyond the pending limit: the build goes on and is told at the end
        index.add((site / "index.html").read_text(encoding="utf-8"), "index.html")
    index.write(site)
    with pytest.raises(search.SearchIndexError, match="Søgningen kunne ikke bygges"):
        index.finish()
    assert not (site / search.BUNDLE_DIR / "pagefind.js").exists()


def test_a_failed_build_stops_pagefind(tmp_path):
    index = search.StreamingIndex()
    index.close()
    assert index._process.poll() is not None
