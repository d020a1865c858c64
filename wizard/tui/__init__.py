"""The wizard: a Textual application over the core (bank, reasoning, records, store).

Only `wizard.cli.main` imports this package, and only for the commands that draw a screen.
"""
