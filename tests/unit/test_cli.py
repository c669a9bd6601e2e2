"""The everyday workflow through the real command line, `hamlet.cli.main` in-process.

    test_handlers_survive_50_regenerations   the enum changes 50 times; the user's
                                             handlers file never changes, and drift
                                             warnings say exactly what no longer matches
    test_interrupted_write_*                 a rename fails or Ctrl-C mid-write: the old
                                             files stay, no temp file is left
    test_no_op_run_keeps_mtimes              nothing rewritten, `0 written, N unchanged`
    test_gone_worker_*                       orphans removed by their notice only
    test_strict_* / test_check_*             drift as errors; `--check` shows it too
    test_plain_errors_* / test_tty_*         `path:line:col: error:` lines off a TTY,
                                             source line and caret on one
    test_generated_files_get_normal_permissions   0o666 less the umask, not 0o600
    test_config_*                            flags > hamlet.toml / [tool.hamlet] > defaults
    test_every_command_flag_and_setting_is_documented   docs/cli.md, docs/config.md
"""

from __future__ import annotations

import errno
import io
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hamlet import write
from hamlet.cli import main

ROOT = Path(__file__).resolve().parents[2]
SUMMARY = re.compile(
    r"^hamlet: (\d+) workers?: (\d+) written, (\d+) unchanged, (\d+) removed, (\d+) warnings?$"
)
DIAGNOSTIC = re.compile(r"^(\S+):(\d+):(\d+): (error|warning): (.*)$")

CSV = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""

