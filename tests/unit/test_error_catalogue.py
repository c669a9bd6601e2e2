"""The error catalogue entries that a golden case cannot show, run through the CLI.

    test_missing_path_is_an_error           `hamlet generate nowhere`
    test_every_missing_path_is_reported     two bad paths and a good one: both reported,
                                            nothing written
    test_missing_default_path_...           `src`, no PATH given: the hint says it is
                                            the default (or names the config file)
    test_fifo_socket_and_folder_named_rs... skipped with a warning, never a hang
    test_symlink_loops_end                  no hang, no traceback
    test_file_that_cannot_be_read           a dangling link, a link through a file: each
                                            `cannot read file`, and nothing written
    test_folder_that_cannot_be_listed       a folder whose path is longer than the system
                                            takes: `cannot read folder`
    test_config_error                       each config file error, and its summary
    test_strict_takes_only_true_or_false    `strict = 1` is not `true`
    test_not_a_rust_file                    a path that is not `.rs`
    test_not_utf8_beside_other_errors       a Latin-1 file and a broken worker in another
                                            file: one run reports both
    test_folder_without_workers_warns       a warning and exit 0, not an error
    test_list_reports_the_same_errors       `hamlet list` prints what `generate` prints
    test_check_with_errors_writes_nothing   `--check` on bad input: exit 1, no report of
                                            stale files
    test_catalogue_is_documented            every tests/cases/err_* case is in docs/errors.md
    test_golden_errors_are_quoted           every error and hint line of every
                                            tests/cases/err_*/stderr.txt is in docs/errors.md
    test_catalogue_only_error               the entries with no golden case: each input
                                            fails with the error it is for, and every
                                            error and hint line it prints is in the doc

The golden cases (tests/cases/err_*/stderr.txt) hold one input per catalogue entry with
its exact diagnostics; tests/test_golden.py runs them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from hamlet.cli import main

ROOT = Path(__file__).resolve().parents[2]
PATH_HINT = "  hint: pass .rs files or folders that contain them\n"

GOOD = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder as the working directory (no hamlet.toml in it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_missing_path_is_an_error(project, capsys):
    assert main(["generate", "nowhere"]) == 1
    out, err = capsys.readouterr()
    assert err == (
        "nowhere: error: no such file or folder: nowhere\n"
        + PATH_HINT
        + "hamlet: 1 error; nothing written\n"
    )
    assert out == ""
    assert files_under(project) == []


def test_every_missing_path_is_reported(project, capsys):
    write(project / "src" / "lib.rs", GOOD)
    assert main(["generate", "src", "nowhere", "gone/lib.rs"]) == 1
    _, err = capsys.readouterr()
    assert err == (
        "nowhere: error: no such file or folder: nowhere\n"
        + PATH_HINT
        + "gone/lib.rs: error: no such file or folder: gone/lib.rs\n"
        + PATH_HINT
        + "hamlet: 2 errors; nothing written\n"
    )
    assert files_under(project) == ["src/lib.rs"]


def test_missing_default_path_says_it_is_the_default(project, capsys):
    """No PATH given and no config: the hint says `src` is the default, and how to
    set another; `list` says the same, without generate's summary line."""
    assert main(["generate"]) == 1
    _, err = capsys.readouterr()
    assert err == (
        "src: error: no such file or folder: src\n"
        "  hint: `src` is where Hamlet looks when no PATH is given: pass .rs files or "
        "folders that contain them, or set `paths` in hamlet.toml\n"
        "hamlet: 1 error; nothing written\n"
    )
    assert main(["list"]) == 1
    assert capsys.readouterr().err == err.rsplit("hamlet: ", 1)[0]
    assert all(line in doc_lines() for line in diagnostic_lines(err))
    assert files_under(project) == []


def test_missing_configured_path_names_the_config(project, capsys):
    write(project / "hamlet.toml", 'paths = ["crates/app/src"]\n')
    assert main(["generate"]) == 1
    _, err = capsys.readouterr()
    assert err == (
        "crates/app/src: error: no such file or folder: crates/app/src\n"
        "  hint: `paths` in hamlet.toml names it: fix it there, or pass .rs files or folders\n"
        "hamlet: 1 error; nothing written\n"
    )
    assert all(line in doc_lines() for line in diagnostic_lines(err))
    assert files_under(project) == ["hamlet.toml"]


