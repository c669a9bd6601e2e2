"""The JavaScript outputs as files: each parses as an ES module (keywords as field
names included), carries its name, folder and notice, and prints the model's names;
plus the text helpers every JS output is written with.

The behaviour is run in test_emit_js_entry.py and test_emit_js_main.py, the scaffold
in test_emit_js_handlers.py.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from hamlet.emit.header import source_of
from hamlet.emit.js_entry import emit_entry
from hamlet.emit.js_handlers import emit_handlers
from hamlet.emit.js_index import emit_index
from hamlet.emit.js_main import emit_main
from hamlet.emit.js_text import fill, js_string
from hamlet.model import Project
from hamlet.write.drift import check_handlers
from support.node import NODE, check_module, needs_node
from support.project import alone, workers
from support.seed import SEED
from support.shapes import SOURCE as SHAPES


# ---- every file is an ES module ----------------------------------------------------------


@needs_node
@pytest.mark.parametrize("which", ["seed", "shapes"])
def test_every_generated_js_file_parses_as_an_es_module(which, tmp_path, monkeypatch):
    found = workers(tmp_path, monkeypatch, SEED if which == "seed" else SHAPES)
    project = Project(tuple(sorted(found.values(), key=lambda w: w.base)))
    files = [emit_index(project)]
    for worker in found.values():
        files += [emit_main(alone(worker), worker), emit_entry(alone(worker), worker), emit_handlers(alone(worker), worker)]
    for file in files:
        check_module(file.content)


@needs_node
def test_check_module_rejects_what_is_not_a_module():
    with pytest.raises(AssertionError):
        check_module("export const = ;\n")
    with pytest.raises(AssertionError):  # a valid script, but modules are strict code
        check_module("with (Math) { max(1, 2); }\n")


def keyword_source() -> str:
    from hamlet import naming

    words = sorted((naming.JS_RESERVED | naming.JS_BOUND) - {"type"})  # `type` is the tag
    fields = "".join(
        f'        #[serde(rename = "{word}")]\n        f{n}: String,\n' for n, word in enumerate(words)
    )
    return (
        "#[derive(BuildAmpWorker)]\npub enum KeywordWorkerMessage {\n    // Main → Worker\n"
        f"    Ask {{\n{fields}    }},\n    Pair(String, String),\n    // Worker → Main\n"
        f"    Told {{\n{fields}    }},\n    Both(String, String),\n    KeywordFailed {{ error: String }},\n}}\n"
    )


@needs_node
def test_every_reserved_or_bound_word_as_a_field_gives_valid_js(tmp_path, monkeypatch):
    worker = workers(tmp_path, monkeypatch, keyword_source())["KeywordWorker"]
    project = Project((worker,))
    ask = worker.requests[0]
    locals_ = [f.js_name for f in ask.fields]
    assert len(set(locals_)) == len(locals_) > 40
    assert {"request_", "reply_", "answer_", "await_", "arguments_", "eval_", "let_"} <= set(locals_)
    for file in (emit_main(alone(worker), worker), emit_entry(alone(worker), worker), emit_handlers(project, worker),
                 emit_index(project)):
        check_module(file.content)
    # The drift hint's stub is the scaffold's, and parses on its own too.
    problems = check_handlers(worker, "keyword_worker_handlers.js", "", strict=False)
    assert len(problems) == 2
    for problem in problems:
        stub = "\n".join(line[4:] for line in problem.hint.split("\n")[1:])
        assert stub in emit_handlers(project, worker).content
        check_module(stub)


@needs_node
def test_the_keyword_scaffold_binds_each_field_to_its_own_local(tmp_path, monkeypatch):
    # Run the scaffold's destructuring for real: every wire key reaches its local.
    worker = workers(tmp_path, monkeypatch, keyword_source())["KeywordWorker"]
    content = emit_handlers(alone(worker), worker).content
    [unpack] = [line.strip() for line in content.splitlines() if line.strip().startswith("const {")]
    pattern = unpack.removeprefix("const ").removesuffix(" = request;")
    request = {f.wire_name: f"value of {f.wire_name}" for f in worker.requests[0].fields}
    script = f"const request = {json.dumps(request)};\n{unpack}\nconsole.log(JSON.stringify({pattern}));\n"
    result = subprocess.run([NODE, "--input-type=module", "-e", script], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == request


def test_file_names_roots_and_notices(seed):
    worker = seed["ImageWorker"]
    expected = {
        emit_main: ("js", "image_worker_main.js", False),
        emit_entry: ("worker", "image_worker.js", False),
        emit_handlers: ("worker", "image_worker_handlers.js", True),
    }
    for emit, (root, path, scaffold) in expected.items():
        out = emit(alone(worker), worker)
        assert (out.root, out.path, out.scaffold) == (root, path, scaffold)
        assert out.content.endswith("\n") and not out.content.endswith("\n\n")
        first_lines = "".join(out.content.splitlines(keepends=True)[:6])
        # Generated files name their source, so `hamlet.write` can find orphans; the
        # user's file must not look generated, or it could be removed as one.
        assert source_of(first_lines) == (None if scaffold else ["src/lib.rs"])
    assert "this file is yours to edit" in emit_handlers(alone(worker), worker).content
    assert "never overwrites it" in emit_handlers(alone(worker), worker).content


def test_workers_index_names_every_source(seed):
    project = Project(tuple(sorted(seed.values(), key=lambda w: w.base)))
    out = emit_index(project)
    assert (out.root, out.path, out.scaffold) == ("js", "workers.js", False)
    assert source_of(out.content.splitlines()[0]) == ["src/lib.rs"]
    assert "import { setupCSVWorker } from './csv_worker_main.js';\n" in out.content
    assert "import { setupDataWorker } from './data_worker_main.js';\n" in out.content
    assert "        csvWorker: setupCSVWorker(app, options?.csvWorker),\n" in out.content
    assert "        imageWorker: setupImageWorker(app, options?.imageWorker),\n" in out.content
    assert "//         imageWorker: { timeoutMs: 30000 }," in out.content


def test_main_uses_the_models_names(seed):
    content = emit_main(alone(seed["CSVWorker"]), seed["CSVWorker"]).content
    assert "export function setupCSVWorker(app, options = {}) {\n" in content
    assert "const WORKER_PATH = '../workers/csv_worker.js';\n" in content
    assert "const fromElm = ports?.sendToCSVWorkerPort;\n" in content
    assert "const toElm = ports?.csvWorkerResponsePort;\n" in content
    assert "return { type: 'ParseError', error: text };\n" in content
    assert "return new Worker(workerUrl, { type: 'module' });\n" in content
    # The form bundlers recognise, written out whole.
    assert (
        "return new Worker(new URL('../workers/csv_worker.js', import.meta.url), "
        "{ type: 'module' });\n"
    ) in content
    # No progress variant: every response ends its request.
    assert "\n        forget(id, entry);\n" in content
    assert "console." not in content


def test_main_keeps_progress_pending(seed):
    content = emit_main(alone(seed["ImageWorker"]), seed["ImageWorker"]).content
    assert (
        "        if (type !== 'ProcessingProgress') {\n"
        "            forget(id, entry);\n"
        "        }\n"
    ) in content
    assert "return { type: 'ProcessingFailed', error: text };\n" in content


def test_tuple_failure_variant_travels_in_value(shapes):
    assert "return { type: 'Failed', value: text };\n" in emit_main(alone(shapes), shapes).content
    assert "this.send('Failed', { value: text }, true);\n" in emit_entry(alone(shapes), shapes).content


def test_entry_dispatches_every_request_and_replies_per_shape(shapes):
    content = emit_entry(alone(shapes), shapes).content
    assert "import * as handlers from './shapes_worker_handlers.js';\n" in content
    for name in ("Run", "Resize", "Scale", "CancelAll", "Tag", "Orphan"):
        assert (
            f"        case '{name}':\n"
            f"            run(handlers.handle{name}, 'handle{name}', data, answer);\n"
            "            break;\n"
        ) in content
    assert "this.ran = (fields) => answer.send('Ran', fields, true);\n" in content
    assert "this.resized = (value1, value2) => answer.send('Resized', { value: [value1, value2] }, true);" in content
    # JS names positional fields in its own scope: Elm's `value_` does not leak in.
    assert "this.stepProgress = (value) => answer.send('StepProgress', { value }, false);" in content
    assert "this.cancelled = () => answer.send('Cancelled', {}, true);\n" in content
    # Nothing is logged on the way of a request: the console shows only a handler's
    # error after its final reply, which has no request left to fail.
    assert content.count("console.") == 1
    assert "console.error(`ShapesWorker: ${name} failed after its final reply:`, error)" in content


def test_output_is_deterministic(seed):
    worker = seed["DataWorker"]
    for emit in (emit_main, emit_entry, emit_handlers):
        assert emit(alone(worker), worker) == emit(alone(worker), worker)


def test_fill_indents_blocks_and_refuses_mistakes():
    template = """
        a {{x}} b
            {{block}}
        {{empty}}
        end
    """
    assert fill(template, x="1", block="p\n\nq", empty="") == "a 1 b\n    p\n\n    q\nend\n"
    with pytest.raises(KeyError):
        fill(template, x="1", block="")
    with pytest.raises(ValueError):
        fill(template, x="1", block="", empty="", extra="?")
    with pytest.raises(ValueError):
        fill(template, x="two\nlines", block="", empty="")


@needs_node
def test_js_string_round_trips_through_node():
    text = "it's \\ \"quoted\"\n\t\u2028 ✓ \x01"
    result = subprocess.run(
        [NODE, "--input-type=module", "-e", f"process.stdout.write(JSON.stringify({js_string(text)}))"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert json.loads(result.stdout) == text
