"""Handler drift, read with a JavaScript parser: every form of `export`, the texts that a
regular expression once mistook for comments (false "no handler" warnings, errors
under --strict), `export *` followed to files beside the handlers, and a file that
does not parse. The last tests run the CLI on a project, as a user would.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hamlet.cli import main
from hamlet.write.drift import check_handlers, exported_names, handler_exports
from support.project import workers

CSV = """\
#[derive(BuildAmpWorker)]
pub enum CSVWorkerMessage {
    ParseCSV { data: String },
    Count { data: String },
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""
HANDLERS = "workers/csv_worker_handlers.js"


@pytest.fixture
def worker(tmp_path, monkeypatch):
    return workers(tmp_path, monkeypatch, CSV)["CSVWorker"]


def drift(worker, source: str, files: dict[str, str] | None = None, strict: bool = False):
    """(message, line, col, path) of each problem check_handlers reports for `source`,
    with `files` the other modules on disk, by path."""
    files = files or {}
    problems = check_handlers(worker, HANDLERS, source, strict, load=files.get)
    return [(p.message, p.loc.line, p.loc.col, p.loc.path) for p in problems]


def missing(problems) -> list[str]:
    return [m for m, *_ in problems if m.startswith("no handler")]


def test_exported_functions_constants_and_lists_are_found():
    source = """import { parse } from './csv.js';

export async function handleParseCSV(request, reply) {
  reply.csvParsed({ rows: parse(request.data) });
}
export function handleOld(request, reply) {}
export const handleArrow = async (request, reply) => {};
function helper() {}
export { helper as handleAliased, other };
"""
    found = exported_names(source)
    assert sorted(found) == ["handleAliased", "handleArrow", "handleOld", "handleParseCSV", "other"]
    assert found["handleParseCSV"] == (3, 23)
    assert found["handleOld"][0] == 6


def test_commented_out_exports_do_not_count():
    source = """// export async function handleGone(request, reply) {}
/*
export function handleAlsoGone() {}
*/
export async function handleHere(request, reply) {}
"""
    assert list(exported_names(source)) == ["handleHere"]


def test_every_form_of_named_export():
    source = """export function* handleGen() {}
export async function* handleAsyncGen() {}
export class HandleClass {}
export let handleLet = 1, handleLet2;
export var handleVar;
export const { handleA, b: handleB, c = 1, d: { handleD } = {}, ...handleRest } = table,
    [handleX, , handleY = 2, [handleZ], ...handleMore] = list;
export { h as "handle string" };
export { "quoted" as handleQuoted } from './other.js';
export * as handleNamespace from './other.js';
export default function handleDefault() {}
export { helper as default };
"""
    assert list(exported_names(source)) == [
        "handleGen", "handleAsyncGen", "HandleClass", "handleLet", "handleLet2", "handleVar",
        "handleA", "handleB", "c", "handleD", "handleRest",
        "handleX", "handleY", "handleZ", "handleMore",
        "handle string", "handleQuoted", "handleNamespace",
    ]


@pytest.mark.parametrize(
    "before",
    [
        "const pattern = 'data/*.csv';\n",
        'const pattern = "data/*.csv"; // and a */ in a comment\n',
        "const template = `data/*.csv ${1}`;\n",
        "const dividers = /\\/*/g;\n",
        "const slashes = /[/*]+/;\n",
        "const ratio = a / b, glob = 'a/*';\n",
    ],
    ids=["single-quoted", "double-quoted", "template", "regex", "regex-class", "division"],
)
def test_texts_that_look_like_comments_hide_no_handler(worker, before):
    source = before + (
        "export async function handleParseCSV(request, reply) {}\n"
        "export async function handleCount(request, reply) {}\n"
    )
    assert drift(worker, source) == []
    assert drift(worker, source, strict=True) == []


def test_export_star_is_followed_to_files_beside_the_handlers(worker):
    source = "export * from './csv/parse.js';\nexport * from './count.js';\n"
    files = {
        "workers/csv/parse.js": "export async function handleParseCSV(request, reply) {}\n"
                                "export * from '../count.js';\n",  # met twice: read once
        "workers/count.js": "export * from './csv_worker_handlers.js';\n"  # a cycle
                            "export const handleCount = async () => {};\n"
                            "export function handleGone() {}\n",
    }
    assert drift(worker, source, files) == [
        ("`handleGone` handles no request of `CSVWorkerMessage` any more", 3, 17, "workers/count.js"),
    ]
    found = handler_exports(HANDLERS, source, files.get)
    assert found.complete and sorted(found.names) == ["handleCount", "handleGone", "handleParseCSV"]


@pytest.mark.parametrize(
    "specifier",
    ["lodash-es", "../outside.js", "./missing.js", "https://example.invalid/h.js", "/abs.js"],
)
def test_an_export_star_that_cannot_be_followed_claims_no_handler_missing(worker, specifier):
    source = f"export * from '{specifier}';\nexport function handleStale() {{}}\n"
    files = {"outside.js": "export function handleParseCSV() {}\n", "/abs.js": ""}
    problems = drift(worker, source, files)
    assert missing(problems) == []  # handleParseCSV and handleCount may come from there
    # What the file itself exports is still known.
    assert [m for m, *_ in problems] == ["`handleStale` handles no request of `CSVWorkerMessage` any more"]


def test_export_star_as_a_namespace_is_one_name(worker):
    source = "export * as handleParseCSV from './p.js';\nexport * as tools from './t.js';\n"
    assert missing(drift(worker, source)) == [
        "no handler for request `Count` (src/lib.rs:4:5): `handleCount` is not exported"
    ]


def test_a_default_export_is_not_a_handler(worker):
    source = "export default async function handleParseCSV() {}\nexport { handleCount as default };\n"
    assert len(missing(drift(worker, source))) == 2


def test_a_file_that_does_not_parse_gets_one_warning_at_its_error(worker):
    source = (
        "export async function handleParseCSV(request, reply) {}\n"
        "export async function handleCount(request, reply) {\n"
        "    const x = ;\n"
        "}\n"
    )
    problems = check_handlers(worker, HANDLERS, source, strict=False)
    assert [(p.loc.line, p.is_error) for p in problems] == [(3, False)]
    assert 11 <= problems[0].loc.col <= 15  # at `= ;`, where the parser gives up
    assert "does not parse" in problems[0].message
    assert "handleCount" not in problems[0].message
    assert check_handlers(worker, HANDLERS, source, strict=True)[0].is_error


def test_a_followed_file_that_does_not_parse_is_reported_where_it_breaks(worker):
    source = "export * from './more.js';\n"
    problems = drift(worker, source, {"workers/more.js": "export function ( {}\n"})
    assert [(path, line) for _, line, _, path in problems] == [("workers/more.js", 1)]


def test_sixty_thousand_spaces_after_export_function(worker):
    # Once quadratic (56 s); the parse is linear: bench/drift.py measures it.
    source = (
        "export function" + " " * 60_000 + "handleParseCSV(request, reply) {}\n"
        "export async function handleCount(request, reply) {}\n"
    )
    assert exported_names(source)["handleParseCSV"] == (1, 60_016)
    assert drift(worker, source) == []


def test_columns_count_characters_not_bytes():
    assert exported_names("/* é — ✓ */ export function handleA() {}\n")["handleA"] == (1, 29)


# ---- through the CLI ----------------------------------------------------------------------


def put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_strict_passes_a_valid_handlers_file_with_globs_regexes_and_re_exports(
    tmp_path, monkeypatch, capsys
):
    monkeypatch.chdir(tmp_path)
    put(tmp_path / "src" / "lib.rs", CSV)
    out = tmp_path / "generated" / "workers"
    put(out / "csv_worker_handlers.js",
        "const files = 'data/*.csv';\n"
        "const split = /\\/*/;\n"
        "export * from './count.js';\n"
        "export async function handleParseCSV(request, reply) {}\n")
    put(out / "count.js", "export async function handleCount(request, reply) {}\n")
    assert main(["generate", "src", "--strict", "--no-cache"]) == 0, capsys.readouterr().err
    assert "warning" not in capsys.readouterr().err


def test_strict_names_a_syntax_error_in_the_handlers_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    put(tmp_path / "src" / "lib.rs", CSV)
    put(tmp_path / "generated" / "workers" / "csv_worker_handlers.js", "export function handleParseCSV( {\n")
    assert main(["generate", "src", "--strict", "--no-cache"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("generated/workers/csv_worker_handlers.js:1:")
    assert "error: the JavaScript does not parse here" in err
    assert "no handler" not in err
