import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../../language/format/index.js';
import type { AgreementModel } from '../../../language/model/model.js';
import { analyze, type SourceHost } from '../../../language/workspace/index.js';

const examples = join(import.meta.dirname, '..', '..', '..', 'examples');

function slaFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return slaFiles(path);
    return entry.name.endsWith('.sla') ? [path] : [];
  });
}

/** Every example formatted in memory, so imported files are formatted too. */
function formattedHost(): SourceHost {
  const formatted = new Map<string, string>();
  for (const file of slaFiles(examples)) formatted.set(file, formatText(readFileSync(file, 'utf8'), file).text);
  return { readFile: (file) => formatted.get(file) };
}

/** The model without the source hashes, which change with the layout by design. */
function meaning(model: AgreementModel | undefined): Omit<AgreementModel, 'sources'> | undefined {
  if (!model) return undefined;
  const { sources: _sources, ...rest } = model;
  return rest;
}

describe('formatting keeps the meaning', () => {
  const host = formattedHost();
  it.each(slaFiles(examples).map((file) => [file.slice(examples.length + 1), file]))('%s gives the same model once formatted', (_name, file) => {
    const original = analyze(file);
    const formatted = analyze(file, host);
    expect(original.diagnostics).toEqual([]);
    expect(formatted.diagnostics).toEqual([]);
    expect(formatted.model).toBeDefined();
    expect(meaning(formatted.model)).toEqual(meaning(original.model));
  });
});
