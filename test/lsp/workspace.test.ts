import { describe, expect, it } from 'vitest';
import { fileOfUri, uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { example, readExample } from './harness/cursor.js';

// The document store under the server, in-process: which text the analysis
// reads, which open files an edit affects, and when completion may use the
// analysis made before the last keystroke.
describe('the workspace of open documents', () => {
  const finance = example('multilevel/finance.sla');
  const corporate = example('multilevel/corporate.sla');

  it('reads open buffers before the disk, across imports', () => {
    const workspace = new SlaWorkspace();
    workspace.update(finance, readExample('multilevel/finance.sla'));
    expect(workspace.analysisOf(finance).diagnostics).toEqual([]);
    workspace.update(corporate, readExample('multilevel/corporate.sla').replace('calendar ServiceDesk', 'calendar Desk'));
    expect(workspace.analysisOf(finance).diagnostics.map((d) => d.code)).toContain('SLA2001');
    workspace.close(corporate);
    expect(workspace.analysisOf(finance).diagnostics).toEqual([]);
  });

  it('names the open files an edit can change: the file and the open files importing it', () => {
    const workspace = new SlaWorkspace();
    const poologics = example('poologics.sla');
    for (const file of [finance, corporate, poologics]) {
      workspace.update(file, readExample(file.split('examples/')[1]!));
      workspace.analysisOf(file);
    }
    expect(workspace.openDependentsOf(corporate).sort()).toEqual([corporate, finance].sort());
    expect(workspace.openDependentsOf(poologics)).toEqual([poologics]);
  });

  it('lets completion use the previous analysis only while the line count is unchanged', () => {
    const workspace = new SlaWorkspace();
    const text = readExample('poologics.sla');
    const file = example('poologics.sla');
    workspace.update(file, text);
    const before = workspace.analysisOf(file);
    workspace.update(file, text.replace('target 20 minutes', 'target 25 minutes'));
    expect(workspace.recentAnalysisOf(file)).toBe(before);
    expect(workspace.analysisOf(file)).not.toBe(before);
    const current = workspace.analysisOf(file);
    workspace.update(file, text.replace('target 20 minutes', 'target 20 minutes\n'));
    expect(workspace.recentAnalysisOf(file)).not.toBe(current);
  });

  it('keeps an analysis while every file it read reads the same, and remakes it when an import changes', () => {
    const workspace = new SlaWorkspace();
    const financeText = readExample('multilevel/finance.sla');
    const corporateText = readExample('multilevel/corporate.sla');
    workspace.update(finance, financeText);
    const first = workspace.analysisOf(finance);
    workspace.update(finance, financeText); // the same text again (an undo back to it, a save)
    expect(workspace.analysisOf(finance)).toBe(first);
    workspace.update(corporate, corporateText); // opened, same text as on disk
    expect(workspace.analysisOf(finance)).toBe(first);
    workspace.update(corporate, corporateText.replace('calendar ServiceDesk', 'calendar Desk'));
    const afterImportEdit = workspace.analysisOf(finance);
    expect(afterImportEdit).not.toBe(first);
    expect(afterImportEdit.diagnostics.map((d) => d.code)).toContain('SLA2001');
    // The unchanged entry file kept its parse; the edited import was parsed again.
    expect(afterImportEdit.files.get(finance)).toBe(first.files.get(finance));
    expect(afterImportEdit.files.get(corporate)).not.toBe(first.files.get(corporate));
  });

  it('remakes an analysis when a file its import could not find appears', () => {
    const workspace = new SlaWorkspace();
    const entry = 'untitled:///entry.sla';
    const imported = 'untitled:///shared.sla';
    workspace.update(entry, 'import "shared.sla"\n');
    expect(workspace.analysisOf(entry).diagnostics.map((d) => d.code)).toContain('SLA2003');
    workspace.update(imported, 'severity P1 { description "Down." default }\n');
    expect(workspace.analysisOf(entry).diagnostics.map((d) => d.code)).not.toContain('SLA2003');
  });

  it('maps URIs to the file names the language stage uses, and back', () => {
    expect(fileOfUri(uriOfFile(finance))).toBe(finance);
    expect(fileOfUri('untitled:Untitled-1')).toBe('untitled:///Untitled-1');
    expect(fileOfUri('file:///tmp/a%20b.sla')).toBe('/tmp/a b.sla');
  });
});
