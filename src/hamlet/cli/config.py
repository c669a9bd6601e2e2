"""Project configuration: `hamlet.toml`, or `[tool.hamlet]` in `pyproject.toml`.

    # hamlet.toml                       # pyproject.toml
    paths = ["src"]                     [tool.hamlet]
    elm-out = "frontend/generated"      paths = ["src"]
    js-out = "frontend/js"              elm-out = "frontend/generated"
    worker-out = "public/workers"
    strict = true

Both are looked for in the current folder only; `hamlet.toml` wins when both exist.
Paths in the file are relative to the file's folder. Command-line flags override it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hamlet.diagnostics import Diagnostic, Loc, error

KEYS = {
    "paths": "list of .rs files or folders to scan",
    "elm-out": "folder for the Elm modules",
    "js-out": "folder for the main-thread JavaScript",
    "worker-out": "folder for the worker entries and handlers",
    "rust-out": "folder for the Rust modules of Rust workers",
    "strict": "treat handler drift warnings as errors",
}


@dataclass(frozen=True)
class Config:
    """Settings read from a config file; None means "not set there"."""

    source: str | None = None
    paths: tuple[str, ...] | None = None
    elm_out: str | None = None
    js_out: str | None = None
    worker_out: str | None = None
    rust_out: str | None = None
    strict: bool | None = None
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def find_config(folder: Path) -> Config:
    """Read `hamlet.toml` or `pyproject.toml`'s `[tool.hamlet]` in `folder`, if any."""
    own = folder / "hamlet.toml"
    if own.is_file():
        return _load(own, table=())
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        return _load(pyproject, table=("tool", "hamlet"))
    return Config()


def _load(path: Path, table: tuple[str, ...]) -> Config:
    import tomllib

    name = path.name
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as problem:
        reason = problem.strerror or str(problem)
        return _failed(error(Loc(name), f"cannot read {name}: {reason}", "check its permissions"))
    deep = _too_deep(text)
    try:
        if deep:
            raise RecursionError  # what tomllib would meet, or minutes of its time
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return _failed(_toml_error(name, text, exc))
    except RecursionError:
        return _failed(error(_at(name, deep), "TOML nested too deeply",
                             "Hamlet's settings need no nesting beyond a list of paths"))
    for depth, key in enumerate(table, start=1):
        data = data.get(key)
        if data is None:
            return Config()
        if not isinstance(data, dict):
            return _failed(_not_a_table(name, text, table, depth, data))
    if not data:
        return Config()
    return _settings(name, text, data, path.parent)


def _failed(problem: Diagnostic) -> Config:
    return Config(problem.loc.path, diagnostics=(problem,))


def _not_a_table(name: str, text: str, table: tuple[str, ...], depth: int, value) -> Diagnostic:
    """`[tool] hamlet = "src"` or `[[tool.hamlet]]` where `[tool.hamlet]` belongs."""
    keys = table[:depth]
    dotted = ".".join(keys)
    loc = _at(name, _find_table(text, keys))
    hint = f"write `[{'.'.join(table)}]` on a line of its own, with the settings under it"
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return error(loc, f"`[[{dotted}]]` is an array of tables; Hamlet's settings are one table",
                     hint)
    return error(loc, f"`{dotted}` must be a table, not {_toml_type(value)}", hint)


def _settings(name: str, text: str, data: dict, base: Path) -> Config:
    problems = []
    values: dict = {}
    for key, value in data.items():
        loc = _at(name, _find_key(text, key))
        if key not in KEYS:
            known = ", ".join(KEYS)
            problems.append(error(loc, f"unknown setting `{key}`", f"known settings: {known}"))
        elif key == "strict":
            if isinstance(value, bool):
                values["strict"] = value
            else:
                problems.append(error(loc, "`strict` must be true or false", "write `strict = true`"))
        elif key == "paths":
            if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                if any("\0" in v for v in value):
                    problems.append(_nul(loc, key))
                else:
                    values["paths"] = tuple(_relative(base, v) for v in value)
            else:
                problems.append(
                    error(loc, "`paths` must be a list of strings", 'write `paths = ["src"]`')
                )
        elif isinstance(value, str):
            if "\0" in value:
                problems.append(_nul(loc, key))
            else:
                values[key.replace("-", "_")] = _relative(base, value)
        else:
            problems.append(error(loc, f"`{key}` must be a string", f'write `{key} = "folder"`'))
    return Config(name, diagnostics=tuple(problems), **values)


