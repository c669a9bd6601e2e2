"""What a run learned, kept for the next run: reruns reparse only the files that changed.

    .hamlet-cache/                      in the folder hamlet runs in (the project)
        .gitignore                      "*": git never sees the folder
        CACHEDIR.TAG                    backup tools skip it
        parsed-<paths>.json             every file's ParsedFile, by path
        run-<paths>.json                the last run's Result

Both are keyed by content, never by size or modification time. A file's entry counts
only when the SHA-256 digest of (Hamlet's code, its path, its bytes) matches, and the
last Result only when the digests of every scanned file, in order, do. "Hamlet's code"
is the version, the source of the `hamlet` package, Python's version and the installed
tree-sitter files, so an upgrade or an edit to Hamlet itself starts over.

One pair of files is kept per set of PATH arguments and holds only the files the last
run read, so the folder does not grow. Deleting it is always safe: the next run parses
everything again. A cache that cannot be written is skipped silently: the cache only
ever changes how fast a run is, never what it writes.

The files are plain data, never pickle: a header line, a SHA-256 checksum line, then
JSON written and read by `hamlet.cache.codec`, which rebuilds only Hamlet's own
dataclasses from a fixed table and type-checks every field, and refuses an output
path that leaves its folder. So a planted file can never run code or write outside the
output folders. (The checksum catches damage, not intent: whoever can write the cache
can write the sources too, and what the cache holds is trusted as far as they are.)

    hamlet-cache 2 run <code key, hex>          hamlet-cache 2 parsed <code key, hex>
    <SHA-256 of the rest, hex>                  <SHA-256 of the rest, hex>
    <run key, hex>                              <path as JSON>\t<digest, hex>\t<ParsedFile JSON>
    <Result JSON>                               ... one line per file

Each parsed file's JSON is decoded only when its file is asked for. A file that exists
but cannot be used (unreadable, not a cache file, from another version of Hamlet,
damaged, or holding data Hamlet does not write) is ignored with one warning, which
`generate` and `load` return among their diagnostics (the CLI counts it with the other
warnings); the run then reads the sources as if there were no cache, and its save
replaces the file. A missing file, or a last run with other inputs, is no warning.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

FORMAT = b"hamlet-cache 2"  # the first words of every cache file; 1 was a pickle
_HEX = re.compile(rb"[0-9a-f]{64}")  # a SHA-256 digest: the code key, checksum, keys


class Cache:
    """The cache of one run; `save()` writes what changed (the CLI calls it)."""

    def __init__(self, folder: Path | str, paths: list[str]) -> None:
        self.folder = Path(folder)
        name = hashlib.sha256("\0".join(paths).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self._parsed_file = self.folder / f"parsed-{name}.json"
        self._run_file = self.folder / f"run-{name}.json"
        self._code: bytes | None = None
        self._digests: dict[str, tuple[bytes, bytes]] = {}
        # path -> (digest hex, ParsedFile JSON): each file's entry is decoded only when
        # asked for, and a new one is encoded as soon as it is kept, so the cache never
        # holds on to the parsed objects themselves.
        self._loaded: dict[str, tuple[bytes, bytes]] | None = None  # from disk, lazily
        self._used: dict[str, tuple[bytes, bytes]] = {}  # what this run read or parsed
        self._parsed_changed = False
        self._run: tuple[bytes, object] | None = None  # (key, Result) to save
        self._warnings: list = []

    # ---- keys ------------------------------------------------------------------------

    def code_key(self) -> bytes:
        """A digest of everything besides the input that shapes a run's output."""
        if self._code is None:
            self._code = code_key()
        return self._code

    def digest(self, path: str, data: bytes) -> bytes:
        """SHA-256 of (code key, path, bytes); asked twice for the same bytes object, it
        is computed once."""
        known = self._digests.get(path)
        if known is not None and known[0] is data:
            return known[1]
        h = hashlib.sha256(self.code_key())
        h.update(path.encode("utf-8", "surrogateescape"))
        h.update(b"\0")
        h.update(data)
        digest = h.digest()
        self._digests[path] = (data, digest)
        return digest

    def run_key(self, paths: list[str], found: list) -> bytes:
        """One key for a whole run: the PATH arguments and everything found under them,
        in order: each file's path and digest, each problem met finding them."""
        h = hashlib.sha256(self.code_key())
        h.update(repr(paths).encode("utf-8", "surrogateescape") + b"\0")
        for entry in found:
            if isinstance(entry, tuple):
                path, data = entry
                h.update(b"F" + path.encode("utf-8", "surrogateescape") + b"\0")
                h.update(self.digest(path, data))
            else:
                h.update(b"P" + repr(entry).encode("utf-8", "surrogateescape") + b"\0")
        return h.digest()

    # ---- what went wrong -------------------------------------------------------------

    def take_warnings(self) -> list:
        """The warnings about cache files that could not be used, once each."""
        found, self._warnings = self._warnings, []
        return found

    def _ignore(self, path: Path, reason: str) -> None:
        from hamlet.diagnostics import Loc, warning

        message = f"cache file not used ({reason}); reading the sources instead"
        # One line per reason: after an upgrade both files are from another version.
        if not any(w.message == message for w in self._warnings):
            self._warnings.append(warning(Loc(path.as_posix()), message))

    # ---- parsed files ----------------------------------------------------------------

    def parsed(self, path: str, digest: bytes):
        """The ParsedFile of `path` if its content is the one it was parsed from."""
        from hamlet.cache.codec import Rejected, decode
        from hamlet.read.rust.syntax import ParsedFile

        if self._loaded is None:
            self._loaded = self._entries()
        entry = self._loaded.get(path)
        if entry is None or entry[0] != digest.hex().encode():
            return None
        try:
            parsed = decode(entry[1], ParsedFile)
            if parsed.path != path:
                raise Rejected("an entry under another path")
        except Rejected as problem:
            self._ignore(self._parsed_file, _reason(problem))
            del self._loaded[path]
            return None
        self._used[path] = entry
        return parsed

    def keep_parsed(self, path: str, digest: bytes, parsed) -> None:
        from hamlet.cache.codec import encode

        try:
            blob = encode(parsed).encode("ascii")
        except (TypeError, ValueError, RecursionError):
            return  # not kept: parsed again next time
        self._used[path] = (digest.hex().encode(), blob)
        self._parsed_changed = True

    def _entries(self) -> dict[str, tuple[bytes, bytes]]:
        """path -> (digest hex, ParsedFile JSON) from the parsed file, {} if unusable."""
        payload = self._read(self._parsed_file, b"parsed")
        if payload is None:
            return {}
        entries = {}
        lines = payload.split(b"\n")
        if lines.pop() != b"":  # every line ends in a newline, the last one too
            self._ignore(self._parsed_file, "holds data Hamlet does not write")
            return {}
        for line in lines:
            fields = line.split(b"\t")
            try:
                path = json.loads(fields[0]) if len(fields) == 3 else None
            except (ValueError, RecursionError):
                path = None
            if type(path) is not str or not _HEX.fullmatch(fields[1]) or path in entries:
                self._ignore(self._parsed_file, "holds data Hamlet does not write")
                return {}
            entries[path] = (fields[1], fields[2])
        return entries

    # ---- whole runs ------------------------------------------------------------------

    def result(self, key: bytes):
        """The Result of the last run if `key` is its key, else None."""
        import hamlet
        from hamlet.cache.codec import Rejected, decode

        expect = key.hex().encode() + b"\n"
        payload = self._read(self._run_file, b"run", expect)
        if payload is None:
            return None
        try:
            return decode(payload[len(expect) :], hamlet.Result)
        except Rejected as problem:
            self._ignore(self._run_file, _reason(problem))
            return None

    def keep_result(self, key: bytes, result) -> None:
        self._run = (key, result)
        self._digests.clear()  # let the sources' bytes go: the run is over

    # ---- disk ------------------------------------------------------------------------

    def save(self) -> None:
        """Write what this run changed; any failure leaves the cache as it was or gone."""
        from hamlet.cache.codec import encode

        try:
            if self._run is not None:
                key, result = self._run
                self._prepare()
                self._write(self._run_file, b"run",
                            [key.hex().encode(), b"\n", encode(result).encode("ascii")])
            stale = self._loaded is not None and self._loaded.keys() != self._used.keys()
            if self._parsed_changed or stale:
                self._prepare()
                self._write(self._parsed_file, b"parsed", [
                    piece
                    for path, (digest, blob) in self._used.items()
                    for piece in (_json_line(path), b"\t", digest, b"\t", blob, b"\n")
                ])
        except (OSError, TypeError, ValueError, RecursionError):
            pass  # an optimisation only: the next run parses again

    def _read(self, path: Path, kind: bytes, expect: bytes = b"") -> bytes | None:
        """The checked payload of `path`, or None (with a warning when the file exists
        but cannot be used). `expect`: the payload's first bytes (the run key); a file
        that starts otherwise is from a run with other inputs, no warning."""
        try:
            with open(path, "rb") as handle:
                blob = handle.read()
        except (FileNotFoundError, NotADirectoryError):  # no cache yet, or no folder
            return None
        except OSError as problem:
            self._ignore(path, f"cannot read it: {problem.strerror or problem}")
            return None
        if not blob:  # what a full disk can leave
            self._ignore(path, "damaged: the file is empty")
            return None
        first, _, rest = blob.partition(b"\n")
        words = first.split(b" ")
        if words[0] != b"hamlet-cache":
            self._ignore(path, "not a Hamlet cache file")
            return None
        if len(words) != 4 or words[2] != kind or not _HEX.fullmatch(words[3]):
            version = b" ".join(words[:2])
            self._ignore(path, "damaged: a bad first line" if version == FORMAT
                         else "written by another version of Hamlet")
            return None
        if words[3] != self.code_key().hex().encode():
            self._ignore(path, "written by another version of Hamlet")
            return None
        checksum, _, payload = rest.partition(b"\n")
        if not payload.startswith(expect):
            return None
        if hashlib.sha256(payload).hexdigest().encode() != checksum:
            self._ignore(path, "damaged: its checksum does not match")
            return None
        return payload

    def _write(self, path: Path, kind: bytes, pieces: list[bytes]) -> None:
        """Write atomically: a reader sees the old file or the new one, never half of one."""
        checksum = hashlib.sha256()
        for piece in pieces:
            checksum.update(piece)
        header = FORMAT + b" " + kind + b" " + self.code_key().hex().encode() + b"\n"
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(header + checksum.hexdigest().encode() + b"\n")
                handle.writelines(pieces)
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        # Hamlet before the JSON cache wrote pickles beside it; never read, so drop them.
        try:
            path.with_suffix(".bin").unlink()
        except OSError:
            pass

    def _prepare(self) -> None:
        if (self.folder / ".gitignore").is_file():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".gitignore").write_text(
            "# Hamlet's cache: safe to delete, never commit it.\n*\n", encoding="utf-8")
        (self.folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file marks Hamlet's cache (.hamlet-cache); see https://bford.info/cachedir/\n",
            encoding="utf-8",
        )


