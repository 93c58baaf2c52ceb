import { blockTokens } from './outside-code.js';

/**
 * Numbers the clauses of one section as its blocks are rendered, so that
 * each commitment can be cited (“clause 6.3”). A clause is a paragraph or a
 * list item; a paragraph that ends with a colon introduces the list after
 * it, whose items are then lettered parts of that clause, (a), (b)…. Notes
 * to the reader (italic paragraphs) and tables are not clauses. The number
 * is written in bold at the start of the clause, `**6.3** The Provider…`;
 * the HTML renderer recognises it and sets it in the margin.
 */
export interface ClauseNumbers {
  /** A paragraph of generated text, numbered unless it is a note. */
  paragraph(markdown: string, isNote: boolean): string;
  /** The lines of a list, one item each; `format` adds the list marker. */
  list(items: string[], format: (text: string, index: number) => string): string;
  /** The author's own Markdown: its top-level paragraphs and list items are numbered. */
  prose(markdown: string): string;
  /** A block that is no clause (a table) between a paragraph and a list. */
  interrupt(): void;
  /** The next free number of the sequence, where the section's subsections continue it. */
  next(): number;
  /** True when list items get a label ((a) or 6.3) of their own. */
  readonly labelsItems: boolean;
}

/** `(a)` … `(z)`, then `(27)`: a list of more than 26 parts is rare enough to number plainly. */
const letter = (index: number): string => (index < 26 ? `(${String.fromCharCode(97 + index)})` : `(${index + 1})`);

const bold = (label: string): string => `**${label}**`;

/**
 * The clause numbers of the section numbered `prefix`. When `enabled` is
 * false (appendices, signatures, front matter) nothing is numbered and the
 * sequence stays at 1.
 */
export function numberClauses(prefix: string, enabled: boolean): ClauseNumbers {
  let count = 0;
  let introducesList = false;
  const nextNumber = (): string => `${prefix}.${++count}`;
  return {
    labelsItems: enabled,
    paragraph(markdown, isNote) {
      introducesList = enabled && !isNote && /:\s*$/.test(markdown);
      return enabled && !isNote ? `${bold(nextNumber())} ${markdown}` : markdown;
    },
    list(items, format) {
      const lettered = introducesList;
      introducesList = false;
      if (!enabled) return items.map(format).join('\n');
      return items.map((item, index) => format(`${bold(lettered ? letter(index) : nextNumber())} ${item}`, index)).join('\n');
    },
    prose(markdown) {
      introducesList = false;
      if (!enabled) return markdown;
      const lines = markdown.split('\n');
      let lettered = false;
      let letterIndex = 0;
      const tokens = blockTokens(markdown);
      for (const [index, token] of tokens.entries()) {
        if (token.level === 0 && token.type === 'paragraph_open' && token.map) {
          lettered = false;
          const line = token.map[0];
          lines[line] = lines[line]!.replace(/^(\s*)/, `$1${bold(nextNumber())} `);
        } else if (token.level === 1 && token.type === 'inline' && token.map) {
          lettered = /:\s*$/.test(token.content);
        } else if (token.level === 1 && token.type === 'list_item_open' && token.map && tokens[index + 1]?.type === 'paragraph_open') {
          // An item that opens with code or a heading keeps its first line: a label before ``` makes the fence text.
          const line = token.map[0];
          const label = lettered ? letter(letterIndex++) : nextNumber();
          lines[line] = lines[line]!.replace(/^(\s*(?:[-+*]|\d{1,9}[.)]))([ \t]+|$)/, `$1 ${bold(label)} `);
        } else if (token.level === 0 && /^(bullet|ordered)_list_open$/.test(token.type)) {
          letterIndex = 0;
        } else if (token.level === 0 && token.type !== 'paragraph_close') {
          // A list's end, a heading, code, a table: what follows is introduced by nothing.
          lettered = false;
        }
      }
      return lines.join('\n');
    },
    interrupt() {
      introducesList = false;
    },
    next() {
      return count + 1;
    },
  };
}
