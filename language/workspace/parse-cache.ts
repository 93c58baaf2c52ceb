import { parseDocument, reparseDocument, type ParseResult } from '../parser/index.js';

/**
 * The last parse of each file, reused while the file's text is unchanged.
 * The language server keeps one across analyses, so an edit re-parses the
 * edited file only, not every file it imports. Parse results are never
 * changed after parsing, so analyses may share them. A changed text is
 * parsed incrementally from the file's last parse (`reparseDocument`): an
 * edit re-parses the declarations around it, not the whole file.
 */
export class ParseCache {
  private readonly entries = new Map<string, { text: string; parse: ParseResult }>();

  /** The parse of `text` as `file`: the cached one when the text is the same, else a new one (which replaces it). */
  parse(text: string, file: string): ParseResult {
    const cached = this.entries.get(file);
    if (cached && cached.text === text) return cached.parse;
    const parse = cached ? reparseDocument(cached.parse, text, file) : parseDocument(text, file);
    this.entries.set(file, { text, parse });
    return parse;
  }

  /** Forgets a file (closed, or deleted). */
  delete(file: string): void {
    this.entries.delete(file);
  }

  /** How many files are cached. */
  get size(): number {
    return this.entries.size;
  }
}
