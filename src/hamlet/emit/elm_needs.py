"""What an Elm module's codecs need, worked out from the model before anything is
printed: which private helpers (`hamlet.emit.elm_helpers`) it must define, and whether
it imports `Dict`. A pure function of the model, so the module's imports and helpers
never depend on the order its parts are printed in.

    ShapesWorker { Tag { meta: HashMap<String, bool>, note: Option<String> }, .. }
    -> {"encode_dict", "decode_dict", "object_keys", "key_step", "any_key_object",
        "optional_field", "Dict"}

It follows the printers step by step (`elm_codecs`, `elm_objects`, `elm_tagged`,
`elm_types`): each function here names the printer it stands for. The printers check
every helper they use against it (`Scope.need`), so a helper missing here fails
loudly, and the unit tests check that nothing found here goes unused.
"""

from __future__ import annotations

from hamlet.diagnostics import Loc
from hamlet.model import (
    MESSAGE_TAGS,
    AliasDef,
    DictT,
    EnumDef,
    Field,
    Key,
    MaybeT,
    NamedT,
    Omit,
    Prim,
    PrimT,
    Project,
    Shape,
    Tagging,
    Tags,
    TupleT,
    Type,
    Worker,
    def_types,
    mentions,
)

DICT = "Dict"  # not a helper: the module imports `Dict`

# Keys that every JavaScript object has, through Object.prototype. elm/json's
# `Decode.field` tests `key in value`, which finds them on any object; a key named so
# is decoded by the own-field helper, which tells an own key from the inherited member.
PROTOTYPE_KEYS = frozenset((
    "constructor", "__defineGetter__", "__defineSetter__", "hasOwnProperty",
    "__lookupGetter__", "__lookupSetter__", "isPrototypeOf", "propertyIsEnumerable",
    "toString", "valueOf", "__proto__", "toLocaleString",
))

# The helpers each helper calls (and `Dict` for the two that use it).
HELPER_CALLS = {
    "unit_variant": ("decode_dict",),
    "external_tag": ("decode_dict",),
    "own_field": ("own_value",),
    "decode_dict": ("object_keys", DICT),
    "object_keys": ("key_step",),
    "object_or_array": ("any_key_object",),
    "encode_dict": ("any_key_object", DICT),
}

# A unit variant's content under an adjacent tag: absent or null (serde accepts both,
# and writes none).
NULL_CONTENT = Field(None, "", "", "", "", MaybeT(PrimT(Prim.UNIT)), "()", "", Loc(""))


def aliases_of(project: Project) -> dict[str, Type]:
    """The Elm name of every alias -> the type it stands for."""
    return {t.name: t.type for t in project.types if isinstance(t, AliasDef)}


def alias_target(t: Type, aliases: dict[str, Type]) -> Type:
    """The type behind an alias (`Labels` -> `Dict String (List String)`), else `t`."""
    seen = set()
    while isinstance(t, NamedT) and t.name in aliases and t.name not in seen:
        seen.add(t.name)  # `type A = B; type B = A;` must not loop here
        t = aliases[t.name]
    return t


def worker_needs(worker: Worker, aliases: dict[str, Type]) -> frozenset[str]:
    """A worker module: its message types (`elm.emit_elm`) and the codecs of both unions."""
    needs = _Needs(aliases)
    if any(mentions(f.type, DictT) for v in worker.variants for f in v.fields):
        needs.found.add(DICT)  # the types and commands print `Dict String ..`
    for cases in (worker.requests, worker.responses):
        needs.union(cases, MESSAGE_TAGS)
    return needs.closed()


def types_needs(project: Project) -> frozenset[str]:
    """`Workers.Types`: every definition and its codecs (`elm_types.emit_types`)."""
    needs = _Needs(aliases_of(project))
    if any(mentions(t, DictT) for d in project.types for t in def_types(d)):
        needs.found.add(DICT)
    for d in project.types:
        if isinstance(d, EnumDef):
            needs.union(d.constructors, d.tags)
        elif isinstance(d, AliasDef):
            needs.encoder(d.type)
            needs.decoder(d.type)
        elif d.shape is Shape.TUPLE:
            for f in d.fields:
                needs.encoder(f.type)
                needs.decoder(f.type)
            if len(d.fields) != 1:
                needs.found.add("tuple_of")
        elif d.shape is Shape.STRUCT:
            needs.entries(d.keys)
            needs.record(d.fields)
    return needs.closed()


