"""The plain Material baseline: the pages we built, as plain Markdown, under Material without our code.

``html_to_markdown`` keeps the readable blocks of a built page's article (headings, paragraphs, list items),
so the baseline renders the same text; ``make_plain_site`` writes those pages with the same nested nav,
theme settings, Markdown extensions and validation, but no ``socialstrategier`` plugin, no macros and no
overrides. What the benchmark compares is then the cost of our plugin, templates and navigation.
"""

from __future__ import annotations

import html as html_lib
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from bench.synthetic import SyntheticSite
from bench.yamlio import repo_config, write_yaml
from macros import pages, urls
from macros.loader import load_site

_BLOCKS = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "figcaption",
    "caption",
    "summary",
    "blockquote",
    "pre",
}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _ArticleText(HTMLParser):
    """The readable blocks of a page's article: headings, paragraphs and list items, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []
        self._kind = "p"
        self._buffer: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._buffer).split())
        if text:
            self.blocks.append((self._kind, text))
        self._buffer = []
        self._kind = "p"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        if self._skip or tag in ("script", "style", "svg") or any(name == "hidden" for name, _ in attrs):
            self._skip += 1
            return
        if tag in _BLOCKS:
            self._flush()
            self._kind = tag

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if self._skip:
            self._skip -= 1
            return
        if tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def _escape_markdown(text: str) -> str:
    """Text that Markdown shows as written (no emphasis, links, headings or lists made by accident)."""
    text = re.sub(r"([\\`*_{}\[\]<>#|!])", r"\\\1", text)
    return re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", re.sub(r"^([-+=])", r"\\\1", text))


def html_to_markdown(page_html: str) -> str:
    """The article of a built page as plain Markdown with the same headings, paragraphs and lists."""
    match = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>', page_html, re.S)
    parser = _ArticleText()
    parser.feed(match.group(1) if match else "")
    parser.close()
    if not match:  # a redirect page: keep its title
        title = re.search(r"<title>(.*?)</title>", page_html, re.S)
        parser.blocks = [("h1", html_lib.unescape(title.group(1)).strip() if title else "Side")]
    lines: list[str] = []
    for kind, text in parser.blocks:
        text = _escape_markdown(text)
        if kind in ("h1", "h2", "h3", "h4", "h5", "h6"):
            lines += ["", "#" * int(kind[1]) + " " + text, ""]
        elif kind == "li":
            lines.append("- " + text)
        else:
            lines += ["", text, ""]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def _plain_extensions(extensions: list[Any]) -> list[Any]:
    """The same Markdown extensions, without options that name our Python code."""
    plain: list[Any] = []
    for item in extensions:
        if isinstance(item, dict):
            ((name, options),) = item.items()
            options = {k: v for k, v in (options or {}).items() if v is not None}
            plain.append({name: options} if options else name)
        else:
            plain.append(item)
    return plain


def make_plain_site(site: SyntheticSite, built: Path, root: Path) -> None:
    """The same pages as plain Markdown under a plain Material config with the same nested nav."""
    from macros.engine.navigation import expand_nav  # imports MkDocs: only when a baseline is made

    if root.exists():
        shutil.rmtree(root)
    plan = pages.site_plan(load_site(site.root / "data"))
    sources = sorted(p.relative_to(site.root / "docs").as_posix() for p in (site.root / "docs").rglob("*.md"))
    sources += [page.src for page in pages.walk(plan)]
    for src in sources:
        page = built / urls.url_of(src) / "index.html"
        target = root / "docs" / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html_to_markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
    ours = repo_config()
    config = {
        "site_name": ours["site_name"],
        "site_description": ours.get("site_description"),
        "use_directory_urls": ours.get("use_directory_urls", True),
        "strict": True,
        "theme": {k: v for k, v in ours["theme"].items() if k != "custom_dir"},
        "extra": {"generator": False},
        "markdown_extensions": _plain_extensions(ours.get("markdown_extensions", [])),
        # A plain Material site searches with Material's own search plugin (lunr, Danish); ours with Pagefind.
        # Both sides build their search, so the ratio compares like with like.
        "plugins": [{"search": {"lang": "da"}}],
        "validation": ours.get("validation", {}),
        "not_in_nav": ours.get("not_in_nav", ""),
        "nav": expand_nav(ours["nav"], plan),
    }
    write_yaml(root / "mkdocs.yml", config)
