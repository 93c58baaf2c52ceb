import { readApiTime } from '../api-time.js';
import type { ImportJob } from '../import-source.js';
import { inexactIdReason, isRecord, textOf } from '../json-file.js';
import { warehouseTimeAdvice } from '../warehouse-time.js';
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

/** A comment's time: the platform API's string, or the servicedeskapi's `{ iso8601, epochMillis }`. */
function commentTime(created: unknown, job: ImportJob): number | undefined {
  if (isRecord(created)) {
    if (typeof created.epochMillis === 'number') return created.epochMillis;
    return readApiTime(created.iso8601, job);
  }
  return readApiTime(created, job);
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
  if (created === undefined) return summary.skip(file, path, 'comments without a readable time', `comment on ${ticket}: created '${JSON.stringify(comment.created)}' is not a time${warehouseTimeAdvice(isRecord(comment.created) ? comment.created.iso8601 : comment.created)}`);
  const type = accountTypeOf(comment.author, entry);
  const author = type === undefined ? undefined : ACCOUNT_AUTHORS.get(type);
  if (author === undefined) {
    return summary.skip(file, path, "comments whose author's account type is unknown", `comment on ${ticket}: the author's accountType is ${type === undefined ? 'not given (nor anywhere else in the issue)' : `'${type}'`}; slac knows ${[...ACCOUNT_AUTHORS.keys()].join(', ')}`);
  }
  let time = created;
  if (time < entry.created) {
    time = entry.created;
    summary.note('comments dated before their issue was created: moved to its creation');
  }
  job.sink.write({ ticket, time, event: 'reply', author, ...(entry.client === undefined ? {} : { client: entry.client }) });
  summary.took(file, `replies (${author})`);
}
