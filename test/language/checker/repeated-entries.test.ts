import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';
import type { SourceHost } from '../../../language/workspace/source-host.js';

// An entry written twice in one list is printed twice in the signed
// document (SLA3102): `matches` values compared as a log is read, a
// party's responsibilities across its blocks (imported ones included),
// agenda items by their titles, report items.

const head = 'agreement A {\n  title "A"\n  provider "P"\n  client "C"\n}\ncalendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\n';

function sla3102(body: string, imported = ''): string[] {
  const files: Record<string, string> = { '/m/entry.sla': `${head}${body}\n`, '/m/terms.sla': imported };
  const host: SourceHost = { readFile: (file) => files[file] };
  return analyze('/m/entry.sla', host)
    .diagnostics.filter((d) => d.code === 'SLA3102')
    .map((d) => `${d.file === '/m/entry.sla' ? '' : 'terms '}${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message} [${d.related?.map((r) => `${r.range.start.line + 1}:${r.range.start.character + 1}`).join(' ')}]`);
}

const severity = 'severity P1 {\n  default\n';

describe('entries written twice', () => {
  it.each([
    ['a severity value written twice', `${severity}  matches "urgent", "urgent"\n}`, [`12:21 The value "urgent" is listed twice in the 'matches' of severity 'P1': the document would list it twice among the values that mean this severity; remove one. [12:11]`]],
    [
      'a channel value written twice in another case, on two lines',
      'channel Mail {\n  contact "m@x"\n  hours Office\n  matches "email"\n  matches " EMAIL "\n}\n' + `${severity}}`,
      [`14:11 The value " EMAIL " is listed twice in the 'matches' of channel 'Mail' (first written "email": a log's values are compared ignoring case and surrounding spaces): the document would list it twice among the values that mean this channel; remove one. [13:11]`],
    ],
    ['distinct values', `${severity}  matches "urgent", "high"\n}`, []],
    [
      'a responsibility written twice across two blocks, spaced differently',
      `${severity}}\nresponsibilities Provider {\n  "Back up  data daily."\n}\nresponsibilities Provider {\n  "Back up data daily."\n}`,
      [`17:3 The responsibility "Back up data daily." is listed twice for the Provider: the document would list it twice among the Provider's responsibilities; remove one. [14:3]`],
    ],
    ['the same responsibility for each party', `${severity}}\nresponsibilities Provider {\n  "Keep records."\n}\nresponsibilities Client {\n  "Keep records."\n}`, []],
    [
      'an agenda title written twice',
      `${severity}}\nreview {\n  agenda {\n    "Figures" "the month"\n    "Figures" "the quarter"\n  }\n}`,
      [`16:5 The agenda item "Figures" is listed twice in this agenda: the document would list two agenda items of that title; remove one, or merge them. [15:5]`],
    ],
    ['a report item written twice', `${severity}}\nreview {\n  report {\n    "the figures"\n    "the figures"\n  }\n}`, [`16:5 The report item "the figures" is listed twice in this report: the document would list it twice; remove one. [15:5]`]],
  ])('%s', (_name, body, messages) => {
    expect(sla3102(body)).toEqual(messages);
  });

  it('a responsibility repeated from an imported file is reported where it is repeated, naming the file', () => {
    const imported = 'responsibilities Client {\n  "Report incidents."\n}\n';
    expect(sla3102(`import "terms.sla"\n${severity}}\nresponsibilities Client {\n  "Report incidents."\n}`, imported)).toEqual([
      `15:3 The responsibility "Report incidents." is listed twice for the Client (first in terms.sla): the document would list it twice among the Client's responsibilities; remove one. [2:3]`,
    ]);
  });
});
