"""Time from launch to the first paint of a text on a real (pseudo-)terminal.

The program runs on a pseudo-terminal of 120 x 40; its output is read as it comes, escape
sequences taken out, until `marker` shows up. Then it is killed: the figure is start-up only.
"""

from __future__ import annotations

import os
import re
import time

ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])")


def available() -> bool:
    try:
        import fcntl  # noqa: F401
        import pty  # noqa: F401
        import termios  # noqa: F401
    except ImportError:
        return False
    return True


def first_paint(command: list[str], marker: str, env: dict[str, str], timeout: float = 60.0) -> float:
    import fcntl
    import pty
    import select
    import signal
    import struct
    import subprocess
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    wanted = marker.encode("utf-8")
    start = time.perf_counter()
    process = subprocess.Popen(command, stdin=follower, stdout=follower, stderr=follower, start_new_session=True,
                               env={**env, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "40"})
    os.close(follower)
    seen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([leader], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(leader, 1 << 16)
                except OSError:
                    break
                if wanted in ESCAPES.sub(b"", seen):
                    return time.perf_counter() - start
            elif process.poll() is not None:
                break
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait()
        os.close(leader)
    tail = ESCAPES.sub(b"", seen)[-400:].decode("utf-8", "replace")
    raise RuntimeError(f"{' '.join(command)}: {marker!r} never appeared on the terminal; last output: {tail}")
