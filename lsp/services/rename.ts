import type { Range as LspRange, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { reservedWords } from './reserved-words.js';
import type { Analysis, DeclarationSymbol } from './language.js';
import { analysesAround, nameAt, namings, type ReadersOf } from './portfolio-params.js';
import { declarationKey, overrideFamily } from './symbol-at.js';

/** A rename the server refuses, with the reason to show the author. */
export interface RenameRefusal {
  refused: string;
}

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Where a rename would apply and the current name, or why it cannot. */
export function prepareRename(
  document: ServiceDocument,
  position: Position,
): { range: LspRange; placeholder: string } | RenameRefusal {
  const found = nameAt(document, position);
  if (!found) return { refused: 'Only a declared name can be renamed: a calendar, severity, metric, channel, param or agreement.' };
  return { range: found.range, placeholder: found.declaration.name };
}

/**
 * The edits renaming the declaration under the cursor and every reference
 * to it, across imports, the files that import it (`readersOf`) and the
 * `with` lines of the portfolios that use it, or a refusal
 * when the new name is not a name, is a keyword, or is already taken by a
 * declaration of the same kind.
 */
export function rename(
  document: ServiceDocument,
  position: Position,
  newName: string,
  readersOf: ReadersOf = () => [],
): WorkspaceEdit | RenameRefusal {
  const found = nameAt(document, position);
  if (!found) return prepareRename(document, position) as RenameRefusal;
  const invalid = invalidName(newName);
  if (invalid) return { refused: invalid };
  const analyses = analysesAround(document, found, readersOf);
  const family = overrideFamily(found.declaration);
  if (newName === found.declaration.name) return { changes: {} };
  const taken = clash(analyses, found.declaration, family, newName);
  if (taken) {
    const line = taken.nameRange.start.line + 1;
    return { refused: `There is already a ${kindName(taken)} named '${newName}' (${baseName(taken.file)}, line ${line}); choose another name.` };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const { file, range } of namings(analyses, family, true)) {
    (changes[document.uriOf(file)] ??= []).push({ range, newText: newName });
  }
  return { changes };
}

/** Why `name` cannot name a declaration, or undefined when it can. */
export function invalidName(name: string): string | undefined {
  if (!identifier.test(name)) {
    return `'${name}' is not a valid name: a name starts with a letter or _ and has only letters, digits and _ (no spaces).`;
  }
  if (reservedWords().has(name)) return `'${name}' is a keyword of the language; choose another name.`;
  return undefined;
}

/** A declaration of the same kind, visible where the renamed one is, that already has `newName`. */
function clash(
  analyses: Analysis[],
  renamed: DeclarationSymbol,
  family: DeclarationSymbol[],
  newName: string,
): DeclarationSymbol | undefined {
  const familyKeys = new Set(family.map(declarationKey));
  for (const analysis of analyses) {
    for (const file of analysis.files.keys()) {
      for (const candidate of analysis.symbols.visibleDeclarations(file, renamed.kind)) {
        if (candidate.name === newName && !familyKeys.has(declarationKey(candidate))) return candidate;
      }
    }
  }
  return undefined;
}

function kindName(declaration: DeclarationSymbol): string {
  return String(declaration.kind).toLowerCase();
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
