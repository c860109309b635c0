"""Glue between the site engine (MkDocs 1.6 or ProperDocs) with Material and the engine-free data layer.

One module per concern, as mkdocs-material splits its plugins:

- ``navigation``: the generated sections in the navigation, and the per-page pruned view of it;
- ``toc``: a page's table of contents from the headings of its final HTML;
- ``titles``: titles as escaped text wherever the theme prints them;
- ``slots``: the placeholder contract that keeps finished HTML away from Markdown;
- ``sandbox``: the only template environment hand-written pages in docs/ can reach;
- ``theme_fixes``: the documented regex fixes to Material's own markup;
- ``edit_urls``: "Rediger denne side".

Nothing in the data layer (``model``, ``loader``, ``shaping``, ``views``, ``render``, …) imports this package.
"""
