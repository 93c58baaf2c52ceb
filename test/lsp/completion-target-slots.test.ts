// A metric has one target per severity, one per channel and one per
// severity via a channel (LANGUAGE.md "More metrics"; a second is SLA3025
// or SLA3046). After `target`, completion offers only the severities that
// still have a free target there: a severity with its own target already is
// still offered while a channel is left for `target P1 via Channel`, and
// not once the line goes on with a duration or a channel taken for it.
// After `via`, only the channels left for the severity. The target on the
// cursor's line does not count: the author may be retyping it. Through the
// language services in-process, the cursor addressed by text.
import { describe, expect, it } from 'vitest';
import { completionLabelsAt as labelsAt } from './harness/completion-labels.js';

const declarations = [
  'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 08:00-17:00\n}',
  'channel Phone {\n  contact "1"\n  hours Office\n}',
  'channel Email {\n  contact "2"\n  hours Office\n}',
  'severity P1 {\n  description "Down"\n}',
  'severity P2 {\n  description "Slow"\n}',
  'severity P3 {\n  description "Other"\n  default\n}',
].join('\n');

/** A metric with P1's own target and both of P2's channel targets, and `line` after them. */
function metric(line: string): string {
  const targets = ['target P1 4 hours', 'target P2 8 hours', 'target P2 via Phone 1 hour', 'target P2 via Email 2 hours', 'target via Email 3 hours'];
  return `${declarations}\nmetric Fix {\n  measures resolution\n  clock Office\n${targets.map((t) => `  ${t}\n`).join('')}  ${line}\n}\n`;
}

const cases: { name: string; line: string; cursor: string; includes: string[]; excludes: string[] }[] = [
  { name: 'the line yet to be written: P1 still via a channel, not P2 (every slot of it taken)', line: 'target ', cursor: '  target |\n}', includes: ['P1', 'P3', 'via'], excludes: ['P2'] },
  { name: 'a duration follows: only a severity without a target of its own', line: 'target  30 minutes', cursor: '  target | 30 minutes', includes: ['P3'], excludes: ['P1', 'P2'] },
  { name: 'via Phone follows: a severity with no target via Phone', line: 'target  via Phone 30 minutes', cursor: '  target | via Phone', includes: ['P1', 'P3'], excludes: ['P2'] },
  { name: 'via Email follows, at once after the cursor', line: 'target via Email 30 minutes', cursor: '  target |via Email 30', includes: ['P1', 'P3'], excludes: ['P2'] },
  { name: 'retyping the severity of a target line: its own slot is free', line: 'target P3 4 hours', cursor: '  target |P3 4 hours\n}', includes: ['P3'], excludes: ['P1', 'P2'] },
  { name: 'channels left for P1', line: 'target P1 via ', cursor: '  target P1 via |\n}', includes: ['Phone', 'Email'], excludes: [] },
  { name: 'no channel left for P2', line: 'target P2 via ', cursor: '  target P2 via |\n}', includes: [], excludes: ['Phone', 'Email'] },
  { name: 'channels left for every severity', line: 'target via ', cursor: '  target via |\n}', includes: ['Phone'], excludes: ['Email'] },
];

describe('completion after target offers only the targets the metric has left', () => {
  it.each(cases)('$name', ({ line, cursor, includes, excludes }) => {
    const labels = labelsAt(metric(line), cursor);
    expect(labels).toEqual(expect.arrayContaining(includes));
    for (const label of excludes) expect(labels).not.toContain(label);
  });
});