def _reason(problem: Exception) -> str:
    """The one reason a warning gives for an entry the codec rejected."""
    if str(problem) in ("not valid JSON", "nested too deeply"):
        return f"damaged: {problem}"
    return "holds data Hamlet does not write"


def _json_line(path: str) -> bytes:
    """A path as JSON: no tab or newline in it (json escapes them), ASCII only."""
    return json.dumps(path).encode("ascii")


def code_key() -> bytes:
    """Hamlet's version, the bytes of its own source files, Python's version and the
    installed tree-sitter packages (file names, sizes, times): any change starts over."""
    import hamlet

    h = hashlib.sha256(FORMAT)
    h.update(f"{hamlet.__version__}\0{sys.version}\0".encode())
    package = Path(hamlet.__file__).parent
    try:
        sources = sorted(
            p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts
        )
        for path in sources:
            h.update(path.relative_to(package).as_posix().encode() + b"\0")
            h.update(path.read_bytes())
    except OSError:
        h.update(b"unreadable sources")
    for name in ("tree_sitter", "tree_sitter_rust"):
        h.update(_package_stamp(name))
    return h.digest()


def _package_stamp(name: str) -> bytes:
    """The installed files of a package, without importing it (imports are slow)."""
    from importlib.util import find_spec

    try:
        spec = find_spec(name)
        where = spec.submodule_search_locations if spec else None
        if not where:
            return f"{name}: none".encode()
        stamp = []
        for folder in where:
            for entry in sorted(os.scandir(folder), key=lambda e: e.name):
                if entry.is_file():
                    info = entry.stat()
                    stamp.append(f"{entry.name}:{info.st_size}:{info.st_mtime_ns}")
        return f"{name}: {' '.join(stamp)}".encode()
    except (OSError, ImportError, ValueError):
        return f"{name}: unknown".encode()