def run_cli(project: Path, *args: str) -> subprocess.CompletedProcess:
    """The CLI in its own process, with a time limit: a hang fails the test."""
    return subprocess.run([sys.executable, "-m", "hamlet", *args], cwd=project,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_fifo_socket_and_folder_named_rs_are_skipped(project):
    """Reading a FIFO would wait for a writer forever: files that are not regular are
    skipped with a warning naming them, given as PATH or found in a folder."""
    write(project / "src" / "lib.rs", GOOD)
    os.mkfifo(project / "src" / "pipe.rs")
    (project / "src" / "folder.rs").mkdir()
    write(project / "src" / "folder.rs" / "inner.rs", "pub struct Inner { x: u32 }\n")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(project / "src" / "sock.rs"))
        done = run_cli(project, "generate")
        alone = run_cli(project, "generate", "src/pipe.rs")
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        "src/pipe.rs: warning: not a regular file but a FIFO; skipped\n"
        "  hint: Hamlet reads only regular files: rename it, or move it out of the scanned "
        "folders\n"
        "src/sock.rs: warning: not a regular file but a socket; skipped\n"
        "  hint: Hamlet reads only regular files: rename it, or move it out of the scanned "
        "folders\n"
    )
    assert done.stdout.endswith(", 2 warnings\n")
    assert (project / "generated" / "elm" / "Workers" / "CSVWorker.elm").is_file()
    assert all(line in doc_lines() for line in diagnostic_lines(done.stderr))
    assert alone.returncode == 0
    assert alone.stderr.startswith("src/pipe.rs: warning: not a regular file but a FIFO")


def test_symlink_loops_end(project):
    """Links back up the tree are not followed; a link that loops on itself is a file
    that cannot be read. Neither hangs or gives a traceback."""
    write(project / "src" / "lib.rs", GOOD)
    (project / "src" / "up").symlink_to("..")
    (project / "src" / "here").symlink_to(".")
    done = run_cli(project, "generate")
    assert done.returncode == 0, done.stderr
    (project / "src" / "loop.rs").symlink_to("loop.rs")
    looped = run_cli(project, "generate")
    assert looped.returncode == 1
    assert looped.stderr == (
        "src/loop.rs: error: cannot read file: Too many levels of symbolic links\n"
        + PATH_HINT + "hamlet: 1 error; nothing written\n"
    )
    assert all(line in doc_lines() for line in diagnostic_lines(looped.stderr))


# Why the system refuses, for causes that hold for root too (root reads a chmod 000
# file or folder, so permissions cannot make these errors on CI).
UNREADABLE_FILES = {
    "dangling_link": ("nowhere.rs", "No such file or directory"),
    "link_through_a_file": ("lib.rs/inner.rs", "Not a directory"),
}


@pytest.mark.parametrize("name", sorted(UNREADABLE_FILES))
def test_file_that_cannot_be_read(name, project, capsys):
    """A `.rs` entry found in a folder that cannot be opened is an error naming the
    system's reason: the run must not go on as if the file were empty or absent."""
    target, reason = UNREADABLE_FILES[name]
    write(project / "src" / "lib.rs", GOOD)
    (project / "src" / "broken.rs").symlink_to(target)
    assert main(["generate", "src"]) == 1
    _, err = capsys.readouterr()
    assert err == (
        f"src/broken.rs: error: cannot read file: {reason}\n"
        + PATH_HINT + "hamlet: 1 error; nothing written\n"
    )
    assert not (project / "generated").exists()


