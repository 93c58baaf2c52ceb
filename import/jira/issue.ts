import { apiTimeProblem, readApiTime } from '../api-time.js';
import { firstInstantAtOrAfterLocal } from '../../runtime/clock/zone.js';
import { formatLogTime, readWarehouseTime } from '../warehouse-time.js';
import { countClientless, noteClientValue, readClientValue } from '../client-field.js';
import type { ImportJob } from '../import-source.js';
import { isRecord, nameOf, textOf } from '../json-file.js';
import { ownValue } from '../../language/model/own-keys.js';
import type { ImportedRow } from '../ticket-log-writer.js';
import { skipTicket, type Skipped } from '../skipped-tickets.js';
import { KEY_FIELD, LOG_FIELDS, NEW_CATEGORY, ORGANIZATION_LINK } from './mapping.js';
import type { StatusCategories } from './status-categories.js';

/** Where a record is, for the summary: the file and a line or JSON path. */
export interface RecordPlace {
  file: string;
  /** The JSON path of the issue (`issues[3]`), or `line 4` in an NDJSON file. */
  path: string;
  /** The line of an NDJSON file, used when the issue itself is skipped. */
  line?: number;
}

/** What the import keeps of an issue once it is written: enough to place its comments. */
export interface IssueEntry {
  ticket: string;
  created: number;
  client: string | undefined;
  /** Whether the issue's fields have the field `--client-field` names (Jira JSON has no header to check it against). */
  hasClientField: boolean;
  /** `accountType` of the accounts the issue names (reporter, assignee, changelog authors), for comments without one. */
  accountTypes: Map<string, string>;
  /** Comment ids already read, so that a comment read twice (inline and in a comment file) counts once. */
  comments: Set<string>;
  /** Keys the issue had before it was moved (changelog `Key` items), under which comment files may be named. */
  formerKeys: string[];
  /** How many comments the issue has (`fields.comment.total`), and where, for a warning when fewer are in the export. */
  commentTotal?: { total: number; file: string; where: string | number };
}

/** A status or priority change from the changelog. */
interface FieldChange {
  time: number;
  field: 'status' | 'priority';
  fromId: string | undefined;
  from: string | undefined;
  toId: string | undefined;
  to: string;
  /** The history's id, Jira's sequence for histories at the same instant; undefined when it is not a number. */
  sequence: number | undefined;
  order: number;
}

/**
 * The order of two changes, or of two status changes for the first one: by
 * time, then by history id (the search API gives histories newest first,
 * so at one instant the array's order is the reverse of what happened),
 * then as given.
 */
function byTimeThenSequence(a: { time: number; sequence: number | undefined }, b: { time: number; sequence: number | undefined }): number {
  return a.time - b.time || (a.sequence !== undefined && b.sequence !== undefined ? a.sequence - b.sequence : 0);
}

/** A history's id as a number, when it is one: Jira numbers its histories in sequence. */
function historySequence(history: Record<string, unknown>): number | undefined {
  const id = textOf(history.id);
  return id !== undefined && /^\d{1,15}$/.test(id) ? Number(id) : undefined;
}

/** Path of a sub-record: `issues[3].changelog...` or `line 4 changelog...`. */
function at(place: RecordPlace, sub: string): string {
  return place.line === undefined ? `${place.path}.${sub}` : `${place.path} ${sub}`;
}

/**
 * Maps one issue with its changelog onto log rows and writes them at once:
 * `created` with the first priority, the first status, and each status and
 * priority change; entering the Done category is `resolved`, leaving it is
 * `reopened`. Every changelog item lands in the summary. Returns what later
 * comment files need, or, when the issue cannot be mapped, why in a few
 * words, for its comments.
 */
