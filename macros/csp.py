"""A strict Content-Security-Policy for the built site: ``python -m macros.csp <site-dir> [--meta] [--gzip]``.

Material for MkDocs puts a few small inline scripts in every page (the storage scope, which depends
on the page's depth, and the anchor-to-tab script). Rather than allow every inline script with
'unsafe-inline', the policy lists the SHA-256 hash of each one, computed from the pages actually
built, so the header always matches the site it protects and an injected script never runs.

Writes:
- an nginx include with the header (``add_header Content-Security-Policy ... always;``), for
  servers that can send headers (deploy/nginx.conf includes it);
- with ``--meta``: a ``<meta http-equiv="Content-Security-Policy">`` (and ``<meta name="referrer">``)
  in every page, for hosts that cannot send headers (GitHub Pages, GitLab Pages). A meta policy
  cannot carry ``frame-ancestors``;
- with ``--gzip``: ``file.gz`` beside every text file, for servers that serve precompressed files.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import html
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONF = ROOT / "build" / "csp-header.conf"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_META = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?'
    r'|<meta name="referrer" content="no-referrer">\n?',
    re.I,
)
# Referrer-Policy is the one other header a page can carry itself.
REFERRER_META = '<meta name="referrer" content="no-referrer">'
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)

# Script types a browser executes; JSON data blocks (Material's __config) are not scripts to CSP.
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}

# Every directive the site needs, and nothing more. Search (Pagefind) runs WebAssembly in a Web Worker
# from the site itself and fetches its index files ('wasm-unsafe-eval' allows compiling WebAssembly only,
# not eval of JavaScript); Material's icons are data: URLs in its CSS.
BASE_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'none'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("form-action", "'self'"),
    ("base-uri", "'none'"),
    ("object-src", "'none'"),
)
# Only honoured in a header; a <meta> policy ignores these (and Chromium logs an error for them).
HEADER_ONLY_DIRECTIVES: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)

TEXT_SUFFIXES = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


def inline_scripts(page: str) -> list[str]:
    """The bodies of the inline scripts a browser would execute in this page."""
    scripts = []
    for match in _SCRIPT.finditer(page):
        attributes, body = match.group(1), match.group(2)
        if _SRC.search(attributes):
            continue
        kind = _TYPE.search(attributes)
        if (kind.group(1).lower() if kind else "") in _EXECUTABLE_TYPES:
            scripts.append(body)
    return scripts


def source_hash(script: str) -> str:
    """The CSP source expression for one inline script (hash of its exact UTF-8 text)."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def site_hashes(site_dir: Path) -> list[str]:
    """Hashes of every inline script in every page of the built site, sorted and without repeats."""
    found = {source_hash(s) for page in html_pages(site_dir) for s in inline_scripts(page.read_text("utf-8"))}
    return sorted(found)


def policy(hashes: Iterable[str], *, meta: bool = False) -> str:
    """The policy text; ``meta=True`` leaves out what a <meta> element cannot carry."""
    directives = list(BASE_DIRECTIVES) + ([] if meta else list(HEADER_ONLY_DIRECTIVES))
    parts = []
    for name, value in directives:
        if name == "script-src":
            value = " ".join([value, *hashes])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def nginx_include(header_policy: str) -> str:
    """An nginx snippet for server or http context; ``always`` so error pages are covered too."""
    return (
        "# Written by `python -m macros.csp` from the built site; do not edit (rebuild instead).\n"
        f'add_header Content-Security-Policy "{header_policy}" always;\n'
    )


def insert_meta(page: str, meta_policy: str) -> str:
    """The page with the policy (and no-referrer) as the first <meta> after the charset, before any script."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{html.escape(meta_policy, quote=True)}">\n'
    tag += REFERRER_META
    page = _META.sub("", page)
    charset = _CHARSET.search(page)
    if charset:
        return page[: charset.end()] + "\n" + tag + page[charset.end() :]
    head = re.search(r"<head[^>]*>", page, re.I)
    if not head:
        raise ValueError("siden har ingen <head>")
    return page[: head.end()] + "\n" + tag + page[head.end() :]


def add_meta(site_dir: Path, meta_policy: str) -> int:
    """Put the meta policy into every page; returns how many pages were written."""
    pages = html_pages(site_dir)
    for page in pages:
        page.write_text(insert_meta(page.read_text("utf-8"), meta_policy), encoding="utf-8")
    return len(pages)


def precompress(site_dir: Path) -> int:
    """Write ``x.gz`` beside each text file (nginx: gzip_static on); same mtime, so it is never stale."""
    count = 0
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
            continue
        target = path.with_name(path.name + ".gz")
        target.write_bytes(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
        stat = path.stat()
        os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        count += 1
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m macros.csp", description="Skriv en streng Content-Security-Policy ud fra det byggede site."
    )
    parser.add_argument("site_dir", type=Path, help="det byggede site, fx site/")
    parser.add_argument(
        "--conf",
        type=Path,
        default=DEFAULT_CONF,
        help=f"nginx-filen med headeren (standard: {DEFAULT_CONF.relative_to(ROOT)})",
    )
    parser.add_argument(
        "--meta", action="store_true", help="sæt politikken ind som <meta> i hver side (til GitHub/GitLab Pages)"
    )
    parser.add_argument("--gzip", action="store_true", help="skriv .gz-filer ved siden af tekstfilerne")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    site_dir: Path = args.site_dir
    if not (site_dir / "index.html").is_file():
        print(f"{site_dir} er ikke et bygget site (index.html mangler). Kør først `make build`.", file=sys.stderr)
        return 1
    hashes = site_hashes(site_dir)
    conf: Path = args.conf
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(nginx_include(policy(hashes)), encoding="utf-8")
    print(f"CSP med {len(hashes)} hashes af inline-scripts skrevet til {conf}.")
    if args.meta:
        print(f"CSP sat ind som <meta> i {add_meta(site_dir, policy(hashes, meta=True))} sider.")
    if args.gzip:
        print(f"{precompress(site_dir)} filer er pakket med gzip (.gz ved siden af).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
