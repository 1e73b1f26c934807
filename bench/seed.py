#!/usr/bin/env python3
"""Seeds a NotAPest database (schema already created by the server) with synthetic data:
APPS applications, each with about EVENTS events, spread over recruiters and interviewers.
usage: seed.py DB APPS EVENTS_PER_APP"""
import random
import sqlite3
import sys

db_path, apps, per_app = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(7)
db = sqlite3.connect(db_path)
db.execute("PRAGMA synchronous=OFF")
now = 1_793_000_000_000
day = 86_400_000

contacts = [(i, f"Contact {i}", "recruiter" if i <= 50 else "interviewer", now, now) for i in range(1, 1001)]
db.executemany(
    "INSERT INTO contacts(id, name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?)", contacts)

routes = ["posted_opening", "unsolicited", "recruiter_submitted", "recruiter_general"]
applications = []
for i in range(1, apps + 1):
    route = routes[i % 4]
    recruiter = (i % 50) + 1 if route.startswith("recruiter") else None
    applications.append((i, f"Employer {i}", "Engineer", route, recruiter, now, now))
db.executemany(
    "INSERT INTO applications(id, employer, position, route, recruiter_id, created_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)", applications)

# A plausible timeline: resume, follow-ups, a response, an interview with a thank-you, directions.
plan = ["resume_sent", "follow_up", "response", "interview", "thank_you", "debrief", "directions",
        "follow_up", "note", "touch_base"]
events, interviewers = [], []
event_id = 0
for app_id, _, _, route, recruiter, _, _ in applications:
    start = now - rng.randint(0, 60) * day
    for n in range(per_app):
        event_id += 1
        kind = plan[n % len(plan)]
        occurred = start + n * 3 * day
        contact = recruiter if recruiter else 51 + (app_id % 900)
        channel = "email" if kind not in ("interview", "note", "response") else None
        follow_up_after = None
        if kind == "directions":
            follow_up_after = "2026-12-01"
        events.append((event_id, app_id, kind, occurred, contact, channel, follow_up_after, now))
        if kind == "interview":
            interviewers.append((event_id, 0, 51 + (app_id % 900)))
db.executemany(
    "INSERT INTO events(id, application_id, kind, occurred_at, contact_id, channel, follow_up_after, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events)
db.executemany("INSERT INTO event_interviewers(event_id, position, contact_id) VALUES (?, ?, ?)", interviewers)
db.commit()
print(f"seeded {apps} applications, {event_id} events")
