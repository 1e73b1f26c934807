#!/usr/bin/env python3
"""The CPU a running server spends on one write and on the wake-up of the reminders' scheduler
that follows it (150 ms later, once the writes have coalesced), read from /proc: the sum over the
server's threads of the time each spent on a CPU (/proc/PID/task/*/schedstat, in nanoseconds),
from a quiet moment before the request to the next quiet moment after it (no thread ran for
QUIET_MS). Each write is timed ROUNDS times; prints, in ms:

  "note MEDIAN MAX BUSIEST WAKE settings MEDIAN MAX BUSIEST WAKE idle IDLE"

note: POST /v1/applications/{random id}/events with a note (the scheduler recomputes that
application and plans over all); settings: PUT /v1/settings with another follow_up_gap_days (it
recomputes every application); BUSIEST: the median of the largest share of one thread, the
scheduler's when it is the one that worked most; WAKE: the median of the wake-up's own share, the
scheduler's thread (np-scheduler) and the dispatch workers that judge its slices of the agenda
(libdispatch names them com.apple.root.*-qos), without the request, its commit and the sender;
idle: the same span with no request.
usage: wakeup_cpu.py PID PORT APPS ROUNDS"""
import glob
import http.client
import json
import random
import statistics
import sys
import time

QUIET_MS = 400


def sample(pid):
    times = {}
    for path in glob.glob(f"/proc/{pid}/task/*/schedstat"):
        try:
            with open(path, encoding="ascii") as file:
                times[path] = int(file.read().split()[0])
        except (OSError, ValueError, IndexError):
            pass
    return times


def is_wakeup_thread(schedstat_path):
    """The scheduler's thread, or a dispatch worker (which judges the agenda's slices in parallel)."""
    try:
        with open(schedstat_path.rsplit("/", 1)[0] + "/comm", encoding="utf-8") as file:
            name = file.read().strip()
    except OSError:
        return False
    return name == "np-scheduler" or name.endswith("-qos")


def quiet(pid, timeout=30):
    """The first sample after which no thread ran for QUIET_MS."""
    deadline = time.time() + timeout
    last = sample(pid)
    still_since = time.time()
    while time.time() < deadline:
        time.sleep(0.05)
        now = sample(pid)
        if sum(now.values()) - sum(last.values()) > 50_000:  # more than 50 µs: something ran
            still_since = time.time()
        last = now
        if time.time() - still_since >= QUIET_MS / 1000:
            return last
    return last


def delta(before, after):
    shares = {t: after[t] - before.get(t, 0) for t in after}
    wake = sum(share for t, share in shares.items() if is_wakeup_thread(t))
    return sum(shares.values()) / 1e6, max(shares.values(), default=0) / 1e6, wake / 1e6


def measure(pid, request):
    before = quiet(pid)
    request()
    after = quiet(pid)
    return delta(before, after)


def main(pid, port, apps, rounds):
    rng = random.Random(3)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)

    def send(method, path, body):
        connection.request(method, path, body=json.dumps(body), headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status >= 300:
            sys.exit(f"{method} {path}: {response.status}")

    def note():
        send("POST", f"/v1/applications/{rng.randint(1, apps)}/events",
             {"kind": "note", "occurred_at": "2026-11-20T09:00:00Z", "note": "called about the schedule"})

    gap = [7]

    def settings():
        gap[0] = 15 - gap[0]  # 7, 8, 7, ...
        send("PUT", "/v1/settings", {"follow_up_gap_days": gap[0]})

    out = []
    for name, request in (("note", note), ("settings", settings)):
        results = [measure(pid, request) for _ in range(rounds)]
        totals = [total for total, _, _ in results]
        out += [name, f"{statistics.median(totals):.1f}", f"{max(totals):.1f}",
                f"{statistics.median(busiest for _, busiest, _ in results):.1f}",
                f"{statistics.median(wake for _, _, wake in results):.1f}"]
    idle = [delta(before, quiet(pid)) for before in (quiet(pid) for _ in range(3))]
    out += ["idle", f"{statistics.median(total for total, _, _ in idle):.1f}"]
    print(" ".join(out))


main(int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
