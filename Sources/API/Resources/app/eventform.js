// The form that records a contact on an application's timeline. While the seeker fills it in, it asks
// `POST /v1/applications/{id}/check` and shows the verdict before anything is saved; a refused contact is
// stored only after the labelled confirmation, and then with `force`, so that it keeps the rules it broke.

import { send } from './api.js';
import { fromLocalInput, toLocalInput } from './dates.js';
import { announce, clearProblem, field, formError, h, put, showProblem, uid, values } from './dom.js';
import { applicationName, CHANNELS, contactName, KIND_GROUPS, KINDS, label } from './labels.js';
import { overrideControl, verdictView } from './verdict.js';

const ONLY = {
  interview: ['interviewer_ids'],
  directions: ['follow_up_after', 'follow_up_contact_id', 'follow_up_channel', 'decision_expected_by'],
  offer_disclosure: ['other_application_id'],
};
const CONDITIONAL = Object.values(ONLY).flat();

function debounce(action, ms) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, ms);
  };
}

/** The people to pick from, recruiters and interviewers first. */
function contactOptions(contacts, first) {
  const order = { recruiter: 0, interviewer: 1, hiring_manager: 2, referral: 3 };
  const sorted = [...contacts.values()].sort((a, b) =>
    (order[a.role] ?? 9) - (order[b.role] ?? 9) || a.name.localeCompare(b.name));
  return [['', first], ...sorted.map((c) => [String(c.id), contactName(contacts, c.id, { organization: true })])];
}

/**
 * The form for `application`. `ctx` holds the zone, the contacts and the applications by id;
 * `onRecorded(event)` runs after a contact is stored.
 */
