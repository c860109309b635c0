"""The hosting configuration IT gets (deploy/nginx.conf), run locally, checked header by header and in Chromium.

nginx is started exactly as `make host` starts it (macros.hosting: deploy/nginx.conf with only the
loopback port, the site folder and working paths rewritten) on a copy of the real site prepared as
the Dockerfile prepares it (`python -m macros.csp --gzip`). Every page is then loaded in Chromium
with the strict Content-Security-Policy and must raise no violation and no console error; search
and the glossary buttons must still work. The same is checked for the <meta> policy that GitHub and
GitLab Pages get.
"""

from __future__ import annotations

import gzip
import re
import shutil
import socket
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from macros import csp, hosting
from tests.browser.conftest import site_urls
from tests.conftest import BuildResult, record_check

EXPECTED_HEADERS = {
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}

# Collects violations from the first moment of every page, before any of the site's scripts run.
WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " +
                              (e.sourceFile || "") + ":" + e.lineNumber);
});
"""


@dataclass
class Hosted:
    base: str
    site_dir: Path
    policy: str


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepared_copy(real_site: BuildResult, target: Path, *args: str) -> Path:
    """A copy of the real built site, prepared by macros.csp as a deployment would prepare it."""
    site_dir = target / "site"
    shutil.copytree(real_site.site_dir, site_dir)
    assert csp.main([str(site_dir), "--conf", str(target / "csp-header.conf"), *args]) == 0
    return site_dir


@pytest.fixture(scope="module")
def hosted(real_site: BuildResult, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hosted]:
    """deploy/nginx.conf serving the real site on a free loopback port (nginx installed if missing)."""
    work = tmp_path_factory.mktemp("hosting")
    site_dir = _prepared_copy(real_site, work, "--gzip")
    conf = work / "csp-header.conf"
    port = _free_port()
    command = hosting.prepare(site_dir, conf, port, work / "nginx")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        hosting.wait_until_up(base, process)
    except RuntimeError as error:
        process.kill()
        error_log = work / "nginx" / "error.log"
        log = error_log.read_text(errors="replace") if error_log.exists() else ""
        pytest.fail(f"{error}\n{log}\n{process.stdout.read().decode(errors='replace') if process.stdout else ''}")
    header_policy = re.search(r'Content-Security-Policy "([^"]+)"', conf.read_text(encoding="utf-8"))
    assert header_policy
    yield Hosted(base, site_dir, header_policy.group(1))
    process.terminate()
    process.wait(timeout=10)


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        """Report redirects as they are (the test checks the 301's own headers)."""
        return None


def test_every_response_sends_the_security_headers(hosted: Hosted, real_site: BuildResult) -> None:
    strategy = next(p for p in real_site.pages() if p.parent.parent.name == "strategier")
    strategy_url = strategy.parent.relative_to(real_site.site_dir).as_posix() + "/"
    cases = {  # path -> expected status
        "": 200,
        urllib.parse.quote(strategy_url): 200,
        "ordliste/": 200,
        "assets/stylesheets/site.css": 200,
        "pagefind/pagefind.js": 200,
        "findes-ikke/": 404,
        "strategier": 301,
    }
    for path, status in cases.items():
        code, headers, _body = _get(hosted.base + path)
        assert code == status, path
        for name, value in EXPECTED_HEADERS.items():
            assert headers.get(name) == value, f"{path}: {name}"
        policy = headers.get("content-security-policy", "")
        assert policy == hosted.policy, path
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
        assert "frame-ancestors 'none'" in policy
        assert "worker-src 'self'" in policy and "connect-src 'self'" in policy
        assert "default-src 'none'" in policy
        assert "server" not in headers or headers["server"] == "nginx", "no version in Server"


def test_every_inline_script_is_allowed_by_hash_and_nothing_else(hosted: Hosted) -> None:
    allowed = set(re.findall(r"'sha256-[A-Za-z0-9+/=]+'", hosted.policy))
    needed: set[str] = set()
    for page in csp.html_pages(hosted.site_dir):
        needed |= {csp.source_hash(s) for s in csp.inline_scripts(page.read_text(encoding="utf-8"))}
    assert needed, "Material's inline scripts were expected in the pages"
    assert allowed == needed


def test_precompressed_files_are_served(hosted: Hosted) -> None:
    for path, file in {"": "index.html", "assets/stylesheets/site.css": "assets/stylesheets/site.css"}.items():
        code, headers, body = _get(hosted.base + path, **{"Accept-Encoding": "gzip"})
        assert code == 200
        assert headers.get("content-encoding") == "gzip", path
        # gzip_static sends the .gz file itself (with its length); on-the-fly gzip would be chunked.
        assert int(headers["content-length"]) == (hosted.site_dir / (file + ".gz")).stat().st_size
        assert gzip.decompress(body) == (hosted.site_dir / file).read_bytes()
        code, headers, body = _get(hosted.base + path)
        assert "content-encoding" not in headers and body == (hosted.site_dir / file).read_bytes()


def _open(browser: Browser, url: str) -> tuple[Page, list[str]]:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.add_init_script(WATCH_CSP)
    page.goto(url, wait_until="networkidle")
    return page, errors


def _problems(page: Page, errors: list[str]) -> list[str]:
    page.wait_for_timeout(50)  # violation events are queued as tasks
    return errors + [f"CSP: {v}" for v in page.evaluate("window.__cspViolations")]


def _check_every_page(browser: Browser, urls: list[str]) -> dict[str, list[str]]:
    failures = {}
    for url in urls:
        page, errors = _open(browser, url)
        found = _problems(page, errors)
        if found:
            failures[url] = found
        page.close()
    return failures


def test_every_page_loads_with_no_csp_violation_and_no_console_error(
    hosted: Hosted, real_site: BuildResult, browser: Browser
) -> None:
    urls = site_urls(real_site, hosted.base)
    assert _check_every_page(browser, urls) == {}
    # The error page at an unknown address: its only console message is the 404 status itself.
    page, errors = _open(browser, hosted.base + "findes-ikke/")
    assert page.locator("h1").count() == 1
    problems = _problems(page, errors)
    assert [p for p in problems if "status of 404" not in p] == [] and len(problems) == 1, problems
    page.close()
    record_check("hosting (nginx, CSP header): no CSP violation, no console error", len(urls))


def _search_word(site_dir: Path) -> str:
    """A word from a strategy's title in the built Pagefind index (issue 15), so the search must find something."""
    from macros.engine.search import indexed_pages

    title = next(
        d["meta"]["title"]
        for d in indexed_pages(site_dir)
        if d["url"].startswith("/strategier/") and d["meta"].get("title")
    )
    return max(title.split(), key=len)


def test_search_works_under_the_policy(hosted: Hosted, browser: Browser) -> None:
    page, errors = _open(browser, hosted.base + "om/")
    page.click("input[name=query]")
    page.keyboard.type(_search_word(hosted.site_dir))
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.locator(".md-search-result__item").count() >= 1
    assert _problems(page, errors) == []
    page.close()


def test_glossary_buttons_work_under_the_policy(hosted: Hosted, real_site: BuildResult, browser: Browser) -> None:
    with_terms = next(p for p in real_site.pages() if "ks-term-explanations" in p.read_text(encoding="utf-8"))
    url = hosted.base + urllib.parse.quote(with_terms.parent.relative_to(real_site.site_dir).as_posix() + "/")
    page, errors = _open(browser, url)
    button = page.locator("button.ks-term").first
    panel = page.locator(f"[id='{button.get_attribute('aria-controls')}']")
    assert button.get_attribute("aria-expanded") == "false" and not panel.is_visible()
    button.click()
    assert button.get_attribute("aria-expanded") == "true" and panel.is_visible()
    assert _problems(page, errors) == []
    page.close()


def test_meta_policy_for_pages_hosts_raises_no_violation(
    real_site: BuildResult, browser: Browser, tmp_path: Path
) -> None:
    """GitHub/GitLab Pages send no CSP header: every page carries the policy as <meta> instead."""
    site_dir = _prepared_copy(real_site, tmp_path, "--meta")
    pages = csp.html_pages(site_dir)
    for file in pages:
        text = file.read_text(encoding="utf-8")
        tags = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
        assert len(tags) == 1, file
        assert "frame-ancestors" not in tags[0] and "unsafe-inline" not in tags[0]
        assert text.index("Content-Security-Policy") < text.find("<script") or "<script" not in text
        assert text.count('<meta name="referrer" content="no-referrer">') == 1, file
    # Serve the prepared copy with the plain test server (no headers, like Pages) and load every page.
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from tests.browser.conftest import _QuietHandler

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site_dir)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        urls = site_urls(real_site, base)
        assert _check_every_page(browser, urls) == {}
        page, errors = _open(browser, base + "om/")
        page.click("input[name=query]")
        page.keyboard.type(_search_word(site_dir))
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
        assert _problems(page, errors) == []
        page.close()
    finally:
        httpd.shutdown()
    record_check("Pages (<meta> CSP): no CSP violation, no console error", len(urls))
