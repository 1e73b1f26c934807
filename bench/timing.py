#!/usr/bin/env python3
"""Times one GET over a kept-alive connection: prints the first (cold) time and the median of
the next RUNS, in milliseconds. usage: timing.py PORT PATH RUNS"""
import http.client
import statistics
import sys
import time

port, path, runs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)


def once():
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: {response.status} {body[:200]!r}")
    return (time.perf_counter() - start) * 1000, len(body)


cold, size = once()
times = [once()[0] for _ in range(runs)]
print(f"{cold:.1f} {statistics.median(times):.1f} {size}")
