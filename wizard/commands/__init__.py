"""Command handlers that live outside cli.py; each module is imported only by its commands."""