export function writeIssue(issue: Record<string, unknown>, place: RecordPlace, job: ImportJob, categories: StatusCategories): IssueEntry | Skipped {
  const { summary } = job;
  const where = place.line ?? place.path;
  const skip = (group: string, reason: string, why: string): Skipped => skipTicket(summary, place.file, where, group, reason, why);
  const key = textOf(issue.key);
  const fields = isRecord(issue.fields) ? issue.fields : undefined;
  if (key === undefined || fields === undefined) return skip('issues without key or fields', 'the issue has no key or no fields', key === undefined ? 'it has no key' : 'it has no fields');
  const created = readApiTime(fields.created, job);
  if (created === undefined) return skip('issues without a readable created time', `issue ${key}: ${fields.created === undefined ? 'the issue has no created time' : `created ${apiTimeProblem(fields.created, job)}`}`, 'it has no readable created time');
  const client = clientOf(fields, job);
  const hasClientField = job.clientField !== undefined && Object.hasOwn(fields, job.clientField.trim());
  const entry: IssueEntry = { ticket: key, created, client, hasClientField, accountTypes: new Map(), comments: new Set(), formerKeys: [] };
  for (const role of ['reporter', 'creator', 'assignee']) learnAccount(fields[role], entry.accountTypes);
  const total = isRecord(fields.comment) ? fields.comment.total : undefined;
  if (typeof total === 'number' && Number.isSafeInteger(total)) entry.commentTotal = { total, file: place.file, where };

  const changelog = readChangelog(issue.changelog, place, key, entry, job);
  summary.took(place.file, 'issues');
  writeRows(entry, fields, changelog, job, categories, { file: place.file, where });
  return entry;
}

function learnAccount(account: unknown, types: Map<string, string>): void {
  if (!isRecord(account)) return;
  const id = textOf(account.accountId);
  const type = textOf(account.accountType);
  if (id !== undefined && type !== undefined) types.set(id, type);
}

/** The client: the field `--client-field` names, or the issue's Jira Service Management organization. */
function clientOf(fields: Record<string, unknown>, job: ImportJob): string | undefined {
  if (job.clientField !== undefined) {
    const { client, shape } = readClientValue(ownValue(fields, job.clientField.trim()));
    noteClientValue(job, shape, 'issues');
    countClientless(job, client);
    return client;
  }
  for (const value of Object.values(fields)) {
    if (!Array.isArray(value) || !value.some(isOrganization)) continue;
    const organizations = value.filter(isOrganization);
    if (organizations.length > 1) job.summary.note('issues with several organizations: the first is the client');
    return nameOf(organizations[0]);
  }
  return undefined;
}

function isOrganization(value: unknown): boolean {
  return isRecord(value) && isRecord(value._links) && typeof value._links.self === 'string' && value._links.self.includes(ORGANIZATION_LINK);
}

/** What the first status change tells of the status an issue was created with. */
interface FirstStatusChange {
  time: number;
  sequence: number | undefined;
  from: string | undefined;
  fromId: string | undefined;
  /** The status it changed to, for a warning when it does not tell the one it left. */
  to: string | undefined;
}

/** The changes of an issue's changelog that go into the log, and the status it was created with. */
interface Changelog {
  changes: FieldChange[];
  /**
   * The first status change, skipped or not, by time: its `fromString` is the
   * status at creation. A change skipped because the clocks skip its time
   * still has a place in time (the instant they went forward), so the status
   * it left is not taken from the change after it.
   */
  firstStatus: FirstStatusChange | undefined;
  /** Status changes skipped because their time is not a time (and no clock gap places them). */
  undatedStatusChanges: number;
  /** Whether the issue has no changelog histories at all (a search without `expand=changelog`), as opposed to an empty list. */
  missing: boolean;
}

