// Dates as the seeker reads them: in the time zone of the settings (not the browser's), with the weekday,
// and relative to now where that helps. The API speaks UTC (RFC 3339); only this module converts.

const DAY = 86400000;
const formats = new Map();

function formatter(timeZone) {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone, weekday: 'short', day: 'numeric', month: 'numeric', year: 'numeric',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall clock of an instant in a zone: year, month (1-12), day, hour, minute, second, weekday. */
export function fields(date, timeZone) {
  const out = {};
  for (const part of formatter(timeZone).formatToParts(date)) out[part.type] = part.value;
  return {
    year: Number(out.year), month: Number(out.month), day: Number(out.day), hour: Number(out.hour) % 24,
    minute: Number(out.minute), second: Number(out.second), weekday: out.weekday,
    monthName: MONTHS[Number(out.month) - 1],
  };
}

// The service's own messages write months so ("Mon 16 Nov 2026"), whatever the browser's language.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function pad(n) {
  return String(n).padStart(2, '0');
}

/** The day number (days since 1970-01-01) of the local date an instant falls on. */
function dayNumber(date, timeZone) {
  const f = fields(date, timeZone);
  return Math.floor(Date.UTC(f.year, f.month - 1, f.day) / DAY);
}

/** "Mon 9 Nov, 09:00", with the year when it is not this year's. */
export function dateTime(value, timeZone, now = new Date()) {
  const date = new Date(value);
  const f = fields(date, timeZone);
  const year = f.year === fields(now, timeZone).year ? '' : ` ${f.year}`;
  return `${f.weekday} ${f.day} ${f.monthName}${year}, ${pad(f.hour)}:${pad(f.minute)}`;
}

/** "Mon 9 Nov", the local date only. */
export function day(value, timeZone, now = new Date()) {
  const date = new Date(value);
  const f = fields(date, timeZone);
  const year = f.year === fields(now, timeZone).year ? '' : ` ${f.year}`;
  return `${f.weekday} ${f.day} ${f.monthName}${year}`;
}

/** A `YYYY-MM-DD` date as "Mon 9 Nov 2026" (the date is no instant, so no zone applies). */
export function calendarDate(text) {
  const [y, m, d] = text.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d, 12));
  return `${date.toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' })} ${d} ${MONTHS[m - 1]} ${y}`;
}

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "in 3 days", "tomorrow", "today", "2 days ago", counted in local dates; within today, in hours. */
export function relative(value, timeZone, now = new Date()) {
  const date = new Date(value);
  const days = dayNumber(date, timeZone) - dayNumber(now, timeZone);
  if (days !== 0) return relativeFormat.format(days, 'day');
  const hours = Math.round((date - now) / 3600000);
  if (hours === 0) {
    const minutes = Math.round((date - now) / 60000);
    return minutes === 0 ? 'now' : relativeFormat.format(minutes, 'minute');
  }
  return relativeFormat.format(hours, 'hour');
}

/** "2 days overdue", "5 hours overdue", for a deadline already past. */
export function overdue(value, now = new Date()) {
  const late = now - new Date(value);
  if (late >= DAY) {
    const days = Math.floor(late / DAY);
    return `${days} ${days === 1 ? 'day' : 'days'} overdue`;
  }
  const hours = Math.max(1, Math.floor(late / 3600000));
  return `${hours} ${hours === 1 ? 'hour' : 'hours'} overdue`;
}

/** The due line of an agenda item: when it is due and how that stands against now. */
export function dueText(item, timeZone, now = new Date()) {
  if (item.overdue) return `Overdue since ${dateTime(item.due_by, timeZone)} (${overdue(item.due_by, now)})`;
  if (new Date(item.due_from) > now) return `From ${dateTime(item.due_from, timeZone)} (${relative(item.due_from, timeZone, now)})`;
  if (item.due_by) return `Due by ${dateTime(item.due_by, timeZone)} (${relative(item.due_by, timeZone, now)})`;
  return `Due since ${dateTime(item.due_from, timeZone)} (${relative(item.due_from, timeZone, now)})`;
}

/** The value of a `datetime-local` input showing an instant in the zone: "2026-11-09T09:00". */
export function toLocalInput(value, timeZone) {
  const f = fields(new Date(value), timeZone);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}`;
}

/** The `YYYY-MM-DD` local date of an instant in the zone. */
export function toLocalDate(value, timeZone) {
  const f = fields(new Date(value), timeZone);
  return `${f.year}-${pad(f.month)}-${pad(f.day)}`;
}

/** The instant a wall-clock time in the zone names, as RFC 3339 in UTC; null when the text is no such time. */
export function fromLocalInput(text, timeZone) {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text || '');
  if (!match) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part || 0));
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  // The zone's offset at a guess, then at the instant that guess gives: right on both sides of a change of
  // offset, and a wall time skipped by a change lands just after it.
  const offset = (instant) => {
    const f = fields(new Date(instant), timeZone);
    return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - instant;
  };
  const first = wall - offset(wall);
  const instant = wall - offset(first);
  return new Date(instant).toISOString();
}

/** Whether the browser knows a zone name (the server decides; this only spares a request). */
export function knownZone(timeZone) {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}
