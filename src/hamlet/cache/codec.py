"""The cache's codec: Hamlet's own frozen dataclasses <-> plain JSON, and nothing else.

    Loc("src/lib.rs", 4, 5)              ->  ["L","src/lib.rs",4,5]
    RTuple(items=(), loc=..., text="()") ->  ["RT",[],["L","src/lib.rs",4,5],"()"]
    Severity.ERROR                       ->  "error"        (an Enum member by value)

A dataclass is a JSON array: a short tag from the fixed table in `_registry`, then its fields in
declaration order. The decoder is built from the classes' type annotations, so it knows
at every position which classes may stand there, and a tag only picks one of those: a
file cannot name a class, a module or a function, and nothing in it chooses code to run.
Every value is type-checked (`str`, `int` but not `bool`, an Enum member by its value, a
tuple of the declared length...) and anything else rejects the entry: `decode` raises
`Rejected`, and the cache then parses the source again.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import types
import typing
from enum import Enum
from functools import lru_cache
from operator import attrgetter


class Rejected(ValueError):
    """The data is not what Hamlet writes: the entry is ignored."""


def _registry() -> dict[str, type]:
    """Tag -> class: every class that may come out of the cache. Tags are the file
    format: changing one needs a new `hamlet.cache.FORMAT`."""
    import hamlet
    from hamlet import diagnostics as d
    from hamlet import model as m
    from hamlet.read.rust import syntax as s

    return {
        "L": d.Loc, "D": d.Diagnostic,
        "RP": s.RPath, "RT": s.RTuple, "RA": s.RArray, "RR": s.RRef, "RU": s.RUnsupported,
        "At": s.Attr, "Ag": s.Arg, "RF": s.RField, "RV": s.RVariant, "RE": s.REnum, "RS": s.RStruct,
        "RL": s.RAlias, "PF": s.ParsedFile,
        "P": m.PrimT, "Li": m.ListT, "M": m.MaybeT, "Di": m.DictT, "T": m.TupleT,
        "N": m.NamedT, "F": m.Field, "V": m.Variant, "EN": m.ElmNames, "JN": m.JsNames,
        "W": m.Worker, "C": m.Constructor, "SD": m.StructDef, "ED": m.EnumDef,
        "AD": m.AliasDef, "TN": m.TypesNames, "Pr": m.Project, "O": m.OutputFile,
        "SN": m.SchemaNames, "IN": m.IndexNames, "RN": m.RustNames, "RM": m.RustMethod,
        "TS": m.TsNames,
        "Re": hamlet.Result,
    }


# ---- encoding ------------------------------------------------------------------------


def encode(value) -> str:
    """Compact JSON for a registered dataclass (and what it holds). Raises TypeError for
    anything unregistered, RecursionError for a value nested too deeply for JSON."""
    table = _encoders()
    return json.dumps(value, default=lambda obj: table[type(obj)](obj), separators=(",", ":"),
                      check_circular=False)


@lru_cache(maxsize=None)
def _encoders() -> dict:
    """type -> function giving its plain form; json calls it for every non-JSON value."""
    table: dict = {}
    for tag, cls in _registry().items():
        names = [f.name for f in dataclasses.fields(cls)]
        table[cls] = _fields_getter(tag, names)
        for hint in typing.get_type_hints(cls, localns=_namespace()).values():
            for enum in _enums_in(hint):
                table[enum] = attrgetter("value")
    return _MissingIsTypeError(table)


class _MissingIsTypeError(dict):
    def __missing__(self, key):
        raise TypeError(f"not something Hamlet's cache stores: {key.__name__}")


def _fields_getter(tag: str, names: list[str]):
    if len(names) == 1:
        (name,) = names
        return lambda obj: [tag, getattr(obj, name)]
    get = attrgetter(*names)
    return lambda obj: [tag, *get(obj)]


def _enums_in(hint) -> list[type]:
    if isinstance(hint, type) and issubclass(hint, Enum):
        return [hint]
    return [e for arg in typing.get_args(hint) for e in _enums_in(arg)]


# ---- decoding ------------------------------------------------------------------------


def decode(text: str | bytes, cls: type):
    """The `cls` (a registered dataclass) that `text` holds, or `Rejected`."""
    try:
        plain = json.loads(text)
    except RecursionError:
        raise Rejected("nested too deeply") from None
    except ValueError:  # JSONDecodeError and UnicodeDecodeError both are
        raise Rejected("not valid JSON") from None
    try:
        return _decoder(cls)(plain)
    except RecursionError:
        raise Rejected("nested too deeply") from None


_Decoder = typing.Callable[[object], object]


@lru_cache(maxsize=None)
def _decoder(cls: type) -> _Decoder:
    return _Schema().of(cls)


class _Schema:
    """Builds one decoder per annotation, sharing them (the types are recursive).

    A decoder checks the plain value's type and returns the Python value. For speed, a
    dataclass checks the JSON types of all its fields at once against the tuples its
    annotations allow (`Loc`: (str, str, int, int), or with None for a missing line),
    then hands only the fields that hold more than a JSON scalar to their decoders."""

    def __init__(self) -> None:
        self.tags = {cls: tag for tag, cls in _registry().items()}
        self.built: dict[type, _Decoder] = {}
        self.checks = _check_table()  # class -> a check beyond its fields' types

    def of(self, hint) -> _Decoder | None:
        """The decoder for `hint`; None when the JSON type alone checks it (str, int...)."""
        if hint in _SCALARS:
            return None
        if isinstance(hint, type) and issubclass(hint, Enum):
            return _member(hint)
        if dataclasses.is_dataclass(hint):
            return self._dataclass(hint)
        origin, args = typing.get_origin(hint), typing.get_args(hint)
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return _tuple_of(args[0], self.of(args[0]))
            return _fixed_tuple(args, [self.of(a) for a in args])
        if origin in (types.UnionType, typing.Union):
            return self._union(args)
        raise TypeError(f"the cache cannot store {hint!r}")

    def _dataclass(self, cls: type) -> _Decoder:
        if cls not in self.tags:
            raise TypeError(f"{cls.__name__} has no tag in hamlet.cache.codec")
        if cls in self.built:
            return self.built[cls]
        tag = self.tags[cls]
        names: list[str] = []
        inner: list[tuple[int, _Decoder]] = []
        shapes: set[tuple[type, ...]] = set()
        check = self.checks.get(cls)
        new = object.__new__

        def read(plain):
            if type(plain) is not list or tuple(map(type, plain)) not in shapes or plain[0] != tag:
                raise Rejected(f"not a {cls.__name__}")
            values = plain[1:]
            for i, decode_field in inner:
                value = values[i]
                if value is not None:  # None only where the shapes allow it
                    values[i] = decode_field(value)
            obj = new(cls)
            # As pickle does: set the fields without calling the frozen __init__.
            obj.__dict__.update(zip(names, values))
            if check is not None:
                check(obj)
            return obj

        def read_leaf(plain):  # only scalar fields (Loc, the most common class)
            if type(plain) is not list or tuple(map(type, plain)) not in shapes or plain[0] != tag:
                raise Rejected(f"not a {cls.__name__}")
            obj = new(cls)
            obj.__dict__.update(zip(names, plain[1:]))
            return obj

        # Known before its fields are: a field may hold this class again.
        self.built[cls] = lambda plain: chosen(plain)
        hints = typing.get_type_hints(cls, localns=_namespace())
        kinds: list[tuple[type, ...]] = [(str,)]  # the tag
        for i, f in enumerate(dataclasses.fields(cls)):
            names.append(f.name)
            kinds.append(_json_types(hints[f.name]))
            decode_field = self.of(hints[f.name])
            if decode_field is not None:
                inner.append((i, decode_field))
        shapes.update(itertools.product(*kinds))
        chosen = read if inner or check is not None else read_leaf
        self.built[cls] = chosen
        return chosen

    def _union(self, args) -> _Decoder | None:
        optional = type(None) in args
        rest = [a for a in args if a is not type(None)]
        if len(rest) == 1:
            inner = self.of(rest[0])
            if inner is None or not optional:
                return inner
            return lambda plain: None if plain is None else inner(plain)
        if not all(dataclasses.is_dataclass(a) for a in rest):
            raise TypeError(f"the cache cannot store the union {args!r}")
        by_tag = {self.tags.get(a): self.of(a) for a in rest}
        by_tag.pop(None, None)

        def one_of(plain):
            if plain is None and optional:
                return None
            if type(plain) is not list or not plain or type(plain[0]) is not str:
                raise Rejected("not a tagged value")
            read = by_tag.get(plain[0])
            if read is None:
                raise Rejected(f"tag {plain[0][:20]!r} is not allowed here")
            return read(plain)

        return one_of


_SCALARS = (str, int, bool, float, type(None))


def _json_types(hint) -> tuple[type, ...]:
    """The Python types json.loads gives for a value of `hint` (bool is not an int)."""
    if hint in _SCALARS:
        return (hint,)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return tuple({type(m.value) for m in hint})
    if dataclasses.is_dataclass(hint) or typing.get_origin(hint) is tuple:
        return (list,)
    return tuple({t for arg in typing.get_args(hint) for t in _json_types(arg)})


def _member(enum: type[Enum]) -> _Decoder:
    members = {m.value: m for m in enum}

    def read(plain):
        if type(plain) not in (str, int) or plain not in members:
            raise Rejected(f"not a {enum.__name__}")
        return members[plain]

    return read


def _tuple_of(hint, item: _Decoder | None) -> _Decoder:
    if item is None:  # tuple[str, ...]: one pass over the types, in C
        allowed = set(_json_types(hint))

        def scalars(plain):
            if type(plain) is not list or not set(map(type, plain)) <= allowed:
                raise Rejected(f"not a list of {hint}")
            return tuple(plain)

        return scalars

    def read(plain):
        if type(plain) is not list:
            raise Rejected("not a list")
        return tuple([item(v) for v in plain])

    return read


def _fixed_tuple(hints, items: list[_Decoder | None]) -> _Decoder:
    shapes = set(itertools.product(*[_json_types(h) for h in hints]))
    inner = [(i, item) for i, item in enumerate(items) if item is not None]

    def read(plain):
        if type(plain) is not list or tuple(map(type, plain)) not in shapes:
            raise Rejected(f"not a list of {len(hints)}")
        values = list(plain)
        for i, item in inner:
            if values[i] is not None:
                values[i] = item(values[i])
        return tuple(values)

    return read


def _safe_output(file) -> None:
    """A cached OutputFile may only name a file inside its output folder: a planted
    `../../.bashrc` or `/etc/x` is refused, whatever the checksum says."""
    parts = file.path.split("/")
    if (file.root not in ("elm", "js", "worker", "rust") or any(p in ("", ".", "..") for p in parts)
            or "\\" in file.path or "\0" in file.path or ":" in parts[0]):
        raise Rejected("an output path outside its folder")


def _check_table() -> dict:
    from hamlet.model import OutputFile

    return {OutputFile: _safe_output}


def _namespace() -> dict:
    """Names that `hamlet.Result`'s annotations use but its module imports lazily."""
    from hamlet.diagnostics import Diagnostic
    from hamlet.model import OutputFile, Project

    return {"Diagnostic": Diagnostic, "OutputFile": OutputFile, "Project": Project}
