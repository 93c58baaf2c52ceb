/**
 * The defined-terms check of issue 9, on either text of a document: the
 * generated Markdown, or the PDF as `pdftotext -raw` reads it back. Each
 * format gives its Definitions entries and the rest of the text (the body);
 * the two directions (every defined term used, every term used defined) are
 * the same for both.
 */

/** The terms the Definitions section defines, and the text outside it. */
export interface DocumentTerms {
  defined: string[];
  body: string;
}

/** Terms the generator can write capitalised in the body; each one so used must be defined. */
export const VOCABULARY = [
  'Business Day', 'Business Time', 'Downtime', 'Fee', 'First Response', 'Further Message', 'Paused Time', 'Resolution Estimate',
  'Resolution', 'Scheduled Maintenance', 'Scheduled Time', 'Service', 'Service Credit', 'Severity Level', 'Ticket', 'Update Interval',
];

/** Definitions and body of the Markdown: entries are `- **2.3** **Term** means …`. */
export function markdownTerms(markdown: string): DocumentTerms {
  const definitions = markdown.slice(markdown.indexOf('## 2. Definitions'), markdown.indexOf('\n## 3.'));
  const defined = [...definitions.matchAll(/^- (?:\*\*[\d.]+\*\* )?\*\*([^*]+)\*\* means/gm)].map((match) => match[1]!);
  return { defined, body: markdown.replace(definitions, '') };
}

/** A page footer as pdftotext reads it: `Title, version V Page N of M Fingerprint 0123456789ab`. */
const FOOTER = /^.* Page \d+ of \d+ Fingerprint [0-9a-f]{12}$/;

/**
 * Definitions and body of the PDF text (`pdftotext -raw`, pages joined).
 * Footers are dropped, since a page break may fall inside a definition, and
 * the lines are joined, since a term may wrap ("Business" / "Days"). The
 * Definitions are the lines from the heading `2. Definitions` (the contents
 * line for it ends in a page number) to the next section heading, and each
 * entry is `2.N Term means …`.
 */
export function pdfTerms(text: string): DocumentTerms {
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => !FOOTER.test(line));
  const start = lines.indexOf('2. Definitions');
  const end = lines.findIndex((line, index) => index > start && /^3\. \S/.test(line));
  if (start < 0 || end < 0) throw new Error('the PDF text has no Definitions section followed by section 3');
  const definitions = lines.slice(start + 1, end).join(' ');
  const defined = [...definitions.matchAll(/(?:^| )2\.\d+ ([A-Z][\p{L} ]*?) means\b/gu)].map((match) => match[1]!);
  return { defined, body: [...lines.slice(0, start), ...lines.slice(end)].join(' ') };
}

/**
 * Whether the text uses the term: as defined, capitalised, perhaps plural
 * (`10 Business Days`). A lower-case `ticket` is the ordinary word, and a
 * term followed by another capitalised word is part of a longer name
 * (Service Levels).
 */
export function usesTerm(text: string, term: string): boolean {
  return new RegExp(`(?<![\\w-])${term}s?(?![\\w-]| [A-Z])`).test(text);
}

/** The defined terms the body never uses. */
export function unusedDefinitions({ defined, body }: DocumentTerms): string[] {
  return defined.filter((term) => !usesTerm(body, term));
}

/**
 * The terms of `VOCABULARY` and `otherTerms` (the calendars' hours) the body
 * uses capitalised inside a sentence (not a heading, the start of a sentence
 * or a table cell) that the Definitions do not define.
 */
export function undefinedUses({ defined, body }: DocumentTerms, otherTerms: readonly string[]): string[] {
  const used = [...VOCABULARY, ...otherTerms].filter(
    (term) => new RegExp(`[a-z,(] ${term}(?![\\w-]| [A-Z])`).test(body) || new RegExp(`\\(${term}[,)]`).test(body),
  );
  return used.filter((term) => !defined.includes(term));
}
