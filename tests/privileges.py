"""Running a command that obeys folder permissions, even when the tests run as root (as CI does)."""

from __future__ import annotations

import os

# Root passes permission checks through these capabilities; without them it is an ordinary owner.
_CAPS = "-dac_override,-dac_read_search,-fowner"


def obeying_permissions() -> list[str]:
    """A command prefix under which a subprocess is refused what its folder modes refuse."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    return ["setpriv", f"--inh-caps={_CAPS}", f"--bounding-set={_CAPS}"]
