import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileAgreementPdf, launchPdfPrinter, type PdfPrinter } from '../../compiler/index.js';
import { spellTarget } from '../../compiler/document/context.js';
import { spellDateWithWeekday } from '../../compiler/english.js';
import { holidaysOfYear } from '../../language/holidays/holiday-sets.js';
import { targetFor } from '../../language/model/model.js';
import { EXAMPLES, FIXTURES, flatten, loadModel, pdfText } from './helpers.js';

// One browser for the whole file: launching Chromium is the slow part.
let printer: PdfPrinter;
beforeAll(async () => {
  printer = await launchPdfPrinter();
});
afterAll(async () => {
  await printer?.close();
});

/** Sentences written by hand from the examples, so a change in the generated English shows up here. */
const EXPECTED_SENTENCES: Record<(typeof EXAMPLES)[number]['name'], string[]> = {
  poologics: [
    'The Provider will send a first response to 95% of tickets each month within 20 business minutes (BusinessHours).',
    'The Provider will give a resolution estimate for every ticket within 24 hours (AroundTheClock, around the clock).',
    'The Provider will resolve 90% of tickets each month within 1 business hour for Critical tickets and 2 business hours for Standard tickets (BusinessHours).',
    'The Provider will send updates on every Critical ticket at intervals of no more than 10 business hours (BusinessHours) until the ticket is resolved.',
    'The service will be available at least 99% of the scheduled time of the BusinessHours calendar each month, excluding Scheduled Maintenance.',
    'A ticket is escalated to level 3 (Product Team) when twice the incident resolution target has elapsed.',
    'A Critical ticket opened Friday 2 January 2026 at 16:30 is due for a first response (incident response) by Friday 2 January 2026 at 16:50',
    'resolution (incident resolution) by Friday 2 January 2026 at 17:30',
    'A Standard ticket opened Thursday 18 June 2026 at 16:30 is due for a first response (incident response) by Thursday 18 June 2026 at 16:50',
    'The BusinessHours calendar is closed on the public holidays of the United States of America, every year, as published in the date-holidays data set',
    'Notice. The Provider announces planned maintenance to the Client at least 2 days before it starts.',
    'Customer Success Service Level Agreement, version 1.0',
  ],
  hosting: [
    'The Provider will send a first response to 95% of tickets each month within 15 minutes for P1 tickets, 1 hour for P2 tickets and 8 hours for P3 tickets (OnCall, around the clock), and within 4 hours for P3 tickets raised by Email.',
    'After its first response, the Provider will answer each Further Message from the Client on every ticket within 8 business hours (Office). The clock of this service level does not stop while a ticket is paused: Paused Time counts.',
    'The Provider will resolve every P1 ticket within 4 hours (OnCall, around the clock).',
    'The Provider will resolve 90% of P2 and P3 tickets each quarter within 2 business days for P2 tickets and 10 business days for P3 tickets (Office).',
    'The Office calendar is closed on the public holidays of Berlin, Germany, every year, as published in the date-holidays data set',
    'every 24 December, open 08:00–12:00 only (Christmas Eve)',
    'Window. Planned maintenance takes place within the hours of the SundayNight calendar, which is open Sunday 02:00–06:00, Central European Time (Europe/Berlin).',
    'A Further Message on a ticket sent Thursday 2 April 2026 at 15:30 is due for an answer (reply to each customer message) by Tuesday 7 April 2026 at 15:30.',
    'The Provider will send updates on every P1 ticket at intervals of no more than 1 hour (OnCall, around the clock) until the ticket is resolved.',
    'The service will be available at least 99.9% of the scheduled time of the OnCall calendar each month, excluding Scheduled Maintenance.',
    'If the platform availability in a month is below 99.5%, the Client receives a Service Credit of 10% of that month’s fee.',
    'If the share of tickets meeting the first response target in a month is below 95%, the Client receives a Service Credit of 5% of that month’s fee.',
    'never exceed 30% of that period’s fee in total.',
    'Monday to Thursday 08:00–12:00 and 13:00–17:00, and Friday 08:00–14:00',
    'Short day: 08:00–12:00',
    'Central European Time (Europe/Berlin)',
  ],
  letsflo: [
    'The Provider will send a first response to 95% of tickets each quarter within 1 business hour for Urgent tickets and 4 business hours for Normal tickets (Support).',
    'The Provider will resolve 90% of tickets each quarter within 8 business hours for Urgent tickets and 5 business days for Normal tickets (Support).',
    'The service will be available at least 99.5% of the scheduled time of the Always calendar each month, excluding Scheduled Maintenance.',
    'every 12 months, at the request of either party and after a major incident (an Urgent ticket that misses its target, or a missed availability objective). The first scheduled review falls due on 1 February 2027.',
    'An Urgent ticket opened Friday 6 February 2026 at 16:00 is due for a first response (incident response time) by Friday 6 February 2026 at 17:00',
    'The Provider will notify [Customer] to be completed of any change to this Agreement by email.',
  ],
  finance: [
    'The Provider will send a first response to 90% of tickets each month within 30 business minutes for High tickets, 2 business hours for Medium tickets and 8 business hours for Low tickets (ServiceDesk).',
    'The Provider will resolve 95% of tickets each month within 2 business hours for High tickets, 1 business day for Medium tickets and 5 business days for Low tickets (ServiceDesk).',
    'Central European Time (Europe/Madrid)',
    'IT Service Desk',
    'Finance Department',
    'The ServiceDesk calendar is closed on the public holidays of Comunidad de Madrid, Spain',
  ],
  hr: [
    'The Provider will resolve 85% of tickets each month within 4 business hours for High tickets, 3 business days for Medium tickets and 10 business days for Low tickets (ServiceDesk).',
    'A ticket is escalated to level 1 (Service desk team lead) when the resolution time target is reached.',
    'A High ticket opened Wednesday 1 April 2026 at 17:00 is due for a first response (response time) by Wednesday 1 April 2026 at 17:30 and resolution (resolution time) by Monday 6 April 2026 at 11:00.',
    'Human Resources Department',
  ],
};

