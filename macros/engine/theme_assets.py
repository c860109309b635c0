"""Material's files this site does not load, kept out of the built site (issue 15).

Material copies its whole ``assets/`` folder into every build. Since the site stopped loading Material's
JavaScript bundle (overrides/main.html; theme.js does what readers used of it), its search (Pagefind
instead of lunr) and its palette (the site's colours are its own), these files are never requested:
about 2.3 MB, mostly lunr's language files and source maps. Publishing them only makes the site bigger
and leaves old code where a scanner or a curious reader finds it. Only files from the theme's own
folder are dropped; a file of the same name in ``overrides/`` or ``docs/`` stays.

``tests/site/test_theme_assets.py`` checks that no page refers to a dropped file and that none is
published. Re-check the list when Material is upgraded.
"""

from __future__ import annotations

from fnmatch import fnmatchcase
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

UNUSED = (
    "assets/javascripts/bundle.*",
    "assets/javascripts/lunr/*",
    "assets/javascripts/workers/*",
    "assets/stylesheets/palette.*",
    "assets/stylesheets/*.map",
    "assets/images/favicon.png",
)


def _theme_dirs(config: MkDocsConfig) -> list[Path]:
    custom = config.theme.custom_dir
    return [Path(d).resolve() for d in config.theme.dirs if not custom or Path(d).resolve() != Path(custom).resolve()]


def drop_unused(files: Files, config: MkDocsConfig) -> Files:
    """``files`` without the theme's files no page of this site loads."""
    theme_dirs = _theme_dirs(config)
    for file in list(files):
        if not file.abs_src_path or not any(fnmatchcase(file.src_uri, pattern) for pattern in UNUSED):
            continue
        source = Path(file.abs_src_path).resolve()
        if any(source.is_relative_to(theme_dir) for theme_dir in theme_dirs):
            files.remove(file)
    return files
