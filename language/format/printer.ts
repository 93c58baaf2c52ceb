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
  /** Finished lines, and the line being written. */
  private readonly lines: string[] = [];
  private line = '';
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
    this.lines.push(this.line.trimEnd());
    while (this.lines.length > 0 && this.lines[this.lines.length - 1] === '') this.lines.pop();
    return this.lines.length === 0 ? '' : `${this.lines.join('\n')}\n`;
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
      // A statement continued after a comment (`annually // note` then `12-24 ...`) ends at the brace.
      this.continuation = false;
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
    for (const line of value === '' ? [] : value.split('\n')) {
      this.lines.push(this.line.trimEnd());
      this.line = line === '' ? '' : indent + line;
    }
    this.lines.push(this.line.trimEnd());
    this.line = `${indent}"""`;
    this.previousText = '"""';
  }

  private newLine(blankLines: number): void {
    this.atLineStart = true;
    if (this.lines.length === 0 && this.line === '') return;
    this.lines.push(this.line.trimEnd());
    for (let i = 0; i < blankLines; i++) this.lines.push('');
    this.line = '';
  }

  private write(text: string): void {
    if (this.atLineStart) {
      this.line += INDENT.repeat(this.depth + (this.continuation ? 1 : 0));
      this.atLineStart = false;
    }
    this.line += text;
    this.previousText = text;
  }

  private writeInline(text: string, spaced: boolean): void {
    if (!this.atLineStart && spaced) this.line += ' ';
    this.write(text);
  }
}
