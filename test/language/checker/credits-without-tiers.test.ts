import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';
import type { SourceHost } from '../../../language/workspace/source-host.js';

// A credits block without a `when` tier credits nothing and the document
// leaves it out, with the cap, claim or sole remedy written in it (SLA3101);
// an empty `override credits { }` removes imported credits on purpose.

const agreement =
  'agreement A {\n  title "A"\n  provider "P"\n  client "C"\n}\n' +
  'calendar Office {\n  timezone "UTC"\n  hours Mon-Fri 09:00-17:00\n}\nseverity P1 {\n  default\n}\n' +
  'metric Fix {\n  measures resolution\n  clock Office\n  target 8 hours\n  objective 90% monthly\n}\n';

function sla3101(credits: string, imported = ''): string[] {
  const files: Record<string, string> = { '/m/entry.sla': `${agreement}${credits}\n`, '/m/terms.sla': imported };
  const host: SourceHost = { readFile: (file) => files[file] };
  return analyze('/m/entry.sla', host).diagnostics.filter((d) => d.code === 'SLA3101').map((d) => d.message);
}

const ADD = "; add a tier such as 'when Metric below 95% credit 5%', or remove the block.";
const NOTHING = "This credits block has no 'when' tier, so nothing is ever credited and the document leaves the whole block out";

describe('credits without a tier', () => {
  it.each([
    ['an empty block', 'credits {\n}', [`${NOTHING}${ADD}`]],
    ['a cap alone', 'credits {\n  cap 10%\n}', [`${NOTHING}, its cap line too${ADD}`]],
    ['a cap, a claim and a sole remedy', 'credits {\n  cap 10%\n  claim within 30 days\n  sole remedy\n}', [`${NOTHING}, its cap, claim and sole remedy lines too${ADD}`]],
    ['a tier', 'credits {\n  when Fix below 90% credit 5%\n  cap 10%\n}', []],
  ])('%s', (_name, credits, messages) => {
    expect(sla3101(credits)).toEqual(messages);
  });

  it('an empty override removes imported credits without a warning; one with a cap alone is warned', () => {
    const imported = 'credits {\n  when Fix below 90% credit 5%\n}\n';
    expect(sla3101('import "terms.sla"\noverride credits {\n}', imported)).toEqual([]);
    expect(sla3101('import "terms.sla"\noverride credits {\n  cap 10%\n}', imported)).toEqual([`${NOTHING}, its cap line too${ADD}`]);
  });
});