def deep_folder(parent: Path, length: int) -> str:
    """Folders nested below `parent` until the path from it is `length` characters or
    more, made one level at a time (each step is short; the whole is not); returns the
    first level's name."""
    name = "d" * 250
    fd = os.open(parent, os.O_RDONLY)
    try:
        for _ in range(length // (len(name) + 1) + 1):
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        os.close(os.open("deep.rs", os.O_WRONLY | os.O_CREAT, dir_fd=fd))
    finally:
        os.close(fd)
    return name


def test_folder_that_cannot_be_listed(project, capsys):
    """A folder below PATH that the system will not list (here, its path is longer than
    PATH_MAX) is an error naming it and the reason, and nothing is written."""
    write(project / "src" / "lib.rs", GOOD)
    limit = os.pathconf(project, "PC_PATH_MAX")
    deep_folder(project / "src", limit)
    assert main(["generate", "src"]) == 1
    _, err = capsys.readouterr()
    error_line, hint, summary = err.splitlines()
    place, message = error_line.split(": error: ")
    assert message == "cannot read folder: File name too long"
    assert place.startswith("src/" + "d" * 250 + "/") and len(place) >= limit
    assert (hint + "\n", summary) == (PATH_HINT, "hamlet: 1 error; nothing written")
    assert not (project / "generated").exists()


def test_strict_takes_only_true_or_false(project, capsys):
    """TOML's 1 and 0 are integers, which Python compares equal to True and False: a
    check by value instead of by type would take them."""
    write(project / "src" / "lib.rs", GOOD)
    for value in ("1", "0", '"true"'):
        write(project / "hamlet.toml", f"strict = {value}\n")
        assert main(["generate"]) == 1
        _, err = capsys.readouterr()
        assert err.splitlines() == [
            "hamlet.toml:1:1: error: `strict` must be true or false",
            "  hint: write `strict = true`",
            "hamlet: 1 error; nothing written",
        ], value
    assert files_under(project) == ["hamlet.toml", "src/lib.rs"]
    write(project / "hamlet.toml", "strict = false\n")
    assert main(["generate"]) == 0


TABLE_HINT = "  hint: write `[tool.hamlet]` on a line of its own, with the settings under it"
CONFIG_ERRORS = {  # name -> (file, content, the diagnostics it prints)
    "tool_hamlet_string": ("pyproject.toml", '[tool]\nhamlet = "src"\n', [
        "pyproject.toml:2:1: error: `tool.hamlet` must be a table, not a string", TABLE_HINT]),
    "array_of_tables": ("pyproject.toml", '[project]\nname = "app"\n\n[[tool.hamlet]]\n'
                        'paths = ["src"]\n', [
        "pyproject.toml:4:1: error: `[[tool.hamlet]]` is an array of tables; Hamlet's "
        "settings are one table", TABLE_HINT]),
    "nul_in_paths": ("hamlet.toml", 'strict = true\npaths = ["src", "src\\u0000/lib.rs"]\n'
                     'elm-out = "web\\u0000"\n', [
        "hamlet.toml:2:1: error: `paths` holds a NUL character (\\u0000), which no path "
        "can contain",
        "  hint: remove the \\u0000 from the path",
        "hamlet.toml:3:1: error: `elm-out` holds a NUL character (\\u0000), which no path "
        "can contain",
        "  hint: remove the \\u0000 from the path"]),
    "deep_array": ("hamlet.toml", "strict = true\npaths = " + "[" * 3000 + "]" * 3000 + "\n", [
        "hamlet.toml:2:9: error: TOML nested too deeply",
        "  hint: Hamlet's settings need no nesting beyond a list of paths"]),
    "deep_inline_table": ("pyproject.toml", "[tool.hamlet]\nx = " + "{a=" * 3000 + "1"
                          + "}" * 3000 + "\n", [
        "pyproject.toml:2:5: error: TOML nested too deeply",
        "  hint: Hamlet's settings need no nesting beyond a list of paths"]),
    "not_toml": ("hamlet.toml", 'paths = ["src"\n', [
        "hamlet.toml:2:1: error: invalid TOML: Unclosed array",
        "  hint: fix the file's syntax"]),
    "wrong_types": ("hamlet.toml", 'paths = "src"\nelm-out = 3\nstrict = "yes"\n', [
        "hamlet.toml:1:1: error: `paths` must be a list of strings",
        '  hint: write `paths = ["src"]`',
        "hamlet.toml:2:1: error: `elm-out` must be a string",
        '  hint: write `elm-out = "folder"`',
        "hamlet.toml:3:1: error: `strict` must be true or false",
        "  hint: write `strict = true`"]),
    "unknown_setting": ("hamlet.toml", 'elm_out = "web"\n', [
        "hamlet.toml:1:1: error: unknown setting `elm_out`",
        "  hint: known settings: paths, elm-out, js-out, worker-out, rust-out, strict"]),
}


@pytest.mark.parametrize("name", sorted(CONFIG_ERRORS))
def test_config_error(name, project, capsys):
    """Each config error: its place, a hint, the same summary line as errors in the
    sources, exit 1, nothing written; and quoted in docs/errors.md."""
    file, content, expected = CONFIG_ERRORS[name]
    write(project / file, content)
    write(project / "src" / "lib.rs", GOOD)
    assert main(["generate"]) == 1
    _, err = capsys.readouterr()
    errors = sum(": error: " in line for line in expected)
    summary = f"hamlet: {errors} error{'s' * (errors != 1)}; nothing written"
    assert err.splitlines() == expected + [summary]
    assert files_under(project) == sorted([file, "src/lib.rs"])
    missing = [line for line in expected if line not in doc_lines()]
    assert not missing, f"docs/errors.md does not quote {missing}"


def test_not_a_rust_file(project, capsys):
    write(project / "notes.txt", "pub enum A { B }\n")
    assert main(["generate", "notes.txt"]) == 1
    _, err = capsys.readouterr()
    assert err.startswith("notes.txt: error: not a Rust source file (.rs): notes.txt\n" + PATH_HINT)
    assert files_under(project) == ["notes.txt"]


def test_not_utf8_beside_other_errors(project, capsys):
    write(project / "src" / "menu.rs", b"// Men\xfc\npub struct Dish { name: String }\n")
    write(project / "src" / "lib.rs", GOOD.replace("ParseError { error: String }", "ParseError"))
    assert main(["generate", "src"]) == 1
    _, err = capsys.readouterr()
    lines = err.splitlines()
    assert "src/menu.rs:1:7: error: file is not valid UTF-8 (byte 0xfc)" in lines
    assert "  hint: save the file as UTF-8, as rustc requires" in lines
    assert any(
        line.startswith("src/lib.rs:2:1: error: worker `CSVWorkerMessage` has no failure variant")
        for line in lines
    ), err
    assert lines[-1] == "hamlet: 2 errors; nothing written"
    assert "Traceback" not in err
    assert not (project / "generated").exists()


def test_folder_without_workers_warns(project, capsys):
    write(project / "src" / "lib.rs", "pub struct Point { x: f64, y: f64 }\n")
    assert main(["generate", "src"]) == 0
    _, err = capsys.readouterr()
    assert err == (
        "src: warning: no #[derive(BuildAmpWorker)] enum found here\n"
        "  hint: derive BuildAmpWorker on a message enum, or pass the folder that holds it\n"
    )


def test_empty_folder_warns(project, capsys):
    (project / "src").mkdir()
    assert main(["generate", "src"]) == 0
    _, err = capsys.readouterr()
    assert err.startswith("src: warning: no #[derive(BuildAmpWorker)] enum found here\n")


def test_list_reports_the_same_errors(project, capsys):
    write(project / "src" / "lib.rs", GOOD.replace("Vec<Vec<String>>", "Vec<(u8, u8, u8, u8)>"))
    assert main(["generate", "src"]) == 1
    _, generated = capsys.readouterr()
    assert main(["list", "src"]) == 1
    out, listed = capsys.readouterr()
    assert out == ""
    assert "a tuple of 4" in listed
    # `list` prints the diagnostics without generate's "nothing written" summary.
    assert generated.startswith(listed)


def test_check_with_errors_writes_nothing(project, capsys):
    write(project / "src" / "lib.rs", GOOD.replace("String }", "Thumbnail }", 1))
    assert main(["generate", "src", "--check"]) == 1
    out, err = capsys.readouterr()
    assert "unknown type `Thumbnail`" in err
    assert "missing:" not in err and out == ""
    assert files_under(project) == ["src/lib.rs"]


def test_catalogue_is_documented():
    cases = sorted(p.name for p in (ROOT / "tests" / "cases").glob("err_*") if p.is_dir())
    assert cases, "the error catalogue has golden cases"
    docs = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    missing = [case for case in cases if f"tests/cases/{case}" not in docs]
    assert not missing, f"docs/errors.md does not mention {missing}"


# ---- the catalogue quotes what Hamlet prints ----------------------------------------


def doc_lines() -> set[str]:
    return set((ROOT / "docs" / "errors.md").read_text(encoding="utf-8").splitlines())


def diagnostic_lines(stderr: str) -> list[str]:
    """The `...: error: ...` and `  hint: ...` lines, without the closing summary."""
    return [
        line for line in stderr.splitlines()
        if ": error: " in line or ": warning: " in line or line.startswith("  hint: ")
    ]


def test_golden_errors_are_quoted():
    docs = doc_lines()
    cases = sorted((ROOT / "tests" / "cases").glob("err_*/stderr.txt"))
    assert len(cases) > 20
    missing = [
        f"{path.parent.name}: {line}"
        for path in cases
        for line in diagnostic_lines(path.read_text(encoding="utf-8"))
        if line not in docs
    ]
    assert not missing, "docs/errors.md does not quote:\n" + "\n".join(missing)


def worker(name: str, *variants: str, types: str = "") -> str:
    """A Rust file: `types`, then a worker enum with one variant a line.

    worker("AWorkerMessage", "Go", "Gone") ->
    "#[derive(BuildAmpWorker)]\npub enum AWorkerMessage {\n    Go,\n    Gone,\n}\n"
    """
    body = "".join(f"    {variant},\n" for variant in variants)
    return f"{types}#[derive(BuildAmpWorker)]\npub enum {name} {{\n{body}}}\n"


CSV = ("CSVParsed { rows: Vec<Vec<String>> }", "ParseError { error: String }")
UPLOAD = ("Upload { name: String }", "Uploaded { url: String }")

# (input, a piece of the one error it must give): the entries of docs/errors.md that no
# golden case shows. Types come before the worker that reaches them.
CATALOGUE_ONLY = {
    "worker_named_types": (
        worker("TypesMessage", "Import { data: String }", "Imported { count: u32 }",
               "ImportFailed { error: String }"),
        "would be the Elm module Workers.Types",
    ),
    "lowercase_variant": (
        worker("CSVWorkerMessage", "ParseCSV { data: String }", "parsed { rows: u32 }",
               "ParseError { error: String }"),
        "`CSVWorkerMessage::parsed` does not start with an uppercase letter",
    ),
    "skipped_variant": (
        worker("CSVWorkerMessage", "ParseCSV { data: String }",
               "#[serde(skip)]\n    Internal { cursor: u64 }", *CSV),
        "`CSVWorkerMessage::Internal` is `skip`ped by serde",
    ),
    "same_command": (
        worker("CSVWorkerMessage", "CSVLoad { path: String }", "CsvLoad { url: String }", *CSV),
        "both get the Elm command `csvLoad`",
    ),
    "same_reply": (
        worker("CSVWorkerMessage", "ParseCSV { data: String }", "CSVParsed { rows: u32 }",
               "CsvParsed { rows: u32 }", "ParseError { error: String }"),
        "both get the JS reply method `csvParsed`",
    ),
    "same_wire_tag": (
        worker("CSVWorkerMessage", "ParseCSV { data: String }",
               '#[serde(rename = "ParseCSV")]\n    ParseTSV { data: String }', *CSV),
        "both get the wire tag `ParseCSV`",
    ),
    "generated_command": (
        worker("MailWorkerMessage", "SendToMailWorker { to: String }", "Sent { id: u64 }",
               "SendFailed { error: String }"),
        "would get the Elm command `sendToMailWorker`",
    ),
    "failure_fields": (
        worker("ExportWorkerMessage", "ExportPdf { html: String }",
               "PdfExported { bytes: Vec<u8> }",
               "#[worker(error)]\n    ExportFailed { code: u32, message: String }"),
        "must have exactly one String field",
    ),
    "two_marked_failures": (
        worker("UploadWorkerMessage", *UPLOAD, "#[worker(error)]\n    UploadFailed { error: String }",
               "#[worker(error)]\n    NetworkError { message: String }"),
        "marks 2 variants #[worker(error)]",
    ),
    "unknown_worker_attribute": (
        worker("UploadWorkerMessage", "Upload { name: String }",
               "#[worker(reponse)]\n    Uploaded { url: String }", "UploadFailed { error: String }"),
        "unknown worker attribute `reponse`",
    ),
    "request_and_error": (
        worker("UploadWorkerMessage", *UPLOAD, "#[worker(request, error)]\n    UploadFailed { error: String }"),
        "is marked both request and error",
    ),
    "workers_differing_in_case": (
        worker("CsvWorkerMessage", "Load { path: String }", "Loaded { rows: u32 }",
               "LoadFailed { error: String }",
               types=worker("CSVWorker", "Load { path: String }", "Loaded { rows: u32 }",
                            "LoadFailed { error: String }") + "\n"),
        "the same generated name `csv_worker`",
    ),
    "same_elm_name": (
        worker("LinkWorkerMessage", "Split { url: String }",
               "Splitted { parts: URLParts, rest: UrlParts }", "SplitFailed { error: String }",
               types="pub struct URLParts { host: String }\npub struct UrlParts { path: String }\n\n"),
        "would both generate the Elm name `urlPartsDecoder`",
    ),
    "lowercase_type": (
        worker("MapWorkerMessage", "Locate { name: String }", "Located { at: point }",
               "LocateFailed { error: String }",
               types="pub struct point { x: f64, y: f64 }\n\n"),
        "type `point` does not start with an uppercase letter",
    ),
    "lowercase_domain_variant": (
        worker("MapWorkerMessage", "Measure { unit: Unit }", "Measured { distance: f64 }",
               "MeasureFailed { error: String }", types="pub enum Unit { km, Mile }\n\n"),
        "`Unit::km` does not start with an uppercase letter",
    ),
    "type_arguments": (
        worker("SearchWorkerMessage", "Search { query: String }",
               "SearchResults { page: Page<String> }", "SearchFailed { error: String }",
               types="pub struct Page { items: Vec<String> }\n\n"),
        "`Page` takes no type arguments",
    ),
    "named_like_messages": (
        worker("ShopWorkerMessage", "Find { request: ShopWorkerRequest }", "Found { name: String }",
               "FindFailed { error: String }",
               types="pub struct ShopWorkerRequest { sku: String }\n\n"),
        "is named like the messages of worker `ShopWorkerMessage`",
    ),
    "constructor_taken": (
        worker("DrawWorkerMessage", "Draw { shape: Shape, marker: ShapeCircle }",
               "Drawn { svg: String }", "DrawFailed { error: String }",
               types="pub struct Circle { radius: f64 }\npub struct ShapeCircle { x: f64 }\n"
                     "pub enum Shape { Circle(Circle), Dot }\n\n"),
        "the Elm constructor `ShapeCircle` of `Shape` is already taken",
    ),
    "one_tuple": (
        worker("MapWorkerMessage", "Zoom { level: (u8,) }", "Zoomed { ok: bool }",
               "MapError { error: String }"),
        "a tuple of 1",
    ),
    "wide_integer": (
        worker("MathWorkerMessage", "Factorial { n: u32 }", "FactorialDone { value: u128 }",
               "MathError { error: String }"),
        "`u128` does not fit in a JSON number",
    ),
    "type_argument_count": (
        worker("MathWorkerMessage", "Solve { equation: String }",
               "Solved { roots: Vec<f64, f64> }", "SolveFailed { error: String }"),
        "`Vec` takes one type argument, found 2",
    ),
    "map_argument_count": (
        worker("MathWorkerMessage", "Solve { equation: String }",
               "Solved { names: HashMap<String> }", "SolveFailed { error: String }"),
        "`HashMap` takes a key and a value type",
    ),
    "reference_to_other": (
        worker("ConfigWorkerMessage", "Load { path: String }",
               "Loaded { limit: &'static u32 }", "LoadFailed { error: String }"),
        "reference `&'static u32` cannot cross to a worker",
    ),
    "bare_str": (
        worker("TextWorkerMessage", "Tokenize { text: str }",
               "Tokenized { tokens: Vec<Box<str>> }", "TokenizeFailed { error: String }"),
        "input/lib.rs:3:22: error: field `text` of `TextWorkerMessage::Tokenize`: bare `str` "
        "is unsized\n  hint: use `String` (or `&str`)\n",
    ),
    "reference_with_lifetime": (
        worker("TextWorkerMessage", "Tokenize { text: &'a str }",
               "Tokenized { tokens: Vec<String> }", "TokenizeFailed { error: String }"),
        "reference with lifetime 'a",
    ),
    "domain_variants_same_tag": (
        worker("ExportWorkerMessage", "Export { format: Format }", "Exported { bytes: Vec<u8> }",
               "ExportFailed { error: String }",
               types='#[serde(rename_all = "lowercase")]\npub enum Format { CSV, Csv, Json }\n\n'),
        "variants `CSV` and `Csv` of `Format` are both sent as `csv`",
    ),
    "unknown_serde_key": (
        worker("AccountWorkerMessage", "LoadAccount { id: u64 }",
               "AccountLoaded { account: Account }", "LoadFailed { error: String }",
               types='pub struct Account {\n    #[serde(renam = "fullName")]\n'
                     "    name: String,\n}\n\n"),
        "`renam` is not a serde attribute Hamlet knows on a field",
    ),
    "untagged_and_tag": (
        worker("CellWorkerMessage", "Evaluate { formula: String }", "Evaluated { value: Value }",
               "EvaluateFailed { error: String }",
               types='#[serde(untagged, tag = "kind")]\npub enum Value { Number(f64), Text(String) }\n\n'),
        "enum `Value` is both `untagged` and tagged",
    ),
    "struct_with_tag": (
        worker("DrawWorkerMessage", "Draw { circle: Circle }", "Drawn { svg: String }",
               "DrawFailed { error: String }",
               types='#[serde(tag = "kind")]\npub struct Circle { radius: f64 }\n\n'),
        "struct `Circle`: `tag`, `content`, `untagged` and `rename_all_fields` are for enums",
    ),
    "tagged_newtype_of_enum": (
        worker("MapWorkerMessage", "Configure { setting: Setting }", "Configured { ok: bool }",
               "ConfigureFailed { error: String }",
               types='pub enum Units { Metric, Imperial }\n#[serde(tag = "kind")]\n'
                     "pub enum Setting {\n    Units(Units),\n    Zoom { level: u8 },\n}\n\n"),
        "variant `Setting::Units` of an internally tagged enum holds `Units`",
    ),
    "tagged_newtype_with_tag_field": (
        worker("FleetWorkerMessage", "ListVehicles", "VehiclesListed { vehicles: Vec<Vehicle> }",
               "ListFailed { error: String }",
               types='pub struct Car { kind: String, seats: u8 }\n#[serde(tag = "kind")]\n'
                     "pub enum Vehicle {\n    Car(Car),\n    Bike,\n}\n\n"),
        "its struct has a field sent as `kind`, which is the tag",
    ),
    "flatten_recursive": (
        worker("FileWorkerMessage", "List { path: String }", "Listed { listing: Listing }",
               "ListFailed { error: String }",
               types="pub struct Folder { name: String, parent: Option<Box<Folder>> }\n"
                     "pub struct Listing {\n    count: u32,\n    #[serde(flatten)]\n"
                     "    folder: Folder,\n}\n\n"),
        "cannot flatten `Folder`, which contains itself",
    ),
    "flatten_itself": (
        worker("FileWorkerMessage", "List { path: String }", "Listed { folder: Folder }",
               "ListFailed { error: String }",
               types="pub struct Folder {\n    name: String,\n    #[serde(flatten)]\n"
                     "    parent: Box<Folder>,\n}\n\n"),
        "a struct cannot flatten itself",
    ),
    "empty_enum": (
        worker("ProbeWorkerMessage", "Probe { never: Option<Void> }", "Probed { ok: bool }",
               "ProbeFailed { error: String }", types="pub enum Void {}\n\n"),
        "enum `Void` has no variant to send",
    ),
    "flatten_positional": (
        worker("VideoWorkerMessage", "Decode { url: String }", "Decoded { frame: Frame }",
               "DecodeFailed { error: String }",
               types="pub struct Size { width: u32, height: u32 }\n"
                     "pub struct Frame(#[serde(flatten)] Size, u32);\n\n"),
        "`flatten` and `rename` need a named field",
    ),
    # serde's derive rejects these too; Hamlet says so instead of guessing
    "serde_list_on_a_value_key": (
        worker("DrawWorkerMessage", "Draw { shape: Shape }", "Drawn { svg: String }",
               "DrawFailed { error: String }",
               types='#[serde(tag("kind"))]\npub enum Shape { Dot { x: f64 } }\n\n'),
        "serde attribute `tag(...)` is not a form serde reads",
    ),
    "serde_without_a_list": (
        worker("DrawWorkerMessage", "Draw { dot: Dot }", "Drawn { svg: String }",
               "DrawFailed { error: String }",
               types="#[serde]\npub struct Dot { x: f64 }\n\n"),
        "`#[serde]` needs a list of keys",
    ),
    "transparent_two_fields": (
        worker("UserWorkerMessage", "Find { id: UserId }", "Found { name: String }",
               "FindFailed { error: String }",
               types="#[serde(transparent)]\npub struct UserId { value: u64, check: u8 }\n\n"),
        "struct `UserId` is `transparent` but has 2 fields that are not skipped",
    ),
    "tuple_skip_leaves_one": (
        worker("UserWorkerMessage", "Find { id: UserId }", "Found { name: String }",
               "FindFailed { error: String }",
               types="pub struct UserId(u64, #[serde(skip)] u8);\n\n"),
        "`UserId`: `skip` leaves 1 of its 2 positional fields",
    ),
    "default_on_tuple_struct": (
        worker("UserWorkerMessage", "Find { id: UserId }", "Found { name: String }",
               "FindFailed { error: String }",
               types="#[serde(default)]\npub struct UserId(u64);\n\n"),
        "struct `UserId` has `default` but no named fields",
    ),
    "default_on_enum": (
        worker("UserWorkerMessage", "Find { role: Role }", "Found { name: String }",
               "FindFailed { error: String }",
               types="#[serde(default)]\npub enum Role { Admin, Guest }\n\n"),
        "enum `Role` has `default`, which serde allows on structs only",
    ),
    "tag_same_as_content": (
        worker("DrawWorkerMessage", "Draw { shape: Shape }", "Drawn { svg: String }",
               "DrawFailed { error: String }",
               types='#[serde(tag = "shape", content = "shape")]\npub enum Shape { Dot(f64) }\n\n'),
        "enum `Shape` has the same key `shape` for `tag` and `content`",
    ),
    "internally_tagged_empty_tuple": (
        worker("DrawWorkerMessage", "Draw { shape: Shape }", "Drawn { svg: String }",
               "DrawFailed { error: String }",
               types='#[serde(tag = "kind")]\npub enum Shape { Dot(), Line { length: f64 } }\n\n'),
        "is a tuple variant with no fields, which cannot carry the tag",
    ),
    "recursive_alias": (
        worker("TreeWorkerMessage", "Walk { tree: Tree }", "Walked { count: u32 }",
               "WalkFailed { error: String }",
               types="pub type Tree = Vec<Tree>;\n\n"),
        "type alias `Tree` refers to itself",
    ),
    "named_like_envelopes": (
        worker("ShopWorkerMessage", "Find { sku: String }",
               "Found { receipt: ShopWorkerResponseEnvelope }", "FindFailed { error: String }",
               types="pub struct ShopWorkerResponseEnvelope { id: u64 }\n\n"),
        "is named like the envelopes of worker `ShopWorkerMessage`",
    ),
}


@pytest.mark.parametrize("name", sorted(CATALOGUE_ONLY))
def test_catalogue_only_error(name, project, capsys):
    source, needle = CATALOGUE_ONLY[name]
    write(project / "input" / "lib.rs", source)
    assert main(["generate", "--no-cache", "input"]) == 1
    _, err = capsys.readouterr()
    lines = diagnostic_lines(err)
    assert len(lines) == 2 and needle in err, err
    assert err.endswith("hamlet: 1 error; nothing written\n")
    missing = [line for line in lines if line not in doc_lines()]
    assert not missing, f"docs/errors.md does not quote {missing}"
    assert files_under(project) == ["input/lib.rs"]
