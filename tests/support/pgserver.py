"""A throwaway PostgreSQL server from Debian's binaries, for the store tests.

initdb refuses to run as root, so as root the server runs as the ``postgres`` user; its
data, socket and log live in a temporary folder that user owns.
"""
from __future__ import annotations

import glob
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import uuid
from typing import Optional

import psycopg


def bin_dir() -> Optional[pathlib.Path]:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return pathlib.Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresServer:
    def __init__(self, bindir: pathlib.Path) -> None:
        self.bindir = bindir
        self.root = pathlib.Path(tempfile.mkdtemp(prefix="ng-pg-"))
        self.data, self.run = self.root / "pg", self.root / "run"
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0

    def _cmd(self, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        subprocess.run(prefix + list(args), check=True, capture_output=True)

    def start(self) -> "PostgresServer":
        self.data.mkdir(mode=0o700)
        self.run.mkdir()
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
            for p in (self.data, self.run):
                shutil.chown(p, "postgres")
        self._cmd(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust",
                  "-E", "UTF8", "--no-sync")
        opts = f"-p {self.port} -k {self.run} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-o", opts, "-l", str(self.run / "pg.log"),
                  "-w", "start")
        return self

    def stop(self) -> None:
        try:
            self._cmd(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, db: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{db}"

    def new_database(self, owner: str = "newsgraph") -> str:
        """A fresh empty database's URL (one per test keeps tests independent), owned by
        and connecting as an ordinary role, as a deployment would."""
        name = "t_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.url(), autocommit=True) as con:
            if not con.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [owner]).fetchone():
                con.execute(f"CREATE ROLE {owner} LOGIN")
            con.execute(f"CREATE DATABASE {name} OWNER {owner}")
        return self.url(name, owner)
