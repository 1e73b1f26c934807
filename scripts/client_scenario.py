"""The seeker's first week through a client generated from openapi.yaml (scripts/client-test.sh).

Every request goes through the generated operations and every answer is read through the generated typed
models: a member read here exists only if the contract describes it, with the type it describes. The
times are fixed, so the verdicts are too: a resume sent on Monday 2 November 2026 through a recruiter, a
follow-up to the interviewer two days later refused for its timing and for going around the recruiter,
and that follow-up due to the recruiter once the wait is over.

Usage: client_scenario.py --base URL, with NOTAPEST_TOKEN in the environment and the generated package
`notapest_client` on PYTHONPATH. Exits non-zero at the first answer that is not the one expected.
"""

import argparse
import datetime
import os
import sys
import time

from notapest_client import AuthenticatedClient
from notapest_client.api.applications import create_application, get_application
from notapest_client.api.contacts import create_contact
from notapest_client.api.events import check_event, create_event, list_events
from notapest_client.api.guidance import get_agenda
from notapest_client.models import (
    Agenda,
    AgendaAction,
    AgendaItem,
    Application,
    ApplicationCreate,
    ApplicationStatus,
    CheckResult,
    Contact,
    ContactCreate,
    ContactRole,
    EventList,
    FollowUpEventCreate,
    Problem,
    ResumeSentEvent,
    ResumeSentEventCreate,
    ResumeSentEventCreated,
    Route,
    RuleId,
    Severity,
    Suggestion,
)

UTC = datetime.UTC
RESUME_SENT = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
FOLLOW_UP = datetime.datetime(2026, 11, 4, 9, 0, tzinfo=UTC)
# The wait of a recruiter route (wait_days_recruiter, 7 by default) ends at the start of the local date 7
# days after the resume's (docs/GUIDANCE.md, Waits of days): 00:00 on Monday 9 November, in the settings'
# time zone, UTC by default.
WAIT_ENDS = datetime.datetime(2026, 11, 9, 0, 0, tzinfo=UTC)


def expect(condition, what):
    if not condition:
        sys.exit(f"client scenario: {what}")


