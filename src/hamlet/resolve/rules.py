"""The contract's direction, failure-variant and progress rules, in that order.

    // Main → Worker          section comment: main first -> request
    ProcessImage { .. },      -> request (section comment)
    // Worker → Main
    ProcessingFailed { .. },  -> response (section comment); failure variant
    ParseCSV { .. },          (no section comment) -> request (naming convention)
    CSVParsed { .. },         -> response: last word is a past participle
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hamlet import naming
from hamlet.diagnostics import Diagnostic, error
from hamlet.model import Direction, Rule
from hamlet.read.rust.syntax import Attr, RVariant

WORKER_FLAGS = ("request", "response", "error", "progress")

_MAIN = re.compile(r"\bmain\b", re.IGNORECASE)
_WORKER = re.compile(r"worker", re.IGNORECASE)


@dataclass(frozen=True)
class Flags:
    """What `#[worker(...)]` attributes on a variant say."""

    direction: Direction | None = None
    error: bool = False
    progress: bool = False


def worker_flags(variant: RVariant) -> tuple[Flags, list[Diagnostic]]:
    """`#[worker(response, progress)]` -> Flags(RESPONSE, progress=True).

    `error` and `progress` imply a response. Unknown words and a request that is also
    marked error/progress are reported.
    """
    words: list[tuple[str, Attr]] = []
    for attr in variant.attrs:
        if attr.path in ("worker", "hamlet::worker"):
            # a list (`request(x)`) is no flag: it is named as written
            words.extend((arg.text if arg.listed else arg.key, attr) for arg in attr.args)
    diagnostics = []
    seen = set()
    for word, attr in words:
        if word not in WORKER_FLAGS:
            diagnostics.append(
                error(
                    attr.loc,
                    f"unknown worker attribute `{word}` on variant `{variant.name}`",
                    "use one of #[worker(request)], #[worker(response)], "
                    "#[worker(error)] or #[worker(progress)]",
                )
            )
        seen.add(word)
    if "request" in seen and seen & {"response", "error", "progress"}:
        diagnostics.append(
            error(
                variant.loc,
                f"variant `{variant.name}` is marked both request and "
                + naming.pluralize_list(sorted(seen & {"response", "error", "progress"})),
                "errors and progress are responses (worker -> main); drop one of the marks",
            )
        )
    direction = None
    if "request" in seen:
        direction = Direction.REQUEST
    elif seen & {"response", "error", "progress"}:
        direction = Direction.RESPONSE
    return Flags(direction, "error" in seen, "progress" in seen), diagnostics


def section_direction(comment: str) -> Direction | None:
    """A comment naming both main and worker: "Main → Worker" -> REQUEST,
    "Worker -> Main" -> RESPONSE; any other comment -> None."""
    main = _MAIN.search(comment)
    worker = _WORKER.search(comment)
    if not main or not worker:
        return None
    return Direction.REQUEST if main.start() < worker.start() else Direction.RESPONSE


def convention_direction(variant_name: str) -> Direction:
    """"CSVParsed" -> RESPONSE, "ProcessingProgress" -> RESPONSE, "ParseCSV" -> REQUEST,
    "FeedSeed" -> REQUEST (not a past participle)."""
    word = naming.last_word(variant_name).lower()
    if word in naming.RESPONSE_WORDS:
        return Direction.RESPONSE
    if len(word) > 3 and word.endswith("ed") and word not in naming.NOT_PARTICIPLES:
        return Direction.RESPONSE
    return Direction.REQUEST


def directions(
    variants: tuple[RVariant, ...], flags: list[Flags]
) -> list[tuple[Direction, Rule]]:
    """Apply the three rules in order to every variant of one enum."""
    result = []
    section: Direction | None = None
    for variant, flag in zip(variants, flags):
        for comment in variant.comments:
            found = section_direction(comment)
            if found is not None:
                section = found
        if flag.direction is not None:
            result.append((flag.direction, Rule.ATTRIBUTE))
        elif section is not None:
            result.append((section, Rule.SECTION))
        else:
            result.append((convention_direction(variant.name), Rule.CONVENTION))
    return result


def is_failure_word(variant_name: str) -> bool:
    return naming.last_word(variant_name).lower() in naming.FAILURE_WORDS


def is_progress_word(variant_name: str) -> bool:
    return naming.last_word(variant_name).lower() == "progress"
