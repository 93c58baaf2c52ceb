import type { Position, Range } from '../../language/syntax/range.js';
import { declarationAt, type ServiceDocument } from './document.js';
import { onceOnlyStatements, topLevelDeclarationAllowed } from './language.js';
import { lineOf } from './lines.js';

/**
 * The statement keywords of the block at the cursor that it may still
 * take: a statement the language allows once per block and the block has
 * already is left out, since accepting it gives SLA3015 (a `title` in a
 * metric with a title). `also` goes only once both `also on request` and
 * `also after major incident` are written. Repeatable statements (`target`,
 * a calendar's `hours`, `level`...) are always kept, and so is the
 * statement whose first word the cursor is on: the author may be retyping it.
 */
export function keywordsStillAllowed(document: ServiceDocument, context: string, position: Position, keywords: readonly string[]): readonly string[] {
  const declaration = declarationAt(document, position);
  if (!declaration || declaration.kind.toLowerCase() !== context) return keywords; // the top level, or a nested block (holidays, agenda...)
  const line = lineOf(document.text, position.line);
  const { once, given } = onceOnlyStatements(declaration, (statement) => typedAt(statement.range, position, line));
  return keywords.filter((keyword) => {
    const begun = once.filter((phrase) => phrase === keyword || phrase.startsWith(`${keyword} `));
    return begun.length === 0 || !begun.every((phrase) => given.has(phrase));
  });
}

/**
 * Whether a file may still take a top-level declaration starting with
 * `keyword` (`overriding` after `override`): not a second agreement,
 * escalation, credits... nor one an import brings without `override`, nor
 * anything beside a portfolio (the checker's rules: topLevelDeclarationAllowed).
 * The declaration whose keyword the cursor is on does not count.
 */
export function topLevelAllows(document: ServiceDocument, position: Position): (keyword: string, overriding: boolean) => boolean {
  const line = lineOf(document.text, position.line);
  const own = (document.parse.document?.declarations ?? []).filter(
    (declaration) => declaration !== undefined && !typedAt(declaration.range, position, line, /^(override\s+)?[A-Za-z]*$/),
  );
  const imported = [...document.analysis.files]
    .filter(([file]) => file !== document.analysis.entry)
    .flatMap(([, parse]) => (parse.document?.declarations ?? []).filter((declaration) => declaration !== undefined));
  return topLevelDeclarationAllowed(own, imported);
}

/** Whether the cursor is in (or at either end of) the first word of a statement starting on its line: `|clock`, `tit|le`. */
function typedAt(range: Range, position: Position, line: string, typed = /^[A-Za-z]*$/): boolean {
  const start = range.start;
  if (start.line !== position.line || start.character > position.character) return false;
  return typed.test(line.slice(start.character, position.character));
}
