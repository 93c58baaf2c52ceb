// Tokenizes .sla text with the extension's TextMate grammar through the same
// engine VS Code uses (vscode-textmate over the Oniguruma WebAssembly build),
// so a scope asserted here is the scope a theme sees in the editor.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import textmate from 'vscode-textmate';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const grammarPath = join(repoRoot, 'vscode-extension', 'syntaxes', 'sla.tmLanguage.json');

/** One token of one line: its text, its columns and its scope stack (root first). */
export interface ScopedToken {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<textmate.IGrammar> | undefined;

async function loadSlaGrammar(): Promise<textmate.IGrammar> {
  const require = createRequire(import.meta.url);
  const wasm = readFileSync(join(dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'source.sla' ? textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar('source.sla');
  if (!grammar) throw new Error(`could not load ${grammarPath}`);
  return grammar;
}

/** The grammar, loaded once per test file (loading the WebAssembly twice fails). */
export function slaGrammar(): Promise<textmate.IGrammar> {
  grammarPromise ??= loadSlaGrammar();
  return grammarPromise;
}

/** Every token of every line of `source`, carrying the rule stack across lines as the editor does. */
export async function tokenizeSource(source: string): Promise<ScopedToken[][]> {
  const grammar = await slaGrammar();
  let ruleStack = textmate.INITIAL;
  return source.split(/\r?\n/).map((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, ruleStack);
    ruleStack = result.ruleStack;
    return result.tokens.map((token) => {
      const end = Math.min(token.endIndex, lineText.length);
      return { line, start: token.startIndex, end, text: lineText.slice(token.startIndex, end), scopes: token.scopes };
    });
  });
}
