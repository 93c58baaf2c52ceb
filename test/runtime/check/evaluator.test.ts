import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../cli/main.js';
import { emitEvaluatorModule, emitModelJson } from '../../../compiler/emit/index.js';
import { serializeModel } from '../../../runtime/model-io.js';
import { bundleEvaluatorRuntime } from '../../../scripts/build-steps/evaluator.mjs';
import { supportModel } from './fixture-model.js';

const root = join(import.meta.dirname, '..', '..', '..');
/** Outside the repository, so no node_modules can be found from there. */
const folder = mkdtempSync(join(tmpdir(), 'slac-evaluator-'));

const events = [
  { ticket: 'A', time: '2026-03-02T09:00:00-05:00', event: 'created', severity: 'Critical', channel: 'Email' },
  { ticket: 'A', time: '2026-03-02T09:10:00-05:00', event: 'reply', author: 'agent' },
  { ticket: 'B', time: '2026-03-02T10:00:00-05:00', event: 'created' },
  { ticket: 'B', time: '2026-03-02T10:05:00-05:00', event: 'reply', author: 'system' },
  { ticket: 'A', time: '2026-03-02T11:00:00-05:00', event: 'escalated', level: 1 },
  { ticket: 'B', time: '2026-03-02T11:00:00-05:00', event: 'status', status: 'Waiting on customer' },
  { ticket: 'A', time: '2026-03-02T15:00:00-05:00', event: 'resolved' },
  { ticket: 'B', time: '2026-03-03T10:05:00-05:00', event: 'resolved' },
  { ticket: 'B', time: '2026-03-04T10:05:00-05:00', event: 'reopened' },
];
const outages = [{ start: '2026-03-01T10:00:00Z', end: '2026-03-01T12:30:00Z', kind: 'outage' }, { start: '2026-03-02T02:00:00Z', end: '2026-03-02T04:00:00Z', kind: 'maintenance', description: 'Upgrade' }];

type Check = (events: unknown[], options?: Record<string, unknown>) => Record<string, unknown>;
let check: Check;

beforeAll(async () => {
  const runtime = await bundleEvaluatorRuntime(root);
  const file = join(folder, 'Support.evaluator.mjs');
  writeFileSync(file, emitEvaluatorModule(supportModel, runtime));
  ({ check } = (await import(pathToFileURL(file).href)) as { check: Check });
  writeFileSync(join(folder, 'tickets.ndjson'), events.map((row) => JSON.stringify(row)).join('\n'));
  writeFileSync(join(folder, 'outages.ndjson'), outages.map((row) => JSON.stringify(row)).join('\n'));
  writeFileSync(join(folder, 'Support.sla.json'), emitModelJson(supportModel));
}, 60_000);

async function cliReport(...extra: string[]): Promise<unknown> {
  let stdout = '';
  const code = await runCli(['check', 'Support.sla.json', 'tickets.ndjson', '--outages', 'outages.ndjson', '--format', 'json', ...extra], {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    stderrIsTTY: false,
    cwd: folder,
  });
  expect(code).toBeLessThan(2);
  return JSON.parse(stdout);
}

/** The CLI names the logs by file; the module by role. */
function withoutFileNames(report: unknown): unknown {
  return JSON.parse(JSON.stringify(report).replaceAll('"tickets.ndjson"', '"events"').replaceAll('"outages.ndjson"', '"outages"'));
}

describe('emitted evaluator module', () => {
  it('gives the report of slac check --format json', async () => {
    expect(check(events, { outages })).toEqual(await cliReport());
  });

  it('honours asOf and skipInvalid like the CLI', async () => {
    const bad = [...events, { ticket: 'A', time: 'later', event: 'reply', author: 'agent' }];
    writeFileSync(join(folder, 'tickets.ndjson'), bad.map((row) => JSON.stringify(row)).join('\n'));
    const fromCli = await cliReport('--as-of', '2026-03-02T12:00:00-05:00', '--skip-invalid');
    expect(withoutFileNames(check(bad, { outages, asOf: '2026-03-02T12:00:00-05:00', skipInvalid: true }))).toEqual(withoutFileNames(fromCli));
    expect(() => check(bad, { outages })).toThrow(/events:10: key 'time'/);
  });

  it('carries the model and a header comment', async () => {
    const module = emitEvaluatorModule(supportModel, 'var __slacEvaluatorRuntime = {};');
    expect(module.startsWith('// The slac evaluator of the agreement Support:')).toBe(true);
    expect(module).toContain(`const model = ${serializeModel(supportModel).trimEnd()};`);
  });
});
