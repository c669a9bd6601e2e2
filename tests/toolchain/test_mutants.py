"""Mutated worker crates: whatever the input, Hamlet ends with exit 0 or a clear error.

    test_mutant   a golden case's input, examples/seed or examples/trails, mutated by
                  hypothesis (bytes, tokens, inserted attributes and items, nesting),
                  run through `hamlet.cli.main` in-process; for every mutant:
                  - no exception escapes `main` (a traceback is a failure);
                  - the exit code is 0 or 1;
                  - on exit 1, nothing is written;
                  - on exit 0, every generated JS file parses as an ES module (node's own
                    parser, `vm.SourceTextModule`: syntax and early errors such as a
                    name declared twice), every Elm module passes `elm-format
                    --validate`, and every JSON Schema is JSON.

The examples are derandomized: every run, here and in CI, tries the same mutants. A
failure prints the mutant's source; `MUTANT_EXAMPLES=1000` tries more of them.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from support.procs import ROOT, elm_format_problems, node, node_tool, run

from hamlet.cli import main


def _crate(folder: Path) -> dict[str, bytes]:
    """{path under src/: bytes} of every Rust file under `folder`."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.rs"))}


def _crates() -> tuple[list, list]:
    """The seeds: the crates that generate (the golden cases with expected output, and
    the examples), and those that fail (the error cases)."""
    cases = sorted(p for p in (ROOT / "tests" / "cases").iterdir() if (p / "input").is_dir())
    good = [_crate(p / "input") for p in cases if (p / "expected").is_dir()]
    good += [_crate(ROOT / "examples" / name / "src") for name in ("seed", "trails")]
    bad = [_crate(p / "input") for p in cases if not (p / "expected").is_dir()]
    return good, bad


GOOD, BAD = _crates()

# What a mutation inserts: Rust that is valid, or nearly, and aims at the places where
# source text becomes output text.
SNIPPETS = [
    b'#[serde(rename = "\\u{D800}")]', b'#[serde(rename = "a\\"b\\\\c")]', b'#[serde(rename = "")]',
    b'#[serde(rename = "-}{-*/</script>")]', b"#[serde(rename = \"\xe2\x80\xa8\")]",
    b'#[doc = "a\\u{2028}b */ -} {- \\" \\\\ \\r \\0"]', b"/// doc: */ -} {- `x` \xe2\x80\xa9 \x0c end",
    b"/** block\n * doc */", b"/*! inner */", b"//! inner", b"// Main \xe2\x86\x92 Worker", b"// Worker -> Main",
    b"#[serde(flatten)]", b'#[serde(tag = "type")]', b'#[serde(tag = "kind")]', b"#[serde(untagged)]",
    b'#[serde(tag = "t", content = "c")]', b"#[serde(transparent)]", b'#[serde(rename_all = "kebab-case")]',
    b'#[serde(rename_all = "SCREAMING_SNAKE_CASE")]', b"#[serde(default)]", b"#[serde(skip)]",
    b'#[serde(skip_serializing_if = "Option::is_none")]', b'#[serde(skip_serializing_if = "Vec::is_empty")]',
    b"#[worker(request)]", b"#[worker(response)]", b"#[worker(error)]", b"#[worker(progress)]",
    b"#[derive(BuildAmpWorker)]", b"#[derive(Serialize, Deserialize)]", b"#[derive(Debug)]",
    b"r#type", b"constructor", b"__proto__", b"request", b"reply", b"case", b"type", b"value",
    b"\xc3\xbc", b"\xe5\x90\x8d\xe5\x89\x8d", b"Self", b"self", b"crate::", b"::",
    b"Vec<", b">", b"Option<", b"Box<", b"HashMap<String, ", b"(u8, ", b")", b"[u8; 4]", b"&'static str",
    b"Vec<>", b"u32", b"f64", b"String", b"bool", b"()", b"u128", b"char",
    b"pub struct Extra { value: u32, #[serde(default)] note: Option<String> }",
    b"pub enum Pick { One, Two(u8), Three { x: f64 } }",
    b"pub type Alias = Vec<String>;",
    b"mod inner {", b"}", b"{", b"<", b",", b";", b"#", b"!", b"'", b'"', b"\\", b"/*", b"*/",
    b"\xff", b"\xc3", b"\x00", b"\r", b"\t", b"\xe2\x80\xa8",
]
# Names that mean something to JS, Elm or the generated code: what a rename edit uses.
NAMES = [
    b"request", b"reply", b"type", b"r#type", b"r#match", b"value", b"id", b"data", b"error",
    b"constructor", b"__proto__", b"toString", b"valueOf", b"hasOwnProperty", b"then",
    b"default", b"import", b"export", b"await", b"yield", b"arguments", b"eval", b"let",
    b"static", b"enum", b"class", b"function", b"new", b"this", b"super", b"null", b"true",
    b"undefined", b"NaN", b"case", b"of", b"port", b"module", b"where", b"as", b"exposing",
    b"alias", b"infix", b"if", b"then", b"else", b"Decode", b"Encode", b"List", b"Maybe",
    b"Dict", b"Result", b"Cmd", b"Sub", b"Never", b"msg", b"model", b"tracker", b"timeout",
    b"signal", b"Types", b"Workers", b"ParseCSV", b"ParseError", b"Failed", b"Progress",
    b"A", b"a", b"_", b"_x", b"x_", b"HTTPRequest", b"urlParts", b"URLParts", b"ABC",
    b"\xc3\xbc", b"\xc3\x9cber", b"Ol\xc3\xa9", b"\xe5\x90\x8d",
]
# Rust tokens, roughly: what a token mutation removes, doubles, swaps or replaces.
# `.` takes newlines too (DOTALL): `(?:.|\n)` would match each newline two ways, and an
# unterminated `/*` or `r#"` before many lines would backtrack exponentially.
TOKEN = re.compile(
    rb'r#".*?"#|"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?\*/|[A-Za-z_][A-Za-z0-9_]*|::|->|=>|\s+|.',
    re.DOTALL,
)
TYPE_SPOT = re.compile(rb"(?<=: )[A-Za-z_][A-Za-z0-9_]*(?=[,}\s])")


