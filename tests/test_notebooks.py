"""Every notebook runs from a clean kernel, top to bottom, without error (they assert their answers); the
`notebooks` extra brings what they import, and the README's command opens them in JupyterLab."""

from __future__ import annotations

import ast
import asyncio
import json
import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from importlib import metadata
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_notebooks_are_found() -> None:
    assert [p.name for p in NOTEBOOKS][:2] == ["01-quickstart.ipynb", "02-sparql.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), \
        f"{path.name}: strip outputs before committing"
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()


# The README's way to open them: `pip install -e '.[notebooks]' && jupyter lab notebooks/`.

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_notebook_commands() -> tuple[str, list[str]]:
    """The extra the README installs for the notebooks, and its jupyter command's arguments."""
    blocks = [b for b in re.findall(r"```sh\n(.*?)```", README, re.DOTALL) if "/jupyter " in b]
    assert len(blocks) == 1, "README.md: one sh block opens the notebooks"
    words = shlex.split(blocks[0], comments=True)
    pip = words[: words.index("&&")]
    jupyter = words[words.index("&&") + 1:]
    extra = re.fullmatch(r"\.\[([\w-]+)\]", pip[-1])
    assert pip[:3] == [".venv/bin/pip", "install", "-e"] and extra, pip
    assert jupyter[0] == ".venv/bin/jupyter", jupyter
    return extra[1], jupyter[1:]


def _requirements(distribution: str, extras: frozenset[str]) -> set[str]:
    """The installed distributions `distribution` with `extras` needs, itself and transitively."""
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [(distribution, extras)]
    while todo:
        name, wanted = todo.pop()
        if (canonicalize_name(name), wanted) in seen:
            continue
        seen.add((canonicalize_name(name), wanted))
        for text in metadata.requires(name) or []:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker and not any(marker.evaluate({"extra": e}) for e in wanted or {""}):
                continue
            try:
                metadata.distribution(requirement.name)
            except metadata.PackageNotFoundError:
                continue  # another platform's, or an optional one nothing asked for
            todo.append((requirement.name, frozenset(requirement.extras)))
    return {name for name, _ in seen}


def _imported(path: Path) -> set[str]:
    """The top-level modules a notebook's code cells import (IPython's % and ! lines left out)."""
    modules: set[str] = set()
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        code = "\n".join(ln for ln in cell.source.splitlines() if not ln.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Import):
                modules |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                modules.add(node.module.split(".")[0])
    return modules


def test_the_notebooks_extra_brings_what_the_notebooks_import_and_jupyter_itself() -> None:
    extra, jupyter = _readme_notebook_commands()
    needs = _requirements("migragraph", frozenset({extra}))
    imported = set().union(*map(_imported, NOTEBOOKS)) - set(sys.stdlib_module_names) - {"migragraph"}
    assert {"pandas", "matplotlib", "IPython"} <= imported
    providers = metadata.packages_distributions()
    missing = [m for m in sorted(imported)
               if not {canonicalize_name(d) for d in providers.get(m, [])} & needs]
    assert missing == [], f"the {extra!r} extra does not bring what the notebooks import"
    app = metadata.entry_points(group="console_scripts", name=f"jupyter-{jupyter[0]}")
    assert app, f"no `jupyter {jupyter[0]}` installed"
    assert {canonicalize_name(next(iter(app)).dist.name), "ipykernel"} <= needs  # type: ignore[union-attr]
    assert "pandas" not in _requirements("migragraph", frozenset())  # the extra is what brings them


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _api(base: str, token: str, path: str, method: str = "GET", body: bytes | None = None) -> Any:
    request = urllib.request.Request(f"{base}{path}", data=body, method=method,
                                     headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=10) as response:
        text = response.read()
    return json.loads(text) if text and path.startswith("/api") else text.decode("utf-8")


async def _execute(url: str, token: str, code: str) -> str:
    """Run `code` in a kernel of the server, as the notebook page does (Jupyter's messages over the
    server's websocket); what it printed. Tornado is the server's own web framework."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    channel = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {token}"}))
    request = {"header": {"msg_id": uuid.uuid4().hex, "msg_type": "execute_request", "username": "test",
                          "session": uuid.uuid4().hex, "date": "", "version": "5.3"},
               "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
               "content": {"code": code, "silent": False, "store_history": False, "user_expressions": {},
                           "allow_stdin": False, "stop_on_error": True}}
    await channel.write_message(json.dumps(request))
    printed: list[str] = []
    while True:
        text = await asyncio.wait_for(channel.read_message(), timeout=120)  # the kernel starts meanwhile
        assert isinstance(text, str), "the kernel's channel closed"
        message = json.loads(text)
        if message["parent_header"].get("msg_id") != request["header"]["msg_id"]:
            continue
        kind, content = message["msg_type"], message["content"]
        assert kind != "error", "\n".join(content["traceback"])
        if kind == "stream":
            printed.append(content["text"])
        elif kind == "status" and content["execution_state"] == "idle":
            channel.close()
            return "".join(printed)


def test_the_readme_command_opens_the_notebooks_in_jupyterlab(tmp_path: Path) -> None:
    _, jupyter = _readme_notebook_commands()
    port, token = _free_port(), secrets.token_hex(16)
    command = [str(Path(sys.executable).with_name("jupyter")), *jupyter, "--no-browser",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={token}"]
    if os.geteuid() == 0:  # as the README says for root
        assert "--allow-root" in README
        command.append("--allow-root")
    env = dict(os.environ, JUPYTER_CONFIG_DIR=str(tmp_path / "config"),
               JUPYTER_RUNTIME_DIR=str(tmp_path / "runtime"), JUPYTERLAB_WORKSPACES_DIR=str(tmp_path / "ws"))
    base = f"http://127.0.0.1:{port}"
    with (tmp_path / "jupyter.log").open("wb") as log:
        server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(300):  # up to 30 s to start
                try:
                    _api(base, token, "/api/status")
                    break
                except OSError:
                    assert server.poll() is None, (tmp_path / "jupyter.log").read_text()
                    time.sleep(0.1)
            listed = _api(base, token, "/api/contents")["content"]
            assert sorted(item["name"] for item in listed if item["type"] == "notebook") == \
                [p.name for p in NOTEBOOKS]
            assert "JupyterLab" in _api(base, token, "/lab/tree/01-quickstart.ipynb")
            kernel = _api(base, token, "/api/kernels", "POST", json.dumps({"name": "python3"}).encode())
            said = asyncio.run(_execute(f"ws://127.0.0.1:{port}/api/kernels/{kernel['id']}/channels", token,
                                        "import migragraph, pandas, matplotlib\nprint(migragraph.__file__)"))
            assert Path(said.strip()).is_relative_to(ROOT / "src")  # the notebooks' kernel runs this checkout
            _api(base, token, f"/api/kernels/{kernel['id']}", "DELETE")
        finally:
            server.terminate()
            server.wait(timeout=30)
