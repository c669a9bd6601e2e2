"""The TypeScript declarations checked by the real `tsc` (node_modules/.bin/tsc, pinned
in package.json), with the flags docs/typescript.md recommends:

    test_every_golden_case_type_checks        every golden case's scaffolds and its main
                                              side's declarations pass --strict
    test_the_examples_handlers_type_check     the handlers of examples/ (csv-app and jobs
                                              by hand, seed and trails as scaffolds) pass
    test_a_mistake_in_a_handler_fails         one mistake each, in the seed's scaffolds:
                                              the tsc error code, its line and its text
    test_typescript_imports_the_main_js       a .ts file importing setup<Base> and
                                              setupWorkers: right options pass, a wrong
                                              option type fails on its line
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support.examples import generated_copy
from support.procs import ROOT, explain, hamlet, node_tool, run

CASES = ROOT / "tests" / "cases"
EXAMPLES = ROOT / "examples"
# What a handler needs: a module worker's globals, ES2022. The main side runs on a page.
WORKER_FLAGS = ["--noEmit", "--checkJs", "--strict", "--target", "es2022", "--module", "esnext",
                "--moduleResolution", "bundler", "--lib", "es2022,webworker"]
PAGE_FLAGS = [*WORKER_FLAGS[:-1], "es2022,dom"]
ERROR = re.compile(r"^(?P<file>[^(\n]+)\((?P<line>\d+),(?P<col>\d+)\): error (?P<code>TS\d+): (?P<text>.*)$",
                   re.MULTILINE)


def tsc(files: list, cwd: Path, flags: list[str] = WORKER_FLAGS):
    assert files, "nothing to check"
    return run([node_tool("tsc"), *flags, *files], cwd=cwd, timeout=300)


def errors(result) -> list[dict]:
    return [m.groupdict() for m in ERROR.finditer(result.stdout)]


# ---- what Hamlet generates passes ----------------------------------------------------


def test_every_golden_case_type_checks(tmp_path):
    """All cases in one tsc run: each case's folders under a folder of its own."""
    handlers, main_side = [], []
    for case in sorted(p for p in CASES.iterdir() if (p / "expected" / "workers").is_dir()):
        shutil.copytree(case / "expected", tmp_path / case.name)
        handlers += sorted((tmp_path / case.name / "workers").glob("*_handlers.js"))
        main_side += sorted((tmp_path / case.name / "js").glob("*.d.ts"))
    assert len(handlers) >= 25 and len(main_side) >= 50
    result = tsc(handlers, tmp_path)
    assert result.returncode == 0, explain(result)
    result = tsc(main_side, tmp_path, PAGE_FLAGS)
    assert result.returncode == 0, explain(result)


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> Path:
    """examples/seed generated: three workers' scaffolds, declarations and main JS."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(EXAMPLES / "seed" / "src", root / "src")
    result = hamlet("generate", "src", "--no-cache", cwd=root)
    assert result.returncode == 0, explain(result)
    return root / "generated"


def test_the_examples_handlers_type_check(tmp_path, seed):
    """csv-app and jobs hold handlers written by hand, with the helpers they import;
    seed and trails get scaffolds. Every JS file of each worker folder is passed,
    the generated entry too (its `@ts-nocheck` keeps strict mode off its own code)."""
    skip = ("generated", "elm-stuff", ".hamlet-cache", "node_modules", "target", "dist")
    folders = [seed / "workers"]
    for name, workers in (("csv-app", "workers"), ("jobs", "workers"), ("trails", "generated/workers")):
        app = generated_copy(EXAMPLES / name, tmp_path / name, skip)
        folders.append(app / workers)
    for folder in folders:
        files = sorted(folder.glob("*.js"))
        assert any(f.name.endswith("_handlers.js") for f in files), folder
        result = tsc(files, folder)
        assert result.returncode == 0, f"{folder}\n{explain(result)}"


# ---- mistakes fail, each with its error ----------------------------------------------

# (worker, the line in the handler's body replaced, its replacement, tsc's code, what
# its message says)
MISTAKES = {
    "a wrong field name in a reply": (
        "image_worker", "reply.processingFailed({ error: ", "reply.processingFailed({ eror: 'no' });",
        "TS2561", "'eror' does not exist in type '{ error: string; }'. Did you mean to write 'error'?",
    ),
    "a wrong field type": (
        "image_worker", "reply.processingFailed({ error: ", "reply.processingFailed({ error: 404 });",
        "TS2322", "Type 'number' is not assignable to type 'string'.",
    ),
    "a missing field": (
        "image_worker", "reply.processingFailed({ error: ",
        "reply.processingComplete({ resultUrl: imageUrl, originalSize: [maxWidth, quality] });",
        "TS2345", "Property 'finalSize' is missing",
    ),
    "a reply method that does not exist": (
        "image_worker", "reply.processingFailed({ error: ", "reply.processingDone({ resultUrl: imageUrl });",
        "TS2339", "Property 'processingDone' does not exist on type 'ImageWorkerReply'.",
    ),
    "a progress reply of the wrong shape": (
        "image_worker", "reply.processingFailed({ error: ", "reply.processingProgress(50);",
        "TS2345", "Argument of type 'number' is not assignable to parameter of type '{ percent: number; }'.",
    ),
    "a request field that does not exist": (
        "image_worker", "const { imageUrl, maxWidth, quality } = request;",
        "const { imageUrl, maxWidth, quality, format } = request;",
        "TS2339", "Property 'format' does not exist on type '{ imageUrl: string; maxWidth: number; quality: number; }'.",
    ),
}


def _with_mistake(seed: Path, tmp_path: Path, snake: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of the seed's worker folder whose `snake` handlers have the line starting
    with `old` replaced by `new`; returns the handlers file and that line's number."""
    folder = tmp_path / "workers"
    shutil.copytree(seed / "workers", folder)
    handlers = folder / f"{snake}_handlers.js"
    lines = handlers.read_text(encoding="utf-8").split("\n")
    [index] = [i for i, line in enumerate(lines) if line.strip().startswith(old)]
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = indent + new
    handlers.write_text("\n".join(lines), encoding="utf-8")
    return handlers, index + 1


