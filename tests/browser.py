"""Test helpers: headless Debian Chromium (driven by playwright) and a throwaway JupyterLab.

Never ``playwright install``: it downloads a browser, which cannot work offline. The tests
use the system's ``/usr/bin/chromium`` (``apt-get install -y chromium``; ``.ci/run`` does
it) and fail, not skip, when it is missing.
"""
from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("KURSK_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium tries the network and stalls here.
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WIDGET_VIEW = 'script[type="application/vnd.jupyter.widget-view+json"]'


@contextmanager
def chromium():
    """A headless Chromium with a fresh profile; yields the playwright Browser."""
    if not CHROMIUM.is_file():
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}: install it with `apt-get install -y chromium` "
            f"(.ci/run does this); the browser tests cannot be skipped.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # playwright's launch() gives the browser a fresh temporary profile of its own.
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def blank_widget_views(page) -> list[int]:
    """Indexes of widget views in a page that rendered nothing (a blank box)."""
    return page.evaluate(
        """(selector) => [...document.querySelectorAll(selector)].flatMap((view, index) => {
            const shown = view.parentElement.querySelector('.jupyter-widgets');
            const box = shown && shown.getBoundingClientRect();
            return box && box.height > 0 && box.width > 0 ? [] : [index];
        })""",
        WIDGET_VIEW,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class JupyterLab:
    """A JupyterLab server on 127.0.0.1 with a token, serving ``root``."""

    def __init__(self, root: Path, home: Path):
        self.root, self.home = root, home
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = home / "jupyterlab.log"
        self.process: subprocess.Popen | None = None

    def notebook_url(self, name: str) -> str:
        """The notebook alone in a fresh workspace (no tabs restored from an earlier test)."""
        workspace = f"test-{secrets.token_hex(4)}"
        return f"{self.url}/lab/workspaces/{workspace}/tree/{name}?reset&token={self.token}"

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(
            f"{self.url}{path}", method=method, headers={"Authorization": f"token {self.token}"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def start(self, timeout: float = 60) -> None:
        settings = self.home / "lab-settings"
        # Every cell in the DOM (no windowing), and no news or update checks over the network.
        for plugin, values in {
            "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
            "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        }.items():
            target = settings / f"{plugin}.jupyterlab-settings"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values))
        env = {
            **os.environ,
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTERLAB_WORKSPACES_DIR": str(self.home / "lab-workspaces"),
            "JUPYTER_CONFIG_DIR": str(self.home / "jupyter-config"),
            "JUPYTER_RUNTIME_DIR": str(self.home / "jupyter-runtime"),
        }
        # jupyter-lab itself, not a wrapper, so the PID we keep is the server's.
        command = [
            str(Path(sys.executable).parent / "jupyter-lab"), "--no-browser",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", f"--ServerApp.root_dir={self.root}",
            "--LabApp.expose_app_in_browser=True", "--LabApp.extension_manager=readonly",
            "--ServerApp.terminals_enabled=False",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
            command.append("--allow-root")
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited at start:\n{self.log.read_text()[-3000:]}")
            try:
                self.api("/api/status")
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {timeout} s:\n{self.log.read_text()[-3000:]}")

    def shutdown_kernels(self) -> None:
        for kernel in self.api("/api/kernels") or []:
            self.api(f"/api/kernels/{kernel['id']}", method="DELETE")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.shutdown_kernels()  # kernels outlive the page
        except OSError:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@contextmanager
def jupyterlab(notebooks: list[Path], tmp_path: Path):
    """Serve copies of ``notebooks`` (autosave may write the browser's state back)."""
    root = tmp_path / "lab-root"
    root.mkdir()
    for notebook in notebooks:
        shutil.copy2(notebook, root / notebook.name)
    server = JupyterLab(root, tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()
