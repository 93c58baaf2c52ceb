import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';
import type { SourceHost } from '../../../language/workspace/source-host.js';

// A block written with nothing in it commits to nothing and the document
// leaves it out (SLA3097); an empty `override` block removes an imported
// one on purpose.

const agreement =
  'agreement A {\n  title "A"\n  provider "P"\n  client "C"\n}\n' +
  'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\nseverity P1 {\n  default\n}\n' +
  'metric Fix {\n  measures resolution\n  clock Office\n  target 8 hours\n  objective 90% monthly\n}\n';

function sla3097(blocks: string, imported = ''): string[] {
  const files: Record<string, string> = { '/m/entry.sla': `${agreement}${blocks}\n`, '/m/terms.sla': imported };
  const host: SourceHost = { readFile: (file) => files[file] };
  return analyze('/m/entry.sla', host)
    .diagnostics.filter((d) => d.code === 'SLA3097')
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

const ESCALATION = `This escalation block has no level, so no Ticket is ever escalated and the document leaves the block out; add a line such as 'level 1 "Team lead" at 50% of Metric', or remove the block.`;
const REVIEW = "This review block is empty, so no review is scheduled and the document has no section on review and amendment; add a line such as 'every 3 months', or remove the block.";
const responsibilities = (obliges: string) =>
  `This responsibilities block lists nothing, so ${obliges} and the document leaves it out; add an item such as "Report incidents through one of the channels.", or remove the block.`;
const PARTICIPANTS = `This participants block names no one, so the document leaves it out; add a line such as Provider "the service manager", or remove it.`;
const AGENDA = `This agenda block has no item, so the document leaves it out; add an item such as "Service levels" "the period's figures against each target", or remove it.`;
const REPORT = `This report block lists nothing, so the document leaves it out; add an item such as "the period's service levels", or remove it.`;

describe('empty blocks', () => {
  it.each([
    ['an empty escalation block', 'escalation {\n}', [`19:1 ${ESCALATION}`]],
    ['an escalation block with a clock and no level', 'escalation {\n  clock Office\n}', [`19:1 ${ESCALATION}`]],
    ['an escalation block with a level', 'escalation {\n  level 1 "Lead" at 50% of Fix\n}', []],
    ['an empty review block', 'review {\n}', [`19:1 ${REVIEW}`]],
    ['a review block with amendments only', 'review {\n  amendments "By both parties in writing."\n}', []],
    ['empty participants, agenda and report blocks', 'review {\n  every 3 months\n  participants {\n  }\n  agenda { }\n  report {}\n}', [`21:3 ${PARTICIPANTS}`, `23:3 ${AGENDA}`, `24:3 ${REPORT}`]],
    ['full participants, agenda and report blocks', 'review {\n  participants { Provider "the manager" }\n  agenda { "Figures" "the month" }\n  report { "the figures" }\n}', []],
    ['an empty responsibilities block of the Client', 'responsibilities Client {\n}', [`19:1 ${responsibilities('it obliges the Client to nothing')}`]],
    ['an empty responsibilities block of the Provider', 'responsibilities Provider { }', [`19:1 ${responsibilities('it obliges the Provider to nothing')}`]],
    ['a responsibilities block with an item', 'responsibilities Client {\n  "Report incidents."\n}', []],
  ])('%s', (_name, blocks, messages) => {
    expect(sla3097(blocks)).toEqual(messages);
  });

  it('an empty override removes an imported block without a warning', () => {
    const imported = 'escalation {\n  level 1 "Lead" at 50% of Fix\n}\nreview {\n  every 3 months\n}\nresponsibilities Client {\n  "Report incidents."\n}\n';
    const overrides = 'import "terms.sla"\noverride escalation {\n}\noverride review {\n}\n';
    expect(sla3097(overrides, imported)).toEqual([]);
  });
});
