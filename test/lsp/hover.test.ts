import { beforeAll, describe, expect, it } from 'vitest';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { at } from './harness/cursor.js';
import { openExample, useServer, type OpenExample } from './harness/session.js';

const client = useServer({ today: '2026-06-15' });
const files: Record<string, OpenExample> = {};

beforeAll(async () => {
  for (const name of ['poologics.sla', 'hosting.sla', 'letsflo.sla', 'multilevel/finance.sla']) files[name] = await openExample(client(), name);
});

async function hoverText(name: string, marked: string): Promise<string> {
  const file = files[name]!;
  const hover = (await client().connection.sendRequest(HoverRequest.type, {
    textDocument: { uri: file.uri },
    position: at(file.text, marked),
  })) as Hover | null;
  return hover ? (hover.contents as MarkupContent).value : '';
}

/** Where the cursor is and what the hover must say. */
const cases: { name: string; file: string; cursor: string; says: (string | RegExp)[] }[] = [
  {
    name: 'a calendar reference: hours, zone, holidays, open hours a week',
    file: 'poologics.sla',
    cursor: 'clock Busi|nessHours\n  target 20',
    says: ['calendar BusinessHours', 'Mon-Fri 08:00-18:00 America/New_York, the public holidays of United States of America, 50 open hours a week'],
  },
  { name: 'a calendar declaration', file: 'hosting.sla', cursor: 'calendar Off|ice', says: ['Mon-Thu 08:00-12:00, 13:00-17:00; Fri 08:00-14:00 Europe/Berlin', 'the public holidays of Berlin, Germany, 2 yearly holidays', '38 open hours a week'] },
  { name: 'a calendar open for hours and minutes a week', file: 'letsflo.sla', cursor: 'calendar Supp|ort', says: ['Mon-Fri 09:00-17:30 Europe/London', '42h 30m of open time a week'] },
  { name: 'a calendar whose hours wrap past Sunday', file: 'hosting.sla', cursor: 'calendar Night|Desk', says: ['Sun-Thu 22:00-06:00 Europe/Berlin', '40 open hours a week'] },
  { name: 'a round-the-clock calendar', file: 'hosting.sla', cursor: 'clock On|Call\n  target P1 15', says: ['open around the clock'] },
  { name: 'a severity', file: 'poologics.sla', cursor: 'target Criti|cal 1 hour', says: ['severity Critical', 'blocked from generating an estimate'] },
  { name: 'the default severity', file: 'poologics.sla', cursor: 'target Stand|ard 2 hours', says: ['default severity'] },
  { name: 'a param', file: 'poologics.sla', cursor: 'client Client|Name', says: ['param ClientName', '[Company Name]', '--param ClientName='] },
  { name: 'a metric', file: 'poologics.sla', cursor: 'at 50% of Resol|ution', says: ['metric Resolution', '"Incident resolution"', 'time to resolution', 'BusinessHours'] },
  { name: 'an imported calendar names its file', file: 'multilevel/finance.sla', cursor: 'clock Service|Desk', says: ['calendar ServiceDesk', 'Europe/Madrid', 'the public holidays of Comunidad de Madrid, Spain', '50 open hours a week', 'corporate.sla'] },
  {
    name: 'an uptime objective: the downtime it allows in a real month',
    file: 'poologics.sla',
    cursor: 'objective 9|9% monthly',
    // January 2026 has 22 weekdays; New Year's Day and Martin Luther King Jr. Day close two: 20 x 10h = 200h, 1% of it 2h.
    says: ['99% monthly on BusinessHours allows about 2h of downtime a month', 'worked out for January 2026', '200h of BusinessHours open time', 'Scheduled Maintenance, on the terms of the maintenance declaration, is not counted'],
  },
  { name: 'a ticket objective: how many tickets may miss', file: 'poologics.sla', cursor: 'objective 9|0% monthly', says: ['90% of the tickets opened each month', 'of 20 tickets in a month, 2 may miss'] },
  {
    name: 'a target: open time and a worked example over a weekend',
    file: 'poologics.sla',
    cursor: 'target 2|0 minutes',
    says: ['20 minutes of BusinessHours open time', 'a ticket opened Friday 2 January 2026 17:50 is due Monday 5 January 2026 08:10'],
  },
  { name: 'a business-days target', file: 'hosting.sla', cursor: 'target P2 2 busi|ness days', says: ['2 business days of Office open time', 'is due'] },
  { name: 'an import', file: 'multilevel/finance.sla', cursor: 'import "corp|orate.sla"', says: ['`corporate.sla`', '1 calendar, 2 channels, 3 severities and 2 metrics'] },
  { name: 'a date: its weekday', file: 'hosting.sla', cursor: 'effective 2026-0|4-01', says: ['**2026-04-01** is Wednesday 1 April 2026.'] },
  { name: 'a keyword', file: 'poologics.sla', cursor: 'mea|sures first response', says: ['**measures**', 'first response'] },
  { name: 'a keyword of a calendar', file: 'poologics.sla', cursor: 'time|zone "America/New_York"', says: ['IANA time zone'] },
  { name: 'hours in a channel', file: 'poologics.sla', cursor: 'channel Chat {\n  ho|urs', says: ['calendar during which this channel is staffed'] },
  // These said what `first response`, an escalation's `after` and a calendar's opening hours mean.
  { name: 'first in first estimate', file: 'poologics.sla', cursor: 'measures fir|st estimate', says: ['**first**: `first estimate`'] },
  { name: 'after in a review', file: 'multilevel/finance.sla', cursor: 'also aft|er major incident', says: ['**after**: `also on request` or `also after major incident`'] },
  { name: 'hours on a holiday line', file: 'hosting.sla', cursor: 'annually 12-24 ho|urs 08:00-12:00', says: ['**hours**: `2026-12-24 hours 08:00-12:00`', 'short day'] },
];

describe('hover explains what is under the cursor', () => {
  it.each(cases)('$name', async ({ file, cursor, says }) => {
    const text = await hoverText(file, cursor);
    for (const expected of says) {
      if (typeof expected === 'string') expect(text).toContain(expected);
      else expect(text).toMatch(expected);
    }
  });

  it('says nothing on punctuation or blank space', async () => {
    expect(await hoverText('poologics.sla', '}\n|\ncalendar AroundTheClock')).toBe('');
  });
});
