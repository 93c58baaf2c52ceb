import { readApiTime } from '../api-time.js';
import type { ImportJob } from '../import-source.js';
import { inexactIdReason, isRecord, jsonExcerpt, textOf } from '../json-file.js';
import { logYearProblem, warehouseTimeAdvice } from '../warehouse-time.js';
import { accountTypeOf, type IssueEntry } from './issue.js';
import { ACCOUNT_AUTHORS, INTERNAL_COMMENT_PROPERTY } from './mapping.js';

/**
 * Whether a comment is internal: Jira Service Management's `public: false`
 * (servicedeskapi) or `jsdPublic: false` (platform API), the internal flag of
 * its `sd.public.comment` property, or a visibility restricted to a role or
 * group. Internal comments are notes, not replies.
 */
export function isInternalComment(comment: Record<string, unknown>): boolean {
  if (comment.public === false || comment.jsdPublic === false) return true;
  if (isRecord(comment.visibility)) return true;
  const properties = Array.isArray(comment.properties) ? comment.properties : [];
  return properties.some((property) => isRecord(property) && property.key === INTERNAL_COMMENT_PROPERTY && isRecord(property.value) && property.value.internal === true);
}

/**
 * A comment's time: the platform API's string, or the servicedeskapi's
 * `{ iso8601, epochMillis }`; or why it is not one. An epochMillis outside
 * the years a log holds is not a time (JSON reads 1e400 as Infinity).
 */
function commentTime(created: unknown, job: ImportJob): { time: number } | { problem: string } {
  if (isRecord(created) && typeof created.epochMillis === 'number') {
    const yearProblem = logYearProblem(created.epochMillis);
    return yearProblem === undefined ? { time: created.epochMillis } : { problem: `epochMillis ${created.epochMillis}: ${yearProblem}` };
  }
  const text = isRecord(created) ? created.iso8601 : created;
  const time = readApiTime(text, job);
  if (time !== undefined) return { time };
  // As an issue's created reads: the value as JSON ("'undefined' is not a time" named no value), or none.
  return { problem: `${created === undefined ? '(missing)' : jsonExcerpt(created)} is not a time${warehouseTimeAdvice(text)}` };
}

/**
 * Maps one comment of an issue: a public comment is a `reply` by its
 * author's account type (customer, atlassian as agent, app as system); an
 * internal one is only counted.
 */
export function writeComment(comment: unknown, file: string, path: string | number, entry: IssueEntry, job: ImportJob): void {
  const { summary } = job;
  const ticket = entry.ticket;
  if (!isRecord(comment)) return summary.skip(file, path, 'comments that are not objects', `comment on ${ticket}: not an object`);
  const inexact = inexactIdReason(comment, `comment on ${ticket}`);
  if (inexact !== undefined) return summary.skip(file, path, 'comments with an id beyond 2^53', inexact);
  const id = textOf(comment.id);
  if (id !== undefined) {
    if (entry.comments.has(id)) return summary.took(file, 'comments read before (with their issue or in another file)');
    entry.comments.add(id);
  }
  if (isInternalComment(comment)) return summary.took(file, 'internal comments (not replies)');
  const created = commentTime(comment.created, job);
  if ('problem' in created) return summary.skip(file, path, 'comments without a readable time', `comment on ${ticket}: created ${created.problem}`);
  const type = accountTypeOf(comment.author, entry);
  const author = type === undefined ? undefined : ACCOUNT_AUTHORS.get(type);
  if (author === undefined) {
    return summary.skip(file, path, "comments whose author's account type is unknown", `comment on ${ticket}: the author's accountType is ${type === undefined ? 'not given (nor anywhere else in the issue)' : `'${type}'`}; slac knows ${[...ACCOUNT_AUTHORS.keys()].join(', ')}`);
  }
  let time = created.time;
  if (time < entry.created) {
    time = entry.created;
    summary.note('comments dated before their issue was created: moved to its creation');
  }
  job.sink.write({ ticket, time, event: 'reply', author, ...(entry.client === undefined ? {} : { client: entry.client }) });
  summary.took(file, `replies (${author})`);
}
