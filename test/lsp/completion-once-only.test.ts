// A statement the language allows once per block (a second is SLA3015) is
// not offered again in a block that has it: `title` in a metric with a
// title. Repeatable statements (`target`, a calendar's `hours`, `level`,
// `when`...) are still offered, and so is the statement whose first word
// the cursor is on. Through the language services in-process, the cursor
// addressed by text.
import { describe, expect, it } from 'vitest';
import { completionLabelsAt as labelsAt } from './harness/completion-labels.js';

const office = 'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 08:00-17:00\n}\n';

const cases: { name: string; text: string; cursor: string; includes: string[]; excludes: string[] }[] = [
  {
    name: 'a metric: not its title, measures, clock, objective, pause or excluding again; target still',
    text: `${office}metric Fix {\n  title "Fix"\n  measures resolution\n  clock Office\n  \n  objective 99% monthly\n  target 4 hours\n  pause never\n}\n`,
    cursor: 'clock Office\n  |',
    includes: ['target'],
    excludes: ['title', 'measures', 'clock', 'objective', 'pause'],
  },
  {
    name: 'an uptime metric: not its excluding again',
    text: `${office}metric Up {\n  measures uptime\n  clock Office\n  \n  excluding maintenance\n}\n`,
    cursor: 'clock Office\n  |',
    includes: ['objective', 'title'],
    excludes: ['excluding', 'measures', 'clock'],
  },
  {
    name: 'a metric: what it lacks is still offered (but `excluding`, for uptime only: completion-measure-bound.test.ts)',
    text: `${office}metric Fix {\n  measures resolution\n  \n}\n`,
    cursor: 'measures resolution\n  |',
    includes: ['title', 'clock', 'target', 'objective', 'pause'],
    excludes: ['measures'],
  },
  {
    name: 'an agreement: not the statements it has',
    text: 'agreement A {\n  title "T"\n  version "1"\n  effective 2026-01-01\n  provider "P"\n  \n}\n',
    cursor: 'provider "P"\n  |',
    includes: ['client', 'contact', 'purpose'],
    excludes: ['title', 'version', 'effective', 'provider'],
  },
  {
    name: "a calendar: not its timezone; hours and holidays may repeat",
    text: 'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 08:00-17:00\n  \n}\n',
    cursor: '08:00-17:00\n  |',
    includes: ['hours', 'holidays'],
    excludes: ['timezone'],
  },
  {
    name: "a channel: not its contact or hours; matches still",
    text: `${office}channel Email {\n  contact "help@example.com"\n  hours Office\n  \n}\n`,
    cursor: 'hours Office\n  |',
    includes: ['matches'],
    excludes: ['contact', 'hours'],
  },
  {
    name: 'a severity: not its description or default',
    text: 'severity P1 {\n  description "Down"\n  default\n  \n}\n',
    cursor: 'default\n  |',
    includes: ['matches'],
    excludes: ['description', 'default'],
  },
  {
    name: 'an escalation: not its clock; level still',
    text: `${office}escalation {\n  clock Office\n  \n}\n`,
    cursor: 'clock Office\n  |',
    includes: ['level'],
    excludes: ['clock'],
  },
  {
    name: 'credits: not the cap, fee, claim or sole remedy again; when still',
    text: 'credits {\n  cap 20%\n  fee "the monthly fee"\n  claim within 30 days\n  sole remedy\n  \n}\n',
    cursor: 'sole remedy\n  |',
    includes: ['when'],
    excludes: ['cap', 'fee', 'claim', 'sole remedy'],
  },
  {
    name: 'a review with also on request: also still (after major incident), not every or amendments',
    text: 'review {\n  every 12 months\n  also on request\n  amendments "In writing."\n  \n}\n',
    cursor: 'In writing."\n  |',
    includes: ['also', 'participants', 'agenda', 'report', 'notify'],
    excludes: ['every', 'amendments'],
  },
  {
    name: 'a review with both also lines: no also',
    text: 'review {\n  also on request\n  also after major incident\n  notify changes by email\n  \n}\n',
    cursor: 'notify changes by email\n  |',
    includes: ['every'],
    excludes: ['also', 'notify'],
  },
  {
    name: 'maintenance: not its notice or at most; window still',
    text: 'maintenance {\n  notice 2 days\n  at most 8 hours monthly\n  \n}\n',
    cursor: 'monthly\n  |',
    includes: ['window'],
    excludes: ['notice', 'at most'],
  },
  {
    name: 'a portfolio: not others again; client still',
    text: 'portfolio Customers {\n  others use "a.sla"\n  \n}\n',
    cursor: 'use "a.sla"\n  |',
    includes: ['client'],
    excludes: ['others'],
  },
  {
    name: "severities: not assigned by again; changed by still",
    text: 'severities {\n  assigned by Provider\n  \n}\n',
    cursor: 'by Provider\n  |',
    includes: ['changed by'],
    excludes: ['assigned by'],
  },
  {
    name: 'measurement: not records again',
    text: 'measurement {\n  records "Zendesk"\n  \n}\n',
    cursor: 'Zendesk"\n  |',
    includes: [],
    excludes: ['records'],
  },
  {
    name: 'a statement written below the cursor counts too',
    text: `${office}metric Fix {\n  \n  measures resolution\n  clock Office\n}\n`,
    cursor: 'Fix {\n  |',
    includes: ['title', 'target'],
    excludes: ['measures', 'clock'],
  },
  {
    name: 'a one-line metric: not the statements before the cursor on its line',
    text: `${office}metric Fix { measures resolution clock Office \n}\n`,
    cursor: 'clock Office |',
    includes: ['target', 'objective'],
    excludes: ['measures', 'clock'],
  },
  {
    name: 'at the start of a statement: that statement is still offered (the author may retype it)',
    text: `${office}metric Fix {\n  measures resolution\n  clock Office\n}\n`,
    cursor: 'resolution\n  |clock Office',
    includes: ['clock', 'target'],
    excludes: ['measures'],
  },
  {
    name: 'while typing a statement\'s keyword: that statement is still offered',
    text: `${office}metric Fix {\n  measures resolution\n  title\n}\n`,
    cursor: '  title|',
    includes: ['title', 'clock'],
    excludes: ['measures'],
  },
];

describe('completion leaves out a statement the block has and may have once', () => {
  it.each(cases)('$name', ({ text, cursor, includes, excludes }) => {
    const labels = labelsAt(text, cursor);
    for (const label of includes) expect(labels).toContain(label);
    for (const label of excludes) expect(labels).not.toContain(label);
  });
});
