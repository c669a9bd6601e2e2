"""Every naming rule Hamlet has: word splitting, case conversion, acronyms, reserved words.

Nothing else in Hamlet changes the case of a name or knows a keyword list.
"""

from __future__ import annotations

import re

# Elm 0.19 keywords, plus the words that are reserved in (effect/port) module headers.
ELM_RESERVED = frozenset(
    "if then else case of let in type module where import exposing as port alias infix "
    "effect command subscription".split()
)

# ECMAScript reserved words and the strict-mode / module-code ones.
JS_RESERVED = frozenset(
    "break case catch class const continue debugger default delete do else enum export "
    "extends false finally for function if import in instanceof new null return super "
    "switch this throw true try typeof var void while with yield let static implements "
    "interface package private protected public await arguments eval".split()
)

# Names the generated JS binds around a field's local variable: the parameters of every
# handler (`handleX(request, reply)`, which the scaffold destructures into one local per
# field) and the entry's `answer`, which each reply method's parameters must not shadow.
JS_BOUND = frozenset(["request", "reply", "answer"])

# Rust's keywords, strict and reserved (2015-2021 editions, `gen` of 2024 included), which
# a generated Rust identifier must not be as written.
RUST_KEYWORDS = frozenset(
    "as break const continue crate else enum extern false fn for if impl in let loop match "
    "mod move mut pub ref return self Self static struct super trait true type unsafe use "
    "where while async await dyn abstract become box do final macro override priv typeof "
    "unsized virtual yield try gen".split()
)
# Keywords with no raw form (`r#self` is not an identifier): these get an underscore.
RUST_NOT_RAW = frozenset(["crate", "self", "Self", "super"])
# Crates a Rust worker's crate names (the standard ones, and what its module and the
# derive need): a module of that name beside the enum makes `use serde::..` ambiguous.
RUST_CRATES = frozenset(["std", "core", "alloc", "serde", "serde_json", "hamlet_derive"])

# Words ending in "ed" that are not past participles (contract: direction rule 3).
NOT_PARTICIPLES = frozenset(
    "embed feed seed speed need shred proceed succeed exceed".split()
)

RESPONSE_WORDS = frozenset(
    "response result results progress complete completed done finished failed failure "
    "error ready".split()
)

FAILURE_WORDS = frozenset(["failed", "failure", "error"])

_WORD = re.compile(r"[A-Z]+(?![a-z])\d*|[A-Z]?[a-z]+\d*|\d+")
# An identifier JavaScript takes as it is (ASCII only: wider ones are written quoted).
_JS_IDENTIFIER = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")


def split_words(name: str) -> list[str]:
    """Split an identifier into words, keeping acronyms whole.

    "HTTPRouteWorker" -> ["HTTP", "Route", "Worker"]; "ParseGPX" -> ["Parse", "GPX"];
    "image_url" -> ["image", "url"]; "Vec2Parsed" -> ["Vec2", "Parsed"].
    """
    words: list[str] = []
    for chunk in re.split(r"[^A-Za-z0-9]+", name):
        words.extend(_WORD.findall(chunk))
    return words


def last_word(name: str) -> str:
    words = split_words(name)
    return words[-1] if words else ""


def base_name(enum_name: str) -> str:
    """`ImageWorkerMessage` -> `ImageWorker`; a name that is only `Message` stays."""
    if enum_name.endswith("Message") and len(enum_name) > len("Message"):
        return enum_name[: -len("Message")]
    return enum_name


def lower_camel(name: str) -> str:
    """Lowercase the first word of a PascalCase name, a leading acronym included.

    "CSVWorker" -> "csvWorker"; "ParseCSV" -> "parseCSV"; "ImageWorker" -> "imageWorker";
    "HTTPRouteWorker" -> "httpRouteWorker"; "GPX" -> "gpx".
    """
    words = split_words(name)
    if not words:
        return name
    first = words[0]
    index = name.find(first)
    return name[:index] + first.lower() + name[index + len(first) :]


