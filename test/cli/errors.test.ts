import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERNAL_ERROR_EXIT } from '../../cli/main.js';
import { checkLogFiles } from '../../runtime/check.js';
import { formatLogError } from '../../runtime/log/log-error.js';
import { supportModel } from '../runtime/check/fixture-model.js';
import { at, expectNoStackTrace, slac } from './error-fixtures.js';

/**
 * Every command meeting bad input as a support lead or a lawyer would: the
 * exit status (2 for bad input), the file and what is wrong in the message,
 * and never a JavaScript stack trace.
 */

interface Case {
  name: string;
  args: string[];
  code: number;
  /** Every one must appear in stderr (strings) or match it (expressions). */
  stderr?: (string | RegExp)[];
  stdout?: (string | RegExp)[];
}

function expectParts(text: string, parts: readonly (string | RegExp)[] = []): void {
  for (const part of parts) {
    if (typeof part === 'string') expect(text).toContain(part);
    else expect(text).toMatch(part);
  }
}

const inputFiles: Case[] = [
  { name: 'a missing file', args: ['validate', 'nowhere.sla'], code: 2, stdout: ["nowhere.sla:1:1: error SLA2010: Cannot read the file 'nowhere.sla': no such file."] },
  { name: 'a folder instead of a file', args: ['validate', 'folder.sla'], code: 2, stdout: ['folder.sla:1:1: error SLA2010', 'it is a folder, not a file'] },
  { name: 'an empty file (valid: it declares nothing)', args: ['validate', 'empty.sla'], code: 0, stdout: ['empty.sla: no problems'] },
  { name: 'a binary file named .sla', args: ['validate', 'picture.sla'], code: 2, stdout: ['picture.sla:1:1: error SLA2010', 'it is not a text file (it holds binary data)', '1 error in 1 file'] },
  { name: 'a file that is not UTF-8', args: ['validate', 'latin1.sla'], code: 2, stdout: ['latin1.sla:1:1: error SLA2010', 'it is not UTF-8 text'] },
  { name: 'a UTF-16 file (Notepad "Unicode")', args: ['validate', 'unicode.sla'], code: 2, stdout: ['unicode.sla:1:1: error SLA2010', 'it is UTF-16 text; save it with the UTF-8 encoding'] },
  { name: 'a file with a UTF-8 byte order mark', args: ['validate', 'bom.sla'], code: 0, stdout: ['bom.sla: no problems'] },
  { name: 'a file with CRLF line endings', args: ['validate', 'crlf.sla'], code: 0, stdout: ['crlf.sla: no problems'] },
  { name: 'a path with spaces', args: ['validate', 'with space/my agreement.sla'], code: 0, stdout: ['with space/my agreement.sla: no problems'] },
  { name: 'a .txt extension (read like any .sla)', args: ['validate', 'agreement.txt'], code: 0, stdout: ['agreement.txt: no problems'] },
  { name: 'a path the system cannot read', args: ['validate', '/proc/self/mem'], code: 2, stdout: ['/proc/self/mem:1:1: error SLA2010'] },
  {
    name: 'several files, two bad: each reported, the good one still checked',
    args: ['validate', 'poologics.sla', 'nowhere.sla', 'picture.sla'],
    code: 2,
    stdout: ['nowhere.sla:1:1: error SLA2010', 'picture.sla:1:1: error SLA2010', '2 errors in 2 files'],
  },
  { name: 'an import of a binary file', args: ['validate', 'imports-picture.sla'], code: 2, stdout: ["imports-picture.sla:1:8: error SLA2010: Cannot read the file 'picture.sla': it is not a text file (it holds binary data)."] },
  { name: 'an import of a folder', args: ['validate', 'imports-folder.sla'], code: 2, stdout: ["imports-folder.sla:1:8: error SLA2010: Cannot read the file 'folder.sla': it is a folder, not a file."] },
  { name: 'an import of a missing file', args: ['validate', 'imports-nothing.sla'], code: 2, stdout: ["imports-nothing.sla:1:8: error SLA2003: Cannot find the imported file 'nowhere.sla'."] },
  { name: "'-' for standard input (validate)", args: ['validate', '-'], code: 2, stderr: ["slac: reading from standard input ('-') is not supported"] },
  { name: "'-' for standard input (fmt)", args: ['fmt', '-'], code: 2, stderr: ["slac: reading from standard input ('-') is not supported"] },
  { name: "'-' for standard input (compile)", args: ['compile', '-'], code: 2, stderr: ["slac: reading from standard input ('-') is not supported"] },
  { name: "'-' for standard input (check)", args: ['check', 'poologics.sla', '-'], code: 2, stderr: ["slac: reading from standard input ('-') is not supported"] },
];

