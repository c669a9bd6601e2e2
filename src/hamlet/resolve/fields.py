"""The fields of a message variant, a domain struct or a domain enum's variant, with
their serde options resolved into wire names, defaults, omissions and flattening.

    #[serde(rename_all = "kebab-case")]
    struct Track { track_name: String, #[serde(skip_serializing_if = "Option::is_none")]
                   artist: Option<String>, #[serde(skip)] cache: Vec<u8> }
    -> Field(wire_name="track-name", elm_name="trackName"),
       Field(wire_name="artist", omit=Omit.NOTHING)        (`cache` is not in the model)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hamlet.diagnostics import Diagnostic, error
from hamlet.model import DictT, Field, ListT, MaybeT, NamedT, Omit, Prim, PrimT, Type
from hamlet.resolve import names
from hamlet.resolve.serde import FIELD, read_serde, skip_kind
from hamlet.resolve.types import TypeContext, map_type
from hamlet.read.rust.syntax import RField


@dataclass(frozen=True)
class FieldRules:
    """How one record's fields are named and read.

    `owner`: "`Shop::Found`" for messages; `style`: a serde `rename_all` style, None for
    the convention's own keys; `default`: the container's `#[serde(default)]`;
    `reserved`: keys the enclosing object already uses, with what they are
    (("type", "the message tag"),); `serde`: the type derives serde, whose keys are the
    field names as written (`x_pos`), where Hamlet's convention makes them camelCase
    (`xPos`).
    """

    owner: str
    style: str | None = None
    default: bool = False
    reserved: tuple[tuple[str, str], ...] = ()
    serde: bool = False


# Looks up the fields of a named record struct for `flatten`: returns them, or a
# string saying why the type cannot be flattened ("" when its own errors say it).
Flattener = Callable[[NamedT, RField, str], "tuple[Field, ...] | str"]


def resolve_fields(
    rfields: tuple[RField, ...],
    rules: FieldRules,
    ctx_factory: Callable[[str], TypeContext],
    flatten: Flattener,
    diagnostics: list[Diagnostic],
    expand: Callable[[Type], Type] = lambda t: t,
) -> tuple[Field, ...]:
    """Every field that is on the wire, in order; problems go to `diagnostics`.
    `expand` sees through type aliases, for `default` and `skip_serializing_if`."""
    fields: list[Field] = []
    keys: dict[str, str] = {}
    elm_names: set[str] = set()
    js_names: set[str] = set()
    for index, rf in enumerate(rfields):
        label = rf.name if rf.name is not None else str(index)
        owner = f"field `{label}` of {rules.owner}"
        serde = read_serde(rf.attrs, FIELD, owner, diagnostics)
        if serde.skip:
            continue
        ctx = ctx_factory(owner)
        mapped = map_type(rf.ty, ctx)
        diagnostics.extend(ctx.diagnostics)
        if mapped is None:
            continue
        if rf.name is None:
            if serde.flatten or serde.rename:
                diagnostics.append(
                    error(rf.loc, f"{owner}: `flatten` and `rename` need a named field",
                          "give the field a name, or remove the attribute")
                )
            fields.append(_positional(rf, mapped))
            continue
        field = _named(rf, mapped, serde, rules, owner, (elm_names, js_names), flatten,
                       diagnostics, expand(mapped))
        if field is None:
            continue
        _check_keys(field, rf, rules, owner, keys, diagnostics)
        fields.append(field)
    return tuple(fields)


def skipped(rf: RField) -> bool:
    """`#[serde(skip)]` on the field (its attribute errors are reported elsewhere)."""
    return read_serde(rf.attrs, FIELD, "", []).skip


def check_tuple_skips(rfields: tuple[RField, ...], owner: str, loc, diagnostics) -> bool:
    """serde writes a tuple struct or variant by the fields it has in the source: when
    `skip` leaves one of several, the JSON is a one-element array, not the newtype
    Hamlet would make of it; a newtype whose field is skipped is written inconsistently.
    Both are errors; False when there is one."""
    count = len(rfields)
    kept = count - sum(1 for rf in rfields if skipped(rf))
    if kept == count or (kept != 1 and count != 1):
        return True
    diagnostics.append(error(
        loc, f"{owner}: `skip` leaves {kept} of its {count} positional fields",
        "serde writes what is left as a one-element array (or, for a skipped newtype "
        "field, as no value at all), which Hamlet does not model: skip none of them, or "
        "give the fields names"))
    return False


def _positional(rf: RField, mapped: Type) -> Field:
    return Field(None, "", "", "", "", mapped, rf.ty.text, rf.docs, rf.loc)


def _named(rf, mapped, serde, rules, owner, taken, flatten, diagnostics, seen) -> Field | None:
    """A named field; `taken` holds the Elm and JS names of the record's earlier fields,
    which keys such as "case" and "case_" would otherwise both become."""
    wire = names.wire_key(rf.name, serde.rename, rules.style, rules.serde)
    inner: tuple[Field, ...] | None = None
    if serde.flatten:
        got = flatten(mapped, rf, owner) if isinstance(mapped, NamedT) else None
        if got == "":
            return None  # the struct's own errors say what is wrong with it
        if not isinstance(got, tuple):
            diagnostics.append(
                error(
                    rf.loc,
                    f"{owner}: cannot flatten `{rf.ty.text}`",
                    got or "Hamlet flattens a struct with named fields only: the decoder "
                    "could not tell a map's or an enum's keys from the others; "
                    "make it a named field",
                )
            )
            return None
        inner, wire = got, ""
    omit = _omit(serde.skip_if, seen, rf, owner, diagnostics)
    if omit is None:
        return None
    if omit is Omit.NOTHING:
        mapped = seen  # `type MaybeName = Option<String>`: the encoder needs the Maybe
    elm_name, js_name = names.field_names(wire, rf.name, taken)
    return Field(
        rust_name=rf.name,
        wire_name=wire,
        elm_name=elm_name,
        elm_param=elm_name,
        js_name=js_name,
        type=mapped,
        rust_type=rf.ty.text,
        docs=rf.docs,
        loc=rf.loc,
        # A key serde leaves out when empty must read back as empty, whatever `default` says.
        default=(serde.default or rules.default or omit is Omit.EMPTY)
        and inner is None and has_zero(seen),
        omit=omit,
        flattened=inner,
    )


def has_zero(t: Type) -> bool:
    """Whether Elm can supply a serde `default` for a missing key: Nothing, [], Dict.empty,
    "", 0, 0.0, False, (). A domain type's Default impl is Rust code Hamlet cannot see."""
    return isinstance(t, (MaybeT, ListT, DictT, PrimT))


