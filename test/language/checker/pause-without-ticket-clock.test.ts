import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';

/**
 * `pause when status "..."` stops the clocks that run on tickets: ticket
 * service levels and the escalation clock (SEMANTICS.md "Escalation"; the
 * runtime pauses `after D` levels). In an agreement with neither (an
 * availability objective alone) it stopped nothing: the compiled document
 * left it out (no Paused Time) and `slac check` ignored it, without a word.
 * The checker now warns at the pause (SLA3089); a file of shared
 * declarations (no agreement, no metric) is not judged on its own.
 */

const calendar = 'calendar Always {\n  timezone "UTC"\n  hours Mon-Sun 00:00-24:00\n}\n';
const agreement = 'agreement Hosting {\n  title "Hosting"\n}\n';
const pause = 'pause when status "Waiting on customer"\n';
const uptime = 'metric Uptime {\n  measures uptime\n  clock Always\n  objective 99.9% monthly\n}\n';
const fix = 'severity Normal { default }\nmetric Fix {\n  measures resolution\n  clock Always\n  target 8 hours\n}\n';
const escalateAfter = 'severity Normal { default }\nescalation {\n  clock Always\n  level 1 "Duty manager" after 4 hours\n}\n';

/** SLA3089 as file, 1-based line and message, and where the related information points (an imported pause). */
function pauseWarnings(files: Record<string, string>): { file: string; line: number; message: string; related?: string[] }[] {
  const { diagnostics } = analyze('/w/entry.sla', { readFile: (file) => files[file] });
  return diagnostics
    .filter((d) => d.code === 'SLA3089')
    .map((d) => ({ file: d.file, line: d.range.start.line + 1, message: d.message, ...(d.related ? { related: d.related.map((r) => `${r.file}:${r.range.start.line + 1}`) } : {}) }));
}

const says = 'These pause statuses stop no clock: the agreement has no ticket service level and no escalation level, so the compiled document leaves them out and slac check ignores them.';

describe('a pause in an agreement without a ticket clock', () => {
  it.each([
    ['an availability objective alone', `${agreement}${calendar}${uptime}${pause}`, 13],
    ['no metric at all', `${agreement}${calendar}${pause}`, 8],
    ['a metric without an agreement', `${calendar}${uptime}\n${pause}`, 11],
  ])('%s: SLA3089 at the pause', (_name, text, line) => {
    expect(pauseWarnings({ '/w/entry.sla': text })).toEqual([{ file: '/w/entry.sla', line, message: says }]);
  });

  // As every problem of the merged declarations that the imported file does not have on its own: at the import, pointing at the pause.
  it('a pause in an imported file, the agreement having an availability objective alone: SLA3089 at the import', () => {
    const files = { '/w/entry.sla': `import "shared.sla"\n${agreement}${calendar}${uptime}`, '/w/shared.sla': `// shared\n${pause}` };
    expect(pauseWarnings(files)).toEqual([{ file: '/w/entry.sla', line: 1, message: says, related: ['/w/shared.sla:2'] }]);
  });

  it.each([
    ['a ticket service level', `${agreement}${calendar}${uptime}${fix}${pause}`],
    ['an escalation level after a duration (its clock pauses)', `${agreement}${calendar}${uptime}${escalateAfter}${pause}`],
    ['a file of shared declarations, no agreement nor metric', `${calendar}${pause}`],
    ['no pause', `${agreement}${calendar}${uptime}`],
  ])('%s: no SLA3089', (_name, text) => {
    expect(pauseWarnings({ '/w/entry.sla': text })).toEqual([]);
  });
});

/**
 * The agreement-wide pause is read by the ticket clocks without a `pause`
 * line of their own and by the escalation clock of `after` levels. When
 * every ticket service level states its own pauses and no level counts
 * after a duration, it stopped nothing either (slac check's report was the
 * same without it), without a word: SLA3105, at each pause.
 */
describe('a pause that every clock replaces with its own', () => {
  const own = (line: string) => `severity Normal { default }\nmetric Reply {\n  measures first response\n  clock Always\n  target 1 hour\n  ${line}\n}\n`;
  const fixOwn = 'metric Fix {\n  measures resolution\n  clock Always\n  target 8 hours\n  pause when status "On hold"\n}\n';
  const fixShared = 'metric Fix {\n  measures resolution\n  clock Always\n  target 8 hours\n}\n';
  const escalateAt = 'escalation {\n  level 1 "Lead" at 50% of Fix\n}\n';
  const escalateAfterOwn = 'escalation {\n  clock Always\n  level 1 "Lead" after 4 hours\n}\n';
  const replaced = "These pause statuses stop no clock: every ticket service level states its own pauses ('pause when status' or 'pause never') and no escalation level falls due 'after' a duration, so slac check never reads them, though the document defines them as Paused Time; remove them, or a metric's own pause line.";

  function sla3105(text: string): { line: number; message: string }[] {
    const { diagnostics } = analyze('/w/entry.sla', { readFile: (file) => (file === '/w/entry.sla' ? text : undefined) });
    return diagnostics.filter((d) => d.code === 'SLA3105').map((d) => ({ line: d.range.start.line + 1, message: d.message }));
  }

  it.each([
    ['pause never and an own pause', `${agreement}${calendar}${own('pause never')}${fixOwn}${pause}`, 21],
    ['own pauses, an escalation level at a share of a metric', `${agreement}${calendar}${own('pause never')}${fixOwn}${escalateAt}${pause}`, 24],
    ['an own pause and an availability objective', `${agreement}${calendar}${own('pause when status "Held"')}${uptime}${pause}`, 20],
  ])('%s: SLA3105 at the pause', (_name, text, line) => {
    expect(sla3105(text)).toEqual([{ line, message: replaced }]);
  });

  it.each([
    ['a ticket metric without a pause line', `${agreement}${calendar}${own('pause never')}${fixShared}${pause}`],
    ['an escalation level after a duration', `${agreement}${calendar}${own('pause never')}${fixOwn}${escalateAfterOwn}${pause}`],
    ['no ticket clock (SLA3089 instead)', `${agreement}${calendar}${uptime}${pause}`],
  ])('%s: no SLA3105', (_name, text) => {
    expect(sla3105(text)).toEqual([]);
  });
});
