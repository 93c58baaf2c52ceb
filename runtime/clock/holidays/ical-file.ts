/**
 * `holidays from "company.ics"`: every all-day event of an iCalendar file
 * (DTSTART;VALUE=DATE) is a holiday on each of its days (DTEND exclusive, one
 * day when absent). Recurring events recur (RRULE, RDATE, EXDATE, and moved
 * occurrences by RECURRENCE-ID). Timed events are ignored: a file of meetings
 * must not close the calendar. Cancelled events (STATUS:CANCELLED) are ignored.
 */
import ICAL from 'ical.js';
import type { HolidayFileModel } from '../../../language/model/model.js';
import { dayFromCivil } from '../civil.js';
import type { HolidayDay, HolidaySource } from './source.js';

type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalEvent = InstanceType<typeof ICAL.Event>;

/** The events of a file that may give holidays, parsed once. Throws a RangeError naming the file when it is not iCalendar. */
function allDayEventsOf(calendarName: string, file: HolidayFileModel): IcalEvent[] {
  let root: InstanceType<typeof ICAL.Component>;
  try {
    root = new ICAL.Component(ICAL.parse(file.ics) as unknown[]);
  } catch (error) {
    throw new RangeError(`Calendar ${calendarName}: "${file.path}" is not an iCalendar file (${(error as Error).message}).`);
  }
  const masters = new Map<string, IcalEvent>();
  const exceptions: InstanceType<typeof ICAL.Component>[] = [];
  const events: IcalEvent[] = [];
  for (const component of root.getAllSubcomponents('vevent')) {
    if (component.hasProperty('recurrence-id')) {
      exceptions.push(component);
      continue;
    }
    const event = new ICAL.Event(component);
    events.push(event);
    if (event.uid) masters.set(event.uid, event);
  }
  for (const exception of exceptions) {
    const uid = String(exception.getFirstPropertyValue('uid') ?? '');
    const master = masters.get(uid);
    if (master) master.relateException(exception);
    else events.push(new ICAL.Event(exception)); // a moved occurrence without its series: an event of its own
  }
  return events.filter((event) => event.startDate?.isDate === true && !isCancelled(event.component));
}

function isCancelled(component: InstanceType<typeof ICAL.Component>): boolean {
  return String(component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

function dayOf(time: IcalTime): number {
  return dayFromCivil(time.year, time.month, time.day);
}

/** The days of one occurrence: DTEND is exclusive; at least its start day. */
function pushDays(into: HolidayDay[], name: string, from: string, start: IcalTime, end: IcalTime | null | undefined, firstDay: number, lastDay: number): void {
  if (!start.isDate) return; // an occurrence moved to a time of day is no longer all-day
  const first = dayOf(start);
  const after = end ? Math.max(first + 1, dayOf(end)) : first + 1;
  for (let day = Math.max(first, firstDay); day < Math.min(after, lastDay); day++) into.push({ day, name, origin: 'file', from });
}

/** The all-day events of one file, as a source; occurrences are expanded per year when asked. */
export function icalHolidaySource(calendarName: string, file: HolidayFileModel): HolidaySource {
  const events = allDayEventsOf(calendarName, file);
  return {
    holidaysOfYear(year) {
      const days: HolidayDay[] = [];
      const firstDay = dayFromCivil(year, 1, 1);
      const lastDay = dayFromCivil(year + 1, 1, 1);
      for (const event of events) {
        const name = event.summary || 'Holiday';
        if (!event.isRecurring()) {
          pushDays(days, name, file.path, event.startDate, event.endDate, firstDay, lastDay);
          continue;
        }
        // Occurrences in date order; a multi-day one starting in December may reach into `year`.
        const lengthDays = Math.max(1, event.endDate ? dayOf(event.endDate) - dayOf(event.startDate) : 1);
        const expansion = event.iterator();
        for (let next = expansion.next(); next; next = expansion.next()) {
          const occurrenceDay = dayOf(next);
          if (occurrenceDay >= lastDay + 366) break; // a later occurrence may have been moved into `year`
          if (occurrenceDay + lengthDays + 366 < firstDay) continue; // far before: no need for details
          const details = event.getOccurrenceDetails(next);
          pushDays(days, details.item.summary || name, file.path, details.startDate, details.endDate, firstDay, lastDay);
        }
      }
      return days.sort((a, b) => a.day - b.day);
    },
  };
}
