import { IANAZone } from 'luxon';
import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import { trailingRunStart } from './typed-word.js';

/** A character of a time zone name (`America/New_York`, `Etc/GMT+5`). */
const ZONE_CHARACTER = /^[\w/+-]$/;

/**
 * Current IANA names that ICU still lists under their former name
 * (`Intl.supportedValuesOf` gives `Europe/Kiev`, not `Europe/Kyiv`). The
 * checker accepts every name luxon accepts, so these are offered too, after
 * the same check.
 */
const renamedZones = [
  'Europe/Kyiv',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Asia/Ho_Chi_Minh',
  'America/Nuuk',
  'Atlantic/Faroe',
  'Pacific/Kanton',
  'Pacific/Chuuk',
  'Pacific/Pohnpei',
  'America/Argentina/Buenos_Aires',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
  'America/Atikokan',
  'Asia/Thimphu',
  'Africa/Asmara',
  'Asia/Urumqi',
];

let zones: string[] | undefined;

/** Every time-zone name `slac validate` accepts (the checker asks luxon, which asks Intl). */
export function timeZoneNames(): string[] {
  zones ??= [...new Set([...Intl.supportedValuesOf('timeZone'), ...renamedZones, 'UTC'])].filter((zone) => IANAZone.isValidZone(zone)).sort();
  return zones;
}

/**
 * Every time zone inside the quotes of `timezone "`: the edit replaces what
 * is typed between the opening quote and the cursor (`typedLength`
 * characters) and the rest of the name up to the closing quote, so `Europe/|Berlin`
 * becomes `Europe/Paris`, not `Europe/ParisBerlin`; a string that is not
 * closed yet gets its closing quote.
 */
export function timeZoneItems(position: Position, typedLength: number, line = ''): CompletionItem[] {
  const rest = line.slice(position.character);
  const closing = rest.indexOf('"');
  const end = { line: position.line, character: position.character + (closing < 0 ? /^[^\s]*/.exec(rest)![0].length : closing) };
  const range = { start: { line: position.line, character: position.character - typedLength }, end };
  const close = closing < 0 ? '"' : '';
  return timeZoneNames().map((zone) => ({
    label: zone,
    kind: CompletionItemKind.Value,
    filterText: zone,
    textEdit: { range, newText: zone + close },
  }));
}

/** The time zone name being typed at the end of `before`, with its opening quote if it has one. */
function typedTimeZone(before: string): string {
  const start = trailingRunStart(before, (character) => ZONE_CHARACTER.test(character));
  return before.slice(start > 0 && before[start - 1] === '"' ? start - 1 : start);
}

/** The time zones with their quotes, for `timezone |` before the opening quote. */
export function quotedTimeZoneItems(position: Position, line: string): CompletionItem[] {
  const typed = typedTimeZone(line.slice(0, position.character));
  const after = line.slice(position.character);
  // The rest of the word, or a whole quoted name right after the cursor (`timezone |"UTC"`).
  const rest = (typed ? /^[\w/+-]*"?/ : /^"[^"]*"?|^[\w/+-]*/).exec(after)![0];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + rest.length } };
  return timeZoneNames().map((zone) => ({
    label: zone,
    kind: CompletionItemKind.Value,
    filterText: `"${zone}"`,
    textEdit: { range, newText: `"${zone}"` },
  }));
}