describe.each(EXAMPLES)('the PDF of $name', ({ name, file }) => {
  let text = '';
  let flat = '';
  const model = loadModel(file);

  beforeAll(async () => {
    const result = await compileAgreementPdf(model, { printer });
    expect(result.blockedRequests).toEqual([]);
    text = pdfText(result.pdf);
    flat = flatten(text);
  });

  test('states each service level in the expected words', () => {
    for (const sentence of EXPECTED_SENTENCES[name]) expect(flat).toContain(sentence);
  });

  test('lists every target and the holidays of the effective year and the next', () => {
    for (const metric of model.metrics) {
      for (const severity of model.severities) {
        for (const channel of [undefined, ...metric.channelTargets.map((target) => target.channel)]) {
          const target = targetFor(metric, severity.name, channel);
          if (target) expect(flat).toContain(spellTarget({ model }, metric, target));
        }
      }
    }
    const year = Number(model.agreement!.effective!.slice(0, 4));
    for (const calendar of model.calendars) {
      for (const holiday of [...holidaysOfYear(calendar, year), ...holidaysOfYear(calendar, year + 1)]) {
        expect(flat).toContain(holiday.name);
        expect(flat).toContain(spellDateWithWeekday(holiday.date));
      }
    }
  });

  test('names both parties, numbers its pages and carries the source hash in the footer', () => {
    const agreement = model.agreement!;
    for (const party of [agreement.provider, agreement.client]) {
      if (party?.kind === 'text') expect(flat).toContain(party.text);
      else expect(flat).toContain(`${model.params.find((param) => param.name === party?.param)?.placeholder} to be completed`);
    }
    expect(text).toMatch(/Page 1 of \d+/);
    const pages = Number(/Page 1 of (\d+)/.exec(text)![1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
    expect(model.sources[0]!.sha256).toBe(sha);
    expect(text).toContain(`Source ${sha.slice(0, 12)}`);
  });
});

describe('PDF builds', () => {
  const poologics = loadModel(EXAMPLES[0].file);

  test('are byte-identical for the same source and params', async () => {
    const first = await compileAgreementPdf(poologics, { printer, params: { ClientName: 'Acme Ltd' } });
    const second = await compileAgreementPdf(poologics, { printer, params: { ClientName: 'Acme Ltd' } });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
    const latin1 = Buffer.from(first.pdf).toString('latin1');
    expect(latin1).toMatch(/\/CreationDate \(D:20000101000000/);
  });

  test('fill a param with its value instead of the placeholder', async () => {
    const result = await compileAgreementPdf(poologics, { printer, params: { ClientName: 'Acme Ltd' }, final: true });
    const flat = flatten(pdfText(result.pdf));
    expect(flat).toContain('Client: Acme Ltd');
    expect(flat).not.toContain('[Company Name]');
    expect(flat).not.toContain('to be completed');
  });

  test('in Letter size when asked', async () => {
    const result = await compileAgreementPdf(poologics, { printer, paper: 'letter' });
    expect(Buffer.from(result.pdf).toString('latin1')).toContain('/MediaBox [0 0 612 792]');
  });
});

describe('hostile prose', () => {
  const model = loadModel(join(FIXTURES, 'hostile.sla'));

  test('is shown as text, runs no script and loads nothing', async () => {
    const result = await compileAgreementPdf(model, { printer });
    expect(result.blockedRequests).toEqual([]);
    expect(result.scriptElements).toBe(0);
    expect(result.html).not.toMatch(/<(script|img|iframe|object|svg|link|div style)/i);
    expect(result.html).toContain('&lt;script&gt;document.title = ');
    expect(result.html).toContain('&lt;img src=http://example.com/x.png&gt;');
    const flat = flatten(pdfText(result.pdf));
    expect(flat).toContain("Hello <script>document.title = 'pwned';");
    expect(flat).toContain('<iframe src="http://example.com/frame"></iframe>');
    expect(flat).toContain('Evil <script>');
    expect(flat).toContain('Hostile <b>Prose</b> Agreement');
  });
});

describe('the print page itself', () => {
  test('runs no script and blocks every request, even in HTML the renderer would never produce', async () => {
    const html =
      '<html><head><title>original</title></head><body><script>document.title = "ran"</script>' +
      '<img src="http://example.com/x.png"><p>text</p></body></html>';
    const result = await printer.print(html, { paper: 'a4', footer: { title: 't', sourceHash: '0'.repeat(64) } });
    expect(result.pageTitle).toBe('original');
    expect(result.blockedRequests).toEqual(['http://example.com/x.png']);
    expect(flatten(pdfText(result.pdf))).toContain('text');
  });
});