export function eventForm(ctx, application, { kind = 'follow_up', onRecorded }) {
  const { tz, contacts } = ctx;
  const recruiter = application.recruiter_id ? contactName(contacts, application.recruiter_id) : null;
  const usual = recruiter || 'the employer';
  const form = h('form', { class: 'event-form', novalidate: true });

  const kindField = field({
    label: 'What happened, or what you mean to do', name: 'kind', type: 'select', value: kind,
    options: KIND_GROUPS.map(([group, kinds]) => [group, kinds.map((k) => [k, KINDS[k]])]),
  });
  const when = field({
    label: 'When', name: 'occurred_at', type: 'datetime-local', required: true,
    value: toLocalInput(new Date(), tz), hint: `Your time zone: ${tz}. A time ahead asks whether it will be fine then.`,
  });
  const contact = field({
    label: 'With whom', name: 'contact_id', type: 'select',
    options: contactOptions(contacts, recruiter ? `The recruiter, as usual (${recruiter})` : 'Nobody in particular (the employer)'),
  });
  const listId = uid('channels');
  const channel = field({
    label: 'How', name: 'channel', hint: 'email, phone or letter for contact you make; in_person or video for an interview.',
    attrs: { list: listId, autocomplete: 'off', spellcheck: 'false' },
  });
  const interviewers = h('fieldset', { class: 'field', 'data-field': 'interviewer_ids' },
    h('legend', { text: 'Who interviewed you' }),
    [...contacts.values()].map((c) => {
      const id = uid('interviewer');
      return h('div', { class: 'check' },
        h('input', { type: 'checkbox', id, name: 'interviewer_ids', value: String(c.id), 'data-multi': '1' }),
        h('label', { for: id, text: contactName(contacts, c.id, { organization: true }) }));
    }),
    contacts.size === 0 ? h('p', { class: 'hint', text: 'Add the people on the Contacts page first.' }) : null,
    h('p', { class: 'error', hidden: true }));
  const followAfter = field({ label: 'Follow up from', name: 'follow_up_after', type: 'date' });
  const followWith = field({
    label: 'Follow up with', name: 'follow_up_contact_id', type: 'select',
    options: contactOptions(contacts, 'Nobody named'),
  });
  const followHow = field({
    label: 'Follow up by', name: 'follow_up_channel', type: 'select',
    options: [['', 'Not said'], ['email', 'email'], ['phone', 'phone'], ['letter', 'letter']],
  });
  const decisionBy = field({ label: 'Decision expected by', name: 'decision_expected_by', type: 'date' });
  const others = [...ctx.applications.values()].filter((a) => a.id !== application.id);
  const otherApplication = field({
    label: 'The application that made the offer', name: 'other_application_id', type: 'select',
    options: [['', 'Choose one'], ...others.map((a) => [String(a.id), `${applicationName(a)} (${a.status})`])],
  });
  const note = field({ label: 'Note', name: 'note', type: 'textarea' });
  const verdictBox = h('div', { class: 'verdict-box', 'aria-live': 'polite', tabindex: '-1' });
  const overrideBox = h('div');
  const submit = h('button', { type: 'submit', class: 'primary', text: 'Record' });
  const problem = formError();

  put(form,
    h('div', { class: 'grid' }, kindField, when, contact, channel),
    h('datalist', { id: listId }, Object.keys(CHANNELS).map((c) => h('option', { value: c }))),
    interviewers,
    h('div', { class: 'grid' }, followAfter, followWith, followHow, decisionBy),
    otherApplication, note, verdictBox, overrideBox, problem, h('div', { class: 'buttons' }, submit));

  const wrappers = { interviewer_ids: interviewers, follow_up_after: followAfter, follow_up_contact_id: followWith,
    follow_up_channel: followHow, decision_expected_by: decisionBy, other_application_id: otherApplication };

  function showKind() {
    const chosen = kindField.control.value;
    for (const name of CONDITIONAL) {
      const shown = (ONLY[chosen] || []).includes(name);
      wrappers[name].hidden = !shown;
      for (const control of wrappers[name].querySelectorAll('input, select')) control.disabled = !shown;
    }
  }

  /** The event as the API takes it, or null when the form cannot make one yet. */
  function body() {
    const v = values(form);
    const occurred = fromLocalInput(v.occurred_at, tz);
    if (!occurred) return null;
    const event = { kind: v.kind, occurred_at: occurred };
    if (v.contact_id) event.contact_id = Number(v.contact_id);
    if (v.channel) event.channel = v.channel;
    if (v.note) event.note = v.note;
    if (v.kind === 'interview') event.interviewer_ids = (v.interviewer_ids || []).map(Number);
    if (v.kind === 'directions') {
      for (const name of ['follow_up_after', 'follow_up_channel', 'decision_expected_by']) if (v[name]) event[name] = v[name];
      if (v.follow_up_contact_id) event.follow_up_contact_id = Number(v.follow_up_contact_id);
    }
    if (v.kind === 'offer_disclosure' && v.other_application_id) event.other_application_id = Number(v.other_application_id);
    return event;
  }

  let latest = null;
  let turn = 0;
  let override = null;

  function showVerdict(verdict, event) {
    verdictBox.replaceChildren(verdictView(verdict, ctx,
      { onSuggestion: useSuggestion, usual, kind: event.kind, proposedAt: event.occurred_at }));
    overrideBox.replaceChildren();
    override = null;
    submit.textContent = 'Record';
    if (!verdict.allowed) {
      override = overrideControl(verdict.violations, () => {
        submit.textContent = override.checkbox.checked ? 'Record despite the guidance' : 'Record';
      });
      overrideBox.append(override.element);
    }
  }

  async function check() {
    const event = body();
    if (!event) {
      latest = null;
      verdictBox.replaceChildren(h('p', { class: 'hint', text: 'Give the date and time to see what the guidance says.' }));
      overrideBox.replaceChildren();
      return;
    }
    const key = JSON.stringify(event);
    if (latest && latest.key === key) return;
    const mine = ++turn;
    verdictBox.replaceChildren(h('p', { class: 'hint', text: 'Asking the guidance…' }));
    try {
      const verdict = await send('POST', `/v1/applications/${application.id}/check`, event);
      if (mine !== turn) return;
      clearProblem(form);
      latest = { key, verdict };
      showVerdict(verdict, event);
    } catch (error) {
      if (mine !== turn) return;
      latest = null;
      verdictBox.replaceChildren();
      overrideBox.replaceChildren();
      showProblem(form, error);
    }
  }

  function useSuggestion(suggestion) {
    contact.control.value = suggestion.contact_id === null ? '' : String(suggestion.contact_id);
    channel.control.value = suggestion.channel || '';
    when.control.value = toLocalInput(suggestion.at, tz);
    announce('The suggestion is filled in; asking the guidance again.');
    check();
    submit.focus();
  }

  const later = debounce(check, 300);
  form.addEventListener('input', later);
  form.addEventListener('change', (event) => {
    if (event.target === kindField.control) showKind();
    if (event.target.name !== 'force') later();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const proposed = body();
    if (!proposed) {
      showProblem(form, { problem: { detail: 'Give the date and time.', errors: [{ field: 'occurred_at', message: 'Give a date and a time.' }] } });
      return;
    }
    const key = JSON.stringify(proposed);
    if (!latest || latest.key !== key) await check();
    if (!latest || latest.key !== key) return;
    const refused = !latest.verdict.allowed;
    if (refused && !(override && override.checkbox.checked)) {
      announce('Not recorded: the guidance advises against it. Take the suggestion, or confirm that you record it anyway.');
      verdictBox.focus();
      return;
    }
    submit.disabled = true;
    try {
      const created = await send('POST', `/v1/applications/${application.id}/events`, refused ? { ...proposed, force: true } : proposed);
      const warned = (created.warnings || []).map((w) => w.message).join(' ');
      announce(`Recorded: ${label(KINDS, created.kind)}.${created.forced ? ' It is marked as recorded against the guidance.' : ''}${warned ? ` ${warned}` : ''}`);
      onRecorded?.(created);
    } catch (error) {
      if (error.status === 422 && error.problem.violations) {
        // Judged again on storing, against what changed since the check: show that refusal instead.
        latest = { key, verdict: { allowed: false, earliest_allowed_at: null, violations: error.problem.violations,
          warnings: error.problem.warnings || [], suggestion: null } };
        showVerdict(latest.verdict, proposed);
        verdictBox.focus();
      } else showProblem(form, error);
    } finally {
      submit.disabled = false;
    }
  });

  showKind();
  queueMicrotask(check);
  return form;
}
