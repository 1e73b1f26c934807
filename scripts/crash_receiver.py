#!/usr/bin/env python3
"""The webhook receiver of scripts/crash.sh's reminders: it records every request and makes some of them
slow, so that messages are in flight when the server is killed, and fails the first attempt of others, so
that retries are pending then.

usage: crash_receiver.py OUT PORT_FILE SEED

Listens on 127.0.0.1 (a port the kernel picks, written to PORT_FILE) for as long as it runs, across the
server's restarts. Each request is answered, then appended to OUT as one JSON line: the path (which names
the channel), the `webhook-id`, the body's `type` and its item (`application_id`, `action`, `contact_id`,
`due_from`), the status answered, when the request arrived and when the answer was written (Unix seconds),
and `answer_error` when the answer could not be written (the server was gone). The first attempt of about
one message in four is answered 500; about one request in four waits 0.2 to 0.8 s before its answer. Which
ones follows from SEED and the `webhook-id` (which the service draws). Signatures are not checked here:
scripts/webhooks-test.sh does that with the reference implementation."""
import hashlib
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

out_path, port_file, seed = sys.argv[1], sys.argv[2], sys.argv[3]
lock = threading.Lock()
# Attempts seen per webhook-id, so that only a message's first attempt fails.
attempts = {}
out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)


def draw(message_id, salt):
    """A number from 0 to 1 fixed by the seed, the message id and what it is drawn for."""
    digest = hashlib.sha256(f"{seed}:{salt}:{message_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def item_of(body):
    try:
        parsed = json.loads(body)
    except ValueError:
        return None, {}
    if not isinstance(parsed, dict):
        return None, {}
    data = parsed.get("data") if isinstance(parsed.get("data"), dict) else {}
    item = {name: data.get(name) for name in ("application_id", "action", "contact_id", "due_from")}
    return parsed.get("type"), item


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        arrived = time.time()
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        message_id = self.headers.get("webhook-id") or ""
        kind, item = item_of(body)
        with lock:
            attempt = attempts.get(message_id, 0) + 1
            attempts[message_id] = attempt
        status = 500 if attempt == 1 and draw(message_id, "fail") < 0.25 else 204
        # A request's own draw, so that a retry after a crash may be slow or not, whatever the first was.
        slow = draw(f"{message_id}:{attempt}", "slow")
        if slow < 0.25:
            time.sleep(0.2 + slow * 2.4)
        error = None
        try:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()
            self.wfile.flush()
        except OSError as failure:
            error = type(failure).__name__
        record = {"path": self.path, "id": message_id, "type": kind, **item, "attempt": attempt,
                  "status": status, "arrived": arrived, "answered": time.time()}
        if error:
            record["answer_error"] = error
        with lock:
            os.write(out, (json.dumps(record) + "\n").encode())

    def log_message(self, *_):
        pass

    def log_error(self, *_):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A connection the killed server dropped mid-request: nothing to record, nothing to print.
        pass


server = Server(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w", encoding="utf-8") as file:
    file.write(f"{server.server_address[1]}\n")
os.rename(port_file + ".tmp", port_file)
try:
    server.serve_forever()
except KeyboardInterrupt:
    pass
