import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../../../language/workspace/index.js';
import type { SourceHost } from '../../../language/workspace/source-host.js';

// SLA3096 says why a zero leaves its line doing nothing, at the zero
// (fixture check-zero-amounts.sla, whose escalation, notice and maintenance
// limit zeros mean something and are not warned).

const fixture = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/check-zero-amounts.sla');

function sla3096(): string[] {
  const text = readFileSync(fixture, 'utf8');
  const host: SourceHost = { readFile: (file) => (file === '/m/entry.sla' ? text : undefined) };
  return analyze('/m/entry.sla', host)
    .diagnostics.filter((d) => d.code === 'SLA3096')
    .map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

describe('zeros that leave their line doing nothing', () => {
  it('names the zero and what it undoes', () => {
    expect(sla3096()).toEqual([
      "21: '0%' leaves this line doing nothing: every period meets an objective of 0%.",
      "44: '0%' leaves this line doing nothing: this tier credits nothing.",
      "45: '0%' leaves this line doing nothing: attainment and uptime are never below 0%, so this tier never applies.",
      "46: '0 days' leaves this line doing nothing: a claim would be due the moment its period ends, so no credit could be claimed in time.",
    ]);
  });
});
