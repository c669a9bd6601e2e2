"""The content-hash cache (`hamlet.cache`, `.hamlet-cache/`) never changes what a run
prints or writes, only how much it parses.

Every scenario runs the real CLI twice after each change to the sources: once with the
cache into out/cached, once with `--no-cache` into out/plain. Both must print the same
and leave byte-identical trees, and a spy on the parser shows the cache was really used
(or, after a change it must notice, really not).

    test_edit_same_size_same_mtime   a change a size/mtime check would miss
    test_rename / test_delete / test_swap_contents
    test_version_change_starts_over
    test_no_cache_check_and_errors_write_no_cache

A cache file that cannot be used (damaged, foreign, planted, from another version) is
ignored with a one-line warning, the run reads the sources, and its save replaces the
file; nothing in the file ever runs code:

    test_old_pickle_exploit_runs_nothing      the pickle that reached os.system before
    test_damaged_cache_file_is_ignored        random bytes, truncated, a flipped byte...
    test_planted_payload_is_refused           valid JSON of the wrong shape, a tag from
                                              outside the registry, deep or huge JSON
    test_planted_output_path_is_refused       an OutputFile that leaves its folder
    test_cached_output_is_the_uncached_output every golden case and example
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import re
import shutil
from pathlib import Path

import pytest

import hamlet
from hamlet import cache as cache_module
from hamlet.cache import Cache
from hamlet.cli import main
from hamlet.read.rust import parse as rust_parse

CSV = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    // Main → Worker
    ParseCSV { data: String },
    // Worker → Main
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""

IMAGE = """\
use std::fmt;

/// Not a worker: Hamlet parses it and skips it.
pub struct Settings { pub level: u8 }

#[derive(BuildAmpWorker)]
pub enum ImageWorkerMessage {
    Resize { width: u32, height: u32 },
    Resized { url: String },
    ResizeFailed { error: String },
}
"""

PLAIN = "pub fn helper(x: u32) -> u32 { x + 1 }\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    put(tmp_path / "src" / "csv.rs", CSV)
    put(tmp_path / "src" / "image" / "mod.rs", IMAGE)
    put(tmp_path / "src" / "util.rs", PLAIN)
    return tmp_path


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The paths the parser was asked to parse (cache misses)."""
    seen: list[str] = []
    real = rust_parse.parse_source

    def spy(path, data):
        seen.append(path)
        return real(path, data)

    monkeypatch.setattr(rust_parse, "parse_source", spy)
    return seen


