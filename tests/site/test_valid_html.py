"""The Nu HTML checker (vnu.jar from the vnu-jar npm package, run with the machine's Java) on every page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from conftest import record_check

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_is_valid_html(real_site):
    assert VNU.is_file(), "vnu.jar missing: run `npm ci` (make test does it)"
    java = shutil.which("java")
    assert java, "Java is needed for the Nu HTML checker"
    pages = [str(p) for p in real_site.pages()]
    proc = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                          capture_output=True, text=True, timeout=600)
    messages = json.loads(proc.stderr or proc.stdout or '{"messages": []}')["messages"]
    errors = [(m.get("url", "").rsplit("/site/", 1)[-1], m.get("lastLine"), m["message"]) for m in messages
              if m.get("type") == "error"]
    record_check("Nu HTML checker: zero errors", len(pages))
    assert errors == []
