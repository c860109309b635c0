"""axe-core on every page: WCAG 2.0/2.1 A and AA rules plus best practices, zero violations."""

from __future__ import annotations

from pathlib import Path

from browser.conftest import site_urls
from conftest import record_check

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_version() -> str:
    import json

    return json.loads((AXE.parent / "package.json").read_text(encoding="utf-8"))["version"]


def axe_violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [
        {"rule": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
    ]


def test_axe_finds_no_violations_on_any_page(real_site, server, browser):
    assert AXE.is_file(), "axe-core missing: run `npm ci` (make test does it)"
    page = browser.new_page()
    found = {}
    urls = site_urls(real_site, server)
    for url in urls:
        page.goto(url, wait_until="networkidle")
        violations = axe_violations(page)
        if violations:
            found[url] = violations
    page.close()
    record_check(f"axe-core {axe_version()} ({', '.join(TAGS)}): zero violations", len(urls))
    assert found == {}


def test_axe_in_dark_and_light_scheme_on_a_strategy_page(real_site, server, browser):
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(server + "strategier/", wait_until="networkidle")
        assert axe_violations(page) == [], scheme
        context.close()
