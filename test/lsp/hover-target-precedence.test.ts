// The hover of a target names the tickets it is for, and those a more
// specific target of the metric takes from it (LANGUAGE.md: severity and
// channel, then channel, then severity, then the plain target): `target 4
// hours` beside `target P1 1 hour` is not "for every ticket". Through the
// language services in-process, the cursor addressed by text.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { serviceDocument } from '../../lsp/services/document.js';
import { hover } from '../../lsp/services/hover.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { at } from './harness/cursor.js';

const agreement = `agreement Desk {
  title "Desk"
}

calendar Office {
  timezone "UTC"
  hours Mon-Fri 09:00-17:00
}

severity P1 {
  description "Down"
}

severity P2 {
  default
}

channel Email {
  hours Office
}

channel Phone {
  hours Office
}

metric Response {
  measures first response
  clock Office
  target via Email 3 hours
  target P1 1 hour
  target P1 via Email 2 hours
  target P2 via Phone 5 hours
  target 4 hours
}
`;

function hoverText(marked: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'slac-hover-target-precedence-'));
  const file = join(folder, 'desk.sla');
  const workspace = new SlaWorkspace();
  workspace.setRoots([folder]);
  workspace.update(file, agreement);
  const found = hover(serviceDocument(workspace, file, uriOfFile)!, at(agreement, marked));
  return found ? (found.contents as MarkupContent).value : '';
}

describe('the hover of a target says which tickets it is for', () => {
  it.each([
    ['the plain target', 'target 4 ho|urs', '**target 4 hours** for every ticket, except tickets that came in via Email, P1 tickets and P2 tickets that came in via Phone: '],
    ['a severity target', 'target P1 1 ho|ur', '**target 1 hour** for P1 tickets, except those that came in via Email: '],
    ['a channel target', 'target via Email 3 ho|urs', '**target 3 hours** for tickets that came in via Email, except P1 tickets: '],
    ['a severity and channel target', 'target P1 via Email 2 ho|urs', '**target 2 hours** for P1 tickets that came in via Email: '],
  ])('%s', (_name, cursor, says) => {
    expect(hoverText(cursor)).toContain(says);
  });

  it.each([
    ['via of a channel target', 'target v|ia Email 3', 'Here: tickets that came in via **Email**, except P1 tickets: 3 hours.'],
    ['via of a severity and channel target', 'target P1 v|ia Email', 'Here: P1 tickets that came in via **Email**: 2 hours.'],
  ])('%s', (_name, cursor, says) => {
    expect(hoverText(cursor)).toContain(says);
  });
});
