import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from './built-cli.js';

/**
 * A Zendesk page saved with a UTF-8 byte order mark (as Windows tools save
 * JSON): pretty-printed over several lines, it was refused (exit 2, the
 * message quoting the mark), while one page per line and the other sources'
 * JSON readers take the mark. Now each is read as the same page without
 * it, and a page that is not JSON names its line and column. Through the
 * built CLI.
 */

const AUDITS = join(repoRoot, 'test', 'import', 'fixtures', 'zendesk', 'audits-ticket-7.json');
const BOM = '\uFEFF';

describe('a Zendesk page with a byte order mark', () => {
  const root = mkdtempSync(join(tmpdir(), 'slac-zendesk-bom-'));
  const page = JSON.parse(readFileSync(AUDITS, 'utf8')) as unknown;
  const layouts = [
    { layout: 'pretty-printed', text: `${JSON.stringify(page, null, 2)}\n` },
    { layout: 'pretty-printed with CRLF', text: `${JSON.stringify(page, null, 2).replace(/\n/g, '\r\n')}\r\n` },
    { layout: 'one page per line', text: `${JSON.stringify(page)}\n` },
  ];

  it.each(layouts)('$layout: read as without the mark', ({ layout, text }) => {
    const dir = join(root, layout.replace(/\W+/g, '-'));
    mkdirSync(join(dir, 'plain'), { recursive: true });
    mkdirSync(join(dir, 'marked'));
    writeFileSync(join(dir, 'plain', 'audits-ticket-7.json'), text);
    writeFileSync(join(dir, 'marked', 'audits-ticket-7.json'), BOM + text);
    const plain = runBuiltCli(['import', 'zendesk', 'plain'], dir);
    const marked = runBuiltCli(['import', 'zendesk', 'marked'], dir);
    expect(plain.code).toBe(0);
    expect(marked.stderr).not.toContain(BOM);
    expect(marked.code).toBe(0);
    expect(marked.stdout).toBe(plain.stdout);
    expect(marked.stdout).toContain('"ticket":"7"');
  });

  it('a marked page that is not JSON: its line and column, without the mark', () => {
    const dir = join(root, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'audits.json'), `${BOM}{\n  "audits": [\n    x\n  ]\n}\n`);
    const run = runBuiltCli(['import', 'zendesk', 'audits.json'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(BOM);
    expect(run.stderr).toContain('audits.json:3:5: not a JSON page of a Zendesk export, nor one page per line (');
  });
});
