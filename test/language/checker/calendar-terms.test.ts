import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';

const calendar = (name: string) => `calendar ${name} {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n`;

/** Where each diagnostic is (file:line:col), with its code and message. */
function found(files: Record<string, string>, entry: string): string[] {
  const { diagnostics } = analyze(entry, { readFile: (file) => files[file] });
  return diagnostics.map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`);
}

/** Each calendar's hours are a defined term read from its name: two names that read alike would define one term twice (SLA3088). */
describe('calendars whose names read as the same defined term', () => {
  it.each([
    ['Office', 'OfficeHours', 'Office Hours'],
    ['OnCall', 'On_Call', 'On Call Hours'],
    ['office_hours', 'OfficeHours', 'Office Hours'],
    // Terms are compared as an author reads them (SLA3049's rule): case aside.
    ['Office', 'OFFICE', 'Office Hours'],
    ['office_hours', 'OFFICE_HOURS', 'Office Hours'],
    ['Office', 'Offices', undefined],
    ['Support', 'SupportDesk', undefined],
  ])('%s and %s', (first, second, term) => {
    const text = `${calendar(first)}\n${calendar(second)}`;
    const at = `/w/a.sla:6:${'calendar '.length + 1}`;
    const message = `The calendars ${first} (line 1) and ${second} both read as the defined term '${term}' in the agreement; rename one.`;
    expect(found({ '/w/a.sla': text }, '/w/a.sla')).toEqual(term ? [`${at} SLA3088 ${message}`] : []);
  });

  it('is reported in the file of the second calendar in force, naming the file of the first', () => {
    const files = {
      '/w/a.sla': `import "shared/office.sla"\n\n${calendar('OfficeHours')}`,
      '/w/shared/office.sla': `\n${calendar('Office')}`,
    };
    expect(found(files, '/w/a.sla')).toEqual([
      "/w/a.sla:3:10 SLA3088 The calendars Office (shared/office.sla line 2) and OfficeHours both read as the defined term 'Office Hours' in the agreement; rename one.",
    ]);
  });

  it('in an imported file that has the problem on its own, is reported there', () => {
    const files = {
      '/w/a.sla': 'import "lib/hours.sla"\n',
      '/w/lib/hours.sla': `import "office.sla"\n${calendar('OfficeHours')}`,
      '/w/lib/office.sla': calendar('Office'),
    };
    expect(found(files, '/w/a.sla')).toEqual([
      "/w/a.sla:1:8 SLA2008 The imported file 'lib/hours.sla' has 1 error(s).",
      "/w/lib/hours.sla:2:10 SLA3088 The calendars Office (office.sla line 1) and OfficeHours both read as the defined term 'Office Hours' in the agreement; rename one.",
    ]);
  });

  // Neither imported file has the problem on its own, so it is the entry's: reported at the import that brings the second in (merge-errors.ts).
  it('between two imported files, is reported at the import of the second, pointing to both', () => {
    const files = {
      '/w/a.sla': 'import "office.sla"\nimport "hours.sla"\n',
      '/w/office.sla': calendar('Office'),
      '/w/hours.sla': calendar('OfficeHours'),
    };
    const { diagnostics } = analyze('/w/a.sla', { readFile: (file) => files[file as keyof typeof files] });
    expect(found(files, '/w/a.sla')).toEqual([
      "/w/a.sla:2:8 SLA3088 The calendars Office (office.sla line 1) and OfficeHours both read as the defined term 'Office Hours' in the agreement; rename one.",
    ]);
    expect(diagnostics[0]?.related?.map((place) => `${place.file}:${place.range.start.line + 1}:${place.range.start.character + 1}`)).toEqual(['/w/hours.sla:1:10', '/w/office.sla:1:10']);
  });
});
