"""The shape of the pipeline, checked: outputs come from one registry and plug in with
no other change; no output module imports another; only the command line prints.

The checks read the source with Python's own parser (`ast`), not with patterns, so a
comment or a string that mentions an import or `print(` does not count.
"""

from __future__ import annotations

import ast
from pathlib import Path

import hamlet
from hamlet.cli import main
from hamlet.emit import outputs
from hamlet.emit.header import notice
from hamlet.emit.outputs import OUTPUTS, Output
from hamlet.model import OutputFile

PACKAGE = Path(hamlet.__file__).parent

TWO_WORKERS = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}

#[derive(BuildAmpWorker)]
pub enum EchoWorkerMessage {
    Echo(String),
    Echoed(String),
    EchoFailed(String),
}
"""


# ---- a new output is one registration ---------------------------------------------------


def toy(project, worker) -> OutputFile:
    """A made-up output: one text file per worker, carrying the notice like any other."""
    requests = ", ".join(v.name for v in worker.requests)
    content = f"# {notice(worker.source)}\n{worker.base} takes {requests}\n"
    return OutputFile("worker", f"{worker.js.snake}.toy.txt", content)


def test_a_registered_output_is_written_checked_and_removed_as_an_orphan(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(outputs, "OUTPUTS", [*OUTPUTS, Output("a toy", toy, ".toy.txt")])
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    source = tmp_path / "src" / "lib.rs"
    source.write_text(TWO_WORKERS, encoding="utf-8")
    workers = tmp_path / "generated" / "workers"

    assert main(["generate", "src", "--no-cache"]) == 0
    assert (workers / "csv_worker.toy.txt").read_text().endswith("CSVWorker takes ParseCSV\n")
    assert (workers / "echo_worker.toy.txt").read_text().endswith("EchoWorker takes Echo\n")
    assert "wrote generated/workers/echo_worker.toy.txt" in capsys.readouterr().out

    assert main(["generate", "src", "--no-cache", "--check"]) == 0
    capsys.readouterr()
    (workers / "echo_worker.toy.txt").write_text(f"# {notice('src/lib.rs')}\nedited\n")
    assert main(["generate", "src", "--no-cache", "--check"]) == 1
    assert "stale: generated/workers/echo_worker.toy.txt" in capsys.readouterr().err

    source.write_text(TWO_WORKERS.split("\n\n")[0] + "\n", encoding="utf-8")  # EchoWorker gone
    assert main(["generate", "src", "--no-cache"]) == 0
    assert "removed generated/workers/echo_worker.toy.txt" in capsys.readouterr().out
    assert not (workers / "echo_worker.toy.txt").exists()
    assert (workers / "csv_worker.toy.txt").exists()


def test_without_the_registration_the_toy_output_is_not_written(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "lib.rs").write_text(TWO_WORKERS, encoding="utf-8")
    assert main(["generate", "src", "--no-cache"]) == 0
    assert not list(tmp_path.rglob("*.toy.txt"))


# ---- no output module imports another -----------------------------------------------------


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, by its full name: `from hamlet.emit import elm` and
    `import hamlet.emit.elm` both give "hamlet.emit.elm"; relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = "hamlet." + ".".join(path.relative_to(PACKAGE).parent.parts)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_the_import_reader_sees_every_form(tmp_path, monkeypatch):
    folder = PACKAGE / "emit"
    module = folder / "elm.py"
    assert "hamlet.emit.elm_codecs" in imported_modules(module)
    assert "hamlet.emit.header" in imported_modules(module)
    registry = imported_modules(folder / "outputs.py")
    assert {"hamlet.emit.elm", "hamlet.emit.js_main", "hamlet.emit.schema"} <= registry


def test_no_output_module_imports_another():
    modules = {output.emit.__module__ for output in OUTPUTS}
    assert len(modules) == len(OUTPUTS) == 12  # one module per output
    for name in sorted(modules):
        path = PACKAGE / (name.removeprefix("hamlet.").replace(".", "/") + ".py")
        others = (imported_modules(path) & modules) - {name}
        assert not others, f"{name} imports the output module(s) {sorted(others)}"


# ---- only the command line prints, through one reporter -------------------------------------


def output_calls(path: Path) -> list[str]:
    """The calls in `path` that show text: `print(...)`, `console.print(...)`,
    `sys.stdout.write(...)` / `sys.stderr.write(...)`, `parser.print_help(...)`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id == "print":
            found.append(f"print at line {node.lineno}")
        elif isinstance(func, ast.Attribute):
            if func.attr in ("print", "print_help", "print_usage"):
                found.append(f".{func.attr} at line {node.lineno}")
            elif func.attr == "write" and ast.unparse(func.value) in ("sys.stdout", "sys.stderr"):
                found.append(f"{ast.unparse(func)} at line {node.lineno}")
    return found


def test_only_the_reporter_prints():
    printing = {
        path.relative_to(PACKAGE).as_posix(): calls
        for path in sorted(PACKAGE.rglob("*.py"))
        if (calls := output_calls(path))
    }
    assert list(printing) == ["cli/report.py"], printing


def test_the_print_finder_sees_every_form(tmp_path):
    module = tmp_path / "m.py"
    module.write_text(
        "import sys\nprint('a')\nconsole.print('b')\nsys.stderr.write('c')\n"
        "parser.print_help(sys.stderr)\n# print('not code')\nx = 'print(1)'\n"
    )
    assert output_calls(module) == [
        "print at line 2", ".print at line 3", "sys.stderr.write at line 4", ".print_help at line 5",
    ]


def test_watch_speaks_through_the_reporter(tmp_path):
    import io
    from types import SimpleNamespace

    from hamlet.cli.report import Reporter
    from hamlet.cli.watch import _run_once, watch

    out, err = io.StringIO(), io.StringIO()
    report = Reporter(out, err)
    nowhere = SimpleNamespace(paths=(str(tmp_path / "missing"),))
    assert watch(nowhere, lambda settings: 0, report=report) == 1
    assert err.getvalue() == "hamlet: nothing to watch: none of the paths exists\n"

    def broken(settings):
        raise KeyError("no such thing")

    _run_once(broken, nowhere, report)
    assert err.getvalue().splitlines()[1:] == [
        "hamlet: internal error (KeyError: 'no such thing'); still watching",
        "  hint: this is a bug in Hamlet: please report it with the input that caused it "
        "(`hamlet generate` on that input shows the traceback)",
    ]
    assert out.getvalue() == ""


def test_a_run_with_its_own_reporter_prints_nothing_else(tmp_path, monkeypatch, capsys):
    import io

    from hamlet.cli.report import Reporter

    monkeypatch.chdir(tmp_path)
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "lib.rs").write_text(TWO_WORKERS + "pub enum Broken {\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["generate", "src", "--no-cache"], report=Reporter(out, err)) == 1
    assert "error: syntax error" in err.getvalue() and "nothing written" in err.getvalue()
    (tmp_path / "src" / "lib.rs").write_text(TWO_WORKERS, encoding="utf-8")
    assert main(["generate", "src", "--no-cache"], report=Reporter(out, err)) == 0
    assert main(["list", "src", "--no-cache"], report=Reporter(out, err)) == 0
    assert "wrote generated/js/workers.js" in out.getvalue()
    assert "  failure variant: EchoFailed" in out.getvalue()
    assert capsys.readouterr() == ("", "")


def test_no_module_is_over_400_lines():
    long = {
        path.relative_to(PACKAGE).as_posix(): count
        for path in PACKAGE.rglob("*.py")
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert long == {}
