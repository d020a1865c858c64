"""Command handlers about you and your files: config (who am I), template (an answers file)."""

from __future__ import annotations

from wizard.cli.context import Context, Fail, problem_lines
from wizard.inert import inert


def config(ctx: Context) -> int:
    """`config` shows the settings; `config name` prints your name; `config name NAME` sets it."""
    from wizard.i18n import t
    from wizard.model.problems import InvalidFile
    from wizard.storage.settings import read_settings, save_name, settings_path

    args = ctx.args
    lang, path = ctx.lang, settings_path()
    if args.key == "name" and args.value is not None:
        try:
            saved = save_name(args.value)
        except ValueError:
            raise Fail([t("config.bad_name", lang, value=repr(args.value))], 2) from None
        except OSError as error:
            raise Fail([t("config.cannot_write", lang, path=path, reason=ctx.reason(error))]) from None
        print(t("config.name_saved", lang, name=" ".join(args.value.split()), path=saved))
        return 0
    try:
        settings = read_settings(path)
    except InvalidFile as error:
        raise Fail([t("config.broken", lang), *problem_lines(error)]) from None
    name = settings.get("name", "")
    if args.key == "name":
        if not name:
            raise Fail([t("config.no_name", lang)])
        print(inert(name))  # the settings file is data too
        return 0
    print(t("config.file", lang, path=path))
    print(t("config.name", lang, name=inert(name)) if name else t("config.no_name", lang))
    return 0


def template(ctx: Context) -> int:
    """An answers file with every question, to fill in and `assess` (see wizard/render/bank_docs.py)."""
    import sys

    from wizard.render.bank_docs import answers_template

    sys.stdout.write(answers_template(ctx.bank, ctx.lang))
    return 0
