import type { CodeAction, Diagnostic as LspDiagnostic, TextEdit } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { SeverityDeclaration } from '../../language/syntax/ast.js';
import type { ServiceDocument } from './document.js';
import { splitLines } from './lines.js';

/**
 * Quick fixes for the diagnostics that have one obvious fix: an unknown
 * name with a close match, no `default` severity, the ambiguous `days`, and
 * a term's name without its quotes.
 */
export function codeActions(document: ServiceDocument, diagnostics: LspDiagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== undefined && diagnostic.source !== 'slac') continue;
    const suggestion = (diagnostic.data as Record<string, unknown> | undefined)?.suggestion;
    if (typeof suggestion === 'string' && suggestion) {
      const quoted = textAt(document.text, diagnostic.range).startsWith('"');
      const newText = quoted ? `"${suggestion}"` : suggestion;
      actions.push(fix(document, diagnostic, `Change to '${suggestion}'`, [{ range: diagnostic.range, newText }], true));
    }
    if (diagnostic.code === 'SLA3006') {
      const edit = addDefault(document);
      if (edit) actions.push(fix(document, diagnostic, "Make the last severity the 'default'", [edit], true));
    }
    const quotedName = (diagnostic.data as Record<string, unknown> | undefined)?.quotedName;
    if (diagnostic.code === 'SLA1026' && typeof quotedName === 'string') {
      actions.push(fix(document, diagnostic, `Write ${quotedName} in double quotes`, [{ range: diagnostic.range, newText: quotedName }], true));
    }
    if (diagnostic.code === 'SLA3013') {
      for (const replacement of daysReplacements(diagnostic)) {
        actions.push(fix(document, diagnostic, `Write '${replacement}'`, [{ range: diagnostic.range, newText: replacement }], false));
      }
    }
  }
  return actions;
}

function fix(document: ServiceDocument, diagnostic: LspDiagnostic, title: string, edits: TextEdit[], isPreferred: boolean): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred,
    edit: { changes: { [document.uriOf(document.file)]: edits } },
  };
}

/** Adds `default` before the closing brace of the last severity declared in this file. */
function addDefault(document: ServiceDocument): TextEdit | undefined {
  const severities = (document.parse.document?.declarations ?? []).filter(
    (d): d is SeverityDeclaration => d?.kind === 'Severity',
  );
  const last = severities[severities.length - 1];
  if (!last) return undefined;
  const lines = splitLines(document.text);
  const end = last.range.end;
  const closing = (lines[end.line] ?? '').lastIndexOf('}', end.character);
  if (closing < 0) return undefined;
  const closingLine = lines[end.line]!;
  if (end.line === last.range.start.line || closingLine.slice(0, closing).trim() !== '') {
    const before = closingLine.slice(0, closing);
    const text = before.endsWith(' ') ? 'default ' : ' default ';
    return { range: point(end.line, closing), newText: text };
  }
  const indent = /^\s*/.exec(lines[end.line - 1] ?? '')?.[0] || `${closingLine.slice(0, closing)}  `;
  return { range: point(end.line, 0), newText: `${indent}default\n` };
}

function point(line: number, character: number): TextEdit['range'] {
  return { start: { line, character }, end: { line, character } };
}

/**
 * `N business days` and the same in hours, from the diagnostic's data
 * (`businessDays`, `hours`: the replacement texts), or else from its message.
 */
function daysReplacements(diagnostic: LspDiagnostic): string[] {
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  if (typeof data.businessDays === 'string' && typeof data.hours === 'string') return [data.businessDays, data.hours];
  const message = typeof diagnostic.message === 'string' ? diagnostic.message : '';
  const written = /write '([^']+)' or '([^']+)'/.exec(message);
  return written ? [written[1]!, written[2]!] : [];
}

/** The text a range covers (a range within one line, as diagnostics of names are). */
function textAt(text: string, range: TextEdit['range']): string {
  const line = text.split('\n', range.start.line + 1)[range.start.line] ?? '';
  return range.end.line === range.start.line ? line.slice(range.start.character, range.end.character) : line.slice(range.start.character);
}
