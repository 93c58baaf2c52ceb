// Which params an agreement declares, its own and those of the files it
// imports, so that the extension passes `--param` only for those (the CLI
// refuses a param the agreement does not declare). Free of the `vscode`
// module so tests can run it on real files.
import { readFileSync } from 'node:fs';
import { parseDocument } from '../../language/parser/index.js';
import { resolveImport } from '../../language/workspace/paths.js';

/**
 * The names of the params declared in `file` and in every file it imports,
 * directly or not. `readFile` gives a file's text, or undefined when it
 * cannot be read (an import that is missing adds nothing).
 */
export function declaredParams(file: string, readFile: (file: string) => string | undefined = readTextFile): Set<string> {
  const names = new Set<string>();
  const pending = [file];
  const seen = new Set<string>();
  while (pending.length) {
    const current = pending.pop()!;
    if (seen.has(current)) continue;
    seen.add(current);
    const text = readFile(current);
    if (text === undefined) continue;
    for (const declaration of parseDocument(text, current).document?.declarations ?? []) {
      if (declaration?.kind === 'Param' && declaration.name?.text) names.add(declaration.name.text);
      if (declaration?.kind === 'Import' && declaration.path?.value) pending.push(resolveImport(current, declaration.path.value));
    }
  }
  return names;
}

function readTextFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
