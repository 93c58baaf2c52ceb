import { describe, expect, it } from 'vitest';
import type { SourceHost } from '../../../language/workspace/index.js';
import { analyze } from '../../../language/workspace/index.js';

/** An in-memory workspace: file name -> text. */
function host(files: Record<string, string>): SourceHost {
  return { readFile: (file) => files[file] };
}

const terms = `calendar Office {
  timezone "Europe/Berlin"
  hours Mon-Fri 08:00-18:00
}
severity Normal { default }
metric Fix {
  measures resolution
  clock Office
  target 4 hours
}
`;

const agreement = `import "terms.sla"
calendar Office2 {
  timezone "Europe/Berlin"
  hours Mon-Fri 08:00-18:00
}
override metric Fix {
  measures resolution
  clock Office
  target 2 hours
}
channel Phone { hours Ofice2 }
`;

describe('the symbol index', () => {
  const analysis = analyze('/w/agreement.sla', host({ '/w/agreement.sla': agreement, '/w/terms.sla': terms }));
  const { symbols } = analysis;

  it('loads the entry and its import', () => {
    expect([...analysis.files.keys()]).toEqual(['/w/agreement.sla', '/w/terms.sla']);
  });

  it('finds a declaration by the position of its name', () => {
    const office = symbols.declarationAt('/w/terms.sla', { line: 0, character: 12 });
    expect(office).toMatchObject({ kind: 'calendar', name: 'Office', file: '/w/terms.sla' });
    expect(symbols.declarationAt('/w/terms.sla', { line: 1, character: 4 })).toBeUndefined();
  });

  it('finds a reference and what it resolves to', () => {
    const clock = symbols.referenceAt('/w/agreement.sla', { line: 7, character: 9 });
    expect(clock).toMatchObject({ name: 'Office', expects: 'calendar' });
    expect(clock!.target).toBe(symbols.declarationAt('/w/terms.sla', { line: 0, character: 12 }));
  });

  it('lists the references to a declaration across files', () => {
    const office = symbols.declarationAt('/w/terms.sla', { line: 0, character: 12 })!;
    expect(symbols.referencesTo(office).map((r) => r.file)).toEqual(['/w/terms.sla', '/w/agreement.sla']);
  });

  it('lists the declarations visible in a file, overrides applied', () => {
    const metrics = symbols.visibleDeclarations('/w/agreement.sla', 'metric');
    expect(metrics.map((m) => [m.name, m.file])).toEqual([['Fix', '/w/agreement.sla']]);
    expect(symbols.visibleDeclarations('/w/terms.sla', 'metric').map((m) => m.file)).toEqual(['/w/agreement.sla']);
    expect(symbols.visibleDeclarations('/w/terms.sla', 'calendar').map((c) => c.name)).toEqual(['Office']);
    expect(symbols.visibleDeclarations('/w/agreement.sla', 'calendar').map((c) => c.name)).toEqual(['Office', 'Office2']);
  });

  it('puts the suggestion of an unknown name in the diagnostic data', () => {
    expect(analysis.diagnostics.map((d) => [d.code, d.data])).toEqual([['SLA2001', { suggestion: 'Office2' }]]);
    expect(analysis.model).toBeUndefined();
  });

  it('does not throw on a missing entry file', () => {
    const missing = analyze('/w/none.sla', host({}));
    expect(missing.diagnostics.map((d) => d.code)).toEqual(['SLA2010']);
    expect(missing.files.size).toBe(0);
    expect(missing.model).toBeUndefined();
  });
});

describe('files named by URI (editor buffers)', () => {
  it('resolves imports relative to a file URI', () => {
    const files: Record<string, string> = {
      'file:///w/agreement.sla': 'import "terms.sla"\nchannel Phone { hours Office }\n',
      'file:///w/terms.sla': terms,
    };
    const analysis = analyze('file:///w/agreement.sla', host(files));
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.model?.sources.map((s) => s.path)).toEqual(['agreement.sla', 'terms.sla']);
  });

  it('does not throw on an untitled buffer that imports', () => {
    const analysis = analyze('untitled:Untitled-1', host({ 'untitled:Untitled-1': 'import "terms.sla"\n' }));
    expect(analysis.entry).toBe('untitled:Untitled-1');
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(['SLA2003']);
  });
});
