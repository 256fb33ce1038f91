"""A headless Chromium driven over the DevTools protocol (loopback only), for tests that look
at the rendered report as a reader's browser shows it: DOM after scripts, layout widths,
image loading, console errors, screenshots.

Debian's ``chromium`` is installed by :func:`ensure_chromium` when missing (as root, with
apt-get; retried while another apt run holds the dpkg lock); tests skip with the reason where
that is impossible.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome")


def find_chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def ensure_chromium(timeout: float = 900) -> tuple[str | None, str]:
    """(path, "") when Chromium is there or could be installed, else (None, reason)."""
    path = find_chromium()
    if path:
        return path, ""
    if os.geteuid() != 0:
        return None, "chromium is not installed and the tests are not running as root"
    if not shutil.which("apt-get"):
        return None, "chromium is not installed and there is no apt-get"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        # Another apt run (e.g. the SLURM test's) may hold the dpkg lock: wait and retry.
        update = subprocess.run(["apt-get", "update"], capture_output=True, text=True, env=env)
        install = subprocess.run(
            ["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=120", "chromium"],
            capture_output=True,
            text=True,
            env=env,
        )
        if install.returncode == 0 and find_chromium():
            return find_chromium(), ""
        last = (install.stderr or update.stderr)[-500:]
        if "lock" not in last.lower():
            break
        time.sleep(10)
    return None, f"apt-get install chromium failed: {last}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """One headless Chromium process and one page, driven over the DevTools protocol."""

    def __init__(self, executable: str, width: int = 1280, height: int = 900):
        self.port = _free_port()
        self.profile = tempfile.mkdtemp(prefix="gvcneg-chromium-")
        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--remote-debugging-address=127.0.0.1",
                f"--remote-debugging-port={self.port}",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.width, self.height = width, height
        self._ids = itertools.count(1)
        self.events: list[dict] = []
        self.ws = self._connect()
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self._set_viewport(width, height)

    def _connect(self):
        from websockets.sync.client import connect

        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list") as resp:
                    pages = [t for t in json.load(resp) if t["type"] == "page"]
                if pages:
                    return connect(pages[0]["webSocketDebuggerUrl"], max_size=2**28)
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise RuntimeError("chromium did not open its DevTools port")
            time.sleep(0.3)

    def call(self, method: str, timeout: float = 120, **params) -> dict:
        ident = next(self._ids)
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("id") == ident:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def open(self, url: str, settle: float = 2.0, timeout: float = 180) -> None:
        """Navigate and wait for the load event, then for scripts to settle."""
        self.events.clear()
        self.call("Page.navigate", url=url)
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not load in {timeout} s")
            self.events.append(json.loads(self.ws.recv(timeout=timeout)))
        end = time.monotonic() + settle
        while time.monotonic() < end:
            try:
                self.events.append(json.loads(self.ws.recv(timeout=end - time.monotonic())))
            except TimeoutError:
                break

    def evaluate(self, expression: str):
        result = self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def sideways_overflow(self) -> tuple[int, int, list[str]]:
        """The page's scroll width, the viewport width, and up to ten elements that reach past
        the viewport without a scrolling or clipping ancestor (what makes a page scroll
        sideways on a phone)."""
        return tuple(self.evaluate(_OVERFLOW))

    def resize(self, width: int, height: int = 900) -> None:
        """Lay the page out again at another viewport width (a phone, a tablet, a desktop)."""
        self.width, self.height = width, height
        self._set_viewport(width, height)
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def _set_viewport(self, width: int, height: int) -> None:
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )

    def axe(self, script: Path) -> list[dict]:
        """axe-core's violations on the page as it is (``script``: the vendored axe.min.js):
        one dict per rule with its id, impact, help and the first offending elements."""
        if not self.evaluate("typeof window.axe === 'object'"):
            self.call("Runtime.evaluate", expression=Path(script).read_text())
        return self.evaluate(
            """axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"""
        )

    def console_errors(self) -> list[str]:
        errors = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.exceptionThrown":
                errors.append(json.dumps(params["exceptionDetails"])[:500])
            elif method == "Runtime.consoleAPICalled" and params.get("type") == "error":
                errors.append(json.dumps(params.get("args"))[:500])
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(params["entry"].get("text", "")[:500])
        return errors

    def screenshot(self, path: Path, full_page: bool = False) -> Path:
        params = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = self.call("Page.captureScreenshot", **params)["data"]
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_bytes(base64.b64decode(data))
        return Path(path)

    def close(self) -> None:
        try:
            self.ws.close()
        finally:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
            shutil.rmtree(self.profile, ignore_errors=True)


_OVERFLOW = """(() => {
  const vw = document.documentElement.clientWidth;
  const clipped = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return true;
    }
    return false;
  };
  const bad = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || getComputedStyle(el).position === 'fixed') continue;
    if ((r.right > vw + 1 || r.left < -1) && !clipped(el))
      bad.push(el.tagName + '#' + el.id + '.' + el.className + ' ' + Math.round(r.right));
  }
  return [document.documentElement.scrollWidth, vw, bad.slice(0, 10)];
})()"""
