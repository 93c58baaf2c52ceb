/**
 * Nothing may depend on the machine's time zone: the clock is bundled with
 * esbuild and run in child processes under different TZ settings, and every
 * answer must equal the one computed here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import * as clock from '../../../runtime/clock/index.js';
import { BusinessHours, NightDesk, Office, OnCall } from './calendars.js';

const here = dirname(fileURLToPath(import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'slac-clock-tz-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The sample computed in-process and in each child; takes the clock module and the calendars. */
function sample(c: typeof clock, calendars: Array<Parameters<typeof clock.compileCalendar>[0]>): unknown[] {
  const out: unknown[] = [];
  const base = Date.UTC(2026, 2, 1);
  for (const model of calendars) {
    const cal = c.compileCalendar(model);
    for (let i = 0; i < 40; i++) {
      const from = base + i * 7_777_777_777 / 40;
      const to = from + 3 * 86_400_000 + i * 3_600_000;
      out.push(c.openMillisBetween(cal, from, to), c.instantAfterOpenMillis(cal, from, 600 * 60_000), c.closeOfNthOpenDay(cal, from, 2));
      out.push(c.formatInstant(from, model.timezone), c.periodOf(from, 'weekly', model.timezone), c.periodOf(from, 'monthly', model.timezone));
    }
  }
  out.push(c.parseInstant('2026-11-01T01:30', 'America/New_York'), c.parseInstant('2026-03-29T02:30', 'Europe/Berlin'));
  return out;
}

describe('machine time zone independence', () => {
  it('gives the same answers under TZ=America/Los_Angeles, Asia/Tokyo and UTC', async () => {
    const bundle = join(workDir, 'clock.mjs');
    await build({
      entryPoints: [resolve(here, '../../../runtime/clock/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    const calendars = [BusinessHours, OnCall, NightDesk, Office];
    const script = join(workDir, 'sample.mjs');
    writeFileSync(
      script,
      `import * as clock from ${JSON.stringify(pathToFileURL(bundle).href)};\n` +
        `const sample = ${sample.toString()};\n` +
        `process.stdout.write(JSON.stringify(sample(clock, ${JSON.stringify(calendars)})));\n`,
    );
    const expected = JSON.parse(JSON.stringify(sample(clock, calendars)));
    for (const tz of ['America/Los_Angeles', 'Asia/Tokyo', 'UTC']) {
      const output = execFileSync(process.execPath, [script], { env: { ...process.env, TZ: tz, LANG: 'de_DE.UTF-8' }, encoding: 'utf8' });
      expect(JSON.parse(output), `TZ=${tz}`).toEqual(expected);
    }
  });
});
