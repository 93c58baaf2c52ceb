import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_EXIT } from '../../cli/main.js';
import { findBrowser } from '../../compiler/browser-path.js';
import { agreementText, freshFolder, LOG_HEADER, slacIn, write } from './hardening-fixtures.js';

/**
 * Issue 13, "Crashes, hangs and unbounded resources": inputs that made slac
 * crash (exit 70), hang or take gigabytes now give a clear error, exit 2.
 */

const LOG = `${LOG_HEADER}\nA,2026-03-02T09:00:00+01:00,created,High,Email,,,\n`;

describe('inputs that crashed slac', () => {
  it('64 channels: a clear error from check, not an internal error', async () => {
    const folder = freshFolder('channels');
    const channels = Array.from({ length: 64 }, (_, index) => `channel C${index} {\n}\n`).join('\n');
    write(folder, 'a.sla', agreementText('', channels));
    write(folder, 'log.csv', `${LOG_HEADER}\nA,2026-03-02T09:00:00+01:00,created,High,C1,,,\n`);
    const run = await slacIn(folder, 'check', 'a.sla', 'log.csv');
    expect(run.code).toBe(2);
    // The agreement's own diagnostic since validate reports the limit too (test/cli/channel-limit.test.ts).
    expect(run.stderr).toContain("a.sla:201:9: error SLA3085: 'C63' is channel 64 of 64: slac check handles at most 63 channels in an agreement.\n");
  });

  it('64 channels in a compiled model edited by hand: a clear error from check, not an internal error', async () => {
    const folder = freshFolder('channels');
    const channels = Array.from({ length: 63 }, (_, index) => `channel C${index} {\n}\n`).join('\n');
    write(folder, 'a.sla', agreementText('', channels));
    expect((await slacIn(folder, 'compile', 'a.sla', '--emit', 'model')).code).toBe(0);
    const model = JSON.parse(readFileSync(join(folder, 'a.sla.json'), 'utf8'));
    model.channels.push({ ...model.channels[0], name: 'C63' });
    write(folder, 'b.sla.json', JSON.stringify(model));
    write(folder, 'log.csv', `${LOG_HEADER}\nA,2026-03-02T09:00:00+01:00,created,High,C1,,,\n`);
    const run = await slacIn(folder, 'check', 'b.sla.json', 'log.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('slac: b.sla.json: agreement Small declares 64 channels; slac check handles at most 63.\n');
  });

  it('a text block of 125,000 lines', async () => {
    const folder = freshFolder('textblock');
    const body = Array.from({ length: 125_000 }, (_, index) => `  line ${index}`).join('\n');
    write(folder, 'a.sla', agreementText(`\nclause "Long" """\n${body}\n  """\n`));
    const validate = await slacIn(folder, 'validate', 'a.sla');
    expect(validate.stderr).toBe('');
    expect(validate.code).toBe(0);
    const compile = await slacIn(folder, 'compile', 'a.sla', '--emit', 'model');
    expect(compile.code).toBe(0);
    const model = JSON.parse(readFileSync(join(folder, 'a.sla.json'), 'utf8'));
    expect(model.clauses[0].text.split('\n')).toHaveLength(125_000);
    expect(model.clauses[0].text.startsWith('line 0\nline 1\n')).toBe(true);
  });

  it('an unusable TMPDIR: a clear error from a PDF compile', async () => {
    const folder = freshFolder('tmpdir');
    write(folder, 'a.sla', agreementText());
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = join(folder, 'no', 'such', 'folder');
    try {
      const run = await slacIn(folder, 'compile', 'a.sla');
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`slac: Could not make a temporary folder for the browser in ${join(folder, 'no', 'such', 'folder')}`);
      expect(run.stderr).toContain('Set TMPDIR to a folder you can write to');
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });

  // Chromium's socket goes in a folder of TMPDIR: under a long TMPDIR its path passes 107 characters and Chromium died at its start
  // ("Target closed"), which slac called a browser that does not work, leaving the socket's folder behind.
  it.skipIf(!hasBrowser())('a TMPDIR too long for Chromium\'s socket: a clear error, nothing left in it', async () => {
    const folder = freshFolder('long-tmpdir');
    write(folder, 'a.sla', agreementText());
    const long = join(folder, 'x'.repeat(Math.max(1, 90 - folder.length)));
    mkdirSync(long);
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = long;
    try {
      const run = await slacIn(folder, 'compile', 'a.sla', '-o', 'a.pdf');
      expect(run.stderr).toMatch(new RegExp(`^slac: Chromium could not start: the temporary folder TMPDIR=${long} is ${long.length} characters long, so the path of its socket there \\(\\d+ characters\\) passes the 107 a socket's path may have\\. Set TMPDIR to a shorter folder \\(such as /tmp\\), or use --format html\\.\\n$`));
      expect(run.code).toBe(2);
      expect(readdirSync(long)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
    }
  });

  // Chromium writes the PDF into a file of the temporary folder and hands it on as a stream: on a full file system the read failed ("Protocol error (IO.read)", exit 70).
  const fullTmpdirSkip = process.getuid?.() !== 0 ? 'mounting a small tmpfs needs root' : !hasBrowser() ? 'no Chromium or Chrome here' : undefined;
  it.skipIf(fullTmpdirSkip !== undefined).each([
    ['compile', ['compile', 'a.sla', '-o', 'a.pdf']],
    ['report --format pdf', ['report', 'a.sla', 'log.csv', '--format', 'pdf', '-o', 'pack.pdf']],
  ])(`a full TMPDIR: a clear error from %s${fullTmpdirSkip ? ` (skipped: ${fullTmpdirSkip})` : ''}`, async (_name, args) => {
    const folder = freshFolder('fulltmp');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', LOG);
    const full = join(folder, 'full');
    mkdirSync(full);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', full]);
    const saved = process.env['TMPDIR'];
    process.env['TMPDIR'] = full;
    try {
      const run = await slacIn(folder, ...args);
      expect(run.stderr).toMatch(new RegExp(`^slac: Chromium could not write the PDF into the temporary folder TMPDIR=${full} \\(\\d+ KiB free\\): it is too full for the PDF\\. Free space there, or set TMPDIR to another folder\\.\\n$`));
      expect(run.code).toBe(2);
      expect(existsSync(join(folder, args[args.length - 1]!))).toBe(false);
    } finally {
      if (saved === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = saved;
      execFileSync('umount', [full]);
    }
  });
});

function hasBrowser(): boolean {
  try {
    findBrowser();
    return true;
  } catch {
    return false;
  }
}

describe('compiled models are validated in full', () => {
  type Change = (model: Record<string, any>) => void;
  // Each fault, and what its line and column point at in the model as `compile --emit model` writes it
  // (indented): the value named, a wrong key, or the object that lacks a field.
  const mutations: [string, Change, string, string][] = [
    ['target minutes of "x"', (m) => (m.metrics[0].targets.High.minutes = 'x'), 'metrics[0].targets.High.minutes is missing or not a number', '"x"'],
    ['a negative target', (m) => (m.metrics[0].targets.High.minutes = -5), 'metrics[0].targets.High.minutes is -5, outside 0..', '-5'],
    ['an unknown measure', (m) => (m.metrics[0].measures = 'speed'), 'metrics[0].measures is "speed", not one of', '"speed"'],
    ['a weekly range of text', (m) => (m.calendars[0].weekly[1][0].start = 'nine'), 'calendars[0].weekly[1][0].start is missing or not a number', '"nine"'],
    ['a range that ends before it starts', (m) => (m.calendars[0].weekly[1][0].end = 60), 'calendars[0].weekly[1][0] starts at 540, not before its end 60', '{'],
    ['a weekday that is not a list', (m) => (m.calendars[0].weekly[2] = null), 'calendars[0].weekly[2] is missing or not a list', 'null'],
    ['an objective of 200%', (m) => (m.metrics[0].objective.percent = 200), 'metrics[0].objective.percent is 200, outside 0..100', '200'],
    ['a clock naming no calendar', (m) => (m.metrics[0].clock = 'Nowhere'), "metrics[0].clock 'Nowhere' is not one of the calendars", '"Nowhere"'],
    ['a target for no severity', (m) => (m.metrics[0].targets.Ghost = m.metrics[0].targets.High), "metrics[0].targets 'Ghost' is not one of the severities", '"Ghost"'],
    ['a null severity', (m) => (m.severities[0] = null), 'severities[0] is missing or not an object', 'null'],
    ['an unknown field', (m) => (m.metrics[0].speed = 1), 'metrics[0].speed is not a field of a compiled model', '1'],
    ['a target of a million hours', (m) => (m.metrics[0].targets.High.minutes = 60_000_000), 'metrics[0].targets.High.minutes is 60000000, more than 527040 (a year)', '60000000'],
    ['excludingMaintenance as text', (m) => (m.metrics[0].excludingMaintenance = 'no'), 'metrics[0].excludingMaintenance is missing or not true or false', '"no"'],
    ['a holiday code the data set does not know', (m) => (m.calendars[0].holidaySets = ['XX']), "calendars[0].holidaySets[0] 'XX' is not a holiday code of the date-holidays data set", '"XX"'],
    ['an empty holiday code', (m) => (m.calendars[0].holidaySets = ['']), "calendars[0].holidaySets[0] '' is not a holiday code of the date-holidays data set", '""'],
    ['a kind named __proto__', (m) => (m.agreement.client = JSON.parse('{"kind":"__proto__"}')), 'agreement.client.kind is "__proto__", not one of "text", "param"', '"__proto__"'],
    ['a kind named constructor', (m) => (m.agreement.client = { kind: 'constructor' }), 'agreement.client.kind is "constructor", not one of "text", "param"', '"constructor"'],
    ['a clock left out', (m) => delete m.metrics[0].clock, 'metrics[0].clock is missing or not text', '{'],
    ['a wrong target of a severity named with a space', (m) => (m.metrics[0].targets['Very High'] = { ...m.metrics[0].targets.High, minutes: -5 }), 'metrics[0].targets.Very High.minutes is -5, outside 0..', '-5'],
  ];

  it.each(mutations)('refuses %s with its path, line and column (exit 2, not 70)', async (_name, change, message, pointed) => {
    const folder = freshFolder('model');
    write(folder, 'a.sla', agreementText());
    expect((await slacIn(folder, 'compile', 'a.sla', '--emit', 'model')).code).toBe(0);
    const model = JSON.parse(readFileSync(join(folder, 'a.sla.json'), 'utf8'));
    change(model);
    const text = JSON.stringify(model, null, 2);
    writeFileSync(join(folder, 'bad.sla.json'), text);
    write(folder, 'log.csv', LOG);
    const run = await slacIn(folder, 'check', 'bad.sla.json', 'log.csv');
    expect(run.code).toBe(2);
    const at = /^slac: bad\.sla\.json:(\d+):(\d+): not a valid compiled model: (.*)$/m.exec(run.stderr);
    expect(at?.[3], run.stderr).toContain(message);
    const line = text.split('\n')[Number(at![1]) - 1]!;
    expect(line.slice(Number(at![2]) - 1).startsWith(pointed), `line ${at![1]}: ${line}`).toBe(true);
  });

  // Faults JSON.stringify cannot write: each edit of the model's text, and what the line and column point at ('' for none).
  const textEdits: [string, (text: string) => string, string, string][] = [
    ['a duplicate clock, the second (the one JSON.parse keeps) wrong', (text) => text.replace('"clock": "Office",', '"clock": "Office",\n      "clock": "Nowhere",'), "metrics[0].clock 'Nowhere' is not one of the calendars", '"Nowhere"'],
    ['targets nested 100,000 deep', (text) => text.replace(/"targets": \{[^}]*\}\s*\}/, `"targets": ${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'metrics[0].targets is missing or not an object', ''],
  ];

  it.each(textEdits)('refuses %s with its path, line and column (exit 2, not 70)', async (_name, edit, message, pointed) => {
    const folder = freshFolder('model-text');
    write(folder, 'a.sla', agreementText());
    expect((await slacIn(folder, 'compile', 'a.sla', '--emit', 'model')).code).toBe(0);
    const text = edit(readFileSync(join(folder, 'a.sla.json'), 'utf8'));
    writeFileSync(join(folder, 'bad.sla.json'), text);
    write(folder, 'log.csv', LOG);
    const run = await slacIn(folder, 'check', 'bad.sla.json', 'log.csv');
    expect([run.code, run.stderr]).toEqual([2, expect.stringContaining(message)]);
    const at = /^slac: bad\.sla\.json(?::(\d+):(\d+))?: not a valid compiled model: /m.exec(run.stderr);
    const line = at?.[1] === undefined ? '' : text.split('\n')[Number(at[1]) - 1]!;
    expect(line.slice(Number(at?.[2]) - 1).startsWith(pointed) && (pointed === '') === (line === ''), `${run.stderr} line ${at?.[1]}: ${line}`).toBe(true);
  });

  it('accepts the model of every example agreement', async () => {
    const examples = resolve('examples');
    const folder = freshFolder('examples');
    for (const file of readdirSync(examples).filter((name) => name.endsWith('.sla'))) {
      const source = readFileSync(join(examples, file), 'utf8');
      if (!/^agreement /m.test(source)) continue;
      const output = join(folder, `${file}.json`);
      const compile = await slacIn(examples, 'compile', file, '--emit', 'model', '-o', output);
      expect(compile.code, file).toBe(0);
      write(folder, 'empty.csv', `${LOG_HEADER}\n`);
      const check = await slacIn(folder, 'check', output, 'empty.csv');
      expect(check.stderr, file).not.toContain('not a valid compiled model');
      expect(check.code, file).not.toBe(INTERNAL_ERROR_EXIT);
    }
  });
});

describe('diagnostic output stays proportionate to the input', () => {
  it('a 200 KB line of junk prints at most 50 problems, each line cut around its caret', async () => {
    const folder = freshFolder('junk');
    write(folder, 'junk.sla', '@ '.repeat(100_000));
    const run = await slacIn(folder, 'validate', 'junk.sla');
    expect(run.code).toBe(2);
    expect(run.stdout.length).toBeLessThan(20_000);
    expect(run.stdout).toMatch(/junk\.sla: \.\.\. and \d+ more problems not shown\n/);
    const [, excerpt, caret] = run.stdout.split('\n');
    expect(excerpt).toBe('@ '.repeat(60) + '...');
    expect(caret).toBe('^');
  });

  it('a caret far into a long line stays under its character', async () => {
    const folder = freshFolder('caret');
    write(folder, 'wide.sla', `agreement X {\n  title "${'a'.repeat(4000)}" @ "${'b'.repeat(4000)}"\n}\n`);
    const run = await slacIn(folder, 'validate', 'wide.sla');
    const lines = run.stdout.split('\n');
    const at = lines.findIndex((line) => /wide\.sla:2:\d+: error SLA1001/.test(line));
    expect(at).toBeGreaterThanOrEqual(0);
    const excerpt = lines[at + 1]!;
    const caret = lines[at + 2]!;
    expect(excerpt.startsWith('...')).toBe(true);
    expect(excerpt.endsWith('...')).toBe(true);
    expect(excerpt.length).toBe(126);
    expect(excerpt[caret.indexOf('^')]).toBe('@');
  });
});

describe('work a target may ask for is bounded', () => {
  it('a calendar of 720 ranges a day with a target of 999999999 hours is refused (SLA3070)', async () => {
    const folder = freshFolder('huge-target');
    const ranges = Array.from({ length: 720 }, (_, index) => {
      const start = index * 2;
      const time = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      return `${time(start)}-${time(start + 1)}`;
    });
    const text = agreementText()
      .replace('hours Mon-Fri 09:00-17:00', `hours Mon-Sun ${ranges.join(', ')}`)
      .replace('target High 2 hours', 'target High 999999999 hours');
    write(folder, 'a.sla', text);
    const run = await slacIn(folder, 'validate', 'a.sla');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("error SLA3070: '999999999 hours' is longer than slac checks: a target or escalation delay is at most 366 days (8784 hours) or 366 business days.");
  });

  it('a year is still allowed', async () => {
    const folder = freshFolder('year-target');
    write(folder, 'a.sla', agreementText().replace('target 8 hours', 'target 8784 hours').replace('target High 2 hours', 'target High 366 business days'));
    const run = await slacIn(folder, 'validate', 'a.sla');
    expect(run.stdout).not.toContain('SLA3070');
  });
});

describe('documents have a size limit', () => {
  it('3,000 severities by 3,000 metrics is refused before laying out the document', async () => {
    const folder = freshFolder('huge-document');
    const severities = Array.from({ length: 3000 }, (_, index) => `severity S${index} {${index === 0 ? '\n  default\n' : ''}}\n`).join('');
    const metrics = Array.from({ length: 3000 }, (_, index) => `metric M${index} {\n  measures resolution\n  clock Office\n  target 4 hours\n}\n`).join('');
    write(folder, 'a.sla', `agreement Huge {\n  title "Huge"\n}\ncalendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n${severities}${metrics}`);
    const run = await slacIn(folder, 'compile', 'a.sla', '--format', 'html');
    expect(run.stderr).toBe('slac: The agreement declares 3000 severities; a document has at most 200.\n');
    expect(run.code).toBe(2);
    expect(existsSync(join(folder, 'a.html'))).toBe(false);
  });

  it('refuses a targets table beyond 10,000 cells', async () => {
    const folder = freshFolder('wide-document');
    const severities = Array.from({ length: 101 }, (_, index) => `severity S${index} {${index === 0 ? '\n  default\n' : ''}}\n`).join('');
    const metrics = Array.from({ length: 100 }, (_, index) => `metric M${index} {\n  measures resolution\n  clock Office\n  target 4 hours\n}\n`).join('');
    write(folder, 'a.sla', `agreement Wide {\n  title "Wide"\n}\ncalendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n${severities}${metrics}`);
    const run = await slacIn(folder, 'compile', 'a.sla', '--format', 'md');
    expect(run.stderr).toContain("slac: The agreement's targets make a table of 10100 cells (100 metrics by 101 severities and 0 channels); a document has at most 10000.");
    expect(run.code).toBe(2);
  });
});

describe('SIGTERM during a PDF compile', () => {
  it('closes the browser and exits 143, leaving no output', async () => {
    const folder = freshFolder('sigterm');
    write(folder, 'a.sla', agreementText());
    const child = spawn(process.execPath, [resolve('bin/slac.js'), 'compile', 'a.sla'], { cwd: folder, env: { ...process.env, TMPDIR: folder } });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Wait until the browser's profile folder exists: the compile is then under way.
    await new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (readdirSync(folder).some((name) => name.startsWith('slac-chromium-'))) {
          clearInterval(poll);
          done();
        }
      }, 20);
    });
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((done) => child.on('exit', (status) => done(status)));
    expect(stderr).not.toContain('internal error');
    expect(code).toBe(143);
    expect(stderr).toContain('slac: stopped by SIGTERM.');
    expect(readdirSync(folder).sort()).toEqual(['a.sla']);
  }, 60_000);
});
