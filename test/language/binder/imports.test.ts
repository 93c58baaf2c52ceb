import { describe, expect, it } from 'vitest';
import { analyze, type SourceHost } from '../../../language/workspace/index.js';

function host(files: Record<string, string>): SourceHost {
  return { readFile: (file) => files[file] };
}

const shared = 'calendar Desk { timezone "UTC" hours Mon-Fri 09:00-17:00 }\nseverity Normal { default }\n';

function codes(files: Record<string, string>, entry = '/w/a.sla'): string[] {
  return analyze(entry, host(files)).diagnostics.map((d) => `${d.file.slice(3)}:${d.range.start.line + 1} ${d.code}`);
}

describe('imports and overrides across several files', () => {
  it('reads a file imported twice once (diamond)', () => {
    const files = {
      '/w/a.sla': 'import "b.sla"\nimport "c.sla"\n',
      '/w/b.sla': 'import "d.sla"\n',
      '/w/c.sla': 'import "d.sla"\n',
      '/w/d.sla': shared,
    };
    expect(codes(files)).toEqual([]);
    const analysis = analyze('/w/a.sla', host(files));
    expect(analysis.model!.calendars.map((c) => c.name)).toEqual(['Desk']);
    expect([...analysis.files.keys()].sort()).toEqual(['/w/a.sla', '/w/b.sla', '/w/c.sla', '/w/d.sla']);
  });

  it('keeps an override that reaches the entry through one branch of a diamond', () => {
    const files = {
      '/w/a.sla': 'import "c.sla"\nimport "b.sla"\n',
      '/w/b.sla': 'import "d.sla"\noverride calendar Desk { timezone "UTC" hours Mon-Sun 00:00-24:00 }\n',
      '/w/c.sla': 'import "d.sla"\n',
      '/w/d.sla': shared,
    };
    expect(codes(files)).toEqual([]);
    expect(analyze('/w/a.sla', host(files)).model!.calendars[0]!.weekly[7]).toEqual([{ start: 0, end: 1440 }]);
  });

  it('reports the same name from two imported files at the second import', () => {
    const files = {
      '/w/a.sla': 'import "b.sla"\nimport "c.sla"\n',
      '/w/b.sla': shared,
      '/w/c.sla': 'calendar Desk { timezone "UTC" hours Sat 09:00-17:00 }\n',
    };
    expect(codes(files)).toEqual(['a.sla:2 SLA2002']);
  });

  it('reports a cycle through three files once, naming the chain', () => {
    const files = { '/w/a.sla': 'import "b.sla"\n', '/w/b.sla': 'import "c.sla"\n', '/w/c.sla': 'import "a.sla"\n' };
    const analysis = analyze('/w/a.sla', host(files));
    const cycle = analysis.diagnostics.find((d) => d.code === 'SLA2004')!;
    expect(cycle.file).toBe('/w/c.sla');
    expect(cycle.message).toBe('Import cycle: a.sla -> b.sla -> c.sla -> a.sla.');
    expect(codes(files)).toEqual(['a.sla:1 SLA2008', 'b.sla:1 SLA2008', 'c.sla:1 SLA2004']);
  });

  it('reports a file importing itself', () => {
    expect(codes({ '/w/a.sla': 'import "a.sla"\n' })).toEqual(['a.sla:1 SLA2004']);
  });

  it('needs override for a second escalation, and reports an override of nothing unnamed', () => {
    const escalation = 'escalation { clock Desk level 1 "Lead" after 2 hours }\n';
    expect(codes({ '/w/a.sla': `import "b.sla"\n${escalation}`, '/w/b.sla': shared + escalation })).toEqual(['a.sla:2 SLA2011']);
    expect(codes({ '/w/a.sla': `import "b.sla"\noverride ${escalation}`, '/w/b.sla': shared + escalation })).toEqual([]);
    expect(codes({ '/w/a.sla': `${shared}override ${escalation}` })).toEqual(['a.sla:3 SLA2005']);
  });

  it('counts agreements after imports', () => {
    const files = { '/w/a.sla': 'import "b.sla"\nagreement A { title "A" }\n', '/w/b.sla': 'agreement B { title "B" }\n' };
    expect(codes(files)).toEqual(['a.sla:2 SLA2007']);
  });
});
