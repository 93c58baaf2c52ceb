import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { FIXTURES, flatten, loadModel } from './helpers.js';

// Each line is what the document must say for one construct of features.sla.
const EXPECTED = [
  'The Provider will give a resolution estimate for 80% of tickets each week within 2 business hours for Sev1 tickets and 1 business day for Sev2 and Sev3 tickets (Weekdays).',
  'The Provider will resolve 99% of tickets each year within 3 days (Always, around the clock).',
  'The Provider will send updates on every Sev1 and Sev2 ticket at intervals of no more than 30 business minutes (Weekdays) until the ticket is resolved.',
  'The service will be available at least 99.95% of the scheduled time of the Always calendar each quarter.',
  'A ticket is escalated to level 1 (Duty manager) 1 business hour after the ticket is opened (Weekdays), if it is still unresolved.',
  'A ticket is escalated to level 2 (Director) 1 business day after the ticket is opened (Weekdays), if it is still unresolved.',
  'This Agreement sets out the support the Provider gives the Client',
  'Japan Standard Time (Asia/Tokyo)',
  'Coordinated Universal Time (UTC)',
  '| Q2 2026 (April to June) | 2184 hours | 1 hour 5 minutes 31 seconds |',
  '| Q1 2027 (January to March) | 2160 hours | 1 hour 4 minutes 48 seconds |',
  'is made between Acme Support Ltd (the **Provider**) and Umbrella Corp (the **Client**) and takes effect on 15 June 2026.',
];

test('every construct of the language is put into words', () => {
  const { markdown } = renderAgreement(loadModel(join(FIXTURES, 'features.sla')), { final: true });
  const flat = flatten(markdown);
  for (const line of EXPECTED) expect(flat).toContain(line);
  expect(markdown).not.toContain('Scheduled Maintenance');
  expect(markdown).not.toContain('Paused Time');
  expect(markdown).not.toContain('Service Credit');
  expect(markdown).not.toContain('⟦');
});
