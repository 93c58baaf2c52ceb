import { chmodSync, chownSync, linkSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agreementText, freshFolder, LOG_HEADER, slacIn, write } from './hardening-fixtures.js';

/**
 * Issue 13, "Data loss and security": outputs never overwrite an input
 * (whatever its name), are replaced in one step, and imports stay inside
 * the project folder.
 */

const LOG = `${LOG_HEADER}\nA,2026-03-02T09:00:00+01:00,created,High,Email,,,\nA,2026-03-02T09:10:00+01:00,reply,,,,agent,\n`;

describe('-o never overwrites an input', () => {
  it('refuses a hard link to the agreement (check and compile)', async () => {
    const folder = freshFolder('hardlink');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', LOG);
    linkSync(join(folder, 'a.sla'), join(folder, 'report.txt'));
    const check = await slacIn(folder, 'check', 'a.sla', 'log.csv', '-o', 'report.txt');
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('slac: cannot write report.txt: it is the agreement, which would be overwritten');
    const compile = await slacIn(folder, 'compile', 'a.sla', '--format', 'md', '-o', 'report.txt');
    expect(compile.code).toBe(2);
    expect(compile.stderr).toContain('slac: cannot write report.txt: it is the agreement, which would be overwritten');
    expect(readFileSync(join(folder, 'a.sla'), 'utf8')).toBe(agreementText());
  });

  it('refuses a file the agreement imports, and a hard link to it', async () => {
    const folder = freshFolder('import-out');
    write(folder, 'shared.sla', 'severity Extra {\n}\n');
    write(folder, 'a.sla', agreementText('\nimport "shared.sla"\n'));
    write(folder, 'log.csv', LOG);
    linkSync(join(folder, 'shared.sla'), join(folder, 'linked.md'));
    for (const args of [
      ['compile', 'a.sla', '--format', 'md', '-o', 'shared.sla'],
      ['compile', 'a.sla', '--format', 'md', '-o', 'linked.md'],
      ['check', 'a.sla', 'log.csv', '-o', 'shared.sla'],
      ['check', 'a.sla', 'log.csv', '--format', 'csv', '-o', 'linked.md'],
    ]) {
      const run = await slacIn(folder, ...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(`a file this command reads (${join(folder, 'shared.sla')}), which would be overwritten`);
    }
    expect(readFileSync(join(folder, 'shared.sla'), 'utf8')).toBe('severity Extra {\n}\n');
  });
});

describe('outputs are written beside the destination and renamed into place', () => {
  it('fmt replaces the file (a new inode, the old content intact through a hard link) and leaves no temporary file', async () => {
    const folder = freshFolder('fmt');
    const file = write(folder, 'a.sla', agreementText().replace('severity High {\n}', 'severity   High {\n}'));
    linkSync(file, join(folder, 'backup.sla'));
    const before = statSync(file).ino;
    const run = await slacIn(folder, 'fmt', 'a.sla');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('formatted a.sla');
    expect(statSync(file).ino).not.toBe(before);
    expect(readFileSync(join(folder, 'backup.sla'), 'utf8')).toContain('severity   High');
    expect(readFileSync(file, 'utf8')).toContain('severity High {');
    expect(readdirSync(folder).sort()).toEqual(['a.sla', 'backup.sla']);
  });

  it('keeps the permissions of a file fmt rewrites', async () => {
    const folder = freshFolder('fmt-mode');
    const file = write(folder, 'a.sla', agreementText().replace('severity High {\n}', 'severity   High {\n}'));
    chmodSync(file, 0o640);
    expect((await slacIn(folder, 'fmt', 'a.sla')).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  // Root (fmt in a shared checkout, a report job) replacing another user's file gave the new one to root: with mode 640, its owner could no longer read it.
  const notRoot = process.getuid?.() !== 0;
  it.skipIf(notRoot)(`keeps the owner and group of a file it replaces as root (fmt and check -o)${notRoot ? ' (skipped: giving a file to another user needs root)' : ''}`, async () => {
    const folder = freshFolder('owner');
    const agreement = write(folder, 'a.sla', agreementText().replace('severity High {\n}', 'severity   High {\n}'));
    write(folder, 'log.csv', LOG);
    const report = write(folder, 'report.csv', 'old report\n');
    for (const file of [agreement, report]) {
      chmodSync(file, 0o640);
      chownSync(file, 12345, 23456);
    }
    expect((await slacIn(folder, 'fmt', 'a.sla')).code).toBe(0);
    expect((await slacIn(folder, 'check', 'a.sla', 'log.csv', '--format', 'csv', '-o', 'report.csv')).code).toBe(0);
    for (const file of [agreement, report]) {
      const stats = statSync(file);
      expect([stats.uid, stats.gid, stats.mode & 0o777], file).toEqual([12345, 23456, 0o640]);
    }
    expect(readFileSync(agreement, 'utf8')).toContain('severity High {');
    expect(readFileSync(report, 'utf8')).toMatch(/^ticket,severity/);
  });

  it('check -o replaces an existing report in one step', async () => {
    const folder = freshFolder('report');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', LOG);
    const report = write(folder, 'report.csv', 'old report\n');
    linkSync(report, join(folder, 'previous.csv'));
    const run = await slacIn(folder, 'check', 'a.sla', 'log.csv', '--format', 'csv', '-o', 'report.csv');
    expect(run.code).toBe(0);
    expect(readFileSync(report, 'utf8')).toMatch(/^ticket,severity/);
    expect(readFileSync(join(folder, 'previous.csv'), 'utf8')).toBe('old report\n');
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('NDJSON ticket ids', () => {
  it('refuses numbers beyond 2^53 (they would merge two tickets), naming file, line and key', async () => {
    const folder = freshFolder('bigids');
    write(folder, 'a.sla', agreementText());
    // Written as digits: JSON.stringify would round the first id already. Both read as 9007199254740992.
    const row = '"time":"2026-03-02T09:00:00+01:00","event":"created","severity":"High"';
    const text = `{"ticket":9007199254740993,${row}}\n{"ticket":9007199254740992,${row}}`;
    write(folder, 'log.ndjson', `${text}\n`);
    const run = await slacIn(folder, 'check', 'a.sla', 'log.ndjson');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("log.ndjson:1: key 'ticket': 'ticket' must be a whole number up to 9007199254740991 or text (write longer ids in quotes)");
    expect(run.stderr).toMatch(/log\.ndjson:2: /);
  });

  it('still reads small numeric ids', async () => {
    const folder = freshFolder('smallids');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.ndjson', `${JSON.stringify({ ticket: 42, time: '2026-03-02T09:00:00+01:00', event: 'created', severity: 'High' })}\n`);
    const run = await slacIn(folder, 'check', 'a.sla', 'log.ndjson', '--format', 'csv');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\n42,High,');
  });
});

describe('--skip-invalid --format csv', () => {
  it('prints the count and the skipped rows on stderr', async () => {
    const folder = freshFolder('skip');
    write(folder, 'a.sla', agreementText());
    write(folder, 'log.csv', `${LOG}B,yesterday,created,,,,,\n`);
    const run = await slacIn(folder, 'check', 'a.sla', 'log.csv', '--format', 'csv', '--skip-invalid');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('B,');
    expect(run.stderr).toMatch(/^slac: 1 invalid log row skipped \(not in the CSV report\):\nlog\.csv:4: /);
  });
});

describe('imports stay inside the project folder', () => {
  it('refuses an import outside the folder of the file named, unless --allow-import-outside', async () => {
    const outside = freshFolder('outside');
    write(outside, 'secret.sla', 'param Secret "x"\n');
    const folder = freshFolder('project');
    write(folder, 'a.sla', agreementText(`\nimport "${join(outside, 'secret.sla')}"\n`));
    write(folder, 'b.sla', agreementText(`\nimport "../${outside.split('/').pop()}/secret.sla"\n`));
    for (const file of ['a.sla', 'b.sla']) {
      const run = await slacIn(folder, 'validate', file);
      expect(run.code).toBe(2);
      expect(run.stdout).toContain(`error SLA2010: Cannot read the file`);
      expect(run.stdout).toContain(`it is outside the project folder ${folder}; pass --allow-import-outside to read it.`);
      const allowed = await slacIn(folder, 'validate', file, '--allow-import-outside');
      expect(allowed.stdout).toBe(`${file}: no problems\n`);
    }
  });

  it('refuses a portfolio member outside the portfolio\'s folder, saying why', async () => {
    const outside = freshFolder('outside-member');
    write(outside, 'acme.sla', agreementText());
    const folder = freshFolder('project-portfolio');
    write(folder, 'clients.sla', `portfolio Clients {\n  client "Acme" uses "../${outside.split('/').pop()}/acme.sla"\n}\n`);
    const run = await slacIn(folder, 'validate', 'clients.sla');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('error SLA2014: Cannot read the agreement file');
    expect(run.stdout).toContain(`it is outside the project folder ${folder}; pass --allow-import-outside to read it.`);
  });

  it('refuses a holiday file outside the project folder', async () => {
    const outside = freshFolder('outside-ics');
    write(outside, 'days.ics', 'BEGIN:VCALENDAR\nEND:VCALENDAR\n');
    const folder = freshFolder('project-ics');
    write(folder, 'a.sla', agreementText().replace('hours Mon-Fri 09:00-17:00', `hours Mon-Fri 09:00-17:00\n  holidays from "${join(outside, 'days.ics')}"`));
    const run = await slacIn(folder, 'validate', 'a.sla');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('error SLA2013');
    expect(run.stdout).toContain('outside the project folder');
  });

  it('imports only .sla files and never opens another', async () => {
    const folder = freshFolder('dotenv');
    write(folder, '.env', 'DATABASE_PASSWORD=hunter2\nAPI_KEY=abc\n');
    write(folder, 'a.sla', agreementText('\nimport ".env"\n'));
    const run = await slacIn(folder, 'validate', 'a.sla');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("error SLA2018: Only .sla files can be imported; '.env' is not one.");
    expect(run.stdout).not.toContain('hunter2');
  });

  it('lets a portfolio use only .sla files, as imports, and never opens another', async () => {
    const folder = freshFolder('portfolio-dotenv');
    write(folder, '.env', 'DATABASE_PASSWORD=hunter2\nAPI_KEY=abc\n');
    write(folder, 'a.sla', agreementText());
    write(folder, 'p.sla', 'portfolio P {\n  client "A" uses "a.sla"\n  client "B" uses ".env"\n}\n');
    for (const command of ['validate', 'compile']) {
      const run = await slacIn(folder, command, 'p.sla');
      expect(run.code).toBe(2);
      expect(run.stdout + run.stderr).toContain("p.sla:3:19: error SLA2021: Only .sla files can be used by a portfolio; '.env' is not one.");
      expect(run.stdout + run.stderr).not.toContain('hunter2');
    }
  });

  it('quotes at most the first error of an imported file that is not .sla at all', async () => {
    const folder = freshFolder('echo');
    write(folder, 'keys.sla', 'PASSWORD=hunter2\nAPI_KEY=abc123\nTOKEN=xyz789\n');
    write(folder, 'a.sla', agreementText('\nimport "keys.sla"\n'));
    const run = await slacIn(folder, 'validate', 'a.sla');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('PASSWORD=hunter2');
    expect(run.stdout).not.toContain('abc123');
    expect(run.stdout).not.toContain('xyz789');
  });
});

describe('non-regular files and sizes', () => {
  it('refuses a device as an agreement, an import and a log', async () => {
    const folder = freshFolder('devices');
    write(folder, 'a.sla', agreementText('\nimport "/dev/zero.sla"\n'));
    const validate = await slacIn('/dev', 'validate', 'zero');
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain("error SLA2010: Cannot read the file 'zero': it is not a regular file (a device, a pipe or a socket).");
    write(folder, 'b.sla', agreementText());
    const check = await slacIn(folder, 'check', 'b.sla', '/dev/zero', '--log-format', 'csv');
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('slac: cannot read /dev/zero: it is not a regular file (a device, a pipe or a socket).');
  });

  it('refuses a FIFO without waiting for a writer', async () => {
    const { execFileSync } = await import('node:child_process');
    const folder = freshFolder('fifo');
    execFileSync('mkfifo', [join(folder, 'pipe.sla'), join(folder, 'pipe.csv')]);
    write(folder, 'a.sla', agreementText('\nimport "pipe.sla"\n'));
    const validate = await slacIn(folder, 'validate', 'a.sla');
    expect(validate.code).toBe(2);
    expect(validate.stdout).toContain("Cannot read the file 'pipe.sla': it is not a regular file");
    write(folder, 'b.sla', agreementText());
    const check = await slacIn(folder, 'check', 'b.sla', 'pipe.csv');
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('slac: cannot read pipe.csv: it is not a regular file');
  });

  it('refuses a source larger than 10 MiB', async () => {
    const folder = freshFolder('big');
    write(folder, 'big.sla', `// ${'x'.repeat(10 * 1024 * 1024)}\n`);
    const run = await slacIn(folder, 'validate', 'big.sla');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('it is larger than 10 MiB, the most slac reads from a source file');
  });
});

describe('reports cannot be turned against their readers', () => {
  it('CSV: a cell that a spreadsheet would run as a formula starts with a quote', async () => {
    const folder = freshFolder('csv-injection');
    write(folder, 'a.sla', agreementText());
    // (A leading tab or CR is trimmed from a log value; csvTextCell is tested for them on its own.)
    const ids = ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)'];
    const rows = ids.map((id) => `"${id.replace(/"/g, '""')}",2026-03-02T09:00:00+01:00,created,High,Email,,,`);
    write(folder, 'log.csv', `${LOG_HEADER}\n${rows.join('\n')}\n`);
    const run = await slacIn(folder, 'check', 'a.sla', 'log.csv', '--format', 'csv');
    expect(run.code).toBe(0);
    const firstCells = run.stdout.trimEnd().split('\n').slice(1).map((line) => line.slice(0, line.indexOf(',High')));
    expect(firstCells.sort()).toEqual([`"'=HYPERLINK(""http://x"")"`, "'+1", "'-2+3", "'@SUM(A1)"].sort());
  });

  it('text: control characters and line breaks in ids are shown, not obeyed', async () => {
    const folder = freshFolder('text-injection');
    write(folder, 'a.sla', agreementText());
    const id = 'X\nTickets: 0 (forged)\u001b[2J';
    const rows = [`"${id}",2026-03-02T09:00:00+01:00,created,High,Email,,,`, `"${id}",2026-03-03T09:00:00+01:00,reply,,,,agent,`];
    write(folder, 'log.csv', `${LOG_HEADER}\n${rows.join('\n')}\n`);
    const run = await slacIn(folder, 'check', 'a.sla', 'log.csv');
    expect(run.stdout).toContain('X\\u{a}Tickets: 0 (forged)\\u{1b}[2J');
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout.split('\n').filter((line) => line.startsWith('Tickets: 0'))).toEqual([]);
  });

  it('Markdown: raw HTML in prose is escaped, as in the HTML output', async () => {
    const folder = freshFolder('markdown-html');
    const clause = '\nclause "Notes" """\n  See <script>alert(1)</script> and <img src=x onerror=alert(2)>.\n  Code `<b>` stays, <https://example.com> stays a link.\n  """\n';
    write(folder, 'a.sla', agreementText(clause));
    const run = await slacIn(folder, 'compile', 'a.sla', '--format', 'md');
    expect(run.code).toBe(0);
    const markdown = readFileSync(join(folder, 'a.md'), 'utf8');
    expect(markdown).toContain('See &lt;script>alert(1)&lt;/script> and &lt;img src=x onerror=alert(2)>.');
    expect(markdown).toContain('Code `<b>` stays, <https://example.com> stays a link.');
  });
});