def _splice(data: bytes, at: int, remove: int, insert: bytes) -> bytes:
    return data[:at] + insert + data[at + remove :]


@st.composite
def byte_edit(draw, data: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    remove = draw(st.integers(0, 3))
    insert = draw(st.one_of(st.binary(max_size=3), st.sampled_from(SNIPPETS)))
    return _splice(data, at, remove, insert)


@st.composite
def token_edit(draw, data: bytes) -> bytes:
    tokens = TOKEN.findall(data)
    if not tokens:
        return data
    i = draw(st.integers(0, len(tokens) - 1))
    how = draw(st.sampled_from(["drop", "double", "swap", "replace", "insert"]))
    if how == "drop":
        del tokens[i]
    elif how == "double":
        tokens.insert(i, tokens[i])
    elif how == "swap" and i + 1 < len(tokens):
        tokens[i], tokens[i + 1] = tokens[i + 1], tokens[i]
    elif how == "replace":
        tokens[i] = draw(st.sampled_from([*SNIPPETS, *tokens]))
    else:
        tokens.insert(i, draw(st.sampled_from(SNIPPETS)) + b" ")
    return b"".join(tokens)


IDENT = re.compile(rb"\b[A-Za-z_][A-Za-z0-9_]*\b")
FIELD_LIST = re.compile(rb"[{(]\s*")
FIELD_TYPES = [b"u32", b"String", b"Option<String>", b"Vec<u8>", b"(f64, f64)", b"bool",
               b"HashMap<String, u32>", b"Box<Self>", b"Option<Box<Self>>", b"[u8; 2]"]


@st.composite
def rename_edit(draw, data: bytes) -> bytes:
    """An identifier (a field, a variant, a type) renamed to a name that means something."""
    spots = list(IDENT.finditer(data))
    if not spots:
        return data
    spot = draw(st.sampled_from(spots))
    return _splice(data, spot.start(), spot.end() - spot.start(), draw(st.sampled_from(NAMES)))


@st.composite
def field_edit(draw, data: bytes) -> bytes:
    """A field added at the start of a braced or parenthesised list."""
    spots = list(FIELD_LIST.finditer(data))
    if not spots:
        return data
    spot = draw(st.sampled_from(spots))
    name = draw(st.sampled_from(NAMES))
    ty = draw(st.sampled_from(FIELD_TYPES))
    attribute = draw(st.sampled_from([b"", b"", *SNIPPETS[:30]]))
    field = attribute + b" " + (ty if spot.group(0)[:1] == b"(" else name + b": " + ty) + b", "
    return _splice(data, spot.end(), 0, field)


@st.composite
def line_edit(draw, data: bytes) -> bytes:
    """A snippet on a line of its own before a line: an attribute, a doc comment, an item."""
    lines = data.split(b"\n")
    i = draw(st.integers(0, len(lines)))
    lines.insert(i, draw(st.sampled_from(SNIPPETS)))
    return b"\n".join(lines)


@st.composite
def nest_edit(draw, data: bytes) -> bytes:
    """A type wrapped in up to 130 levels, or the whole file in up to 300 modules."""
    spots = list(TYPE_SPOT.finditer(data))
    if spots and draw(st.booleans()):
        spot = draw(st.sampled_from(spots))
        depth = draw(st.integers(1, 130))
        wrap = draw(st.sampled_from([(b"Vec<", b">"), (b"Option<", b">"), (b"(u8, ", b")"),
                                     (b"[", b"; 2]"), (b"Box<", b">")]))
        inner = wrap[0] * depth + spot.group(0) + wrap[1] * depth
        return _splice(data, spot.start(), spot.end() - spot.start(), inner)
    depth = draw(st.integers(1, 300))
    return b"mod m {\n" * depth + data + b"\n}" * depth


EDITS = [byte_edit, token_edit, line_edit, nest_edit, rename_edit, rename_edit, field_edit,
         field_edit]


@st.composite
def mutants(draw) -> dict[str, bytes]:
    # Mostly crates that generate, so that most mutants get as far as the output.
    seeds = st.sampled_from(BAD) if draw(st.integers(0, 9)) == 0 else st.sampled_from(GOOD)
    crate = dict(draw(seeds))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(sorted(crate)))
        edit = draw(st.sampled_from(EDITS))
        crate[path] = draw(edit(crate[path]))
    return crate


