/** Delimiters a spreadsheet may export with instead of the comma. */
const OTHER_DELIMITERS = [
  { character: ';', name: 'semicolons' },
  { character: '\t', name: 'tabs' },
];

/**
 * Why a CSV header lacks its `required` columns when it was written with
 * another delimiter (`ticket;time;event`, as spreadsheets in many locales
 * export), to append to the message that says which are missing; empty
 * otherwise. `what` names the file's kind (`a CSV log`, `an exported table`).
 * The log readers of `slac check` and the table reader of `slac import`
 * give the same hint.
 */
export function delimiterHint(fields: readonly string[], required: readonly string[], what: string): string {
  for (const { character, name } of OTHER_DELIMITERS) {
    const names = fields.flatMap((field) => field.split(character)).map((part) => part.trim().toLowerCase());
    if (fields.some((field) => field.includes(character)) && required.every((key) => names.includes(key))) {
      return `; the columns look separated by ${name}: ${what} separates them with commas (save it as comma-separated)`;
    }
  }
  return '';
}
