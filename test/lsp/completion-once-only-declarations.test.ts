// At the top level, a declaration a file may have once (the agreement,
// SLA2007; escalation, credits, review, maintenance, severities,
// measurement, SLA2012) is not offered again once the file has it, nor
// bare when an import brings it (that takes `override`, SLA2011), where
// `override` offers it instead; a portfolio file holds its portfolio alone.
// Repeatable declarations (calendar, channel, metric, term...) are still
// offered, and so is the declaration whose keyword the cursor is on.
// Through the language services in-process, the cursor addressed by text.
import { describe, expect, it } from 'vitest';
import { completionLabelsAt as labelsAt } from './harness/completion-labels.js';

const office = 'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 08:00-17:00\n}\n';
const metric = 'metric Fix {\n  measures resolution\n  clock Office\n  target 4 hours\n}\n';
const agreement = 'agreement A {\n  title "T"\n  provider "P"\n  client "C"\n}\n';
const blocks = [
  'escalation {\n  level 1 "Lead" at 50% of Fix\n}\n',
  'credits {\n  cap 20%\n}\n',
  'review {\n  every 12 months\n}\n',
  'maintenance {\n  notice 2 days\n}\n',
  'severities {\n  assigned by Provider\n}\n',
  'measurement {\n  records "Zendesk"\n}\n',
].join('');
const repeatable = ['calendar', 'channel', 'severity', 'metric', 'param', 'pause', 'responsibilities', 'clause', 'term', 'import'];
const onceOnly = ['agreement', 'escalation', 'credits', 'review', 'maintenance', 'severities', 'measurement'];
const base = `${office}${metric}${agreement}${blocks}`;

const cases: { name: string; text: string; cursor: string; imported?: Record<string, string>; includes: string[]; excludes: string[] }[] = [
  {
    name: 'a file with the agreement and every block: none of them again; repeatable ones still',
    text: `${base}\n`,
    cursor: 'Zendesk"\n}\n|',
    includes: repeatable,
    excludes: [...onceOnly, 'portfolio', 'override'],
  },
  {
    name: 'a file with the agreement and every block, cursor above them',
    text: `\n${base}`,
    cursor: '|\ncalendar Office',
    includes: ['calendar', 'metric', 'term'],
    excludes: onceOnly,
  },
  {
    name: 'a file with a calendar and a metric: every once-only declaration still, no portfolio (SLA3094)',
    text: `${office}${metric}\n`,
    cursor: 'hours\n}\n|',
    includes: [...repeatable, ...onceOnly],
    excludes: ['portfolio', 'override'],
  },
  {
    name: 'nothing imported: no override, whatever follows it replaces nothing (SLA2005)',
    text: `${office}\n\n`,
    cursor: 'hours Mon-Fri 08:00-17:00\n}\n|',
    includes: ['calendar', 'metric', 'import'],
    excludes: ['override'],
  },
  {
    name: 'an empty file: a portfolio too',
    text: '\n',
    cursor: '|',
    includes: [...onceOnly, 'portfolio', 'calendar'],
    excludes: [],
  },
  {
    name: 'the cursor on the keyword of the only escalation: escalation still (the author may retype it)',
    text: `${office}${metric}\n${blocks}`,
    cursor: '|escalation {',
    includes: ['escalation', 'calendar'],
    excludes: ['credits', 'review', 'maintenance', 'severities', 'measurement'],
  },
  {
    name: 'the cursor inside the agreement keyword: agreement still',
    text: `${office}${agreement}`,
    cursor: 'agree|ment A',
    includes: ['agreement'],
    excludes: [],
  },
  {
    name: 'an import brings the agreement and blocks: not bare (SLA2007, SLA2011)',
    text: 'import "base.sla"\n\n',
    cursor: '"base.sla"\n|',
    imported: { 'base.sla': base },
    includes: ['calendar', 'metric', 'override', 'term'],
    excludes: [...onceOnly, 'portfolio'],
  },
  {
    name: 'an import brings them: override offers them',
    text: 'import "base.sla"\n\noverride \n',
    cursor: 'override |',
    imported: { 'base.sla': base },
    includes: ['metric', 'calendar', ...onceOnly],
    excludes: ['portfolio'],
  },
  {
    name: 'nothing imported: override offers nothing, a named kind neither (SLA2005)',
    text: `${office}\noverride \n`,
    cursor: 'override |',
    includes: [],
    excludes: ['metric', 'calendar', 'channel', 'severity', 'param', ...onceOnly, 'portfolio'],
  },
  {
    name: 'an import brings a calendar only: override offers calendar, no other named kind (SLA2005)',
    text: 'import "office.sla"\n\noverride \n',
    cursor: 'override |',
    imported: { 'office.sla': office },
    includes: ['calendar'],
    excludes: ['metric', 'channel', 'severity', 'param', ...onceOnly, 'portfolio'],
  },
  {
    name: 'an imported escalation already overridden: escalation neither bare nor after override',
    text: 'import "base.sla"\n\noverride escalation {\n  level 1 "Head" at 80% of Fix\n}\n\noverride \n',
    cursor: 'override |\n',
    imported: { 'base.sla': base },
    includes: ['credits', 'agreement'],
    excludes: ['escalation'],
  },
  {
    name: 'typing override of the imported escalation: escalation still after override',
    text: 'import "base.sla"\n\noverride escalation {\n  level 1 "Head" at 80% of Fix\n}\n',
    cursor: 'override |escalation',
    imported: { 'base.sla': base },
    includes: ['escalation'],
    excludes: [],
  },
  {
    name: 'a portfolio file: nothing beside its portfolio (SLA2012, SLA3047, SLA3093, SLA3094)',
    text: 'portfolio Customers {\n  others use "a.sla"\n}\n\n',
    cursor: 'use "a.sla"\n}\n|',
    imported: { 'a.sla': `${office}${agreement}` },
    includes: [],
    excludes: ['portfolio', 'agreement', 'calendar', 'metric', 'import', 'escalation', 'term'],
  },
  {
    name: 'a portfolio file: no ready-made calendar, metric, escalation or maintenance block either (SLA3094)',
    text: 'portfolio Customers {\n  others use "a.sla"\n}\n\n',
    cursor: 'use "a.sla"\n}\n|',
    imported: { 'a.sla': `${office}${agreement}` },
    includes: [],
    excludes: ['calendar (new calendar)', 'metric (new metric)', 'escalation (new escalation)', 'maintenance (new maintenance)'],
  },
  {
    name: 'an import brings the escalation: no ready-made escalation block bare (SLA2011); calendar and metric blocks still',
    text: 'import "base.sla"\n\n',
    cursor: '"base.sla"\n|',
    imported: { 'base.sla': base },
    includes: ['calendar (new calendar)', 'metric (new metric)'],
    excludes: ['escalation (new escalation)', 'maintenance (new maintenance)'],
  },
  {
    name: 'a file with an agreement: no portfolio (SLA3047)',
    text: `${agreement}\n`,
    cursor: 'client "C"\n}\n|',
    includes: ['calendar', 'escalation'],
    excludes: ['portfolio', 'agreement'],
  },
];

describe('completion leaves out a top-level declaration the file has and may have once', () => {
  it.each(cases)('$name', ({ text, cursor, imported, includes, excludes }) => {
    const labels = labelsAt(text, cursor, imported);
    for (const label of includes) expect(labels).toContain(label);
    for (const label of excludes) expect(labels).not.toContain(label);
  });
});
