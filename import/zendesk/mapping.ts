export { RESOLVED_STATUSES, ROLE_AUTHORS, STATUS_EVENTS, SYSTEM_USER_IDS } from '../zendesk-tables/mapping.js';

// Tables keyed by a helpdesk's values are Maps: a plain object answers `constructor`,
// `toString` or `__proto__` from its prototype, so such a status or role became
// "[object Object]" (test/cli/import-prototype-values.test.ts).

/** The status Zendesk gives a deleted ticket: the ticket is left out of the log. */
export const DELETED_STATUS = 'deleted';

/**
 * Via channels (Zendesk's via object, `via.channel`) of changes no person
 * made: triggers and automations (`rule`), Zendesk itself (`system`,
 * `closed_ticket`, `merge`), and integrations through the API (`api`). A
 * comment through one of them is a `system` reply, whoever its author is.
 */
export const SYSTEM_CHANNELS: ReadonlySet<string> = new Set(['rule', 'system', 'api', 'closed_ticket', 'merge', 'sample_ticket']);

/** `via.source.rel` values that name a rule or Zendesk itself as the source. */
export const SYSTEM_RELS: ReadonlySet<string> = new Set(['trigger', 'automation', 'rule', 'merge', 'follow_up']);

/**
 * The ticket event export writes `via` as a display name ("Web form",
 * "Mail", "Rule"); these are the via channels (`via.channel`) they stand
 * for, so an agreement's `matches` reads the same names from both exports.
 * A name not listed is taken lower-cased, spaces as underscores.
 */
export const VIA_NAMES: ReadonlyMap<string, string> = new Map([
  ['web form', 'web'],
  ['web', 'web'],
  ['mail', 'email'],
  ['email', 'email'],
  ['api', 'api'],
  ['web service', 'api'],
  ['rule', 'rule'],
  ['trigger', 'rule'],
  ['automation', 'rule'],
  ['closed ticket', 'closed_ticket'],
  ['merge', 'merge'],
  ['chat', 'chat'],
  ['voice', 'voice'],
  ['mobile sdk', 'mobile_sdk'],
  ['web widget', 'web_widget'],
  ['system', 'system'],
]);

/** Comment types of an audit (and of the ticket event export) that carry a comment someone wrote. */
export const COMMENT_TYPES: ReadonlySet<string> = new Set(['Comment', 'VoiceComment']);

/** Via names mapped so far (bounded: an export of many distinct names starts over). */
const CHANNEL_OF_NAME = new Map<string, string | undefined>();
const NAMES_KEPT = 1024;

/** The via channel of a via object, or of the display name the ticket event export writes. */
export function viaChannel(via: unknown): string | undefined {
  if (typeof via === 'string') {
    // An export repeats a handful of names millions of times: each is mapped once.
    let channel = CHANNEL_OF_NAME.get(via);
    if (channel === undefined && !CHANNEL_OF_NAME.has(via)) {
      const lower = via.trim().toLowerCase();
      channel = lower === '' ? undefined : (VIA_NAMES.get(lower) ?? lower.replace(/\s+/g, '_'));
      if (CHANNEL_OF_NAME.size >= NAMES_KEPT) CHANNEL_OF_NAME.clear();
      CHANNEL_OF_NAME.set(via, channel);
    }
    return channel;
  }
  if (via !== null && typeof via === 'object') {
    const channel = (via as { channel?: unknown }).channel;
    if (typeof channel === 'string' && channel !== '') return channel.toLowerCase();
    if (typeof channel === 'number') return String(channel);
  }
  return undefined;
}

/** Whether `via` says that a rule, Zendesk itself or an API integration made the change. */
export function isSystemVia(via: unknown): boolean {
  if (via === undefined || via === null) return false;
  const channel = viaChannel(via);
  if (channel !== undefined && SYSTEM_CHANNELS.has(channel)) return true;
  if (typeof via !== 'object') return false;
  const rel = (via as { source?: { rel?: unknown } }).source?.rel;
  return typeof rel === 'string' && SYSTEM_RELS.has(rel);
}

/** Whether `via` says the change was a merge into another ticket. */
export function isMergeVia(via: unknown): boolean {
  if (via === undefined || via === null) return false;
  if (viaChannel(via) === 'merge') return true;
  return typeof via === 'object' && (via as { source?: { rel?: unknown } }).source?.rel === 'merge';
}
