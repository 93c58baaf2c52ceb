import { parseApiTime } from '../api-time.js';
import { isUnreadableClientValue } from '../client-field.js';
import type { ImportJob } from '../import-source.js';
import { inexactIdKey, isRecord, textOf } from '../json-file.js';
import type { LatestCopies } from '../latest-copies.js';
import type { SkippedTickets } from '../skipped-tickets.js';
import { ownValue } from '../../language/model/own-keys.js';
import { writeComment } from './comments.js';
import type { IssueEntry, RecordPlace } from './issue.js';

// An issue given more than once (overlapping pages, exports of different
// days, an issue moved between projects): which copy is written, why the
// others are left out, and what a copy left out still gives the issue.

/**
 * Issues written, by key, id and former keys, for comment files; those
 * skipped (by key and id), so that their comments say why; the latest
 * copy of each issue the export gives more than once; and the copies left
 * out for a later one not written yet, by its id (else key), whose inline
 * comments go to it once it is.
 */
export interface IssueIndex {
  written: Map<string, IssueEntry>;
  skipped: SkippedTickets;
  copies: LatestCopies;
  leftOut: Map<string, LeftOutCopy[]>;
}

/** A copy of an issue left out for another: its inline comments still are the issue's. */
interface LeftOutCopy {
  issue: Record<string, unknown>;
  place: RecordPlace;
}

/**
 * Whether the second pass can write this copy of an issue: none of the
 * reasons it skips an issue for (an id beyond 2^53, a client field it cannot
 * read, no key or fields, no readable created time). Only such a copy is a
 * candidate for the latest copy of an issue given twice: a newer copy that
 * cannot be written left the older one skipped for it, and the issue out of
 * the log.
 */
export function canBeWritten(issue: Record<string, unknown>, job: ImportJob): boolean {
  const fields = issue.fields;
  if (inexactIdKey(issue) !== undefined || textOf(issue.key) === undefined || !isRecord(fields)) return false;
  const field = job.clientField?.trim();
  if (field !== undefined && isUnreadableClientValue(ownValue(fields, field), field)) return false;
  return parseApiTime(fields.created, job.assumeTimezone) !== undefined;
}

/** The comments an issue carries in `fields.comment.comments`, onto the issue written (`entry`). */
export function writeInlineComments(issue: Record<string, unknown>, place: RecordPlace, entry: IssueEntry, job: ImportJob): void {
  const fields = isRecord(issue.fields) ? issue.fields : {};
  const inline = isRecord(fields.comment) && Array.isArray(fields.comment.comments) ? fields.comment.comments : [];
  inline.forEach((comment, c) => writeComment(comment, place.file, place.line === undefined ? `${place.path}.fields.comment.comments[${c}]` : `${place.path} fields.comment.comments[${c}]`, entry, job));
}

/**
 * A copy left out for another joins the issue written (`entry`): its key
 * names it too, as a former key does, for comment files named after it
 * (`OPS-7.comments.json` of a moved issue written as SUP-3: "in none of the
 * files", they said), and its inline comments are the issue's.
 */
export function joinLeftOutCopy(copy: LeftOutCopy, entry: IssueEntry, index: IssueIndex, job: ImportJob): void {
  const key = textOf(copy.issue.key);
  if (key !== undefined && !index.written.has(key)) index.written.set(key, entry);
  writeInlineComments(copy.issue, copy.place, entry, job);
}

/**
 * A copy left out for another: joins the issue written (`joinLeftOutCopy`),
 * or is kept for the copy that is yet to be (by its id, else key, as
 * `LatestCopies` tells copies apart). An older copy may hold comments the
 * newer lacks (fetched with fewer fields): skipped whole, its replies were
 * lost. Each comment is read once, by its id. After the last file, those
 * still kept join the issue their key or id names, if any was written.
 */
export function writeLeftOutComments(copy: LeftOutCopy, index: IssueIndex, job: ImportJob): void {
  const key = textOf(copy.issue.key);
  const id = textOf(copy.issue.id);
  const entry = writtenIssue(index, key, id);
  if (entry !== undefined) return joinLeftOutCopy(copy, entry, index, job);
  const identity = id ?? key;
  if (identity === undefined || index.leftOut.get(identity)?.includes(copy)) return;
  index.leftOut.set(identity, [...(index.leftOut.get(identity) ?? []), copy]);
}

/**
 * Why a copy of an issue that can be written is left out for another: one
 * updated later, or one written before (`earlierCopy`). A copy that cannot
 * be written is listed with its own reason instead, not as a copy.
 */
export function otherCopy(issue: Record<string, unknown>, at: string, index: IssueIndex): string | undefined {
  const id = textOf(issue.id);
  const key = textOf(issue.key);
  const label = `issue ${key ?? '?'}${id === undefined ? '' : ` (id ${id})`}`;
  return index.copies.laterCopy(id ?? key, at, label, key ?? '?', isRecord(issue.fields) ? issue.fields.updated : undefined) ?? earlierCopy(index, key, id);
}

/**
 * Why an issue is a copy of one written before, or undefined when it is
 * not. Overlapping search pages give an issue twice under one key; an issue
 * moved to another project between two exports gives it under its old key
 * and its new one, with the same id (its old key is among the new one's
 * former keys). Written twice, it would be two tickets, or one created
 * twice, which the log refuses (SLA4009). A copy updated later than the
 * first is kept instead of it (`LatestCopies`); this keeps the first of
 * copies updated at the same time, and of a moved issue given without its id.
 */
function earlierCopy(index: IssueIndex, key: string | undefined, id: string | undefined): string | undefined {
  const entry = writtenIssue(index, key, id);
  if (entry === undefined) return undefined;
  if (entry.ticket === key) return `issue ${key} is given earlier (in this file or another): the first is kept`;
  return `issue ${key ?? '?'}${id === undefined ? '' : ` (id ${id})`} is issue ${entry.ticket}, given earlier (moved between projects, in this file or another): the first is kept`;
}

/** The issue written under this key, else under this id (an issue is known by its key, id and former keys). */
function writtenIssue(index: IssueIndex, key: string | undefined, id: string | undefined): IssueEntry | undefined {
  return (key === undefined ? undefined : index.written.get(key)) ?? (id === undefined ? undefined : index.written.get(id));
}
