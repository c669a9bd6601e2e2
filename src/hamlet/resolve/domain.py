"""Domain types: the structs, enums and aliases of the scanned sources that messages reach.

    pub struct Point { lat: f64, lon: f64 }      (in src/geo.rs)
    PlanRoute { from: geo::Point }               (a message field)
    -> NamedT("Point", "encodePoint", "pointDecoder") in the message, and
       StructDef("Point", fields=(lat, lon), source="src/geo.rs") in Project.types

A type is resolved the first time a message, or a type a message reaches, names it;
types nothing reaches are never looked at. References resolve by the last path segment,
since every domain type lands in one Elm module (`Workers.Types`).
"""

from __future__ import annotations

from dataclasses import replace

from hamlet import naming
from hamlet.diagnostics import Diagnostic, error
from hamlet.model import (
    AliasDef, Constructor, EnumDef, Field, NamedT, Shape, StructDef, Tagging, TypeDef,
    Type, TypesNames,
)
from hamlet.resolve import layout, names, representation
from hamlet.resolve.fields import FieldRules, check_tuple_skips, resolve_fields, skipped
from hamlet.resolve.representation import default_needs_names, least_items, struct_only
from hamlet.resolve.serde import CONTAINER, FIELD, VARIANT, derives_serde, read_serde
from hamlet.resolve.types import NOT_FOUND, TypeContext, map_type
from hamlet.read.rust.syntax import RAlias, REnum, RField, RItem, RPath, RStruct

PENDING, BUSY, DONE, BAD = "pending", "busy", "done", "bad"

# How deep `#[serde(flatten)]` may nest structs in one another: resolving a flatten
# resolves the flattened struct first, and every emitter walks the nesting.
FLATTEN_LIMIT = 32
TOO_DEEP = (f"structs flattened into one another nest more than {FLATTEN_LIMIT} deep "
            "here: make this one a named field")


