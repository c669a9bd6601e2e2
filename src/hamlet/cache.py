"""What a run learned, kept for the next run: reruns reparse only the files that changed.

    .hamlet-cache/                      in the folder hamlet runs in (the project)
        .gitignore                      "*": git never sees the folder
        CACHEDIR.TAG                    backup tools skip it
        parsed-<paths>.bin              every file's ParsedFile, by path
        run-<paths>.bin                 the last run's Result

Both are keyed by content, never by size or modification time. A file's entry counts
only when the SHA-256 digest of (Hamlet's code, its path, its bytes) matches, and the
last Result only when the digests of every scanned file, in order, do. "Hamlet's code"
is the version, the source of the `hamlet` package, Python's version and the installed
tree-sitter files, so an upgrade or an edit to Hamlet itself starts over.

One pair of files is kept per set of PATH arguments and holds only the files the last
run read, so the folder does not grow. Deleting it is always safe: the next run parses
everything again. Anything unreadable, corrupt or from another version is ignored (the
run parses instead), and a cache that cannot be written is skipped silently: the cache
only ever changes how fast a run is, never what it prints or writes.

The payload is a pickle, written by Hamlet into the project and checked against a
checksum before it is read; unpickling accepts only Hamlet's own classes.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sys
import tempfile
from pathlib import Path

MAGIC = b"hamlet-cache 1\n"
_HASH = 32  # SHA-256 digest bytes (fast in hardware), for the code key and the checksum


class Cache:
    """The cache of one run; `save()` writes what changed (the CLI calls it)."""

    def __init__(self, folder: Path | str, paths: list[str]) -> None:
        self.folder = Path(folder)
        name = hashlib.sha256("\0".join(paths).encode("utf-8", "surrogateescape")).hexdigest()[:16]
        self._parsed_file = self.folder / f"parsed-{name}.bin"
        self._run_file = self.folder / f"run-{name}.bin"
        self._code: bytes | None = None
        self._digests: dict[str, tuple[bytes, bytes]] = {}
        # path -> (digest, pickled ParsedFile): each file's entry is unpickled only when
        # asked for, and a new one is pickled as soon as it is kept, so the cache never
        # holds on to the parsed objects themselves.
        self._loaded: dict[str, tuple[bytes, bytes]] | None = None  # from disk, lazily
        self._used: dict[str, tuple[bytes, bytes]] = {}  # what this run read or parsed
        self._parsed_changed = False
        self._run: tuple[bytes, object] | None = None  # (key, Result) to save

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

    # ---- parsed files ----------------------------------------------------------------

    def parsed(self, path: str, digest: bytes):
        """The ParsedFile of `path` if its content is the one it was parsed from."""
        from hamlet.rust.syntax import ParsedFile

        if self._loaded is None:
            self._loaded = _entries(_read(self._parsed_file, self.code_key()))
        entry = self._loaded.get(path)
        if entry is None or entry[0] != digest:
            return None
        parsed = _loads(entry[1])
        if not isinstance(parsed, ParsedFile) or parsed.path != path:
            return None
        self._used[path] = entry
        return parsed

    def keep_parsed(self, path: str, digest: bytes, parsed) -> None:
        try:
            blob = pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return  # not kept: parsed again next time
        self._used[path] = (digest, blob)
        self._parsed_changed = True

    # ---- whole runs ------------------------------------------------------------------

    def result(self, key: bytes):
        """The Result of the last run if `key` is its key, else None."""
        from hamlet import Result

        found = _read(self._run_file, self.code_key())
        if (isinstance(found, tuple) and len(found) == 2 and found[0] == key
                and isinstance(found[1], Result)):
            return found[1]
        return None

    def keep_result(self, key: bytes, result) -> None:
        self._run = (key, result)
        self._digests.clear()  # let the sources' bytes go: the run is over

    # ---- disk ------------------------------------------------------------------------

    def save(self) -> None:
        """Write what this run changed; any failure leaves the cache as it was or gone."""
        try:
            if self._run is not None:
                self._prepare()
                _write(self._run_file, self.code_key(), self._run)
            stale = self._loaded is not None and self._loaded.keys() != self._used.keys()
            if self._parsed_changed or stale:
                self._prepare()
                _write(self._parsed_file, self.code_key(), self._used)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            pass  # an optimisation only: the next run parses again

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


def code_key() -> bytes:
    """Hamlet's version, the bytes of its own source files, Python's version and the
    installed tree-sitter packages (file names, sizes, times): any change starts over."""
    import hamlet

    h = hashlib.sha256(MAGIC)
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


class _Unpickler(pickle.Unpickler):
    """Only Hamlet's own classes, and nothing else, may come out of the cache."""

    def find_class(self, module: str, name: str):
        if module == "hamlet" or module.startswith("hamlet."):
            return super().find_class(module, name)
        if module == "builtins" and name in ("frozenset", "set", "tuple", "list", "dict"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not allowed in Hamlet's cache: {module}.{name}")


def _read(path: Path, code: bytes):
    """The object stored in `path` for this code key, or None when there is none,
    it is from another version, or it fails its checksum or does not unpickle."""
    try:
        with open(path, "rb") as handle:
            blob = handle.read()
    except OSError:
        return None
    head = len(MAGIC)
    if blob[:head] != MAGIC or blob[head : head + _HASH] != code:
        return None
    checksum = blob[head + _HASH : head + 2 * _HASH]
    payload = memoryview(blob)[head + 2 * _HASH :]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    return _loads(payload)


def _loads(payload):
    try:
        return _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # noqa: BLE001 - a damaged pickle can raise almost anything
        return None


def _entries(found) -> dict[str, tuple[bytes, bytes]]:
    if not isinstance(found, dict):
        return {}
    return {
        path: entry
        for path, entry in found.items()
        if isinstance(path, str) and isinstance(entry, tuple) and len(entry) == 2
        and isinstance(entry[0], bytes) and isinstance(entry[1], bytes)
    }


def _write(path: Path, code: bytes, value) -> None:
    """Write atomically: a reader sees the old file or the new one, never half of one."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    checksum = hashlib.sha256(payload).digest()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(MAGIC + code + checksum)
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
