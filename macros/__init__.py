"""The strategy site: data in data/ turned into an accessible MkDocs site.

The data layer (``model``, ``yamlsource``, ``schema``, ``checks``, ``loader``, ``shaping``, ``pages``,
``views``, ``render``) does not import MkDocs. ``plugin`` and the ``engine`` package are the only glue:
the plugin renders generated pages with ``views`` and gives the hand-written pages in docs/ the same
views as macros, in a sandbox (``engine.sandbox``) that mkdocs-macros renders them with.
"""
