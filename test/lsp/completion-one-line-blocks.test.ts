// A block written on one line, as LANGUAGE.md writes `calendar SundayNight
// { timezone "Europe/Berlin" hours Sun 02:00-06:00 }`: inside the quotes of
// a statement that follows another on the line, completion offers what it
// offers when the statement starts its line. Through the language services
// in-process, with the cursor addressed by text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completion } from '../../lsp/services/completion.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { at } from './harness/cursor.js';

const folder = mkdtempSync(join(tmpdir(), 'slac-one-line-'));
writeFileSync(join(folder, 'company-days.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');

function labelsAt(text: string, marked: string): string[] {
  const file = join(folder, 'draft.sla');
  const workspace = new SlaWorkspace();
  workspace.setRoots([folder]);
  workspace.update(file, text);
  const document = serviceDocument(workspace, file, uriOfFile)!;
  return completion(document, at(text, marked)).map((item) => item.label);
}

const cases: { name: string; text: string; cursor: string; includes: string[]; excludes?: string[] }[] = [
  {
    name: 'a country code after the hours of a one-line calendar',
    text: 'calendar Office { timezone "Europe/Berlin" hours Mon-Fri 08:00-17:00 holidays "DE-B\n}\n',
    cursor: 'holidays "DE-B|',
    includes: ['DE-BE', 'DE-BY'],
  },
  {
    name: 'an .ics file after the hours of a one-line calendar',
    text: 'calendar Office { timezone "Europe/Berlin" hours Mon-Fri 08:00-17:00 holidays from "\n}\n',
    cursor: 'holidays from "|',
    includes: ['company-days.ics'],
  },
  {
    name: "a status the agreement names, after a one-line metric's clock",
    text: 'pause when status "Awaiting customer"\ncalendar Office { timezone "UTC" hours Mon-Fri 08:00-17:00 }\nmetric Fix { measures resolution clock Office pause when status "\n}\n',
    cursor: 'clock Office pause when status "|',
    includes: ['Awaiting customer'],
  },
  {
    name: "the statuses in quotes after a one-line metric's pause when status",
    text: 'pause when status "Awaiting customer"\ncalendar Office { timezone "UTC" hours Mon-Fri 08:00-17:00 }\nmetric Fix { measures resolution clock Office pause when status \n}\n',
    cursor: 'clock Office pause when status |',
    includes: ['"Awaiting customer"'],
  },
  {
    name: "nothing but the helpdesk's own words after a one-line channel's matches",
    text: 'channel Email { contact "support@example.com" matches \n}\n',
    cursor: 'matches |',
    includes: [],
    excludes: ['contact', 'hours', 'matches'],
  },
  {
    name: "'uses' after the client names of a one-line portfolio",
    text: 'portfolio Customers { client "Acme" \n}\n',
    cursor: 'client "Acme" |',
    includes: ['uses'],
    excludes: ['client', 'others'],
  },
  {
    name: "'use' after others in a one-line portfolio",
    text: 'portfolio Customers { others \n}\n',
    cursor: 'others |',
    includes: ['use'],
    excludes: ['client', 'others'],
  },
  {
    name: 'the statements after a finished statement of a one-line metric',
    text: 'calendar Office { timezone "UTC" hours Mon-Fri 08:00-17:00 }\nmetric Fix { measures resolution clock Office \n}\n',
    cursor: 'clock Office |',
    includes: ['target', 'objective'],
  },
  {
    name: 'no statements after a keyword of a one-line metric that takes a value',
    text: 'calendar Office { timezone "UTC" hours Mon-Fri 08:00-17:00 }\nmetric Fix { measures resolution objective \n}\n',
    cursor: 'resolution objective |',
    includes: [],
    excludes: ['target', 'objective', 'clock'],
  },
  {
    name: 'no codes for words inside another string',
    text: 'calendar Office { timezone "Europe/Berlin" hours Mon-Fri 08:00-17:00 holidays from "our holidays "\n}\n',
    cursor: 'our holidays "|',
    includes: [],
    excludes: ['DE-BE'],
  },
];

describe('completion inside quotes of a statement that does not start its line', () => {
  it.each(cases)('$name', ({ text, cursor, includes, excludes = [] }) => {
    const labels = labelsAt(text, cursor);
    for (const label of includes) expect(labels).toContain(label);
    for (const label of excludes) expect(labels).not.toContain(label);
  });
});
