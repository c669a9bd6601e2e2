"""JSON objects whose keys may be left out, as Elm encoders print them: serde's
`skip_serializing_if` (a key absent when Nothing or empty) and flattened structs (their
keys in this object). No output of its own.

    struct Job { name: String, #[serde(skip_serializing_if = "Option::is_none")] note: Option<String> }
    -> Encode.object
           (List.filterMap Basics.identity
               [ Maybe.Just ( "name", Encode.string value.name )
               , Maybe.map (Encode.string >> Tuple.pair "note") value.note
               ]
           )
"""

from __future__ import annotations

from typing import NamedTuple

from hamlet.emit.elm_codecs import elm_string, encode, encoder
from hamlet.emit.elm_scope import INDENT, Scope
from hamlet.model import DictT, Field, Key, ListT, MaybeT, Omit, Prim, PrimT


class Entry(NamedTuple):
    """One key of an encoded object. `value` is its lines (several for a nested object);
    `omit_if`, when set, is an Elm Bool for "leave the key out"; `maybe` marks a Maybe
    whose key is left out when Nothing (then `value` is the inner encoder)."""

    key: str
    value: list[str]
    omit_if: str = ""
    maybe: str = ""


def entries(keys: tuple[Key, ...], subject: str, scope: Scope, within: int = 0) -> list[Entry]:
    """A record's keys read from `subject` (`data`): a flattened field's keys from
    `data.inner.key`. `within`: how many fields of each key's path `subject` stands for
    already (1 for a flat newtype, whose parameter holds the flattened struct)."""
    return [
        field_entry(k.name, k.field, ".".join([subject, *(f.elm_name for f in k.path[within:])]), scope)
        for k in keys
    ]


def field_entry(key: str, f: Field, subject: str, scope: Scope) -> Entry:
    """The key `key` holding field `f`, whose value is `subject`; its `omit` decides
    whether the key can be left out."""
    if f.omit is Omit.NOTHING:
        if not isinstance(f.type, MaybeT):
            raise ValueError(f"field `{f.rust_name}` omits Nothing but is not a Maybe")
        return Entry(key, [encoder(f.type.item, scope).arg()], maybe=subject)
    value = [encode(f.type, subject, scope)]
    if f.omit is Omit.EMPTY:
        return Entry(key, value, omit_if=f"{_is_empty(f, scope)} {subject}")
    return Entry(key, value)


def _is_empty(f: Field, scope: Scope) -> str:
    t = scope.alias(f.type)
    if isinstance(t, ListT):
        return "List.isEmpty"
    if isinstance(t, DictT):
        scope.need("Dict")
        return "Dict.isEmpty"
    if t == PrimT(Prim.STRING):
        return "String.isEmpty"
    raise ValueError(f"field `{f.rust_name}` omits empty values but `{f.rust_type}` has none")


def object_lines(found: list[Entry], scope: Scope) -> list[str]:
    """`Encode.object [ .. ]` over `found`, one key a line; through
    `List.filterMap Basics.identity` when some key may be left out. An object with a
    key "__proto__" is built by the any-key helper: `Encode.object` would drop it."""
    make = "Encode.object"
    if any(e.key == "__proto__" for e in found):
        make = scope.helper("any_key_object")
    if not found:
        return [f"{make} []"]
    if not any(e.omit_if or e.maybe for e in found):
        if len(found) == 1 and len(found[0].value) == 1:
            return [f"{make} [ {_pair(found[0])[0]} ]"]
        lines = [make]
        for index, entry in enumerate(found):
            pair = _pair(entry)
            lines.append(f"{INDENT}{'[' if index == 0 else ','} {pair[0]}")
            lines.extend(f"{INDENT}  {line}" if line else "" for line in pair[1:])
        return lines + [f"{INDENT}]"]
    lines = [make, f"{INDENT}(List.filterMap Basics.identity"]
    pad = INDENT * 2
    for index, entry in enumerate(found):
        item = _optional_item(entry)
        lines.append(f"{pad}{'[' if index == 0 else ','} {item[0]}")
        lines.extend(f"{pad}  {line}" if line else "" for line in item[1:])
    return lines + [f"{pad}]", f"{INDENT})"]


def _pair(entry: Entry) -> list[str]:
    """`( "key", value )`, or elm-format's layout of a tuple holding a multi-line value."""
    key = elm_string(entry.key)
    if len(entry.value) == 1:
        return [f"( {key}, {entry.value[0]} )"]
    rest = [f"  {line}" if line else "" for line in entry.value[1:]]
    return [f"( {key}", f", {entry.value[0]}", *rest, ")"]


def _optional_item(entry: Entry) -> list[str]:
    """A `Maybe ( String, Value )` for `List.filterMap`, laid out as elm-format does."""
    if len(entry.value) != 1:
        raise ValueError("a key that may be left out holds a one-line value")
    key = elm_string(entry.key)
    if entry.maybe:
        return [f"Maybe.map ({entry.value[0]} >> Tuple.pair {key}) {entry.maybe}"]
    just = f"Maybe.Just ( {key}, {entry.value[0]} )"
    if entry.omit_if:
        return [f"if {entry.omit_if} then", "  Maybe.Nothing", "", "else", f"  {just}"]
    return [just]
