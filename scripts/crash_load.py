#!/usr/bin/env python3
"""Concurrent write load for scripts/crash.sh, run until the server goes away.

usage: crash_load.py PORT ROUND THREADS LOGDIR [REMINDER_THREADS]

Each thread keeps one connection alive and writes records that carry a unique marker: two of
every three threads create an application (the marker as its employer) and then add notes to
its timeline (the marker as the note); the others create contacts (the marker as the name).
REMINDER_THREADS more (default 0) make agenda items fall due for the reminders: each creates up
to REMINDER_ITEMS applications (25), every REMINDER_PACE seconds (0.04), each with a resume sent
10 days ago (a follow-up due) or, one in two, an interview 3 days ago (an item overdue), so that
every such write queues messages; paced, since each channel's messages go one at a time.
Every request carries its marker as its Idempotency-Key, so that the verifier can retry a write
whose answer was lost exactly as the client sent it.

A line is appended to LOGDIR/attempted.log before a request is sent, and to LOGDIR/acked.log
once it was answered 2xx: kind, marker, application id (notes only), tab-separated. A thread
stops at the first error (the server was killed) or refusal (logged to LOGDIR/refused.log).
"""
import http.client
import os
import sys
import threading
import time

from crash_records import post

port, round_number, threads, log_dir = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
reminder_threads = int(sys.argv[5]) if len(sys.argv) > 5 else 0
reminder_items = int(os.environ.get("REMINDER_ITEMS") or 25)
reminder_pace = float(os.environ.get("REMINDER_PACE") or 0.04)
flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
logs = {name: os.open(os.path.join(log_dir, f"{name}.log"), flags, 0o644) for name in ("attempted", "acked", "refused")}
lock = threading.Lock()


def log(name, kind, marker, app_id="", status=""):
    # One write per line under a lock, so that concurrent threads never interleave a line.
    with lock:
        os.write(logs[name], f"{kind}\t{marker}\t{app_id}\t{status}\n".encode())


def write(conn, kind, marker, app_id=""):
    """(answered 2xx, the parsed answer): sends one write, logged before it goes and once answered."""
    log("attempted", kind, marker, app_id)
    status, _, parsed = post(conn, kind, marker, app_id)
    if not 200 <= status < 300:
        log("refused", kind, marker, app_id, status)
        return False, None
    log("acked", kind, marker, app_id)
    return True, parsed


def writer(index):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    prefix = f"r{round_number}-t{index}"
    try:
        if index % 3 == 2:
            n = 0
            while write(conn, "contact", f"{prefix}-c{n}")[0]:
                n += 1
            return
        ok, created = write(conn, "application", f"{prefix}-a")
        if not ok or not isinstance(created, dict):
            return
        app_id = created["id"]
        n = 0
        while write(conn, "event", f"{prefix}-e{n}", app_id)[0]:
            n += 1
    except (OSError, http.client.HTTPException):
        return
    finally:
        conn.close()


def reminder_writer(index):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    prefix = f"r{round_number}-d{index}"
    try:
        for n in range(reminder_items):
            ok, created = write(conn, "application", f"{prefix}-a{n}")
            if not ok or not isinstance(created, dict):
                return
            kind = "interview" if n % 2 else "resume"
            if not write(conn, kind, f"{prefix}-{kind}{n}", created["id"])[0]:
                return
            time.sleep(reminder_pace)
    except (OSError, http.client.HTTPException):
        return
    finally:
        conn.close()


workers = [threading.Thread(target=writer, args=(i,)) for i in range(threads)]
workers += [threading.Thread(target=reminder_writer, args=(i,)) for i in range(reminder_threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
