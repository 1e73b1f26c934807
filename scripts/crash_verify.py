#!/usr/bin/env python3
"""Checks, after a crash and restart, that the server kept exactly the writes it acknowledged.

usage: crash_verify.py PORT WORKDIR ROUND

Reads the logs crash_load.py left in WORKDIR/round-*/ and lists everything stored through the API
(applications, contacts, each application's timeline, all paged). Then:

- every write acknowledged in any round so far is stored exactly once (else lost or duplicated);
- a write of this round left unanswered by the crash is stored at most once, and nothing is
  stored that was never sent;
- each unanswered write is retried with its Idempotency-Key: a write the crash kept must be
  replayed, one it lost must be created, and after the retries each is stored exactly once.

Prints one line of `name=value` counts on stdout; exits 1 when anything was lost or duplicated.
"""
import collections
import glob
import http.client
import json
import os
import sys
import urllib.parse

from crash_records import post

port, work, round_number = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
round_dir = os.path.join(work, f"round-{round_number}")


def read_log(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [tuple(line.rstrip("\n").split("\t")) for line in f if line.strip()]


acked, attempted = {}, {}
for directory in glob.glob(os.path.join(work, "round-*")):
    for kind, marker, app_id, *_ in read_log(os.path.join(directory, "attempted.log")):
        attempted[(kind, marker)] = app_id
    for name in ("acked.log", "retried.log"):
        for kind, marker, app_id, *_ in read_log(os.path.join(directory, name)):
            acked[(kind, marker)] = app_id
refused = len(read_log(os.path.join(round_dir, "refused.log")))
this_round = {key: app for key, app in attempted.items() if key[1].startswith(f"r{round_number}-")}
in_flight = {key: app for key, app in this_round.items() if key not in acked}

conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def pages(path):
    cursor = None
    while True:
        query = {"limit": "200"}
        if cursor:
            query["cursor"] = cursor
        conn.request("GET", f"{path}?{urllib.parse.urlencode(query)}")
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise SystemExit(f"GET {path} answered {response.status}: {body[:200]!r}")
        page = json.loads(body)
        yield from page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return


# The kinds of crash_records.request_for, by the event kinds they store.
EVENT_KINDS = {"note": "event", "resume_sent": "resume", "interview": "interview"}


def stored_markers():
    """Counts of every marker stored, by (kind, marker), and the application id of each marker."""
    counts = collections.Counter()
    app_ids = {}
    for item in pages("/v1/applications"):
        counts[("application", item.get("employer") or "")] += 1
        app_ids[item.get("employer")] = item["id"]
    for item in pages("/v1/contacts"):
        counts[("contact", item.get("name") or "")] += 1
    for app_id in app_ids.values():
        for item in pages(f"/v1/applications/{app_id}/events"):
            counts[(EVENT_KINDS.get(item.get("kind"), item.get("kind")), item.get("note") or "")] += 1
    return counts


def problems(counts, expected_once, at_most_once):
    lost = sorted(key for key in expected_once if counts[key] == 0)
    duplicated = sorted(key for key in expected_once | at_most_once if counts[key] > 1)
    unknown = sorted(key for key, n in counts.items() if n and key not in attempted)
    return lost, duplicated, unknown


failures = []
counts = stored_markers()
lost, duplicated, unknown = problems(counts, set(acked), set(in_flight))
kept = sum(1 for key in in_flight if counts[key] == 1)

replayed = created = mismatched = 0
retry_log = os.open(os.path.join(round_dir, "retried.log"), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
for (kind, marker), app_id in sorted(in_flight.items()):
    status, was_replayed, _ = post(conn, kind, marker, app_id)
    if not 200 <= status < 300:
        failures.append(f"retry of {kind} {marker} answered {status}")
        continue
    replayed += was_replayed
    created += not was_replayed
    # A replay means the first attempt committed; a creation, that it did not.
    if was_replayed != (counts[(kind, marker)] == 1):
        mismatched += 1
        failures.append(f"retry of {kind} {marker}: replayed={was_replayed} but stored {counts[(kind, marker)]}x")
    os.write(retry_log, f"{kind}\t{marker}\t{app_id}\t{'replayed' if was_replayed else 'created'}\n".encode())

after = stored_markers() if in_flight else counts
lost_after, duplicated_after, unknown_after = problems(after, set(acked) | set(in_flight), set())
lost = sorted(set(lost) | set(lost_after))
duplicated = sorted(set(duplicated) | set(duplicated_after))
unknown = sorted(set(unknown) | set(unknown_after))
for name, keys in (("lost", lost), ("duplicated", duplicated), ("never sent but stored", unknown)):
    if keys:
        failures.append(f"{name}: {len(keys)}, e.g. {keys[:5]}")

round_acked = sum(1 for key in this_round if key in acked)
print(
    f"acked={round_acked} acked_total={len(acked)} in_flight={len(in_flight)} kept={kept} "
    f"replayed={replayed} created={created} lost={len(lost)} duplicated={len(duplicated) + len(unknown)} "
    f"mismatched={mismatched} refused={refused} stored_total={sum(after.values())}")
for failure in failures:
    print(failure, file=sys.stderr)
sys.exit(1 if failures else 0)
