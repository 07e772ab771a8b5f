"""Shared test fixtures: paths to ../shared, running the CLI through main(argv), and a network guard.

Tests never touch the internet: every socket connection and name lookup to anything
but the loopback interface fails at once (the fake Hugging Face Hub of the audit
tests listens on 127.0.0.1).
"""

from __future__ import annotations

import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest

from openwash.cli import main
from ow_paths import BULK, CORPUS

if TYPE_CHECKING:
    from pathlib import Path


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]):
    """Run ``openwash ARGS`` in-process; returns exit code, stdout and stderr."""

    def _run(*args: str) -> CliResult:
        code = main(list(args))
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return _run


@pytest.fixture(scope="session")
def corpus() -> Path:
    """../shared/corpus, or skip the test when it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return CORPUS


@pytest.fixture(scope="session")
def bulk() -> Path:
    """../shared/bulk, or skip the test when it is absent."""
    if not BULK.is_dir():
        pytest.skip("../shared/bulk is absent")
    return BULK


_LOOPBACK = {"127.0.0.1", "::1", "localhost"}
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex
_real_getaddrinfo = socket.getaddrinfo


def _host(address: object) -> str | None:
    return str(address[0]) if isinstance(address, tuple) and address else None


def _guarded_connect(self: socket.socket, address: object) -> None:
    host = _host(address)
    if self.family in (socket.AF_INET, socket.AF_INET6) and host not in _LOOPBACK:
        msg = f"tests may not reach the network (tried {host})"
        raise ConnectionRefusedError(msg)
    _real_connect(self, address)  # type: ignore[arg-type]


def _guarded_connect_ex(self: socket.socket, address: object) -> int:
    host = _host(address)
    if self.family in (socket.AF_INET, socket.AF_INET6) and host not in _LOOPBACK:
        return 111  # ECONNREFUSED
    return _real_connect_ex(self, address)  # type: ignore[arg-type]


def _guarded_getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
    if host is not None and str(host) not in _LOOPBACK:
        msg = f"tests may not resolve network names (tried {host})"
        raise socket.gaierror(socket.EAI_NONAME, msg)
    return _real_getaddrinfo(host, *args, **kwargs)  # type: ignore[arg-type]


def pytest_configure(config: pytest.Config) -> None:
    socket.socket.connect = _guarded_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _guarded_connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = _guarded_getaddrinfo  # type: ignore[assignment]
