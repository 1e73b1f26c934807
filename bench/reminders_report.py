#!/usr/bin/env python3
"""Reads what bench/receiver.c recorded and prints, for the item messages (agenda.item_due) that
arrived on paths starting with PREFIX, the delay from each item's due_from to its arrival:
"COUNT P50_MS P99_MS MAX_MS FIRST_MS LAST_MS", the last two being the first and last arrival
after the earliest due_from. usage: reminders_report.py RECEIVED PREFIX"""
import datetime
import json
import sys


def percentile(values, fraction):
    return values[min(len(values) - 1, int(fraction * len(values)))]


received, prefix = sys.argv[1], sys.argv[2]
delays, arrivals, dues = [], [], []
with open(received, encoding="utf-8", errors="replace") as lines:
    for line in lines:
        parts = line.rstrip("\n").split(" ", 2)
        if len(parts) < 3 or not parts[1].startswith(prefix):
            continue
        try:
            body = json.loads(parts[2])
        except ValueError:
            continue
        if body.get("type") != "agenda.item_due":
            continue
        due = datetime.datetime.fromisoformat(body["data"]["due_from"].replace("Z", "+00:00")).timestamp() * 1000
        arrived = int(parts[0]) / 1000
        delays.append(arrived - due)
        arrivals.append(arrived)
        dues.append(due)
if not delays:
    print("0 - - - - -")
    sys.exit()
delays.sort()
start = min(dues)
print(f"{len(delays)} {percentile(delays, 0.5):.0f} {percentile(delays, 0.99):.0f} {delays[-1]:.0f}"
      f" {min(arrivals) - start:.0f} {max(arrivals) - start:.0f}")
