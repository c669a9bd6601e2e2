"""The cache's codec (`hamlet.cache.codec`): Hamlet's dataclasses <-> plain JSON.

    test_round_trip_*               what is written is read back equal
    test_every_field_is_checked     a value of the wrong type anywhere rejects the entry
    test_what_hamlet_does_not_*     a tag outside the table, or of a class that may not
                                    stand there, wrong arity, deep JSON...
    test_output_paths_stay_inside   an OutputFile path may not leave its folder
"""

from __future__ import annotations

import json

import pytest

import hamlet
from hamlet.cache.codec import Rejected, decode, encode
from hamlet.diagnostics import Diagnostic, Loc, Severity, error
from hamlet.model import Direction, OutputFile, PrimT, Prim
from hamlet.read.rust.parse import parse_source
from hamlet.read.rust.syntax import ParsedFile

SOURCE = b"""\
/// Docs.
#[derive(BuildAmpWorker, serde::Serialize)]
pub enum CSVWorkerMessage {
    // Main -> Worker
    #[serde(rename = "parse")]
    ParseCSV { data: String, sep: Option<char>, cells: [u8; 4], r: &'static str },
    Resize(u32, (u8, u16)),
    Cancel,
    // Worker -> Main
    CSVParsed { rows: Vec<Vec<String>>, f: fn(u8) -> u8 },
    ParseError { error: String },
}
pub struct Broken { x: u32
"""


def parsed() -> ParsedFile:
    return parse_source("src/lib.rs", SOURCE)


def test_round_trip_parsed_file():
    original = parsed()
    assert original.diagnostics, "the sample has a syntax error to carry"
    again = decode(encode(original), ParsedFile)
    assert again == original
    assert encode(again) == encode(original)


def test_round_trip_result(tmp_path):
    good = SOURCE.replace(b"pub struct Broken { x: u32\n", b"").replace(b", f: fn(u8) -> u8", b"")
    (tmp_path / "lib.rs").write_bytes(good)
    result = hamlet.generate([str(tmp_path)])
    assert result.ok and result.files and result.project.workers
    again = decode(encode(result), hamlet.Result)
    assert again == result
    assert again.project.workers[0].variants[0].direction is Direction.REQUEST


def test_null_where_a_list_goes_is_rejected():
    text = encode(parsed())
    lists = [path for path, _ in paths_in(json.loads(text)) if path[-1] == 0]
    for path in {p[:-1] for p in lists if p[:-1]}:
        copy = json.loads(text)
        put(copy, path, None)
        with pytest.raises(Rejected):
            decode(json.dumps(copy), ParsedFile)


def test_round_trip_loc_without_a_line():
    diagnostic = error(Loc("src"), "no such file or folder: src", "hint")
    again = decode(encode(hamlet.Result((), (diagnostic,), None)), hamlet.Result)
    assert again.diagnostics == (diagnostic,)
    assert again.diagnostics[0].severity is Severity.ERROR
    assert str(again.diagnostics[0].loc) == "src"


def test_plain_form_is_tagged_arrays():
    assert json.loads(encode(Loc("a.rs", 3, 4))) == ["L", "a.rs", 3, 4]
    assert json.loads(encode(PrimT(Prim.UNIT))) == ["P", "()"]


def test_unregistered_values_are_not_encoded():
    with pytest.raises(TypeError):
        encode(OutputFile("js", "a.js", object()))


def paths_in(plain, path=()):
    """Every position of a scalar in the plain form, with the scalar."""
    if isinstance(plain, list):
        for i, item in enumerate(plain):
            yield from paths_in(item, path + (i,))
    else:
        yield path, plain


def put(plain, path, value):
    target = plain
    for i in path[:-1]:
        target = target[i]
    target[path[-1]] = value


def test_every_field_is_checked():
    """Replace each scalar of a real ParsedFile, one at a time, by a value of another
    JSON type: every single one is rejected (tags and enum values included). A null
    is left out: `str | None` and `int | None` fields take it; a str where a null is
    too (a positional field's name)."""
    text = encode(parsed())
    plain = json.loads(text)
    positions = list(paths_in(plain))
    assert len(positions) > 200
    for path, value in positions:
        for other in (7, True, "x", [], {}):
            if type(other) is type(value) or (value is None and other == "x"):
                continue
            copy = json.loads(text)
            put(copy, path, other)
            with pytest.raises(Rejected):
                decode(json.dumps(copy), ParsedFile)


REJECTED = [  # (class expected, JSON)
    (Loc, '["L","a.rs",1,2,3]'),  # a field too many
    (Loc, '["L","a.rs",1]'),  # too few
    (Loc, '["L","a.rs",1.0,2]'),  # a float for an int
    (Loc, '["L","a.rs",true,2]'),  # a bool for an int
    (Loc, '["Loc","a.rs",1,2]'),  # a class name, not its tag
    (Diagnostic, '["D","a.rs","m","h","error"]'),  # a str where a Loc goes
    (Diagnostic, '["D",["L","a.rs",1,1],"m","h","fatal"]'),  # no such Severity
    (Diagnostic, '["D",["L","a.rs",1,1],"m","h",["os.system","ls"]]'),
    # `Diagnostic.loc` is a Loc: a valid Diagnostic where it goes is refused.
    (Diagnostic, '["D",["D",["L","a.rs",1,1],"m","h","error"],"m","h","error"]'),
    (ParsedFile, '["PF","a.rs",[["os.system","ls"]],[]]'),  # a tag outside the table
    (ParsedFile, '["PF","a.rs",[["L","a.rs",1,1]],[]]'),  # a tag not allowed there
    (ParsedFile, '["PF","a.rs",[],[["D",["L","a.rs",1,1],"m","h","error"]]'),  # cut short
    (ParsedFile, '{"path":"a.rs"}'),
    (ParsedFile, '"PF"'),
    (ParsedFile, "[" * 100_000 + "]" * 100_000),
    (ParsedFile, b"\xff\xfe"),
]


@pytest.mark.parametrize("cls, text", REJECTED)
def test_what_hamlet_does_not_write_is_rejected(cls, text):
    with pytest.raises(Rejected):
        decode(text, cls)


@pytest.mark.parametrize("root, path, ok", [
    ("js", "workers.js", True),
    ("elm", "Workers/CSVWorker.elm", True),
    ("js", "../evil.js", False),
    ("js", "a/../../evil.js", False),
    ("js", "/etc/evil.js", False),
    ("js", "a//b.js", False),
    ("js", "./a.js", False),
    ("js", "a\\..\\b.js", False),
    ("js", "C:/evil.js", False),
    ("js", "a\u0000.js", False),
    ("home", "a.js", False),
    ("js", "", False),
])
def test_output_paths_stay_inside_their_folder(root, path, ok):
    text = encode(hamlet.Result((OutputFile(root, path, "x"),), (), None))
    if ok:
        assert decode(text, hamlet.Result).files[0].path == path
    else:
        with pytest.raises(Rejected):
            decode(text, hamlet.Result)


def test_every_class_the_cache_meets_has_a_tag():
    """A dataclass added to the model or the syntax tree needs a tag in
    `hamlet.cache.codec._registry`; building the decoders says which one is missing."""
    from hamlet.cache.codec import _decoder, _encoders, _registry

    for cls in (ParsedFile, hamlet.Result):
        _decoder(cls)  # raises TypeError("<Class> has no tag ...") otherwise
    tags = _registry()
    assert len(set(tags.values())) == len(tags), "one tag per class"
    assert all(cls in _encoders() for cls in tags.values())
