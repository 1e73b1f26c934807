"""The writes of scripts/crash.sh: one request per marker, built the same way by the load and by
the verifier's retries, since an Idempotency-Key replays only for a byte-identical body."""
import json

NOTE_TIME = "2026-11-02T09:00:00Z"


def request_for(kind, marker, app_id=""):
    """(path, body bytes) of the write that stores `marker` as a record of `kind`."""
    if kind == "contact":
        return "/v1/contacts", {"name": marker, "role": "other"}
    if kind == "application":
        return "/v1/applications", {"route": "posted_opening", "employer": marker}
    if kind == "event":
        return f"/v1/applications/{app_id}/events", {"kind": "note", "occurred_at": NOTE_TIME, "note": marker}
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
