"""A quiet static HTTP server for the browser tests: a folder on 127.0.0.1 and an
ephemeral port, served with the content types module workers need and no caching.

    with StaticServer(root) as server:
        page.goto(f"{server.url}/index.html")
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # A module script or worker served with another type does not load.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".html": "text/html",
    }

    def end_headers(self) -> None:
        # Tests rewrite served files between requests (a worker that failed to load,
        # then fixed): the browser must never answer from its cache.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


class StaticServer:
    """A threaded http.server serving `root`; `url` has no trailing slash."""

    def __init__(self, root: Path) -> None:
        handler = functools.partial(_QuietHandler, directory=str(root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        host, port = self._server.server_address[:2]
        self.url = f"http://{host}:{port}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> StaticServer:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
