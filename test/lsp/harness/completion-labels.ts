import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { completion } from '../../../lsp/services/completion.js';
import { serviceDocument } from '../../../lsp/services/document.js';
import { uriOfFile } from '../../../lsp/services/uri.js';
import { SlaWorkspace } from '../../../lsp/services/workspace.js';
import { at } from './cursor.js';

/**
 * The labels completion offers at `marked` (see `at`) in `text`, as the
 * file draft.sla of a fresh folder with `imported` files written beside
 * it: through the language services in-process.
 */
export function completionLabelsAt(text: string, marked: string, imported: Record<string, string> = {}): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'slac-completion-labels-'));
  for (const [name, content] of Object.entries(imported)) writeFileSync(join(folder, name), content);
  const file = join(folder, 'draft.sla');
  const workspace = new SlaWorkspace();
  workspace.setRoots([folder]);
  workspace.update(file, text);
  const document = serviceDocument(workspace, file, uriOfFile)!;
  return completion(document, at(text, marked)).map((item) => String(item.label));
}
