"""``newsgraph serve`` in a child process on a free port, for end-to-end tests."""
from __future__ import annotations

import contextlib
import os
import pathlib
import signal
import socket
import subprocess
import sys
import time
from typing import Iterator

import httpx


#: The write token the test servers run with, and the header that carries it.
TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def newsgraph_command() -> pathlib.Path:
    """The ``newsgraph`` script installed beside this interpreter."""
    return pathlib.Path(sys.executable).parent / "newsgraph"


@contextlib.contextmanager
def serving(db: str, log: pathlib.Path, timeout: float = 120) -> Iterator[str]:
    """The base URL of a server over ``db``, stopped on exit."""
    port = free_port()
    cmd = [str(newsgraph_command()), "serve", "--db", db, "--port", str(port)]
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                                env={**os.environ, "NEWSGRAPH_TOKEN": TOKEN})
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"serve exited with {proc.returncode}: {log.read_text()[-2000:]}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(url + "/api/stats", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise TimeoutError(f"serve did not answer within {timeout}s")
            time.sleep(0.2)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
