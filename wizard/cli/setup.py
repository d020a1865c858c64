"""Command handlers about you and your files: config (who am I), template (an answers file)."""

from __future__ import annotations

from wizard.cli import main as cli


def config(args) -> int:
    """`config` shows the settings; `config name` prints your name; `config name NAME` sets it."""
    from wizard.i18n import t
    from wizard.model.problems import InvalidFile
    from wizard.storage.settings import read_settings, save_name, settings_path

    lang, path = cli._lang(args), settings_path()
    if args.key == "name" and args.value is not None:
        try:
            saved = save_name(args.value)
        except ValueError:
            raise cli._Fail([t("config.bad_name", lang, value=repr(args.value))], 2) from None
        except OSError as error:
            raise cli._Fail([t("config.cannot_write", lang, path=path, reason=cli._reason(error, lang))]) from None
        print(t("config.name_saved", lang, name=" ".join(args.value.split()), path=saved))
        return 0
    try:
        settings = read_settings(path)
    except InvalidFile as error:
        raise cli._Fail([t("config.broken", lang), *cli._problems(error)]) from None
    name = settings.get("name", "")
    if args.key == "name":
        if not name:
            raise cli._Fail([t("config.no_name", lang)])
        print(cli._inert(name))  # the settings file is data too
        return 0
    print(t("config.file", lang, path=path))
    print(t("config.name", lang, name=cli._inert(name)) if name else t("config.no_name", lang))
    return 0


def template(args) -> int:
    """An answers file with every question, to fill in and `assess` (see wizard/render/bank_docs.py)."""
    import sys

    from wizard.render.bank_docs import answers_template

    sys.stdout.write(answers_template(cli._bank(args), cli._lang(args)))
    return 0
