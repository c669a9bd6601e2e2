"""Where the main JS finds the worker entry: the worker folder (--worker-out) as a URL
relative to the main JS's folder (--js-out), for
`new Worker(new URL('../workers/image_worker.js', import.meta.url))`.

    generated/js, generated/workers   -> "../workers/"
    web, web                          -> "./"
    web/js, web/js/w                  -> "./w/"
    /srv/app/js, /opt/w               -> "../../../opt/w/"
    js, "it's #1/w"                   -> "../it%27s %231/w/"

The URL must be a relative URL that a browser resolves to the file, a path that Vite
(which reads the literal's raw text as a file path) and webpack (which reads it as a
URL) find, and a JS string literal without escapes.
"""

from __future__ import annotations

import os
from pathlib import Path


def worker_folder(js_out: str, worker_out: str) -> str:
    """The worker folder as a URL relative to the main JS's folder, for
    `new URL(url, import.meta.url)`: --js-out "generated/js", --worker-out
    "generated/workers" -> "../workers/"; the same folder -> "./"; "web/js" and
    "web/js/w" -> "./w/". Always starts with ./ or ../ (a bundler reads any other
    start as a package name); relative to the current folder when not absolute.

    The path is taken as written (symbolic links are not followed), as a static server
    maps URLs onto folders. See `url_path` for the characters that are escaped."""
    try:
        relative = os.path.relpath(os.path.abspath(worker_out), os.path.abspath(js_out))
    except ValueError:  # on two drives (Windows): no relative path leads there
        return Path(os.path.abspath(worker_out)).as_uri() + "/"
    parts = [] if relative == os.curdir else relative.split(os.sep)
    prefix = "" if parts[:1] == [os.pardir] else "./"
    return prefix + "".join(url_path(part) + "/" for part in parts)


# What URL parsing would read as something else than a character of the path: `%` an
# escape, `?` a query, `#` a fragment, `\` a slash; tabs and line breaks are dropped.
# `'` is escaped too, so that the literal needs no JS escape: Vite reads the literal's
# raw text as a file path (so are U+2028 and U+2029, which `js_string` escapes). Spaces and non-ASCII letters stay as they are: URL parsing
# encodes them itself and a server decodes them, and Vite finds the folder by them.
_URL_ESCAPED = frozenset("%?#\\'\x7f\u2028\u2029") | frozenset(chr(c) for c in range(0x20))


def url_path(part: str) -> str:
    """A folder or file name as a URL path segment: "a#b" -> "a%23b", "my app" as it is;
    a byte that is not UTF-8 (read with surrogateescape) is escaped as itself."""
    return "".join(
        "".join(f"%{b:02X}" for b in char.encode("utf-8", "surrogateescape"))
        if char in _URL_ESCAPED or "\udc80" <= char <= "\udcff" else char
        for char in part
    )