const badOptions: Case[] = [
  { name: 'no command: help on stderr', args: [], code: 2, stderr: ['Usage: slac', 'validate', 'check'] },
  { name: 'an unknown command', args: ['frobnicate'], code: 2, stderr: ["slac: unknown command 'frobnicate'", "Run 'slac --help'"] },
  { name: 'an unknown option', args: ['validate', '--bogus', 'poologics.sla'], code: 2, stderr: ["slac: unknown option '--bogus'", "Run 'slac validate --help' for its options."] },
  { name: 'a missing option value', args: ['check', 'poologics.sla', 'tickets.csv', '--as-of'], code: 2, stderr: ["slac: option '--as-of <instant>' argument missing"] },
  { name: 'too many arguments', args: ['compile', 'poologics.sla', 'other.sla'], code: 2, stderr: ["slac: too many arguments for 'compile'. Expected 1 argument but got 2.", "Run 'slac compile --help'"] },
  { name: 'a misspelt command', args: ['valdate', 'poologics.sla'], code: 2, stderr: ["slac: unknown command 'valdate'", '(Did you mean validate?)'] },
  { name: 'a missing argument', args: ['check', 'poologics.sla'], code: 2, stderr: ["slac: missing required argument 'log'"] },
  { name: 'a bad --format', args: ['validate', '--format', 'xml', 'poologics.sla'], code: 2, stderr: ["slac: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json."] },
  { name: 'a bad --as-of', args: ['check', 'poologics.sla', 'tickets.csv', '--as-of', 'yesterday'], code: 2, stderr: ["--as-of: 'yesterday' is not an instant with an offset", 'slac: no report'] },
  { name: 'an --as-of without offset', args: ['check', 'poologics.sla', 'tickets.csv', '--as-of', '2026-03-01T00:00'], code: 2, stderr: ["--as-of: '2026-03-01T00:00' is not an instant"] },
  { name: 'a bad --assume-timezone', args: ['check', 'poologics.sla', 'tickets.csv', '--assume-timezone', 'Mars/Olympus'], code: 2, stderr: ["--assume-timezone: 'Mars/Olympus' is not a time zone"] },
  { name: 'a malformed --param', args: ['compile', 'poologics.sla', '--format', 'md', '--param', 'oops'], code: 2, stderr: ['slac: --param "oops" is not NAME=VALUE'] },
  { name: 'an empty --param value', args: ['compile', 'poologics.sla', '--format', 'md', '--final', '--param', 'ClientName='], code: 2, stderr: ['slac: --param ClientName has no value'] },
  { name: 'a blank --param value', args: ['compile', 'poologics.sla', '--format', 'md', '--param', 'ClientName=   '], code: 2, stderr: ['slac: --param ClientName has no value'] },
  { name: 'a --param value with a control character', args: ['compile', 'poologics.sla', '--format', 'md', '--param', 'ClientName=Acme\u001b]0;T\u0007'], code: 2, stderr: ['slac: --param ClientName holds the control character U+001B; remove it.'] },
  { name: 'a --param value with a bidirectional override', args: ['compile', 'poologics.sla', '--format', 'md', '--param', 'ClientName=\u202eemcA'], code: 2, stderr: ['slac: --param ClientName holds the bidirectional control U+202E, which makes the document show the text after it in another order than it is written; remove it.'] },
  { name: 'a --param given twice', args: ['compile', 'poologics.sla', '--format', 'md', '--param', 'ClientName=A', '--param', 'ClientName=B'], code: 2, stderr: ['slac: --param ClientName is given twice.'] },
  { name: 'an unknown --param', args: ['compile', 'poologics.sla', '--format', 'md', '--param', 'Nope=1'], code: 2, stderr: ['slac: --param Nope: the agreement declares no param named Nope', 'ClientName'] },
  { name: '-o into a missing folder (compile)', args: ['compile', 'poologics.sla', '--format', 'md', '-o', 'no/such/out.md'], code: 2, stderr: ['slac: cannot write no/such/out.md: its folder', 'does not exist'] },
  { name: '-o onto a folder (compile)', args: ['compile', 'poologics.sla', '--format', 'md', '-o', 'folder.sla'], code: 2, stderr: ['slac: cannot write folder.sla: it is a folder; give a file name.'] },
  { name: '-o into a missing folder (check)', args: ['check', 'poologics.sla', 'tickets.csv', '-o', 'no/such/report.txt'], code: 2, stderr: ['slac: cannot write no/such/report.txt: its folder'] },
  { name: '-o onto a folder (check)', args: ['check', 'poologics.sla', 'tickets.csv', '-o', 'folder.csv'], code: 2, stderr: ['slac: cannot write folder.csv: it is a folder; give a file name.'] },
  { name: '-o onto a file the system refuses (compile)', args: ['compile', 'poologics.sla', '--format', 'md', '-o', '/proc/version'], code: 2, stderr: [/^slac: cannot write \/proc\/version: (i\/o error|permission denied)\.$/m] },
  { name: '-o onto the ticket log (check)', args: ['check', 'poologics.sla', 'tickets.csv', '--format', 'csv', '-o', './tickets.csv'], code: 2, stderr: ['slac: cannot write ./tickets.csv: it is the ticket log, which would be overwritten'] },
  { name: '-o onto the agreement (check)', args: ['check', 'poologics.sla', 'tickets.csv', '-o', 'poologics.sla'], code: 2, stderr: ['slac: cannot write poologics.sla: it is the agreement, which would be overwritten'] },
  { name: '-o onto the agreement (compile)', args: ['compile', 'poologics.sla', '--format', 'md', '-o', 'poologics.sla'], code: 2, stderr: ['slac: cannot write poologics.sla: it is the agreement, which would be overwritten'] },
  { name: 'an empty -o (compile)', args: ['compile', 'poologics.sla', '--format', 'md', '-o', ''], code: 2, stderr: ['slac: -o needs a file name.'] },
  { name: 'an empty -o (check)', args: ['check', 'poologics.sla', 'tickets.csv', '-o', ' '], code: 2, stderr: ['slac: -o needs a file name.'] },
  { name: '-o onto a file the system refuses (check)', args: ['check', 'poologics.sla', 'tickets.csv', '-o', '/proc/version'], code: 2, stderr: [/^slac: cannot write the report to \/proc\/version: (i\/o error|permission denied)\.$/m] },
  { name: 'help for a command', args: ['help', 'check'], code: 0, stdout: ['Usage: slac check', '--as-of'] },
  { name: 'help for an unknown command', args: ['help', 'nosuch'], code: 2, stderr: ["slac: unknown command 'nosuch'; the commands are validate, fmt, compile, check, report, explain, lsp, import, init."] },
  { name: 'help for help', args: ['help', 'help'], code: 0, stdout: ['Usage: slac'] },
  { name: '--version', args: ['--version'], code: 0, stdout: [/^\d+\.\d+\.\d+\n$/] },
  { name: 'lsp without --stdio', args: ['lsp'], code: 2, stderr: ['slac: slac lsp needs --stdio'] },
];

