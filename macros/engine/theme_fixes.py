"""The only regular expressions the plugin runs over finished HTML: fixes to Material 9's own markup.

``base.html`` cannot be overridden without copying it, so two things the Nu HTML checker rejects are
removed from every rendered page (and from the theme's 404 page):

- ``autocomplete="off"`` on Material's checkbox toggles (not allowed on checkboxes);
- ``tabindex=""`` on navigation section labels (an empty tabindex is invalid).

Re-check both when Material is upgraded; ``tests/site/test_valid_html.py`` fails if they return.
"""

from __future__ import annotations

import re

_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?)\s+autocomplete="off"')
# One space, as nav-item.html writes it: "\s+" here made Python try every run of the theme's whitespace
# (50 ms of a 1 s build at 10 strategies).
_EMPTY_TABINDEX = ' tabindex=""'


def valid_theme_markup(html: str) -> str:
    """The page without the two invalid attributes Material writes."""
    return _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html).replace(_EMPTY_TABINDEX, "")
