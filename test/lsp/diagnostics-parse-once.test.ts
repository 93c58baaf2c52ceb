// The language server judged SLA5005 (an author's term the document never
// uses) by parsing the agreement's sources again to find the term's
// declaration: on a 5,786-line agreement a quarter of a second on each edit,
// though the analysis had just parsed the same text. The warning is found in
// the analysis's own parse now, the same warning. Counted, not timed.
import { describe, expect, it, vi } from 'vitest';
import { diagnosticsFor } from '../../lsp/services/diagnostics.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { readExample } from './harness/cursor.js';

const parses = vi.hoisted(() => ({ count: 0 }));

vi.mock('../../language/parser/index.js', async (importOriginal) => {
  const parser = await importOriginal<typeof import('../../language/parser/index.js')>();
  return {
    ...parser,
    parseDocument: (...args: Parameters<typeof parser.parseDocument>) => {
      parses.count++;
      return parser.parseDocument(...args);
    },
  };
});

describe('diagnostics of an agreement with a term nothing uses', () => {
  it('says SLA5005 at the term without parsing the file again', () => {
    const text = `${readExample('letsflo.sla')}\nterm "Widget" "a thing nothing refers to"\n`;
    const workspace = new SlaWorkspace();
    workspace.update('/virtual/letsflo.sla', text);
    const analysis = workspace.analysisOf('/virtual/letsflo.sla');
    parses.count = 0;
    const diagnostics = diagnosticsFor(analysis, '/virtual/letsflo.sla', uriOfFile);
    expect(diagnostics.filter((d) => d.code === 'SLA5005').map((d) => d.range.start.line)).toEqual([text.split('\n').length - 2]);
    expect(parses.count).toBe(0);
  });
});
