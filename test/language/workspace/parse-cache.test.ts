import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../language/parser/index.js';
import { analyze } from '../../../language/workspace/analyze.js';
import { ParseCache } from '../../../language/workspace/parse-cache.js';
import type { SourceHost } from '../../../language/workspace/source-host.js';

// The parse cache the language server keeps between analyses: a file whose
// text is unchanged keeps its parse, any change re-parses it, and an
// analysis through the cache equals one without it.
const base = '/ws/base.sla';
const entry = '/ws/entry.sla';
const baseText = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\nseverity P1 { description "Down." default }\n';
const entryText = 'import "base.sla"\n\nagreement A {\n  title "A"\n  effective 2026-01-01\n}\n\nmetric M {\n  measures resolution\n  clock Office\n  target P1 4 hours\n  objective 95% monthly\n}\n';

function hostOf(files: Record<string, string>): SourceHost & { reads: string[] } {
  const reads: string[] = [];
  return { reads, readFile: (file) => (reads.push(file), files[file]) };
}

describe('the parse cache', () => {
  it('gives the same parse for the same text and file', () => {
    const cache = new ParseCache();
    const first = cache.parse(baseText, base);
    expect(cache.parse(baseText, base)).toBe(first);
    expect(cache.parse(`${baseText}`, base)).toBe(first); // equal text, another string object
    expect(cache.size).toBe(1);
  });

  it('re-parses a changed text, and the same text under another file name', () => {
    const cache = new ParseCache();
    const first = cache.parse(baseText, base);
    const edited = cache.parse(baseText.replace('09:00', '08:00'), base);
    expect(edited).not.toBe(first);
    expect(edited.document).toEqual(parseDocument(baseText.replace('09:00', '08:00'), base).document);
    expect(cache.parse(baseText, '/ws/other.sla')).not.toBe(first);
    cache.delete(base);
    expect(cache.parse(baseText, base)).not.toBe(first);
  });

  it('keeps an unchanged import parsed once across analyses, and re-parses it when it changes', () => {
    const cache = new ParseCache();
    const files: Record<string, string> = { [base]: baseText, [entry]: entryText };
    const before = analyze(entry, hostOf(files), { parseCache: cache });
    expect(before.diagnostics).toEqual([]);
    files[entry] = entryText.replace('4 hours', '5 hours');
    const afterEntryEdit = analyze(entry, hostOf(files), { parseCache: cache });
    expect(afterEntryEdit.files.get(base)).toBe(before.files.get(base));
    expect(afterEntryEdit.files.get(entry)).not.toBe(before.files.get(entry));
    files[base] = baseText.replace('calendar Office', 'calendar Desk');
    const afterImportEdit = analyze(entry, hostOf(files), { parseCache: cache });
    expect(afterImportEdit.files.get(base)).not.toBe(before.files.get(base));
    expect(afterImportEdit.diagnostics.map((d) => d.code)).toContain('SLA2001');
  });

  it('gives the same analysis as parsing afresh', () => {
    const cache = new ParseCache();
    const files: Record<string, string> = { [base]: baseText, [entry]: entryText.replace('clock Office', 'clock Ofice') };
    analyze(entry, hostOf(files), { parseCache: cache });
    const cached = analyze(entry, hostOf(files), { parseCache: cache });
    const fresh = analyze(entry, hostOf(files));
    expect(cached.diagnostics).toEqual(fresh.diagnostics);
    expect(cached.diagnostics.map((d) => d.code)).toEqual(['SLA2001']);
    expect([...cached.files.values()].map((parse) => parse.document)).toEqual([...fresh.files.values()].map((parse) => parse.document));
    expect(cached.symbols.references).toEqual(fresh.symbols.references);
  });
});
