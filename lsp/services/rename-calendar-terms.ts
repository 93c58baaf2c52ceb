import type { TextEdit } from 'vscode-languageserver-types';
import { termUsePattern } from '../../compiler/unused-terms.js';
import { termKey } from '../../language/binder/scopes.js';
import { calendarTerm } from '../../language/model/calendar-term.js';
import type { StringLiteral, TextBlock } from '../../language/syntax/ast.js';
import { LineMap, type Analysis, type DeclarationSymbol } from './language.js';
import { declarationKey } from './symbol-at.js';

// A calendar's name is also a defined term of the document: `Office` defines
// "Office Hours", which the author's prose uses and an author's `term
// "Office Hours"` replaces. Renaming the calendar renames the term, so the
// prose that wrote the old term would otherwise speak of hours the document
// no longer defines (and the author's definition would stop replacing the
// generated one, leaving two definitions) while `slac validate` said nothing.

/** Statements whose texts are values a helpdesk or the tools read, not prose the document prints. */
const notProse = new Set(['Import', 'Portfolio', 'Timezone', 'HolidaySet', 'HolidayFile', 'Matches', 'Pause', 'MetricPause']);

/**
 * The edits that write the renamed calendar's new term wherever the author
 * wrote its old one, in every file of the documents the calendar is part
 * of: the `term` that replaces its generated definition, and each use in
 * the prose, matched as `slac compile` finds a use of a term (SLA5005).
 */
export function calendarTermEdits(analyses: Analysis[], family: DeclarationSymbol[], newName: string): { file: string; edit: TextEdit }[] {
  const renamed = renamedTerm(family, newName);
  if (!renamed) return [];
  const edits: { file: string; edit: TextEdit }[] = [];
  for (const { file, text, document } of documentFiles(analyses, family)) {
    const lines = new LineMap(text);
    for (const literal of proseTexts(document)) {
      for (const edit of literalEdits(literal, lines, renamed.oldTerm, renamed.newTerm)) edits.push({ file, edit });
    }
  }
  return edits;
}

/**
 * Why the calendar cannot take the new name because of a term the author
 * defines already (compared as terms are, SLA3049), or undefined when it
 * can. With the author's `term` replacing the calendar's definition, the
 * rename would rename it to that term and the file would define it twice.
 * Without one, the author's term, written for something else, would
 * silently become the definition of the renamed calendar's hours: refused
 * as a name another declaration has is. A new name reading as the old term
 * (`Office` to `OFFICE`) renames the author's term with it and clashes
 * with nothing.
 */
export function calendarTermClash(analyses: Analysis[], family: DeclarationSymbol[], newName: string): string | undefined {
  const renamed = renamedTerm(family, newName);
  if (!renamed || termKey(renamed.newTerm) === termKey(renamed.oldTerm)) return undefined;
  const terms = documentFiles(analyses, family).flatMap(({ file, document }) =>
    proseTexts(document).filter((literal) => literal.namesTerm).map((literal) => ({ file, line: literal.text.range.start.line + 1, key: termKey(literal.text.value), value: literal.text.value })),
  );
  const taken = terms.find((term) => term.key === termKey(renamed.newTerm));
  if (!taken) return undefined;
  const where = `${taken.file.split(/[\\/]/).pop()}, line ${taken.line}`;
  if (terms.some((term) => term.key === termKey(renamed.oldTerm))) {
    return `There is already a term "${taken.value}" (${where}), and the term "${renamed.oldTerm}" would become "${renamed.newTerm}" too; choose another name.`;
  }
  return `There is already a term "${taken.value}" (${where}); calendar ${newName} would define it too; choose another name.`;
}

function renamedTerm(family: DeclarationSymbol[], newName: string): { oldTerm: string; newTerm: string } | undefined {
  const calendar = family[0];
  if (calendar?.kind !== 'calendar') return undefined;
  const oldTerm = calendarTerm(calendar.name);
  const newTerm = calendarTerm(newName);
  return oldTerm === newTerm ? undefined : { oldTerm, newTerm };
}

/** Every file of the documents the calendar is part of (the analyses that have it), once, with its text and parse. */
function documentFiles(analyses: Analysis[], family: DeclarationSymbol[]): { file: string; text: string; document: unknown }[] {
  const familyKeys = new Set(family.map(declarationKey));
  const files = new Map<string, { file: string; text: string; document: unknown }>();
  for (const analysis of analyses) {
    if (!analysis.symbols.declarations.some((declaration) => familyKeys.has(declarationKey(declaration)))) continue;
    for (const [file, parse] of analysis.files) {
      const text = analysis.texts.get(file);
      if (text !== undefined && !files.has(file)) files.set(file, { file, text, document: parse?.document });
    }
  }
  return [...files.values()];
}

/** The edits inside one text: the whole of a `term` naming the old term, else each use of it. */
function* literalEdits(literal: ProseText, lines: LineMap, oldTerm: string, newTerm: string): Generator<TextEdit> {
  const start = lines.offsetAt(literal.text.range.start);
  const raw = lines.text.slice(start, lines.offsetAt(literal.text.range.end));
  if (literal.namesTerm) {
    if (termKey(literal.text.value) !== termKey(oldTerm)) return;
    const open = raw.indexOf('"') + 1;
    const close = raw.lastIndexOf('"');
    if (open > 0 && close >= open) yield { range: { start: lines.positionAt(start + open), end: lines.positionAt(start + close) }, newText: newTerm };
    return;
  }
  for (const use of raw.matchAll(termUsePattern(oldTerm, 'gu'))) {
    yield { range: lines.rangeAt(start + use.index, use[0].length), newText: newTerm };
  }
}

interface ProseText {
  text: StringLiteral | TextBlock;
  /** The name of a `term` declaration, compared as terms are, not searched. */
  namesTerm: boolean;
}

/** Every string and text block the document prints, under a node of the syntax tree. */
function proseTexts(node: unknown, found: ProseText[] = []): ProseText[] {
  if (Array.isArray(node)) {
    for (const child of node) proseTexts(child, found);
  } else if (node && typeof node === 'object') {
    const fields = node as Record<string, unknown>;
    const kind = fields['kind'];
    if ((kind === 'String' || kind === 'TextBlock') && typeof fields['value'] === 'string') {
      found.push({ text: node as StringLiteral | TextBlock, namesTerm: false });
    } else if (typeof kind !== 'string' || !notProse.has(kind)) {
      for (const key in fields) {
        if (key === 'range' || key === 'comments' || !Object.hasOwn(fields, key)) continue;
        if (kind === 'Term' && key === 'term') {
          if (fields[key]) found.push({ text: fields[key] as StringLiteral, namesTerm: true });
        } else proseTexts(fields[key], found);
      }
    }
  }
  return found;
}
