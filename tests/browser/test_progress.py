"""Issue 13 in Chromium: the fictional progress site's new pages pass axe-core, load nothing from other hosts,
and their charts are images with a name and a description that a screen reader gets."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from browser.conftest import serve
from browser.test_accessibility import AXE, axe_violations
from conftest import FIXTURES, BuildResult, build_site
from macros import loader

PAGES = [
    "",
    "strategier/",
    "strategier/nyt/",
    "strategier/eksempelby-voksne/saadan-gaar-det/",
    "strategier/eksempelby-unge/saadan-gaar-det/",
    "strategier/eksempelby-aeldre/saadan-gaar-det/",
    "strategier/eksempelby-unge/",
]


@pytest.fixture(scope="module")
def progress_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    day = dt.date(2026, 1, 10)  # before the fictional consultation deadline: the notice is on the pages
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", str(calendar.timegm(day.timetuple())))
        result: BuildResult = build_site(
            FIXTURES / "progress-site" / "mkdocs.yml", tmp_path_factory.mktemp("progress-browser") / "site"
        )
    assert result.returncode == 0, result.output
    with serve(result.site_dir) as base:
        yield base


def test_axe_finds_no_violations_on_the_progress_pages(progress_server, browser):
    assert AXE.is_file(), "axe-core missing: run `npm ci` (make test does it)"
    page = browser.new_page()
    found = {}
    for path in PAGES:
        page.goto(progress_server + path, wait_until="networkidle")
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    page.close()
    assert found == {}


def test_progress_pages_load_only_from_their_own_host(progress_server, browser):
    own = urlsplit(progress_server).netloc
    page = browser.new_page()
    foreign: list[str] = []
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url) if urlsplit(r.url).netloc not in (own, "") and not r.url.startswith("data:") else None
        ),
    )
    for path in PAGES:
        page.goto(progress_server + path, wait_until="networkidle")
    assert foreign == []
    assert page.context.cookies() == []
    page.close()


def test_charts_are_named_images_with_a_description(progress_server, browser):
    page = browser.new_page()
    page.goto(progress_server + "strategier/eksempelby-voksne/saadan-gaar-det/", wait_until="networkidle")
    charts = page.locator("svg.ks-chart__svg[role=img]")
    site = loader.load_site(FIXTURES / "progress-site" / "data")
    measured = [
        ind
        for i in site.strategies_by_id["eksempelby-voksne"].progress.initiatives
        for ind in i.indicators
        if ind.measurements
    ]
    assert charts.count() == len(measured) + 1  # each measured indicator and the status overview
    for index in range(charts.count()):
        chart = charts.nth(index)
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box and box["width"] > 200 and box["height"] > 50  # drawn, not collapsed
        name = page.evaluate(
            "el => el.getAttribute('aria-labelledby').split(' ').map(id => "
            "document.getElementById(id).textContent).join(' ')",
            chart.element_handle(),
        )
        assert len(name) > 20
    snapshot = page.accessibility.snapshot() if hasattr(page, "accessibility") else None
    if snapshot is not None:
        images = []

        def walk(node: dict) -> None:
            if node.get("role") == "img":
                images.append(node.get("name", ""))
            for child in node.get("children", []):
                walk(child)

        walk(snapshot)
        assert "Status pr. tema" in images
        assert any(name.startswith("Deltagere pr. måned") for name in images)
    page.close()


def test_feed_and_data_links_open(progress_server, browser):
    page = browser.new_page()
    page.goto(progress_server + "strategier/eksempelby-voksne/saadan-gaar-det/", wait_until="networkidle")
    hrefs = page.eval_on_selector_all(
        "#hent-data ~ ul a, a[type='application/atom+xml']", "els => els.map(e => e.href)"
    )
    assert len(hrefs) == 5
    for href in hrefs:
        response = page.request.get(href)
        assert response.status == 200, href
        assert response.body()
    page.close()


def test_axe_finds_no_violations_on_the_real_progress_pages(real_site, server, browser):
    site = loader.load_site(Path(__file__).resolve().parents[2] / "data")
    paths = ["strategier/nyt/"] + [f"strategier/{s.id}/saadan-gaar-det/" for s in site.strategies]
    page = browser.new_page()
    found = {}
    for path in paths:
        response = page.goto(server + path, wait_until="networkidle")
        assert response is not None and response.status == 200, path
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    page.close()
    assert found == {}
