#!/usr/bin/env python3
"""A webhook receiver for the reminders' end-to-end checks: it verifies every request's Standard
Webhooks signature with the `standardwebhooks` package (the reference implementation, not the
service's own code), records each request as one JSON line, and can fail the first requests.

    pip install standardwebhooks
    scripts/webhook_receiver.py --secret whsec_... --out received.jsonl [--port 0] [--port-file F]
                                [--fail-status 500 --fail-count 2 [--retry-after 1]]

Each line of --out is {"id", "type", "verified", "verified_by", "status", "timestamp"} (and "error"
when the signature did not verify): the webhook-id, the body's type, whether a signature matched one
of the --secret values, which of them did (their positions among the --secret options, from 0: a
message sent while a rotated secret overlaps the new one verifies with both), the status answered,
and the webhook-timestamp. The first --fail-count requests
are answered --fail-status (with Retry-After when given), the others 204. It listens on 127.0.0.1
only; with --port 0 the kernel picks the port, written to --port-file and to stdout."""
import argparse
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook, WebhookVerificationError


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--secret", action="append", required=True,
                        help="a whsec_ secret to verify with; repeat it to accept any of several")
    parser.add_argument("--out", required=True, help="the file the JSON lines are appended to")
    parser.add_argument("--port", type=int, default=0, help="the port on 127.0.0.1 (0: any free one)")
    parser.add_argument("--port-file", help="a file to write the port to once listening")
    parser.add_argument("--fail-status", type=int, default=500, help="the status of the failed answers")
    parser.add_argument("--fail-count", type=int, default=0, help="how many requests to fail first")
    parser.add_argument("--retry-after", help="a Retry-After value sent with the failed answers")
    return parser.parse_args(argv)


class Receiver:
    """What the handlers share: the verifiers, the output file and the count of requests."""

    def __init__(self, options):
        self.webhooks = [Webhook(secret) for secret in options.secret]
        self.options = options
        self.lock = threading.Lock()
        self.count = 0
        self.out = open(options.out, "a", encoding="utf-8")

    def verify(self, body, headers):
        """(positions, error): the secrets under which a signature in the headers matches the body."""
        error = None
        positions = []
        for position, webhook in enumerate(self.webhooks):
            try:
                webhook.verify(body, headers, json_parse=False)
                positions.append(position)
            except WebhookVerificationError as failure:
                error = str(failure)
        return positions, None if positions else error

    def receive(self, body, headers):
        """Verifies and records one request; returns (status, headers) to answer."""
        verified_by, error = self.verify(body, headers)
        try:
            kind = json.loads(body).get("type")
        except (ValueError, AttributeError):
            kind = None
        with self.lock:
            self.count += 1
            failing = self.count <= self.options.fail_count
            status = self.options.fail_status if failing else 204
            record = {"id": headers.get("webhook-id"), "type": kind, "verified": bool(verified_by),
                      "verified_by": verified_by, "status": status, "timestamp": headers.get("webhook-timestamp")}
            if error:
                record["error"] = error
            self.out.write(json.dumps(record) + "\n")
            self.out.flush()
        answer = {"Retry-After": self.options.retry_after} if failing and self.options.retry_after else {}
        return status, answer


def handler_for(receiver):
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            status, answer = receiver.receive(body, headers)
            self.send_response(status)
            for name, value in answer.items():
                self.send_header(name, value)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *_):
            pass

    return Handler


def main(argv):
    options = parse_arguments(argv)
    receiver = Receiver(options)
    server = ThreadingHTTPServer(("127.0.0.1", options.port), handler_for(receiver))
    port = server.server_address[1]
    if options.port_file:
        with open(options.port_file, "w", encoding="utf-8") as file:
            file.write(f"{port}\n")
    print(f"listening on 127.0.0.1:{port}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main(sys.argv[1:])
