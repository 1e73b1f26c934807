#!/usr/bin/env python3
"""The webhook scenario of scripts/webhooks-test.sh, against a running server that requires a token:
every message a webhook channel sends must verify under the reference implementation of Standard
Webhooks (webhook_receiver.py, with the `standardwebhooks` package), across a retry and a rotation.

usage: webhooks_scenario.py PORT TOKEN_FILE RECEIVER_PYTHON WORKDIR

1. Makes a webhook channel to a port chosen first, reads its secret, and starts the receiver there with
   it; the receiver answers its first request 503 with `Retry-After: 1`.
2. Makes an item fall due (an application whose resume went out 10 days ago): its `agenda.item_due`
   arrives, is refused, and arrives again under the same `webhook-id` with a new timestamp; the
   delivery is `delivered` after 2 attempts with that message id.
3. `POST /v1/channels/{id}/test` answers delivered, and the `channel.test` arrived.
4. `POST /v1/channels/{id}/secret` replaces the secret; the receiver starts again with the old secret,
   the new one and an unrelated one. During the overlap both a test and a new item's message verify
   under the old secret and under the new one, and never under the unrelated one.
5. Every request recorded verified.

Prints what it checked, and exits 1 on the first failure.
"""
import base64
import http.client
import json
import os
import socket
import subprocess
import sys
import time

port, token_file, receiver_python, work = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
with open(token_file, encoding="utf-8") as file:
    token = file.read().strip()
received_path = os.path.join(work, "received.jsonl")
here = os.path.dirname(os.path.abspath(__file__))
receiver = None


def fail(message):
    print(f"FAIL  {message}")
    if os.path.exists(received_path):
        with open(received_path, encoding="utf-8") as file:
            print("received:\n" + file.read())
    stop_receiver()
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)
    print(f"ok    {message}")