@pytest.mark.parametrize("mistake", list(MISTAKES))
def test_a_mistake_in_a_handler_fails(seed, tmp_path, mistake):
    snake, old, new, code, text = MISTAKES[mistake]
    handlers, line = _with_mistake(seed, tmp_path, snake, old, new)
    result = tsc([handlers], handlers.parent)
    assert result.returncode == 2, explain(result)
    found = errors(result)
    assert [(e["file"], int(e["line"]), e["code"]) for e in found] == [(handlers.name, line, code)], \
        explain(result)
    assert text in result.stdout, explain(result)


def test_a_misspelled_handler_fails(seed, tmp_path):
    """`handleParseCsv` for the seed's `handleParseCSV`: the check in the scaffold's
    typedef names the misspelled export."""
    folder = tmp_path / "workers"
    shutil.copytree(seed / "workers", folder)
    handlers = folder / "csv_worker_handlers.js"
    content = handlers.read_text(encoding="utf-8")
    assert content.count("export async function handleParseCSV(") == 1
    handlers.write_text(content.replace("function handleParseCSV(", "function handleParseCsv("),
                        encoding="utf-8")
    [check_line] = [i + 1 for i, line in enumerate(content.split("\n"))
                    if line.startswith("/** @typedef {import('./csv_worker.js').CSVWorkerHandlersCheck<")]
    result = tsc([handlers], folder)
    assert result.returncode == 2, explain(result)
    assert [(e["file"], int(e["line"]), e["code"]) for e in errors(result)] == [
        (handlers.name, check_line, "TS2344")
    ], explain(result)
    assert "Types of property 'handleParseCsv' are incompatible." in result.stdout
    assert '"no request calls this handler: is its name misspelled?"' in result.stdout
    # A handler left out altogether is an error too, on the same line.
    handlers.write_text(content.replace("function handleParseCSV(", "function parseLater("),
                        encoding="utf-8")
    result = tsc([handlers], folder)
    assert [(int(e["line"]), e["code"]) for e in errors(result)] == [(check_line, "TS2344")]
    assert "Property 'handleParseCSV' is missing" in result.stdout, explain(result)


# ---- the main side, from TypeScript --------------------------------------------------

APP_TS = """\
import {{ setupImageWorker }} from './generated/js/image_worker_main.js';
import {{ setupWorkers }} from './generated/js/workers.js';

declare const app: {{ ports?: object }};

const image = setupImageWorker(app, {{ workerUrl: new URL('/w/image_worker.js', location.href), timeoutMs: 5000 }});
image.terminate();
const workers = setupWorkers(app, {{ csvWorker: {{ workerUrl: '/w/csv_worker.js' }}, dataWorker: {options} }});
workers.imageWorker.terminate();
export {{}};
"""


def test_typescript_imports_the_main_js(seed, tmp_path):
    shutil.copytree(seed, tmp_path / "generated")
    main = tmp_path / "main.ts"
    main.write_text(APP_TS.format(options="{ timeoutMs: 100 }"), encoding="utf-8")
    result = tsc([main], tmp_path, PAGE_FLAGS)
    assert result.returncode == 0, explain(result)

    main.write_text(APP_TS.format(options="{ timeoutMs: '100 ms' }"), encoding="utf-8")
    result = tsc([main], tmp_path, PAGE_FLAGS)
    assert [(e["file"], int(e["line"]), e["code"]) for e in errors(result)] == [("main.ts", 8, "TS2322")], \
        explain(result)
    assert "Type 'string' is not assignable to type 'number'." in result.stdout

    main.write_text(APP_TS.format(options="{ workerURL: '/w/data.js' }"), encoding="utf-8")
    result = tsc([main], tmp_path, PAGE_FLAGS)
    assert [(int(e["line"]), e["code"]) for e in errors(result)] == [(8, "TS2561")], explain(result)
    assert "Did you mean to write 'workerUrl'?" in result.stdout