IMAGE = """\
#[derive(BuildAmpWorker)]
pub enum ImageWorkerMessage {
    Resize { width: u32, height: u32 },
    Resized { url: String },
    ResizeFailed { error: String },
}
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder as the working directory (no config file in it)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def put(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below `folder`, hidden ones (temp files) included."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def summary(out: str) -> tuple[int, ...]:
    match = SUMMARY.match(out.splitlines()[-1])
    assert match, out
    return tuple(int(n) for n in match.groups())


def warnings(err: str) -> set[str]:
    found = (DIAGNOSTIC.match(line) for line in err.splitlines())
    return {m.group(5) for m in found if m and m.group(4) == "warning"}


# -- handler drift over many regenerations -------------------------------------------

VERBS = ["Load", "Sort", "Crop", "Scale", "Index", "Search", "Hash", "Sign", "Split", "Render"]
NOUNS = ["Items", "Page", "Photo", "Rows", "Text", "Batch", "Draft", "Table"]


def shop_source(requests: dict[str, list[str]]) -> str:
    lines = ["#[derive(BuildAmpWorker)]", "pub enum ShopWorkerMessage {", "    // Main -> Worker"]
    for name, fields in requests.items():
        body = f" {{ {', '.join(f'{f}: u32' for f in fields)} }}" if fields else ""
        lines.append(f"    {name}{body},")
    lines += ["", "    // Worker -> Main", "    Done { total: u32 },",
              "    Failed { error: String },", "}", ""]
    return "\n".join(lines)


def user_handlers(names: list[str]) -> str:
    """What a user makes of the scaffold: real handlers, a helper, an old comment."""
    parts = ["import { total } from './shop_math.js';", "",
             "// export async function handleSomethingOld(request, reply) {}", "",
             "export function formatTotal(n) {", "    return `${n} items`;", "}", ""]
    for name in names:
        parts += [f"export async function handle{name}(request, reply) {{",
                  "    reply.done({ total: total(request) });", "}", ""]
    return "\n".join(parts)


def pasted_stubs(err: str) -> list[str]:
    """The stubs that the warnings tell the user to paste, as printed."""
    stubs, lines = [], err.splitlines()
    for i, line in enumerate(lines):
        if line == "  hint: add this to the file:":
            body = []
            for following in lines[i + 1:]:
                if following and not following.startswith("    "):
                    break
                body.append(following[4:])
            stubs.append("\n".join(body).strip("\n") + "\n")
    return stubs


def mutate(rng: random.Random, requests: dict[str, list[str]], fresh) -> str:
    """One change a developer might make to the enum; returns what it was."""
    names = list(requests)
    op = rng.choice(["add", "remove", "rename", "fields"] if len(names) > 1 else ["add", "rename"])
    if op == "add":
        requests[next(fresh)] = rng.sample(["id", "limit", "page"], rng.randint(0, 2))
    elif op == "remove":
        del requests[rng.choice(names)]
    elif op == "rename":
        old = rng.choice(names)
        renamed = {}
        for name, fields in requests.items():
            renamed[next(fresh) if name == old else name] = fields
        requests.clear()
        requests.update(renamed)
    else:
        requests[rng.choice(names)] = rng.sample(["id", "limit", "page", "size"], rng.randint(0, 3))
    return op


def test_handlers_survive_50_regenerations(project, capsys):
    rng = random.Random(20240605)
    counter = iter(range(10_000))
    fresh = (f"{rng.choice(VERBS)}{rng.choice(NOUNS)}{next(counter)}" for _ in iter(int, 1))
    requests = {next(fresh): ["id"], next(fresh): []}
    source = put(project / "src" / "shop.rs", shop_source(requests))
    handlers = project / "generated" / "workers" / "shop_worker_handlers.js"

    assert main(["generate", "src"]) == 0
    assert "export async function handle" in handlers.read_text()
    exported = set(requests)  # the requests the user has written a handler for
    handlers.write_text(user_handlers(sorted(exported)), encoding="utf-8")
    capsys.readouterr()

    ops, pasted = set(), 0
    for round_ in range(50):
        ops.add(mutate(rng, requests, fresh))
        source.write_text(shop_source(requests), encoding="utf-8")
        before = handlers.read_bytes()
        mtime = handlers.stat().st_mtime_ns

        assert main(["generate", "src"]) == 0, round_
        out, err = capsys.readouterr()

        assert handlers.read_bytes() == before, f"round {round_} rewrote the handlers"
        assert handlers.stat().st_mtime_ns == mtime
        missing = {f"no handler for request `{n}`" for n in requests if n not in exported}
        stale = {f"`handle{n}` handles no request" for n in exported if n not in requests}
        got = {re.sub(r" \(src/shop\.rs:\d+:\d+\): .*| of `ShopWorkerMessage` any more", "", w)
               for w in warnings(err)}
        assert got == missing | stale, f"round {round_}"
        assert summary(out)[4] == len(missing) + len(stale)
        assert summary(out)[3] == 0, "the handlers file is never removed"
        schema = (project / "generated" / "workers" / "shop_worker.schema.json").read_text()
        assert all(f'"{n}"' in schema for n in requests)

        if round_ % 10 == 9 and missing:
            # The user follows the advice: paste every printed stub as it is.
            stubs = pasted_stubs(err)
            assert len(stubs) == len(missing)
            with handlers.open("a", encoding="utf-8") as handle:
                handle.write("\n" + "\n".join(stubs))
            exported |= {n for n in requests if n not in exported}
            pasted += len(stubs)
            assert main(["generate", "src"]) == 0
            _, err = capsys.readouterr()
            assert not any(w.startswith("no handler") for w in warnings(err)), err

    assert ops == {"add", "remove", "rename", "fields"} and pasted > 0
    node = shutil.which("node")
    if node:  # the user's file with the pasted stubs is still valid JavaScript
        module = project / "check.mjs"
        shutil.copy(handlers, module)
        subprocess.run([node, "--check", str(module)], check=True, capture_output=True)


# -- all or nothing --------------------------------------------------------------------


def _changed_project(project: Path) -> None:
    put(project / "src" / "csv.rs", CSV)
    assert main(["generate", "src"]) == 0
    put(project / "src" / "csv.rs", CSV.replace("data: String", "data: String, sep: char"))
    put(project / "src" / "image.rs", IMAGE)  # a new worker: files to create too


def _replace_failing_on(call: int, problem: BaseException, monkeypatch) -> list:
    """Make the `call`-th rename of a temp over its target (os.replace for an update,
    os.link for a new file) raise `problem`."""
    calls = []

    def failing(real):
        def rename(src, dst, **kwargs):
            calls.append(dst)
            if len(calls) == call:
                raise problem
            return real(src, dst, **kwargs)

        return rename

    monkeypatch.setattr(os, "replace", failing(os.replace))
    monkeypatch.setattr(os, "link", failing(os.link))
    return calls


def test_interrupted_write_keeps_old_files_and_no_temp_files(project, capsys, monkeypatch):
    _changed_project(project)
    before = tree(project / "generated")
    failure = OSError(errno.ENOSPC, "No space left on device", "generated/js/workers.js")
    capsys.readouterr()
    with monkeypatch.context() as patch:
        calls = _replace_failing_on(5, failure, patch)
        assert main(["generate", "src"]) == 1
    out, err = capsys.readouterr()
    assert len(calls) > 5, "the four renames before the failure were undone"
    assert tree(project / "generated") == before
    assert out == ""
    assert err == (
        "hamlet: cannot write generated/js/workers.js: No space left on device; nothing written\n"
    )

    assert main(["generate", "src"]) == 0
    after = tree(project / "generated")
    changed = [name for name in after if after[name] != before.get(name)]
    assert "workers/image_worker.js" in changed and "elm/Workers/CSVWorker.elm" in changed
    assert summary(capsys.readouterr()[0])[:2] == (2, len(changed))


def test_interrupted_write_by_ctrl_c(project, monkeypatch, capsys):
    _changed_project(project)
    before = tree(project / "generated")
    capsys.readouterr()
    _replace_failing_on(3, KeyboardInterrupt(), monkeypatch)
    assert main(["generate", "src"]) == 130
    assert tree(project / "generated") == before
    assert capsys.readouterr() == ("", "hamlet: interrupted by SIGINT\n")


def test_generated_files_get_normal_permissions(project, capsys):
    put(project / "src" / "csv.rs", CSV)
    old = os.umask(0o022)
    try:
        assert main(["generate", "src"]) == 0
        entry = project / "generated" / "workers" / "csv_worker.js"
        assert entry.stat().st_mode & 0o777 == 0o644
        entry.chmod(0o640)
        put(project / "src" / "csv.rs", CSV.replace("data: String", "text: String"))
        assert main(["generate", "src"]) == 0
    finally:
        os.umask(old)
    assert "text" in entry.read_text()
    assert entry.stat().st_mode & 0o777 == 0o640, "an updated file keeps its permissions"


def test_no_op_run_keeps_mtimes(project, capsys):
    shutil.copytree(ROOT / "examples" / "seed" / "src", project / "src")
    assert main(["generate", "src"]) == 0
    assert summary(capsys.readouterr()[0]) == (3, 23, 0, 0, 0)
    files = [p for p in (project / "generated").rglob("*") if p.is_file()]
    for path in files:
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))

    assert main(["generate", "src"]) == 0
    out, err = capsys.readouterr()
    assert out == "hamlet: 3 workers: 0 written, 23 unchanged, 0 removed, 0 warnings\n"
    assert err == ""
    assert {p.stat().st_mtime_ns for p in files} == {1_000_000_000_000_000_000}

    assert main(["generate", "src", "--check"]) == 0
    assert capsys.readouterr() == ("hamlet: 23 generated files are up to date\n", "")


# -- orphans ---------------------------------------------------------------------------


def test_gone_worker_loses_its_generated_files_only(project, capsys):
    put(project / "src" / "csv.rs", CSV)
    image = put(project / "src" / "image.rs", IMAGE)
    assert main(["generate", "src"]) == 0
    capsys.readouterr()
    out_dir = project / "generated"
    for path in out_dir.rglob("*"):
        if path.is_file() and not path.name.endswith("_handlers.js"):
            head = path.read_text().splitlines()[:3]
            name = "image.rs" if "image" in path.name.lower() else "csv.rs"
            if path.name not in ("workers.js", "workers.d.ts"):
                assert any(f"Generated by Hamlet from src/{name}. Do not edit" in h for h in head)
    handlers = out_dir / "workers" / "image_worker_handlers.js"
    handlers.write_text("export async function handleResize(request, reply) {}\n")
    put(out_dir / "js" / "analytics.js", "// hand-written, lives beside the output\n")
    # the user's own declarations, named like Hamlet's: no notice, so never touched
    put(out_dir / "js" / "analytics.d.ts", "export declare function track(): void;\n")
    put(out_dir / "workers" / "image_worker_extra.d.ts", "export type Extra = 1;\n")
    put(out_dir / "elm" / "Workers" / "Helpers.elm", "module Workers.Helpers exposing (..)\n")

    image.unlink()
    assert main(["generate", "src", "--check"]) == 1
    _, err = capsys.readouterr()
    assert "orphaned: generated/elm/Workers/ImageWorker.elm (its worker is gone)" in err
    assert (out_dir / "elm" / "Workers" / "ImageWorker.elm").exists(), "--check removes nothing"

    assert main(["generate", "src"]) == 0
    out, _ = capsys.readouterr()
    removed = sorted(line[len("removed "):] for line in out.splitlines()
                     if line.startswith("removed "))
    assert removed == [
        "generated/elm/Workers/ImageWorker.elm",
        "generated/js/image_worker_main.d.ts",
        "generated/js/image_worker_main.js",
        "generated/workers/image_worker.d.ts",
        "generated/workers/image_worker.js",
        "generated/workers/image_worker.schema.json",
    ]
    # workers.js and workers.d.ts rewritten without the image worker
    assert summary(out) == (1, 2, 7, 6, 0)
    assert sorted(tree(out_dir)) == [
        "elm/Workers/CSVWorker.elm",
        "elm/Workers/Helpers.elm",
        "js/analytics.d.ts",
        "js/analytics.js",
        "js/csv_worker_main.d.ts",
        "js/csv_worker_main.js",
        "js/workers.d.ts",
        "js/workers.js",
        "workers/csv_worker.d.ts",
        "workers/csv_worker.js",
        "workers/csv_worker.schema.json",
        "workers/csv_worker_handlers.js",
        "workers/image_worker_extra.d.ts",
        "workers/image_worker_handlers.js",
    ]
    assert "image_worker" not in (out_dir / "js" / "workers.d.ts").read_text()
    assert handlers.read_text() == "export async function handleResize(request, reply) {}\n"


def test_renamed_worker_replaces_its_files(project, capsys):
    source = put(project / "src" / "lib.rs", CSV)
    assert main(["generate", "src"]) == 0
    source.write_text(CSV.replace("CSVWorkerMessage", "TableWorkerMessage"))
    assert main(["generate", "src"]) == 0
    out, _ = capsys.readouterr()
    assert "removed generated/elm/Workers/CSVWorker.elm" in out.splitlines()
    assert (project / "generated" / "elm" / "Workers" / "TableWorker.elm").is_file()
    assert (project / "generated" / "workers" / "csv_worker_handlers.js").is_file()


# -- strict and check ------------------------------------------------------------------


def _drifted(project: Path, capsys) -> None:
    put(project / "src" / "lib.rs", CSV)
    assert main(["generate", "src"]) == 0
    put(project / "src" / "lib.rs", CSV.replace("ParseCSV {", "ParseTSV {"))
    capsys.readouterr()


def test_drift_is_a_warning_by_default(project, capsys):
    _drifted(project, capsys)
    assert main(["generate", "src"]) == 0
    out, err = capsys.readouterr()
    assert warnings(err) == {
        "no handler for request `ParseTSV` (src/lib.rs:3:5): `handleParseTSV` is not exported",
        "`handleParseCSV` handles no request of `CSVWorkerMessage` any more",
    }
    assert "    export async function handleParseTSV(request, reply) {" in err.splitlines()
    assert summary(out)[4] == 2


def test_strict_turns_drift_into_errors_and_writes_nothing(project, capsys):
    _drifted(project, capsys)
    before = tree(project / "generated")
    assert main(["generate", "src", "--strict"]) == 1
    out, err = capsys.readouterr()
    lines = err.splitlines()
    assert lines[0].startswith(
        "generated/workers/csv_worker_handlers.js:1:1: error: no handler for request `ParseTSV`"
    )
    assert lines[-1] == "hamlet: 2 errors; nothing written"
    assert out == ""
    assert tree(project / "generated") == before


def test_strict_from_the_config_file(project, capsys):
    _drifted(project, capsys)
    put(project / "hamlet.toml", "strict = true\n")
    assert main(["generate", "src"]) == 1
    assert "hamlet: 2 errors; nothing written" in capsys.readouterr()[1]


def test_check_reports_drift_too(project, capsys):
    _drifted(project, capsys)
    assert main(["generate", "src", "--check"]) == 1  # the Elm module etc. are stale
    _, err = capsys.readouterr()
    assert len(warnings(err)) == 2
    assert "stale: generated/elm/Workers/CSVWorker.elm" in err.splitlines()
    assert main(["generate", "src"]) == 0
    capsys.readouterr()
    assert main(["generate", "src", "--check"]) == 0, "drift alone is a warning"
    out, err = capsys.readouterr()
    assert len(warnings(err)) == 2 and out.endswith("are up to date\n")
    assert main(["generate", "src", "--check", "--strict"]) == 1
    assert "hamlet: 2 errors; nothing written" in capsys.readouterr()[1]


# -- how errors look -------------------------------------------------------------------


def test_plain_errors_are_one_line_each_off_a_tty(project, capsys):
    put(project / "src" / "a.rs", CSV.replace("ParseCSV { data: String },", "ParseCSV { data: String ,"))
    put(project / "src" / "b.rs", IMAGE.replace("url: String", "url: Url"))
    assert main(["generate", "src"]) == 1
    _, err = capsys.readouterr()
    lines = err.splitlines()
    located = [line for line in lines if DIAGNOSTIC.match(line)]
    assert [line.split(": error: ")[0] for line in located] == ["src/a.rs:4:15", "src/b.rs:4:20"]
    assert all(line.startswith("  hint: ") for line in lines[1:-1] if line not in located)
    assert lines[-1] == "hamlet: 2 errors; nothing written"
    assert "\x1b[" not in err and "^" not in err


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_tty_errors_show_the_line_and_a_caret(project, monkeypatch):
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "60")
    stderr = FakeTTY()
    monkeypatch.setattr(sys, "stderr", stderr)
    put(project / "src" / "b.rs", IMAGE.replace("    Resized { url: String }", "\tRésized { url: Url }"))
    assert main(["generate", "src"]) == 1
    text = stderr.getvalue()
    assert "\x1b[" in text, "colour on a terminal"
    lines = re.sub(r"\x1b\[[0-9;]*m", "", text).splitlines()
    assert lines[:5] == [
        "error: field `url` of `ImageWorkerMessage::Résized`: unknown type `Url`",
        " --> src/b.rs:4:17",
        "  |",
        "4 |     Résized { url: Url },",
        "  |                    ^",
    ]
    # The hint is one line however narrow the terminal: the terminal wraps it.
    assert lines[5].startswith("  = hint: Hamlet maps bool") and len(lines[5]) > 60
    assert lines[5].endswith("use one of those")
    assert lines[6:] == ["hamlet: 1 error; nothing written"]


def test_render_warning_without_a_readable_source():
    from rich.console import Console

    from hamlet.cli import render
    from hamlet.diagnostics import Loc, warning

    console = Console(file=io.StringIO(), force_terminal=True, width=40, color_system="standard")
    diagnostic = warning(Loc("gone.js", 12, 3), "`handleOld` handles no request", "remove it")
    console.print(render.rich_text(diagnostic, None), end="", soft_wrap=True)
    output = console.file.getvalue()
    assert "\x1b[1;33mwarning" in output, "warnings in yellow"
    assert re.sub(r"\x1b\[[0-9;]*m", "", output).splitlines() == [
        "warning: `handleOld` handles no request",
        "  --> gone.js:12:3",
        "   = hint: remove it",
    ]
    assert render.source_line("gone.js", 12) is None


def test_tty_whole_path_diagnostic_has_no_line(project, monkeypatch):
    """A missing PATH has no place inside a file: no `1:1`, no source line, no caret,
    and the path is never opened (it might be a FIFO)."""
    for name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    stderr = FakeTTY()
    monkeypatch.setattr(sys, "stderr", stderr)
    opened = []
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or io.StringIO(""))
    assert main(["generate", "--no-cache"]) == 1
    lines = re.sub(r"\x1b\[[0-9;]*m", "", stderr.getvalue()).splitlines()
    assert lines == [
        "error: no such file or folder: src",
        " --> src",
        "  = hint: `src` is where Hamlet looks when no PATH is given: pass .rs files or "
        "folders that contain them, or set `paths` in hamlet.toml",
        "hamlet: 1 error; nothing written",
    ]
    assert opened == []


# -- configuration ---------------------------------------------------------------------


def test_config_paths_and_folders_with_flags_winning(project, capsys):
    put(project / "crates" / "app" / "src" / "lib.rs", CSV)
    put(project / "hamlet.toml", 'paths = ["crates/app/src"]\nelm-out = "web/elm"\njs-out = "web/js"\n')
    assert main(["generate", "--js-out", "static/js"]) == 0
    assert sorted(tree(project / "web")) == ["elm/Workers/CSVWorker.elm"]
    assert sorted(tree(project / "static")) == [
        "js/csv_worker_main.d.ts", "js/csv_worker_main.js", "js/workers.d.ts", "js/workers.js",
    ]
    assert (project / "generated" / "workers" / "csv_worker.js").is_file()  # the default
    capsys.readouterr()
    # A PATH on the command line replaces the configured paths.
    put(project / "other" / "lib.rs", IMAGE)
    assert main(["generate", "other", "--js-out", "other/js"]) == 0
    out, _ = capsys.readouterr()
    assert "wrote web/elm/Workers/ImageWorker.elm" in out.splitlines()
    assert "removed web/elm/Workers/CSVWorker.elm" not in out, "not a scanned source"
    # Into the same js-out, its workers.js would replace the one of crates/app/src.
    assert main(["generate", "other", "--js-out", "static/js"]) == 1
    _, err = capsys.readouterr()
    assert "static/js/workers.js: error: this file was generated from crates/app/src/lib.rs" in err


def test_config_from_pyproject(project, capsys):
    put(project / "src" / "lib.rs", CSV)
    put(project / "pyproject.toml", '[project]\nname = "app"\n\n[tool.hamlet]\nworker-out = "public/workers"\n')
    assert main(["generate"]) == 0
    assert (project / "public" / "workers" / "csv_worker.js").is_file()


def test_config_errors_stop_the_run(project, capsys):
    put(project / "src" / "lib.rs", CSV)
    put(project / "hamlet.toml", 'elm_out = "web"\n')
    assert main(["generate"]) == 1
    _, err = capsys.readouterr()
    assert err.startswith(
        "hamlet.toml:1:1: error: unknown setting `elm_out`\n"
        "  hint: known settings: paths, elm-out"
    )
    assert err.endswith("\nhamlet: 1 error; nothing written\n")
    assert not (project / "generated").exists()
    # `watch` stops before watching, with the same summary; `list`, as for errors in
    # the sources, prints the errors alone.
    assert main(["watch"]) == 1
    assert capsys.readouterr().err == err
    assert main(["list"]) == 1
    assert capsys.readouterr() == ("", err.rsplit("hamlet: ", 1)[0])


def test_usage_errors_exit_2(project, capsys):
    assert main([]) == 2
    with pytest.raises(SystemExit) as exit_:
        main(["generate", "--bogus"])
    assert exit_.value.code == 2
    assert "unrecognized arguments: --bogus" in capsys.readouterr()[1]


def test_written_files_are_listed_with_their_paths(project, capsys):
    put(project / "src" / "lib.rs", CSV)
    assert main(["generate", "src", "--elm-out", "out/elm"]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines() == [
        "wrote out/elm/Workers/CSVWorker.elm",
        "wrote generated/js/csv_worker_main.d.ts",
        "wrote generated/js/csv_worker_main.js",
        "wrote generated/js/workers.d.ts",
        "wrote generated/js/workers.js",
        "wrote generated/workers/csv_worker.d.ts",
        "wrote generated/workers/csv_worker.js",
        "wrote generated/workers/csv_worker.schema.json",
        "wrote generated/workers/csv_worker_handlers.js",
        "hamlet: 1 worker: 9 written, 0 unchanged, 0 removed, 0 warnings",
    ]


def test_every_command_flag_and_setting_is_documented():
    import argparse

    from hamlet.cli import build_parser
    from hamlet.cli.config import KEYS

    cli_doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    config_doc = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    for name, sub in commands.choices.items():
        assert f"## `hamlet {name}`" in cli_doc
        for action in sub._actions:
            for flag in action.option_strings:
                assert flag in ("-h", "--help") or f"`{flag}" in cli_doc, flag
    for key in KEYS:
        assert f"| `{key}` |" in config_doc, key
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/cli.md)" in readme and "](docs/config.md)" in readme


def test_no_strict_overrides_strict_in_the_config(tmp_path, monkeypatch, capsys):
    from hamlet.cli import _settings, build_parser

    monkeypatch.chdir(tmp_path)
    (tmp_path / "hamlet.toml").write_text("strict = true\n", encoding="utf-8")
    parser = build_parser()
    assert _settings(parser.parse_args(["generate"])).strict is True
    assert _settings(parser.parse_args(["generate", "--no-strict"])).strict is False
    assert _settings(parser.parse_args(["watch", "--no-strict"])).strict is False
    with pytest.raises(SystemExit):
        parser.parse_args(["generate", "--strict", "--no-strict"])


def test_file_counts_are_in_the_singular_for_one():
    from hamlet.cli import _files

    assert _files(1) == "1 generated file is"
    assert _files(16) == "16 generated files are"


def test_list_shows_the_domain_types_the_messages_reach(project, capsys):
    put(project / "src" / "lib.rs", IMAGE.replace("Resized { url: String }", "Resized { at: Spot }")
        + "pub struct Spot { x: f64 }\npub struct Unused;\n"
        + '#[serde(tag = "kind")]\npub enum Fit { Cover, Pad { px: u8 } }\n')
    put(project / "src" / "more.rs", IMAGE.replace("Image", "Crop").replace("url: String", "fit: Fit"))
    assert main(["list", "src", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[-3:] == [
        "Workers.Types  (domain types the messages reach)",
        "  Fit   enum, tagged by `kind`, in Hamlet's convention, src/lib.rs:10:1",
        "  Spot  struct, in Hamlet's convention, src/lib.rs:7:1",
    ]


def test_list_says_which_types_travel_as_serde_writes_them(project, capsys):
    """The contract: `hamlet list` says which convention each domain type follows."""
    put(project / "src" / "lib.rs", IMAGE.replace(
        "Resized { url: String }", "Resized { at: Spot, shape: Shape, plain: Plain, fit: Fit, pen: Pen }")
        + "#[derive(serde::Serialize)]\npub struct Spot { x_pos: f64 }\n"
        + "#[derive(Debug, Deserialize)]\npub enum Shape { Dot, Square(f64) }\n"
        + "#[derive(Serialize, Deserialize)]\npub enum Pen { Thin, Thick }\n"
        + "#[derive(Serialize)]\n#[serde(tag = \"kind\")]\npub enum Fit { Cover, Pad { px: u8 } }\n"
        + "pub enum Plain { Dot, Square(f64) }\n")
    assert main(["list", "src", "--no-cache"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.splitlines()[-6:] == [
        "Workers.Types  (domain types the messages reach)",
        "  Fit    enum, tagged by `kind`, as serde writes it, src/lib.rs:15:1",
        "  Pen    enum, a string, as serde writes it, src/lib.rs:12:1",
        "  Plain  enum, tagged by `type`, in Hamlet's convention, src/lib.rs:16:1",
        "  Shape  enum, externally tagged, as serde writes it, src/lib.rs:10:1",
        "  Spot   struct, as serde writes it, src/lib.rs:8:1",
    ]


def test_a_reader_that_stops_early_ends_the_run_quietly(tmp_path):
    """`hamlet list | head -1`: the pipe closes while Hamlet still prints."""
    source = tmp_path / "src" / "lib.rs"
    source.parent.mkdir()
    source.write_text("".join(
        f"#[derive(BuildAmpWorker)]\npub enum W{n}Message {{ Go {{ x: u32 }}, "
        f"Finished {{ y: u32 }}, Failed {{ error: String }} }}\n"
        for n in range(3000)
    ))
    process = subprocess.Popen(
        [sys.executable, "-m", "hamlet", "list", "--no-cache"], cwd=tmp_path,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    assert process.stdout.readline().startswith(b"W0 ")
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert err == "", "no traceback, nothing at all"
