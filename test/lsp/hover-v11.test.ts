// Hovers on the constructs of language 1.1, over stdio JSON-RPC. The server's
// "today" is fixed at 2026-06-15 (initialization options), so "this year and
// next" is 2026 and 2027. Holiday rows are hand-checked against the calendar.
import { beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { at } from './harness/cursor.js';
import { openExample, openFixture, useServer, type OpenExample } from './harness/session.js';

const client = useServer({ today: '2026-06-15' });
const files: Record<string, OpenExample> = {};

beforeAll(async () => {
  for (const name of ['hosting.sla', 'multilevel/departments.sla']) files[name] = await openExample(client(), name);
  files['v11/office.sla'] = await openFixture(client(), 'v11/office.sla');
});

async function hoverText(name: string, marked: string): Promise<string> {
  const file = files[name]!;
  const hover = (await client().connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: file.uri },
    position: at(file.text, marked),
  })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : '';
}

/** Where the cursor is, what the hover must say and what it must not. */
const cases: { name: string; file: string; cursor: string; says: string[]; not?: string[] }[] = [
  {
    name: 'holidays "DE-BE": the subdivision and the calendar\'s holidays this year and next',
    file: 'hosting.sla',
    cursor: 'holidays "DE-|BE"',
    says: [
      '**holidays "DE-BE"**: the public holidays of Berlin, Germany, every year',
      '**2026**',
      '| 2026-01-01 | Thu | New Year\'s Day | closed |',
      '| 2026-04-03 | Fri | Good Friday | closed |',
      '| 2026-04-06 | Mon | Easter Monday | closed |',
      '| 2026-12-24 | Thu | Christmas Eve | 08:00-12:00 |',
      '| 2026-12-31 | Thu | New Year\'s Eve | 08:00-12:00 |',
      '**2027**',
      '| 2027-03-26 | Fri | Good Friday | closed |',
      '| 2027-03-29 | Mon | Easter Monday | closed |',
      '| 2027-12-24 | Fri | Christmas Eve | 08:00-12:00 |',
    ],
    not: ['2025-', '2028-'],
  },
  { name: 'the holidays keyword of that line too', file: 'hosting.sla', cursor: 'holi|days "DE-BE"', says: ['Berlin, Germany', '| 2026-05-25 | Mon | Whit Monday | closed |'] },
  {
    name: 'a calendar name: every source merged (country, file, annual, dated)',
    file: 'v11/office.sla',
    cursor: 'calendar Off|ice',
    says: [
      'the public holidays of Berlin, Germany, holidays from company-days.ics, 1 yearly holiday, 1 dated holiday',
      '| 2026-07-03 | Fri | Summer party | closed |',
      '| 2027-07-03 | Sat | Summer party | closed |',
      '| 2027-06-04 | Fri | Company day | closed |',
      '| 2026-12-24 | Thu | Christmas Eve | 08:00-12:00 |',
      '| 2026-10-03 | Sat | National Holiday | closed |',
    ],
  },
  { name: 'a calendar reference lists the same holidays', file: 'v11/office.sla', cursor: 'clock Off|ice\n  target via', says: ['calendar Office', '| 2027-03-26 | Fri | Good Friday | closed |'] },
  {
    name: 'holidays from "file.ics"',
    file: 'v11/office.sla',
    cursor: 'holidays fr|om "company-days.ics"',
    says: ['**holidays from "company-days.ics"**', 'all-day event', '| 2026-07-03 | Fri | Summer party | closed |'],
  },
  { name: 'a month-day: the day and its weekdays', file: 'hosting.sla', cursor: 'annually 12-2|4', says: ['**12-24** is 24 December, every year: a Thursday in 2026, a Friday in 2027.'] },
  {
    name: 'the maintenance declaration: every term and the metrics it applies to',
    file: 'hosting.sla',
    cursor: 'mainte|nance {',
    says: [
      '**maintenance**: planned maintenance that keeps to these terms is Scheduled Maintenance',
      'only during the open hours of SundayNight (Sun 02:00-06:00 Europe/Berlin',
      'at least 5 days',
      'at most 8 hours of maintenance',
      'It applies to `Uptime`',
    ],
  },
  { name: 'window', file: 'hosting.sla', cursor: 'win|dow SundayNight', says: ['**window SundayNight**: maintenance may take place only during the open hours of SundayNight (Sun 02:00-06:00 Europe/Berlin', 'counts as downtime'] },
  { name: 'notice', file: 'hosting.sla', cursor: 'noti|ce 5 days', says: ['**notice 5 days**: maintenance must be announced at least 5 days (real elapsed time, not open time) before it starts'] },
  { name: 'at most', file: 'hosting.sla', cursor: 'at mo|st 8 hours monthly', says: ['**at most 8 hours monthly**: at most 8 hours of maintenance (real elapsed time) each calendar month is excluded'] },
  { name: 'next reply', file: 'hosting.sla', cursor: 'measures next re|ply', says: ['**reply**', 'every answer to the customer', 'starts a cycle'] },
  { name: 'a metric that measures next reply', file: 'hosting.sla', cursor: 'metric Next|Reply', says: ['the time to each reply to a customer message'] },
  { name: 'via: what a channel target is', file: 'hosting.sla', cursor: 'target P3 v|ia Email', says: ['**via**', 'The most specific target wins'] },
  { name: 'via Channel: the channel', file: 'hosting.sla', cursor: 'target P3 via Em|ail', says: ['**channel Email**', 'support@northwind.example', 'Recorded in the helpdesk as "email" or "mail".'] },
  { name: 'a channel target: what it allows', file: 'hosting.sla', cursor: 'target P3 via Email |4 hours', says: ['P3 tickets that came in via Email: 4 hours of OnCall open time'] },
  { name: 'a channel target without a severity', file: 'v11/office.sla', cursor: 'target via Phone |2 minutes', says: ['tickets that came in via Phone: 2 minutes of Office open time'] },
  { name: 'matches', file: 'hosting.sla', cursor: 'mat|ches "urgent"', says: ['**matches**', 'ignoring case'] },
  { name: 'pause never', file: 'hosting.sla', cursor: 'pause nev|er', says: ['**never**', 'never stops'] },
  { name: 'pause in a metric', file: 'hosting.sla', cursor: 'pa|use never', says: ['replaces the agreement-wide pause statuses for this metric'] },
  {
    name: 'a portfolio',
    file: 'multilevel/departments.sla',
    cursor: 'portfolio Depart|ments',
    says: ['**portfolio Departments**: 2 clients', 'unlisted client is an error'],
  },
  {
    name: 'a portfolio\'s agreement path: the agreement it names',
    file: 'multilevel/departments.sla',
    cursor: 'uses "fin|ance.sla"',
    says: ['**finance.sla**: the agreement FinancePayroll ("Payroll Service Level Agreement")'],
  },
  {
    name: 'a portfolio client line',
    file: 'multilevel/departments.sla',
    cursor: 'cli|ent "Human Resources Department"',
    says: ['tickets of "Human Resources Department" or "HR" are checked against `hr.sla`'],
  },
];

describe('hovers on the 1.1 constructs', () => {
  it.each(cases)('$name', async ({ file, cursor, says, not }) => {
    const text = await hoverText(file, cursor);
    for (const expected of says) expect(text).toContain(expected);
    for (const unexpected of not ?? []) expect(text).not.toContain(unexpected);
  });
});
