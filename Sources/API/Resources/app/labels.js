// The words the page uses for the API's values.

export const KINDS = {
  resume_sent: 'Resume sent',
  follow_up: 'Follow-up',
  thank_you: 'Thank-you note',
  debrief: 'Debrief with the recruiter',
  touch_base: 'Check-in with the recruiter',
  keep_on_file_request: 'Asked to keep the resume on file',
  offer_disclosure: 'Told of another offer',
  response: 'Reply',
  interview: 'Interview',
  directions: 'Directions (what comes next)',
  pass: 'They passed',
  offer: 'Offer',
  referral_endorsement: 'Good word from a referral',
  note: 'Note',
};

/** Kinds by who made the contact, for grouping the choice. */
export const KIND_GROUPS = [
  ['You contacted them', ['resume_sent', 'follow_up', 'thank_you', 'debrief', 'touch_base', 'keep_on_file_request',
    'offer_disclosure']],
  ['They contacted you', ['response', 'directions', 'pass', 'offer']],
  ['Other', ['interview', 'referral_endorsement', 'note']],
];

export const ACTIONS = {
  send_thank_you: 'Send a thank-you note',
  debrief_recruiter: 'Debrief with the recruiter',
  record_directions: 'Record what comes next',
  follow_up: 'Follow up',
  touch_base: 'Check in with the recruiter',
};

/** The event that carries out an agenda item when the seeker says it is done. */
export const DONE_KIND = {
  send_thank_you: 'thank_you',
  debrief_recruiter: 'debrief',
  follow_up: 'follow_up',
  touch_base: 'touch_base',
};

export const ROUTES = {
  posted_opening: ['Posted opening', 'You applied to an opening the employer advertised.'],
  unsolicited: ['Unsolicited', 'You sent a resume with no opening advertised.'],
  recruiter_submitted: ['Through a recruiter', 'A recruiter put you forward to this employer.'],
  recruiter_general: ['With a recruiter', 'Your resume is with a recruiter; no employer approached yet.'],
};

export const STATUSES = {
  active: 'Active',
  on_file: 'On file',
  passed: 'Passed',
  offer: 'Offer',
  accepted: 'Accepted',
  withdrawn: 'Withdrawn',
};

export const ROLES = {
  recruiter: 'recruiter',
  interviewer: 'interviewer',
  hiring_manager: 'hiring manager',
  referral: 'referral',
  other: 'contact',
};

export const CHANNELS = {
  email: 'email',
  phone: 'phone',
  letter: 'letter',
  in_person: 'in person',
  video: 'video',
};

/** The settings' cadence parameters: label, unit and range (the server checks them; these only guide input). */
export const PARAMETERS = {
  wait_days_posted_opening: ['Wait after applying to a posted opening', 'days', 0, 365],
  wait_days_unsolicited: ['Wait after an unsolicited resume', 'days', 0, 365],
  wait_days_recruiter: ['Wait after a resume to or through a recruiter', 'days', 0, 365],
  follow_up_gap_days: ['Gap between unanswered follow-ups', 'days', 0, 365],
  max_unanswered_follow_ups: ['Unanswered follow-ups in a row, at most', 'follow-ups', 1, 20],
  recruiter_touch_base_days: ['Days between check-ins with a recruiter', 'days', 0, 365],
  thank_you_due_hours: ['Thank-you note due after an interview', 'hours', 1, 720],
  debrief_due_hours: ['Recruiter debrief due after an interview', 'hours', 1, 720],
  directions_due_hours: ['Directions to record after an interview', 'hours', 1, 720],
};

/** "Dana Reyes (recruiter, Staffing Co)", or "contact #7" for one the page does not know. */
export function contactName(contacts, id, { organization = false } = {}) {
  if (id === null || id === undefined) return null;
  const contact = contacts.get(id);
  if (!contact) return `contact #${id}`;
  const role = contact.role ? ROLES[contact.role] || contact.role : null;
  const extra = [role, organization ? contact.organization : null].filter(Boolean).join(', ');
  return extra ? `${contact.name} (${extra})` : contact.name;
}

/** "Engineer at Acme", or what is known of it. */
export function applicationName(application) {
  if (!application) return 'an application';
  const { employer, position } = application;
  if (employer && position) return `${position} at ${employer}`;
  return employer || position || `Application ${application.id}`;
}

export function label(table, value) {
  const entry = table[value];
  if (entry === undefined) return value ?? '';
  return Array.isArray(entry) ? entry[0] : entry;
}
