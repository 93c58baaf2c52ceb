import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { ImportFileError, type ImportJob, type InputFile } from '../import-source.js';
import { EMPTY_PAGE } from '../import-summary.js';
import { noteMissingClientField, skipForClientValue, type ClientFieldWords } from '../client-field.js';
import { inexactIdKey, inexactIdReason, isNdjsonFile, isRecord, readNdjsonLines, textOf } from '../json-file.js';
import { LatestCopies } from '../latest-copies.js';
import { placeText, SkippedTickets } from '../skipped-tickets.js';
import { ownValue } from '../../language/model/own-keys.js';
import { writeComment } from './comments.js';
import { jiraDocumentOf, NOT_A_JIRA_DOCUMENT, NOT_A_JIRA_DOCUMENT_SHORT, readJiraJson } from './documents.js';
import { warnMissingComments, writeIssue, type RecordPlace } from './issue.js';
import { canBeWritten, joinLeftOutCopy, otherCopy, writeInlineComments, writeLeftOutComments, type IssueIndex } from './issue-copies.js';
import { ISSUE_IN_COMMENT_LINK, ISSUE_KEY_IN_NAME } from './mapping.js';
import { StatusCategories } from './status-categories.js';

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
  const copies = LatestCopies.ofApiTimes(job.assumeTimezone);
  for (const file of job.files) {
    const kind = await learnFile(file, categories, fieldNames, copies, job);
    if (kind === 'issues' || kind === 'no issues') issueFiles.push(file);
    else if (kind === 'comments') commentFiles.push(file);
    else if (kind === undefined) otherFiles.push(file);
    if (kind === 'no issues') emptyPages++;
  }
  const total = [...issueFiles, ...commentFiles].reduce((sum, file) => sum + statSync(file.path).size, 0);
  let done = 0;
  const index: IssueIndex = { written: new Map(), skipped: new SkippedTickets('issue', job.summary), copies, leftOut: new Map() };
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
