"""Debian's Chromium, driven by playwright, for every test that runs generated code in a
browser. Playwright never downloads a browser here: it drives /usr/bin/chromium (or
$HAMLET_CHROMIUM).

    launched()        a context manager: the browser, closed afterwards; skips (fails
                      under CI=true) without Chromium or playwright. The session's one
                      instance is the `browser` fixture of the repository's conftest.py:
                      playwright's sync API allows one running instance per thread.
    Watched(page)     what went wrong on a page, recorded as it happens
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from support.procs import skip_or_fail

CHROMIUM = os.environ.get("HAMLET_CHROMIUM", "/usr/bin/chromium")
# No sandbox (containers, root), no GPU, and nothing that reaches out to the network.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


@contextlib.contextmanager
def launched() -> Iterator:
    if not os.access(CHROMIUM, os.X_OK):
        skip_or_fail(f"no Chromium at {CHROMIUM} (CI installs Debian's `chromium` with apt)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        skip_or_fail("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


class Watched:
    """A page's uncaught errors and console errors, and, across its context (so its
    workers' too), failed requests, HTTP errors and every URL requested."""

    def __init__(self, page) -> None:
        self.page_errors: list[str] = []
        self.console_errors: list[str] = []
        self.bad_requests: list[str] = []
        self.requested: list[str] = []
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        page.on("console", lambda message: self.console_errors.append(message.text)
                if message.type == "error" else None)
        context = page.context
        context.on("requestfailed", lambda request: self.bad_requests.append(f"failed: {request.url}"))
        context.on("response", lambda response: self.bad_requests.append(
            f"HTTP {response.status}: {response.url}") if response.status >= 400 else None)
        context.on("request", lambda request: self.requested.append(request.url))

    def problems(self) -> list[str]:
        """Everything that went wrong, labelled by kind."""
        return ([f"pageerror: {e}" for e in self.page_errors]
                + [f"console: {e}" for e in self.console_errors] + self.bad_requests)
