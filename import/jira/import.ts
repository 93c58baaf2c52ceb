import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportFileError, type ImportJob, type InputFile } from '../import-source.js';
import { EMPTY_PAGE } from '../import-summary.js';
import { parseApiTime } from '../api-time.js';
import { isUnreadableClientValue, noteMissingClientField, skipForClientValue, type ClientFieldWords } from '../client-field.js';
import { inexactIdKey, inexactIdReason, isNdjsonFile, isRecord, readNdjsonLines, textOf } from '../json-file.js';
import { LatestCopies } from '../latest-copies.js';
import { placeText, SkippedTickets } from '../skipped-tickets.js';
import { ownValue } from '../../language/model/own-keys.js';
import { writeComment } from './comments.js';
import { jiraDocumentOf, NOT_A_JIRA_DOCUMENT, NOT_A_JIRA_DOCUMENT_SHORT, readJiraJson } from './documents.js';
import { warnMissingComments, writeIssue, type IssueEntry, type RecordPlace } from './issue.js';
import { ISSUE_IN_COMMENT_LINK, ISSUE_KEY_IN_NAME } from './mapping.js';
import { StatusCategories } from './status-categories.js';

/**
 * Issues written, by key, id and former keys, for comment files; those
 * skipped (by key and id), so that their comments say why; the latest
 * copy of each issue the export gives more than once; and the copies left
 * out for a later one not written yet, by its id (else key), whose inline
 * comments go to it once it is.
 */
