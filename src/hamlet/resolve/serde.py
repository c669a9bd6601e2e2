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

from dataclasses import dataclass

from hamlet import naming
from hamlet.diagnostics import Diagnostic, Loc, error
from hamlet.read.rust.syntax import Arg, Attr

CONTAINER, VARIANT, FIELD = "type", "variant", "field"

# serde's derives, and the paths that name them: `Serialize`, `serde::Serialize`,
# `::serde::Deserialize`, `serde_derive::Serialize`. Another crate's derive of the same
# name (`rkyv::Serialize`, `borsh::BorshSerialize`) writes no JSON.
_SERDE_DERIVES = frozenset(("Serialize", "Deserialize"))
_SERDE_CRATES = frozenset(("serde", "serde_derive"))


def derives_serde(derives: tuple[str, ...]) -> bool:
    """Whether a `#[derive(...)]` list names serde's `Serialize` or `Deserialize`; one of
    them is enough. ("Debug", "serde::Deserialize") -> True; ("rkyv::Serialize",) -> False."""
    return bool(serde_derives(derives))


def serde_derives(derives: tuple[str, ...]) -> frozenset[str]:
    """Which of serde's `Serialize` and `Deserialize` a `#[derive(...)]` list names:
    ("Debug", "serde::Deserialize") -> {"Deserialize"}; ("rkyv::Serialize",) -> {}."""
    found = set()
    for derive in derives:
        segments = ["".join(part.split()) for part in derive.split("::")]
        if segments and segments[0] == "":
            segments = segments[1:]  # `::serde::Serialize`
        if not segments or segments[-1] not in _SERDE_DERIVES:
            continue
        if len(segments) == 1 or (len(segments) == 2 and segments[0] in _SERDE_CRATES):
            found.add(segments[-1])
    return frozenset(found)

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

# How serde spells each key it knows: with a string (`rename = "x"`), as a bare word
# (`untagged`), or either (`default`, `default = "path"`). Anything else is a compile
# error in serde's derive, so it is one here too.
_STRING = frozenset(
    "rename rename_all rename_all_fields tag content skip_serializing_if alias bound crate "
    "expecting with serialize_with deserialize_with getter from into try_from remote".split()
)
_WORD = frozenset(
    "untagged transparent skip flatten deny_unknown_fields skip_serializing "
    "skip_deserializing other variant_identifier field_identifier".split()
)
# Keys serde also reads as a list, one value per direction.
_LISTS = frozenset(("rename", "rename_all", "rename_all_fields", "bound"))


def read_serde(
    attrs: tuple[Attr, ...], place: str, owner: str, diagnostics: list[Diagnostic]
) -> Serde:
    """The serde attributes of one type, variant or field; `owner` names it for errors
    ("field `name` of `Track`")."""
    found: dict[str, object] = {}
    seen: set[str] = set()
    loc = None
    before = len(diagnostics)
    for attr in attrs:
        if attr.path != "serde":
            continue
        loc = loc or attr.loc
        if not attr.args and not attr.listed:
            diagnostics.append(error(attr.loc, f"{owner}: `#[serde]` needs a list of keys",
                                     "write `#[serde(...)]`, as serde's derive expects"))
        for arg in attr.args:
            _read_one(attr, arg, place, owner, (found, seen), diagnostics)
    if len(diagnostics) > before:
        # serde's defaults, so that what depends on the broken key reports nothing
        # more, while the item's fields and variants still report their own errors
        return NONE
    if not found:
        return NONE
    return Serde(loc=loc, **found)  # type: ignore[arg-type]


def _read_one(attr: Attr, arg: Arg, place, owner, state, diagnostics) -> None:
    found, seen = state
    key, value, directed = arg.key, arg.value, arg.listed
    if key not in _IGNORED[place] and key not in _HONOURED[place]:
        diagnostics.append(_unsupported(attr, key, place, owner))
        return
    if key in seen and key != "alias":
        diagnostics.append(error(attr.loc, f"{owner}: duplicate serde attribute `{key}`",
                                 f"serde rejects `{key}` given twice: keep one"))
        return
    seen.add(key)
    if directed:
        if key not in _LISTS:
            diagnostics.append(_form(attr, key, owner, f"`{key}(...)` is not a form serde "
                                     f"reads", _example(key)))
            return
        if key in _IGNORED[place]:
            return  # `bound(serialize = .., deserialize = ..)` may differ: Rust only
        value = _one_direction(attr, arg, owner, diagnostics)
        if value is None:
            return
    elif not _well_formed(attr, key, value, arg.string, owner, diagnostics):
        return
    if key in _IGNORED[place]:
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


def _well_formed(attr, key, value, quoted, owner, diagnostics) -> bool:
    """`rename = "x"` and `untagged` as serde's derive accepts them; `rename = 5`,
    `rename = concat!(..)`, a bare `rename` and `untagged = true` are errors."""
    if value is None and key in _STRING:
        diagnostics.append(_form(attr, key, owner, f"`{key}` needs a value", _example(key)))
        return False
    if value is not None and key in _WORD:
        diagnostics.append(_form(attr, key, owner, f"`{key}` takes no value",
                                 f"write `#[serde({key})]`"))
        return False
    if value is not None and not quoted:
        diagnostics.append(_form(attr, key, owner, f"`{key}` must be a string literal",
                                 _example(key) + ": serde reads no number, byte string or "
                                 "macro there"))
        return False
    return True


def _example(key: str) -> str:
    return f"write `{key} = \"...\"`"


def _form(attr: Attr, key: str, owner: str, what: str, hint: str) -> Diagnostic:
    return error(attr.loc, f"{owner}: serde attribute {what}", hint)


def _one_direction(attr: Attr, arg: Arg, owner: str, diagnostics) -> str | None:
    """`rename(serialize = "a", deserialize = "a")` -> "a"; different names, or only
    one direction, are an error: Elm both sends and receives every type."""
    key, parts = arg.key, arg.nested
    if not parts:
        return None  # `rename()`: serde sets nothing
    directions = [part.key for part in parts]
    if (not all(p.string and p.key in ("serialize", "deserialize") for p in parts)
            or len(set(directions)) != len(directions)):
        diagnostics.append(_form(
            attr, key, owner, f"`{key}({(arg.value or '').strip()})` is malformed",
            f"write `{key}(serialize = \"...\", deserialize = \"...\")`, each at most once, "
            f"or `{key} = \"...\"`"))
        return None
    named = {part.key: part.value for part in parts}
    serialize, deserialize = named.get("serialize"), named.get("deserialize")
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
