/**
 * SLA5005: an author's `term` that the compiled document defines and never
 * uses. The lawyers who sign read every defined term, and a definition
 * nothing in the document refers to leaves them asking what it governs.
 * Judged on the document, not the source: a term is used when the author's
 * prose or the generated text (an author's `term "Service"` replaces the
 * generated one, which the availability sections use) writes it, anywhere
 * but in its own definition.
 */
import { dirname, resolve } from 'node:path';
import { termKey } from '../language/binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../language/diagnostics/diagnostic.js';
import type { AgreementModel } from '../language/model/model.js';
import { parseDocument, type ParseResult } from '../language/parser/index.js';
import type { TermDeclaration } from '../language/syntax/ast.js';
import { buildAgreementDocument } from './document/build.js';
import type { AgreementDocument, Block, Inline, Section } from './document/document.js';
import { checkDocumentSize } from './document-limits.js';
import { CompileError } from './errors.js';
import { escapeRegExp } from './regexp.js';

export interface UnusedTermCheck {
  model: AgreementModel;
  document: AgreementDocument;
  /** The agreement's own file, absolute: its sources are relative to its folder. */
  entry: string;
  readSource: (file: string) => string | undefined;
  /**
   * A source's parse when the caller has it (the language server's analysis,
   * of the same text), so it is not parsed again: of a 5,786-line file that
   * was a quarter of a second on each edit. Undefined: parsed from `readSource`.
   */
  parsedSource?: (file: string) => ParseResult | undefined;
}

/** A piece of the document's text, and the term it defines (as printed, and its key) when it is a definition. */
interface Passage {
  text: string;
  defines?: { term: string; key: string };
}

/** One SLA5005 warning at the declaration of each author's term the document never uses. */
export function unusedTermDiagnostics(check: UnusedTermCheck): Diagnostic[] {
  const unused = unusedAuthorTerms(check.model, check.document);
  if (unused.length === 0) return [];
  const declarations = termDeclarations(check);
  return unused.flatMap((term) => {
    const declared = declarations.get(termKey(term));
    return declared ? [createDiagnostic('SLA5005', declared.file, declared.declaration.term!.range, { term })] : [];
  });
}

/**
 * SLA5005 for `slac validate`, which writes no document: the document is
 * built, not laid out, to judge the terms. Nothing for an agreement too
 * large to be a document (`slac compile` says why).
 */
export function unusedTermDiagnosticsOfModel(
  model: AgreementModel,
  entry: string,
  readSource: (file: string) => string | undefined,
  parsedSource?: UnusedTermCheck['parsedSource'],
): Diagnostic[] {
  if (!model.agreement || !model.terms || model.terms.length === 0) return [];
  try {
    checkDocumentSize(model);
  } catch (error) {
    if (error instanceof CompileError) return [];
    throw error;
  }
  return unusedTermDiagnostics({ model, document: buildAgreementDocument(model), entry, readSource, ...(parsedSource ? { parsedSource } : {}) });
}

/**
 * The author's terms, spelt as the document prints them, that no passage of
 * the document but their own definition writes. A use is the term as
 * printed, in its case (a lower-case "service" is the word, not the
 * term), with an optional plural `s`, and not the start of a longer name
 * ("Service Levels" is not a use of Service).
 */
export function unusedAuthorTerms(model: AgreementModel, document: AgreementDocument): string[] {
  if (!model.terms || model.terms.length === 0) return [];
  const passages = documentPassages(document);
  const printed = new Map(passages.flatMap((passage) => (passage.defines === undefined ? [] : [[passage.defines.key, passage.defines.term]])));
  const unused: string[] = [];
  for (const { term } of model.terms) {
    const key = termKey(term);
    const spelt = printed.get(key) ?? term.trim();
    const use = usePattern(spelt);
    if (!passages.some((passage) => passage.defines?.key !== key && use.test(passage.text))) unused.push(spelt);
  }
  return unused;
}

function usePattern(term: string): RegExp {
  return termUsePattern(term, 'u');
}

/**
 * A use of `term` as printed: its words (any white space between them), not
 * inside a longer word, not the start of a longer name, an optional plural
 * after it. The match is the term's words alone, the plural left out, so
 * that renaming a calendar can replace its term in the author's prose
 * (lsp/services/rename-calendar-terms.ts) exactly where this check sees a use.
 */
export function termUsePattern(term: string, flags: string): RegExp {
  const words = term.trim().split(/\s+/).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}_-])${words.join('\\s+')}(?=(?:s|es)?(?![\\p{L}\\p{N}_-]|\\s+\\p{Lu}))`, flags);
}

/** Every piece of text the document shows: titles, front matter, sections and appendices. */
function documentPassages(document: AgreementDocument): Passage[] {
  const passages: Passage[] = [{ text: document.title }];
  const ofBlocks = (blocks: readonly Block[]): void => {
    for (const block of blocks) passages.push(...blockPassages(block));
  };
  const ofSection = (section: Section): void => {
    passages.push({ text: section.title });
    ofBlocks(section.blocks);
    section.subsections.forEach(ofSection);
  };
  ofBlocks(document.front);
  document.sections.forEach(ofSection);
  document.appendices.forEach(ofSection);
  return passages;
}

function blockPassages(block: Block): Passage[] {
  switch (block.kind) {
    case 'paragraph':
      return [{ text: inlineText(block.content) }];
    case 'prose':
      return [{ text: block.markdown }];
    // A definition is a list item that opens with its term in bold (definitions.ts, contract-terms.ts).
    case 'list':
      return block.items.map((item) => (item[0]?.kind === 'strong' ? { text: inlineText(item), defines: { term: item[0].text, key: termKey(item[0].text) } } : { text: inlineText(item) }));
    // Not the header: a column's label ("Service level") is not a use of a term.
    case 'table':
      return block.rows.flatMap((row) => row.map((cell) => ({ text: inlineText(cell) })));
    case 'signatures':
      return block.parties.map((party) => ({ text: `${party.role}\n${inlineText(party.party)}` }));
  }
}

function inlineText(inline: Inline): string {
  return inline.map((span) => (span.kind === 'blank' ? span.placeholder : span.text)).join('');
}

/**
 * Each term's declaration in force, by term: the agreement's sources parsed
 * again unless the caller has their parses (the model keeps no places), and of two declarations of one term
 * the `override` one, which replaced the imported term.
 */
function termDeclarations(check: UnusedTermCheck): Map<string, { file: string; declaration: TermDeclaration }> {
  const folder = dirname(check.entry);
  const found = new Map<string, { file: string; declaration: TermDeclaration }>();
  for (const source of check.model.sources) {
    const file = resolve(folder, source.path);
    const parsed = check.parsedSource?.(file) ?? parsedFromText(check, file);
    if (parsed === undefined) continue;
    for (const declaration of parsed.document.declarations) {
      if (declaration.kind !== 'Term' || !declaration.term) continue;
      const key = termKey(declaration.term.value);
      if (!found.has(key) || declaration.override) found.set(key, { file, declaration });
    }
  }
  return found;
}

function parsedFromText(check: UnusedTermCheck, file: string): ParseResult | undefined {
  const text = check.readSource(file);
  return text === undefined ? undefined : parseDocument(text, file);
}
