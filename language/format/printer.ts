import { quoteString, stringValue, textBlockValue } from '../lexer/literals.js';
import type { SlaToken } from '../parser/tokens.js';
import { positionKey } from './statement-starts.js';

const INDENT = '  ';

/** What the printer wrote last, which decides the blank lines before the next line. */
type Last = 'nothing' | 'code' | 'ownLineComment' | 'endOfLineComment' | 'open';

/**
 * Lays out the tokens of a document that parsed without errors: one
 * statement per line, 2-space indentation, `{` on the declaration line,
 * one blank line between top-level declarations, at most one blank line
 * (where the author left one) between statements, and every comment where
 * it was: at the end of its line, or on its own line before what follows.
 */
export class Printer {
  private output = '';
  private depth = 0;
  private atLineStart = true;
  private continuation = false;
  private forceNewline = false;
  private last: Last = 'nothing';
  private previousText = '';

  constructor(
    private readonly source: string,
    private readonly starts: ReadonlySet<string>,
  ) {}

  print(tokens: readonly SlaToken[]): string {
    let previousEnd = 0;
    for (const token of tokens) {
      const gap = this.source.slice(previousEnd, token.offset);
      const lineBreaks = (gap.match(/\r\n|\r|\n/g) ?? []).length;
      if (token.type === 'comment') this.comment(token, lineBreaks);
      else this.code(token, lineBreaks);
      previousEnd = token.offset + token.length;
    }
    const text = this.output.replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
    return text === '' ? '' : `${text}\n`;
  }

  private comment(token: SlaToken, lineBreaks: number): void {
    const text = token.text.startsWith('//') ? token.text.trimEnd() : token.text;
    if (lineBreaks === 0 && this.last !== 'nothing' && !this.atLineStart) {
      this.writeInline(text, true);
      this.last = 'endOfLineComment';
    } else {
      this.newLine(this.blankLinesBefore(lineBreaks));
      this.write(text);
      this.last = 'ownLineComment';
    }
    // Whatever follows a line comment, or a comment on its own line, starts a new line.
    this.forceNewline = this.last === 'ownLineComment' || text.startsWith('//');
  }

  private code(token: SlaToken, lineBreaks: number): void {
    if (token.text === '}') {
      this.depth = Math.max(0, this.depth - 1);
      if (this.last === 'open') this.write('}');
      else {
        this.newLine(0);
        this.write('}');
      }
      this.last = 'code';
      this.forceNewline = false;
      return;
    }
    if (this.starts.has(positionKey(token.range.start))) {
      this.newLine(this.blankLinesBefore(lineBreaks));
      this.continuation = false;
    } else if (this.forceNewline) {
      this.newLine(0);
      this.continuation = true;
    }
    this.forceNewline = false;
    if (token.type === 'textBlock') this.textBlock(token.text);
    else if (token.type === 'string') this.writeInline(quoteString(stringValue(token.text).value), this.needsSpace(token.text));
    else this.writeInline(token.text, this.needsSpace(token.text));
    this.last = token.text === '{' ? 'open' : 'code';
    if (token.text === '{') this.depth++;
  }

  /** No space before `,` and on either side of `-` (`Mon-Fri`, `08:00-12:00`). */
  private needsSpace(text: string): boolean {
    return text !== ',' && text !== '-' && this.previousText !== '-';
  }

  private blankLinesBefore(lineBreaks: number): number {
    if (this.last === 'nothing' || this.last === 'open') return 0;
    const authorLeftBlank = lineBreaks >= 2 ? 1 : 0;
    // At the top level a new line after code ends a declaration: always one blank line.
    if (this.depth === 0 && (this.last === 'code' || this.last === 'endOfLineComment')) return 1;
    return authorLeftBlank;
  }

  /** `"""` then the prose one level deeper than the statement, then `"""` on its own line. */
  private textBlock(text: string): void {
    const value = textBlockValue(text);
    const indent = INDENT.repeat(this.depth + 1);
    this.writeInline('"""', true);
    for (const line of value === '' ? [] : value.split('\n')) this.output += `\n${line === '' ? '' : indent + line}`;
    this.output += `\n${indent}"""`;
    this.previousText = '"""';
  }

  private newLine(blankLines: number): void {
    if (this.output === '') {
      this.atLineStart = true;
      return;
    }
    this.output = this.output.replace(/[ \t]+$/, '');
    this.output += '\n'.repeat(1 + blankLines);
    this.atLineStart = true;
  }

  private write(text: string): void {
    if (this.atLineStart) {
      this.output += INDENT.repeat(this.depth + (this.continuation ? 1 : 0));
      this.atLineStart = false;
    }
    this.output += text;
    this.previousText = text;
  }

  private writeInline(text: string, spaced: boolean): void {
    if (!this.atLineStart && spaced) this.output += ' ';
    this.write(text);
  }
}
