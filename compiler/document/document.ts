/**
 * What the agreement document says, independent of how it is written down.
 * The section builders produce this structure from the model; the Markdown
 * renderer is the only place that knows Markdown syntax.
 */

/** A run of inline content. Plain text is escaped when rendered; prose is the author's own Markdown. */
export type Span =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'emphasis'; text: string }
  /** A param not filled in at compile time: shown as a highlighted blank. */
  | { kind: 'blank'; placeholder: string };

export type Inline = Span[];

export type Block =
  | { kind: 'paragraph'; content: Inline }
  /** Markdown written by the agreement's author (purpose, clauses). */
  | { kind: 'prose'; markdown: string }
  | { kind: 'list'; ordered: boolean; items: Inline[] }
  | { kind: 'table'; header: string[]; rows: Inline[][] }
  | { kind: 'signatures'; parties: SignatureParty[] };

export interface SignatureParty {
  role: string;
  party: Inline;
}

export interface Section {
  /** Plain heading text without its number; the renderer numbers sections. */
  title: string;
  blocks: Block[];
  subsections: Section[];
}

export interface AgreementDocument {
  title: string;
  /** Lines under the title: version, effective date, parties. */
  front: Block[];
  sections: Section[];
  /** Lettered appendices after the numbered sections. */
  appendices: Section[];
  /**
   * Hex SHA-256 over every source file, holiday file and param value
   * (compiler/document/fingerprint.ts); the document prints its first 12 digits.
   */
  fingerprint: string;
  /** What the PDF footer shows; `sourceHash` is the fingerprint. */
  footer: { title: string; version?: string; sourceHash: string };
}

/** Shorthand constructors keep the section builders readable. */
export const text = (value: string): Span => ({ kind: 'text', text: value });
export const strong = (value: string): Span => ({ kind: 'strong', text: value });
export const emphasis = (value: string): Span => ({ kind: 'emphasis', text: value });
export const paragraph = (...content: (Span | string)[]): Block => ({
  kind: 'paragraph',
  content: content.map((part) => (typeof part === 'string' ? text(part) : part)),
});
export const list = (items: (Inline | string)[], ordered = false): Block => ({
  kind: 'list',
  ordered,
  items: items.map((item) => (typeof item === 'string' ? [text(item)] : item)),
});
export const table = (header: string[], rows: (Inline | string)[][]): Block => ({
  kind: 'table',
  header,
  rows: rows.map((row) => row.map((cell) => (typeof cell === 'string' ? [text(cell)] : cell))),
});
export const section = (title: string, blocks: Block[], subsections: Section[] = []): Section => ({
  title,
  blocks,
  subsections,
});
