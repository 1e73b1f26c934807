#!/usr/bin/env python3
"""Measures the API while the reminders work, lightly enough not to be what loads it: one GET of
/v1/applications/{random id} every INTERVAL_MS over one kept-alive connection until UNTIL_MS (wall
clock), each recorded as "SENT_MS LATENCY_MS" in OUT. usage: api_probe.py PORT APPS UNTIL_MS
INTERVAL_MS OUT

  api_probe.py --summary OUT SPLIT_MS    prints "p50 p99 max" in ms of the requests sent before
                                         SPLIT_MS, then of those sent at or after it"""
import http.client
import random
import sys
import time


def summary(path, split):
    before, after = [], []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            sent, latency = line.split()
            (before if float(sent) < split else after).append(float(latency))
    out = []
    for values in (before, after):
        values.sort()
        if values:
            out += [f"{values[len(values) // 2]:.2f}", f"{values[min(len(values) - 1, int(0.99 * len(values)))]:.2f}",
                    f"{values[-1]:.2f}"]
        else:
            out += ["-", "-", "-"]
    print(" ".join(out))


def probe(port, apps, until, interval, out_path):
    rng = random.Random(11)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    with open(out_path, "w", encoding="utf-8") as out:
        next_at = time.time()
        while time.time() * 1000 < until:
            sent = time.time()
            started = time.perf_counter()
            connection.request("GET", f"/v1/applications/{rng.randint(1, apps)}")
            response = connection.getresponse()
            response.read()
            out.write(f"{sent * 1000:.0f} {(time.perf_counter() - started) * 1000:.3f}\n")
            next_at += interval / 1000
            time.sleep(max(0, next_at - time.time()))


if sys.argv[1] == "--summary":
    summary(sys.argv[2], float(sys.argv[3]))
else:
    probe(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