const checkInputs: Case[] = [
  { name: 'a log with an unknown extension', args: ['check', 'poologics.sla', 'events.log'], code: 2, stderr: ["events.log: cannot tell the log format of 'events.log'", '--log-format csv|ndjson', 'slac: no report'] },
  { name: 'the same log with --log-format', args: ['check', 'poologics.sla', 'events.log', '--log-format', 'csv'], code: 0, stdout: ['Tickets: 1'] },
  { name: 'a log with a header only', args: ['check', 'poologics.sla', 'header-only.csv'], code: 2, stderr: ['header-only.csv: the log has no events; pass --as-of'] },
  { name: 'a log of zero bytes', args: ['check', 'poologics.sla', 'zero.csv'], code: 2, stderr: ['zero.csv: the log has no events'] },
  { name: 'an empty log with --as-of', args: ['check', 'poologics.sla', 'header-only.csv', '--as-of', '2026-01-01T00:00:00Z'], code: 0, stdout: ['Tickets: 0'] },
  { name: "a header without 'ticket'", args: ['check', 'poologics.sla', 'no-ticket.csv'], code: 2, stderr: ["no-ticket.csv:1: key 'ticket': the header row has no 'ticket' column"] },
  { name: 'NDJSON lines that are not objects', args: ['check', 'poologics.sla', 'not-objects.ndjson'], code: 2, stderr: ['not-objects.ndjson:2: not a JSON object: the row is a list', 'not-objects.ndjson:3: not a JSON object: the row is null', '2 errors'] },
  { name: 'a log with CRLF line endings', args: ['check', 'poologics.sla', 'crlf.csv'], code: 0, stdout: ['Tickets: 1'] },
  { name: 'a log with a byte order mark', args: ['check', 'poologics.sla', 'bom.csv'], code: 0, stdout: ['Tickets: 1'] },
  { name: 'a missing log', args: ['check', 'poologics.sla', 'nowhere.csv'], code: 2, stderr: ['nowhere.csv: cannot read nowhere.csv: no such file'] },
  { name: 'a folder as the log', args: ['check', 'poologics.sla', 'folder.csv'], code: 2, stderr: ['slac: cannot read folder.csv: it is a folder, not a file.'] },
  { name: 'a folder with no extension as the log', args: ['check', 'poologics.sla', 'folder.sla'], code: 2, stderr: ['slac: cannot read folder.sla: it is a folder, not a file.'] },
  { name: 'a binary file as the log', args: ['check', 'poologics.sla', 'picture.csv'], code: 2, stderr: ['slac: cannot read picture.csv: it is not a text file (it holds binary data).'] },
  { name: 'a binary file as the outage log', args: ['check', 'poologics.sla', 'tickets.csv', '--outages', 'picture.csv'], code: 2, stderr: ['slac: cannot read picture.csv: it is not a text file'] },
  { name: 'a UTF-16 log (Excel "Unicode text")', args: ['check', 'poologics.sla', 'excel-unicode.csv'], code: 2, stderr: ['slac: cannot read excel-unicode.csv: it is UTF-16 text; save it as UTF-8'] },
  { name: 'a missing outage log', args: ['check', 'poologics.sla', 'tickets.csv', '--outages', 'nowhere.csv'], code: 2, stderr: ['nowhere.csv: cannot read nowhere.csv: no such file'] },
  { name: 'a corrupt compiled model', args: ['check', 'corrupt.sla.json', 'tickets.csv'], code: 2, stderr: ['slac: corrupt.sla.json:1:36: not a compiled model: not JSON ('] },
  { name: 'a compiled model from a future version', args: ['check', 'future.sla.json', 'tickets.csv'], code: 2, stderr: ['slac: future.sla.json:1:34: not a valid compiled model: version 99 is not supported', 'compile the .sla again'] },
  { name: 'a missing compiled model', args: ['check', 'nowhere.sla.json', 'tickets.csv'], code: 2, stderr: ['slac: cannot read the compiled model nowhere.sla.json: no such file.'] },
  { name: 'a binary compiled model', args: ['check', 'picture.sla.json', 'tickets.csv'], code: 2, stderr: ['slac: cannot read the compiled model picture.sla.json: it is not a text file'] },
  { name: 'a missing agreement', args: ['check', 'nowhere.sla', 'tickets.csv'], code: 2, stderr: ["nowhere.sla:1:1: error SLA2010: Cannot read the file 'nowhere.sla': no such file."] },
  { name: 'an agreement file without an agreement', args: ['check', 'empty.sla', 'tickets.csv'], code: 2, stderr: ['slac: empty.sla declares no agreement'] },
];