interface IssueIndex {
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
 * Turns a Jira export (search pages with `expand=changelog`, single issues,
 * NDJSON of issues, comment pages, the status list) into slac's ticket log.
 * Three passes over the files, each file read whole as the API page it is
 * (or line by line for NDJSON): the first learns what each file is and the
 * category of every status, the second writes the issues (and the comments
 * they carry in `fields.comment`), the third the comment files. Only a
 * little of each issue is kept between passes, for its comments.
 */
export async function importJira(job: ImportJob): Promise<number> {
  const categories = new StatusCategories();
  const fieldNames = new Map<string, string>();
  const issueFiles: InputFile[] = [];
  const commentFiles: InputFile[] = [];
  const otherFiles: InputFile[] = [];
  let emptyPages = 0;
  const copies = new LatestCopies();
  for (const file of job.files) {
    const kind = await learnFile(file, categories, fieldNames, copies, job);
    if (kind === 'issues' || kind === 'no issues') issueFiles.push(file);
    else if (kind === 'comments') commentFiles.push(file);
    else if (kind === undefined) otherFiles.push(file);
    if (kind === 'no issues') emptyPages++;
  }
  const total = [...issueFiles, ...commentFiles].reduce((sum, file) => sum + statSync(file.path).size, 0);
  let done = 0;
  const index: IssueIndex = { written: new Map(), skipped: new SkippedTickets('issue'), copies, leftOut: new Map() };
  for (const file of issueFiles) {
    await writeIssueFile(file, job, categories, index);
    done += statSync(file.path).size;
    job.onProgress?.(done, total);
  }
  // No issue at all, and files that are none of Jira's: another helpdesk's export (whose NDJSON is read as issues and skipped).
  for (const copiesLeftOut of index.leftOut.values()) for (const copy of copiesLeftOut) writeLeftOutComments(copy, index, job);
  if (index.written.size === 0 && emptyPages === 0 && (issueFiles.length === 0 || otherFiles.length > 0)) throw noIssuesError(job.files, otherFiles);
  for (const file of commentFiles) {
    writeCommentFile(file, job, index);
    done += statSync(file.path).size;
    job.onProgress?.(done, total);
  }
  const issues = new Set(index.written.values());
  for (const issue of issues) warnMissingComments(issue, job);
  noteMissingClientField(job, issues.size, [...issues].some((issue) => issue.hasClientField), clientFieldWords(fieldNames, job.clientField));
  index.skipped.noteUnnamed(job.summary, 'comments');
  if (categories.unknown.size > 0) {
    job.summary.note(`statuses whose category no statuses file nor issue gave (taken as not Done): ${[...categories.unknown].sort().join(', ')}`);
  }
  return issues.size;
}

/** What the note on a `--client-field` no issue has calls things. */
const CLIENT_FIELD_WORDS: ClientFieldWords = { tickets: 'issues', ticket: 'issue', hint: "give the id of a key of an issue's fields (such as customfield_10050)" };

/**
 * What the note on a `--client-field` no issue has says to give instead: the
 * id the search pages' `names` (`expand=names`) give for the field, when
 * the option named it as Jira shows it ("Account code"), since the issues'
 * JSON keys it by id only.
 */
function clientFieldWords(fieldNames: ReadonlyMap<string, string>, clientField: string | undefined): ClientFieldWords {
  const wanted = clientField?.trim().toLowerCase();
  const ids = [...fieldNames].filter(([, name]) => name.trim().toLowerCase() === wanted).map(([id]) => id);
  if (ids.length === 0) return CLIENT_FIELD_WORDS;
  const named = ids.map((id) => `${id} '${fieldNames.get(id)!}'`).join(', ');
  return { ...CLIENT_FIELD_WORDS, hint: `the search pages name ${named}: give --client-field ${ids[0]!}` };
}

/**
 * An export without a search page, issue or NDJSON of issues is not a Jira
 * export (another helpdesk's folder, say): one error, as the other sources
 * give, rather than an empty log, exit 0 and a summary of files not read.
 */
function noIssuesError(files: readonly InputFile[], others: readonly InputFile[]): ImportFileError {
  const give = 'give the responses of GET /rest/api/3/search?expand=changelog (or NDJSON of issues), /rest/api/3/issue/{key}/comment and /rest/api/3/status';
  if (others.length > 0) return new ImportFileError(`${others[0]!.shown}: ${NOT_A_JIRA_DOCUMENT_SHORT}, and no file holds Jira issues; ${give}`);
  return new ImportFileError(`no Jira search page or issue among ${files.map((file) => file.shown).join(', ')}; ${give}`);
}

/**
 * First pass: what the file holds ('no issues' for a search page of none),
 * the status categories it tells, and when each issue was last updated;
 * undefined for the status list and what is not Jira's.
 */
async function learnFile(file: InputFile, categories: StatusCategories, fieldNames: Map<string, string>, copies: LatestCopies, job: ImportJob): Promise<'issues' | 'no issues' | 'comments' | 'statuses' | undefined> {
  const learnIssue = (issue: unknown, where: number | string): void => {
    if (!isRecord(issue)) return;
    const fields = isRecord(issue.fields) ? issue.fields : undefined;
    if (fields) categories.learn(fields.status);
    if (canBeWritten(issue, job)) copies.observe(textOf(issue.id) ?? textOf(issue.key), placeText(file.shown, where), textOf(issue.key) ?? '?', fields?.updated, issue.id);
  };
  if (isNdjsonFile(file)) {
    for await (const line of readNdjsonLines(file)) if ('value' in line) learnIssue(line.value, line.line);
    return 'issues';
  }
  const json = readJiraJson(file);
  const document = jiraDocumentOf(json);
  if (document === undefined) {
    job.summary.fileNote(file.shown, 0, NOT_A_JIRA_DOCUMENT);
    return undefined;
  }
  switch (document.kind) {
    case 'statuses':
      document.statuses.forEach((status, i) => {
        if (categories.learn(status)) job.summary.took(file.shown, 'statuses (their categories)');
        else job.summary.skip(file.shown, `[${i}]`, 'statuses without a name or category', 'the status has no name or statusCategory.key');
      });
      return 'statuses';
    case 'issues':
      learnFieldNames(json, fieldNames);
      document.issues.forEach((issue, i) => learnIssue(issue, `${document.path}[${i}]`));
      if (document.issues.length > 0) return 'issues';
      job.summary.fileNote(file.shown, 0, EMPTY_PAGE);
      return 'no issues';
    case 'issue':
      learnIssue(document.issue, '$');
      return 'issues';
    case 'comments':
      return 'comments';
  }
}

/**
 * Whether the second pass can write this copy of an issue: none of the
 * reasons it skips an issue for (an id beyond 2^53, a client field it cannot
 * read, no key or fields, no readable created time). Only such a copy is a
 * candidate for the latest copy of an issue given twice: a newer copy that
 * cannot be written left the older one skipped for it, and the issue out of
 * the log.
 */
function canBeWritten(issue: Record<string, unknown>, job: ImportJob): boolean {
  const fields = issue.fields;
  if (inexactIdKey(issue) !== undefined || textOf(issue.key) === undefined || !isRecord(fields)) return false;
  const field = job.clientField?.trim();
  if (field !== undefined && isUnreadableClientValue(ownValue(fields, field), field)) return false;
  return parseApiTime(fields.created, job.assumeTimezone) !== undefined;
}

/** The names a search page with `expand=names` gives its fields (`{ "names": { "customfield_10050": "Account code" } }`). */
function learnFieldNames(page: unknown, fieldNames: Map<string, string>): void {
  if (!isRecord(page) || !isRecord(page.names)) return;
  for (const [id, name] of Object.entries(page.names)) if (typeof name === 'string') fieldNames.set(id, name);
}

/** Second pass: the issues of a search page, issue file or NDJSON file, with their inline comments. */
async function writeIssueFile(file: InputFile, job: ImportJob, categories: StatusCategories, index: IssueIndex): Promise<void> {
  const write = (issue: unknown, place: RecordPlace): void => {
    if (!isRecord(issue)) return job.summary.skip(file.shown, place.line ?? place.path, 'issues that are not objects', 'not an issue object');
    const at = placeText(file.shown, place.line ?? place.path);
    const inexactKey = inexactIdKey(issue);
    if (inexactKey !== undefined) {
      // Remembered by its key (exact text), so that its comments say why.
      index.skipped.addInexact(inexactKey, [textOf(issue.key), inexactKey === 'id' ? undefined : textOf(issue.id)], at);
      return job.summary.skip(file.shown, place.line ?? place.path, 'issues with an id beyond 2^53', inexactIdReason(issue, 'issue')!);
    }
    const field = job.clientField?.trim();
    const clientValue = field !== undefined && isRecord(issue.fields) ? ownValue(issue.fields, field) : undefined;
    const id = textOf(issue.id);
    const key = textOf(issue.key);
    const clientSkip = skipForClientValue(job, clientValue, `issue ${key ?? '?'}`, 'issues', file.shown, place.line ?? place.path);
    if (clientSkip !== undefined) return index.skipped.add([key, id], clientSkip, at);
    const copy = canBeWritten(issue, job) ? otherCopy(issue, at, index) : undefined;
    if (copy !== undefined) {
      job.summary.skip(file.shown, place.line ?? place.path, 'issues given twice (in two pages or files)', copy);
      return writeLeftOutComments({ issue, place }, index, job);
    }
    const entry = writeIssue(issue, place, job, categories);
    if ('skipped' in entry) return index.skipped.add([key, id], entry.skipped, at);
    for (const name of [entry.ticket, ...(id === undefined ? [] : [id]), ...entry.formerKeys]) index.written.set(name, entry);
    writeInlineComments(issue, place, entry, job);
    const leftOut = index.leftOut.get(id ?? key!) ?? [];
    index.leftOut.delete(id ?? key!);
    for (const copy of leftOut) joinLeftOutCopy(copy, entry, index, job);
  };
  if (isNdjsonFile(file)) {
    for await (const line of readNdjsonLines(file)) {
      if ('error' in line) job.summary.skip(file.shown, line.line, 'unreadable lines', line.error);
      else write(line.value, { file: file.shown, path: `line ${line.line}`, line: line.line });
    }
    return;
  }
  const document = jiraDocumentOf(readJiraJson(file));
  if (document?.kind === 'issue') write(document.issue, { file: file.shown, path: '$' });
  else if (document?.kind === 'issues') document.issues.forEach((issue, i) => write(issue, { file: file.shown, path: `${document.path}[${i}]` }));
}

/** The comments an issue carries in `fields.comment.comments`, onto the issue written (`entry`). */
function writeInlineComments(issue: Record<string, unknown>, place: RecordPlace, entry: IssueEntry, job: ImportJob): void {
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
function joinLeftOutCopy(copy: LeftOutCopy, entry: IssueEntry, index: IssueIndex, job: ImportJob): void {
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
function writeLeftOutComments(copy: LeftOutCopy, index: IssueIndex, job: ImportJob): void {
  const key = textOf(copy.issue.key);
  const id = textOf(copy.issue.id);
  const entry = (key === undefined ? undefined : index.written.get(key)) ?? (id === undefined ? undefined : index.written.get(id));
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
function otherCopy(issue: Record<string, unknown>, at: string, index: IssueIndex): string | undefined {
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
  const entry = (key === undefined ? undefined : index.written.get(key)) ?? (id === undefined ? undefined : index.written.get(id));
  if (entry === undefined) return undefined;
  if (entry.ticket === key) return `issue ${key} is given earlier (in this file or another): the first is kept`;
  return `issue ${key ?? '?'}${id === undefined ? '' : ` (id ${id})`} is issue ${entry.ticket}, given earlier (moved between projects, in this file or another): the first is kept`;
}

/** Third pass: a comment page, each comment placed by its `self` link, or by the issue key the file is named after. */
function writeCommentFile(file: InputFile, job: ImportJob, index: IssueIndex): void {
  const document = jiraDocumentOf(readJiraJson(file));
  if (document?.kind !== 'comments') return;
  const named = ISSUE_KEY_IN_NAME.exec(basename(file.path))?.[1];
  document.comments.forEach((comment, c) => {
    const path = `${document.path}[${c}]`;
    const issue = issueOfComment(comment) ?? named;
    if (issue === undefined) return job.summary.skip(file.shown, path, 'comments whose issue is unknown', 'the comment has no self link naming its issue, and the file is not named after an issue key (SUP-12.json)');
    const entry = index.written.get(issue);
    const skipped = entry === undefined ? index.skipped.problemOf(issue, `comment on ${issue}`, 'comments') : undefined;
    if (skipped !== undefined) return job.summary.skip(file.shown, path, skipped.group, skipped.reason);
    if (entry === undefined) return job.summary.skip(file.shown, path, 'comments of issues not in the export', `comment on ${issue}: the issue is in none of the files`);
    writeComment(comment, file.shown, path, entry, job);
  });
}

/** The issue id or key a comment's `self` link (platform API) or `_links.self` (servicedeskapi) names. */
function issueOfComment(comment: unknown): string | undefined {
  if (!isRecord(comment)) return undefined;
  const self = typeof comment.self === 'string' ? comment.self : isRecord(comment._links) && typeof comment._links.self === 'string' ? comment._links.self : undefined;
  return self === undefined ? undefined : ISSUE_IN_COMMENT_LINK.exec(self)?.[1];
}
