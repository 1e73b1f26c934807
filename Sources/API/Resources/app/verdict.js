// The guidance's verdict on a proposed contact, for a person: allowed, or too soon until a date, or not
// this way, with what to do instead one click away; and the one way to record a refused contact anyway,
// an explicit confirmation that names the rules it breaks.

import { dateTime, relative } from './dates.js';
import { h, put } from './dom.js';
import { CHANNELS, contactName, label } from './labels.js';

function findings(title, list, className) {
  if (!list || list.length === 0) return null;
  return h('div', { class: className },
    h('p', { class: 'findings-title', text: title }),
    h('ul', {}, list.map((finding) => h('li', {},
      h('span', { text: finding.message }), ' ', h('code', { class: 'rule', text: finding.rule })))));
}

/** What to do instead: "Dana Reyes (recruiter) by email, from Mon 9 Nov, 00:00 (in 3 days)." */
export function suggestionText(suggestion, ctx, usual) {
  const who = suggestion.contact_id === null ? usual : contactName(ctx.contacts, suggestion.contact_id);
  const how = suggestion.channel ? ` by ${label(CHANNELS, suggestion.channel)}` : '';
  const when = `${dateTime(suggestion.at, ctx.tz)} (${relative(suggestion.at, ctx.tz)})`;
  return `${who}${how}, from ${when}.`;
}

/**
 * The verdict as a block of the page. `onSuggestion(suggestion)` is called by the button that takes the
 * suggestion; `usual` names the recipient of a suggestion without a contact; `kind` and `proposedAt` are the
 * proposal's.
 */
export function verdictView(verdict, ctx, { onSuggestion, usual = 'the usual recipient', kind, proposedAt } = {}) {
  if (verdict.allowed) {
    return h('div', { class: 'verdict ok' },
      h('p', { class: 'verdict-title', text: 'The guidance has no objection.' }),
      findings('A word of caution:', verdict.warnings, 'warnings'));
  }
  const block = h('div', { class: 'verdict refused' },
    h('p', { class: 'verdict-title', text: 'The guidance advises against this.' }));
  if (verdict.earliest_allowed_at && kind === 'follow_up') {
    const at = verdict.earliest_allowed_at;
    const soon = !proposedAt || new Date(at) > new Date(proposedAt);
    put(block, h('p', { class: 'when', text: soon
      ? `Too soon: a follow-up is fine from ${dateTime(at, ctx.tz)} (${relative(at, ctx.tz)}).`
      : `The timing is fine: follow-ups are allowed since ${dateTime(at, ctx.tz)}.` }));
  }
  put(block, findings('Why:', verdict.violations, 'violations'));
  const warnings = findings('Also:', verdict.warnings, 'warnings');
  if (warnings) put(block, warnings);
  if (verdict.suggestion) {
    const text = suggestionText(verdict.suggestion, ctx, usual);
    put(block, h('div', { class: 'suggestion' },
      h('p', {}, h('strong', { text: 'Instead: ' }), text),
      onSuggestion
        ? h('button', { type: 'button', class: 'primary', on: { click: () => onSuggestion(verdict.suggestion) },
          text: 'Use the suggestion' })
        : null));
  }
  return block;
}

/**
 * The confirmation that records a refused contact anyway: a checkbox whose label names every rule broken.
 * Returns `{ element, checkbox }`.
 */
export function overrideControl(violations, onChange) {
  const id = `override-${Math.random().toString(36).slice(2)}`;
  const rules = violations.map((v) => v.rule).join(', ');
  const checkbox = h('input', { type: 'checkbox', id, name: 'force', on: { change: onChange } });
  const element = h('div', { class: 'override' },
    h('div', { class: 'check' }, checkbox,
      h('label', { for: id, text: `Record it anyway, against the guidance. It breaks: ${rules}.` })),
    h('p', { class: 'hint', text: 'The entry keeps the rules it broke, and the timeline shows them.' }));
  return { element, checkbox };
}
