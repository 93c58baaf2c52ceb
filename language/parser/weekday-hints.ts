import { suggestName } from '../binder/suggest.js';
import { WEEKDAYS } from './grammar-info.js';

/**
 * The weekday an author most likely meant where the grammar expects one
 * (`hours Mon-Fir`, `hours mon-fri`, `hours Monday-Friday`): a day's name
 * written out or shortened otherwise (`Tues`, `Thurs`) is its first three
 * letters; otherwise the weekday one slip away, capitals aside.
 */
export function meantWeekday(word: string): string | undefined {
  if (!/^[A-Za-z]+$/.test(word)) return undefined;
  const lower = word.toLowerCase();
  const byName = WEEKDAYS.find((day) => lower.length > 3 && lower.startsWith(day.toLowerCase()) && FULL_NAMES[day]!.startsWith(lower));
  return byName ?? suggestName(word, WEEKDAYS);
}

const FULL_NAMES: Readonly<Record<string, string>> = {
  Mon: 'monday', Tue: 'tuesday', Wed: 'wednesday', Thu: 'thursday', Fri: 'friday', Sat: 'saturday', Sun: 'sunday',
};
