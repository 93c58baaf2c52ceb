import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/main.js';
import { serializeModel } from '../../runtime/model-io.js';
import { supportModel } from '../runtime/check/fixture-model.js';

/** Answers that looked calm but were wrong or empty for a reason the report did not give (issue 13). */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const folder = mkdtempSync(join(tmpdir(), 'slac-cli-answers-'));
writeFileSync(join(folder, 'support.sla.json'), serializeModel(supportModel));
writeFileSync(
  join(folder, 'tickets.csv'),
  ['ticket,time,event,severity,channel,status,author,level', 'A,2026-03-02T09:00:00-05:00,created,,,,,', 'A,2026-03-02T09:10:00-05:00,reply,,,,agent,', 'A,2026-03-02T10:00:00-05:00,resolved,,,,,'].join('\n'),
);

// Two outages on the day of the tickets; a third on the next day, left out by an --as-of before it.
writeFileSync(
  join(folder, 'outages.csv'),
  ['start,end,kind', '2026-03-02T08:00:00-05:00,2026-03-02T08:30:00-05:00,outage', '2026-03-03T05:00:00-05:00,2026-03-03T06:00:00-05:00,maintenance', '2026-03-03T07:00:00-05:00,2026-03-03T07:15:00-05:00,outage'].join('\n'),
);
cpSync(join(root, 'examples', 'multilevel'), join(folder, 'multilevel'), { recursive: true });
cpSync(join(root, 'test', 'cli', 'fixtures', 'portfolio', 'tickets-missed.csv'), join(folder, 'tickets-missed.csv'));

async function slac(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), stderrIsTTY: false, cwd: folder });
  return { code, stdout, stderr };
}

describe('an --as-of before every event', () => {
  const warning = 'tickets.csv: warning: 3 events are after the as-of instant 2025-03-02T00:00:00-05:00 and left out of the report [SLA4040]\n';
  it.each(['text', 'json', 'csv'])('says how many events were left out (%s)', async (format) => {
    const result = await slac('check', 'support.sla.json', 'tickets.csv', '--as-of', '2025-03-02T05:00:00Z', '--format', format);
    expect(result.stderr).toBe(warning);
    if (format === 'json') {
      const report = JSON.parse(result.stdout);
      expect(report.ignoredAfterAsOf).toBe(3);
      expect(report.warnings).toEqual([{ file: 'tickets.csv', line: 0, code: 'SLA4040', message: expect.stringContaining('3 events are after') }]);
    }
  });

  it('says nothing when no event is after it', async () => {
    const result = await slac('check', 'support.sla.json', 'tickets.csv', '--as-of', '2026-03-03T00:00:00Z');
    expect(result.stderr).toBe('');
  });

  // The outage log's rows are events too: one after the instant is left out of the uptime without a word otherwise.
  it.each(['text', 'json', 'csv'])('says how many outage rows were left out (%s)', async (format) => {
    const result = await slac('check', 'support.sla.json', 'tickets.csv', '--outages', 'outages.csv', '--as-of', '2026-03-02T15:00:00Z', '--format', format);
    expect(result.stderr).toBe('outages.csv: warning: 2 outage rows are after the as-of instant 2026-03-02T10:00:00-05:00 and left out of the report [SLA4040]\n');
    if (format === 'json') expect(JSON.parse(result.stdout).warnings).toEqual([{ file: 'outages.csv', line: 0, code: 'SLA4040', message: expect.stringContaining('2 outage rows are after') }]);
  });

  it('says so when checked on two threads too', async () => {
    // Internal switches: workers on this small log, and two of them on any machine.
    process.env.SLAC_CHECK_PARALLEL_MIN_BYTES = '0';
    process.env.SLAC_CHECK_CORES = '2';
    const result = await slac('check', 'support.sla.json', 'tickets.csv', '--outages', 'outages.csv', '--as-of', '2026-03-02T15:00:00Z', '--jobs', '2').finally(() => {
      delete process.env.SLAC_CHECK_PARALLEL_MIN_BYTES;
      delete process.env.SLAC_CHECK_CORES;
    });
    expect(result.stderr).toBe('outages.csv: warning: 2 outage rows are after the as-of instant 2026-03-02T10:00:00-05:00 and left out of the report [SLA4040]\n');
  });

  it('says nothing of an outage log that runs on past the tickets when no --as-of is given', async () => {
    const result = await slac('check', 'support.sla.json', 'tickets.csv', '--outages', 'outages.csv');
    expect(result.stderr).toBe('');
  });

  it('counts an outage row that began before the instant as kept', async () => {
    const result = await slac('check', 'support.sla.json', 'tickets.csv', '--outages', 'outages.csv', '--as-of', '2026-03-03T10:30:00Z');
    expect(result.stderr).toBe('outages.csv: warning: 1 outage row is after the as-of instant 2026-03-03T05:30:00-05:00 and left out of the report [SLA4040]\n');
  });
});

