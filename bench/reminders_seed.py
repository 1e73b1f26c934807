#!/usr/bin/env python3
"""Adds applications to a NotAPest database (schema already created, server stopped) whose agenda
items fall due at chosen instants, for the reminders' bench. Each new application gets one event
and nothing else, so each brings exactly one item of the kind asked for; its ids follow those
already there.

  reminders_seed.py DB follow_up COUNT DUE_MS ZONE
      a posted opening with one resume, sent on the local date (in ZONE) 7 days before that of
      DUE_MS, which must be a local midnight in ZONE: with weekends not skipped, its follow_up item
      falls due at DUE_MS exactly.
  reminders_seed.py DB interview COUNT FIRST_MS [SPREAD_MS]
      an interview with one interviewer at FIRST_MS + i * SPREAD_MS / COUNT: its send_thank_you
      item falls due at that instant (GUIDANCE.md: the interview's occurred_at).
  reminders_seed.py --pick-midnight LEAD_S
      prints "ZONE MIDNIGHT_MS" for each zone (canonical names and Etc/GMT offsets) whose next
      local midnight is at least LEAD_S seconds away, soonest first: a follow-up falls due at the
      start of a local date, so the zone sets when."""
import datetime
import sqlite3
import sys
import time
import zoneinfo

DAY_MS = 86_400_000


def zones():
    names = {f"Etc/GMT{sign}{hours}" for sign in "+-" for hours in range(1, 15)} | {"UTC"}
    try:
        with open("/usr/share/zoneinfo/zone1970.tab", encoding="utf-8") as table:
            names |= {line.split("\t")[2].strip() for line in table if line.strip() and not line.startswith("#")}
    except OSError:
        names |= {name for name in zoneinfo.available_timezones() if "/" in name}
    found = []
    for name in names:
        try:
            found.append((name, zoneinfo.ZoneInfo(name)))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass
    return found


def pick_midnight(lead_seconds):
    earliest = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=lead_seconds)
    candidates = []
    for name, zone in zones():
        local = earliest.astimezone(zone)
        midnight = datetime.datetime.combine(local.date() + datetime.timedelta(days=1), datetime.time(), zone)
        candidates.append((int(midnight.timestamp() * 1000), name))
    for midnight_ms, name in sorted(candidates):
        print(name, midnight_ms)


def seed(db_path, kind, count, first_ms, extra):
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA synchronous=OFF")
    now = int(time.time() * 1000)
    contact = (db.execute("SELECT max(id) FROM contacts").fetchone()[0] or 0) + 1
    application = (db.execute("SELECT max(id) FROM applications").fetchone()[0] or 0) + 1
    event = (db.execute("SELECT max(id) FROM events").fetchone()[0] or 0) + 1
    role = "interviewer" if kind == "interview" else "hiring manager"
    contacts = [(contact + i, f"Bench Contact {i}", role, now, now) for i in range(50)]
    db.executemany("INSERT INTO contacts(id, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)", contacts)
    applications, events, interviewers = [], [], []
    if kind == "follow_up":
        zone = zoneinfo.ZoneInfo(extra[0])
        due = datetime.datetime.fromtimestamp(first_ms / 1000, zone)
        if (due.hour, due.minute, due.second, due.microsecond) != (0, 0, 0, 0):
            sys.exit(f"{first_ms} is not a local midnight in {extra[0]}")
        # Noon on the local date a week before: the 7-day wait of a posted opening ends at the due date's start.
        sent = datetime.datetime.combine(due.date() - datetime.timedelta(days=7), datetime.time(12), zone)
        sent_ms = int(sent.timestamp() * 1000)
    spread = int(extra[0]) if kind == "interview" and extra else 0
    for i in range(count):
        app_id = application + i
        who = contact + i % 50
        applications.append((app_id, f"Bench Employer {i}", "Engineer", "posted_opening", now, now))
        if kind == "follow_up":
            events.append((event + i, app_id, "resume_sent", sent_ms, who, "email", now))
        else:
            events.append((event + i, app_id, "interview", first_ms + spread * i // count, who, "video", now))
            interviewers.append((event + i, 0, who))
    db.executemany(
        "INSERT INTO applications(id, employer, position, route, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        applications)
    db.executemany(
        "INSERT INTO events(id, application_id, kind, occurred_at, contact_id, channel, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)", events)
    db.executemany("INSERT INTO event_interviewers(event_id, position, contact_id) VALUES (?, ?, ?)", interviewers)
    db.commit()


def main(argv):
    if len(argv) == 3 and argv[1] == "--pick-midnight":
        pick_midnight(float(argv[2]))
    elif len(argv) >= 5 and argv[2] in ("follow_up", "interview"):
        seed(argv[1], argv[2], int(argv[3]), int(argv[4]), argv[5:])
    else:
        sys.exit(__doc__)


main(sys.argv)
