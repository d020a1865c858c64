"""The record screen shares its folder with teammates: a decision taken meanwhile elsewhere is
never overwritten. The step on screen is refused with the status the record has now, and the
screen shows the record as it is now."""

from __future__ import annotations

from tests.tui.support import make_app, saved_record
from tests.tui.test_result import open_first_record
from wizard.model.lifecycle import decide
from wizard.storage.record_reader import read_record
from wizard.storage.settings import save_name


def toasts(app) -> str:
    return "\n".join(notification.message for notification in app._notifications)


async def open_record(app, pilot) -> None:
    save_name("Ola")  # who takes the step (else the screen asks first)
    await open_first_record(app, pilot)


async def test_a_decision_taken_meanwhile_is_never_overwritten(bank, store):
    path = saved_record(bank, store, "late-payer", "0000f00d")
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_record(app, pilot)
        theirs = decide(read_record(path, bank), "rejected", by="Anna")  # a teammate, in the same folder
        store.update(path, theirs)
        await pilot.press("p", "enter")  # propose what the screen still shows as a draft
        await pilot.pause()
        said = toasts(app)
        assert "changed meanwhile by Anna" in said and "it is now rejected" in said
        assert read_record(path, bank) == theirs  # nothing lost
        assert app.screen.record.status == "rejected"  # the screen shows it as it is now


async def test_a_record_deleted_meanwhile_is_not_brought_back(bank, store):
    path = saved_record(bank, store, "late-payer", "0000f00d")
    app = make_app(bank, store)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await open_record(app, pilot)
        path.unlink()  # forgotten by a teammate
        await pilot.press("p", "enter")
        await pilot.pause()
        assert "is gone" in toasts(app)
        assert not path.exists()