def snake(name: str) -> str:
    """"ImageWorker" -> "image_worker"; "HTTPRouteWorker" -> "http_route_worker"."""
    return "_".join(word.lower() for word in split_words(name))


def serde_camel(field: str) -> str:
    """serde's `camelCase` rule for a snake_case field: "image_url" -> "imageUrl".

    Mirrors serde_derive's RenameRule: capitalise each letter after an underscore,
    drop the underscores, then lowercase the first character.
    """
    pascal = serde_pascal(field)
    return pascal[:1].lower() + pascal[1:]


def serde_pascal(field: str) -> str:
    """serde's `PascalCase` rule for a snake_case field: "image_url" -> "ImageUrl"."""
    out: list[str] = []
    capitalize = True
    for char in field:
        if char == "_":
            capitalize = True
        elif capitalize:
            out.append(char.upper())
            capitalize = False
        else:
            out.append(char)
    return "".join(out)


def elm_field(name: str) -> str:
    """A valid Elm record field, the camelCase of a Rust field or key: "image_url" ->
    "imageUrl", "case" -> "case_", "Content-Type" -> "contentType", "FIRST_NAME" ->
    "firstName", "HTTPStatus" -> "httpStatus", "2d" -> "f2D"."""
    words = split_words(name)
    if not words:
        return "field_"
    if not any(c.islower() for c in name):
        words = [w.lower() for w in words]  # SCREAMING_SNAKE: words, not acronyms
    first = words[0]
    # A leading acronym is lowercased whole, as lower_camel does: "HTTPStatus".
    head = first.lower() if first.isupper() else first[:1].lower() + first[1:]
    name = head + "".join(w[:1].upper() + w[1:] for w in words[1:])
    if not name[0].isalpha():
        name = "f" + name
    if name in ELM_RESERVED:
        name += "_"
    return name


def is_js_identifier(name: str) -> bool:
    """Whether `name` can stand unquoted as a JS name or object key: "imageUrl" and
    "$x" yes, "content-type" and "2d" no (reserved words are identifiers here)."""
    return _JS_IDENTIFIER.fullmatch(name) is not None


def js_identifier(name: str) -> str:
    """A JS local name: reserved words get a trailing underscore ("class" -> "class_")."""
    return name + "_" if name in JS_RESERVED else name


def js_local(wire_name: str) -> str:
    """A JS local variable for a wire key: "imageUrl" -> "imageUrl", "class" -> "class_",
    "Content-Type" -> "contentType"."""
    if is_js_identifier(wire_name):
        return js_identifier(wire_name)
    return js_identifier(elm_field(wire_name).rstrip("_"))


def fresh(name: str, taken: set[str] | frozenset[str]) -> str:
    """`name`, or `name` with underscores appended until it is not in `taken`."""
    while name in taken:
        name += "_"
    return name


def pluralize_list(items: list[str]) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


# ---- serde's rename rules ------------------------------------------------------------

# serde_derive's RenameRule names, as `rename_all` spells them.
SERDE_STYLES = (
    "lowercase", "UPPERCASE", "PascalCase", "camelCase", "snake_case",
    "SCREAMING_SNAKE_CASE", "kebab-case", "SCREAMING-KEBAB-CASE",
)


def serde_variant(name: str, style: str) -> str:
    """serde's RenameRule::apply_to_variant, for a PascalCase variant name. Not a word
    splitter: every uppercase letter starts a word, as in serde.

    "ParseCSV", "snake_case" -> "parse_c_s_v"; "GpxParsed", "kebab-case" -> "gpx-parsed";
    "Png", "lowercase" -> "png"; "ParseCsv", "camelCase" -> "parseCsv".
    """
    if style == "PascalCase":
        return name
    if style == "lowercase":
        return name.lower()
    if style == "UPPERCASE":
        return name.upper()
    if style == "camelCase":
        return name[:1].lower() + name[1:]
    snake_name = ""
    for index, char in enumerate(name):
        if char.isupper() and index > 0:
            snake_name += "_"
        snake_name += char.lower()
    if style == "snake_case":
        return snake_name
    if style == "SCREAMING_SNAKE_CASE":
        return snake_name.upper()
    if style == "kebab-case":
        return snake_name.replace("_", "-")
    if style == "SCREAMING-KEBAB-CASE":
        return snake_name.upper().replace("_", "-")
    raise ValueError(f"not a serde case style: {style}")


