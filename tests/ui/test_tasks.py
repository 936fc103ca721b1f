"""The worker facility: results always arrive later, on the GUI thread."""

from __future__ import annotations

import threading
from concurrent.futures import Future

from pos_app.ui.tasks import TaskRunner


def test_a_result_never_arrives_inside_run_even_if_the_work_is_instant(
    qtbot, monkeypatch
):
    runner = TaskRunner(workers=1)
    events: list[str] = []

    def finished_at_once(work):  # the work is over before run() adds its callback
        future: Future[object] = Future()
        future.set_result(work())
        return future

    monkeypatch.setattr(runner._pool, "submit", finished_at_once)
    runner.run(lambda: 42, lambda v: events.append(f"done {v}"), events.append)
    events.append("run returned")

    qtbot.waitUntil(lambda: len(events) == 2, timeout=5000)
    assert events == ["run returned", "done 42"]
    runner.shutdown()


def test_results_are_delivered_on_the_gui_thread(qtbot):
    runner = TaskRunner(workers=2)
    threads: list[threading.Thread] = []

    runner.run(
        lambda: None, lambda _: threads.append(threading.current_thread()), print
    )
    runner.run(_boom, print, lambda _e: threads.append(threading.current_thread()))

    qtbot.waitUntil(lambda: len(threads) == 2, timeout=5000)
    assert threads == [threading.main_thread()] * 2
    runner.shutdown()


def _boom() -> None:
    raise RuntimeError("worker failed")
