"""A build's start-up (macros/engine/startup.py): ``requests``, imported by mkdocs-macros but unused by a
build, is loaded only when something uses it, and then behaves as the real module."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

PROBE = """
import sys
import macros.plugin          # MkDocs loads the site plugin first (mkdocs.yml)
import mkdocs_macros.plugin   # imports requests
import mkdocs_macros.util as util
print(type(sys.modules["requests"]).__name__, "requests.models" in sys.modules)
print(util.requests.get.__module__, util.requests.exceptions.RequestException.__module__)
import requests.adapters
print(type(sys.modules["requests"]).__name__, requests.adapters.HTTPAdapter.__name__)
"""


def test_requests_loads_on_first_use_and_then_is_the_real_module():
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:3] == [
        "Deferred False",  # mkdocs-macros has imported it, nothing of it has run
        "requests.api requests.exceptions",
        "module HTTPAdapter",
    ]


def test_a_module_already_loaded_or_missing_is_left_alone():
    from macros.engine import startup

    before = sys.modules.get("json")
    startup.defer_imports(["json", "no_such_module_here"])
    assert sys.modules.get("json") is before
    assert "no_such_module_here" not in sys.modules
