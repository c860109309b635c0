"""Compiled templates kept between builds, so a build does not compile the same Jinja templates again.

Compiling Material's and our templates was about a quarter of a small site's build (issue 15: the fixed
start-up cost). Jinja's own file cache keys each template by its name, its file and a checksum of its
source, so a changed template is compiled afresh. One folder per environment, because environments compile
with different options. A folder that cannot be written (a read-only checkout) means no cache, never a
failed build.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import jinja2

CACHE_DIR = Path(__file__).resolve().parent.parent / ".cache" / "jinja"


class _QuietCache(jinja2.FileSystemBytecodeCache):
    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def bytecode_cache(name: str) -> jinja2.BytecodeCache | None:
    """The cache for the environment called ``name`` (e.g. 'components', 'theme'), or None if unavailable."""
    folder = CACHE_DIR / name
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _QuietCache(str(folder))
