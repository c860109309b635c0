"""`make serve` shows changes without a restart: to data, to templates and to the Python code of the macros."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
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
