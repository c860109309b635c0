"""`make serve` shows changes without a restart: to data, to templates and to the Python code of the macros."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from html import unescape
from pathlib import Path

from conftest import ROOT, copy_fixture
from macros.engine import run

PAGE = "strategier/testrup-voksne/"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, timeout: float = 60) -> float:
    """Seconds until the served page contains text."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if text in _get(url):
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never showed {text!r} within {timeout} s")


def _edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {path}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def test_serve_reloads_data_templates_and_macro_code(tmp_path):
    # A project of its own: the fixture site with copies of macros/ and overrides/ to edit.
    site = copy_fixture("one-municipality", tmp_path)
    shutil.copytree(ROOT / "macros", site / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "overrides", site / "overrides")
    _edit(site / "mkdocs.yml", f"custom_dir: {ROOT.as_posix()}/overrides", "custom_dir: overrides")
    port = _free_port()
    env = {**run.environment(), "PYTHONDONTWRITEBYTECODE": "1"}
    # `python -m` puts the project folder first on sys.path, so the copied macros/ package is the one imported.
    server = subprocess.Popen(
        run.command("serve", "--strict", "-a", f"127.0.0.1:{port}"),
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/{PAGE}"
        _wait_for(url, "Strategi for voksne i Testrup", timeout=90)

        _edit(
            site / "data/strategier/testrup-voksne.yml",
            "titel: Strategi for voksne i Testrup",
            "titel: Strategi for voksne i Testrup, ændret i data",
        )
        _wait_for(url, "ændret i data")

        _edit(site / "overrides/components/partials/strategy-meta.html", "ks-meta", "ks-meta ks-ændret-skabelon")
        _wait_for(url, "ks-ændret-skabelon")

        _edit(
            site / "macros/shaping/strategy_pages.py",
            '"Fakta om strategien")',
            '"Fakta om strategien (ændret i Python)")',
        )
        _wait_for(url, "Fakta om strategien (ændret i Python)")
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def _get_status(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def test_serve_shows_data_errors_on_every_page_and_recovers(tmp_path):
    site = copy_fixture("one-municipality", tmp_path)
    strategy = site / "data/strategier/testrup-voksne.yml"
    _edit(strategy, "titel: Strategi for voksne i Testrup", "titel: Strategi: for voksne")  # a YAML syntax error
    port = _free_port()
    env = run.environment()
    server = subprocess.Popen(
        run.command("serve", "--strict", "-a", f"127.0.0.1:{port}"),
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_for(base, "Fejl i data", timeout=60)  # it starts, broken data and all
        for path in ("", "vaer-med/", "ordliste/", "hvad-kan-du-gøre/"):
            started = time.monotonic()
            status, html = _get_status(base + urllib.parse.quote(path))
            assert time.monotonic() - started < 2, f"/{path} took too long"
            assert "Fejl i data" in html and "strategier/testrup-voksne.yml, linje" in html, path
            assert "anførselstegn" in html
        _edit(strategy, "titel: Strategi: for voksne", "titel: Strategi for voksne i Testrup")
        _wait_for(base + PAGE, "Strategi for voksne i Testrup")
        # Every save of a broken file reports again (MkDocs itself logs a repeated message only once).
        for _ in range(2):
            _edit(strategy, "titel: Strategi for voksne i Testrup", "titel: Strategi: for voksne")
            _wait_for(base + PAGE, "Fejl i data")
            _edit(strategy, "titel: Strategi: for voksne", "titel: Strategi for voksne i Testrup")
            _wait_for(base + PAGE, "Strategi for voksne i Testrup")
    finally:
        server.terminate()
        try:
            _, stderr = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, stderr = server.communicate()
    assert stderr.count("Der er 1 fejl i data/") == 3, stderr
    assert "Traceback" not in stderr


def _serve(site: Path, strategy: str) -> tuple[subprocess.Popen[str], str]:
    """`make serve STRATEGI=<strategy>` on a fixture site: the server and its base URL."""
    port = _free_port()
    env = {**run.environment(), "KS_STRATEGI": strategy}
    server = subprocess.Popen(
        run.command("serve", "--strict", "-a", f"127.0.0.1:{port}"),
        cwd=site,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    return server, f"http://127.0.0.1:{port}/"


def _stop(server: subprocess.Popen[str]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()


def test_previewing_one_strategy_shows_only_it_says_so_and_follows_saves(tmp_path):
    site = copy_fixture("progress-site", tmp_path)
    server, base = _serve(site, "eksempelby-voksne")
    try:
        page = base + urllib.parse.quote("strategier/eksempelby-voksne/")
        _wait_for(page, "Fiktiv strategi for voksne i Eksempelby", timeout=90)
        for path in ("", "strategier/eksempelby-voksne/", "vaer-med/", "hvad-kan-du-gøre/borger/"):
            status, html = _get_status(base + urllib.parse.quote(path))
            assert status == 200 and "Forhåndsvisning af én strategi:" in html, path
        # The other strategies are not read or built: their pages do not exist, and no page names them.
        assert _get_status(base + "strategier/eksempelby-aeldre/")[0] == 404
        assert "eksempelby-aeldre" not in _get_status(base)[1] and "eksempelby-unge" not in _get_status(base)[1]
        # No search index, feeds or open data in a one-strategy preview.
        assert _get_status(base + "pagefind/pagefind.js")[0] == 404
        assert _get_status(base + "feed.xml")[0] == 404
        strategy = site / "data/strategier/eksempelby-voksne.yml"
        _edit(strategy, "titel: Fiktiv strategi for voksne i Eksempelby", "titel: Fiktiv strategi, gemt lige nu")
        assert _wait_for(page, "Fiktiv strategi, gemt lige nu", timeout=30) < 10
    finally:
        _stop(server)


def test_previewing_a_strategy_that_does_not_exist_says_so_in_danish(tmp_path):
    site = copy_fixture("progress-site", tmp_path)
    server, base = _serve(site, "eksempelby-voksen")
    try:
        _wait_for(base, "Fejl i data", timeout=60)
        html = unescape(_get_status(base)[1])
        assert "Der er ingen strategi med id 'eksempelby-voksen' at forhåndsvise" in html
        assert "Mente du 'eksempelby-voksne'?" in html
    finally:
        _stop(server)