function readChangelog(changelog: unknown, place: RecordPlace, key: string, entry: IssueEntry, job: ImportJob): Changelog {
  const { summary } = job;
  const changes: FieldChange[] = [];
  let firstStatus: Changelog['firstStatus'];
  let undatedStatusChanges = 0;
  const seeStatus = (time: number, sequence: number | undefined, item: Record<string, unknown>): void => {
    if (firstStatus === undefined || byTimeThenSequence({ time, sequence }, firstStatus) < 0) firstStatus = { time, sequence, from: textOf(item.fromString), fromId: textOf(item.from), to: textOf(item.toString) };
  };
  if (!isRecord(changelog) || !Array.isArray(changelog.histories)) return { changes, firstStatus, undatedStatusChanges, missing: true };
  const histories = changelog.histories as unknown[];
  if (typeof changelog.total === 'number' && changelog.total > histories.length) {
    summary.note('issues whose changelog the search cut short (changelog.total above the histories given): the later changes are missing; export them with GET /rest/api/3/issue/{key}?expand=changelog');
  }
  histories.forEach((history, h) => {
    const path = at(place, `changelog.histories[${h}]`);
    if (!isRecord(history) || !Array.isArray(history.items)) return summary.skip(place.file, path, 'changelog histories without items', `issue ${key}: the history has no items`);
    learnAccount(history.author, entry.accountTypes);
    const time = readApiTime(history.created, job);
    const sequence = historySequence(history);
    (history.items as unknown[]).forEach((item, i) => {
      const itemPath = `${path}.items[${i}]`;
      const field = isRecord(item) ? textOf(item.field)?.toLowerCase() : undefined;
      if (!isRecord(item) || field === undefined) return summary.skip(place.file, itemPath, 'changelog items without a field', `issue ${key}: the changelog item names no field`);
      if (field === KEY_FIELD) {
        const former = textOf(item.fromString);
        if (former !== undefined) entry.formerKeys.push(former);
        return summary.took(place.file, 'key changes (moved issues)');
      }
      const logField = LOG_FIELDS.get(field);
      if (logField === undefined) return summary.took(place.file, 'changes of other fields (not part of the ticket log)');
      if (time === undefined) {
        const gap = gapInstant(history.created, job.assumeTimezone);
        if (logField === 'status' && gap !== undefined) seeStatus(gap, sequence, item);
        else if (logField === 'status') undatedStatusChanges++;
        return summary.skip(place.file, itemPath, 'changes without a readable time', `issue ${key}: the ${field} change cannot be placed in time: created ${apiTimeProblem(history.created, job)}`);
      }
      if (logField === 'status') seeStatus(time, sequence, item);
      const to = textOf(item.toString);
      if (to === undefined) return summary.skip(place.file, itemPath, 'changes without a new value', `issue ${key}: the ${field} change has no toString`);
      changes.push({ time, field: logField, fromId: textOf(item.from), from: textOf(item.fromString), toId: textOf(item.to), to, sequence, order: changes.length });
      summary.took(place.file, `${logField} changes`);
    });
  });
  return { changes: changes.sort((a, b) => byTimeThenSequence(a, b) || a.order - b.order), firstStatus, undatedStatusChanges, missing: false };
}

/** For a wall time `zone` skips, the instant its clocks went forward; undefined for any other text. */
function gapInstant(created: unknown, zone: string | undefined): number | undefined {
  if (zone === undefined || typeof created !== 'string') return undefined;
  const read = readWarehouseTime(created);
  if (read === undefined || read.hadOffset) return undefined;
  return firstInstantAtOrAfterLocal(zone, read.time);
}

/** Writes `created`, the first status and the changes, in time order (the search returns histories newest first). */
function writeRows(entry: IssueEntry, fields: Record<string, unknown>, changelog: Changelog, job: ImportJob, categories: StatusCategories, place: { file: string; where: string | number }): void {
  const { changes, firstStatus } = changelog;
  const base = { ticket: entry.ticket, ...(entry.client === undefined ? {} : { client: entry.client }) };
  const write = (row: Omit<ImportedRow, 'ticket' | 'client'>): void => job.sink.write({ ...base, ...row });
  for (const change of changes) {
    if (change.time >= entry.created) continue;
    change.time = entry.created;
    job.summary.note('changes dated before their issue was created: moved to its creation');
  }
  const status = isRecord(fields.status) ? fields.status : {};
  const firstPriority = changes.find((change) => change.field === 'priority');
  // The value before the first change is the one the issue was created with; without changes, the current one.
  const severity = firstPriority ? firstPriority.from : nameOf(fields.priority);
  let statusId = firstStatus ? firstStatus.fromId : textOf(status.id);
  let statusName = firstStatus
    ? statusLeftByFirstChange(entry, firstStatus, categories, place, job)
    : changelog.missing
      ? statusWithoutChangelog(entry, status, categories, place, job)
      : currentStatusAtCreation(entry, textOf(status.name), changelog.undatedStatusChanges, place, job);
  write({ time: entry.created, event: 'created', ...(severity === undefined ? {} : { severity }) });
  let done = false;
  if (statusName !== undefined) {
    write({ time: entry.created, event: 'status', status: statusName });
    done = categories.isDone(statusId, statusName);
    if (done) write({ time: entry.created, event: 'resolved' });
  }
  let priority = severity;
  for (const change of changes) {
    if (change.field === 'priority') {
      if (change.to === priority) continue;
      priority = change.to;
      write({ time: change.time, event: 'severity', severity: change.to });
      continue;
    }
    if (change.to === statusName && change.toId === statusId) continue;
    const nowDone = categories.isDone(change.toId, change.to);
    if (done && !nowDone) write({ time: change.time, event: 'reopened' });
    write({ time: change.time, event: 'status', status: change.to });
    if (!done && nowDone) write({ time: change.time, event: 'resolved' });
    done = nowDone;
    statusName = change.to;
    statusId = change.toId;
  }
}

