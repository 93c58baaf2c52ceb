import type { ReplyAuthor } from '../../runtime/log/events.js';

// Tables keyed by a helpdesk's values are Maps: a plain object answers `constructor`,
// `toString` or `__proto__` from its prototype, so such a status or role became
// "[object Object]" (test/cli/import-prototype-values.test.ts).

/** Author of a comment by the `accountType` of the account that wrote it. */
export const ACCOUNT_AUTHORS: ReadonlyMap<string, ReplyAuthor> = new Map([
  ['customer', 'customer'],
  ['atlassian', 'agent'],
  ['app', 'system'],
]);

/** The status category whose statuses mean resolved: leaving it means reopened. */
export const DONE_CATEGORY = 'done';

/** The To Do status category: the one an issue is created in, so its status can be dated at creation without a changelog. */
export const NEW_CATEGORY = 'new';

/** Changelog fields that become log rows; every other field's changes are counted and left out. */
export const LOG_FIELDS: ReadonlyMap<string, 'status' | 'priority'> = new Map([
  ['status', 'status'],
  ['priority', 'priority'],
]);

/** The changelog field that records an issue moved to another key (its comments may be filed under the old key). */
export const KEY_FIELD = 'key';

/** Where an organization of Jira Service Management links to, which tells its custom field from others. */
export const ORGANIZATION_LINK = '/servicedeskapi/organization/';

/** The comment property Jira Service Management sets on internal comments (`?expand=properties`). */
export const INTERNAL_COMMENT_PROPERTY = 'sd.public.comment';

/** An issue key, as comment files may be named after it (`SUP-12.json`, `SUP-12-comments.json`). */
export const ISSUE_KEY_IN_NAME = /^([A-Z][A-Z0-9_]*-\d+)(?![0-9])/;

/** The issue (id or key) a comment's `self` link names: `/issue/10010/comment/10000` or `/request/10010/comment/1000`. */
export const ISSUE_IN_COMMENT_LINK = /\/(?:issue|request)\/([^/]+)\/comment\//;
