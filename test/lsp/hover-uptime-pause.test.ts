// A pause inside an uptime metric stops nothing (SLA3098: availability is
// counted from the outage log). Its hover says so instead of describing a
// clock that stops, and the hover of an agreement-wide pause status does
// not name that metric among those with their own pauses. Through the
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

const agreement = `agreement Hosting {
  title "Hosting"
}

severity Standard {
  default
}

calendar Always {
  timezone "UTC"
  hours Mon-Sun 00:00-24:00
}

pause when status "Waiting on customer"

metric Uptime {
  measures uptime
  clock Always
  objective 99.9% monthly
  pause when status "On hold"
}

metric Backup {
  measures uptime
  clock Always
  objective 99% monthly
  pause never
}

metric Response {
  measures first response
  clock Always
  target 4 hours
  pause when status "Parts ordered"
}
`;

function hoverText(marked: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'slac-hover-uptime-pause-'));
  const file = join(folder, 'hosting.sla');
  const workspace = new SlaWorkspace();
  workspace.setRoots([folder]);
  workspace.update(file, agreement);
  const found = hover(serviceDocument(workspace, file, uriOfFile)!, at(agreement, marked));
  return found ? (found.contents as MarkupContent).value : '';
}

const cases: { name: string; cursor: string; says: string[]; not: string[] }[] = [
  {
    name: 'pause in an uptime metric',
    cursor: '  pa|use when status "On hold"',
    says: ["this pause stops nothing: Uptime measures uptime, which is counted from the outage log, not from tickets' statuses (SLA3098)"],
    not: ["Uptime's clock stops"],
  },
  {
    name: 'a status of a pause in an uptime metric',
    cursor: '"On h|old"',
    says: ['this pause stops nothing: Uptime measures uptime'],
    not: ["Uptime's clock stops"],
  },
  {
    name: 'pause never in an uptime metric',
    cursor: 'pause nev|er',
    says: ['**never**', 'this pause stops nothing: Backup measures uptime'],
    not: ["Backup's clock never stops"],
  },
  {
    name: 'pause in a ticket metric: its clock, as before',
    cursor: '"Parts o|rdered"',
    says: ['Response\'s clock stops while a ticket\'s status is "Parts ordered"'],
    not: ['stops nothing'],
  },
  {
    name: 'an agreement-wide status: the ticket metric with its own pause, not the uptime ones',
    cursor: '"Waiting o|n customer"',
    says: ['except the metrics with their own `pause` line (`Response`)'],
    not: ['`Uptime`', '`Backup`'],
  },
];

describe('hover on a pause in an uptime metric', () => {
  it.each(cases)('$name', ({ cursor, says, not }) => {
    const text = hoverText(cursor);
    for (const part of says) expect(text).toContain(part);
    for (const part of not) expect(text).not.toContain(part);
  });
});
