/** Calendar literals shared by the clock tests: the examples' calendars and a few made up for edge cases. */
import type { CalendarModel, MinuteRange } from '../../../language/model/model.js';

/** `08:00` -> 480; `24:00` -> 1440. */
export function minutes(clock: string): number {
  const [hours, mins] = clock.split(':').map(Number);
  return hours! * 60 + mins!;
}

/** `08:00-18:00` -> { start: 480, end: 1080 }; an end before the start crosses midnight. */
export function range(text: string): MinuteRange {
  const [start, end] = text.split('-').map(minutes);
  return { start: start!, end: end! <= start! ? end! + 1440 : end! };
}

/** Weekly hours by ISO weekday (1 = Monday); days not listed are closed. */
export function weekly(days: Record<number, string[]>): MinuteRange[][] {
  const result: MinuteRange[][] = [[]];
  for (let day = 1; day <= 7; day++) result.push((days[day] ?? []).map(range));
  return result;
}

export function everyDay(...ranges: string[]): MinuteRange[][] {
  return weekly({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges, 6: ranges, 7: ranges });
}

export function weekdays(...ranges: string[]): MinuteRange[][] {
  return weekly({ 1: ranges, 2: ranges, 3: ranges, 4: ranges, 5: ranges });
}

export function calendar(name: string, timezone: string, week: MinuteRange[][], holidays: CalendarModel['holidays'] = []): CalendarModel {
  return { name, timezone, weekly: week, holidays, annualHolidays: [], holidaySets: [], holidayFiles: [] };
}

/** poologics.sla */
export const BusinessHours = calendar('BusinessHours', 'America/New_York', weekdays('08:00-18:00'), [
  { date: '2026-01-01', name: "New Year's Day" },
  { date: '2026-05-25', name: 'Memorial Day' },
  { date: '2026-07-03', name: 'Independence Day (observed)' },
  { date: '2026-09-07', name: 'Labor Day' },
  { date: '2026-11-26', name: 'Thanksgiving Day' },
  { date: '2026-12-25', name: 'Christmas Day' },
]);

/** hosting.sla */
export const OnCall = calendar('OnCall', 'Europe/Berlin', everyDay('00:00-24:00'));

/** hosting.sla: Sun-Thu 22:00-06:00 */
export const NightDesk = calendar(
  'NightDesk',
  'Europe/Berlin',
  weekly({ 7: ['22:00-06:00'], 1: ['22:00-06:00'], 2: ['22:00-06:00'], 3: ['22:00-06:00'], 4: ['22:00-06:00'] }),
);

/** hosting.sla: lunch breaks, a short Friday, a short Christmas Eve. */
export const Office = calendar(
  'Office',
  'Europe/Berlin',
  weekly({
    1: ['08:00-12:00', '13:00-17:00'],
    2: ['08:00-12:00', '13:00-17:00'],
    3: ['08:00-12:00', '13:00-17:00'],
    4: ['08:00-12:00', '13:00-17:00'],
    5: ['08:00-14:00'],
  }),
  [
    { date: '2026-10-03', name: 'Day of German Unity' },
    { date: '2026-12-24', name: 'Christmas Eve', hours: [range('08:00-12:00')] },
    { date: '2026-12-25', name: 'Christmas Day' },
    { date: '2026-12-26', name: 'Boxing Day' },
  ],
);
