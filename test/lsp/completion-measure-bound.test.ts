// What a metric measures decides what else it may say, as the checker
// judges it: an uptime metric takes no `target` (SLA3009) and no `pause`
// (SLA3098: it stops nothing), a ticket metric no `excluding maintenance`
// (SLA3020). Completion offers none of these where the checker would then
// object, and after `measures` no measure that a statement already in the
// block rules out. Through the language services in-process, the cursor
// addressed by text.
import { describe, expect, it } from 'vitest';
import { completionLabelsAt as labelsAt } from './harness/completion-labels.js';

const office = 'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 08:00-17:00\n}\n';
const metric = (...lines: string[]): string => `${office}metric M {\n${lines.map((line) => `  ${line}\n`).join('')}}\n`;
const TICKET_MEASURES = ['first response', 'resolution', 'first estimate', 'update interval', 'next reply'];

const cases: { name: string; text: string; cursor: string; includes: string[]; excludes: string[] }[] = [
  {
    name: 'an uptime metric: no target, no pause; excluding and objective',
    text: metric('measures uptime', ''),
    cursor: 'measures uptime\n  |',
    includes: ['excluding', 'objective', 'clock'],
    excludes: ['target', 'pause'],
  },
  {
    name: 'a ticket metric: no excluding; target and pause',
    text: metric('measures first response', ''),
    cursor: 'measures first response\n  |',
    includes: ['target', 'pause', 'objective'],
    excludes: ['excluding'],
  },
  {
    name: 'a metric that says nothing yet of what it measures: all three',
    text: metric('clock Office', ''),
    cursor: 'clock Office\n  |',
    includes: ['target', 'pause', 'excluding', 'measures'],
    excludes: [],
  },
  {
    name: 'measures, in a metric with a target: not uptime',
    text: metric('measures ', 'target 4 hours'),
    cursor: '  measures |',
    includes: TICKET_MEASURES,
    excludes: ['uptime'],
  },
  {
    name: 'measures, in a metric with a pause: not uptime',
    text: metric('measures ', 'pause never'),
    cursor: '  measures |',
    includes: TICKET_MEASURES,
    excludes: ['uptime'],
  },
  {
    name: 'measures, in a metric excluding maintenance: uptime only',
    text: metric('measures ', 'excluding maintenance', 'objective 99% monthly'),
    cursor: '  measures |',
    includes: ['uptime'],
    excludes: TICKET_MEASURES,
  },
  {
    name: 'measures, in a metric that contradicts itself whatever it measures: every measure',
    text: metric('measures ', 'target 4 hours', 'excluding maintenance'),
    cursor: '  measures |',
    includes: [...TICKET_MEASURES, 'uptime'],
    excludes: [],
  },
  {
    name: 'measures, in a metric with nothing else: every measure',
    text: metric('measures '),
    cursor: '  measures |',
    includes: [...TICKET_MEASURES, 'uptime'],
    excludes: [],
  },
];

describe('completion offers only what the metric’s measure takes', () => {
  it.each(cases)('$name', ({ text, cursor, includes, excludes }) => {
    const labels = labelsAt(text, cursor);
    for (const label of includes) expect(labels, `offers ${label}`).toContain(label);
    for (const label of excludes) expect(labels, `leaves out ${label}`).not.toContain(label);
  });
});
