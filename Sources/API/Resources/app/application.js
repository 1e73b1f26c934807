// One application: its details, its next action, the form that records a contact (checked as it is
// filled in), and its timeline.

import { all, byId, get, send } from './api.js';
import { calendarDate, dateTime, dueText } from './dates.js';
import { announce, formError, h, heading, put, showProblem } from './dom.js';
import { applicationBody, applicationFields } from './applications.js';
import { eventForm } from './eventform.js';
import { ACTIONS, applicationName, CHANNELS, contactName, KINDS, label, ROUTES, STATUSES } from './labels.js';

/** A two-step button: the first press asks, the second does it. */
function confirmed(text, question, action) {
  const ask = h('button', { type: 'button', class: 'danger', text });
  const box = h('span', { class: 'confirm' }, ask);
  ask.addEventListener('click', () => {
    const yes = h('button', { type: 'button', class: 'danger', text: `Yes, ${text.toLowerCase()}` });
    const no = h('button', { type: 'button', text: 'Keep it' });
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      try {
        await action();
      } catch (error) {
        box.replaceChildren(h('span', { class: 'error', role: 'alert', text: error.message }));
      }
    });
    no.addEventListener('click', () => {
      box.replaceChildren(ask);
      ask.focus();
    });
    box.replaceChildren(h('span', { text: `${question} ` }), yes, ' ', no);
    yes.focus();
  });
  return box;
}

function eventLine(event, ctx) {
  const { contacts, applications, tz } = ctx;
  const who = contactName(contacts, event.contact_id);
  const parts = [
    h('p', { class: 'what' },
      h('strong', { text: label(KINDS, event.kind) }),
      who ? ` · ${who}` : '',
      event.channel ? ` · by ${label(CHANNELS, event.channel)}` : ''),
  ];
  if (event.interviewer_ids.length) {
    parts.push(h('p', { text: `Interviewers: ${event.interviewer_ids.map((id) => contactName(contacts, id)).join(', ')}` }));
  }
  if (event.kind === 'directions') {
    const said = [
      event.follow_up_after ? `follow up from ${calendarDate(event.follow_up_after)}` : null,
      event.follow_up_contact_id ? `with ${contactName(contacts, event.follow_up_contact_id)}` : null,
      event.follow_up_channel ? `by ${event.follow_up_channel}` : null,
      event.decision_expected_by ? `decision expected by ${calendarDate(event.decision_expected_by)}` : null,
    ].filter(Boolean);
    if (said.length) parts.push(h('p', { text: `They said: ${said.join(', ')}.` }));
  }
  if (event.other_application_id) {
    parts.push(h('p', { text: `The offer from ${applicationName(applications.get(event.other_application_id))}` }));
  }
  if (event.note) parts.push(h('p', { class: 'note', text: event.note }));
  if (event.forced) {
    parts.push(h('div', { class: 'forced' },
      h('p', { text: 'Recorded against the guidance:' }),
      h('ul', {}, event.violations.map((v) => h('li', {}, v.message, ' ', h('code', { class: 'rule', text: v.rule }))))));
  }
  return h('li', { class: 'event' },
    h('time', { datetime: event.occurred_at, text: dateTime(event.occurred_at, tz) }),
    h('div', { class: 'body' }, parts,
      confirmed('Delete', 'Delete this entry?', async () => {
        await send('DELETE', `/v1/applications/${event.application_id}/events/${event.id}`);
        announce('The entry is deleted.');
        ctx.rerender();
      })));
}

export async function applicationView(view, ctx, id) {
  const [{ data: application, etag }, events, contacts, applications] = await Promise.all([
    get(`/v1/applications/${id}`), all(`/v1/applications/${id}/events`), byId('/v1/contacts'), byId('/v1/applications'),
  ]);
  const full = { ...ctx, contacts, applications };
  const next = application.next_action;
  const recruiter = application.recruiter_id ? contactName(contacts, application.recruiter_id) : null;

  const details = h('form', { class: 'details', novalidate: true },
    h('div', { class: 'grid' }, applicationFields(contacts, application)), formError(),
    h('div', { class: 'buttons' },
      h('button', { type: 'submit', class: 'primary', text: 'Save the changes' }),
      confirmed('Delete the application', 'Delete it with its whole timeline?', async () => {
        await send('DELETE', `/v1/applications/${id}`, undefined, { 'If-Match': etag });
        announce(`${applicationName(application)} is deleted.`);
        location.hash = '#/applications';
      })));
  details.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await send('PATCH', `/v1/applications/${id}`, applicationBody(details), { 'If-Match': etag });
      announce('The application is saved.');
      ctx.rerender();
    } catch (error) {
      showProblem(details, error);
    }
  });

  const form = eventForm(full, application, {
    kind: ctx.params.get('kind') || 'follow_up',
    onRecorded: () => ctx.rerender(),
  });

  put(view,
    heading(applicationName(application)),
    h('p', { class: 'meta' },
      h('span', { class: `badge status-${application.status}`, text: label(STATUSES, application.status) }), ' ',
      label(ROUTES, application.route),
      recruiter ? ' · recruiter ' : '',
      recruiter ? h('a', { href: `#/contacts/${application.recruiter_id}`, text: recruiter }) : '',
      application.unanswered_follow_ups ? ` · ${application.unanswered_follow_ups} unanswered follow-ups` : ''),
    h('section', { class: 'next-action', 'aria-labelledby': 'next-heading' },
      h('h2', { id: 'next-heading', text: 'Next action' }),
      next
        ? h('div', { class: next.overdue ? 'card overdue' : 'card' },
          h('p', {}, h('strong', { text: label(ACTIONS, next.action) })),
          h('p', { text: next.message }),
          h('p', { class: 'when', text: dueText(next, ctx.tz) }))
        : h('p', { class: 'empty', text: 'Nothing is due on this application.' })),
    h('section', { 'aria-labelledby': 'record-heading' },
      h('h2', { id: 'record-heading', text: 'Record a contact' }),
      h('p', { class: 'hint', text: 'The guidance answers as you fill this in; nothing is saved until you record it.' }),
      form),
    h('section', { 'aria-labelledby': 'timeline-heading' },
      h('h2', { id: 'timeline-heading', text: 'Timeline' }),
      events.length
        ? h('ol', { class: 'timeline' }, events.map((e) => eventLine(e, { ...full, rerender: ctx.rerender })))
        : h('p', { class: 'empty', text: 'Nothing recorded yet.' })),
    h('section', { 'aria-labelledby': 'details-heading' },
      h('h2', { id: 'details-heading', text: 'Details' }), details));
}
