"""The contract's direction rules, each on its own, then their precedence."""

import pytest

from hamlet.diagnostics import Loc
from hamlet.model import Direction, Rule
from hamlet.resolve import rules
from hamlet.read.rust.syntax import Arg, Attr, RVariant

REQ, RESP = Direction.REQUEST, Direction.RESPONSE
LOC = Loc("x.rs", 1, 1)


def variant(name, comments=(), worker=()):
    attrs = (Attr("worker", tuple(Arg(w, text=w) for w in worker), LOC, "", True),) if worker else ()
    return RVariant(name, "unit", (), "", attrs, tuple(comments), LOC)


def decide(*variants):
    flags = [rules.worker_flags(v)[0] for v in variants]
    return rules.directions(tuple(variants), flags)


@pytest.mark.parametrize(
    "name",
    ["ProcessingResponse", "SearchResult", "SearchResults", "ProcessingProgress",
     "ProcessingComplete", "UploadCompleted", "JobDone", "JobFinished", "ProcessingFailed",
     "RenderFailure", "WorkerError", "ModelReady", "CSVParsed", "StatsCalculated",
     "CSVProcessed", "GPXParsed"],
)
def test_convention_response_words(name):
    assert rules.convention_direction(name) is RESP


@pytest.mark.parametrize(
    "name",
    ["ProcessImage", "ParseCSV", "CalculateStats", "ProcessCSV", "Embed", "LoadFeed",
     "PlantSeed", "SetSpeed", "Need", "Shred", "Proceed", "Succeed", "Exceed", "CancelAll",
     "ParseGPX"],
)
def test_convention_request_words(name):
    assert rules.convention_direction(name) is REQ


@pytest.mark.parametrize(
    "comment, direction",
    [
        ("Main → Worker", REQ),
        ("Worker → Main", RESP),
        ("main -> worker", REQ),
        ("Worker => Main", RESP),
        ("MAIN to WORKER", REQ),
        ("Worker ‚Üí Main", RESP),
        ("From the worker back to main thread", RESP),
        ("Sent by main thread to the image worker", REQ),
    ],
)
def test_section_comment_order_decides(comment, direction):
    assert rules.section_direction(comment) is direction


@pytest.mark.parametrize("comment", ["Requests", "worker stuff", "domain types", "TODO"])
def test_comments_that_do_not_name_both_are_not_sections(comment):
    assert rules.section_direction(comment) is None


def test_section_comment_beats_convention_and_carries_down():
    got = decide(
        variant("ProcessingFailed", ["Main → Worker"]),
        variant("Other"),
        variant("Send", ["Worker → Main", "just a note"]),
        variant("AlsoSent"),
    )
    assert got == [(REQ, Rule.SECTION), (REQ, Rule.SECTION), (RESP, Rule.SECTION),
                   (RESP, Rule.SECTION)]


def test_attribute_beats_section_comment():
    got = decide(variant("Parsed", ["Main -> Worker"], worker=["response"]), variant("Go"))
    assert got == [(RESP, Rule.ATTRIBUTE), (REQ, Rule.SECTION)]


def test_convention_applies_without_comments():
    got = decide(variant("ParseCSV"), variant("CSVParsed"), variant("ParseError"))
    assert got == [(REQ, Rule.CONVENTION), (RESP, Rule.CONVENTION), (RESP, Rule.CONVENTION)]


def test_error_and_progress_marks_imply_response():
    flags, problems = rules.worker_flags(variant("Oops", worker=["error"]))
    assert flags.direction is RESP and flags.error and not problems
    flags, problems = rules.worker_flags(variant("Tick", worker=["progress"]))
    assert flags.direction is RESP and flags.progress and not problems


def test_unknown_worker_attribute_is_reported():
    _, problems = rules.worker_flags(variant("Go", worker=["reqest"]))
    assert len(problems) == 1 and "unknown worker attribute `reqest`" in problems[0].message


def test_request_marked_error_is_reported():
    _, problems = rules.worker_flags(variant("Go", worker=["request", "error"]))
    assert len(problems) == 1 and "both request and error" in problems[0].message