/**
 * The status an issue without a dated status change was created with: its
 * current one, unless status changes were skipped for a time that is not a
 * time. Then the current status is the one after them, and dated at creation
 * a resolved issue would be resolved at once: no status, and a warning.
 */
function currentStatusAtCreation(entry: IssueEntry, current: string | undefined, undated: number, place: { file: string; where: string | number }, job: ImportJob): string | undefined {
  if (undated === 0 || current === undefined) return current;
  const changes = undated === 1 ? 'its status change cannot be placed in time' : `none of its ${undated} status changes can be placed in time`;
  const reason = `issue ${entry.ticket}: its status at creation cannot be told: ${changes}, and its status '${current}' is the one after ${undated === 1 ? 'it' : 'them'}; the issue is written without a status`;
  job.summary.warn(place.file, place.where, 'issues whose every status change has no readable time: written without a status', reason);
  return undefined;
}

/**
 * The status an issue was created with, from its first status change: its
 * `fromString`, or else the name of the status its `from` id names (from the
 * statuses file or an issue's current status), with a note. With neither,
 * the status at creation cannot be told: the issue has none until that
 * change, and a warning says why.
 */
function statusLeftByFirstChange(entry: IssueEntry, first: FirstStatusChange, categories: StatusCategories, place: { file: string; where: string | number }, job: ImportJob): string | undefined {
  if (first.from !== undefined) return first.from;
  const named = categories.nameOf(first.fromId);
  if (named !== undefined) {
    job.summary.note('issues whose first status change has no fromString: the status at creation named by its from id (a status of the statuses file or of an issue)');
    return named;
  }
  const why = first.fromId === undefined ? 'nor from id' : `and its from id '${first.fromId}' is the id of no status of the statuses file or of any issue`;
  const change = `its first status change (to '${first.to ?? '?'}', at ${formatLogTime(first.time)})`;
  const reason = `issue ${entry.ticket}: its status at creation cannot be told: ${change} has no fromString ${why}; the issue is written without a status until that change`;
  job.summary.warn(place.file, place.where, 'issues whose first status change tells neither the name nor a known id of the status it left: written without a status until that change', reason);
  return undefined;
}

/**
 * The status an issue without a changelog was created with. Nothing tells
 * when it entered its current status: dated at creation, a Done issue would
 * be resolved at once. Only a To Do status (the category issues are created
 * in) is dated at creation, with a note; any other is left out, warned of.
 */
function statusWithoutChangelog(entry: IssueEntry, status: Record<string, unknown>, categories: StatusCategories, place: { file: string; where: string | number }, job: ImportJob): string | undefined {
  const name = textOf(status.name);
  if (name === undefined) return undefined;
  const own = isRecord(status.statusCategory) ? textOf(status.statusCategory.key) : undefined;
  if ((own ?? categories.categoryOf(textOf(status.id), name)) === NEW_CATEGORY) {
    job.summary.note('issues without a changelog whose status is of the To Do category: that status dated at creation (export with expand=changelog to date their changes)');
    return name;
  }
  const reason = `issue ${entry.ticket}: it has no changelog (a search without expand=changelog), so when it entered its status '${name}' cannot be told; the issue is written without a status; export the issues with expand=changelog`;
  job.summary.warn(place.file, place.where, 'issues without a changelog whose status is not of the To Do category: written without a status (export with expand=changelog)', reason);
  return undefined;
}

/** The author of a comment by its account's type, or the type the issue's other records gave that account. */
export function accountTypeOf(author: unknown, entry: IssueEntry): string | undefined {
  if (!isRecord(author)) return undefined;
  return textOf(author.accountType) ?? (textOf(author.accountId) === undefined ? undefined : entry.accountTypes.get(textOf(author.accountId)!));
}

/**
 * Warns of an issue whose `fields.comment.total` is above the comments the
 * export holds (a search page gives at most a page of them, and no comment
 * file gave the rest): the others' replies are missing, and a first
 * response among them would be a breach, unremarked.
 */
export function warnMissingComments(entry: IssueEntry, job: ImportJob): void {
  const given = entry.commentTotal;
  if (given === undefined || entry.comments.size >= given.total) return;
  const read = entry.comments.size;
  const reason = `issue ${entry.ticket}: its fields.comment.total is ${given.total}, but ${read} of its comments ${read === 1 ? 'is' : 'are'} in the export: the others' replies are missing; export GET /rest/api/3/issue/${entry.ticket}/comment`;
  job.summary.warn(given.file, given.where, 'issues with more comments (fields.comment.total) than the export holds: written without the others', reason);
}
