import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { FIXTURES, loadModel, prose } from './helpers.js';

// Each line is what the document must say for one construct of features.sla.
const EXPECTED = [
  '| Service level | Hours | Sev1 | Sev2 | Sev3 | Objective |',
  '| Estimate | Weekdays Hours | 2 business hours | 1 Business Day | 1 Business Day | 80% of Tickets each week |',
  '**Estimate** is measured from when a Ticket is opened until the Provider gives its Resolution Estimate, or its Resolution if that comes first.',
  '| Fix | Always Hours, around the clock | 3 days (72 hours) | 3 days (72 hours) | 3 days (72 hours) | 99% of Tickets each year |',
  '**Fix** is measured from when a Ticket is opened until its Resolution.',
  '| Updates | Weekdays Hours | 30 business minutes | 30 business minutes | — | Every Ticket |',
  '**Updates** is the longest Update Interval of a Ticket before its Resolution.',
  'The Service will be available at least 99.95% of the Scheduled Time in Always Hours each quarter.',
  '| Level 1 | Duty manager | 1 business hour after the Ticket is opened (Weekdays Hours), if it has not reached its Resolution by then |',
  // Due at the close of that Business Day, as slac check times it (SEMANTICS.md, Durations), not 24 hours or one Business Day of hours later.
  '| Level 2 | Director | at the close of the 1st Business Day after the day the Ticket is opened (Weekdays Hours), if it has not reached its Resolution by then |',
  'The Agreement sets out the support the Provider gives the Client',
  'Japan Standard Time (Asia/Tokyo)',
  'Coordinated Universal Time (UTC)',
  // The agreement takes effect on 15 June: its first quarter is measured from then, as slac check measures it.
  '| Q2 2026 (from 15 June) | 384 hours | 11 minutes 31 seconds |',
  '| Q1 2027 (January to March) | 2160 hours | 1 hour 4 minutes 48 seconds |',
  'is made between Acme Support Ltd (the **Provider**) and Umbrella Corp (the **Client**) and takes effect on 15 June 2026.',
];

test('every construct of the language is put into words', () => {
  const { markdown } = renderAgreement(loadModel(join(FIXTURES, 'features.sla')), { final: true });
  const flat = prose(markdown);
  for (const line of EXPECTED) expect(flat).toContain(line);
  expect(markdown).not.toContain('Scheduled Maintenance');
  expect(markdown).not.toContain('Paused Time');
  expect(markdown).not.toContain('Service Credit');
  expect(markdown).not.toContain('⟦');
  // Ticket, Severity Level and Resolution are defined terms: the generated text (features.sla has no prose of its own) uses them capitalised.
  expect(markdown).not.toMatch(/\b(?:tickets?|severity levels?|resolution)\b/);
});