def _nul(loc: Loc, key: str) -> Diagnostic:
    return error(loc, f"`{key}` holds a NUL character (\\u0000), which no path can contain",
                 "remove the \\u0000 from the path")


def _relative(base: Path, value: str) -> str:
    path = Path(value)
    if path.is_absolute() or base == Path("."):
        return value
    return (base / path).as_posix()


def _at(name: str, place: tuple[int, int] | None) -> Loc:
    """The place in the config file, or the file as a whole when it is not known."""
    return Loc(name, *place) if place else Loc(name)


def _find_key(text: str, key: str) -> tuple[int, int] | None:
    """Line and column of `key = ...` in the file, for error messages (None if unsure)."""
    pattern = re.compile(rf'^([ \t]*)"?{re.escape(key)}"?\s*=', re.MULTILINE)
    return _place(text, pattern.search(text))


def _find_table(text: str, keys: tuple[str, ...]) -> tuple[int, int] | None:
    """Where `[tool.hamlet]`, `[[tool.hamlet]]`, `tool.hamlet = ` or `hamlet = ` is."""
    dotted = r"\s*\.\s*".join(f'"?{re.escape(key)}"?' for key in keys)
    for pattern in (rf"^([ \t]*)\[\[?\s*{dotted}\s*\]", rf"^([ \t]*){dotted}\s*="):
        found = _place(text, re.search(pattern, text, re.MULTILINE))
        if found:
            return found
    return _find_key(text, keys[-1])


def _place(text: str, match: re.Match | None) -> tuple[int, int] | None:
    if not match:
        return None
    line = text.count("\n", 0, match.start()) + 1
    return line, len(match.group(1)) + 1


def _toml_type(value) -> str:
    for kind, name in ((bool, "a boolean"), (int, "an integer"), (float, "a float"),
                       (str, "a string"), (list, "an array")):
        if isinstance(value, kind):
            return name
    return "a date or time"


NESTING = 50  # arrays, inline tables or dotted keys deeper than this: "nested too deeply"


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the file nests deeper than NESTING, or None: the outermost bracket of an
    array or inline table (tomllib recurses once per level, and runs out of stack),
    or the start of a dotted key or table header with too many parts (tomllib takes
    quadratic time on them). Strings and comments are skipped."""
    if text.count(".") + text.count("[") + text.count("{") <= NESTING:
        return None  # every config file in practice: no need to scan
    depth, line, line_start, i, outer = 0, 1, 0, 0, None
    in_key, dots = True, 0  # before the `=` of a line outside any value: a key
    while i < len(text):
        char = text[i]
        if char == "\n":
            line, line_start, in_key, dots = line + 1, i + 1, depth == 0, 0
        elif char == "#":  # a comment: on to its newline
            end = text.find("\n", i)
            i = (end if end != -1 else len(text)) - 1
        elif char in "\"'":
            quote = char * 3 if text.startswith(char * 3, i) else char
            end = i + len(quote)
            while end < len(text) and not text.startswith(quote, end):
                end += 2 if char == '"' and text[end] == "\\" else 1
            line += text.count("\n", i, end)
            if "\n" in text[i:end]:
                line_start = text.rindex("\n", i, end) + 1
            i = end + len(quote) - 1
        elif char == "=":
            in_key = False
        elif char == "." and in_key:
            dots += 1
            if dots >= NESTING:
                start = text[line_start:i]
                return line, len(start) - len(start.lstrip()) + 1
        elif char in "[{":
            depth += 1
            if depth == 1:
                outer = (line, i - line_start + 1)
            if depth > NESTING:
                return outer
        elif char in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return None


def _toml_error(name: str, text: str, exc: Exception) -> Diagnostic:
    message = str(exc)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found:
        place = int(found.group(1)), int(found.group(2))
    elif "(at end of document)" in message:
        place = text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1
    else:
        place = None
    message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
    return error(_at(name, place), f"invalid TOML: {message}", "fix the file's syntax")