# ---- the real tools ------------------------------------------------------------------

# Reads JSON lists of JS file paths, one a line; answers each with a JSON list of the
# files that do not parse as ES modules, with node's message.
NODE_CHECK = r"""
import vm from 'node:vm';
import fs from 'node:fs';
import readline from 'node:readline';
const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const bad = [];
  for (const file of JSON.parse(line)) {
    try { new vm.SourceTextModule(fs.readFileSync(file, 'utf8'), { identifier: file }); }
    catch (error) { bad.push(`${file}: ${error.message}`); }
  }
  process.stdout.write(JSON.stringify(bad) + '\n');
});
"""


class ModuleChecker:
    """One node process for every mutant: starting node per file would take longer
    than running Hamlet."""

    def __init__(self, node: str) -> None:
        self.process = subprocess.Popen(
            [node, "--no-warnings", "--experimental-vm-modules", "--input-type=module",
             "-e", NODE_CHECK],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
        )

    def problems(self, files: list[Path]) -> list[str]:
        self.process.stdin.write(json.dumps([str(f) for f in files]) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()
        assert answer, "the node checker ended"
        return json.loads(answer)

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture(scope="module")
def tools(tmp_path_factory):
    checker = ModuleChecker(node())
    yield checker, node_tool("elm-format"), tmp_path_factory.mktemp("mutants")
    checker.close()


def run_hamlet(folder: Path) -> tuple[int, str]:
    """`hamlet generate src` in `folder`, in-process; an exception is a failure."""
    out, err = io.StringIO(), io.StringIO()
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(["generate", "src", "--no-cache", "--elm-out", "out/elm",
                         "--js-out", "out/js", "--worker-out", "out/workers"])
    finally:
        os.chdir(cwd)
    return code, err.getvalue()


def show(crate: dict[str, bytes]) -> str:
    return "\n".join(f"--- {path}\n{data.decode('utf-8', 'backslashreplace')}" for path, data in crate.items())


def test_the_checks_catch_broken_output(tools, tmp_path):
    """The checks below can fail: node's parser sees an early error that a grammar
    alone does not, and elm-format --validate a file it would change."""
    checker, elm_format, _ = tools
    good = tmp_path / "good.js"
    good.write_text("export async function handleA(request, reply) {\n    const { a } = request;\n}\n")
    twice = tmp_path / "twice.js"
    twice.write_text("export async function handleA(request, reply) {\n"
                     "    const { request, reply } = request;\n}\n")
    assert checker.problems([good]) == []
    assert checker.problems([good, twice]) == [
        f"{twice}: Identifier 'request' has already been declared"]
    elm = tmp_path / "M.elm"
    elm.write_text("module M exposing (x)\n\n\nx =\n  1\n")
    checked = run([elm_format, "--elm-version=0.19", "--validate", elm], cwd=tmp_path, timeout=120)
    assert checked.returncode != 0 and json.loads(checked.stdout)[0]["path"] == str(elm)


EXAMPLES = int(os.environ.get("MUTANT_EXAMPLES", "200"))


@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture])
@given(crate=mutants())
def test_mutant(crate, tools):
    checker, _, work = tools
    folder = work / "crate"
    shutil.rmtree(folder, ignore_errors=True)
    for path, data in crate.items():
        (folder / "src" / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / "src" / path).write_bytes(data)
    code, err = run_hamlet(folder)
    event(f"exit {code}")
    assert code in (0, 1), f"exit {code}\n{err}\n{show(crate)}"
    written = sorted(p for p in (folder / "out").rglob("*") if p.is_file())
    if code == 1:
        assert written == [], f"exit 1 but wrote {written}\n{err}\n{show(crate)}"
        assert ": error: " in err, err
        return
    scripts = [p for p in written if p.suffix == ".js"]
    bad = checker.problems(scripts) if scripts else []
    assert bad == [], "\n".join(bad) + "\n" + show(crate)
    for schema in (p for p in written if p.suffix == ".json"):
        json.loads(schema.read_text(encoding="utf-8"))
    modules = [p for p in written if p.suffix == ".elm"]
    if not modules:
        return  # a crate without workers: nothing to generate
    problems = elm_format_problems(modules, cwd=folder)
    assert problems == "", problems + "\n" + show(crate)
