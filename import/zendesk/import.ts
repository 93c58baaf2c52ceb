import { statSync } from 'node:fs';
import type { ImportJob, InputFile } from '../import-source.js';
import { ImportFileError } from '../import-source.js';
import { noteMissingClientField, type ClientFieldWords } from '../client-field.js';
import { ROLE_AUTHORS } from './mapping.js';
import { OUTCOME, type OutcomeTally } from './outcome-tally.js';
import { kindOfFile, PAGE_KINDS, readPages, type Page, type PageKind } from './pages.js';
import { readAuditsPage, readTicketEventsPage } from './updates.js';
import { idKey, INEXACT_ID, isInexactId, text, ZendeskTickets, type Directory } from './tickets.js';

/**
 * Turns Zendesk's API exports into slac's ticket log: the Incremental Ticket
 * Event Export (`ticket_events`, with `include=comment_events`) and ticket
 * audits (`audits`), with a users file (`users`) for roles and an
 * organisations file (`organizations`) for clients. Files are told apart by
 * their top-level key, whatever their names; users and organisations are
 * read first, then the updates in the order of the files given. Returns the
 * number of tickets written.
 */
export async function importZendesk(job: ImportJob): Promise<number> {
  const kinds = new Map<InputFile, PageKind>();
  for (const file of job.files) {
    const kind = await kindOfFile(file.path, file.shown);
    if (kind === undefined) throw new ImportFileError(`${file.shown}: not a page of a Zendesk export: its first page has none of the keys ${PAGE_KINDS.join(', ')}`);
    kinds.set(file, kind);
  }
  const total = job.files.reduce((sum, file) => sum + statSync(file.path).size, 0);
  let done = 0;
  const read = async (file: InputFile, onPage: (page: Page) => void): Promise<void> => {
    await readPages(file.path, file.shown, onPage, (line, reason) => job.summary.skip(file.shown, line, 'unreadable pages', reason), (bytes) => job.onProgress?.(done + bytes, total));
    done += statSync(file.path).size;
  };

  const directory: Directory = { roles: new Map(), inactive: new Set(), organizations: new Map() };
  const ordered = [...job.files].sort((a, b) => directoryFirst(kinds.get(a)!) - directoryFirst(kinds.get(b)!));
  const tickets = new ZendeskTickets(job, directory);
  for (const file of ordered) {
    const kind = kinds.get(file)!;
    await read(file, (page) => {
      const records = page.body[kind];
      if (!Array.isArray(records)) return job.summary.skip(file.shown, placeOf(page, kind), 'pages without records', `the page's "${kind}" is not an array`);
      if (kind === 'users') readUsers(records, page, file.shown, job, tickets.tally, directory);
      else if (kind === 'organizations') readOrganizations(records, page, file.shown, job, tickets.tally, directory);
      else if (kind === 'ticket_events') readTicketEventsPage(records, page.line, file.shown, job.summary, tickets, job.clientField?.trim());
      else readAuditsPage(records, page.line, file.shown, job.summary, tickets);
    });
  }
  tickets.finish();
  noteMissingClientField(job, tickets.written, tickets.clientFieldSeen, CLIENT_FIELD_WORDS);
  return tickets.written;
}

/** What the note on a `--client-field` no ticket has calls things. */
const CLIENT_FIELD_WORDS: ClientFieldWords = { tickets: 'tickets', ticket: 'ticket', hint: "give a ticket field as the export names it: a key of a ticket event's child, or an audit event's field_name" };

/** Users and organisations before the updates that need them. */
function directoryFirst(kind: PageKind): number {
  return kind === 'users' || kind === 'organizations' ? 0 : 1;
}

function placeOf(page: Page, path: string): string | number {
  return page.line === undefined ? path : `line ${page.line}, ${path}`;
}

function readUsers(records: unknown[], page: Page, shown: string, job: ImportJob, tally: OutcomeTally, directory: Directory): void {
  for (let index = 0; index < records.length; index++) {
    const user = records[index] as { id?: unknown; role?: unknown; active?: unknown } | null;
    if (isInexactId(user?.id)) {
      job.summary.skip(shown, placeOf(page, `users[${index}]`), 'users whose id is beyond 2^53', `the user id ${String(user!.id)} ${INEXACT_ID}`);
      continue;
    }
    const id = idKey(user?.id);
    const written = text(user?.role);
    // Zendesk writes roles in lower case; another export may not (`Agent`, `End-User`): read in any case, as statuses are.
    const role = written?.trim().toLowerCase();
    if (id === undefined || role === undefined || !ROLE_AUTHORS.has(role)) {
      job.summary.skip(shown, placeOf(page, `users[${index}]`), 'users without id or with an unknown role', `user ${id ?? '(no id)'} has the role '${written ?? ''}'; the roles are ${[...ROLE_AUTHORS.keys()].join(', ')}`);
      continue;
    }
    directory.roles.set(id, role);
    if (user!.active === false) directory.inactive.add(id);
    tally.took(shown, OUTCOME['users (roles of comment authors)']);
  }
}

function readOrganizations(records: unknown[], page: Page, shown: string, job: ImportJob, tally: OutcomeTally, directory: Directory): void {
  for (let index = 0; index < records.length; index++) {
    const organization = records[index] as { id?: unknown; name?: unknown } | null;
    if (isInexactId(organization?.id)) {
      job.summary.skip(shown, placeOf(page, `organizations[${index}]`), 'organisations whose id is beyond 2^53', `the organisation id ${String(organization!.id)} ${INEXACT_ID}`);
      continue;
    }
    const id = idKey(organization?.id);
    const name = text(organization?.name)?.trim();
    if (id === undefined || !name) {
      job.summary.skip(shown, placeOf(page, `organizations[${index}]`), 'organisations without id or name');
      continue;
    }
    directory.organizations.set(id, name);
    tally.took(shown, OUTCOME['organisations (client names)']);
  }
}