describe('an --as-of before every event of a portfolio', () => {
  // Every client's report is empty: the portfolio says how many events of the whole log were left out, as one agreement does.
  const warning = 'tickets-missed.csv: warning: 6 events are after the as-of instant 2016-01-01T01:00:00+01:00 and left out of the report [SLA4040]\n';
  it.each(['text', 'json', 'csv'])('says how many events were left out (%s)', async (format) => {
    const result = await slac('check', 'multilevel/departments.sla', 'tickets-missed.csv', '--as-of', '2016-01-01T00:00:00Z', '--format', format);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(warning);
  });

  it('says so for the review site too', async () => {
    const result = await slac('report', 'multilevel/departments.sla', 'tickets-missed.csv', '--as-of', '2016-01-01T00:00:00Z', '-o', 'portfolio-site');
    expect(result.stderr).toContain(warning);
  });

  it('says how many outage rows were left out, once for the whole outage log', async () => {
    const result = await slac('check', 'multilevel/departments.sla', 'tickets-missed.csv', '--outages', 'outages.csv', '--as-of', '2026-03-03T09:30:00Z');
    expect(result.stderr).toBe(
      'outages.csv: warning: 2 outage rows are after the as-of instant 2026-03-03T10:30:00+01:00 and left out of the report [SLA4040]\n' +
        'tickets-missed.csv: warning: 2 events are after the as-of instant 2026-03-03T10:30:00+01:00 and left out of the report [SLA4040]\n',
    );
  });
});

describe('tickets created before the agreement took effect', () => {
  // Ticket A is created on 2026-03-02; these agreements take effect the day after, and on the day.
  const later = structuredClone(supportModel);
  later.agreement = { ...later.agreement!, effective: '2026-03-03' };
  writeFileSync(join(folder, 'later.sla.json'), serializeModel(later));
  const warning =
    'tickets.csv: warning: 1 ticket was created before the agreement took effect on 2026-03-03; it is checked, and counted in the objectives and credits of its periods, as if it applied then [SLA4050]\n';

  // The same report as an agreement in effect since 2026-01-01 gives, but for the review, counted from the effective date.
  it.each(['text', 'json', 'csv'])('says how many, and checks them as before (%s)', async (format) => {
    const result = await slac('check', 'later.sla.json', 'tickets.csv', '--format', format);
    const before = await slac('check', 'support.sla.json', 'tickets.csv', '--format', format);
    expect(result.stderr).toBe(warning);
    if (format === 'json') {
      const report = JSON.parse(result.stdout);
      expect(report.warnings).toEqual([{ file: 'tickets.csv', line: 0, code: 'SLA4050', message: warning.slice('tickets.csv: warning: '.length, -' [SLA4050]\n'.length) }]);
      expect(report.review.next).toBe('2027-03-03');
      expect({ ...report, warnings: [], review: undefined }).toEqual({ ...JSON.parse(before.stdout), warnings: [], review: undefined });
    } else {
      expect(result.stdout).toBe(before.stdout.replace('Review: next on 2027-01-01', 'Review: next on 2027-03-03'));
    }
  });

  it('says nothing for a ticket created on the effective date (from its local midnight)', async () => {
    const onTheDay = structuredClone(supportModel);
    onTheDay.agreement = { ...onTheDay.agreement!, effective: '2026-03-02' };
    writeFileSync(join(folder, 'on-the-day.sla.json'), serializeModel(onTheDay));
    expect((await slac('check', 'on-the-day.sla.json', 'tickets.csv')).stderr).toBe('');
  });
});

describe('a business-day target whose due day never comes', () => {
  // OnlyMonday opens on 2026-03-02 alone; 1 business day after a ticket created then never comes.
  const model = structuredClone(supportModel);
  model.calendars.push({ name: 'OnlyMonday', timezone: 'America/New_York', weekly: [[], [], [], [], [], [], [], []], holidays: [{ date: '2026-03-02', name: 'Open day', hours: [{ start: 480, end: 1080 }] }], annualHolidays: [], holidaySets: [], holidayFiles: [] });
  const resolution = model.metrics.find((metric) => metric.name === 'Resolution')!;
  resolution.clock = 'OnlyMonday';
  resolution.targets = {};
  resolution.defaultTarget = { amount: 1, unit: 'businessDays', text: '1 business day' };
  writeFileSync(join(folder, 'only-monday.sla.json'), serializeModel(model));
  writeFileSync(join(folder, 'open.csv'), ['ticket,time,event,severity,channel,status,author,level', 'B,2026-03-02T09:00:00-05:00,created,,,,,', 'B,2026-03-02T09:10:00-05:00,reply,,,,agent,'].join('\n'));

  it('keeps the metric, pending, and warns naming the ticket and its line', async () => {
    const result = await slac('check', 'only-monday.sla.json', 'open.csv', '--as-of', '2026-03-04T00:00:00Z', '--format', 'json');
    expect(result.stderr).toBe(
      "open.csv:2: warning: the Resolution target of ticket 'B', 1 business day, never falls due: its calendar has no such open day ahead, so the metric stays pending (and so may other tickets') [SLA4041]\n",
    );
    const report = JSON.parse(result.stdout);
    expect(report.tickets[0].metrics.Resolution).toMatchObject({ status: 'pending', targetMinutes: null, due: null });
  });
});
