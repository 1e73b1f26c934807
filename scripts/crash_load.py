#!/usr/bin/env python3
"""Concurrent write load for scripts/crash.sh, run until the server goes away.

usage: crash_load.py PORT ROUND THREADS LOGDIR

Each thread keeps one connection alive and writes records that carry a unique marker: two of
every three threads create an application (the marker as its employer) and then add notes to
its timeline (the marker as the note); the others create contacts (the marker as the name).
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

from crash_records import post

port, round_number, threads, log_dir = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
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


workers = [threading.Thread(target=writer, args=(i,)) for i in range(threads)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
