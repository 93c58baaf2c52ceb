import type { AgreementModel } from '../../language/model/model.js';
import { TICKET_EVENT_KINDS, type ReplyAuthor, type TicketEventKind } from './events.js';

/**
 * The keys a ticket log row may have, in the order messages list them.
 * `client` (1.1) routes the ticket within a portfolio; a single agreement ignores it.
 */
export const TICKET_LOG_KEYS = ['ticket', 'time', 'event', 'severity', 'channel', 'status', 'author', 'level', 'client'] as const;
export type TicketLogKey = (typeof TICKET_LOG_KEYS)[number];
/** The keys every ticket log row has. */
export const TICKET_LOG_REQUIRED: readonly TicketLogKey[] = ['ticket', 'time', 'event'];

/** The keys an outage log row may have. */
export const OUTAGE_LOG_KEYS = ['start', 'end', 'kind', 'description', 'announced', 'client'] as const;
export type OutageLogKey = (typeof OUTAGE_LOG_KEYS)[number];
/** The keys every outage log row has. */
export const OUTAGE_LOG_REQUIRED: readonly OutageLogKey[] = ['start', 'end', 'kind'];

export const REPLY_AUTHORS: readonly ReplyAuthor[] = ['agent', 'customer', 'system'];

/** Position of an event kind in TICKET_EVENT_KINDS, or -1. */
export function eventKindIndex(text: string): number {
  // Chosen by length and first letter, then compared: cheaper than hashing a fresh string per row.
  let candidate = -1;
  switch (text.length) {
    case 5: candidate = 1; break; // reply
    case 6: candidate = text.charCodeAt(0) === 115 ? 2 : 8; break; // status, closed
    case 7: candidate = 0; break; // created
    case 8: {
      const first = text.charCodeAt(0);
      candidate = first === 115 ? 3 : first === 101 ? 4 : text.charCodeAt(2) === 115 ? 6 : 7; // severity, estimate, resolved, reopened
      break;
    }
    case 9: candidate = 5; break; // escalated
  }
  return candidate >= 0 && TICKET_EVENT_KINDS[candidate] === text ? candidate : -1;
}

export function eventKindAt(index: number): TicketEventKind {
  return TICKET_EVENT_KINDS[index]!;
}

/** What a log is checked against: the agreement's severities and channels. */
export interface LogVocabulary {
  severities: ReadonlySet<string>;
  /**
   * `matches` values of the severities (1.1), trimmed and lower-cased, to the
   * severity they mean. Names themselves are compared exactly, as in 1.0.
   */
  severityMatches: ReadonlyMap<string, string>;
  defaultSeverity: string;
  /** Channel names in declaration order; their index is stored per event. */
  channels: readonly string[];
  channelIndex: ReadonlyMap<string, number>;
  /** `matches` values of the channels, trimmed and lower-cased, to the channel's index. */
  channelMatches: ReadonlyMap<string, number>;
  /** Zone for times written without an offset (already checked to exist). */
  assumeZone?: string;
}

export function vocabularyOf(model: AgreementModel, assumeZone?: string): LogVocabulary {
  const channels = model.channels.map((channel) => channel.name);
  const vocabulary: LogVocabulary = {
    severities: new Set(model.severities.map((severity) => severity.name)),
    severityMatches: matchesTable(model.severities, (severity) => severity.name),
    defaultSeverity: model.defaultSeverity,
    channels,
    channelIndex: new Map(channels.map((name, index) => [name, index])),
    channelMatches: matchesTable(model.channels, (_channel, index) => index),
  };
  if (assumeZone !== undefined) vocabulary.assumeZone = assumeZone;
  return vocabulary;
}

/**
 * Log value -> what it means, from each declaration's `matches` values. The
 * checker rejects a value claimed twice; should a hand-built model do it,
 * the first declaration keeps it.
 */
function matchesTable<D extends { matches?: readonly string[] }, T>(declarations: readonly D[], meaning: (declaration: D, index: number) => T): Map<string, T> {
  const table = new Map<string, T>();
  declarations.forEach((declaration, index) => {
    for (const value of declaration.matches ?? []) {
      const key = matchKey(value);
      if (!table.has(key)) table.set(key, meaning(declaration, index));
    }
  });
  return table;
}

/** How a log value and a `matches` value are compared: trimmed, any case. */
export function matchKey(value: string): string {
  return value.trim().toLowerCase();
}

/** `a, b or c` for messages (`a, b and c` with `and`). */
export function listOf(names: readonly string[], conjunction: 'or' | 'and' = 'or'): string {
  if (names.length === 0) return '(none declared)';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** ` (did you mean 'Critical'?)` when only the letter case differs. */
export function caseHint(value: string, names: Iterable<string>): string {
  const lower = value.toLowerCase();
  for (const name of names) if (name.toLowerCase() === lower) return ` (did you mean '${name}'?)`;
  return '';
}
