import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runBuiltCli } from './built-cli.js';
import { aroundTheClockAgreement, firstResponseMetric, folderWithAgreementAndLog } from './wording-fixtures.js';

/**
 * The credits of `slac check` and `slac report` named a service level by its
 * name in the source (`FirstResponse 50% below 95%: 5%`), where the document
 * the client signed, and the Objectives lines of the same report, call it by
 * its title ("First response"). They now use the title too.
 */
const AGREEMENT = `${aroundTheClockAgreement('K')}
${firstResponseMetric('objective 95% monthly')}
credits {
  when FirstResponse below 95% credit 5%
}
`;

const rows = [
  ['A', '2026-04-07T09:00:00Z', 'created'],
  ['A', '2026-04-07T09:30:00Z', 'reply', 'agent'],
  ['B', '2026-04-07T09:00:00Z', 'created'],
  ['B', '2026-04-07T12:00:00Z', 'reply', 'agent'],
];
const LOG = rows.map(([ticket, time, event, author]) => JSON.stringify({ ticket, time, event, ...(author ? { author } : {}) })).join('\n');

it('names the service level of a credit by its title, as the document and the objectives do', () => {
  const folder = folderWithAgreementAndLog('credit-titles', AGREEMENT, `${LOG}\n`);
  const check = runBuiltCli(['check', 'a.sla', 'log.ndjson'], folder);
  expect([check.code, check.stderr]).toEqual([1, '']);
  expect(check.stdout).toContain('\n  2026-04  5%  First response 50% below 95%: 5%\n');
  const report = runBuiltCli(['report', 'a.sla', 'log.ndjson', '-o', 'site'], folder);
  expect(report.code).toBe(0);
  expect(readFileSync(join(folder, 'site', 'index.html'), 'utf8')).toContain('First response at 50% is below 95%: 5% credit');
});
