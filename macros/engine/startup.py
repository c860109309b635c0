"""A build's start-up (issue 15): a module that plugins import but a build never uses loads only when used.

mkdocs-macros imports ``requests`` at start-up (about 40 ms, as much as our whole data layer) only to look
a package up on PyPI, which a build never does. :func:`defer_imports` puts a stand-in in ``sys.modules``:
``import requests`` finds it, and the first use of anything in it (``requests.get``) imports the module
and answers from it, so code that does use it sees no difference. (``importlib.util.LazyLoader`` does not
do here: on Python 3.11 the import statement itself reads the module's ``__spec__``, which loads it.) The
site plugin calls it when MkDocs loads it, which is before mkdocs-macros (mkdocs.yml lists it first).
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from collections.abc import Iterable
from importlib.machinery import ModuleSpec
from typing import Any

DEFERRED = ("requests",)


class Deferred(types.ModuleType):
    """Stands in for a module until something in it is used; then the module is imported and answers."""

    def __init__(self, spec: ModuleSpec) -> None:
        super().__init__(spec.name)
        self.__spec__ = spec  # what the import statement reads; the module's own attributes load it

    def __getattr__(self, attr: str) -> Any:
        name = self.__name__
        if sys.modules.get(name) is self:
            del sys.modules[name]
        return getattr(importlib.import_module(name), attr)


def defer_imports(names: Iterable[str] = DEFERRED) -> None:
    """A stand-in for each module in ``names``; one already loaded or not installed is left alone."""
    for name in names:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is not None:
            sys.modules[name] = Deferred(spec)