def serde_field(name: str, style: str) -> str:
    """serde's RenameRule::apply_to_field, for a snake_case field name.

    "image_url", "camelCase" -> "imageUrl"; "image_url", "PascalCase" -> "ImageUrl";
    "image_url", "kebab-case" -> "image-url"; "image_url", "UPPERCASE" -> "IMAGE_URL".
    """
    if style in ("lowercase", "snake_case"):
        return name
    if style in ("UPPERCASE", "SCREAMING_SNAKE_CASE"):
        return name.upper()
    if style == "PascalCase":
        return serde_pascal(name)
    if style == "camelCase":
        return serde_camel(name)
    if style == "kebab-case":
        return name.replace("_", "-")
    if style == "SCREAMING-KEBAB-CASE":
        return name.upper().replace("_", "-")
    raise ValueError(f"not a serde case style: {style}")


# ---- Elm names -----------------------------------------------------------------------

# Types Elm's default imports (and the modules Hamlet's output imports) bring into
# scope: a domain type of the same name gets a trailing underscore.
ELM_CORE_TYPES = frozenset(
    "Int Float Bool String Char List Maybe Result Never Order Cmd Sub Program Dict Set "
    "Array Value Decoder Task Platform Tuple Basics Debug Encode Decode".split()
)

def is_elm_type_name(name: str) -> bool:
    """Whether `name` can be an Elm type or constructor: "Point" and "Résumé" yes,
    "point", "_X" and "Über" no. Elm takes Unicode letters after the first, but Hamlet
    derives lowercase names (`über` for a command) only from an ASCII capital."""
    first = name[:1]
    return first.isascii() and first.isupper() and all(c.isalnum() or c == "_" for c in name)


def elm_type_name(rust_name: str) -> str:
    """A domain type's Elm name: "Point" -> "Point", "Result" -> "Result_"."""
    return rust_name + "_" if rust_name in ELM_CORE_TYPES else rust_name


def elm_value(name: str) -> str:
    """A lowercase Elm top-level name: a keyword gets a trailing underscore
    ("import" -> "import_", "parseCSV" -> "parseCSV"), and so does `main`, which Elm
    type-checks as a program in every module ("main" -> "main_")."""
    return name + "_" if name in ELM_RESERVED or name == "main" else name


def type_encoder(rust_name: str) -> str:
    """"Point" -> "encodePoint"; "GPXTrack" -> "encodeGPXTrack"."""
    return f"encode{rust_name}"


def type_decoder(rust_name: str) -> str:
    """"Point" -> "pointDecoder"; "GPXTrack" -> "gpxTrackDecoder"."""
    return f"{lower_camel(rust_name)}Decoder"


def rust_ident(name: str) -> str:
    """A Rust identifier for a generated name: a keyword becomes a raw identifier, or,
    where Rust has no raw form of it, gets a trailing underscore.
    "parse_csv" -> "parse_csv"; "match" -> "r#match"; "crate" -> "crate_"."""
    if name in RUST_NOT_RAW:
        return name + "_"
    return "r#" + name if name in RUST_KEYWORDS else name


def rust_module_ident(snake_name: str) -> str:
    """The identifier a generated Rust module is declared as: `rust_ident`, and apart
    from the crates the user's code names. "csv_worker" -> "csv_worker"; "type" ->
    "r#type"; "self" -> "self_"; "serde" -> "serde_" (its file stays serde.rs)."""
    return snake_name + "_" if snake_name in RUST_CRATES else rust_ident(snake_name)


def rust_type_name(base: str) -> str:
    """UpperCamelCase with acronyms as words, Rust's API style: "CSVWorker" ->
    "CsvWorker"; "HTTPRouteWorker" -> "HttpRouteWorker"; "ImageWorker" -> "ImageWorker"."""
    return "".join(word[:1].upper() + word[1:].lower() for word in split_words(base))