def typed(value, model, what):
    expect(isinstance(value, model), f"{what} is {type(value).__name__}, not {model.__name__}: {value!r}")
    return value


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    args = parser.parse_args()
    started = time.monotonic()
    token = os.environ["NOTAPEST_TOKEN"]
    client = AuthenticatedClient(base_url=args.base, token=token, raise_on_unexpected_status=True)

    with client:
        body = ContactCreate(name="Dana Reyes", role=ContactRole.RECRUITER, organization="Staffing Co",
                             email="dana@example.com")
        recruiter = typed(create_contact.sync(client=client, body=body), Contact, "the recruiter")
        expect(recruiter.role == ContactRole.RECRUITER, f"the recruiter's role is {recruiter.role!r}")
        body = ContactCreate(name="Sam Lee", role=ContactRole.INTERVIEWER, organization="Acme")
        interviewer = typed(create_contact.sync(client=client, body=body), Contact, "the interviewer")
        expect(interviewer.id != recruiter.id, "the two contacts share an id")

        body = ApplicationCreate(employer="Acme", position="Engineer", route=Route.RECRUITER_SUBMITTED,
                                 recruiter_id=recruiter.id)
        application = typed(create_application.sync(client=client, body=body), Application, "the application")
        expect(application.route == Route.RECRUITER_SUBMITTED, f"the route is {application.route!r}")
        expect(application.recruiter_id == recruiter.id, f"the recruiter is {application.recruiter_id!r}")
        expect(application.status == ApplicationStatus.ACTIVE, f"the status is {application.status!r}")
        expect(application.unanswered_follow_ups == 0, "a new application counts unanswered follow-ups")

        body = ResumeSentEventCreate(occurred_at=RESUME_SENT, contact_id=recruiter.id, channel="email")
        created = create_event.sync(application.id, client=client, body=body, idempotency_key="resume-acme")
        resume = typed(created, ResumeSentEventCreated, "the resume sent")
        expect(resume.kind == "resume_sent", f"the resume sent is a {resume.kind!r}")
        expect(resume.occurred_at == RESUME_SENT, f"the resume went at {resume.occurred_at!r}")
        expect(resume.contact_id == recruiter.id and resume.channel == "email", "the resume went elsewhere")
        expect(resume.warnings == [] and not resume.forced, "the resume sent was not stored plainly")

        timeline = typed(list_events.sync(application.id, client=client), EventList, "the timeline")
        expect(len(timeline.items) == 1, f"the timeline holds {len(timeline.items)} events")
        stored = typed(timeline.items[0], ResumeSentEvent, "the timeline's event")
        expect(stored.id == resume.id and stored.interviewer_ids == [], "the timeline's event is not the resume")

        # Ask first: a follow-up to the interviewer two days after the resume.
        follow_up = FollowUpEventCreate(occurred_at=FOLLOW_UP, contact_id=interviewer.id, channel="email")
        verdict = typed(check_event.sync(application.id, client=client, body=follow_up), CheckResult, "the check")
        expect(not verdict.allowed, "the check allows a follow-up two days after the resume")
        rules = {finding.rule for finding in verdict.violations}
        expect(rules == {RuleId.WAIT_BEFORE_FOLLOW_UP, RuleId.THROUGH_THE_RECRUITER},
               f"the check's violations are {sorted(rule.value for rule in rules)}")
        expect(all(finding.severity == Severity.BLOCK for finding in verdict.violations),
               "a violation is not a block")
        expect(verdict.earliest_allowed_at == WAIT_ENDS, f"the earliest follow-up is {verdict.earliest_allowed_at!r}")
        suggestion = typed(verdict.suggestion, Suggestion, "the suggestion")
        expect(suggestion.contact_id == recruiter.id, f"the suggestion names contact {suggestion.contact_id!r}")
        expect(suggestion.at == WAIT_ENDS, f"the suggestion is for {suggestion.at!r}")

        # Recording it anyway is refused with the same rules, and nothing is stored.
        refused = create_event.sync_detailed(application.id, client=client, body=follow_up)
        expect(refused.status_code == 422, f"recording the follow-up answered {refused.status_code}")
        problem = typed(refused.parsed, Problem, "the refusal")
        expect(problem.type_ == "/problems/guidance-violation", f"the refusal's type is {problem.type_!r}")
        expect({finding.rule for finding in problem.violations} == rules, "the refusal names other rules")
        timeline = typed(list_events.sync(application.id, client=client), EventList, "the timeline")
        expect([event.id for event in timeline.items] == [resume.id], "the refused follow-up was stored")
        as_of = WAIT_ENDS + datetime.timedelta(hours=1)
        after = typed(get_application.sync(application.id, client=client, as_of=as_of), Application,
                      "the application")
        expect(after.unanswered_follow_ups == 0, "the refused follow-up was counted")

        # The agenda once the wait is over: the follow-up is due, to the recruiter.
        agenda = typed(get_agenda.sync(client=client, as_of=as_of, horizon_days=7), Agenda, "the agenda")
        expect(agenda.as_of == as_of and agenda.horizon_days == 7, "the agenda is not for the time asked")
        items = [typed(item, AgendaItem, "an agenda item") for item in agenda.items]
        follow_ups = [item for item in items if item.action == AgendaAction.FOLLOW_UP]
        expect(len(follow_ups) == 1, f"the agenda holds {[item.action.value for item in items]}")
        due = follow_ups[0]
        expect(due.application_id == application.id and due.contact_id == recruiter.id,
               f"the follow-up is due for application {due.application_id} to contact {due.contact_id}")
        expect(due.due_from == WAIT_ENDS and not due.overdue, f"the follow-up is due from {due.due_from!r}")
        next_action = typed(after.next_action, AgendaItem, "the application's next action")
        expect(next_action.action == AgendaAction.FOLLOW_UP, f"the next action is {next_action.action!r}")

    print(f"client scenario: passed in {(time.monotonic() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
