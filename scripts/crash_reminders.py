#!/usr/bin/env python3
"""The reminders round of scripts/crash.sh: channels to crash_receiver.py, and, after each crash and
restart, a check that the outbox kept its promise.

usage: crash_reminders.py setup PORT RECEIVER_PORT WORKDIR
       crash_reminders.py verify PORT WORKDIR ROUND [TIMEOUT]
       crash_reminders.py final WORKDIR

`setup` makes three webhook channels on the receiver, one per path: `all` carries every action,
`follow-ups` only `follow_up`, `interviews` only `record_directions` and `send_thank_you`; they are
written to WORKDIR/channels.json.

`verify` waits (at most TIMEOUT seconds, 60) until the outbox is settled: no delivery `pending` or
`failed` in /metrics, and a 2xx answered for every item phase the channels owe. A channel owes, for
every item of `GET /v1/agenda` already due whose action it carries, its `due` phase, or its `overdue`
phase once the item is overdue (which then marks both, so the `due` message may or may not have gone
first). Then, over everything the receiver recorded in every round so far (WORKDIR/received.jsonl):

- lost: an item phase owed with no request answered 2xx;
- duplicated: an item phase that arrived under more than one `webhook-id`, or that the outbox holds more
  than one delivery for;
- unasked: a message no channel owes (another item, another phase, a channel not carrying the action);
- sent again: a `webhook-id` answered 2xx twice is allowed only when one kill (WORKDIR/round-*/killed_at)
  came between the two, at most MARGIN seconds (2) after the first answer was written: the 2xx arrived
  but its record did not commit, and the restart sends it once more under the same id;
- each delivery's `message_id` is the `webhook-id` that arrived, and none gave up.

Prints one line of `name=value` counts (this round's, and the totals) on stdout; exits 1 on any failure.
`final` runs the checks that need only the receiver's record once the server is stopped, against the
item phases the last `verify` found owed: nothing arrived afterwards under a second id or unasked.
"""
import collections
import datetime
import glob
import http.client
import json
import os
import sys
import time
import urllib.parse

MARGIN = 2.0
PHASES = {"agenda.item_due": "due", "agenda.item_overdue": "overdue"}
CHANNELS = [
    ("all", None),
    ("follow-ups", ["follow_up"]),
    ("interviews", ["record_directions", "send_thank_you"]),
]
ALL_ACTIONS = ["send_thank_you", "debrief_recruiter", "record_directions", "follow_up", "touch_base"]


def request(conn, method, path, body=None):
    headers = {"Content-Type": "application/json"} if body is not None else {}
    conn.request(method, path, body=json.dumps(body).encode() if body is not None else None, headers=headers)
    response = conn.getresponse()
    payload = response.read()
    if not 200 <= response.status < 300:
        raise SystemExit(f"{method} {path} answered {response.status}: {payload[:300]!r}")
    return payload


