"""Hamlet's model: what the emitters print. Frozen dataclasses, free of any parser type.

Every name an emitter prints is already resolved here (see `hamlet.naming` and
`hamlet.resolve.names`), and so is every fact more than one output needs (a record's
wire keys, which keys may be absent, the types a worker reaches): emitters only read.

    types      Type (PrimT, ListT, MaybeT, DictT, TupleT, NamedT) and the walk over them
    records    Field, Shape, Omit, and a record's wire keys (Key)
    workers    Worker, Variant, Direction, Rule and the names of a worker's outputs
    domain     the domain types: StructDef, EnumDef, AliasDef, Constructor, Tagging
    project    Project (with the types each worker reaches) and OutputFile
"""

from hamlet.model.domain import (
    MESSAGE_TAGS,
    AliasDef,
    Constructor,
    EnumDef,
    StructDef,
    Tagging,
    Tags,
    TypeDef,
    TypesNames,
    def_types,
    field_types,
)
from hamlet.model.project import IndexNames, OutputFile, Project
from hamlet.model.records import Field, Key, Omit, Record, Shape, is_flat_newtype, record_keys
from hamlet.model.types import (
    DictT,
    ListT,
    MaybeT,
    NamedT,
    Prim,
    PrimT,
    TupleT,
    Type,
    mentions,
    parts,
    walk,
)
from hamlet.model.workers import (
    Direction, ElmNames, Implementation, JsNames, Rule, RustMethod, RustNames, SchemaNames,
    TsNames, Variant, Worker,
)

__all__ = [
    "MESSAGE_TAGS", "AliasDef", "Constructor", "DictT", "Direction", "ElmNames", "EnumDef", "Field",
    "Implementation", "IndexNames", "JsNames", "Key", "ListT", "MaybeT", "NamedT", "Omit", "OutputFile", "Prim", "PrimT",
    "Project", "Record", "Rule", "RustMethod", "RustNames", "SchemaNames", "Shape", "StructDef", "Tagging", "Tags", "TupleT", "Type", "TypeDef",
    "TsNames", "TypesNames", "Variant", "Worker", "def_types", "field_types", "is_flat_newtype",
    "mentions", "parts", "record_keys", "walk",
]
