import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compileAgreementPdf, launchPdfPrinter, type PdfPrinter } from '../../compiler/index.js';
import { spellTarget } from '../../compiler/document/context.js';
import { documentFingerprint } from '../../compiler/document/fingerprint.js';
import { spellDateWithWeekday } from '../../compiler/english.js';
import { holidaysOfYear } from '../../runtime/clock/holidays/index.js';
import { targetFor } from '../../language/model/model.js';
import { EXAMPLES, FIXTURES, flatten, loadModel, pdfText } from './helpers.js';
import { pageTexts, pdfFile, pdfRawText } from './pdf-tools.js';

// One browser for the whole file: launching Chromium is the slow part.
let printer: PdfPrinter;
beforeAll(async () => {
  printer = await launchPdfPrinter();
});
afterAll(async () => {
  await printer?.close();
});

/**
 * Words written by hand from the examples, so a change in the generated English shows up here. A table row
 * reads as its cells joined by spaces (the raw PDF text, flattened): the targets table states each commitment.
 */
const EXPECTED_SENTENCES: Record<(typeof EXAMPLES)[number]['name'], string[]> = {
  poologics: [
    'Incident response Business Hours 20 business minutes 20 business minutes 95% of Tickets each month',
    'Resolution estimate Around the Clock Hours, around the clock 24 hours 24 hours Every Ticket',
    'Incident resolution Business Hours 1 business hour 2 business hours 90% of Tickets each month',
    'Progress updates on critical incidents Business Hours 10 business hours — Every Ticket',
    'Progress updates on critical incidents is the longest Update Interval of a Ticket before its Resolution.',
    'The Service will be available at least 99% of the Scheduled Time in Business Hours each month, excluding Scheduled Maintenance.',
    'Level 3 Product Team when twice the Incident resolution target has elapsed',
    'A Ticket is opened Friday 2 January 2026 at 16:30 and nothing else happens to it.',
    'Critical Friday 2 January 2026 at 16:50 Saturday 3 January 2026 at 16:30 Friday 2 January 2026 at 17:30 Monday 5 January 2026 at 16:30',
    'Standard Thursday 18 June 2026 at 16:50',
    'The BusinessHours calendar is closed on the public holidays of the United States of America, every year, as published in the date-holidays data set',
    'Notice. The Provider announces planned maintenance to the Client at least 2 days (48 hours) before it starts.',
    'Customer Success Service Level Agreement, version 1.0',
  ],
  hosting: [
    'First response On Call Hours, around the clock 15 minutes 1 hour 8 hours 95% of Tickets each month During Paused Time',
    'First response, raised by Email As above 15 minutes 1 hour 4 hours As above As above',
    'Reply to each customer message Office Hours 8 business hours 8 business hours 8 business hours Every Ticket Not during Paused Time',
    'Reply to each customer message is measured for each Further Message, from that message until the Provider next replies or the Ticket’s Resolution. The clock of this service level does not stop while a Ticket is paused: Paused Time counts.',
    'Outage fix or workaround On Call Hours, around the clock 4 hours — — Every Ticket During Paused Time',
    'Bug fix or workaround Office Hours — 2 Business Days 10 Business Days 90% of Tickets each quarter During Paused Time',
    'Status updates during an outage On Call Hours, around the clock 1 hour — — Every Ticket During Paused Time',
    'The Office calendar is closed on the public holidays of Berlin, Germany, every year, as published in the date-holidays data set',
    'every 24 December, open 08:00–12:00 only (Christmas Eve)',
    'Window. Planned maintenance takes place within Sunday Night Hours, which is open Sunday 02:00–06:00, Central European Time (Europe/Berlin).',
    'on Thursday 2 April 2026 at 15:30. The answer falls due: Severity Level Answer due (Reply to each customer message) P1 Tuesday 7 April 2026 at 15:30',
    'The Service will be available at least 99.9% of the Scheduled Time in On Call Hours each month, excluding Scheduled Maintenance.',
    'Platform availability Availability in a month below 99.5% 10% of that month’s Fee',
    'First response Share of Tickets meeting the target in a month below 95% 5% of that month’s Fee',
    'never exceed 30% of that period’s Fee in total.',
    'Monday to Thursday 08:00–12:00 and 13:00–17:00, and Friday 08:00–14:00',
    'Short day: 08:00–12:00',
    'Central European Time (Europe/Berlin)',
  ],
  letsflo: [
    'Incident response time Support Hours 1 business hour 4 business hours 95% of Tickets each quarter',
    'Incident resolution time Support Hours 8 business hours 5 Business Days 90% of Tickets each quarter',
    'The Service will be available at least 99.5% of the Scheduled Time in Always Hours each month, excluding Scheduled Maintenance.',
    'every 12 months, at the request of either party and after a major incident (a Ticket whose latest Severity Level is Urgent and that has missed any of its targets, set for that level or another, or a missed availability objective). The first scheduled review falls due on 1 February 2027.',
    'Urgent Friday 6 February 2026 at 17:00',
    'The Provider will notify [Customer] to be completed of any change to the Agreement by email.',
  ],
  finance: [
    'Response time Service Desk Hours 30 business minutes 2 business hours 8 business hours 90% of Tickets each month',
    'Resolution time Service Desk Hours 2 business hours 1 Business Day 5 Business Days 95% of Tickets each month',
    'Central European Time (Europe/Madrid)',
    'IT Service Desk',
    'Finance Department',
    'The ServiceDesk calendar is closed on the public holidays of Comunidad de Madrid, Spain',
  ],
  hr: [
    'Resolution time Service Desk Hours 4 business hours 3 Business Days 10 Business Days 85% of Tickets each month',
    'Level 1 Service desk team lead when the Resolution time target is reached',
    'High Wednesday 1 April 2026 at 17:30 Monday 6 April 2026 at 11:00',
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
    // Targets now stand in table cells, whose wrapped lines only the raw text keeps together. The running
    // footers are moved to the end, so that a sentence that runs on to the next page reads on.
    const raw = pdfRawText(result.pdf);
    const footer = /^.* Page \d+ of \d+ Fingerprint [0-9a-f]{12}$/gm;
    flat = flatten(`${raw.replace(footer, '')}\n${raw.match(footer)?.join('\n') ?? ''}`);
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
        // The document may set the holiday data's apostrophe as the typographic one.
        expect([holiday.name, holiday.name.replace(/'/g, '’')].some((name) => flat.includes(name)), holiday.name).toBe(true);
        expect(flat).toContain(spellDateWithWeekday(holiday.date));
      }
    }
  });

  test('names both parties, numbers its pages and carries the document fingerprint in the footer', () => {
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
    const fingerprint = documentFingerprint(model, {});
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
    // On every page.
    expect(text.split(`Fingerprint ${fingerprint.slice(0, 12)}`).length - 1).toBe(pages);
  });
});

