"""The Rust module of a `#[worker(rust)]` worker, and the names it uses.

    test_rust_identifiers           keywords raw, or with an underscore where Rust has no
                                    raw form; acronyms as words in type names
    test_rust_string_literals       quotes, backslashes, control and non-ASCII escaped
    test_relative_paths_move_down   `super::`/`self::` in a field type, seen one module down
    test_js_worker_has_no_module    a worker without the mark gets no .rs file
    test_names_avoid_domain_types   a domain type named like a generated type keeps its name
    test_mirror_shapes              unit, empty tuple, several values, a flat newtype,
                                    optional keys and renamed tags in the serde mirror
    test_method_names_stay_apart    two variants with one snake_case name get two methods

The module compiling and running is tests/toolchain/test_rust_worker.py.
"""

from __future__ import annotations

from dataclasses import replace

from hamlet import naming
from hamlet.emit.rust import emit_rust, rust_string, rust_type
from hamlet.read.rust.parse import parse_source
from hamlet.resolve import resolve


def _project(source: str):
    project, diagnostics = resolve([parse_source("lib.rs", source.encode())])
    assert not [d for d in diagnostics if d.is_error], diagnostics
    return project


def _module(source: str) -> str:
    project = _project(source)
    return emit_rust(project, project.workers[0]).content


def test_rust_identifiers():
    assert naming.rust_ident("parse_csv") == "parse_csv"
    assert naming.rust_ident("match") == "r#match"
    assert naming.rust_ident("crate") == "crate_"
    assert naming.rust_ident("self") == "self_"
    assert naming.rust_type_name("CSVWorker") == "CsvWorker"
    assert naming.rust_type_name("HTTPRouteWorker") == "HttpRouteWorker"


def test_rust_string_literals():
    assert rust_string('a"b\\c') == '"a\\"b\\\\c"'
    assert rust_string("é\n") == '"\\u{e9}\\u{a}"'


def test_relative_paths_move_down():
    project = _project(WORKER)
    field = project.workers[0].variants[0].fields[0]
    assert rust_type(replace(field, rust_type="Vec<super::geo::Point>")) == "Vec<super::super::geo::Point>"
    assert rust_type(replace(field, rust_type="self::Point")) == "super::Point"
    assert rust_type(replace(field, rust_type="crate::Point")) == "crate::Point"


WORKER = """
#[derive(BuildAmpWorker)]
#[worker(rust)]
pub enum CSVWorkerMessage {
    ParseCSV { csv_text: String, max_rows: Option<u32> },
    Resize(u32, u32),
    Blank(),
    CancelAll,
    ParseProgress { percent: u8 },
    #[serde(rename = "parsed")]
    CSVParsed { rows: Vec<Vec<String>> },
    ParseError { error: String },
}
"""


def test_js_worker_has_no_module():
    project = _project(WORKER.replace("#[worker(rust)]", ""))
    assert emit_rust(project, project.workers[0]) is None
    assert project.workers[0].rust is None


def test_names_avoid_domain_types():
    source = WORKER.replace("ParseCSV { csv_text: String,", "ParseCSV { csv_text: CsvWorkerReply,") + (
        "#[derive(Serialize, Deserialize)] pub struct CsvWorkerReply(String);\n"
        "#[derive(Serialize, Deserialize)] pub struct HamletRequest(String);\n"
        "pub type Unused = HamletRequest;\n"
    )
    project = _project(source.replace("CancelAll,", "CancelAll, Use(HamletRequest),"))
    rust = project.workers[0].rust
    assert (rust.reply, rust.request_enum) == ("CsvWorkerReply_", "HamletRequest_")
    text = emit_rust(project, project.workers[0]).content
    assert "csv_text: CsvWorkerReply," in text and "reply: &mut CsvWorkerReply_," in text


def test_mirror_shapes():
    text = _module(WORKER)
    assert '    #[serde(rename = "ParseCSV")]\n    ParseCSV {\n        #[serde(rename = "csvText")]\n        f0: String,\n        #[serde(rename = "maxRows", default)]\n        f1: Option<u32>,' in text
    assert "    Resize { value: (u32, u32) }," in text
    assert "    Blank { value: [u8; 0] }," in text
    assert '    #[serde(rename = "CancelAll")]\n    CancelAll,' in text
    assert '    #[serde(rename = "parsed")]\n    CSVParsed {' in text
    assert "HamletRequest::Resize { value: (f0, f1) } => handlers.resize(f0, f1, reply)," in text
    assert "HamletRequest::Blank { value: _ } => handlers.blank(reply)," in text
    assert "pub fn parse_progress(&mut self, percent: u8) {" in text
    flat = _module(
        "#[derive(Serialize, Deserialize)] pub struct Point { x: f64 }\n"
        "#[derive(BuildAmpWorker)]\n#[worker(rust)]\n#[serde(tag = \"type\")]\n"
        "pub enum MoveWorkerMessage { Move(Point), Moved(Point), MoveFailed { error: String } }\n"
    )
    assert "    Move(Point)," in flat and "HamletRequest::Move(f0) => handlers.r#move(f0, reply)," in flat
    assert "hamlet_send(&HamletResponse::Moved(value));" in flat


def test_method_names_stay_apart():
    project = _project(
        "#[derive(BuildAmpWorker)]\n#[worker(rust)]\npub enum PWorkerMessage {\n"
        "    #[worker(request)] Parse2D, #[worker(request)] Parse2d, PFailed { error: String } }\n"
    )
    methods = [m.name for m in project.workers[0].rust.methods]
    assert len(set(methods)) == len(methods)
