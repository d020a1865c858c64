"""client-exit-wizard: decide what to do about a client relationship that has gone sour."""

__version__ = "0.1.0"
