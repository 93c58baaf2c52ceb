import { TICKET_EVENT_KINDS } from './events.js';
import { logError, type LogError } from './log-error.js';
import { TICKET_LOG_KEYS } from './log-vocabulary.js';
import { trimmedText } from './trimmed-text.js';

/**
 * A value given on a row whose event does not read it: `status` on a
 * `created` row, `level` on a `reply`. SEMANTICS.md "Ticket log" reads each
 * of these keys on some events only, and nothing is dropped silently: the
 * value is ignored, with one warning (SLA4054) per key and event in a file,
 * at the first such row, counting them all.
 */

const KEY_SEVERITY = TICKET_LOG_KEYS.indexOf('severity');
const KEY_STATUS = TICKET_LOG_KEYS.indexOf('status');
const KEY_AUTHOR = TICKET_LOG_KEYS.indexOf('author');
const KEY_LEVEL = TICKET_LOG_KEYS.indexOf('level');
/** The keys read on some events only, in the order their warnings on one row are given. */
const EVENT_KEYS = [KEY_SEVERITY, KEY_STATUS, KEY_AUTHOR, KEY_LEVEL];

/** Which events read each of EVENT_KEYS (SEMANTICS.md "Ticket log"). */
const READ_ON: Record<number, readonly string[]> = {
  [KEY_SEVERITY]: ['created', 'severity'],
  [KEY_STATUS]: ['status'],
  [KEY_AUTHOR]: ['reply'],
  [KEY_LEVEL]: ['escalated'],
};

/**
 * Per event kind (index into TICKET_EVENT_KINDS): a bit `1 << key` for each
 * key of TICKET_LOG_KEYS that the event does not read. A row gives a stray
 * value when its given keys' bits and its kind's mask share a bit: one
 * comparison per row.
 */
export const STRAY_KEYS_OF_KIND: Uint32Array = Uint32Array.from(TICKET_EVENT_KINDS, (kind) =>
  EVENT_KEYS.reduce((mask, key) => (READ_ON[key]!.includes(kind) ? mask : mask | (1 << key)), 0),
);

/** Whether a raw value counts as given: absent, null and blank (an empty CSV cell) are not. */
export function isGiven(raw: unknown): boolean {
  if (raw === undefined || raw === null) return false;
  return typeof raw !== 'string' || trimmedText(raw).length > 0;
}

/** The bits of STRAY_KEYS_OF_KIND[kind] whose keys are given in `values`. */
export function strayKeysOf(values: Readonly<Record<string, unknown>>, kind: number): number {
  const mask = STRAY_KEYS_OF_KIND[kind] ?? 0;
  let stray = 0;
  for (const key of EVENT_KEYS) if ((mask & (1 << key)) !== 0 && isGiven(values[TICKET_LOG_KEYS[key]!])) stray |= 1 << key;
  return stray;
}

/** What to write instead, per key, and for a status given at creation. */
function adviceFor(key: string, event: string): string {
  if (key === 'status' && event === 'created') return "write a 'status' row at the same time to set the status at creation";
  if (key === 'status') return "write a 'status' row to change the status, or leave 'status' empty";
  if (key === 'severity') return "write a 'severity' row to change the severity, or leave 'severity' empty";
  if (key === 'author') return "only a 'reply' row has an author: write a 'reply' row for a reply, or leave 'author' empty";
  return "only an 'escalated' row has a level: write an 'escalated' row for an escalation, or leave 'level' empty";
}

/** The SLA4054 warning: `key` given on `rows` rows of `event`, the first at `line`. */
export function strayValueWarning(file: string, line: number, key: string, event: string, rows: number): LogError {
  const readOn = READ_ON[TICKET_LOG_KEYS.indexOf(key as never)]!.map((name) => `'${name}'`).join(' and ');
  const warning = logError('SLA4054', file, line, key, {
    event,
    readOn,
    count: rows,
    rows: rows === 1 ? 'row' : 'rows',
    advice: adviceFor(key, event),
  });
  warning.tally = { event, rows };
  return warning;
}

/** Counts a file's stray values while it is read; its warnings stand in the reader's list in line order. */
export class StrayValues {
  /** Per (key, kind): the warning given at its first row, whose count is brought up to date by `settle`. */
  private readonly found = new Map<number, LogError>();
  private unsettled = false;

  constructor(
    private readonly file: string,
    private readonly warnings: LogError[],
  ) {}

  /** A row of event `kind` at `line` gave the keys of the bits of `stray` (see `strayKeysOf`). */
  note(stray: number, kind: number, line: number): void {
    for (const key of EVENT_KEYS) {
      if ((stray & (1 << key)) === 0) continue;
      const slot = key * TICKET_EVENT_KINDS.length + kind;
      const warning = this.found.get(slot);
      if (warning !== undefined) {
        warning.tally!.rows++;
        this.unsettled = true;
        continue;
      }
      const first = strayValueWarning(this.file, line, TICKET_LOG_KEYS[key]!, TICKET_EVENT_KINDS[kind]!, 1);
      this.found.set(slot, first);
      this.warnings.push(first);
    }
  }

  /** Rewrites the warnings' messages with their final counts. */
  settle(): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    for (const warning of this.found.values()) {
      const again = strayValueWarning(warning.file, warning.line, warning.key!, warning.tally!.event, warning.tally!.rows);
      warning.message = again.message;
    }
  }
}

/**
 * The SLA4054 warnings of readers of parts of one file (the partitions of
 * `--jobs N`, a portfolio's clients) as one reader of it gives them: one
 * per file, key and event, at the first of their lines, counting every
 * row. `warnings` are in line order; the others are kept as they are.
 */
export function mergeStrayWarnings(warnings: readonly LogError[]): LogError[] {
  const firsts = new Map<string, { at: number; rows: number }>();
  const merged: LogError[] = [];
  for (const warning of warnings) {
    if (warning.code !== 'SLA4054' || warning.tally === undefined) {
      merged.push(warning);
      continue;
    }
    const slot = JSON.stringify([warning.file, warning.key, warning.tally.event]);
    const first = firsts.get(slot);
    if (first === undefined) {
      firsts.set(slot, { at: merged.length, rows: warning.tally.rows });
      merged.push(warning);
    } else first.rows += warning.tally.rows;
  }
  for (const { at, rows } of firsts.values()) {
    const warning = merged[at]!;
    if (rows !== warning.tally!.rows) merged[at] = strayValueWarning(warning.file, warning.line, warning.key!, warning.tally!.event, rows);
  }
  return merged;
}
