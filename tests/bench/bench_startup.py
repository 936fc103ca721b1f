"""Benchmark: cold start to the first window, the app vs a bare PySide6 window.

Run: ``python tests/bench/bench_startup.py [--rounds 7]``

Each round starts a fresh Python process for each side (interleaved) and measures wall
time from just before the spawn to the moment the first window has been shown and
painted (the app's start path, ``start_gui``, shows a light first window and builds
the counter right after; both times are printed). The app's child then waits
until the checkout service is ready (database, embedded sandbox, gateway client)
and idles a second before reporting its resident memory, and whether Qt WebEngine
was loaded (it must not be until a page is needed).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = r"""
import json, sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1280, 800); w.show()
app.processEvents()
print(json.dumps({"shown": time.time()}), flush=True)
"""

APP = r"""
import json, sys, time
from pos_app.app import start_gui
startup = start_gui(sys.argv[:1])
shown = startup.shown_at  # the first window was painted inside start_gui
deadline = time.monotonic() + 30
while not startup.ready and time.monotonic() < deadline:
    startup.app.processEvents(); time.sleep(0.001)
counter = time.time()
controller = startup.controller
while not controller.ready and time.monotonic() < deadline:
    startup.app.processEvents(); time.sleep(0.005)
end = time.monotonic() + 1.0
while time.monotonic() < end:
    startup.app.processEvents(); time.sleep(0.01)
rss_kb = 0
with open("/proc/self/status") as f:
    for line in f:
        if line.startswith("VmRSS:"):
            rss_kb = int(line.split()[1])
webengine = any(m.startswith("PySide6.QtWebEngine") for m in sys.modules)
print(json.dumps({"shown": shown, "counter": counter, "ready": controller.ready,
                  "rss_mb": rss_kb / 1024, "webengine_loaded": webengine}), flush=True)
controller.shutdown()
"""


def _spawn(code: str, env: dict[str, str]) -> tuple[float, dict[str, object]]:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    line = [ln for ln in out.stdout.splitlines() if ln.startswith("{")][-1]
    data = json.loads(line)
    return float(data["shown"]) - started, data


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["POS_DATA_DIR"] = tempfile.mkdtemp(prefix="pos-bench-start-")

    _spawn(BARE, env)  # warm the OS file cache for both sides alike
    _spawn(APP, env)
    bare, app, counter, rss, webengine = [], [], [], [], []
    for _ in range(args.rounds):
        bare.append(_spawn(BARE, env)[0])
        started = time.time()
        seconds, data = _spawn(APP, env)
        app.append(seconds)
        counter.append(float(data["counter"]) - started)  # type: ignore[arg-type]
        rss.append(float(data["rss_mb"]))  # type: ignore[arg-type]
        webengine.append(bool(data["webengine_loaded"]))

    bare_med, app_med = statistics.median(bare), statistics.median(app)
    print(f"rounds                     : {args.rounds}")
    print(f"bare PySide6 first window  : median {bare_med * 1000:7.1f} ms")
    print(f"pos_app first window       : median {app_med * 1000:7.1f} ms")
    print(f"ratio app / bare           : {app_med / bare_med:.3f}  (target <= 1.3)")
    counter_med = statistics.median(counter)
    print(
        f"counter window built       : median {counter_med * 1000:7.1f} ms"
        f"  ({counter_med / bare_med:.2f}x bare; screens imported after the first)"
    )
    print(
        f"idle memory, service ready : median {statistics.median(rss):7.1f} MB"
        "  (target < 150, no web engine)"
    )
    print(f"web engine loaded at idle  : {any(webengine)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
