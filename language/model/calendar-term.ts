// Small words kept lower case inside a term, as in a title: `AroundTheClock` -> Around the Clock Hours.
const MINOR_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

/**
 * A calendar's name as the defined term for its hours, so that names read as
 * terms: `AroundTheClock` -> `Around the Clock Hours`, `OnCall` -> `On Call
 * Hours`, `BusinessHours` -> `Business Hours`, `office_hours` -> `Office Hours`.
 * Here in language/ because the checker refuses two calendars whose terms are
 * the same (SLA3088) and the compiler prints the term: both spell it alike.
 */
export function calendarTerm(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word, index) =>
      index > 0 && MINOR_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1),
    );
  // `OFFICE_HOURS` ends in Hours already: "OFFICE HOURS", not "OFFICE HOURS Hours".
  if (words[words.length - 1]?.toLowerCase() !== 'hours') words.push('Hours');
  return words.join(' ');
}
