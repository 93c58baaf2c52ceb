import { describe, expect, it } from 'vitest';
import { analyze } from '../../../language/workspace/index.js';
import type { SourceHost } from '../../../language/workspace/source-host.js';

// Two clauses of one title in force are two sections a reader cannot tell
// apart (SLA2022), said in the words of the case: an imported clause to
// replace with `override`, or two of this file. An override passes.

function sla2022(entry: string): string[] {
  const files: Record<string, string> = {
    '/m/entry.sla': entry,
    '/m/shared.sla': 'clause "Liability" """\n  Limited.\n  """\n',
  };
  const host: SourceHost = { readFile: (file) => files[file] };
  return analyze('/m/entry.sla', host).diagnostics.filter((d) => d.code === 'SLA2022').map((d) => d.message);
}

describe('clauses of one title', () => {
  it.each([
    [
      'one of an imported title',
      'import "shared.sla"\nclause "Liability" """\n  Unlimited.\n  """\n',
      ["A clause titled 'Liability' is already given in shared.sla: the document would have two sections of that title; write 'override clause \"Liability\"' to replace it, or give this one another title."],
    ],
    [
      'two in one file',
      'clause "Exit" """\n  a\n  """\nclause "Exit" """\n  b\n  """\n',
      ["A clause titled 'Exit' is already given: the document would have two sections of that title; give one of them another title, or merge them."],
    ],
    ['an override of the imported one', 'import "shared.sla"\noverride clause "Liability" """\n  Unlimited.\n  """\n', []],
    ['two titles', 'clause "Exit" """\n  a\n  """\nclause "Entry" """\n  b\n  """\n', []],
  ])('%s', (_name, entry, messages) => {
    expect(sla2022(entry)).toEqual(messages);
  });
});