def call(method, path, body=None):
    """(status, parsed body or None) of one request with the token."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}"}
    payload = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        payload = json.dumps(body).encode()
    conn.request(method, path, body=payload, headers=headers)
    response = conn.getresponse()
    data = response.read()
    conn.close()
    try:
        return response.status, json.loads(data) if data else None
    except ValueError:
        return response.status, None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_receiver(receiver_port, secrets, *extra):
    global receiver
    port_file = os.path.join(work, "receiver.port")
    if os.path.exists(port_file):
        os.unlink(port_file)
    arguments = [receiver_python, os.path.join(here, "webhook_receiver.py"), "--out", received_path,
                 "--port", str(receiver_port), "--port-file", port_file, *extra]
    for secret in secrets:
        arguments += ["--secret", secret]
    receiver = subprocess.Popen(arguments, stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not os.path.exists(port_file):
        if receiver.poll() is not None or time.monotonic() > deadline:
            fail(f"the receiver did not start on port {receiver_port}")
        time.sleep(0.05)


def stop_receiver():
    global receiver
    if receiver is not None:
        receiver.terminate()
        receiver.wait(timeout=10)
        receiver = None


def records():
    if not os.path.exists(received_path):
        return []
    with open(received_path, encoding="utf-8") as file:
        return [json.loads(line) for line in file if line.strip()]


def wait_for(predicate, what, seconds=20):
    """The records once `predicate` holds of them, waiting at most `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        found = records()
        if predicate(found):
            return found
        if time.monotonic() > deadline:
            fail(f"{what}: not within {seconds}s")
        time.sleep(0.05)


def make_item(employer):
    """An application whose resume went out 10 days ago: its follow-up is due now (a 7-day wait, moved at most
    2 days off a weekend)."""
    status, application = call("POST", "/v1/applications", {"route": "posted_opening", "employer": employer})
    check(status == 201, f"application {employer!r} created")
    sent = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 10 * 86400))
    status, _ = call("POST", f"/v1/applications/{application['id']}/events",
                     {"kind": "resume_sent", "occurred_at": sent})
    check(status == 201, "its resume, sent 10 days ago, recorded")
    return application["id"]


def main():
    receiver_port = free_port()
    status, channel = call("POST", "/v1/channels", {
        "name": "webhooks-test", "kind": "webhook", "url": f"http://127.0.0.1:{receiver_port}/hook"})
    check(status == 201 and channel.get("secret", "").startswith("whsec_"), "webhook channel made, its secret shown")
    old_secret = channel["secret"]
    channel_path = f"/v1/channels/{channel['id']}"
    status, shown = call("GET", channel_path)
    check(status == 200 and "secret" not in shown, "the channel read back without its secret")
    start_receiver(receiver_port, [old_secret], "--fail-status", "503", "--fail-count", "1", "--retry-after", "1")

    make_item("Webhook check one")
    found = wait_for(lambda rs: any(r["type"] == "agenda.item_due" and r["status"] == 204 for r in rs),
                     "the item's message delivered after a refusal")
    due = [r for r in found if r["type"] == "agenda.item_due"]
    check(len(due) == 2 and [r["status"] for r in due] == [503, 204], "first attempt refused 503, the retry delivered")
    check(due[0]["id"] == due[1]["id"], f"the retry carries the same webhook-id {due[0]['id']}")
    check(int(due[1]["timestamp"]) >= int(due[0]["timestamp"]) + 1,
          "the retry is signed with its own webhook-timestamp, at least Retry-After later")
    check(all(r["verified_by"] == [0] for r in due), "both attempts verify under the secret")
    status, deliveries = call("GET", "/v1/deliveries")
    delivery = next((d for d in deliveries["items"] if d["message_id"] == due[0]["id"]), None)
    check(status == 200 and delivery is not None and delivery["status"] == "delivered" and delivery["attempts"] == 2,
          "the delivery is recorded delivered after 2 attempts, under the message id that arrived")

    status, outcome = call("POST", f"{channel_path}/test")
    check(status == 200 and outcome["delivered"] is True and outcome["status"] == 204,
          f"POST {channel_path}/test answers delivered 204")
    tests = [r for r in records() if r["type"] == "channel.test"]
    check(len(tests) == 1 and tests[0]["verified_by"] == [0], "the channel.test message verifies under the secret")

    status, rotated = call("POST", f"{channel_path}/secret")
    new_secret = (rotated or {}).get("secret", "")
    check(status == 200 and new_secret.startswith("whsec_") and new_secret != old_secret,
          f"POST {channel_path}/secret answers a new secret")
    stop_receiver()
    # An unrelated secret of the same form: a signature never verifies under it, so that a match means something.
    stranger = "whsec_" + base64.b64encode(os.urandom(32)).decode()
    start_receiver(receiver_port, [old_secret, new_secret, stranger])

    status, outcome = call("POST", f"{channel_path}/test")
    check(status == 200 and outcome["delivered"] is True, "a test during the overlap is delivered")
    tests = [r for r in records() if r["type"] == "channel.test"]
    check(len(tests) == 2 and tests[1]["verified_by"] == [0, 1],
          "the test during the overlap verifies under the old secret and under the new one, not another")
    before = len(records())
    make_item("Webhook check two")
    found = wait_for(lambda rs: any(r["type"] == "agenda.item_due" and r["status"] == 204 for r in rs[before:]),
                     "the second item's message delivered")
    due = [r for r in found[before:] if r["type"] == "agenda.item_due"]
    check(len(due) == 1 and due[0]["verified_by"] == [0, 1],
          "an item's message during the overlap verifies under the old secret and under the new one, not another")

    everything = records()
    stop_receiver()
    unverified = [r for r in everything if not r["verified"]]
    check(not unverified, f"every one of the {len(everything)} requests recorded verified")
    print(f"passed: {len(everything)} requests, every one verified with standardwebhooks")


if __name__ == "__main__":
    try:
        main()
    finally:
        stop_receiver()
