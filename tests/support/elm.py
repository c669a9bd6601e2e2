"""Checks on generated Elm that need no compiler: elm-format 0.8.8 keeps it byte for
byte, no name shadows another (Elm 0.19 rejects that), and a module defines exactly
the private helpers it calls. Plus the pieces the Elm tests cut a module into.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from hamlet.model import Project
from support.models import TYPES

ROOT = Path(__file__).resolve().parents[2]
ELM_FORMAT = ROOT / "node_modules" / ".bin" / "elm-format"


def elm_module(worker, types=()) -> str:
    """The worker's Elm module, in a project whose domain types are `types`."""
    from hamlet.emit.elm import emit_elm

    return emit_elm(Project((worker,), tuple(types), TYPES), worker)


def assert_elm_format_keeps(content: str, tmp_path: Path) -> None:
    if not ELM_FORMAT.exists():
        pytest.skip("node_modules/.bin/elm-format is missing: run `npm ci` at the repo root")
    formatted = subprocess.run(
        [str(ELM_FORMAT), "--stdin", "--elm-version=0.19"],
        input=content.encode("utf-8"),
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    assert formatted == content
    path = tmp_path / "Workers" / "Check.elm"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="\n")
    result = subprocess.run(
        [str(ELM_FORMAT), "--validate", "--elm-version=0.19", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def assert_needs_exact(content: str, helper_names) -> None:
    """The module defines exactly the private helpers its code calls, and imports `Dict`
    exactly when it mentions it: what `elm_needs` worked out beforehand was neither too
    little (printing would have failed) nor too much. `helper_names`: every helper name
    the module may define."""
    blocks = content.split("\n\n\n")
    heads = {block: _head(block).split(" ")[0] for block in blocks}
    for block, name in heads.items():
        if name in helper_names:
            others = "\n".join(b for b in blocks if b is not block)
            assert re.search(rf"(?<![\w.]){name}(?!\w)", others), f"{name} is defined but not used"
    body = "\n\n\n".join(blocks[2:])  # after the header and the module line, docs, imports
    uses_dict = re.search(r"(?<![\w.])Dict\b", body) is not None
    assert ("import Dict exposing (Dict)" in content) == uses_dict


def declaration(content: str, start: str) -> str:
    """The top-level block (doc comment included) holding a line that starts with `start`."""
    blocks = [b for b in content.split("\n\n\n") if any(l.startswith(start) for l in b.splitlines())]
    assert len(blocks) == 1, f"{len(blocks)} blocks contain a line starting {start!r}"
    return blocks[0]


# ---- shadowing, checked without the Elm compiler ----------------------------------------

_TOKEN = re.compile(r"'(?:[^'\\]|\\.)*'|" r'"(?:[^"\\]|\\.)*"|[A-Za-z_][\w.]*|->|\\|[()\[\]]|\S')


def _binders(text: str) -> list[str]:
    """Lowercase names a pattern binds: `( a, b )` -> a, b; `Tree data` -> data."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    return [t for t in re.findall(r"(?<![\w.])[a-z_]\w*", text) if t != "_"]


def assert_no_shadowing(content: str) -> None:
    """Elm 0.19 rejects a name bound where another of the same name is in scope (a
    top-level value, an argument, a lambda or case pattern). This checks every
    top-level definition of `content`: its arguments, lambdas (scoped by brackets) and
    case branches and multi-line lambdas (scoped by indentation)."""
    heads = {}
    for block in content.split("\n\n\n"):
        head = _head(block)
        if head:
            heads[head] = block
    top = {head.split()[0] for head in heads}
    for block in heads.values():
        _check_definition(block, top)


def _head(block: str) -> str:
    """`encodePoint value =`: the line defining a top-level value, or ""."""
    for line in block.splitlines():
        if re.match(r"[a-z]\w*( [^:]*)? =$", line) and not re.match(r"(type|port|module|import) ", line):
            return line
    return ""


def _check_definition(block: str, top: set[str]) -> None:
    lines = block.splitlines()
    head = _head(block)
    start = lines.index(head)
    scopes: list[tuple[set[str], int]] = []  # (names, end line) of branches in scope
    outer = set(top)
    for name in _binders(head.split(" ", 1)[1].rsplit("=", 1)[0]):
        assert name not in outer, f"argument `{name}` shadows in:\n{head}"
        outer.add(name)
    for index in range(start + 1, len(lines)):
        line = lines[index]
        scopes = [(names, end) for names, end in scopes if end > index]
        visible = outer.union(*(names for names, _ in scopes))
        stripped = line.strip()
        lambda_ = re.search(r"\\([^>]*)->$", stripped)
        if stripped.endswith("->"):
            # a case branch, or a lambda whose body is on the more indented lines below
            bound = set(_binders(lambda_.group(1) if lambda_ else stripped[:-2]))
            clash = bound & visible
            assert not clash, f"pattern binds {clash} already in scope:\n{line}"
            indent = len(line) - len(line.lstrip())
            end = next((j for j in range(index + 1, len(lines))
                        if lines[j].strip() and len(lines[j]) - len(lines[j].lstrip()) <= indent), len(lines))
            scopes.append((bound, end))
        _check_lambdas(lines, index, visible)


def _check_lambdas(lines: list[str], index: int, visible: set[str]) -> None:
    """Each lambda starting on line `index` binds nothing visible, nor anything that a
    lambda inside its body (up to its closing bracket) binds again."""
    tokens = _TOKEN.findall(lines[index])
    rest = [t for l in lines[index + 1:] for t in _TOKEN.findall(l)]
    for position, token in enumerate(tokens):
        if token != "\\":
            continue
        arrow = tokens.index("->", position)
        bound = set(_binders(" ".join(tokens[position + 1:arrow])))
        assert not bound & visible, f"lambda binds {bound & visible} already in scope:\n{lines[index]}"
        depth = 0
        for later, inner in enumerate((tokens + rest)[arrow + 1:], arrow + 1):
            if inner in "([":
                depth += 1
            elif inner in ")]":
                depth -= 1
                if depth < 0:
                    break
            elif inner == "\\":
                everything = tokens + rest
                nested = set(_binders(" ".join(everything[later + 1:everything.index("->", later)])))
                assert not bound & nested, f"nested lambda rebinds {bound & nested}:\n{lines[index]}"
