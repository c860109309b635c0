"""Read a built page as a reader would: headings, text under a heading, links, landmarks.

A small tree built with the standard library's HTML parser, so tests say what they check
("the text under 'Vær med'") instead of matching markup with regular expressions.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    def iter(self) -> Iterator[Element]:
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Descendants by tag and attribute values (``class_`` matches one of the classes)."""
        found = []
        for el in self.iter():
            if tag and el.tag != tag:
                continue
            if "class_" in attrs and attrs["class_"] not in el.attrs.get("class", "").split():
                continue
            if all(el.attrs.get(k) == v for k, v in attrs.items() if k != "class_"):
                found.append(el)
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Element | None:
        found = self.find_all(tag, **attrs)
        return found[0] if found else None

    @property
    def text(self) -> str:
        """The text a reader sees, whitespace folded; hidden elements left out."""
        parts: list[str] = []

        def walk(el: Element) -> None:
            if "hidden" in el.attrs or el.tag in ("script", "style", "template"):
                return
            for child in el.children:
                parts.append(child) if isinstance(child, str) else walk(child)

        walk(self)
        return " ".join("".join(parts).split())


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(el)
        if tag not in VOID:
            self.current = el

    def handle_endtag(self, tag: str) -> None:
        el: Element | None = self.current
        while el is not None and el.tag != tag:
            el = el.parent
        if el is not None and el.parent is not None:
            self.current = el.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


class Page:
    """A parsed page."""

    def __init__(self, html: str) -> None:
        builder = _Builder()
        builder.feed(html)
        self.root = builder.root

    @property
    def title(self) -> str:
        el = self.root.find("title")
        return el.text if el else ""

    @property
    def article(self) -> Element:
        el = self.root.find("article")
        assert el is not None, "page has no article"
        return el

    def headings(self, within: Element | None = None) -> list[tuple[int, str]]:
        return [(int(el.tag[1]), el.text) for el in (within or self.root).iter() if el.tag in HEADINGS]

    def section_text(self, heading: str) -> str:
        """The text after a heading up to the next heading of the same or a higher level."""
        flat = list(self.article.iter())
        for index, el in enumerate(flat):
            if el.tag in HEADINGS and el.text.startswith(heading):
                level, parts = int(el.tag[1]), []
                for other in flat[index + 1 :]:
                    if other.tag in HEADINGS and int(other.tag[1]) <= level:
                        break
                    parts.extend(c for c in other.children if isinstance(c, str))
                return " ".join("".join(parts).split())
        raise AssertionError(f"no heading starting with {heading!r}")

    def links(self, within: Element | None = None) -> list[tuple[str, str]]:
        """(text, href) of every link."""
        return [(el.text, el.attrs["href"]) for el in (within or self.root).find_all("a") if "href" in el.attrs]

    def landmark(self, tag: str, name: str) -> Element | None:
        """A landmark element by its accessible name (aria-label)."""
        return next((el for el in self.root.find_all(tag) if el.attrs.get("aria-label") == name), None)