const compileInputs: Case[] = [
  { name: 'a missing agreement', args: ['compile', 'nowhere.sla', '--format', 'md'], code: 2, stderr: ['nowhere.sla:1:1: error SLA2010', 'no such file'] },
  { name: 'a folder', args: ['compile', 'folder.sla', '--format', 'md'], code: 2, stderr: ['folder.sla:1:1: error SLA2010', 'it is a folder, not a file'] },
  { name: 'a binary file', args: ['compile', 'picture.sla', '--format', 'md'], code: 2, stderr: ['picture.sla:1:1: error SLA2010', 'not a text file'] },
  { name: 'an empty file', args: ['compile', 'empty.sla', '--format', 'md'], code: 2, stderr: ['empty.sla:1:1: error SLA5001'] },
  { name: '--final with a blank param', args: ['compile', 'poologics.sla', '--format', 'md', '--final', '-o', 'final.md'], code: 2, stderr: ['slac: --final needs every param filled in', 'ClientName'] },
  { name: '--emit with --format', args: ['compile', 'poologics.sla', '--emit', 'model', '--format', 'md'], code: 2, stderr: ["slac: option '--emit <what>' cannot be used with option '--format <format>'"] },
  { name: '--emit with --paper', args: ['compile', 'poologics.sla', '--emit', 'model', '--paper', 'letter'], code: 2, stderr: ["cannot be used with option '--paper <size>'"] },
];