def put(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def flags(name: str) -> list[str]:
    return ["--elm-out", f"out/{name}/elm", "--js-out", f"out/{name}/js",
            "--worker-out", f"out/{name}/workers"]


ERRORS_DOC = (Path(__file__).resolve().parents[2] / "docs" / "errors.md").read_text(
    encoding="utf-8").splitlines()
CACHE_WARNING = re.compile(
    r"^\.hamlet-cache/(run|parsed)-[0-9a-f]{16}\.json: warning: cache file not used \((.+)\); "
    r"reading the sources instead$")


def both(project: Path, capsys, parses: list[str], warned: list[str] | None = None) -> list[str]:
    """Run cached and uncached; assert they agree; return what the cached run parsed.

    The cached run may warn about a cache file it could not use: one line each, with
    the reasons in `warned` (none by default), and counted in its summary line;
    besides those, both runs print the same."""
    capsys.readouterr()
    parses.clear()
    cached = main(["generate", "src", *flags("cached")])
    out_c, err_c = capsys.readouterr()
    parsed = list(parses)
    plain = main(["generate", "src", "--no-cache", *flags("plain")])
    out_p, err_p = capsys.readouterr()
    lines = err_c.splitlines(keepends=True)
    reasons = [m.group(2) for m in map(CACHE_WARNING.match, lines) if m]
    assert reasons == (warned or []), err_c
    for line in lines:  # docs/errors.md quotes each one (as if of the run file)
        if CACHE_WARNING.match(line):
            quoted = re.sub(r"(run|parsed)-[0-9a-f]{16}", "run-25a6634263c1b1f6", line.rstrip("\n"))
            assert quoted in ERRORS_DOC, f"docs/errors.md does not quote {quoted}"
    err_c = "".join(line for line in lines if not CACHE_WARNING.match(line))
    if reasons:  # the summary counts them with the other warnings
        out_c = re.sub(r"(\d+) warnings?\n$",
                       lambda m: _warnings(int(m.group(1)) - len(reasons)), out_c)
    assert cached == plain
    assert out_c.replace("out/cached/", "out/X/") == out_p.replace("out/plain/", "out/X/")
    assert err_c.replace("out/cached/", "out/X/") == err_p.replace("out/plain/", "out/X/")
    assert tree(project / "out" / "cached") == tree(project / "out" / "plain")
    assert "Traceback" not in err_c
    return parsed


def _warnings(n: int) -> str:
    return f"{n} warning{'s' * (n != 1)}\n"


def cache_files(project: Path) -> list[Path]:
    return sorted((project / ".hamlet-cache").glob("*.json"))


def run_file(project: Path) -> Path:
    (path,) = (project / ".hamlet-cache").glob("run-*.json")
    return path


def parsed_file(project: Path) -> Path:
    (path,) = (project / ".hamlet-cache").glob("parsed-*.json")
    return path


def forge(path: Path, edit) -> None:
    """Rewrite a cache file's payload with `edit(payload) -> payload` and a checksum
    that matches: what someone who knows the format can plant. The run file's key
    line stays, so that the run gets as far as decoding the payload."""
    header, checksum, payload = path.read_bytes().split(b"\n", 2)
    if header.startswith(b"hamlet-cache 2 run "):
        key, _, rest = payload.partition(b"\n")
        payload = key + b"\n" + edit(rest)
    else:
        payload = edit(payload)
    path.write_bytes(header + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n"
                     + payload)


def test_first_run_parses_all_rerun_parses_none(project, capsys, parses):
    assert sorted(both(project, capsys, parses)) == ["src/csv.rs", "src/image/mod.rs",
                                                     "src/util.rs"]
    assert both(project, capsys, parses) == []
    gitignore = (project / ".hamlet-cache" / ".gitignore").read_text()
    assert "*" in gitignore.splitlines()
    assert len(cache_files(project)) == 2


def test_edit_one_file_parses_only_it(project, capsys, parses):
    both(project, capsys, parses)
    put(project / "src" / "csv.rs", CSV.replace("ParseCSV {", "ParseTSV {"))
    assert both(project, capsys, parses) == ["src/csv.rs"]
    assert "parseTSV" in (project / "out" / "cached" / "elm" / "Workers" / "CSVWorker.elm").read_text()


def test_edit_same_size_same_mtime(project, capsys, parses):
    both(project, capsys, parses)
    path = project / "src" / "csv.rs"
    before = path.stat()
    changed = CSV.replace("data: String", "text: String")
    assert len(changed) == len(CSV)
    path.write_text(changed, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert both(project, capsys, parses) == ["src/csv.rs"]
    elm = (project / "out" / "cached" / "elm" / "Workers" / "CSVWorker.elm").read_text()
    assert "text : String" in elm and "data : String" not in elm


def test_rename(project, capsys, parses):
    both(project, capsys, parses)
    (project / "src" / "csv.rs").rename(project / "src" / "tables.rs")
    # Same bytes, new path: the notice and every location name the new file.
    assert both(project, capsys, parses) == ["src/tables.rs"]
    elm = (project / "out" / "cached" / "elm" / "Workers" / "CSVWorker.elm").read_text()
    assert "src/tables.rs" in elm and "src/csv.rs" not in elm


def test_delete(project, capsys, parses):
    both(project, capsys, parses)
    (project / "src" / "image" / "mod.rs").unlink()
    assert both(project, capsys, parses) == []
    assert not (project / "out" / "cached" / "elm" / "Workers" / "ImageWorker.elm").exists()
    both(project, capsys, parses)
    put(project / "src" / "image" / "mod.rs", IMAGE)
    # Its entry left the cache with the file, so coming back means parsing again.
    assert both(project, capsys, parses) == ["src/image/mod.rs"]


def test_swap_contents(project, capsys, parses):
    both(project, capsys, parses)
    put(project / "src" / "csv.rs", IMAGE)
    put(project / "src" / "image" / "mod.rs", CSV)
    assert sorted(both(project, capsys, parses)) == ["src/csv.rs", "src/image/mod.rs"]


def test_new_file_and_syntax_error_then_fixed(project, capsys, parses):
    both(project, capsys, parses)
    put(project / "src" / "broken.rs", "pub enum Broken { A, B \n")
    assert both(project, capsys, parses) == ["src/broken.rs"]
    put(project / "src" / "broken.rs", "pub enum Broken { A, B }\n")
    assert both(project, capsys, parses) == ["src/broken.rs"]


def test_deleted_output_is_written_again(project, capsys, parses):
    both(project, capsys, parses)
    target = project / "out" / "cached" / "js" / "csv_worker_main.js"
    good = target.read_bytes()
    target.unlink()
    for run in ("cached", "plain"):  # edited below the notice: still Hamlet's to rewrite
        edited = project / "out" / run / "elm" / "Workers" / "ImageWorker.elm"
        edited.write_text(edited.read_text() + "edited")
    (project / "out" / "plain" / "js" / "csv_worker_main.js").unlink()
    assert both(project, capsys, parses) == []
    assert target.read_bytes() == good


DAMAGE = {  # how a cache file is damaged -> the reason its warning gives
    "garbage": "not a Hamlet cache file",
    "truncate": "damaged: its checksum does not match",
    "flip": "damaged: its checksum does not match",
    "header": "damaged: a bad first line",
    "empty": "damaged: the file is empty",
    "folder": "cannot read it: Is a directory",
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damaged_cache_file_is_ignored(project, capsys, parses, damage):
    both(project, capsys, parses)
    for path in cache_files(project):
        blob = path.read_bytes()
        if damage == "garbage":
            path.write_bytes(os.urandom(len(blob)))
        elif damage == "truncate":
            path.write_bytes(blob[: len(blob) // 2])
        elif damage == "flip":
            middle = len(blob) // 2
            path.write_bytes(blob[:middle] + bytes([blob[middle] ^ 0x40]) + blob[middle + 1 :])
        elif damage == "header":
            path.write_bytes(blob[:20])  # "hamlet-cache 2 run 5"
        elif damage == "empty":
            path.write_bytes(b"")
        else:
            path.unlink()
            path.mkdir()  # open() fails with IsADirectoryError
    put(project / "src" / "csv.rs", CSV.replace("rows", "cells"))
    # One line for both files: they are damaged the same way.
    assert sorted(both(project, capsys, parses, warned=[DAMAGE[damage]])) == sorted(
        ["src/csv.rs", "src/image/mod.rs", "src/util.rs"])
    if damage != "folder":  # the good run replaced the damaged files
        assert both(project, capsys, parses) == []
    else:  # it could not, so it warns again, and still writes what it should
        assert len(both(project, capsys, parses, warned=[DAMAGE[damage]])) == 3


def test_cache_folder_that_cannot_be_written(project, capsys, parses):
    (project / ".hamlet-cache").write_text("a file where the folder should be")
    assert len(both(project, capsys, parses)) == 3
    assert len(both(project, capsys, parses)) == 3  # no cache, no harm


def exploit(command: str) -> bytes:
    """The pickle that ran a shell command through the old cache: the old loader let
    any `hamlet.*` name through, and `hamlet.write` imports `os`."""
    def text(s: str) -> bytes:
        return b"\x8c" + bytes([len(s)]) + s.encode()

    # PROTO 4, "hamlet.write" "os.system" STACK_GLOBAL, (command,) REDUCE, STOP
    return b"\x80\x04" + text("hamlet.write") + text("os.system") + b"\x93" + text(command) \
        + b"\x85R."


class OldLoader(pickle.Unpickler):
    """The allow-list the cache used to unpickle with, to show the exploit is real."""

    def find_class(self, module, name):
        if module == "hamlet" or module.startswith("hamlet."):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name}")


def test_old_pickle_exploit_runs_nothing(project, capsys, parses, tmp_path):
    proof, planted = tmp_path / "proof", tmp_path / "pwned"
    OldLoader(io.BytesIO(exploit(f"touch {proof}"))).load()
    assert proof.exists(), "the payload runs a command through the old loader"
    both(project, capsys, parses)
    payload = exploit(f"touch {planted}")
    # As the old cache file (header and all), as the new files' content, and inside a
    # new file whose header and checksum are right.
    code = Cache(".hamlet-cache", ["src"]).code_key()
    old = b"hamlet-cache 1\n" + code + hashlib.sha256(payload).digest() + payload
    run, parsed = run_file(project), parsed_file(project)
    run.with_suffix(".bin").write_bytes(old)
    parsed.write_bytes(old)
    forge(run, lambda _: payload)
    assert len(both(project, capsys, parses, warned=[
        "damaged: not valid JSON", "written by another version of Hamlet"])) == 3
    run.write_bytes(payload)
    parsed.write_bytes(payload)
    assert len(both(project, capsys, parses, warned=["not a Hamlet cache file"])) == 3
    assert not planted.exists()
    assert not run.with_suffix(".bin").exists(), "the save removed the old pickle"


def replace_first(pattern: bytes, by: bytes):
    def edit(payload: bytes) -> bytes:
        assert re.search(pattern, payload), pattern
        return re.sub(pattern, by, payload, count=1)

    return edit


DEEP_TYPE = b'["Li",' * 950 + b'["P","String"]' + b"]" * 950
PLANTED = {  # name -> (edit of the run file's Result JSON, reason of the warning)
    "pickle": (lambda _: exploit("touch pwned"), "damaged: not valid JSON"),
    "not JSON": (lambda p: p[:-1], "damaged: not valid JSON"),
    "wrong shape": (lambda _: b'{"files": [], "project": null}', "holds data Hamlet does not write"),
    "foreign tag": (replace_first(rb'\["L",', b'["os.system",'), "holds data Hamlet does not write"),
    "importable name": (replace_first(rb'^\["Re",', b'["hamlet.Result",'),
                        "holds data Hamlet does not write"),
    "another class's tag": (replace_first(rb'\["L",', b'["PF",'), "holds data Hamlet does not write"),
    "true for a line": (replace_first(rb'(\["L","src/[a-z/.]+"),\d+', rb"\1,true"),
                        "holds data Hamlet does not write"),
    "unknown enum value": (replace_first(rb'"(request|response)"', b'"sideways"'),
                           "holds data Hamlet does not write"),
    "a field too many": (replace_first(rb'(\["L","src/[a-z/.]+",\d+,\d+)', rb"\1,0"),
                         "holds data Hamlet does not write"),
    "deep JSON": (lambda _: b"[" * 200_000 + b"]" * 200_000, "damaged: nested too deeply"),
    "deep but well-formed": (replace_first(rb'\["P","String"\]', DEEP_TYPE),
                             "damaged: nested too deeply"),
    "huge": (lambda _: b"[" + b"0," * 1_000_000 + b"0]", "holds data Hamlet does not write"),
    "outside its folder": (replace_first(rb'\["O","js","workers.js"', b'["O","js","../../evil.js"'),
                           "holds data Hamlet does not write"),
    "absolute": (replace_first(rb'\["O","js","workers.js"', b'["O","js","/tmp/evil.js"'),
                 "holds data Hamlet does not write"),
    "unknown root": (replace_first(rb'\["O","js",', b'["O","home",'),
                     "holds data Hamlet does not write"),
}


@pytest.mark.parametrize("name", sorted(PLANTED))
def test_planted_payload_is_refused(project, capsys, parses, name):
    """A run file with the right header, key and checksum whose payload is not what
    Hamlet writes: refused as a whole, with one warning; the run then takes every file
    from the parsed cache and writes what an uncached run writes."""
    edit, reason = PLANTED[name]
    both(project, capsys, parses)
    forge(run_file(project), edit)
    assert both(project, capsys, parses, warned=[reason]) == []
    assert not (project / "out" / "evil.js").exists() and not Path("/tmp/evil.js").exists()
    assert both(project, capsys, parses) == [], "the good run replaced the file"


def test_planted_parsed_entry_is_parsed_again(project, capsys, parses):
    both(project, capsys, parses)
    put(project / "src" / "util.rs", PLAIN + "// the run cache misses now\n")

    def edit(payload: bytes) -> bytes:
        lines = payload.split(b"\n")
        (at,) = [i for i, line in enumerate(lines) if line.startswith(b'"src/csv.rs"\t')]
        lines[at] = lines[at].replace(b'["L",', b'["subprocess.Popen",', 1)
        return b"\n".join(lines)

    forge(parsed_file(project), edit)
    assert sorted(both(project, capsys, parses, warned=["holds data Hamlet does not write"])) \
        == ["src/csv.rs", "src/util.rs"]
    put(project / "src" / "util.rs", PLAIN)
    assert both(project, capsys, parses) == ["src/util.rs"], "csv.rs's entry is good again"


def test_parsed_entry_under_another_path_is_refused(project, capsys, parses):
    """Each entry names its own file: an entry copied under another path (with that
    path's digest) would give the other file's syntax."""
    both(project, capsys, parses)
    put(project / "src" / "util.rs", PLAIN + "// the run cache misses now\n")

    def edit(payload: bytes) -> bytes:
        entries = {json.loads(line.split(b"\t")[0]): line.split(b"\t")
                   for line in payload.split(b"\n")[:-1]}
        csv, image = entries["src/csv.rs"], entries["src/image/mod.rs"]
        entries["src/csv.rs"] = [csv[0], csv[1], image[2]]
        return b"".join(b"\t".join(fields) + b"\n" for fields in entries.values())

    forge(parsed_file(project), edit)
    assert sorted(both(project, capsys, parses, warned=["holds data Hamlet does not write"])) \
        == ["src/csv.rs", "src/util.rs"]


def test_version_change_starts_over(project, capsys, parses, monkeypatch):
    both(project, capsys, parses)
    assert both(project, capsys, parses) == []
    monkeypatch.setattr(hamlet, "__version__", "99.0.0")
    # One line, though both files are from the other version.
    assert len(both(project, capsys, parses, warned=["written by another version of Hamlet"])) == 3
    assert both(project, capsys, parses) == []


def test_edit_to_hamlet_itself_starts_over(project, capsys, parses, monkeypatch):
    """The code key covers Hamlet's own source, not just its version number."""
    both(project, capsys, parses)
    key = cache_module.code_key()
    real = Path.read_bytes

    def edited(self):
        data = real(self)
        return data + b"\n# edited" if self.name == "naming.py" else data

    monkeypatch.setattr(Path, "read_bytes", edited)
    assert cache_module.code_key() != key
    assert len(both(project, capsys, parses, warned=["written by another version of Hamlet"])) == 3


def test_no_cache_check_and_errors_write_no_cache(project, capsys):
    assert main(["generate", "src", "--no-cache"]) == 0
    assert main(["generate", "src", "--check"]) == 0
    assert main(["list", "src", "--no-cache"]) == 0
    assert not (project / ".hamlet-cache").exists()
    put(project / "src" / "bad.rs", CSV.replace("CSVWorkerMessage", "OtherWorkerMessage")
        .replace("ParseError { error: String }", ""))
    assert main(["generate", "src"]) == 1
    assert not (project / ".hamlet-cache").exists()


def test_library_generate_with_and_without_cache_agree(project):
    plain = hamlet.generate(["src"])
    store = Cache(project / "elsewhere", ["src"])
    first = hamlet.generate(["src"], cache=store)
    store.save()
    again = hamlet.generate(["src"], cache=Cache(project / "elsewhere", ["src"]))
    assert plain == first == again
    assert plain.files and all(a.content == b.content for a, b in zip(plain.files, again.files))


def test_list_uses_the_cache(project, capsys, parses):
    assert main(["list", "src"]) == 0
    first = capsys.readouterr()
    parses.clear()
    assert main(["list", "src"]) == 0
    assert capsys.readouterr() == first
    assert parses == []


def test_library_returns_the_warning_and_prints_nothing(project, capsys):
    """The warning is data, first among the diagnostics; the library never prints."""
    store = Cache(project / ".hamlet-cache", ["src"])
    hamlet.generate(["src"], cache=store)
    store.save()
    run_file(project).write_bytes(b"\x00garbage")
    capsys.readouterr()
    result = hamlet.generate(["src"], cache=Cache(project / ".hamlet-cache", ["src"]))
    assert capsys.readouterr() == ("", "")
    first = result.diagnostics[0]
    assert not first.is_error and first.loc.line is None
    assert first.render() == (
        f"{run_file(project).as_posix()}: warning: cache file not used (not a Hamlet cache "
        "file); reading the sources instead")
    assert result.ok and result.files == hamlet.generate(["src"]).files
    parsed_file(project).write_bytes(b"\x00garbage")  # `load` reads only this one
    _, diagnostics = hamlet.load(["src"], cache=Cache(project / ".hamlet-cache", ["src"]))
    assert [d.message for d in diagnostics] == [first.message]


def test_list_reports_the_warning(project, capsys):
    assert main(["list", "src"]) == 0
    listed = capsys.readouterr().out
    parsed_file(project).write_text("{}")
    assert main(["list", "src"]) == 0
    out, err = capsys.readouterr()
    assert out == listed
    assert CACHE_WARNING.match(err.splitlines()[0]).group(2) == "not a Hamlet cache file"


ROOT = Path(__file__).resolve().parents[2]
GOOD_INPUTS = sorted(
    [p / "input" for p in (ROOT / "tests" / "cases").iterdir()
     if (p / "expected").is_dir()]
    + [p / "src" for p in (ROOT / "examples").iterdir() if (p / "src").is_dir()])


@pytest.mark.parametrize("source", GOOD_INPUTS, ids=lambda p: f"{p.parent.name}")
def test_cached_output_is_the_uncached_output(source, tmp_path, monkeypatch, capsys, parses):
    """Through each cache file: the run file (nothing parsed), and the parsed file
    alone (the run file gone): byte for byte what --no-cache writes, golden cases and
    examples alike."""
    shutil.copytree(source, tmp_path / "src", ignore=shutil.ignore_patterns("*.elm"))
    monkeypatch.chdir(tmp_path)
    assert main(["generate", "src", "--no-cache", *flags("plain")]) == 0
    plain = tree(tmp_path / "out" / "plain")
    for name, prepare in (("cold", None), ("run", None), ("parsed", lambda: run_file(tmp_path).unlink())):
        if prepare:
            prepare()
        parses.clear()
        assert main(["generate", "src", *flags(name)]) == 0
        assert "warning: cache" not in capsys.readouterr().err
        assert tree(tmp_path / "out" / name) == plain
        assert (parses == []) == (name != "cold"), name
