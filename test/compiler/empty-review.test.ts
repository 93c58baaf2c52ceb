import { expect, test } from 'vitest';
import { renderAgreement } from '../../compiler/index.js';
import { freshFolder, write } from '../cli/hardening-fixtures.js';
import { loadModel, prose } from './helpers.js';

// A review block with nothing in it (SLA3097) schedules no review: the document has no section on review
// and its purpose does not say the Agreement is reviewed. It was a "Review and Amendment" heading with
// nothing under it, announced by the purpose.
const HEAD = 'agreement Small {\n  title "Small"\n  provider "Provider Ltd"\n  client "Client Ltd"\n}\n';
const OFFICE = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n';
const FIX = 'severity Normal { default }\nmetric Fix {\n  measures resolution\n  clock Office\n  target 8 hours\n}\n';

const CASES = [
  { name: 'an empty review block', review: 'review {\n}\n', section: false },
  { name: 'only empty lists', review: 'review {\n  participants { }\n  agenda { }\n  report { }\n}\n', section: false },
  { name: 'a review cadence', review: 'review {\n  every 3 months\n}\n', section: true },
];

test.each(CASES)('$name: a review section $section', ({ review, section }) => {
  const file = write(freshFolder('empty-review'), 'small.sla', HEAD + OFFICE + FIX + review);
  const flat = prose(renderAgreement(loadModel(file), { final: true }).markdown);
  const purpose = `how those levels are measured${section ? ' and reviewed' : ''}.`;
  expect(flat).toContain(purpose);
  if (section) expect(flat).toMatch(/## \d+\. Review and Amendment The Provider and the Client will review/);
  else expect(flat).not.toMatch(/Review and Amendment|reviewed/);
});
