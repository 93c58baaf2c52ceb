import { beforeAll, describe, expect, it } from 'vitest';
import { CompletionRequest, type CompletionItem, type CompletionList } from 'vscode-languageserver-protocol';
import { at } from './harness/cursor.js';
import { openExample, useServer, type OpenExample } from './harness/session.js';

const client = useServer();
const files: Record<string, OpenExample> = {};

beforeAll(async () => {
  for (const name of ['poologics.sla', 'hosting.sla', 'letsflo.sla']) files[name] = await openExample(client(), name);
});

async function labelsAt(name: string, marked: string, text?: string): Promise<string[]> {
  const file = files[name]!;
  if (text !== undefined) {
    await client().change(file.uri, text);
    file.text = text;
  }
  const result = (await client().connection.sendRequest(CompletionRequest.type, {
    textDocument: { uri: file.uri },
    position: at(file.text, marked),
  })) as CompletionItem[] | CompletionList | null;
  const items = Array.isArray(result) ? result : (result?.items ?? []);
  return items.map((item) => item.label);
}

/** Where the cursor is, what must be offered, and what must not. */
const cases: { name: string; file: string; cursor: string; includes: string[]; excludes: string[] }[] = [
  { name: 'calendars after clock', file: 'poologics.sla', cursor: 'clock Busi|nessHours\n  target 20', includes: ['BusinessHours', 'AroundTheClock'], excludes: ['Critical', 'target'] },
  { name: 'calendars after hours in a channel', file: 'poologics.sla', cursor: 'channel Chat {\n  hours |BusinessHours', includes: ['BusinessHours', 'AroundTheClock'], excludes: ['Mon-Fri'] },
  // `target Standard 1 hour` here would be SLA3025: Resolution has `target Standard 2 hours` (completion-target-slots.test.ts).
  { name: 'severities after target', file: 'poologics.sla', cursor: 'target |Critical 1 hour', includes: ['Critical'], excludes: ['BusinessHours', 'Standard'] },
  // `at 50% of Availability` is SLA3024 (an escalation needs a ticket metric): the uptime metric is not offered.
  { name: 'ticket metrics after of', file: 'poologics.sla', cursor: 'at 50% of |Resolution', includes: ['Resolution', 'Acknowledgement'], excludes: ['Critical', 'Availability'] },
  // A credit for a metric without an objective is SLA3023: NextReply, OutageFix and StatusUpdates have none.
  // Fix is quarterly where the other tiers count monthly: SLA3036.
  { name: 'metrics with an objective after when in credits', file: 'hosting.sla', cursor: 'when |Uptime below 99.9%', includes: ['Uptime', 'FirstResponse'], excludes: ['P1', 'Office', 'NextReply', 'OutageFix', 'StatusUpdates', 'Fix'] },
  { name: 'params after client', file: 'poologics.sla', cursor: 'client |ClientName', includes: ['ClientName'], excludes: ['BusinessHours'] },
  { name: 'time zones inside timezone "', file: 'poologics.sla', cursor: 'timezone "America/|New_York"\n  hours Mon-Fri', includes: ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo'], excludes: ['BusinessHours'] },
  { name: 'weekdays after hours in a calendar', file: 'poologics.sla', cursor: 'hours |Mon-Fri 08:00-18:00\n  holidays', includes: ['Mon-Fri', 'Sat-Sun', 'Sun'], excludes: ['BusinessHours'] },
  { name: 'time ranges after hours on a holiday', file: 'hosting.sla', cursor: 'annually 12-24 hours |08:00-12:00', includes: ['09:00-17:00', '08:00-18:00'], excludes: ['Mon-Fri', 'Office'] },
  { name: 'status after pause when', file: 'hosting.sla', cursor: 'pause when |status', includes: ['status'], excludes: ['Uptime'] },
  { name: 'units after a number', file: 'poologics.sla', cursor: 'target 20 |minutes', includes: ['minutes', 'hours', 'business days', 'weeks'], excludes: ['months', 'Critical'] },
  // minutes, hours and business days in the review cadence are SLA3028.
  { name: 'months in the review cadence', file: 'poologics.sla', cursor: 'every 12 |months', includes: ['months', 'weeks', 'days'], excludes: ['Critical', 'minutes', 'hours', 'business days'] },
  // Not uptime: the metric has targets, which an uptime metric may not (SLA3009).
  { name: 'measure kinds after measures', file: 'poologics.sla', cursor: 'measures |first estimate', includes: ['first response', 'resolution', 'first estimate', 'update interval'], excludes: ['target', 'uptime'] },
  { name: 'periods after an objective percentage', file: 'poologics.sla', cursor: 'objective 95% |monthly', includes: ['monthly', 'quarterly', 'yearly', 'weekly'], excludes: ['minutes'] },
  { name: 'metric statements at the start of a line', file: 'poologics.sla', cursor: 'measures first response\n  |clock BusinessHours', includes: ['clock', 'target'], excludes: ['timezone', 'calendar', 'description', 'title', 'measures', 'objective'] },
  { name: 'calendar statements at the start of a line', file: 'poologics.sla', cursor: 'timezone "America/New_York"\n  |hours Mon-Fri', includes: ['hours', 'holidays'], excludes: ['target', 'metric', 'timezone'] },
  { name: 'severity statements', file: 'poologics.sla', cursor: 'severity Standard {\n  |description', includes: ['description', 'matches'], excludes: ['target', 'timezone', 'default'] },
  { name: 'declarations and snippets at the top level', file: 'poologics.sla', cursor: '}\n|\ncalendar AroundTheClock', includes: ['calendar', 'metric', 'severity', 'credits', 'calendar (new calendar)', 'metric (new metric)'], excludes: ['target', 'timezone', 'escalation (new escalation)'] },
  { name: 'triggers after an escalation level', file: 'poologics.sla', cursor: 'level 1 "Higher-level support technician" |at 50%', includes: ['at', 'after'], excludes: ['level'] },
  { name: 'an example entry in a holidays block', file: 'hosting.sla', cursor: '"Christmas Eve"\n    |annually 12-31', includes: ['holiday (date and name)', 'annually', 'annually (every year)'], excludes: ['timezone', 'hours'] },
  { name: 'an example entry in a responsibilities block', file: 'poologics.sla', cursor: 'responsibilities Client {\n  |"Report', includes: ['obligation'], excludes: ['title'] },
  { name: 'review statements', file: 'letsflo.sla', cursor: 'also on request\n  |also after', includes: ['also'], excludes: ['target', 'every', 'participants', 'agenda', 'report', 'notify', 'amendments'] },
];

describe('completion knows where the cursor is', () => {
  it.each(cases)('$name', async ({ file, cursor, includes, excludes }) => {
    const labels = await labelsAt(file, cursor);
    expect(labels).toEqual(expect.arrayContaining(includes));
    for (const label of excludes) expect(labels).not.toContain(label);
  });

  it('offers nothing inside a comment or a string', async () => {
    expect(await labelsAt('poologics.sla', '// The provider is not| penalised')).toEqual([]);
    expect(await labelsAt('poologics.sla', 'description "Any other| software')).toEqual([]);
  });

  it('replaces the whole time zone between the quotes instead of doubling it', async () => {
    const file = files['poologics.sla']!;
    const position = at(file.text, 'timezone "America/New_|York"\n  hours Mon-Fri');
    const items = (await client().connection.sendRequest(CompletionRequest.type, { textDocument: { uri: file.uri }, position })) as CompletionItem[];
    const newYork = items.find((item) => item.label === 'America/New_York');
    const range = { start: { ...position, character: position.character - 'America/New_'.length }, end: { ...position, character: position.character + 'York'.length } };
    expect(newYork?.textEdit).toEqual({ range, newText: 'America/New_York' });
  });

  it('documents keywords and names', async () => {
    const file = files['poologics.sla']!;
    const items = (await client().connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: file.uri },
      position: at(file.text, 'clock Busi|nessHours\n  target 20'),
    })) as CompletionItem[];
    const calendar = items.find((item) => item.label === 'BusinessHours');
    expect(JSON.stringify(calendar?.documentation)).toContain('America/New_York');
  });

  it('completes in half-typed text', async () => {
    const text = files['hosting.sla']!.text.replace('metric Uptime {', 'metric Uptime {\n  clock \n  meas');
    expect(await labelsAt('hosting.sla', 'metric Uptime {\n  clock |', text)).toEqual(expect.arrayContaining(['Office', 'OnCall', 'NightDesk']));
    expect(await labelsAt('hosting.sla', '  meas|')).toEqual(expect.arrayContaining(['measures', 'target']));
  });
});
