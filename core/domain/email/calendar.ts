// iCalendar for emails: the meeting as an invitation (REQUEST, or CANCEL; one UID per meeting, SEQUENCE growing with
// each change) and a task's deadline as an event to PUBLISH. Times carry Europe/Helsinki with its VTIMEZONE.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { TIME_ZONE, type MeetingInfo } from '../../contracts';

const PROD_ID = { company: 'Sopu', product: 'negotiation-cycles', language: 'FI' };
const MEETING_HOURS = 3;

function calendar(method: ICalCalendarMethod) {
  return ical({ prodId: PROD_ID, method, timezone: { name: TIME_ZONE, generator: getVtimezoneComponent } });
}

export const meetingUid = (cycleId: string): string => `meeting-${cycleId}@sopu`;

export function meetingInvitation(options: {
  cycleId: string;
  summary: string;
  description: string;
  meeting: MeetingInfo;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
  cancelled: boolean;
}): { method: 'REQUEST' | 'CANCEL'; content: string } {
  const method = options.cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const cal = calendar(method);
  const start = DateTime.fromISO(options.meeting.startsAt, { zone: TIME_ZONE });
  cal.createEvent({
    id: meetingUid(options.cycleId),
    // Each new version of the meeting is a change to the same event; a cancellation is one more change.
    sequence: options.meeting.version - 1 + (options.cancelled ? 1 : 0),
    start,
    end: start.plus({ hours: MEETING_HOURS }),
    timezone: TIME_ZONE,
    summary: options.summary,
    description: options.description,
    location: [options.meeting.location, options.meeting.link].filter(Boolean).join(', ') || null,
    url: options.meeting.link,
    organizer: { name: options.organizer.name, email: options.organizer.email },
    attendees: [{ name: options.attendee.name, email: options.attendee.email, rsvp: true }],
    status: options.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return { method: options.cancelled ? 'CANCEL' : 'REQUEST', content: cal.toString() };
}

export function deadlineEvent(options: {
  taskId: string;
  version: number;
  summary: string;
  description: string;
  deadline: string;
  url: string | null;
}): string {
  const cal = calendar(ICalCalendarMethod.PUBLISH);
  const due = DateTime.fromISO(options.deadline, { zone: TIME_ZONE });
  cal.createEvent({
    id: `deadline-${options.taskId}@sopu`,
    sequence: options.version - 1,
    start: due.minus({ minutes: 30 }),
    end: due,
    timezone: TIME_ZONE,
    summary: options.summary,
    description: options.description,
    url: options.url,
  });
  return cal.toString();
}
