import type { SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { ServiceDocument } from './document.js';
import type { DeclarationSymbol, SlaToken } from './language.js';
import { splitLines } from './lines.js';

/** The token types the server reports, in legend order. */
export const semanticTokenTypes = [
  'keyword',
  'string',
  'number',
  'comment',
  'operator',
  'enumMember',
  'type',
  'function',
  'parameter',
  'variable',
  'class',
] as const;

/** `declaration` marks a name where it is declared (bit 0). */
export const semanticTokenModifiers = ['declaration'] as const;

/** The legend the server announces in its capabilities. */
export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...semanticTokenTypes],
  tokenModifiers: [...semanticTokenModifiers],
};

type TokenType = (typeof semanticTokenTypes)[number];

const byLexicalType: Record<SlaToken['type'], TokenType | undefined> = {
  keyword: 'keyword',
  name: 'variable',
  string: 'string',
  textBlock: 'string',
  number: 'number',
  percent: 'number',
  date: 'number',
  time: 'number',
  weekday: 'enumMember',
  unit: 'keyword',
  comment: 'comment',
  punctuation: undefined,
};

/** Names are coloured by what they name: calendars as types, metrics as functions... */
const byDeclarationKind: Record<string, TokenType> = {
  calendar: 'type',
  severity: 'enumMember',
  metric: 'function',
  param: 'parameter',
  channel: 'variable',
  agreement: 'class',
};

/**
 * Semantic tokens from the lexer's tokens, with names classified by the
 * declaration they declare or refer to. Tokens over several lines (text
 * blocks, block comments) are split per line, as clients expect.
 */
export function semanticTokens(document: ServiceDocument): SemanticTokens {
  const lines = splitLines(document.text);
  const data: number[] = [];
  let previousLine = 0;
  let previousCharacter = 0;
  const push = (line: number, character: number, length: number, type: TokenType, modifiers: number) => {
    if (length <= 0) return;
    const deltaLine = line - previousLine;
    data.push(deltaLine, deltaLine === 0 ? character - previousCharacter : character, length, semanticTokenTypes.indexOf(type), modifiers);
    previousLine = line;
    previousCharacter = character;
  };
  const names = nameTypes(document);
  const tokens = [...(document.parse.tokens ?? [])].sort((a, b) => a.offset - b.offset);
  for (const token of tokens) {
    const lexical = byLexicalType[token.type];
    if (!lexical) continue;
    const classified = token.type === 'name' ? (names.get(key(token.range.start)) ?? { type: lexical, modifiers: 0 }) : { type: lexical, modifiers: 0 };
    const { start, end } = token.range;
    for (let line = start.line; line <= end.line; line++) {
      // Continuation lines of a text block start after their indentation.
      const from = line === start.line ? start.character : /^\s*/.exec(lines[line] ?? '')![0].length;
      const to = line === end.line ? end.character : (lines[line]?.length ?? 0);
      push(line, from, to - from, classified.type, classified.modifiers);
    }
  }
  return { data };
}

/** What each name of the file is, by its start position, looked up once per request. */
function nameTypes(document: ServiceDocument): Map<string, { type: TokenType; modifiers: number }> {
  const byStart = new Map<string, { type: TokenType; modifiers: number }>();
  const symbols = document.analysis.symbols;
  for (const reference of symbols.references) {
    if (reference.file !== document.file) continue;
    byStart.set(key(reference.range.start), { type: reference.target ? nameType(reference.target) : 'variable', modifiers: 0 });
  }
  for (const declaration of symbols.declarations) {
    if (declaration.file !== document.file) continue;
    byStart.set(key(declaration.nameRange.start), { type: nameType(declaration), modifiers: 1 });
  }
  // A portfolio's name is declared but not referred to; its `with` names are params of another file.
  for (const declaration of document.parse.document?.declarations ?? []) {
    if (declaration?.kind !== 'Portfolio') continue;
    if (declaration.name) byStart.set(key(declaration.name.range.start), { type: 'class', modifiers: 1 });
    for (const entry of declaration.entries ?? []) {
      for (const param of entry?.params ?? []) if (param?.param) byStart.set(key(param.param.range.start), { type: 'parameter', modifiers: 0 });
    }
  }
  return byStart;
}

function key(position: { line: number; character: number }): string {
  return `${position.line}:${position.character}`;
}

function nameType(declaration: DeclarationSymbol): TokenType {
  return byDeclarationKind[String(declaration.kind).toLowerCase()] ?? 'variable';
}
