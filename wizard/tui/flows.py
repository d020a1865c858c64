"""The steps that span a screen and its dialogs: starting an assessment (the names asked first,
the ledger's answers filled in), resuming one, saving a finished one, feedback, who the user is,
and quitting while answers are unsaved.

The screens reach these through the app (`app.new_assessment(...)`): a screen never imports this
module, which opens screens itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from wizard.render.paths import short_path
from wizard.storage import files

if TYPE_CHECKING:
    from wizard.model.draft import Draft
    from wizard.model.records import DecisionRecord
    from wizard.tui.app import ClientExitApp


def new_assessment(app: ClientExitApp, client: str | None = None, assessor: str | None = None,
                   prefill: dict | None = None) -> None:
    """The questionnaire, after asking for whichever name was not given. The assessor is the
    user's own name (`config name`) unless another is given; `prefill` (question id → answer
    and its `Prefill`) fills answers in to confirm or change."""
    from wizard.storage.settings import user_name

    own_name = user_name()
    assessor = assessor or own_name
    if client and client.strip() and assessor and assessor.strip():
        _begin(app, client, assessor, prefill)
        return

    def named(names: tuple[str, str] | None) -> None:
        if names:
            names = (unless_unchanged(names[0], client or ""), unless_unchanged(names[1], assessor or ""))
            if not own_name:  # asked once: the first assessor is who sits at this keyboard
                remember_name(app, names[1])
            _begin(app, *names, prefill)

    from wizard.inert import inert, unless_unchanged
    from wizard.tui.screens.names import NamesScreen

    # A name carried over from a record is offered inert (escape codes shown, never obeyed).
    app.push_screen(NamesScreen(inert(client or ""), inert(assessor or ""), first_use=not own_name), named)


def reassess(app: ClientExitApp, record: DecisionRecord) -> None:
    """A new assessment of the record's client, its answers carried over to confirm or change;
    once accepted, the new record supersedes this one."""
    from wizard.model.prefill import carry_over

    new_assessment(app, record.client, None, carry_over(app.bank, record))


def _begin(app: ClientExitApp, client: str, assessor: str, prefill: dict | None = None) -> None:
    from wizard.model.draft import Draft
    from wizard.tui.screens.questionnaire import QuestionnaireScreen

    evidence, source, drawn = _from_ledger(app, client)
    prefill = {**(prefill or {}), **drawn}  # the ledger's facts are newer than an earlier assessment's
    draft = Draft.start(app.bank, app.store, client=client, assessor=assessor, lang=app.lang,
                        created=app.clock(), record_id=app.make_id(), prefill=prefill,
                        evidence=evidence, ledger=source)
    draft.save()  # a failure shows on the questionnaire; answers stay in memory
    app.push_screen(QuestionnaireScreen(draft))


def _from_ledger(app: ClientExitApp, client: str):
    """What the app's ledger holds on `client`: its evidence, the ledger, and the answers it
    gives as pre-filled answers (source "ledger") to confirm or change; said in a toast. When
    the ledger does not know the client: nothing, and the close names."""
    drawn = app.ledger
    if drawn is None:
        return None, None, {}
    from wizard.model.prefill import Prefill
    from wizard.render.evidence import for_record, source
    from wizard.inert import inert

    found = drawn.find(client)
    if found is None:
        similar = drawn.similar(client)
        app.notify(inert(app.t("tui.ledger.no_client", client=client, file=drawn.ledger.name)
                         + (" " + app.t("clients.similar", names=", ".join(similar)) if similar else "")),
                   severity="warning", timeout=10)
        return None, None, {}
    app.notify(app.t("tui.ledger.prefilled", count=len(found.answers), file=inert(drawn.ledger.name)), timeout=8)
    prefill = {question: (answer, Prefill("ledger", drawn.ledger.name, drawn.window.until))
               for question, answer in found.answers.items()}
    return for_record(found, app.lang), source(drawn.ledger.name, drawn.window), prefill


def resume(app: ClientExitApp, path: Path) -> None:
    from wizard.model.problems import InvalidFile
    from wizard.model.draft import Draft
    from wizard.tui.screens.questionnaire import QuestionnaireScreen

    try:
        draft = Draft.open(app.bank, app.store, path)
    except InvalidFile as error:
        app.notify("\n".join(str(p) for p in error.problems), title=short_path(path),
                   severity="error", timeout=10)
        return
    app.push_screen(QuestionnaireScreen(draft))


def resume_newest(app: ClientExitApp) -> None:
    from wizard.model.problems import NoSuchRecord

    try:
        resume(app, app.store.find(None, app.bank, drafts=True))
    except NoSuchRecord:
        app.notify(app.t("tui.home.nothing_to_resume"))


def finish(app: ClientExitApp, draft: Draft) -> None:
    """Save the record of a finished questionnaire and show its result; on failure keep
    everything and offer a retry."""
    from wizard.tui.dialogs.confirm import ConfirmScreen
    from wizard.tui.screens.result import ResultScreen

    try:
        path, record = draft.finish(app.lang, app.clock())
    except OSError as error:
        def again(yes: bool | None) -> None:
            if yes:
                finish(app, draft)

        app.push_screen(ConfirmScreen(
            "tui.q.record_failed", yes="tui.q.retry", no="tui.q.later", title="tui.q.save_title",
            reason=files.reason(error, app.lang),
        ), again)
        return
    app.switch_screen(ResultScreen(record, path))  # the result replaces the finished questionnaire
    app.notify(app.t("tui.result.saved_toast", path=short_path(path)), timeout=6)


def quit_unless_unsaved(app: ClientExitApp, drafts: list[Draft]) -> None:
    """Quit; but first ask when one of `drafts` has answers that could not be saved."""
    unsaved = [draft for draft in drafts if not draft.saved and not draft.save()]
    if not unsaved:
        app.exit()
        return

    def leave(yes: bool | None) -> None:
        if yes:
            app.exit()

    from wizard.tui.dialogs.confirm import ConfirmScreen

    error = unsaved[0].error
    app.push_screen(ConfirmScreen("tui.q.leave_unsaved", title="tui.q.save_title", default=False,
                                  reason=files.reason(error, app.lang) if error else "?"), leave)


def whoami(app: ClientExitApp, then: Callable[[str], None]) -> None:
    """Call `then` with the user's name; ask for it first (once: it is remembered) when the
    user has not said who they are. Nobody is ever credited with a step they did not name."""
    from wizard.storage.settings import user_name

    name = user_name()
    if name:
        then(name)
        return

    def given(name: str | None) -> None:
        if name:
            remember_name(app, name)
            then(name)

    from wizard.tui.dialogs.whoami import WhoAmIScreen

    app.push_screen(WhoAmIScreen(), given)


def remember_name(app: ClientExitApp, name: str) -> None:
    from wizard.storage.settings import save_name, settings_path

    try:
        save_name(name)
    except (OSError, ValueError) as error:
        app.notify(app.t("config.cannot_write", path=short_path(settings_path()),
                         reason=files.reason(error, app.lang) if isinstance(error, OSError) else str(error)),
                   severity="warning", timeout=8)


def give_feedback(app: ClientExitApp, record: DecisionRecord) -> None:
    """Ask for a teammate's feedback on `record` and write it as a file of its own."""
    from wizard.inert import inert
    from wizard.storage import feedback as feedback_files
    from wizard.storage.settings import user_name
    from wizard.tui.dialogs.feedback import FeedbackScreen

    try:
        given = feedback_files.good(feedback_files.load(app.store.root, record.id))
    except OSError:
        given = []

    def write(answer: tuple[str, str, str] | None) -> None:
        if answer is None:
            return
        by, stance, comment = answer
        app.feedback_name = by
        created = app.feedback_clock() if app.feedback_clock else None
        item = feedback_files.make(record.id, by, stance, comment, created=created)
        try:
            path = feedback_files.add(app.store.root, item)
        except OSError as error:
            app.notify(app.t("tui.result.write_failed", path=short_path(app.store.root),
                             reason=files.reason(error, app.lang)), severity="error", timeout=10)
            return
        app.notify(app.t("tui.feedback.saved", path=short_path(path)), timeout=6)

    app.push_screen(FeedbackScreen(record, given, inert(app.feedback_name or user_name())), write)