def _omit(predicate, mapped, rf, owner, diagnostics) -> Omit | None:
    if predicate is None:
        return Omit.NEVER
    kind = skip_kind(predicate)
    if kind == "none" and isinstance(mapped, MaybeT):
        return Omit.NOTHING
    empty_ok = isinstance(mapped, (ListT, DictT)) or mapped == PrimT(Prim.STRING)
    if kind == "empty" and empty_ok:
        return Omit.EMPTY
    diagnostics.append(
        error(
            rf.loc,
            f"{owner}: `skip_serializing_if = \"{predicate}\"` is not supported on "
            f"`{rf.ty.text}`",
            "Hamlet knows `Option::is_none` on an Option and `Vec::is_empty` (String, "
            "HashMap, ... `is_empty`) on a collection: the Elm encoder must apply the same "
            "test; otherwise drop the attribute",
        )
    )
    return None


def _check_keys(field, rf, rules, owner, keys, diagnostics) -> None:
    reserved = dict(rules.reserved)
    for key in field.wire_keys:
        if key in reserved:
            diagnostics.append(
                error(rf.loc, f"{owner} is sent as `{key}`, which is {reserved[key]}",
                      "rename the field with `#[serde(rename = \"...\")]`"
                      + _tag_example(key, rf.name))
            )
        elif key in keys:
            diagnostics.append(
                error(rf.loc, f"fields `{keys[key]}` and `{rf.name}` of {rules.owner} are "
                      f"both sent as `{key}`", "rename one of them: JSON object keys "
                      "must be distinct (`#[serde(rename = \"...\")]`)")
            )
        else:
            keys[key] = rf.name or ""


def _tag_example(key: str, rust_name: str | None) -> str:
    if key != "type":
        return ", or pick another tag"
    return ", for example to `kind`" if rust_name != "kind" else ""
