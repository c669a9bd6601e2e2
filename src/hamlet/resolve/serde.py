"""`#[serde(...)]` attributes, read into what Hamlet honours, and an error for the rest.

    #[serde(rename_all = "kebab-case", tag = "kind")]  -> Serde(rename_all="kebab-case", tag="kind")
    #[serde(rename(serialize = "a", deserialize = "a"))] -> Serde(rename="a")
    #[serde(skip_serializing_if = "Option::is_none")]   -> Serde(skip_if="Option::is_none")
    #[serde(with = "time::serde::rfc3339")]              -> error: Hamlet cannot know the format

The three places an attribute can sit (a type, a variant, a field) accept different
keys, as in serde itself; keys that only tune Rust (`bound`, `crate`, `borrow`...) are
accepted and ignored, because they do not change the JSON.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hamlet import naming
from hamlet.diagnostics import Diagnostic, Loc, error
from hamlet.rust.syntax import Attr

CONTAINER, VARIANT, FIELD = "type", "variant", "field"

# Keys with no effect on the JSON Hamlet reads and writes.
_IGNORED = {
    CONTAINER: {"deny_unknown_fields", "bound", "crate", "expecting"},
    VARIANT: {"alias", "bound", "borrow"},
    FIELD: {"alias", "bound", "borrow"},
}

_HONOURED = {
    CONTAINER: {"rename", "rename_all", "rename_all_fields", "tag", "content", "untagged",
                "default", "transparent"},
    VARIANT: {"rename", "rename_all", "skip"},
    FIELD: {"rename", "default", "skip", "skip_serializing_if", "flatten"},
}

# Keys serde knows that Hamlet cannot honour, with the reason given as the hint.
_UNSUPPORTED = {
    "with": "Hamlet cannot know the JSON a custom (de)serializer produces; convert the "
            "value to a plain type (a String, a number) in the Rust type instead",
    "serialize_with": "Hamlet cannot know the JSON a custom serializer produces; use a "
                      "plain field type instead",
    "deserialize_with": "Hamlet cannot know the JSON a custom deserializer accepts; use a "
                        "plain field type instead",
    "getter": "remote derives are not supported; derive on the type itself",
    "from": "the JSON is another type's: put that type in the message instead",
    "into": "the JSON is another type's: put that type in the message instead",
    "try_from": "the JSON is another type's: put that type in the message instead",
    "remote": "remote derives are not supported; derive on the type itself",
    "variant_identifier": "use a plain enum instead",
    "field_identifier": "use a plain enum instead",
    "other": "a catch-all variant has no Elm equivalent; list the variants",
    "untagged": "an untagged variant inside a tagged enum is not supported; make the "
                "whole enum untagged, or tag this variant too",
    "skip_serializing": "a field serde writes one way only cannot round-trip; use "
                        "`skip` (not on the wire at all) or no attribute",
    "skip_deserializing": "a field serde reads one way only cannot round-trip; use "
                          "`skip` (not on the wire at all) or no attribute",
}


@dataclass(frozen=True)
class Serde:
    """What one item's serde attributes ask for; `loc` is where they were written."""

    rename: str | None = None
    rename_all: str | None = None
    rename_all_fields: str | None = None
    tag: str | None = None
    content: str | None = None
    untagged: bool = False
    default: bool = False  # bare `default`: the type's zero value when the key is missing
    transparent: bool = False
    skip: bool = False
    skip_if: str | None = None
    flatten: bool = False
    loc: Loc | None = None


NONE = Serde()

_DIRECTED = re.compile(r"(\w+)\s*\((.*)\)\s*$", re.DOTALL)
_PAIR = re.compile(r'(serialize|deserialize)\s*=\s*"((?:[^"\\]|\\.)*)"')


def read_serde(
    attrs: tuple[Attr, ...], place: str, owner: str, diagnostics: list[Diagnostic]
) -> Serde:
    """The serde attributes of one type, variant or field; `owner` names it for errors
    ("field `name` of `Track`")."""
    found: dict[str, object] = {}
    loc = None
    for attr in attrs:
        if attr.path != "serde":
            continue
        loc = loc or attr.loc
        for key, value in attr.args:
            _read_one(attr, key, value, place, owner, found, diagnostics)
    if not found:
        return NONE
    return Serde(loc=loc, **found)  # type: ignore[arg-type]


def _read_one(attr, key, value, place, owner, found, diagnostics) -> None:
    directed = _DIRECTED.match(key) if value is None else None
    if directed:
        key, value = directed.group(1), _one_direction(attr, directed, owner, diagnostics)
        if value is None:
            return
    if key in _IGNORED[place]:
        return
    if key not in _HONOURED[place]:
        diagnostics.append(_unsupported(attr, key, place, owner))
        return
    if key == "default" and value is not None:
        # `default = "path"`: a value Hamlet cannot know. serde always writes the
        # field, so Elm simply requires it.
        return
    if key in ("rename_all", "rename_all_fields"):
        if value not in naming.SERDE_STYLES:
            diagnostics.append(
                error(
                    attr.loc,
                    f"{owner}: unknown serde case style {value!r} in `{key}`",
                    "use one of serde's: " + ", ".join(f'"{s}"' for s in naming.SERDE_STYLES),
                )
            )
            return
    if key in ("untagged", "transparent", "skip", "flatten", "default"):
        found[key] = True
    elif key == "skip_serializing_if":
        found["skip_if"] = value
    else:
        found[key] = value


def _one_direction(attr: Attr, match: re.Match, owner: str, diagnostics) -> str | None:
    """`rename(serialize = "a", deserialize = "a")` -> "a"; different names, or only
    one direction, are an error: Elm both sends and receives every type."""
    key = match.group(1)
    pairs = dict(_PAIR.findall(match.group(2)))
    serialize, deserialize = pairs.get("serialize"), pairs.get("deserialize")
    if serialize is not None and serialize == deserialize:
        return serialize
    diagnostics.append(
        error(
            attr.loc,
            f"{owner}: `{key}` differs between serializing ({serialize or 'unchanged'}) "
            f"and deserializing ({deserialize or 'unchanged'})",
            f"Elm sends and receives the same JSON: use one `{key} = \"...\"` for both",
        )
    )
    return None


def _unsupported(attr: Attr, key: str, place: str, owner: str) -> Diagnostic:
    hint = _UNSUPPORTED.get(key)
    if hint is not None:
        return error(attr.loc, f"{owner}: serde attribute `{key}` is not supported", hint)
    known = sorted(_HONOURED[place] | _IGNORED[place])
    return error(
        attr.loc,
        f"{owner}: `{key}` is not a serde attribute Hamlet knows on a {place}",
        "Hamlet reads " + ", ".join(f"`{k}`" for k in known) + f" on a {place}",
    )


# ---- skip_serializing_if -------------------------------------------------------------

_EMPTY_OWNERS = frozenset(
    "Vec VecDeque String str HashMap BTreeMap HashSet BTreeSet <[_]>".split()
)


def skip_kind(predicate: str) -> str | None:
    """"Option::is_none" -> "none"; "Vec::is_empty" -> "empty"; anything else None."""
    compact = "".join(predicate.split())
    if compact in ("Option::is_none", "std::option::Option::is_none"):
        return "none"
    head, _, tail = compact.rpartition("::")
    owner = head.split("::")[-1].split("<")[0] if "<[" not in head else "<[_]>"
    if tail == "is_empty" and owner in _EMPTY_OWNERS:
        return "empty"
    return None
