import { describe, expect, test } from 'vitest';
import { buildAgreementDocument } from '../../compiler/document/build.js';
import type { Block, Inline, Section } from '../../compiler/document/document.js';
import type { AgreementModel } from '../../language/model/model.js';
import { agreement, duration, metric } from './model-builder.js';

/** The document text of a section, as plain words: enough to say what it states. */
function wordsOf(section: Section | undefined): string {
  const inline = (content: Inline) => content.map((span) => ('text' in span ? span.text : span.placeholder)).join('');
  const block = (b: Block): string =>
    b.kind === 'paragraph' ? inline(b.content) : b.kind === 'list' ? b.items.map(inline).join('\n') : b.kind === 'prose' ? b.markdown : '';
  return (section?.blocks ?? []).map(block).join('\n');
}

function sectionOf(model: AgreementModel, title: string): Section | undefined {
  return buildAgreementDocument(model).sections.find((section) => section.title === title);
}

const uptime = metric('Uptime', { measures: 'uptime', objective: { percent: 99, period: 'monthly' } });
const credited = (extra: Partial<NonNullable<AgreementModel['credits']>>): AgreementModel =>
  agreement({ metrics: [uptime], credits: { tiers: [{ metric: 'Uptime', belowPercent: 99, creditPercent: 10 }], ...extra } });

describe('the contract terms in the document', () => {
  test('an author’s term is defined in order, and replaces a generated definition of the same term', () => {
    const model = agreement({
      metrics: [uptime],
      terms: [
        { term: 'Incident', definition: 'means an unplanned\n  interruption of the Service.' },
        { term: 'service', definition: 'The hosting of the Client’s shop' },
        { term: 'Business Hours', definition: 'Means the hours of the Office calendar.' },
      ],
    });
    const definitions = wordsOf(sectionOf(model, 'Definitions')).split('\n');
    expect(definitions).toContain('Incident means an unplanned interruption of the Service.');
    // Written `service`, defined as the document writes it (the Service), so that the definition and its uses read alike.
    expect(definitions).toContain('Service means the hosting of the Client’s shop.');
    expect(definitions).toContain('Business Hours Means the hours of the Office calendar.');
    expect(definitions.filter((line) => /^service /i.test(line))).toHaveLength(1);
    const terms = definitions.map((line) => line.split(' means ')[0]!.split(' Means ')[0]!);
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en')));
  });

  test('the fee of the credits is the Fee', () => {
    const definitions = wordsOf(sectionOf(credited({ fee: 'the monthly hosting fee.' }), 'Definitions')).split('\n');
    expect(definitions.filter((line) => line.startsWith('Fee '))).toEqual(['Fee means the monthly hosting fee.']);
  });

  test('a fee with a long run of stops inside it loses only its ending ones, quickly (the pattern was quadratic: 12 s for 100,000)', () => {
    const fee = `the fee${'.'.repeat(200_000)}x.;,`;
    const started = performance.now();
    const definitions = wordsOf(sectionOf(credited({ fee }), 'Definitions')).split('\n');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(definitions.filter((line) => line.startsWith('Fee '))).toEqual([`Fee means the fee${'.'.repeat(200_000)}x.`]);
  });

  test('who assigns and may change a severity level', () => {
    const model = agreement({
      severityAssignment: {
        assignedBy: { party: 'Provider', condition: 'when it receives the ticket' },
        changedBy: [{ party: 'Provider', condition: 'on the Client’s reasonable request.' }, { party: 'Client' }],
      },
    });
    expect(wordsOf(sectionOf(model, 'Severity Levels'))).toContain(
      'The Provider assigns the Severity Level of each Ticket when it receives the ticket. The Provider may change the Severity Level of a Ticket on the Client’s reasonable request. The Client may change the Severity Level of a Ticket.',
    );
  });

  test('the measurement of record is its own section, only when declared', () => {
    const model = agreement({ measurement: { records: 'the Provider’s Zendesk instance' } });
    expect(wordsOf(sectionOf(model, 'Measurement'))).toBe(
      'The records of the Provider’s Zendesk instance are the measurement of record: every service level is measured from them.',
    );
    expect(wordsOf(sectionOf({ ...credited({}), measurement: { records: 'Zendesk' } }, 'Measurement'))).toBe(
      'The records of Zendesk are the measurement of record: every service level is measured, and every Service Credit computed, from them.',
    );
    expect(sectionOf(agreement(), 'Measurement')).toBeUndefined();
  });

  test('how and by when a credit is claimed, and the sole remedy', () => {
    const model = credited({ claim: { within: duration(30, 'days'), how: 'email to billing@example.com' }, soleRemedy: true });
    expect(wordsOf(sectionOf(model, 'Service Credits'))).toContain(
      'The Client claims a Service Credit by email to billing@example.com within 30 days after the end of the month for which it is due. A Service Credit that is not claimed in that time is not due. Service Credits are the Client’s sole and exclusive remedy for a failure to meet a service level.',
    );
  });

  test('without the declarations, none of their sentences', () => {
    const words = buildAgreementDocument(credited({})).sections.map(wordsOf).join('\n');
    for (const absent of ['assigns the severity', 'may change the severity', 'measurement of record', 'claims a Service Credit', 'sole and exclusive']) {
      expect(words).not.toContain(absent);
    }
  });
});
