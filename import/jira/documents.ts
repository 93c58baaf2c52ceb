import { isRecord } from '../json-file.js';

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

/** What the import says of a file that is none of these. */
export const NOT_A_JIRA_DOCUMENT = 'not a Jira search page, issue, comment page or status list: not read';
