import markdownIt from 'markdown-it';

// Only the block structure is read, so the parser's inline options do not matter, and
// inline text is not parsed: the HTML render parses it once, and a block's inline
// tokens (about 300 bytes per emphasis mark) were kept with the last text's tokens.
const blockParser = markdownIt({ html: false });
blockParser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

type BlockTokens = ReturnType<typeof blockParser.parse>;

let lastParsed: { markdown: string; tokens: BlockTokens } | undefined;

/**
 * The block tokens of `markdown`, as markdown-it reads them. The prose passes
 * (links, raw HTML, images, the open fence, headings, clause numbers) each
 * read the same text when none of them changed it: the last text's tokens
 * are kept, since a parse of a megabyte of list items takes seconds.
 */
export function blockTokens(markdown: string): BlockTokens {
  if (lastParsed?.markdown !== markdown) lastParsed = { markdown, tokens: blockParser.parse(markdown, {}) };
  return lastParsed.tokens;
}

/**
 * Applies `change` to the text outside code blocks and code spans, which
 * Markdown shows literally. Code is what CommonMark reads as code: blocks
 * as markdown-it's block parser finds them (fenced, indented, inside lists
 * and quotes), since a line pattern took lines for fences that are none
 * (```` ```x`y ````, a fence indented by a tab) and passed the raw HTML
 * after them on to the `.md` file.
 */
export function outsideCode(markdown: string, change: (text: string) => string, keepSpans = true): string {
  const code = codeBlockLines(markdown);
  return markdown
    .split('\n')
    .map((line, index) => (code.has(index) ? line : keepSpans ? outsideCodeSpans(line, change) : change(line)))
    .join('\n');
}

/**
 * `outsideCode`, checked: code spans are matched line by line, and a span
 * CommonMark closes on the next line (`` `a `` then ``b` <b> `c` ``) can
 * pair the backticks otherwise. When `isLive` finds what the change was to
 * take out still in the result, the change is made inside code spans too:
 * a span then shows `&lt;b>`, and nothing is live.
 */
export function outsideCodeChecked(markdown: string, change: (text: string) => string, isLive: (markdown: string) => boolean): string {
  const changed = outsideCode(markdown, change);
  return isLive(changed) ? outsideCode(markdown, change, false) : changed;
}

// A renderer with HTML on that links every destination, as a Markdown viewer may.
const htmlParser = markdownIt({ html: true });
htmlParser.validateLink = () => true;

type InlineTokens = ReturnType<typeof htmlParser.parse>;

/** Whether a renderer with HTML on finds a token `matches` in `markdown`, at any depth. */
export function rendersToken(markdown: string, matches: (token: InlineTokens[number]) => boolean): boolean {
  const visit = (tokens: InlineTokens): boolean => tokens.some((token) => matches(token) || (token.children !== null && visit(token.children)));
  return visit(htmlParser.parse(markdown, {}));
}

/** The indexes of the lines (split at `\n`) inside a code block, fences included. */
export function codeBlockLines(markdown: string): Set<number> {
  const lines = new Set<number>();
  // markdown-it also breaks lines at a lone `\r`; a space keeps its line numbers those of `split('\n')`.
  for (const token of blockTokens(markdown.replace(/\r/g, ' '))) {
    if ((token.type !== 'fence' && token.type !== 'code_block') || !token.map) continue;
    for (let line = token.map[0]; line < token.map[1]; line += 1) lines.add(line);
  }
  return lines;
}

/**
 * Changes a line outside its code spans (`` `<b>` `` stays). A span opens
 * at a run of backticks not escaped by a backslash and closes at the next
 * run of the same width on the line; a run without one is text, as in
 * CommonMark, so ``` ``<b>` ``` is no span and `<b>` is changed.
 */
function outsideCodeSpans(line: string, change: (text: string) => string): string {
  const runs = backtickRuns(line);
  if (runs.length === 0) return change(line);
  // For each run, the index of the next run of the same width: found in one pass from the end.
  const nextOfWidth = new Array<number>(runs.length).fill(-1);
  const laterOfWidth = new Map<number, number>();
  for (let index = runs.length - 1; index >= 0; index -= 1) {
    const width = runs[index]!.end - runs[index]!.start;
    nextOfWidth[index] = laterOfWidth.get(width) ?? -1;
    laterOfWidth.set(width, index);
  }
  let result = '';
  let textStart = 0;
  for (let index = 0; index < runs.length; index += 1) {
    const close = nextOfWidth[index]!;
    if (runs[index]!.start < textStart || close < 0) continue;
    result += change(line.slice(textStart, runs[index]!.start)) + line.slice(runs[index]!.start, runs[close]!.end);
    textStart = runs[close]!.end;
  }
  return result + change(line.slice(textStart));
}

/** The runs of backticks of a line, a backslash escaping the character after it. */
function backtickRuns(line: string): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  let index = 0;
  while (index < line.length) {
    if (line[index] === '\\') index += 2;
    else if (line[index] !== '`') index += 1;
    else {
      const start = index;
      while (line[index] === '`') index += 1;
      runs.push({ start, end: index });
    }
  }
  return runs;
}

/**
 * The prose with a fence it leaves open closed on a line of its own. The
 * HTML output renders each prose block alone, where the end of the text
 * ends the code; the `.md` file goes on with the next section, which an
 * open fence would show as code up to the end of the document. Only a fence
 * outside lists and quotes can run on: the document's next heading ends those.
 */
export function withFenceClosed(markdown: string): string {
  const lines = markdown.replace(/\r/g, ' ').split('\n');
  const fence = blockTokens(lines.join('\n')).find((token) => token.type === 'fence' && token.level === 0 && token.map && token.map[1] >= lines.length);
  if (!fence) return markdown;
  const last = lines[lines.length - 1]!;
  const closing = new RegExp(`^ {0,3}\\${fence.markup[0]}{${fence.markup.length},}[ \\t]*$`);
  const closed = lines.length - 1 > fence.map![0] && closing.test(last);
  return closed ? markdown : `${markdown}\n${fence.markup}`;
}
