"""The server's writer: its extraction worker does not outlive a server killed with SIGKILL."""
import os
import signal
import subprocess
import sys
import time

import psutil

SERVER = """
import sys
from newsgraph.api.writer import Writer
from newsgraph.model import Article
from newsgraph.store import open_store

writer = Writer(open_store(sys.argv[1]))
stored, failed = writer.add([Article(id="a1", text="Ann Lee, the mayor of Oslo, spoke on Monday.")])
print(stored.stored, len(failed), flush=True)
sys.stdin.read()
"""


def test_the_extraction_worker_exits_when_the_server_is_killed(tmp_path):
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(tmp_path / "w.duckdb")],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    alive: list[psutil.Process] = []
    try:
        assert server.stdout.readline().split() == ["1", "0"]
        helpers = psutil.Process(server.pid).children(recursive=True)
        assert helpers, "the writer extracts in a worker process"
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
        _, alive = psutil.wait_procs(helpers, timeout=20)
        assert not alive, f"still running after the server died: {[p.pid for p in alive]}"
    finally:
        server.kill()
        for p in alive:
            p.kill()
