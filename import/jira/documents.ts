import { closeSync, openSync, readSync } from 'node:fs';
import { ImportFileError, type InputFile } from '../import-source.js';
import { isRecord, readJsonFile } from '../json-file.js';

/**
 * What a JSON document of a Jira export is, told by its top-level keys:
 * - a search page (`GET /rest/api/3/search?expand=changelog`, or /rest/api/2,
 *   or /search/jql): `{ "issues": [...] }`;
 * - one issue (`GET /rest/api/3/issue/{key}?expand=changelog`, or a line of
 *   an NDJSON file): `{ "key", "fields" }`;
 * - a comment page of one issue (`GET /rest/api/3/issue/{key}/comment`):
 *   `{ "comments": [...] }`, or of one request of Jira Service Management
 *   (`GET /rest/servicedeskapi/request/{key}/comment`): `{ "values": [...] }`;
 * - the statuses (`GET /rest/api/3/status`): `[{ "name", "statusCategory" }]`.
 */
export type JiraDocument =
  | { kind: 'issues'; issues: readonly unknown[]; path: string }
  | { kind: 'issue'; issue: Record<string, unknown> }
  | { kind: 'comments'; comments: readonly unknown[]; path: string }
  | { kind: 'statuses'; statuses: readonly unknown[] };

/** The kind of a parsed document, or undefined when it is none of Jira's. */
export function jiraDocumentOf(value: unknown): JiraDocument | undefined {
  if (Array.isArray(value)) {
    const first = value[0];
    if (value.length === 0 || (isRecord(first) && 'statusCategory' in first)) return { kind: 'statuses', statuses: value };
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  if (Array.isArray(value.issues)) return { kind: 'issues', issues: value.issues, path: 'issues' };
  if (typeof value.key === 'string' && isRecord(value.fields)) return { kind: 'issue', issue: value };
  if (Array.isArray(value.comments)) return { kind: 'comments', comments: value.comments, path: 'comments' };
  if (Array.isArray(value.values) && value.values.every((item) => isRecord(item) && ('body' in item || 'public' in item))) {
    return { kind: 'comments', comments: value.values, path: 'values' };
  }
  return undefined;
}

/** What a JSON file that is none of these is. */
export const NOT_A_JIRA_DOCUMENT_SHORT = 'not a Jira search page, issue, comment page or status list';
/** What the import says of a file that is none of these. */
export const NOT_A_JIRA_DOCUMENT = `${NOT_A_JIRA_DOCUMENT_SHORT}: not read`;

/**
 * The JSON document of a Jira file. A file that is Jira's own CSV export
 * ("Export CSV": a header of `Summary,Issue key,Issue id,...`) is an error
 * that says so, and which export to give instead, rather than the JSON
 * parser's words about its first letter: that export holds each issue's
 * current fields, but no changelog to date its statuses by.
 */
export function readJiraJson(file: InputFile): unknown {
  try {
    return readJsonFile(file);
  } catch (error) {
    if (error instanceof ImportFileError && isJiraCsvExport(file)) {
      throw new ImportFileError(
        `${file.shown}:1: a Jira CSV export (its header names 'Issue key'), which slac does not read: it holds no changelog, so no status can be dated; save the REST API's search pages with expand=changelog as JSON instead (docs/import/jira.md, How to export)`,
      );
    }
    throw error;
  }
}

/** Whether the file's first line is the header of Jira's CSV export: comma-separated, with an `Issue key` column. */
function isJiraCsvExport(file: InputFile): boolean {
  // The first 64 KiB hold the header: the file may be larger than slac reads whole.
  const text = firstBytesOf(file.path, 1 << 16).toString('utf8');
  const header = text.slice(text.charCodeAt(0) === 0xfeff ? 1 : 0).split(/\r?\n/, 1)[0] ?? '';
  return header.split(',').some((column) => column.trim().replace(/^"|"$/g, '').toLowerCase() === 'issue key');
}

/** At most the first `limit` bytes of a file. */
function firstBytesOf(path: string, limit: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(limit);
    return head.subarray(0, readSync(fd, head, 0, limit, 0));
  } finally {
    closeSync(fd);
  }
}
