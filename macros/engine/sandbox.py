"""The only template environment a hand-written page in docs/ can reach.

mkdocs-macros renders pages that set ``render_macros: true`` with a plain Jinja environment and hands
every template its whole context (the MkDocs config, the plugins, the page objects): a page could run
Python, and so could a proposed change built by a pipeline. The site plugin replaces that environment,
before any page is rendered, with :class:`PageSandbox`:

- a sandbox (no attributes starting with '_', no unsafe callables), with attribute access only on plain
  values (text, numbers, lists, mappings): ``{{ glossary() }}`` works, ``{{ config.plugins }}`` does not;
- no variables at all: a page sees only the site's own macros, never the render context;
- every mistake stops the build with one Danish message naming the page and its line.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

PLAIN = (str, int, float, bool, list, tuple, dict)


class PageTemplateError(SystemExit):
    """A page's template cannot be rendered: one Danish message, exit code 1, no traceback.

    A ``SystemExit`` because mkdocs-macros turns every ``Exception`` into an English trace that
    ``mkdocs build -q`` hides; this one passes through it and MkDocs and is printed as it is.
    """


class _NoContextTemplate(jinja2.Template):
    """Renders with the environment's globals (the macros) only: the render context is dropped."""

    def new_context(self, vars: Any = None, shared: bool = False, locals: Any = None) -> Any:
        return super().new_context({}, shared, locals)

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        assert isinstance(env, PageSandbox)
        try:
            return super().render()
        except jinja2.TemplateError as error:
            raise env.failure(error) from None


class PageSandbox(ImmutableSandboxedEnvironment):
    """Sandboxed, context-free rendering of docs/ pages with only the given macros."""

    template_class = _NoContextTemplate

    def __init__(
        self,
        macros: Mapping[str, Callable[..., Any]],
        page_source: Callable[[], tuple[str, Path | None]],
        **options: Any,
    ) -> None:
        super().__init__(undefined=jinja2.StrictUndefined, **options)
        self.globals.clear()
        self.globals.update(macros)
        self.filters.clear()
        self.tests.clear()
        self._allowed = set(map(id, macros.values()))
        self._page_source = page_source

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, PLAIN) and super().is_safe_attribute(obj, attr, value)

    def is_safe_callable(self, obj: Any) -> bool:
        return id(obj) in self._allowed

    def unsafe_undefined(self, obj: Any, attribute: str) -> jinja2.Undefined:
        return self.undefined(
            f"'{attribute}' kan ikke bruges i en side", obj=obj, name=attribute, exc=jinja2.exceptions.SecurityError
        )

    def from_string(
        self,
        source: str | jinja2.nodes.Template,
        globals: Any = None,
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        try:
            return super().from_string(source, None, template_class)
        except jinja2.TemplateError as error:
            raise self.failure(error) from None

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        if isinstance(__obj, jinja2.Undefined):
            __obj._fail_with_undefined_error()  # a misspelt macro: say which name is unknown
        if not __self.is_safe_callable(__obj):
            raise jinja2.exceptions.SecurityError("kun sitets makroer kan kaldes")
        return __context.call(__obj, *args, **kwargs)

    def failure(self, error: jinja2.TemplateError) -> PageTemplateError:
        """One Danish message: which page, which line, what to do."""
        src, path = self._page_source()
        line = getattr(error, "lineno", None) or _template_line(error)
        if line and path is not None:
            line += _front_matter_lines(path)
        where = f"docs/{src}" + (f", linje {line}" if line else "")
        macros = ", ".join(f"{{{{ {name}() }}}}" for name in sorted(self.globals))
        if isinstance(error, jinja2.exceptions.SecurityError):
            what = (
                "Siden prøver at bruge noget, der ikke er en af sitets makroer. "
                f"En side kan kun kalde makroerne: {macros}."
            )
        elif isinstance(error, jinja2.exceptions.UndefinedError):
            what = f"Siden bruger et navn, der ikke findes ({error.message}). Sitets makroer er: {macros}."
        elif isinstance(error, jinja2.exceptions.TemplateSyntaxError):
            what = (
                f"Makro-koden kan ikke læses ({error.message}). Skriv en makro som {{{{ glossary() }}}}, "
                "eller skriv {{ og }} som tekst med {{ '{{' }}."
            )
        else:
            what = f"Makroen kan ikke vises ({error})."
        return PageTemplateError(f"Fejl i {where}: {what} Sitet er ikke bygget.")


def _template_line(error: BaseException) -> int | None:
    """The page line a runtime error happened on: Jinja rewrites its traceback to the template's lines."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _front_matter_lines(path: Path) -> int:
    """How many lines come before the Markdown a template sees: the front matter and the blank lines after it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    if not lines or lines[0].strip() != "---":
        return 0
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            # MkDocs also drops the blank lines after the front matter (mkdocs.utils.meta.get_data).
            while number < len(lines) and not lines[number]:
                number += 1
            return number
    return 0
