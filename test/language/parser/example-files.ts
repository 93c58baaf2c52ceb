import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const examplesDir = join(import.meta.dirname, '../../../examples');

/** Every example agreement, nested folders included, as absolute paths. */
export function exampleFiles(): string[] {
  const top = readdirSync(examplesDir).filter((f) => f.endsWith('.sla')).map((f) => join(examplesDir, f));
  const nested = readdirSync(join(examplesDir, 'multilevel')).filter((f) => f.endsWith('.sla')).map((f) => join(examplesDir, 'multilevel', f));
  return [...top, ...nested];
}
