"""Types as JSDoc writes them (TypeScript's syntax, which JSDoc shares): a model type,
and a domain type in its wire shape. No output of its own.

    Vec<Option<u32>>                                  -> Array<number | null>
    HashMap<String, f64>                              -> { [key: string]: number }
    struct Point { lat: f64, lon: f64 }               -> { lat: number, lon: number }
    enum Shape { Circle { radius: f64 }, Empty }      -> { type: 'Circle', radius: number } | { type: 'Empty' }
    the same enum deriving serde                      -> { Circle: { radius: number } } | 'Empty'
"""

from __future__ import annotations

from hamlet.emit.js_text import js_key, js_string
from hamlet.model import (
    AliasDef,
    Constructor,
    DictT,
    EnumDef,
    Key,
    ListT,
    MaybeT,
    NamedT,
    Prim,
    PrimT,
    Shape,
    StructDef,
    Tagging,
    TupleT,
    Type,
    TypeDef,
    Variant,
)


def def_type(definition: TypeDef) -> str:
    """`enum Shape { Circle { radius: f64 }, Empty }` ->
    `{ type: 'Circle', radius: number } | { type: 'Empty' }`."""
    if isinstance(definition, AliasDef):
        return js_type(definition.type)
    if isinstance(definition, StructDef):
        return _value_type(definition)
    return " | ".join(_ctor_type(definition, c) for c in definition.constructors)


def _ctor_type(enum: EnumDef, ctor: Constructor) -> str:
    """One constructor as it travels: `'Png'`, `{ type: 'Circle', radius: number }`,
    `{ t: 'Square', c: number }` (adjacent), `{ Square: number }` (serde's externally
    tagged), or its bare value (untagged)."""
    tag, shape, fields = ctor.tag, ctor.shape, ctor.fields
    if enum.tagging is Tagging.STRING or (enum.tagging is Tagging.EXTERNAL and shape is Shape.UNIT):
        return js_string(tag)
    if enum.tagging is Tagging.EXTERNAL:
        return f"{{ {js_key(tag)}: {_value_type(ctor)} }}"
    if enum.tagging is Tagging.UNTAGGED:
        return _value_type(ctor)
    keys = [f"{js_key(enum.tag)}: {js_string(tag)}"]
    if enum.tagging is Tagging.ADJACENT:
        if shape is not Shape.UNIT:
            keys.append(f"{js_key(enum.content)}: {_value_type(ctor)}")
    elif shape is Shape.STRUCT or ctor.is_flat_newtype:
        keys += key_types(ctor.keys)
    elif shape is Shape.TUPLE:
        optional = len(fields) == 1 and fields[0].optional_key
        keys.append(("value?: " if optional else "value: ") + _value_type(ctor))
    return "{ " + ", ".join(keys) + " }"


def _value_type(case: StructDef | Constructor | Variant) -> str:
    """An untagged value: `null`, a newtype's inner type, `[A, B]`, or `{ a: A }`."""
    fields = case.fields
    if case.shape is Shape.UNIT:
        return "null"
    if case.shape is Shape.TUPLE:
        if len(fields) == 1:
            return js_type(fields[0].type)
        return js_type(TupleT(tuple(f.type for f in fields)))
    keys = key_types(case.keys)
    return "{ " + ", ".join(keys) + " }" if keys else "{}"


def key_types(keys: tuple[Key, ...]) -> list[str]:
    """`lat: number`, `note?: string | null`; a flattened field gives its struct's keys."""
    return [f"{js_key(k.name)}{'?' if k.optional else ''}: {js_type(k.field.type)}" for k in keys]


def js_type(t: Type) -> str:
    """A JSDoc type: `List (Maybe Int)` -> `Array<number | null>`; a domain type is
    its name (`Point`), which the scaffold's `@typedef`s define."""
    if isinstance(t, PrimT):
        return {
            Prim.BOOL: "boolean",
            Prim.INT: "number",
            Prim.FLOAT: "number",
            Prim.STRING: "string",
            Prim.UNIT: "null",
        }[t.prim]
    if isinstance(t, ListT):
        return f"Array<{js_type(t.item)}>"
    if isinstance(t, MaybeT):
        return f"{js_type(t.item)} | null"
    if isinstance(t, DictT):
        # Not JSDoc's `Object<string, V>`, which a .d.ts does not take.
        return f"{{ [key: string]: {js_type(t.value)} }}"
    if isinstance(t, TupleT):
        return "[" + ", ".join(js_type(item) for item in t.items) + "]"
    assert isinstance(t, NamedT)
    return t.name


def payload_type(variant: Variant) -> str:
    """A message's fields as they travel without the tag, what a handler gets as
    `request` and a reply sends: `ParseCSV { data: String }` -> `{ data: string }`,
    `Resized(u32)` -> `{ value: number }`, `CancelAll` -> `{}`."""
    if variant.shape is Shape.UNIT:
        return "{}"
    if variant.shape is Shape.TUPLE and not variant.is_flat_newtype:
        fields = variant.fields
        optional = len(fields) == 1 and fields[0].optional_key
        return "{ " + ("value?: " if optional else "value: ") + _value_type(variant) + " }"
    keys = key_types(variant.keys)
    return "{ " + ", ".join(keys) + " }" if keys else "{}"
