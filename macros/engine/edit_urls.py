"""'Rediger denne side': the repository URL of the file a page is written from."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin


def edit_url(
    base_url: str, root: Path, docs_dir: Path, src_uri: str, data_source: str | None, generated: bool
) -> str | None:
    """The Markdown file of a hand-written page, or the data file of a generated one.

    Pages drawn from many files (the guides) have no single file to edit, and get no link.
    """
    if not base_url:
        return None
    if generated:
        path = data_source
    else:
        path = (docs_dir / src_uri).resolve().relative_to(root).as_posix()
    return urljoin(base_url.rstrip("/") + "/", path) if path else None
