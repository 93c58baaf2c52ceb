import type { Range as LspRange, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { Position } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { calendarTermClash, calendarTermEdits } from './rename-calendar-terms.js';
import { readsAlike } from './rename-reading-clash.js';
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
 * `with` lines of the portfolios that use it (and, for a calendar, its
 * defined term where the author wrote it: `rename-calendar-terms.ts`), or a refusal
 * when the new name is not a name, is a keyword, is already taken by a
 * declaration of the same kind, or reads as one (`rename-reading-clash.ts`),
 * or, for a calendar, its new term is one the author defines with `term`.
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
  const alike = readingClash(analyses, found.declaration, family, newName);
  if (alike) {
    const { candidate, why } = alike;
    const place = `${baseName(candidate.file)}, line ${candidate.nameRange.start.line + 1}`;
    return { refused: `'${newName}' reads as another ${kindName(candidate)}: ${kindName(candidate)} ${candidate.name} (${place}) ${why}; choose another name.` };
  }
  const termTaken = calendarTermClash(analyses, family, newName);
  if (termTaken) return { refused: termTaken };
  const changes: Record<string, TextEdit[]> = {};
  for (const { file, range } of namings(analyses, family, true)) {
    (changes[document.uriOf(file)] ??= []).push({ range, newText: newName });
  }
  for (const { file, edit } of calendarTermEdits(analyses, family, newName)) (changes[document.uriOf(file)] ??= []).push(edit);
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
function clash(analyses: Analysis[], renamed: DeclarationSymbol, family: DeclarationSymbol[], newName: string): DeclarationSymbol | undefined {
  for (const candidate of othersOfKind(analyses, renamed, family)) if (candidate.name === newName) return candidate;
  return undefined;
}

/** A declaration of the same kind, visible where the renamed one is, whose name or `matches` reads as `newName`. */
function readingClash(
  analyses: Analysis[],
  renamed: DeclarationSymbol,
  family: DeclarationSymbol[],
  newName: string,
): { candidate: DeclarationSymbol; why: string } | undefined {
  for (const candidate of othersOfKind(analyses, renamed, family)) {
    const why = readsAlike(candidate, newName);
    if (why) return { candidate, why };
  }
  return undefined;
}

/** The declarations of the renamed one's kind visible in any file of the analyses, its override family aside. */
function* othersOfKind(analyses: Analysis[], renamed: DeclarationSymbol, family: DeclarationSymbol[]): Generator<DeclarationSymbol> {
  const familyKeys = new Set(family.map(declarationKey));
  for (const analysis of analyses) {
    for (const file of analysis.files.keys()) {
      for (const candidate of analysis.symbols.visibleDeclarations(file, renamed.kind)) {
        if (!familyKeys.has(declarationKey(candidate))) yield candidate;
      }
    }
  }
}

function kindName(declaration: DeclarationSymbol): string {
  return String(declaration.kind).toLowerCase();
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
