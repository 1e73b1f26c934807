// Today: the agenda, overdue first, then what is due now, then what falls due in the coming days. Each item
// can be done (the event it asks for, through the guidance like any other), snoozed for two days, answered
// ("They replied"), or opened on its application.

import { byId, read, send } from './api.js';
import { dateTime, dueText } from './dates.js';
import { announce, h, heading, put } from './dom.js';
import { ACTIONS, applicationName, contactName, DONE_KIND, label } from './labels.js';
import { overrideControl, verdictView } from './verdict.js';

const HORIZON_DAYS = 14;
const SNOOZE_MS = 2 * 86400000;

function eventFor(item) {
  const event = { kind: DONE_KIND[item.action], occurred_at: new Date().toISOString() };
  if (item.contact_id !== null) event.contact_id = item.contact_id;
  if (item.channel) event.channel = item.channel;
  return event;
}

async function done(item, ctx, outcome) {
  if (item.action === 'record_directions') {
    location.hash = `#/applications/${item.application_id}?kind=directions`;
    return;
  }
  const event = eventFor(item);
  const path = `/v1/applications/${item.application_id}`;
  // Asked first, so that a refusal is shown with its reasons and nothing is stored behind the seeker's back.
  const verdict = await send('POST', `${path}/check`, event);
  if (verdict.allowed) {
    await send('POST', `${path}/events`, event);
    announce(`Done: ${label(ACTIONS, item.action).toLowerCase()}${item.contact_id ? ` (${contactName(ctx.contacts, item.contact_id)})` : ''}.`);
    ctx.rerender();
    return;
  }
  const application = ctx.applications.get(item.application_id);
  const usual = application?.recruiter_id ? contactName(ctx.contacts, application.recruiter_id) : 'the employer';
  const force = h('button', { type: 'button', class: 'danger', disabled: true, text: 'Record despite the guidance' });
  const override = overrideControl(verdict.violations, () => { force.disabled = !override.checkbox.checked; });
  force.addEventListener('click', async () => {
    force.disabled = true;
    try {
      await send('POST', `${path}/events`, { ...event, force: true });
      announce('Recorded against the guidance; the timeline keeps the rules it broke.');
      ctx.rerender();
    } catch (error) {
      outcome.replaceChildren(h('p', { class: 'error', text: error.message }));
    }
  });
  outcome.replaceChildren(
    verdictView(verdict, ctx, { usual, kind: event.kind, proposedAt: event.occurred_at }),
    h('p', {}, h('a', { href: `#/applications/${item.application_id}`, text: 'Open the application to do it another way' })),
    override.element, h('div', { class: 'buttons' }, force));
  outcome.querySelector('.verdict')?.setAttribute('tabindex', '-1');
  outcome.querySelector('.verdict')?.focus();
}

async function snooze(item, ctx, outcome) {
  const until = new Date(Date.now() + SNOOZE_MS).toISOString();
  try {
    await send('POST', '/v1/agenda/snoozes', {
      application_id: item.application_id, action: item.action, contact_id: item.contact_id, until,
    });
  } catch (error) {
    // A server without the route answers the router's own 404; a missing application would be a not-found problem.
    if (error.status === 404 && error.problem.type !== '/problems/not-found') {
      outcome.replaceChildren(h('p', { class: 'notice', text: 'Snoozing is not available on this server.' }));
      return;
    }
    throw error;
  }
  announce(`Snoozed until ${dateTime(until, ctx.tz)}.`);
  ctx.rerender();
}

async function replied(item, ctx) {
  const event = { kind: 'response', occurred_at: new Date().toISOString() };
  if (item.contact_id !== null) event.contact_id = item.contact_id;
  await send('POST', `/v1/applications/${item.application_id}/events`, event);
  announce(`Recorded a reply${item.contact_id ? ` from ${contactName(ctx.contacts, item.contact_id)}` : ''}.`);
  ctx.rerender();
}

function itemCard(item, ctx) {
  const application = ctx.applications.get(item.application_id);
  const who = contactName(ctx.contacts, item.contact_id);
  const outcome = h('div', { class: 'outcome', 'aria-live': 'polite' });
  const run = (action) => async (event) => {
    const button = event.currentTarget;
    button.disabled = true;
    try {
      await action(item, ctx, outcome);
    } catch (error) {
      outcome.replaceChildren(h('p', { class: 'error', role: 'alert', text: error.message }));
    } finally {
      if (button.isConnected) button.disabled = false;
    }
  };
  const title = `${label(ACTIONS, item.action)}${who ? `: ${who}` : ''}`;
  return h('li', { class: item.overdue ? 'card item overdue' : 'card item', 'data-action': item.action },
    h('h3', { text: title }),
    h('p', { class: 'meta' }, h('a', { href: `#/applications/${item.application_id}`, text: applicationName(application) })),
    h('p', { class: 'message', text: item.message }),
    h('p', { class: 'when', text: dueText(item, ctx.tz) }),
    item.snoozed_until ? h('p', { class: 'notice', text: `Snoozed until ${dateTime(item.snoozed_until, ctx.tz)}` }) : null,
    h('div', { class: 'buttons' },
      h('button', { type: 'button', class: 'primary', text: item.action === 'record_directions' ? 'Record them' : 'Done',
        'aria-label': item.action === 'record_directions' ? `Record them: ${applicationName(application)}` : `Done: ${title}`,
        on: { click: run(done) } }),
      h('button', { type: 'button', text: 'Snooze 2 days', 'aria-label': `Snooze 2 days: ${title}`, on: { click: run(snooze) } }),
      item.action === 'record_directions' ? null
        : h('button', { type: 'button', text: 'They replied', 'aria-label': `They replied: ${title}`, on: { click: run(replied) } }),
      h('a', { class: 'button-link', href: `#/applications/${item.application_id}`, text: 'Open the application' })),
    outcome);
}

function group(title, id, items, ctx) {
  if (items.length === 0) return null;
  return h('section', { 'aria-labelledby': id },
    h('h2', { id, text: `${title} (${items.length})` }),
    h('ul', { class: 'cards' }, items.map((item) => itemCard(item, ctx))));
}

export async function todayView(view, ctx) {
  const showSnoozed = ctx.params.get('snoozed') === '1';
  const [agenda, contacts, applications] = await Promise.all([
    read(`/v1/agenda?horizon_days=${HORIZON_DAYS}${showSnoozed ? '&include_snoozed=true' : ''}`),
    byId('/v1/contacts'), byId('/v1/applications'),
  ]);
  const full = { ...ctx, contacts, applications };
  const asOf = new Date(agenda.as_of);
  const overdueItems = agenda.items.filter((i) => i.overdue);
  const now = agenda.items.filter((i) => !i.overdue && new Date(i.due_from) <= asOf);
  const coming = agenda.items.filter((i) => new Date(i.due_from) > asOf);
  const toggle = h('a', { href: showSnoozed ? '#/today' : '#/today?snoozed=1', text: showSnoozed ? 'Hide snoozed items' : 'Show snoozed items too' });
  put(view,
    heading('Today'),
    h('p', { class: 'meta' }, `${dateTime(asOf, ctx.tz)} in ${ctx.tz}. What is due, and what falls due in the next ${HORIZON_DAYS} days. `, toggle),
    agenda.items.length === 0
      ? h('p', { class: 'empty', text: `Nothing is due, and nothing falls due in the next ${HORIZON_DAYS} days.` })
      : null,
    group('Overdue', 'overdue-heading', overdueItems, full),
    group('Due now', 'due-heading', now, full),
    group('Coming up', 'coming-heading', coming, full));
}
