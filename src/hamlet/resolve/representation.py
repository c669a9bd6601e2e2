"""How serde represents a domain type, and which container attributes it allows where:
an enum's tagging, the array form of a struct, `default` and `transparent`.

    #[serde(tag = "t", content = "c")] enum Shape { .. }   -> Tagging.ADJACENT
    #[derive(Serialize)] enum Shape { Circle { r: f64 } }  -> Tagging.EXTERNAL
    enum Format { Png, Jpeg }                               -> Tagging.STRING
    struct Point { x: f64, #[serde(default)] y: f64 }       -> least_items 1 (`[1.0]` reads)
"""

from __future__ import annotations

from hamlet.diagnostics import Diagnostic, error
from hamlet.model import Field, Tagging
from hamlet.read.rust.syntax import REnum, RField, RStruct
from hamlet.resolve.fields import skipped
from hamlet.resolve.serde import FIELD, read_serde


def tagging(item: REnum, serde, native: bool, diagnostics: list[Diagnostic]) -> Tagging | None:
    """The enum's representation: serde's `untagged`, `tag`, `tag` + `content` as
    written; else, when the enum derives serde (`native`), serde's default, externally
    tagged; else Hamlet's, internally tagged by "type". Either way an enum of unit
    variants only is a string."""
    if serde.content is not None and serde.tag is None:
        diagnostics.append(error(
            serde.loc or item.loc, f"enum `{item.name}` has `content` without `tag`",
            f"add `tag = \"type\"` beside `content = \"{serde.content}\"`, or drop `content`"))
        return None
    if serde.untagged:
        if serde.tag is not None:
            diagnostics.append(error(
                serde.loc or item.loc, f"enum `{item.name}` is both `untagged` and tagged",
                "keep one of `untagged` and `tag`"))
            return None
        return Tagging.UNTAGGED
    if serde.tag is not None and serde.content is not None:
        if serde.tag == serde.content:
            diagnostics.append(error(
                serde.loc or item.loc,
                f"enum `{item.name}` has the same key `{serde.tag}` for `tag` and `content`",
                "serde rejects it: give the content another key"))
            return None
        return Tagging.ADJACENT
    if serde.tag is not None:
        return Tagging.INTERNAL
    if all(v.kind == "unit" for v in item.variants):
        return Tagging.STRING
    return Tagging.EXTERNAL if native else Tagging.INTERNAL


def least_items(rfields: tuple[RField, ...], fields: tuple[Field, ...]) -> int:
    """How many leading elements serde's array form of a struct (or of an externally
    tagged struct variant) needs: it fills in a missing element only from the field's
    own `default` (never the container's), and Elm only where the type has a zero value."""
    kept = [rf for rf in rfields if not skipped(rf)]
    least = 0
    for index, (rf, field) in enumerate(zip(kept, fields), 1):
        own = read_serde(rf.attrs, FIELD, "", [])
        if not (own.default and field.default):
            least = index
    return least


def struct_only(item: REnum, serde) -> Diagnostic:
    """`#[serde(default)]` or `#[serde(transparent)]` on an enum, which serde rejects."""
    return error(
        serde.loc or item.loc,
        f"enum `{item.name}` has `{'default' if serde.default else 'transparent'}`, "
        "which serde allows on structs only",
        "remove the attribute (serde's derive rejects it on an enum)")


def default_needs_names(item: RStruct, serde) -> Diagnostic:
    return error(
        serde.loc or item.loc,
        f"struct `{item.name}` has `default` but no named fields",
        "serde allows a container `default` on structs with named fields only: put "
        "`default` on the fields, or remove it")