class _Needs:
    def __init__(self, aliases: dict[str, Type]) -> None:
        self.aliases = aliases
        self.found: set[str] = set()

    def closed(self) -> frozenset[str]:
        """`found` with the helpers its helpers call, in turn (`elm_helpers.helpers`)."""
        todo = list(self.found)
        while todo:
            for called in HELPER_CALLS.get(todo.pop(), ()):
                if called not in self.found:
                    self.found.add(called)
                    todo.append(called)
        return frozenset(self.found)

    # ---- elm_codecs ----------------------------------------------------------------

    def encoder(self, t: Type) -> None:
        """`encoder`, `encode`: a map is written by the dict encoder."""
        if mentions(t, DictT):
            self.found.add("encode_dict")

    def decoder(self, t: Type) -> None:
        """`decoder`: maps by the dict decoder, tuples by the tuple helper."""
        if mentions(t, DictT):
            self.found.add("decode_dict")
        if mentions(t, TupleT):
            self.found.add("tuple_of")

    def key(self, key: str) -> None:
        """`key_decoder`."""
        if key in PROTOTYPE_KEYS:
            self.found.add("own_field")

    def field(self, key: str, f: Field) -> None:
        """`field_decoder`, and `zero_value` for a default."""
        t = f.type
        if isinstance(alias_target(t, self.aliases), MaybeT):
            t = alias_target(t, self.aliases)
        if key in PROTOTYPE_KEYS:
            self.found.add("own_field")
        elif isinstance(t, MaybeT):
            self.found.add("optional_field")
        elif f.default:
            self.found.add("default_field")
        if isinstance(t, MaybeT):
            self.decoder(t.item)
            return
        if f.default and isinstance(alias_target(t, self.aliases), DictT):
            self.found.add(DICT)  # `Dict.empty`
        self.decoder(t)

    def steps(self, fields: tuple[Field, ...]) -> None:
        """`record_steps`."""
        for f in fields:
            if f.flattened is not None:
                self.decoder(f.type)
            else:
                self.field(f.wire_name, f)

    def positional(self, key: str, fields: tuple[Field, ...]) -> None:
        """`elm_tagged._positional`: an array of exactly that many, at `key`."""
        self.found.add("tuple_of")
        if key:
            self.key(key)
        for f in fields:
            self.decoder(f.type)

    # ---- elm_objects and elm_tagged --------------------------------------------------

    def entries(self, keys: tuple[Key, ...]) -> None:
        """`entries` and `field_entry`; `object_lines` of these keys."""
        for k in keys:
            f = k.field
            if f.omit is Omit.NOTHING and isinstance(f.type, MaybeT):
                self.encoder(f.type.item)
                continue
            self.encoder(f.type)
            if f.omit is Omit.EMPTY and isinstance(alias_target(f.type, self.aliases), DictT):
                self.found.add(DICT)  # `Dict.isEmpty`
        self.object([k.name for k in keys])

    def object(self, keys: list[str]) -> None:
        """`object_lines`: a key "__proto__" needs the any-key object."""
        if "__proto__" in keys:
            self.found.add("any_key_object")

    def record(self, fields: tuple[Field, ...]) -> None:
        """`record_decoder`: an object, or (with no flattened field) an array too."""
        self.steps(fields)
        flat = any(f.flattened is not None for f in fields)
        self.found.add("object_only" if flat else "object_or_array")

    def union(self, cases, tags: Tags) -> None:
        for case in cases:
            self.encode_case(case, tags)
        self.decode_union(cases, tags)

    def encode_case(self, case, tags: Tags) -> None:
        """`elm_tagged._encode_body`."""
        tagging, tag_key, content_key = tags.tagging, tags.tag, tags.content
        unit = case.shape is Shape.UNIT
        if tagging is Tagging.STRING or (tagging is Tagging.EXTERNAL and unit):
            return
        if tagging is Tagging.INTERNAL:
            if case.shape is Shape.STRUCT or case.is_flat_newtype:
                self.entries(case.keys)  # their keys and the tag: one object
                self.object([tag_key] + [k.name for k in case.keys])
            elif case.shape is Shape.TUPLE:
                self.positional_value(case.fields)
                self.object([tag_key, "value"])
            else:
                self.object([tag_key])
            return
        if case.shape is Shape.STRUCT:
            self.entries(case.keys)
        elif not unit:
            self.positional_value(case.fields)
        if tagging is Tagging.EXTERNAL:
            self.object([case.tag])
        elif tagging is Tagging.ADJACENT:
            self.object([tag_key] + ([] if unit else [content_key]))

    def positional_value(self, fields: tuple[Field, ...]) -> None:
        """`positional_value`."""
        for f in fields:
            self.encoder(f.type)

    def decode_union(self, cases, tags: Tags) -> None:
        """`union_decoder` and its branches."""
        tagging, tag_key, content_key = tags.tagging, tags.tag, tags.content
        if tagging is Tagging.UNTAGGED:
            for case in cases:
                if case.shape is Shape.STRUCT:
                    self.found.add("object_only")
                    self.steps(case.fields)
                elif case.shape is Shape.TUPLE and len(case.fields) == 1:
                    self.decoder(case.fields[0].type)
                elif case.shape is Shape.TUPLE:
                    self.positional("", case.fields)
            return
        if tagging is Tagging.STRING:
            self.found.add("unit_variant")
        elif tagging is Tagging.EXTERNAL:
            self.found.add("external_tag")
        else:
            self.key(tag_key)
        for case in cases:
            if tagging is Tagging.ADJACENT:
                self.adjacent_branch(case, content_key)
            elif tagging is Tagging.EXTERNAL:
                self.external_branch(case)
            else:
                self.internal_branch(case)

    def internal_branch(self, case) -> None:
        fields = case.fields
        if case.shape is Shape.STRUCT:
            self.steps(fields)
        elif case.shape is Shape.UNIT:
            return
        elif case.is_flat_newtype:
            self.decoder(fields[0].type)
        elif len(fields) == 1:
            self.field("value", fields[0])
        else:
            self.positional("value", fields)

    def adjacent_branch(self, case, content_key: str) -> None:
        fields = case.fields
        if case.shape is Shape.STRUCT:
            self.key(content_key)
            self.found.add("object_only")
            self.steps(fields)
        elif case.shape is Shape.UNIT:
            self.field(content_key, NULL_CONTENT)
        elif len(fields) == 1:
            self.field(content_key, fields[0])
        else:
            self.positional(content_key, fields)

    def external_branch(self, case) -> None:
        fields = case.fields
        if case.shape is Shape.STRUCT:
            self.record(fields)
        elif case.shape is Shape.TUPLE and len(fields) == 1:
            self.decoder(fields[0].type)
        elif case.shape is Shape.TUPLE:
            self.positional("", fields)
