import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runBuiltCli } from '../cli/built-cli.js';
import { freshFolder, write } from '../cli/hardening-fixtures.js';

/**
 * Every ```sla block of docs/language.md, validated through the built CLI.
 * Most blocks are fragments: the table below, keyed by the block's first
 * line, gives what the surrounding text takes as given (the declarations the
 * fragment names) and the codes the block is documented to give. A block not
 * in the table must validate with no diagnostics at all, so a new snippet is
 * checked as a complete agreement until someone says otherwise here.
 */
interface Snippet {
  /** Declarations appended so the fragment is a minimal agreement. */
  context?: string;
  /** Diagnostic codes the docs say the block gives; none when absent. */
  codes?: string[];
}

const office = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 08:00-17:00\n  holidays "DE-BE"\n}\n';
const defaultSeverity = 'severity P1 {\n  description "The site is down."\n  default\n}\n';
const uptime = `${office}${defaultSeverity}metric Uptime {\n  measures uptime\n  clock Office\n  objective 99.9% monthly\n}\n`;

const snippets: Record<string, Snippet> = {
  'agreement PoologicsSupport {': {},
  'import "corporate.sla"      // relative to this file\'s folder': {},
  'import "corporate.sla"': {},
  // The dated holidays of 2026 run out: the text (SLA3041) says so.
  'calendar Office {\n  timezone "Europe/Berlin"                 // required, an IANA name': { codes: ['SLA3041'] },
  'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 08:00-17:00\n  holidays "DE-BE"': {},
  'channel Phone {': { context: office },
  'severity P1 {': { context: 'severity P3 {\n  description "Anything else."\n  default\n}\n' },
  'metric FirstResponse {': { context: `calendar OnCall {\n  timezone "UTC"\n  hours Mon-Sun 00:00-24:00\n}\n${defaultSeverity}` },
  'metric NextReply {': { context: `${office}${defaultSeverity}channel Phone {\n}\nchannel Email {\n}\n` },
  'maintenance {': { context: 'calendar SundayNight {\n  timezone "UTC"\n  hours Sun 22:00-24:00\n}\n' },
  'escalation {': { context: `${office}${defaultSeverity}metric Fix {\n  measures resolution\n  clock Office\n  target 2 business days\n}\n` },
  'credits {\n  when Uptime below 99.9% credit 5%\n  when': { context: uptime },
  'credits {\n  fee': { context: uptime },
  'portfolio Customers {': {},
};

const docs = readFileSync(join(repoRoot, 'docs', 'language.md'), 'utf8');
const blocks = [...docs.matchAll(/```sla\n([\s\S]*?)```/g)].map((match) => ({ text: match[1]!, line: docs.slice(0, match.index).split('\n').length }));

/** The table entry whose key starts the block; the longest key wins, so two blocks sharing a first line can be told apart. */
function snippetFor(text: string): Snippet {
  const keys = Object.keys(snippets).filter((key) => text.startsWith(key));
  const key = keys.sort((a, b) => b.length - a.length)[0];
  return key === undefined ? {} : snippets[key]!;
}

/** A folder holding the files the snippets import, read or use. */
function snippetFolder(): string {
  const folder = freshFolder('language-snippets');
  copyFileSync(join(repoRoot, 'examples', 'multilevel', 'corporate.sla'), join(folder, 'corporate.sla'));
  copyFileSync(join(repoRoot, 'examples', 'poologics.sla'), join(folder, 'acme.sla'));
  copyFileSync(join(repoRoot, 'examples', 'poologics.sla'), join(folder, 'standard.sla'));
  write(folder, 'company-days.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20260605\r\nSUMMARY:Company day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
  return folder;
}

function codesOf(output: string): string[] {
  return [...output.matchAll(/\b(?:error|warning|info) (SLA\d{4})\b/g)].map((match) => match[1]!);
}

describe('docs/language.md sla snippets', () => {
  const folder = snippetFolder();

  it('has the snippets this table was written for', () => {
    expect(blocks.length).toBe(18);
  });

  for (const block of blocks) {
    it(`the block at docs/language.md:${block.line} gives what the text says`, () => {
      const snippet = snippetFor(block.text);
      const file = write(folder, `snippet-${block.line}.sla`, `${block.text}\n${snippet.context ?? ''}`);
      const run = runBuiltCli(['validate', file], folder);
      expect(codesOf(run.stdout + run.stderr), run.stdout + run.stderr).toEqual(snippet.codes ?? []);
      expect(run.code).toBe(0);
    });
  }
});
