import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { formatNumber } from '../../compiler/english.js';
import { downtimeAllowances } from '../../compiler/document/availability.js';
import { listCalendarHolidays } from '../../compiler/document/holiday-dates.js';
import { ratioBelowPercent } from '../../runtime/evaluate/fractions.js';
import { FIXTURES, loadModel, prose } from './helpers.js';
import { markdownTerms, undefinedUses } from './terms.js';

const figures = (name: string): string => join(FIXTURES, 'figures', name);
const rendered = (name: string) => renderAgreement(loadModel(figures(name)));

/** every percentage and duration of the agreement is printed as written, never rounded. */
describe('figures are printed as the source writes them', () => {
  const { markdown, html } = rendered('exact-percentages.sla');
  const text = prose(markdown);

  it.each([
    ['an uptime objective', 'available at least 99.9995% of the Scheduled Time'],
    ['the objective in the allowance example', 'an objective of 99.9995% allows at most 13 seconds of Downtime'],
    ['a ticket objective', '99.99949% of Tickets each month'],
    ['a credit threshold', 'Availability in a month below 99.9995%'],
    ['a credit amount', '12.3456% of that month’s Fee'],
    ['a credit amount below a thousandth', '0.0001% of that month’s Fee'],
    ['the cap', 'never exceed 12.34567% of that period’s Fee'],
    ['an escalation share', 'when 12.3456% of the Fix target has elapsed'],
    ['a target', '0.3333 business hours'],
  ])('%s: %s', (_kind, phrase) => {
    expect(text).toContain(phrase);
    expect(html).toContain(phrase);
  });

  it.each([['100%'], ['12.346%'], ['99.999%'], ['0.333 business hours'], ['0% of']])('never the rounded %s', (rounded) => {
    expect(text).not.toContain(rounded);
  });

  it('states allowances that agree with the check to the second, from the exact objective', () => {
    const model = loadModel(figures('exact-percentages.sla'));
    const metric = model.metrics.find((candidate) => candidate.name === 'Up')!;
    const context = { model, params: {}, listHolidays: listCalendarHolidays, fingerprint: '' };
    for (const allowance of downtimeAllowances(context, metric)) {
      const scheduled = allowance.scheduledMinutes * 60;
      const allowed = allowance.allowedMinutes * 60;
      expect(Number.isInteger(allowed)).toBe(true);
      expect(ratioBelowPercent(scheduled - allowed, scheduled, 99.9995)).toBe(false);
      expect(ratioBelowPercent(scheduled - allowed - 1, scheduled, 99.9995)).toBe(true);
    }
  });
});

describe('formatNumber', () => {
  it.each([
    [99.9995, '99.9995'],
    [12.34567, '12.34567'],
    [0.0001, '0.0001'],
    [1e-7, '0.0000001'],
    [1.5e-7, '0.00000015'],
    [2, '2'],
    [1e21, '1000000000000000000000'],
  ])('%d is written %s', (value, written) => {
    expect(formatNumber(value)).toBe(written);
  });
});

/** an agreement without severities leaves out what speaks of them. */
describe('an agreement without severities', () => {
  it.each([['no-severities.sla'], ['uptime-no-severities.sla']])('%s has no Severity Levels, default level or empty section', (name) => {
    const { markdown } = rendered(name);
    expect(markdown).not.toContain('Severity Level');
    expect(markdown).not.toContain('default level');
    expect(markdown).not.toContain('| Rank | Severity |');
    expect(markdown).not.toMatch(/^## \d+\. [^\n]*\n\n## /m);
  });

  it('uses only defined terms when it has an uptime objective', () => {
    const { markdown } = rendered('uptime-no-severities.sla');
    expect(undefinedUses(markdownTerms(markdown), ['Around the Clock Hours', 'All Time Hours'])).toEqual([]);
  });

  it('is only the parties, the purpose and the signatures when it declares nothing else', () => {
    const { markdown } = rendered('no-severities.sla');
    expect([...markdown.matchAll(/^## (.*)$/gm)].map((match) => match[1])).toEqual(['Contents', '1. Purpose', '2. Signatures']);
  });
});

/** images in prose are links in the Markdown, as in the HTML, which has no stray "!". */
describe('images in prose', () => {
  const { markdown, html } = rendered('prose-images.sla');

  it.each([['[img](http://evil/x.png)'], ['[badge][b]'], ['[shortcut].']])('the Markdown has the link %s without its "!"', (link) => {
    expect(markdown).toContain(` ${link}`);
    expect(markdown).not.toContain(`!${link}`);
  });

  it('leaves code spans and an escaped "!" as written', () => {
    expect(markdown).toContain('`![code](http://x/y.png)`');
    expect(markdown).toContain('\\![escaped](http://x/z.png)');
  });

  it('shows the HTML links without a stray "!" and loads no image', () => {
    expect(html).toContain('Our logo <a href="http://evil/x.png">img</a> and <a href="http://evil/b.png">badge</a> and <a href="http://evil/s.png">shortcut</a>.');
    expect(html).not.toMatch(/!<a href="http:\/\/evil/);
    expect(html).not.toContain('<img');
  });
});