const fmtInputs: Case[] = [
  { name: 'a file with syntax errors', args: ['fmt', 'broken.sla'], code: 2, stderr: ["broken.sla:3:23: error SLA1010: Expected a time range such as 08:00-17:00 but found the end of the line.", 'slac fmt leaves files with syntax errors unchanged.'] },
  { name: '--check on a formatted file', args: ['fmt', '--check', 'tidy.sla'], code: 0, stdout: ['1 file already formatted'] },
  { name: '--check on a file to format', args: ['fmt', '--check', 'messy.sla'], code: 1, stdout: ['would reformat messy.sla'] },
  { name: 'a missing file among good ones', args: ['fmt', '--check', 'nowhere.sla', 'tidy.sla'], code: 2, stderr: ['slac: cannot read nowhere.sla: no such file.'], stdout: ['1 file already formatted'] },
  { name: 'a folder', args: ['fmt', 'folder.sla'], code: 2, stderr: ['slac: cannot read folder.sla: it is a folder, not a file.'] },
  { name: 'a binary file', args: ['fmt', 'picture.sla'], code: 2, stderr: ['slac: cannot read picture.sla: it is not a text file'] },
];

describe.each([
  ['input files', inputFiles],
  ['bad options', badOptions],
  ['slac check', checkInputs],
  ['slac compile', compileInputs],
  ['slac fmt', fmtInputs],
])('bad input: %s', (_group, cases) => {
  it.each(cases)('$name: exit $code', async ({ args, code, stderr, stdout }) => {
    const run = await slac(args);
    expect(run.code, `stderr: ${run.stderr}\nstdout: ${run.stdout}`).toBe(code);
    expectParts(run.stderr, stderr);
    expectParts(run.stdout, stdout);
    expectNoStackTrace(run);
    if (code === 2 && !stdout) expect(run.stderr).not.toBe('');
  });
});

