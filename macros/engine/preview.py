"""The preview (``mkdocs serve``) while data/ has errors: a Danish error page at every address.

A failed build makes MkDocs' development server wait for a good build before it answers any request,
and a failed first build stops ``mkdocs serve``. So while serving, a data error does not fail the build:
every page of the site (those of the last good build and every page in docs/) is replaced by one page
that lists the problems, which reloads itself until they are fixed. ``mkdocs build`` still fails.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from ..problems import Problem
from ..render import environment

TITLE = "Fejl i data"


def error_markdown(problems: list[Problem]) -> str:
    """The error page: a title, and the list as finished HTML (escaped by the component's autoescape)."""
    html = environment().get_template("site/data-errors.html").render(problems=problems)
    # Reload every few seconds: MkDocs injects its live reload only into pages it finds, not its 404 page.
    return (
        f'---\ntitle: "{TITLE}"\nsearch:\n  exclude: true\n---\n\n# {TITLE}\n\n'
        f'<meta http-equiv="refresh" content="3">\n\n{html}\n'
    )


def error_files(files: Files, config: MkDocsConfig, srcs: set[str], problems: list[Problem]) -> Files:
    """The theme's files kept; every page replaced by the error page, at its own address."""
    content = error_markdown(problems)
    kept = [f for f in files if not f.is_documentation_page()]
    pages = {f.src_uri for f in files if f.is_documentation_page()} | srcs | {"index.md"}
    return Files(kept + [File.generated(config, src, content=content) for src in sorted(pages)])


def error_404(site_dir: Path, site_url: str) -> None:
    """The server's answer for addresses the broken build has no page for: the error page as well.

    Written from the front page's copy, with a <base> so its relative links work at any depth.
    """
    index = site_dir / "index.html"
    if index.exists():
        mount = urlsplit(site_url).path or "/"
        html = index.read_text(encoding="utf-8").replace("<head>", f'<head><base href="{escape(mount)}">', 1)
        (site_dir / "404.html").write_text(html, encoding="utf-8")


def report(problems: list[Problem], text: str) -> None:
    """Printed, not logged: MkDocs logs a repeated message only once per session, and every save must report."""
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)
