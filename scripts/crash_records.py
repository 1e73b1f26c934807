"""The writes of scripts/crash.sh: one request per marker, built the same way by the load and by
the verifier's retries, since an Idempotency-Key replays only for a byte-identical body."""
import json
import os
import time

NOTE_TIME = "2026-11-02T09:00:00Z"
# The instant the reminders' events are dated from: set once by crash.sh for the whole run, so that a retry
# builds the same body as the first attempt (else now, for a load run by hand).
BASE = int(os.environ.get("CRASH_REMINDER_BASE") or time.time())


def days_before_base(days):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(BASE - days * 86400))


def request_for(kind, marker, app_id=""):
    """(path, body bytes) of the write that stores `marker` as a record of `kind`."""
    if kind == "contact":
        return "/v1/contacts", {"name": marker, "role": "other"}
    if kind == "application":
        return "/v1/applications", {"route": "posted_opening", "employer": marker}
    if kind == "event":
        return f"/v1/applications/{app_id}/events", {"kind": "note", "occurred_at": NOTE_TIME, "note": marker}
    # A resume sent 10 days ago makes a follow-up due (the wait is 7 days, moved at most 2 days off a weekend);
    # an interview 3 days ago, a record_directions item already overdue (its due_by is 48 hours after).
    if kind == "resume":
        return f"/v1/applications/{app_id}/events", {
            "kind": "resume_sent", "occurred_at": days_before_base(10), "note": marker}
    if kind == "interview":
        return f"/v1/applications/{app_id}/events", {
            "kind": "interview", "occurred_at": days_before_base(3), "note": marker}
    raise ValueError(f"unknown kind {kind}")


def encode(body):
    return json.dumps(body, separators=(",", ":")).encode()


def post(conn, kind, marker, app_id=""):
    """Sends the write for `marker` on `conn`; returns (status, replayed, parsed body or None)."""
    path, body = request_for(kind, marker, app_id)
    conn.request("POST", path, body=encode(body),
                 headers={"Content-Type": "application/json", "Idempotency-Key": marker})
    response = conn.getresponse()
    payload = response.read()
    replayed = response.getheader("Idempotent-Replayed") == "true"
    try:
        parsed = json.loads(payload) if payload else None
    except ValueError:
        parsed = None
    return response.status, replayed, parsed