describe('PDF builds', () => {
  const poologics = loadModel(EXAMPLES[0].file);

  test('are byte-identical for the same source and params', async () => {
    const first = await compileAgreementPdf(poologics, { printer, params: { ClientName: 'Acme Ltd' } });
    const second = await compileAgreementPdf(poologics, { printer, params: { ClientName: 'Acme Ltd' } });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
    // The date is the agreement's effective date (1 January 2026), not the clock's.
    const latin1 = Buffer.from(first.pdf).toString('latin1');
    expect(latin1).toMatch(/\/CreationDate \(D:20260101000000Z\)/);
    expect(latin1).toMatch(/\/ModDate \(D:20260101000000Z\)/);
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
    expect(Buffer.from(result.pdf).toString('latin1')).toMatch(/\/MediaBox \[ ?0 0 612 792 ?\]/);
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
    // Ragged right may wrap the line between the two tags.
    expect(flat).toMatch(/<iframe src="http:\/\/example\.com\/frame"> ?<\/iframe>/);
    expect(flat).toContain('Evil <script>');
    expect(flat).toContain('Hostile <b>Prose</b> Agreement');
  });
});

describe('words too long for a line or a cell', () => {
  const model = loadModel(join(FIXTURES, 'long-words.sla'));

  test('are broken inside the page, so that nothing is cut off at its edge', async () => {
    const result = await compileAgreementPdf(model, { printer });
    const flat = flatten(pdfRawText(result.pdf));
    // The channels table's last column, pushed past the margin by the URL and cut there before, is whole.
    expect(flat).toMatch(/Mail https:\/\/[^]*?other=value Monday to Friday 09:00–\s?17:00, Central European Time \(Europe\/Berlin\)/);
    const unspaced = flat.replace(/\s/g, '');
    expect(unspaced).toContain('https://support.example.com/very/long/path/that/keeps/going/and/going/without/any/break/at/all/index.html?query=parameter&other=value');
    expect(unspaced).toContain('(theProvider)');
    expect(unspaced).toContain('AveryveryverylongcompanynamewithoutanyspacesatallAveryveryverylongcompanynamewithoutanyspacesatallAveryveryverylongcompanynamewithoutanyspacesatallGmbH');
  });
});

describe('a table wider than the page', () => {
  test('is narrowed, so that its last column is printed, not cut off at the page edge', async () => {
    const result = await compileAgreementPdf(loadModel(join(FIXTURES, 'many-severities.sla')), { printer });
    // The text on the pages (poppler keeps to the page box): the clock-stops column was cut off whole.
    const text = flatten(pageTexts(pdfFile(result.pdf)).join(' '));
    expect(text).toMatch(/Initial response Always Hours, around the clock (1 hour ){6}95% of Tickets each month Not during Paused Time/);
    expect(text).toMatch(/Resolution Office Hours 4 business hours (10 Business Days ){5}90% of Tickets each quarter During Paused Time/);
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
