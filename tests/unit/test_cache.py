"""The content-hash cache (`hamlet.cache`, `.hamlet-cache/`) never changes what a run
prints or writes, only how much it parses.

Every scenario runs the real CLI twice after each change to the sources: once with the
cache into out/cached, once with `--no-cache` into out/plain. Both must print the same
and leave byte-identical trees, and a spy on the parser shows the cache was really used
(or, after a change it must notice, really not).

    test_edit_same_size_same_mtime   a change a size/mtime check would miss
    test_rename / test_delete / test_swap_contents
    test_corrupt_* / test_unreadable_* / test_tampered_pickle_runs_nothing
    test_version_change_starts_over
    test_no_cache_check_and_errors_write_no_cache
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

import hamlet
from hamlet import cache as cache_module
from hamlet.cache import Cache
from hamlet.cli import main
from hamlet.rust import parse as rust_parse

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


def both(project: Path, capsys, parses: list[str]) -> list[str]:
    """Run cached and uncached; assert they agree; return what the cached run parsed."""
    capsys.readouterr()
    parses.clear()
    cached = main(["generate", "src", *flags("cached")])
    out_c, err_c = capsys.readouterr()
    parsed = list(parses)
    plain = main(["generate", "src", "--no-cache", *flags("plain")])
    out_p, err_p = capsys.readouterr()
    assert cached == plain
    assert out_c.replace("out/cached/", "out/X/") == out_p.replace("out/plain/", "out/X/")
    assert err_c.replace("out/cached/", "out/X/") == err_p.replace("out/plain/", "out/X/")
    assert tree(project / "out" / "cached") == tree(project / "out" / "plain")
    assert "Traceback" not in err_c
    return parsed


def cache_files(project: Path) -> list[Path]:
    return sorted((project / ".hamlet-cache").glob("*.bin"))


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


@pytest.mark.parametrize("damage", ["garbage", "truncate", "flip", "empty", "folder"])
def test_corrupt_or_unreadable_cache_is_ignored(project, capsys, parses, damage):
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
        elif damage == "empty":
            path.write_bytes(b"")
        else:
            path.unlink()
            path.mkdir()  # open() fails with IsADirectoryError
    put(project / "src" / "csv.rs", CSV.replace("rows", "cells"))
    assert sorted(both(project, capsys, parses)) == sorted(
        ["src/csv.rs", "src/image/mod.rs", "src/util.rs"])
    if damage != "folder":  # the next good run replaced the damaged files
        assert both(project, capsys, parses) == []


def test_cache_folder_that_cannot_be_written(project, capsys, parses):
    (project / ".hamlet-cache").write_text("a file where the folder should be")
    assert len(both(project, capsys, parses)) == 3
    assert len(both(project, capsys, parses)) == 3  # no cache, no harm


def test_tampered_pickle_runs_nothing(project, capsys, parses, tmp_path):
    """A payload with a valid checksum that would call a function on load is refused:
    only Hamlet's own classes come out of the cache."""
    both(project, capsys, parses)
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    for path in cache_files(project):
        cache_module._write(path, Cache(".hamlet-cache", ["src"]).code_key(), Evil())
    assert len(both(project, capsys, parses)) == 3
    assert not marker.exists()


def test_entry_of_the_wrong_shape_is_ignored(project, capsys, parses):
    both(project, capsys, parses)
    code = Cache(".hamlet-cache", ["src"]).code_key()
    for path in cache_files(project):
        cache_module._write(path, code, {"src/csv.rs": ("not bytes", 42)} if "parsed" in path.name
                            else (b"wrong key", "not a result"))
    assert len(both(project, capsys, parses)) == 3


def test_entry_that_does_not_unpickle_is_parsed_again(project, capsys, parses):
    both(project, capsys, parses)
    put(project / "src" / "util.rs", PLAIN + "// the run cache misses now\n")
    code = Cache(".hamlet-cache", ["src"]).code_key()
    (pack,) = [p for p in cache_files(project) if p.name.startswith("parsed-")]
    entries = cache_module._read(pack, code)
    digest, blob = entries["src/csv.rs"]
    entries["src/csv.rs"] = (digest, blob[: len(blob) // 2])  # right digest, broken pickle
    cache_module._write(pack, code, entries)
    assert sorted(both(project, capsys, parses)) == ["src/csv.rs", "src/util.rs"]


def test_version_change_starts_over(project, capsys, parses, monkeypatch):
    both(project, capsys, parses)
    assert both(project, capsys, parses) == []
    monkeypatch.setattr(hamlet, "__version__", "99.0.0")
    assert len(both(project, capsys, parses)) == 3
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
    assert len(both(project, capsys, parses)) == 3


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
