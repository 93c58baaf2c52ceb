/**
 * The user's notes for the review (`--notes review-notes.md`): Markdown
 * with one heading per agenda item. Headings are matched to the items by
 * `agendaKey` (any case, a leading section number ignored). The level of the
 * first heading that matches an item is the level of every item heading;
 * deeper headings belong to the notes under it. Text before the first item
 * heading is the summary of the review; a heading shallower than the item
 * headings there is the notes' own title and is not printed. A heading at
 * the item level that matches no item is a warning (its notes are kept,
 * under "Other notes"), as is a second heading for the same item.
 */
import markdownIt, { type Token } from 'markdown-it';
import { printableText, visibleText } from '../../language/diagnostics/diagnostic.js';
import { agendaKey, type AgendaItem } from './agenda.js';

/** The notes, as HTML, by where the pack prints them. */
export interface ReviewNotes {
  /** Text before the first item heading: the summary of key findings. */
  summary?: string;
  /** The notes of each agenda item, by its index in the agenda. */
  byItem: Map<number, string>;
  /** Notes under headings that match no item, with their heading text. */
  other: { heading: string; html: string }[];
  /** `notes.md:12: warning: ...`, one per problem. */
  warnings: string[];
}

// Raw HTML shows as text and images are off: the print page loads nothing and runs nothing (compiler/pdf.ts).
const md = markdownIt({ html: false, linkify: false, typographer: false }).disable('image');

interface Heading {
  index: number;
  level: number;
  /** 1-based line in the notes file. */
  line: number;
  text: string;
}

/** Splits the notes into the agenda's items; `shown` is the file as the user named it, for warnings. */
export function readReviewNotes(markdown: string, shown: string, items: readonly AgendaItem[]): ReviewNotes {
  const tokens = md.parse(markdown, {});
  const headings = headingsOf(tokens);
  const itemOf = new Map(items.map((item, index) => [agendaKey(item.title), index]));
  const level = headings.find((heading) => itemOf.has(agendaKey(heading.text)))?.level ?? headings.reduce((min, heading) => Math.min(min, heading.level), 7);
  const starts = headings.filter((heading) => heading.level <= level);
  const notes: ReviewNotes = { byItem: new Map(), other: [], warnings: [] };
  // Warnings go to a terminal: the file name, the headings and the item titles are escaped as messages' names are.
  const file = printableText(shown);
  const firstLine = new Map<number, number>();
  const leading = starts.findIndex((heading) => heading.level === level);
  // Shallower headings before the first item heading are the notes' title: the text under them is the summary.
  const titles = new Set(starts.slice(0, Math.max(0, leading)).flatMap((heading) => [heading.index, heading.index + 1, heading.index + 2]));
  const before = tokens.slice(0, starts[Math.max(0, leading)]?.index ?? tokens.length).filter((_, index) => !titles.has(index));
  const summary = render(before, level);
  if (summary !== '') notes.summary = summary;
  starts.forEach((heading, position) => {
    if (position < leading) return;
    const html = render(tokens.slice(heading.index + 3, starts[position + 1]?.index ?? tokens.length), level);
    const item = itemOf.get(agendaKey(heading.text));
    if (item === undefined) {
      notes.warnings.push(`${file}:${heading.line}: warning: the heading "${visibleText(heading.text)}" matches no agenda item (${items.map((each) => visibleText(each.title)).join(', ')}); its notes are printed under "Other notes".`);
      notes.other.push({ heading: heading.text, html });
      return;
    }
    const first = firstLine.get(item);
    if (first !== undefined) {
      notes.warnings.push(`${file}:${heading.line}: warning: a second heading for the agenda item "${visibleText(items[item]!.title)}" (the first is on line ${first}); both are printed.`);
    } else firstLine.set(item, heading.line);
    if (html !== '') notes.byItem.set(item, `${notes.byItem.get(item) ?? ''}${html}`);
  });
  return notes;
}

function headingsOf(tokens: readonly Token[]): Heading[] {
  const headings: Heading[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== 'heading_open') return;
    const text = (tokens[index + 1]?.children ?? []).map((child) => child.content).join('').trim();
    headings.push({ index, level: Number(token.tag.slice(1)), line: (token.map?.[0] ?? 0) + 1, text });
  });
  return headings;
}

/** HTML of a run of tokens, their headings moved under the pack's item headings (h2): the item level becomes h3. */
function render(tokens: Token[], itemLevel: number): string {
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(6, Math.max(3, Number(token.tag.slice(1)) - itemLevel + 2))}`;
  }
  return md.renderer.render(tokens, md.options, {}).trim();
}
