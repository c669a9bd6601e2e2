"""The parts of the glue benchmark that run.py and the smoke test share: the site, its
server, the browser and the page.

    with Site.build() as site, Browser.launch() as browser:
        page = browser.open(site.url)
        page.latency("hamlet", 10_000)    # {"median_us": .., "p99_us": .., ..}

The site is generated at run time from rust/echo_worker.rs with `hamlet.generate`, so
the benchmark always measures the current generator. It is laid out as the browser
tests lay theirs out: /js/ (js-out), /workers/ (worker-out, where the handlers in
handlers/ replace the generated scaffold), /page/ (the driver and the hand-written
setups) and /vendor/comlink.mjs (npm's comlink, its ESM build).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
COMLINK = ROOT / "node_modules" / "comlink" / "dist" / "esm" / "comlink.mjs"
CHROMIUM = os.environ.get("HAMLET_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # gc() between runs, so one run's garbage is not collected during the next.
    "--js-flags=--expose-gc",
]
ROOTS = {"elm": "elm", "js": "js", "worker": "workers"}
# "envelope" is raw with Hamlet's envelope: it separates the wire format's cost from the glue's.
# "tracked" and "timeout" are Hamlet's glue with each request sent with a tracker (and, for
# "timeout", a timeout that never passes), its replies read from the tracked port.
SETUPS = ("raw", "envelope", "hamlet", "tracked", "timeout", "comlink")
# The untracked setup each tracked one is compared with.
TRACKED = {"tracked": "hamlet", "timeout": "hamlet"}


class BenchError(Exception):
    """The benchmark cannot run here (no Chromium, no comlink, a generation error)."""


def build_site(root: Path) -> None:
    """Generate the EchoWorker glue into `root` and copy the page and comlink beside it."""
    import hamlet

    if not COMLINK.is_file():
        raise BenchError("node_modules/comlink is missing: run `npm ci` first")
    result = hamlet.generate([str(HERE / "rust")])
    if not result.ok:
        raise BenchError("\n".join(d.render() for d in result.diagnostics))
    for file in result.files:
        target = root / ROOTS[file.root] / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.content, encoding="utf-8")
    for handlers in (HERE / "handlers").iterdir():
        shutil.copyfile(handlers, root / ROOTS["worker"] / handlers.name)
    shutil.copytree(HERE / "page", root / "page")
    (root / "vendor").mkdir()
    shutil.copyfile(COMLINK, root / "vendor" / "comlink.mjs")


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".html": "text/html",
    }

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        # Cross-origin isolation: performance.now() is then precise to 5 µs, not 100 µs.
        self.send_header("Cross-Origin-Opener-Policy", "same-origin")
        self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
        super().end_headers()

    def log_message(self, format, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


class Site:
    """The generated site in a temporary folder, served on 127.0.0.1."""

    def __init__(self) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="hamlet-glue-")
        self.root = Path(self._tmp.name)
        build_site(self.root)
        handler = functools.partial(_Handler, directory=str(self.root))
        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        host, port = self._server.server_address[:2]
        self.url = f"http://{host}:{port}"

    @classmethod
    def build(cls) -> "Site":
        return cls()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
        self._tmp.cleanup()

    def __enter__(self) -> "Site":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Browser:
    """Debian's Chromium, headless, through playwright (never `playwright install`)."""

    def __init__(self, playwright, browser) -> None:
        self._playwright = playwright
        self.browser = browser
        self.version = browser.version

    @classmethod
    def launch(cls) -> "Browser":
        if not os.access(CHROMIUM, os.X_OK):
            raise BenchError(f"no Chromium at {CHROMIUM}")
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Exception:
            playwright.stop()
            raise
        return cls(playwright, browser)

    def open(self, url: str) -> "Page":
        return Page(self.browser.new_page(), url)

    def open_dry(self, url: str) -> "DryPage":
        return DryPage(self.browser.new_page(), url)

    def close(self) -> None:
        self.browser.close()
        self._playwright.stop()

    def __enter__(self) -> "Browser":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Page:
    """The driver page (page/bench.js) with the three setups connected."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{url}/page/index.html")
        page.wait_for_function("() => window.benchReady === true", timeout=10_000)
        self.info = page.evaluate("() => window.bench.info()")

    def latency(self, setup: str, count: int) -> dict:
        return self._call("latency", setup, count)

    def throughput(self, setup: str, count: int) -> dict:
        return self._call("throughput", setup, count)

    def replies(self, setup: str, count: int) -> dict:
        return self._call("replies", setup, count)

    def _call(self, what: str, setup: str, count: int) -> dict:
        result = self.page.evaluate(
            "([what, setup, count]) => window.bench[what](setup, count)", [what, setup, count]
        )
        if self.errors:
            raise BenchError(f"the page reported errors: {self.errors[:5]}")
        if result.get("bad"):
            raise BenchError(f"{setup}: {result['bad']} of {count} replies were wrong")
        return result


class DryPage:
    """page/dry.html: each setup's glue alone, without the browser's messaging."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.goto(f"{url}/page/dry.html")
        page.wait_for_function("() => window.dryReady === true", timeout=10_000)

    def main(self, setup: str, count: int) -> dict:
        return self._call("main", setup, count)

    def worker(self, setup: str, count: int) -> dict:
        return self._call("worker", setup, count)

    def _call(self, what: str, setup: str, count: int) -> dict:
        result = self.page.evaluate(
            "([what, setup, count]) => window.dry[what](setup, count)", [what, setup, count]
        )
        if self.errors:
            raise BenchError(f"the page reported errors: {self.errors[:5]}")
        if result.get("bad"):
            raise BenchError(
                f"{setup} ({what}, dry): {result['bad']} of {count} replies were wrong"
            )
        return result
