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

    text = path.read_text(encoding="utf-8", errors="replace")
    name = path.name
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return Config(name, diagnostics=(_toml_error(name, exc),))
    for key in table:
        data = data.get(key, {}) if isinstance(data, dict) else {}
    if not data:
        return Config()
    return _settings(name, text, data, path.parent)


def _settings(name: str, text: str, data: dict, base: Path) -> Config:
    problems = []
    values: dict = {}
    for key, value in data.items():
        loc = Loc(name, *_find_key(text, key))
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
                values["paths"] = tuple(_relative(base, v) for v in value)
            else:
                problems.append(
                    error(loc, "`paths` must be a list of strings", 'write `paths = ["src"]`')
                )
        elif isinstance(value, str):
            values[key.replace("-", "_")] = _relative(base, value)
        else:
            problems.append(error(loc, f"`{key}` must be a string", f'write `{key} = "folder"`'))
    return Config(name, diagnostics=tuple(problems), **values)


def _relative(base: Path, value: str) -> str:
    path = Path(value)
    if path.is_absolute() or base == Path("."):
        return value
    return (base / path).as_posix()


def _find_key(text: str, key: str) -> tuple[int, int]:
    """Line and column of `key = ...` in the file, for error messages (1, 1 if unsure)."""
    pattern = re.compile(rf'^(\s*)"?{re.escape(key)}"?\s*=', re.MULTILINE)
    match = pattern.search(text)
    if not match:
        return 1, 1
    line = text.count("\n", 0, match.start()) + 1
    return line, len(match.group(1)) + 1


def _toml_error(name: str, exc: Exception) -> Diagnostic:
    message = str(exc)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    line, col = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
    message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message)
    return error(Loc(name, line, col), f"invalid TOML: {message}", "fix the file's syntax")
