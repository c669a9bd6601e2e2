"""Fields, and the facts about them every output needs: which keys a record puts on the
wire (a flattened struct's keys included), and which of them may be absent.

    struct Job { #[serde(flatten)] at: Point, zoom: f64, note: Option<String> }
    struct Point { lat: f64, lon: f64 }
    -> keys "lat" (via at), "lon" (via at), "zoom", "note" (optional)
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import cached_property

from hamlet.diagnostics import Loc
from hamlet.model.types import MaybeT, Type


class Shape(Enum):
    UNIT = "unit"  # `CancelAll` -> {"type": "CancelAll"}
    TUPLE = "tuple"  # `Resize(u32, u32)` -> {"type": "Resize", "value": [1, 2]}
    STRUCT = "struct"  # `ProcessImage { .. }` -> {"type": "ProcessImage", "imageUrl": ..}


class Omit(Enum):
    """When the encoder leaves a field's key out (serde `skip_serializing_if`)."""

    NEVER = "never"
    NOTHING = "nothing"  # `Option::is_none`: the key is absent when the value is Nothing
    EMPTY = "empty"  # `Vec::is_empty`, `String::is_empty`...: absent when empty


@dataclass(frozen=True)
class Field:
    """One field of a variant or of a domain struct.

    Rust `image_url: String` -> wire_name "imageUrl", elm_name "imageUrl",
    elm_param "imageUrl", js_name "imageUrl". Positional fields have rust_name None and
    wire_name "" (their values travel in "value"); Rust `case: bool` -> elm_name "case_".

    serde, resolved: `wire_name` already applies `rename`/`rename_all`; a skipped field
    is not in the model at all. `default` means the decoder accepts a missing key and
    uses the type's zero value (Nothing, [], Dict.empty, "", 0, False); `omit` says when
    the encoder leaves the key out. `flattened` is set for `#[serde(flatten)]`: the
    fields of the flattened struct, whose keys sit in this object (then wire_name is "");
    None for a field that is not flattened, `()` for a flattened struct with no fields.
    """

    rust_name: str | None
    wire_name: str
    elm_name: str  # record field name
    elm_param: str  # argument/lambda name, distinct from every top-level Elm name
    js_name: str  # local name in JS (handler scaffold), never a JS reserved word
    type: Type
    rust_type: str  # the type as written in Rust, for docs and `hamlet list`
    docs: str
    loc: Loc
    default: bool = False
    omit: Omit = Omit.NEVER
    flattened: tuple["Field", ...] | None = None

    @property
    def optional_key(self) -> bool:
        """A key that may be absent: the decoder does without it (Maybe, serde `default`)
        or the encoder may leave it out (`skip_serializing_if`). `note: Option<String>`
        -> True; `#[serde(default)] tags: Vec<String>` -> True; `name: String` -> False."""
        return isinstance(self.type, MaybeT) or self.default or self.omit is not Omit.NEVER

    @cached_property
    def wire_keys(self) -> tuple[str, ...]:
        """The object keys the field puts on the wire: its own, or a flattened struct's."""
        return tuple(key.name for key in record_keys((self,)))


@dataclass(frozen=True)
class Key:
    """One key of a record's JSON object. `path` leads from the record to the field that
    holds the key: flattened fields first, that field last (`(at, lat)` for "lat" above).
    `optional`: the key may be absent, by its own field or by a flattened one above it."""

    name: str
    path: tuple[Field, ...]
    optional: bool

    @property
    def field(self) -> Field:
        return self.path[-1]


def record_keys(fields: tuple[Field, ...]) -> tuple[Key, ...]:
    """Every key named fields put on the wire, in order: a flattened field stands for
    its struct's keys, recursively."""
    found: list[Key] = []

    def visit(fields: tuple[Field, ...], above: tuple[Field, ...], optional: bool) -> None:
        for field in fields:
            path = above + (field,)
            here = optional or field.optional_key
            if field.flattened is not None:
                visit(field.flattened, path, here)
            else:
                found.append(Key(field.wire_name, path, here))

    visit(fields, (), False)
    return tuple(found)


def is_flat_newtype(shape: Shape, fields: tuple[Field, ...]) -> bool:
    """serde's internally tagged newtype of a struct: `Moved(Point)`, whose struct's
    keys sit beside the tag (`{"type": "Moved", "lat": ..}`) instead of in "value"."""
    return shape is Shape.TUPLE and len(fields) == 1 and fields[0].flattened is not None


class Record:
    """What a message variant, a domain enum's constructor and a domain struct share,
    worked out from their `shape` and `fields`: their keys on the wire, and whether
    they are a flat newtype."""

    @property
    def is_flat_newtype(self) -> bool:
        return is_flat_newtype(self.shape, self.fields)  # type: ignore[attr-defined]

    @cached_property
    def keys(self) -> tuple[Key, ...]:
        """The keys of its named fields, or of a flat newtype's struct."""
        return record_keys(self.fields)  # type: ignore[attr-defined]
