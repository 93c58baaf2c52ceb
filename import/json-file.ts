import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { ImportFileError, type InputFile } from './import-source.js';

/** Whether a file holds one JSON document per line (NDJSON) rather than one document. */
export function isNdjsonFile(file: InputFile): boolean {
  const lower = file.path.toLowerCase();
  return lower.endsWith('.ndjson') || lower.endsWith('.jsonl');
}

/**
 * The JSON document a file holds, as an API page is saved: a page is bounded
 * by the API's page size, so reading it whole keeps memory flat. A file that
 * is not JSON is an `ImportFileError` naming the file, line and column.
 */
export function readJsonFile(file: InputFile): unknown {
  const text = readFileSync(file.path, 'utf8');
  try {
    return JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    throw new ImportFileError(`${file.shown}${jsonErrorPosition(text, error)}: not JSON (${jsonErrorReason(error)})`);
  }
}

/** The text without the UTF-8 byte order mark some editors and Windows tools write first, which `JSON.parse` refuses. */
export function withoutByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What `JSON.parse` said is wrong, without the position `jsonErrorPosition` gives as line and column. */
export function jsonErrorReason(error: unknown): string {
  return (error as Error).message.replace(/(?: in JSON)? at position \d+.*$/, '');
}

/** One line of an NDJSON file: its document, or why it is not one. */
export type NdjsonLine = { line: number; value: unknown } | { line: number; error: string };

/** The documents of an NDJSON file, one per non-blank line, read as a stream. */
export async function* readNdjsonLines(file: InputFile): AsyncGenerator<NdjsonLine> {
  const lines = createInterface({ input: createReadStream(file.path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(line === 1 && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
    } catch (error) {
      yield { line, error: `not JSON (${jsonErrorReason(error)})` };
    }
  }
}

/** `:LINE:COLUMN` of where the text stops being JSON (V8's messages do not always say). */
export function jsonErrorPosition(text: string, error: unknown): string {
  const match = / at position (\d+)/.exec((error as Error).message);
  const offset = match ? Number(match[1]) : firstJsonError(text);
  if (offset === undefined) return '';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `:${line}:${before.length - before.lastIndexOf('\n')}`;
}

/** The offset of the first character that is not JSON, found by a scanner that only validates. */
function firstJsonError(text: string): number | undefined {
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const space = (): void => {
    while (at < text.length && ' \t\r\n'.includes(text[at]!)) at++;
  };
  const fail = (): never => {
    throw at;
  };
  const expect = (literal: string): void => {
    if (text.startsWith(literal, at)) at += literal.length;
    else fail();
  };
  const string = (): void => {
    expect('"');
    const end = /^(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(at, at + 1_000_000));
    if (!end) fail();
    at += end![0].length;
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      at++;
      space();
      if (text[at] === close) return void at++;
      for (;;) {
        if (close === '}') {
          space();
          string();
          space();
          expect(':');
        }
        value();
        space();
        if (text[at] === ',') at++;
        else return expect(close);
      }
    }
    if (c === '"') return string();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(at, at + 400));
    if (!literal) fail();
    at += literal![0].length;
  };
  try {
    value();
    space();
    return at < text.length ? at : undefined;
  } catch (offset) {
    return typeof offset === 'number' ? offset : undefined;
  }
}

/** A plain object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a non-empty trimmed string (numbers too), or undefined. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