class Domain:
    """The scanned sources' types, resolved on demand. `context()` hands out the
    TypeContext through which messages and types name them."""

    def __init__(self, items: list[tuple[RItem, str]], diagnostics: list[Diagnostic]) -> None:
        self.index: dict[str, list[tuple[RItem, str]]] = {}
        for item, path in items:
            self.index.setdefault(item.name, []).append((item, path))
        self.diagnostics = diagnostics
        self.state: dict[str, str] = {}
        self.defs: dict[str, TypeDef] = {}
        self.edges: dict[str, set[str]] = {}
        self.flattens: list[tuple[str, RField, str]] = []
        self.queue: list[str] = []
        self.reported: set[str] = set()
        self.rust_names: dict[NamedT, str] = {}  # each NamedT handed out -> its Rust name
        self.flattening = 0  # how many flattens are being resolved inside one another

    # ---- lookups ----------------------------------------------------------------------

    def context(self, owner: str, from_type: str | None = None) -> TypeContext:
        """A TypeContext whose named types are looked up here; `from_type` is the type
        being resolved, for the reference graph (None for a message)."""
        return TypeContext(owner, named=lambda node, ctx: self._lookup(node, ctx, from_type))

    def _lookup(self, node: RPath, ctx: TypeContext, from_type: str | None):
        name = node.name
        if name == "Self" and from_type is not None and len(node.segments) == 1:
            name = from_type
        entries = self.index.get(name)
        if not entries:
            return NOT_FOUND
        if len(entries) > 1:
            self._report_once(name, lambda: _ambiguous(name, entries))
            return None
        item, _ = entries[0]
        if item.generics:
            self._report_once(item.name, lambda: _generic(item))
            return None
        if not naming.is_elm_type_name(item.name):
            self._report_once(item.name, lambda: error(
                item.loc, f"type `{item.name}` does not start with an uppercase letter (A-Z)",
                "Elm type names start with A-Z: rename the type"))
            return None
        if node.args:
            ctx.fail(node, f"`{item.name}` takes no type arguments, found `{node.text}`",
                     f"write `{item.name}`")
            return None
        if from_type is not None:
            self.edges.setdefault(from_type, set()).add(item.name)
        if item.name not in self.state:
            self.state[item.name] = PENDING
            self.queue.append(item.name)
        found = names.named_type(item.name)
        self.rust_names[found] = item.name
        return found

    def _report_once(self, key: str, make) -> None:
        if key not in self.reported:
            self.reported.add(key)
            self.diagnostics.append(make())

    def flatten(self, t: NamedT, rf: RField, owner: str) -> tuple[Field, ...] | str:
        """The fields of the record struct `t` names, for `#[serde(flatten)]`."""
        rust = self.rust_names[t]
        if self.flattening >= FLATTEN_LIMIT:
            return TOO_DEEP
        self.flattening += 1
        try:
            self.ensure(rust)
        finally:
            self.flattening -= 1
        if self.state.get(rust) == BUSY:
            return "a struct cannot flatten itself: its keys would never end"
        found = self.defs.get(rust)
        if found is None:
            return ""  # its own errors are reported already
        if not isinstance(found, StructDef) or found.shape is not Shape.STRUCT:
            return (f"`{rust}` is not a struct with named fields; Hamlet flattens those "
                    "only (the decoder could not tell a map's or an enum's keys apart)")
        if _flattened_depth(found.fields) >= FLATTEN_LIMIT:
            return TOO_DEEP  # resolved earlier, so no recursion above counted it
        self.flattens.append((rust, rf, owner))
        return found.fields

    # ---- resolving --------------------------------------------------------------------

    def resolve_reached(self) -> tuple[tuple[TypeDef, ...], TypesNames]:
        """Resolve every type reached so far (and what they reach), then settle cycles
        and names. Returns the definitions ordered by Elm name, and their module's names."""
        while self.queue:
            self.ensure(self.queue.pop(0))
        defs, types_names = layout.settle(self.defs, self.edges, self.flattens, self.diagnostics)
        return tuple(sorted(defs, key=lambda d: d.name)), types_names

    def ensure(self, rust: str) -> None:
        if self.state.get(rust) not in (None, PENDING):
            return
        self.state[rust] = BUSY
        item, path = self.index[rust][0]
        before = len(self.diagnostics)
        if isinstance(item, RStruct):
            made: TypeDef | None = self._struct(item, path)
        elif isinstance(item, REnum):
            made = self._enum(item, path)
        else:
            made = self._alias(item, path)
        if made is None or len(self.diagnostics) > before:
            self.state[rust] = BAD
            return
        self.defs[rust] = made
        self.state[rust] = DONE

    def _fields(self, item, rfields, rules: FieldRules) -> tuple[Field, ...]:
        return resolve_fields(
            rfields, rules, lambda owner: self.context(owner, item.name), self.flatten,
            self.diagnostics, self.expand,
        )

    def expand(self, t: Type) -> Type:
        """The type an alias stands for (through aliases of aliases); others as they are.
        `type Labels = HashMap<..>` -> DictT(..)."""
        seen = set()
        while isinstance(t, NamedT) and t.encoder not in seen:
            seen.add(t.encoder)
            rust = self.rust_names[t]
            if not isinstance(self.index[rust][0][0], RAlias):
                break  # resolving a struct here would recurse down a chain of them
            self.ensure(rust)
            found = self.defs.get(rust)
            if not isinstance(found, AliasDef):
                break
            t = found.type
        return t

    def _struct(self, item: RStruct, path: str) -> StructDef | None:
        owner = f"`{item.name}`"
        serde = read_serde(item.attrs, CONTAINER, owner, self.diagnostics)
        if any(v is not None for v in (serde.tag, serde.content, serde.rename_all_fields)) or serde.untagged:
            self.diagnostics.append(error(
                serde.loc or item.loc,
                f"struct `{item.name}`: `tag`, `content`, `untagged` and "
                "`rename_all_fields` are for enums",
                "remove the attribute, or make the type an enum"))
            return None
        if serde.default and item.kind != "struct":
            self.diagnostics.append(default_needs_names(item, serde))
            return None
        kind = item.kind
        if serde.transparent:
            if not self._transparent(item, serde):
                return None
            kind = "tuple"  # serde writes it as its only field, like a newtype
        elif kind == "tuple" and not check_tuple_skips(item.fields, owner, item.loc, self.diagnostics):
            return None
        native = derives_serde(item.derives)
        rules = FieldRules(owner, serde.rename_all, serde.default, serde=native)
        fields = self._fields(item, item.fields, rules)
        if kind == "tuple":
            fields = tuple(replace(f, rust_name=None, wire_name="", elm_name="") for f in fields)
        return StructDef(
            **_type_names(item.name), shape=Shape(kind),
            fields=fields, wrapped=False, docs=item.docs, loc=item.loc, source=path, cycle=None,
            least_items=least_items(item.fields, fields) if kind == "struct" else 0, serde=native,
        )

    def _transparent(self, item: RStruct, serde) -> bool:
        """serde's `transparent`: exactly one field that is not skipped, and no default
        on it (Deserialize would have nothing to read)."""
        kept = [rf for rf in item.fields if not skipped(rf)]
        if len(kept) == 1 and not read_serde(kept[0].attrs, FIELD, "", []).default:
            return True
        what = ("is a unit struct" if item.kind == "unit" else
                f"has {len(kept)} fields that are not skipped" if len(kept) != 1 else
                "its one field has `default`")
        self.diagnostics.append(error(
            serde.loc or item.loc,
            f"struct `{item.name}` is `transparent` but {what}",
            "serde's `transparent` needs exactly one field that is neither skipped nor "
            "defaulted: `skip` the others, or drop `transparent`"))
        return False

    def _enum(self, item: REnum, path: str) -> EnumDef | None:
        owner = f"`{item.name}`"
        serde = read_serde(item.attrs, CONTAINER, owner, self.diagnostics)
        if serde.default or serde.transparent:
            self.diagnostics.append(struct_only(item, serde))
            return None
        native = derives_serde(item.derives)
        tagging = representation.tagging(item, serde, native, self.diagnostics)
        if tagging is None:
            return None
        tag = serde.tag if serde.tag is not None else "type"
        reserved = ((tag, f"the tag of `{item.name}`"),) if tagging is Tagging.INTERNAL else ()
        constructors = []
        tags: dict[str, str] = {}
        before = len(self.diagnostics)
        for rv in item.variants:
            vowner = f"`{item.name}::{rv.name}`"
            vserde = read_serde(rv.attrs, VARIANT, vowner, self.diagnostics)
            if vserde.skip:
                continue
            if not naming.is_elm_type_name(rv.name):
                self.diagnostics.append(names.not_a_constructor(rv, item.name))
                continue
            wire = names.variant_tag(rv.name, vserde.rename, serde.rename_all)
            if wire in tags:
                self.diagnostics.append(error(
                    rv.loc, f"variants `{tags[wire]}` and `{rv.name}` of `{item.name}` are "
                    f"both sent as `{wire}`", "rename one of them"))
                continue
            tags[wire] = rv.name
            style = vserde.rename_all or serde.rename_all_fields
            rules = FieldRules(vowner, style, False, reserved, serde=native)
            if rv.kind == "tuple" and not check_tuple_skips(
                    rv.fields, f"variant {vowner}", rv.loc, self.diagnostics):
                continue
            fields = self._fields(item, rv.fields, rules)
            if rv.kind == "tuple" and tagging is Tagging.INTERNAL and serde.tag is not None:
                fields = self.merged(rv, vowner, fields, tag)
                if fields is None:
                    continue
            constructors.append(Constructor(
                name=rv.name, rust_name=rv.name, tag=wire, shape=Shape(rv.kind),
                fields=fields, docs=rv.docs, loc=rv.loc,
                least_items=least_items(rv.fields, fields) if rv.kind == "struct" else 0))
        if not constructors:
            if len(self.diagnostics) == before:  # else its variants' errors say why
                self.diagnostics.append(error(
                    item.loc, f"enum `{item.name}` has no variant to send",
                    "Elm has no empty types: add a variant, or leave the enum out of the "
                    "messages"))
            return None
        return EnumDef(
            **_type_names(item.name),
            constructors=tuple(constructors), tagging=tagging,
            tag=tag if tagging in (Tagging.INTERNAL, Tagging.ADJACENT) else "",
            content=serde.content or "" if tagging is Tagging.ADJACENT else "",
            docs=item.docs, loc=item.loc, source=path, cycle=None, serde=native,
        )

    def merged(self, rv, owner: str, fields: tuple[Field, ...], tag: str):
        """serde's internally tagged newtype variant: the struct's keys beside the tag.
        Any other tuple variant cannot carry the tag, so serde rejects it at run time."""
        if not rv.fields:
            self.diagnostics.append(error(
                rv.loc, f"variant {owner} of an internally tagged enum (`tag = \"{tag}\"`) is "
                "a tuple variant with no fields, which cannot carry the tag",
                f"serde rejects tuple variants when the tag is inside: write `{rv.name}` "
                f"(a unit variant) or `{rv.name} {{}}`, or use `tag` + `content`"))
            return None
        if len(rv.fields) != 1 or len(fields) != 1 or not isinstance(fields[0].type, NamedT):
            self.diagnostics.append(error(
                rv.loc,
                f"variant {owner} of an internally tagged enum (`tag = \"{tag}\"`) holds "
                f"`{', '.join(f.ty.text for f in rv.fields)}`, which cannot carry the tag",
                "serde puts the tag inside the variant's object: give the variant named "
                "fields, wrap a struct, or use `tag` + `content` (adjacent tagging)"))
            return None
        inner = self.flatten(fields[0].type, rv.fields[0], owner)
        if not isinstance(inner, tuple):
            self.diagnostics.append(error(
                rv.loc, f"variant {owner} of an internally tagged enum holds "
                f"`{rv.fields[0].ty.text}`, which cannot carry the tag",
                inner or "give the variant named fields, or use `tag` + `content`"))
            return None
        clash = [f.wire_name for f in inner if f.wire_name == tag]
        if clash:
            self.diagnostics.append(error(
                rv.loc, f"variant {owner}: its struct has a field sent as `{tag}`, which is "
                "the tag", "rename the field or the tag"))
            return None
        return (replace(fields[0], flattened=inner),)

    def _alias(self, item: RAlias, path: str) -> AliasDef | None:
        ctx = self.context(f"type alias `{item.name}`", item.name)
        mapped = map_type(item.ty, ctx)
        self.diagnostics.extend(ctx.diagnostics)
        if mapped is None:
            return None
        return AliasDef(
            **_type_names(item.name), type=mapped, docs=item.docs, loc=item.loc, source=path,
            cycle=None,
        )


def _flattened_depth(fields: tuple[Field, ...]) -> int:
    """How many flattened structs nest in `fields`: 0 when none is flattened."""
    deepest = 0
    stack = [(fields, 0)]
    while stack:
        here, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((f.flattened, depth + 1) for f in here if f.flattened is not None)
    return deepest


def _type_names(rust: str) -> dict[str, str]:
    """A definition's Elm name and codecs, as `names.named_type` decides them."""
    named = names.named_type(rust)
    return dict(name=named.name, rust_name=rust, encoder=named.encoder, decoder=named.decoder)


def _ambiguous(name: str, entries) -> Diagnostic:
    first, second = entries[0][0], entries[1][0]
    return error(
        second.loc,
        f"messages use the type `{name}`, which is defined twice (the other at {first.loc})",
        "every domain type lands in the one Elm module Workers.Types: rename one of them",
    )


def _generic(item) -> Diagnostic:
    what = "type alias" if isinstance(item, RAlias) else "type"
    return error(
        item.loc,
        f"{what} `{item.name}` is generic (<{', '.join(item.generics)}>)",
        "Elm gets one type per Rust type: use a concrete type, for example a "
        f"`type` alias or a struct for each `{item.name}<...>` the messages use",
    )
