// The days of an `hours` line may be a list (`hours Mon, Wed-Fri 09:00-17:00`),
// and completion lost its place in one: after `hours Mon, ` it offered the
// time ranges (accepting one wrote `hours Mon, 09:00-17:00`, "Expected a
// weekday such as Mon"), and after `hours Mon, Wed ` or `hours Mon, Wed, `
// the calendar's statements (`timezone`, `hours`, `holidays`). After a comma
// it now offers the weekdays, after the list the time ranges, as it does
// after `hours ` and `hours Mon-Fri `. Through the language services
// in-process, with the cursor addressed by text.
import { describe, expect, it } from 'vitest';
import { completion } from '../../lsp/services/completion.js';
import { serviceDocument } from '../../lsp/services/document.js';
import { uriOfFile } from '../../lsp/services/uri.js';
import { SlaWorkspace } from '../../lsp/services/workspace.js';
import { at } from './harness/cursor.js';

function labelsAt(hours: string): string[] {
  const text = `calendar Office {\n  timezone "UTC"\n  ${hours}\n}\n`;
  const workspace = new SlaWorkspace();
  workspace.update('/virtual/draft.sla', text);
  return completion(serviceDocument(workspace, '/virtual/draft.sla', uriOfFile)!, at(text, hours)).map((item) => String(item.label));
}

const WEEKDAYS = ['Mon-Fri', 'Wed', 'Sun'];
// After a comma, the days no span before it covers: Mon-Fri there takes in Monday again, SLA3002.
const MORE_DAYS = ['Fri', 'Sat-Sun', 'Sun'];
const LISTED = ['Mon', 'Mon-Fri', 'Mon-Sun'];
const TIME_RANGES = ['09:00-17:00', '22:00-06:00'];
const STATEMENTS = ['timezone', 'hours', 'holidays'];

const CASES = [
  { hours: 'hours Mon, |', offers: MORE_DAYS, not: [...LISTED, ...TIME_RANGES, ...STATEMENTS] },
  { hours: 'hours Mon,|', offers: MORE_DAYS, not: [...LISTED, ...TIME_RANGES, ...STATEMENTS] },
  { hours: 'hours Mon-Thu, |', offers: MORE_DAYS, not: [...LISTED, ...TIME_RANGES, ...STATEMENTS] },
  { hours: 'hours Mon, W|', offers: MORE_DAYS, not: [...LISTED, ...TIME_RANGES, ...STATEMENTS] },
  { hours: 'hours Mon, Wed, |', offers: MORE_DAYS, not: [...LISTED, ...TIME_RANGES, ...STATEMENTS] },
  { hours: 'hours Mon, Wed |', offers: TIME_RANGES, not: [...WEEKDAYS, ...STATEMENTS] },
  { hours: 'hours Mon, Wed-Fri |', offers: TIME_RANGES, not: [...WEEKDAYS, ...STATEMENTS] },
  { hours: 'hours Sat , Sun |', offers: TIME_RANGES, not: [...WEEKDAYS, ...STATEMENTS] },
  // As before: one day or span, and a time range after a comma.
  { hours: 'hours |', offers: WEEKDAYS, not: TIME_RANGES },
  { hours: 'hours Mon-Fri |', offers: TIME_RANGES, not: WEEKDAYS },
  // After a range, none overlapping it (SLA3002): the afternoon and the night, not 09:00-17:00.
  { hours: 'hours Mon-Fri 09:00-12:00, |', offers: ['13:00-17:00', '22:00-06:00'], not: [...WEEKDAYS, '09:00-17:00'] },
];

describe('completion in the list of days of an hours line', () => {
  it.each(CASES)('$hours', ({ hours, offers, not }) => {
    const labels = labelsAt(hours);
    for (const label of offers) expect(labels).toContain(label);
    for (const label of not) expect(labels).not.toContain(label);
  });
});
