"""Widgets of the wizard; each knows only what its owner hands down as attributes."""