describe('what bad input leaves behind', () => {
  it('fmt leaves a file with syntax errors byte for byte as it was', async () => {
    const before = readFileSync(at('broken.sla'));
    await slac(['fmt', 'broken.sla']);
    expect(readFileSync(at('broken.sla')).equals(before)).toBe(true);
  });

  it('fmt still formats the readable files when one is missing', async () => {
    writeFileSync(at('messy2.sla'), 'param   Who   "x"\n');
    const run = await slac(['fmt', 'nowhere.sla', 'messy2.sla']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('formatted messy2.sla');
    expect(readFileSync(at('messy2.sla'), 'utf8')).toBe('param Who "x"\n');
  });

  it('check -o onto the log leaves the log as it was', async () => {
    const before = readFileSync(at('tickets.csv'));
    await slac(['check', 'poologics.sla', 'tickets.csv', '--format', 'csv', '-o', 'tickets.csv']);
    expect(readFileSync(at('tickets.csv')).equals(before)).toBe(true);
  });

  it('compile --final writes nothing when a param is blank', async () => {
    await slac(['compile', 'poologics.sla', '--format', 'md', '--final', '-o', 'final-blank.md']);
    expect(() => readFileSync(at('final-blank.md'))).toThrow();
  });
});

describe('a browser that does not start', () => {
  const saved = process.env['PUPPETEER_EXECUTABLE_PATH'];
  afterEach(() => {
    if (saved === undefined) delete process.env['PUPPETEER_EXECUTABLE_PATH'];
    else process.env['PUPPETEER_EXECUTABLE_PATH'] = saved;
  });

  it('warns when PUPPETEER_EXECUTABLE_PATH names nothing, then looks in the usual places', async () => {
    process.env['PUPPETEER_EXECUTABLE_PATH'] = '/nonexistent/chromium';
    const run = await slac(['compile', 'poologics.sla', '-o', 'fallback.pdf']);
    expect(run.stderr).toMatch(/^slac: warning: PUPPETEER_EXECUTABLE_PATH is set to \/nonexistent\/chromium, which does not exist; looking for Chromium or Chrome in the usual places\.\n/);
    // With a browser in a usual place the PDF is written; without one, the no-browser message.
    if (run.code === 0) expect(readFileSync(at('fallback.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    else expect(run.stderr).toContain('PDF output needs Chromium or Google Chrome');
    expectNoStackTrace(run);
  });

  it('says nothing of the browser when none is needed (--format html)', async () => {
    process.env['PUPPETEER_EXECUTABLE_PATH'] = '/nonexistent/chromium';
    const run = await slac(['compile', 'poologics.sla', '--format', 'html', '-o', 'no-browser.html']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('is one message naming the browser and the way out, exit 2', async () => {
    process.env['PUPPETEER_EXECUTABLE_PATH'] = '/bin/false';
    const run = await slac(['compile', 'poologics.sla', '-o', 'no-browser.pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^slac: Could not start the browser at \/bin\/false: .*--format html\.\n$/s);
    expectNoStackTrace(run);
    expect(() => readFileSync(at('no-browser.pdf'))).toThrow();
  });
});

describe('a bug in slac', () => {
  it('prints a short message asking for a report, then the stack, and exits 70', async () => {
    const run = await slac(['validate', 'poologics.sla'], {
      stdout: () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    expect(run.code).toBe(INTERNAL_ERROR_EXIT);
    expect(INTERNAL_ERROR_EXIT).toBe(70);
    const [first, second] = run.stderr.split('\n');
    expect(first).toBe('slac: internal error: cannot read properties of undefined');
    expect(second).toContain('This is a bug in slac');
    expect(run.stderr).toContain('Please report it');
    expect(run.stderr).toMatch(/^TypeError: cannot read properties of undefined\n\s+at /m);
  });
});

describe('runtime error paths (runtime/ is not edited here)', () => {
  // The CLI refuses folders before reading; library callers get words too.
  it('checkLogFiles names a folder given as the log in words', async () => {
    const outcome = await checkLogFiles(supportModel, { log: at('folder.csv'), skipInvalid: false });
    expect(outcome.ok).toBe(false);
    const messages = outcome.ok ? '' : outcome.errors.map(formatLogError).join('\n');
    expect(messages).toContain('folder.csv');
    expect(messages).toContain('it is a folder');
    expect(messages).not.toContain('EISDIR');
  });

  // A Latin-1 export would turn "Café-1" into "Caf\uFFFD-1" silently.
  it('checkLogFiles reports a log that is not UTF-8', async () => {
    const outcome = await checkLogFiles(supportModel, { log: at('latin1.csv'), skipInvalid: false });
    const problems = [...outcome.warnings, ...(outcome.ok ? [] : outcome.errors)].map(formatLogError).join('\n');
    expect(problems).toMatch(/latin1\.csv:2: .*UTF-8/);
  });
});
