"""The server the tests serve the site with says nothing when a browser hangs up mid-response."""

from __future__ import annotations

import socket
import struct
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest


def test_a_client_hanging_up_mid_response_prints_nothing(
    built_site: Path, served_site: str, capfd: pytest.CaptureFixture[str]
) -> None:
    big = built_site / "hang-up-test.bin"
    big.write_bytes(b"x" * (64 << 20))  # far more than the socket buffers hold, so the server is still writing
    try:
        capfd.readouterr()
        address = urlsplit(served_site)
        with socket.create_connection((address.hostname, address.port)) as client:
            client.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            client.sendall(f"GET {address.path}/{big.name} HTTP/1.1\r\nHost: {address.netloc}\r\n\r\n".encode())
            assert client.recv(1024).startswith(b"HTTP/1.0 200")
            # Close with a reset, as a browser does when the reader navigates on: the server's next write fails.
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        time.sleep(1)
        captured = capfd.readouterr()
        assert captured.err == "" and captured.out == ""
    finally:
        big.unlink()