def millis(text):
    """Milliseconds since the epoch of an RFC 3339 instant, whatever its fraction."""
    return round(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def key_of(item):
    """An agenda item's identity: application, action, contact and due_from, as the service keys it."""
    contact = item.get("contact_id")
    return f"{item['application_id']}:{item['action']}:{'-' if contact is None else contact}:{millis(item['due_from'])}"


def setup(port, receiver_port, work):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    channels = []
    for name, actions in CHANNELS:
        body = {"name": f"crash {name}", "kind": "webhook", "url": f"http://127.0.0.1:{receiver_port}/c/{name}"}
        if actions:
            body["actions"] = actions
        created = json.loads(request(conn, "POST", "/v1/channels", body))
        channels.append({"id": created["id"], "path": f"/c/{name}", "actions": actions or ALL_ACTIONS})
    with open(os.path.join(work, "channels.json"), "w", encoding="utf-8") as file:
        json.dump(channels, file)


def read_received(work):
    path = os.path.join(work, "received.jsonl")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def kill_times(work):
    times = []
    for path in glob.glob(os.path.join(work, "round-*", "killed_at")):
        with open(path, encoding="utf-8") as file:
            times.append(float(file.read().strip()))
    return sorted(times)


def triple_of(record, channel_by_path):
    """(channel id, item key, phase) of a request recorded, or None when it is no item message."""
    phase = PHASES.get(record.get("type"))
    channel = channel_by_path.get(record.get("path"))
    if phase is None or channel is None or record.get("application_id") is None or not record.get("due_from"):
        return None
    return channel, key_of(record), phase


def check_log(received, channels, owed, kills):
    """The failures the receiver's record shows, and its counts, against the item phases owed."""
    channel_by_path = {channel["path"]: channel["id"] for channel in channels}
    allowed = set(owed) | {(c, key, "due") for (c, key, phase) in owed if phase == "overdue"}
    ids = collections.defaultdict(set)
    answered = collections.defaultdict(list)
    unasked = set()
    for record in received:
        triple = triple_of(record, channel_by_path)
        if triple is None:
            unasked.add((record.get("path"), record.get("type"), record.get("id")))
            continue
        ids[triple].add(record["id"])
        if triple not in allowed:
            unasked.add(triple)
        if 200 <= record["status"] < 300:
            answered[record["id"]].append(record)
    failures = []
    lost = sorted(t for t in owed if not any(answered.get(i) for i in ids.get(t, ())))
    duplicated = sorted(t for t, found in ids.items() if len(found) > 1)
    resent = 0
    widest = 0.0
    for message_id, records in answered.items():
        records.sort(key=lambda r: r["arrived"])
        for first, then in zip(records, records[1:]):
            # Sent again after the first kill that followed it, before the next: the restart that kill made sends
            # again what had not committed (each round settles before its kill).
            between = [k for k in kills if first["arrived"] < k < then["arrived"]]
            gap = between[0] - first["answered"] if len(between) == 1 else None
            if gap is None or gap > MARGIN:
                failures.append(
                    f"{message_id} answered 2xx at {first['answered']:.3f} and sent again at {then['arrived']:.3f}, "
                    f"{len(between)} kills between" + ("" if gap is None else f", {gap:.3f}s after the first answer"))
            else:
                resent += 1
                widest = max(widest, gap)
    for name, found in (("lost", lost), ("duplicated", duplicated), ("unasked", sorted(unasked, key=str))):
        if found:
            failures.append(f"{name}: {len(found)}, e.g. {found[:3]}")
    counts = {"lost": len(lost), "duplicated": len(duplicated), "unasked": len(unasked), "resent_same_id": resent,
              "resent_widest_gap_ms": round(widest * 1000)}
    return failures, counts, ids


def pages(conn, path):
    cursor = None
    while True:
        query = {"limit": "200"}
        if cursor:
            query["cursor"] = cursor
        page = json.loads(request(conn, "GET", f"{path}?{urllib.parse.urlencode(query)}"))
        yield from page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            return


def outbox_waiting(conn):
    """Deliveries pending or failed, by /metrics."""
    waiting = 0
    for line in request(conn, "GET", "/metrics").decode().splitlines():
        if line.startswith("notapest_outbox_deliveries{"):
            status = line.split('status="', 1)[1].split('"', 1)[0]
            if status in ("pending", "failed"):
                waiting += int(float(line.rsplit(" ", 1)[1]))
    return waiting


def owed_now(conn, channels):
    agenda = json.loads(request(conn, "GET", "/v1/agenda?horizon_days=0"))
    as_of = millis(agenda["as_of"])
    owed = set()
    for item in agenda["items"]:
        if millis(item["due_from"]) > as_of:
            continue
        phase = "overdue" if item["overdue"] else "due"
        for channel in channels:
            if item["action"] in channel["actions"]:
                owed.add((channel["id"], key_of(item), phase))
    return owed


def covered(received, channels, owed):
    channel_by_path = {channel["path"]: channel["id"] for channel in channels}
    done = set()
    for record in received:
        if 200 <= record["status"] < 300:
            triple = triple_of(record, channel_by_path)
            if triple:
                done.add(triple)
    return owed <= done


def round_counts(received, kills, since):
    """What the receiver saw around this round's kill: requests since the last verify (`since` lines), those in
    flight at the kill, first attempts failed, and messages failed before the kill (since the one before) and not
    delivered by then, and of those, the ones delivered after the restart."""
    new = received[since:]
    kill = kills[-1] if kills else time.time()
    before = kills[-2] if len(kills) > 1 else 0.0
    window = [r for r in received if before < r["arrived"] < kill]
    in_flight = sum(1 for r in window if r["answered"] > kill or r.get("answer_error"))
    failed_before = {r["id"] for r in window if r["status"] >= 300}
    delivered_before = {r["id"] for r in received if r["status"] < 300 and r["answered"] < kill}
    delivered_after = {r["id"] for r in received if r["status"] < 300 and r["arrived"] > kill}
    return {
        "requests": len(new),
        "failed_first": sum(1 for r in new if r["status"] >= 300),
        "in_flight_at_kill": in_flight,
        "retry_pending_at_kill": len(failed_before - delivered_before),
        "retried_after_restart": len((failed_before - delivered_before) & delivered_after),
    }


def verify(port, work, round_number, timeout):
    with open(os.path.join(work, "channels.json"), encoding="utf-8") as file:
        channels = json.load(file)
    state_path = os.path.join(work, "reminders-state.json")
    state = {"lines": 0, "messages": 0}
    if os.path.exists(state_path):
        with open(state_path, encoding="utf-8") as file:
            state = json.load(file)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    started = time.monotonic()
    failures = []
    while True:
        waiting = outbox_waiting(conn)
        owed = owed_now(conn, channels)
        received = read_received(work)
        if waiting == 0 and covered(received, channels, owed):
            break
        if time.monotonic() - started > timeout:
            failures.append(f"not settled after {timeout}s: {waiting} deliveries pending or failed")
            break
        time.sleep(0.1)
    settle = time.monotonic() - started
    kills = kill_times(work)
    log_failures, counts, ids = check_log(received, channels, owed, kills)
    failures += log_failures

    by_triple = collections.defaultdict(list)
    for delivery in pages(conn, "/v1/deliveries"):
        phase = PHASES.get(delivery["type"])
        if phase is None or not delivery.get("item"):
            failures.append(f"delivery {delivery['id']} of type {delivery['type']} was never asked for")
            continue
        by_triple[(delivery["channel_id"], key_of(delivery["item"]), phase)].append(delivery)
    outbox_twice = [t for t, found in by_triple.items() if len(found) > 1]
    if outbox_twice:
        failures.append(f"the outbox holds an item phase twice: {len(outbox_twice)}, e.g. {outbox_twice[:3]}")
    gave_up = [d["id"] for found in by_triple.values() for d in found if d["status"] == "gave_up"]
    if gave_up:
        failures.append(f"deliveries gave up: {gave_up[:5]}")
    strangers = [t for t, found in ids.items() if any(d["message_id"] not in found for d in by_triple.get(t, []))]
    if strangers:
        failures.append(f"a delivery's message_id is not the webhook-id that arrived: {strangers[:3]}")

    with open(os.path.join(work, "owed.json"), "w", encoding="utf-8") as file:
        json.dump(sorted(owed), file)
    counts.update(round_counts(received, kills, state["lines"]))
    messages = len(owed)
    print(" ".join(f"{name}={value}" for name, value in {
        "messages": messages - state["messages"], "messages_total": messages, **counts,
        "settled_ms": round(settle * 1000)}.items()))
    with open(state_path, "w", encoding="utf-8") as file:
        json.dump({"lines": len(received), "messages": messages}, file)
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


def final(work):
    with open(os.path.join(work, "channels.json"), encoding="utf-8") as file:
        channels = json.load(file)
    with open(os.path.join(work, "owed.json"), encoding="utf-8") as file:
        owed = {tuple(triple) for triple in json.load(file)}
    failures, counts, _ = check_log(read_received(work), channels, owed, kill_times(work))
    print(" ".join(f"{name}={value}" for name, value in counts.items()))
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "setup" and len(sys.argv) == 5:
        setup(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif command == "verify" and len(sys.argv) in (5, 6):
        sys.exit(verify(int(sys.argv[2]), sys.argv[3], int(sys.argv[4]),
                        float(sys.argv[5]) if len(sys.argv) == 6 else 60.0))
    elif command == "final" and len(sys.argv) == 3:
        sys.exit(final(sys.argv[2]))
    else:
        sys.exit(__doc__.split("\n\n")[1])
