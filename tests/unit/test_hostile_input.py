"""Input that once gave a traceback: each run ends with exit 0 or a clear error, exit 1
and nothing written.

    test_escape_rustc_rejects_is_an_error    `\\u{D800}`, `\\u{110000}`, `\\x80`, `\\q` in a
                                             string Hamlet reads: an error at the escape
    test_escape_rustc_accepts_is_read        the valid forms, decoded
    test_escape_in_any_string_hamlet_reads   rename, rename_all, tag, content, doc,
                                             alias, nested lists: each one reported
    test_surrogate_in_a_field_rename_and_a_variant_doc
    test_file_name_not_utf8                  an error naming the file, bytes as `\\x..`
    test_output_folder_not_utf8_is_printed   `wrote elm-<0xe9>/...`, no UnicodeEncodeError
    test_broken_path_type                    `::`, `Option<::>`, `a::`, `Vec<>`...: the
                                             syntax error, no IndexError
    test_broken_path_type_names_the_field    and an error naming the field, as documented
    test_global_path_is_still_a_path         `::std::vec::Vec<u32>` works
    test_deep_modules / test_long_chain_of_structs / test_long_chain_of_aliases_and_enums /
    test_deep_types_up_to_the_limit / test_flatten_up_to_the_limit
                                             what must work, well past the old limits
                                             (20,000 modules, 1,000 types, 100 levels)
    test_type_nested_past_the_limit          `Vec<` 101 and 10,000 deep: one error at
                                             the first level past the limit
    test_flatten_nested_past_the_limit       33 flattens deep: one error, also when the
                                             deep part was resolved first
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hamlet.cli import main
from hamlet.read.rust.parse import parse_source
from hamlet.read.rust.syntax import TYPE_NESTING_LIMIT

ROOT = Path(__file__).resolve().parents[2]
WORKER = """\
#[derive(BuildAmpWorker)]
pub enum AWorkerMessage {{
    Go {{ x: {0} }},
    Done {{ y: u32 }},
    Failed {{ error: String }},
}}
"""

CSV = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(project: Path, source: str | bytes, name: str = "lib.rs") -> tuple[int, str]:
    """`hamlet generate src` on one file; returns the exit code and stderr, after checking
    that a failed run wrote nothing and no traceback escaped."""
    path = project / "src" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(source, str):
        source = source.encode("utf-8")
    path.write_bytes(source)
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = main(["generate", "src", "--no-cache"])
    if code != 0:
        assert not (project / "generated").exists(), "a failed run wrote files"
    return code, err.getvalue()


def errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ": error: " in line]


# ---- string escapes ----------------------------------------------------------------

# rustc 1.x gives an error for each of these in a string literal (checked by hand with
# `rustc` on `#[doc = ...]`): the literal, the reason Hamlet gives.
REJECTED = [
    (r'"\u{D800}"', "a surrogate (D800 to DFFF) is not a character"),
    (r'"\u{dfff}"', "a surrogate (D800 to DFFF) is not a character"),
    (r'"\u{110000}"', "above 10FFFF, the largest character"),
    (r'"\u{0000041}"', "more than 6 hex digits"),
    (r'"\x80"', "`\\x` escapes in a string go up to `\\x7f`"),
    (r'"\q"', "rustc knows no such escape"),
    (r'b"\u{41}"', "a byte string cannot hold `\\u{...}` escapes"),
]
ACCEPTED = [
    (r'"\u{10FFFF}"', "\U0010ffff"),
    (r'"\u{000041}\u{e9}"', "Aé"),
    (r'"\x7f\0\t\\\'\""', "\x7f\0\t\\'\""),
    (r'b"\xff"', "\xff"),
    (r'c"\u{41}\xff"', "A\xff"),
    ('"a\\\n    b"', "ab"),
]


@pytest.mark.parametrize("literal, reason", REJECTED)
def test_escape_rustc_rejects_is_an_error(literal, reason):
    source = f"#[doc = {literal}]\npub struct A;\n"
    parsed = parse_source("lib.rs", source.encode())
    escape = re.search(r"\\[^\"]*", literal).group(0)
    assert [(d.loc.line, d.loc.col, d.message) for d in parsed.diagnostics] == [
        (1, 10 + (literal[0] != '"'),
         f"invalid escape `{escape}` in a string literal: {reason}"),
    ]
    assert "rustc rejects it too" in parsed.diagnostics[0].hint


@pytest.mark.parametrize("literal, text", ACCEPTED)
def test_escape_rustc_accepts_is_read(literal, text):
    parsed = parse_source("lib.rs", f"#[doc = {literal}]\npub struct A;\n".encode())
    assert parsed.diagnostics == ()
    assert parsed.items[0].docs == text


@pytest.mark.parametrize(
    "attribute",
    [
        '#[serde(rename = "a\\u{D800}")]',
        '#[serde(rename_all = "\\u{D800}")]',
        '#[serde(tag = "\\u{D800}", content = "c")]',
        '#[serde(tag = "t", content = "\\u{D800}")]',
        '#[serde(alias = "\\u{D800}")]',
        '#[doc = "\\u{D800}"]',
        '#[serde(rename(serialize = "\\u{D800}"))]',
    ],
)
def test_escape_in_any_string_hamlet_reads(project, attribute):
    source = (
        f"#[derive(Serialize, Deserialize)]\n{attribute}\npub enum Kind {{ A(u32), B }}\n"
        + WORKER.format("Kind")
    )
    code, err = run(project, source)
    assert code == 1 and "Traceback" not in err
    assert any("invalid escape `\\u{D800}`" in line for line in errors(err)), err


def test_surrogate_in_a_field_rename_and_a_variant_doc(project):
    source = WORKER.format("u32").replace(
        "    Go {", '    #[doc = "go \\u{D800}"]\n    Go { #[serde(rename = "\\u{DBFF}")]'
    )
    code, err = run(project, source)
    assert code == 1
    assert [line.split(": error: ")[0] for line in errors(err)] == ["src/lib.rs:3:17",
                                                                     "src/lib.rs:4:28"]


@pytest.mark.skipif(sys.platform != "linux", reason="other systems refuse such names")
def test_file_name_not_utf8(project):
    folder = os.fsencode(project / "src")
    os.makedirs(folder)
    with open(os.path.join(folder, b"caf\xe9.rs"), "wb") as handle:
        handle.write(WORKER.format("u32").encode())
    code, err = run(project, WORKER.format("u32"))
    assert code == 1
    assert err.splitlines()[:2] == [
        "src/caf\\xe9.rs: error: file name is not valid UTF-8",
        "  hint: rename the file (or its folder): the generated files name their Rust source",
    ]
    catalogue = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8").splitlines()
    assert all(line in catalogue for line in err.splitlines()[:2])


@pytest.mark.skipif(sys.platform != "linux", reason="other systems refuse such names")
def test_output_folder_not_utf8_is_printed(tmp_path):
    """stdout that refuses surrogates (a UTF-8 locale's default): the path prints as its
    bytes, not as a UnicodeEncodeError after the files were written."""
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "lib.rs").write_text(CSV)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    done = subprocess.run(
        [sys.executable, "-m", "hamlet", "generate", "src", "--no-cache", "--elm-out",
         os.fsdecode(b"elm-\xe9")], cwd=tmp_path, env=env, capture_output=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert b"wrote elm-\xe9/Workers/CSVWorker.elm\n" in done.stdout
    assert os.path.exists(os.fsencode(tmp_path) + b"/elm-\xe9/Workers/CSVWorker.elm")


# ---- broken paths ------------------------------------------------------------------


@pytest.mark.parametrize(
    "ty", ["::", "Option<::>", "a::", "crate::", "a::::b", "Vec<>", "Vec<,>", "A<>", "<>",
           "::<u32>", "Vec<Vec<>>", "HashMap<::, ::>", "(::, u32)", "[::; 2]", "&::"],
)
def test_broken_path_type(project, ty):
    code, err = run(project, WORKER.format(ty) + "pub struct A;\n")
    assert code == 1 and "Traceback" not in err
    assert any("syntax error" in line for line in errors(err)), err


def test_broken_path_type_names_the_field(project):
    code, err = run(project, CSV.replace("data: String", "data: ::"))
    assert code == 1
    lines = err.splitlines()
    assert lines[0] == ("src/lib.rs:3:22: error: field `data` of `CSVWorkerMessage::ParseCSV`: "
                        "the type `::` is not valid Rust")
    catalogue = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8").splitlines()
    assert lines[:-1] == catalogue[catalogue.index(lines[0]):][:4]


def test_global_path_is_still_a_path(project):
    code, err = run(project, WORKER.format("::std::vec::Vec<u32>"))
    assert code == 0, err


# ---- deep nesting ------------------------------------------------------------------


def chain(count: int, make) -> str:
    """A worker reaching T0, and T0 .. T{count-1}, each made by make(i, next name)."""
    items = [make(i, f"T{i + 1}" if i + 1 < count else "u32") for i in range(count)]
    return WORKER.format("T0") + "\n".join(items) + "\n"


def test_deep_modules(project):
    depth = 20_000
    source = "mod m {\n" * depth + WORKER.format("u32") + "}\n" * depth
    code, err = run(project, source)
    assert code == 0, err[-500:]


def test_long_chain_of_structs(project):
    code, err = run(project, chain(1000, lambda i, n: f"pub struct T{i} {{ a: {n} }}"))
    assert code == 0, err[-500:]
    types = (project / "generated" / "elm" / "Workers" / "Types.elm").read_text()
    assert "type alias T999 =" in types


def test_long_chain_of_aliases_and_enums(project):
    def make(i, n):
        return f"pub type T{i} = {n};" if i % 2 else f"pub enum T{i} {{ A({n}), B }}"

    code, err = run(project, chain(1000, make))
    assert code == 0, err[-500:]


@pytest.mark.parametrize(
    "wrap", ["Vec<{}>", "Option<{}>", "HashMap<String, {}>", "(u8, {})", "[{}; 2]", "Box<{}>"]
)
def test_deep_types_up_to_the_limit(project, wrap):
    ty = "u32"
    for _ in range(TYPE_NESTING_LIMIT):
        ty = wrap.format(ty)
    code, err = run(project, WORKER.format(ty))
    assert code == 0, err[-500:]


@pytest.mark.parametrize("depth", [TYPE_NESTING_LIMIT + 1, 10_000])
def test_type_nested_past_the_limit(project, depth):
    ty = "Vec<" * depth + "u32" + ">" * depth
    code, err = run(project, WORKER.format(ty))
    assert code == 1
    column = len("    Go { x: ") + 4 * TYPE_NESTING_LIMIT + 1
    assert err.splitlines() == [
        f"src/lib.rs:3:{column}: error: field `x` of `AWorkerMessage::Go`: type nested too "
        f"deeply (more than {TYPE_NESTING_LIMIT} levels)",
        "  hint: give an inner part a name with a `type` alias or a struct",
        "hamlet: 1 error; nothing written",
    ]


def flatten_chain(count: int, reached: str = "T0") -> str:
    def make(i, n):
        if n == "u32":
            return f"#[derive(Serialize)]\npub struct T{i} {{ a{i}: u32 }}"
        return f"#[derive(Serialize)]\npub struct T{i} {{ a{i}: u32, #[serde(flatten)] f: {n} }}"

    return chain(count, make).replace("Go { x: T0 }", f"Go {{ {reached} }}")


def test_flatten_up_to_the_limit(project):
    code, err = run(project, flatten_chain(33, "x: T0"))
    assert code == 0, err


@pytest.mark.parametrize("reached", ["x: T0", "x: T8, y: T0"])
def test_flatten_nested_past_the_limit(project, reached):
    """`x: T8` first: T8 .. T40 are resolved before T0 comes to flatten T8, so the limit
    must count what T8 holds, not only the flattens being resolved."""
    code, err = run(project, flatten_chain(41, reached))
    assert code == 1
    assert len(errors(err)) == 1, err
    assert "hint: structs flattened into one another nest more than 32 deep here" in err
