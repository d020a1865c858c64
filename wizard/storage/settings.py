"""The user's own settings: a small TOML file in the user's config folder (platformdirs).

    ~/.config/client-exit-wizard/settings.toml on Linux ($XDG_CONFIG_HOME is honoured),
    ~/Library/Application Support/client-exit-wizard/settings.toml on macOS,
    %LOCALAPPDATA%\\client-exit-wizard\\settings.toml on Windows.

    name = "Anna Nowak"   # who you are: the assessor of your new assessments, and the person
                          # credited with your decisions and feedback unless --by says otherwise

The file is one person's, never in the shared records folder: it says who sits at this keyboard.
"""

from __future__ import annotations

from pathlib import Path

APP_NAME = "client-exit-wizard"
FILE_NAME = "settings.toml"
KEYS = ("name",)


def settings_path() -> Path:
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / FILE_NAME


def read_settings(path: Path | None = None) -> dict[str, str]:
    """The settings; {} when there is no file yet. Raises InvalidFile naming the file and the
    field when the file is broken (the caller says so; nothing is guessed)."""
    from wizard.model.problems import FieldReader
    from wizard.storage.toml_read import read_toml

    path = path or settings_path()
    if not path.is_file():
        return {}
    data = read_toml(path)
    reader = FieldReader(str(path))
    for key in data:
        if key not in KEYS:
            reader.problem(key, f"unknown setting (allowed: {', '.join(KEYS)})")
    name = reader.get(data, "name", str, "", required=False)
    reader.raise_if_any()
    return {"name": " ".join(name.split())} if name and name.strip() else {}


def user_name(path: Path | None = None) -> str:
    """Who the user said they are, or "" when they have not said (or the file is broken)."""
    from wizard.model.problems import InvalidFile

    try:
        return read_settings(path).get("name", "")
    except InvalidFile:
        return ""


def save_name(name: str, path: Path | None = None) -> Path:
    """Remember the user's name (atomically, through the guarded file layer: the folder made
    private whatever the umask, the file 0600). Raises OSError, or ValueError for an empty name;
    a broken settings file is replaced by a good one."""
    import tomli_w

    from wizard.model.problems import InvalidFile
    from wizard.storage import files

    name = " ".join(name.split())
    if not name or not name.isprintable():
        raise ValueError("a name must be a printable, non-empty text")
    path = path or settings_path()
    try:
        settings = read_settings(path)
    except InvalidFile:
        settings = {}
    files.write_text(path.parent, path, tomli_w.dumps({**settings, "name": name}), overwrite=True)
    return path
