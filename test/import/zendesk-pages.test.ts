import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readPages, type Page } from '../../import/zendesk/pages.js';

/**
 * readPages finds lines in the bytes it reads, chunk by chunk, into one
 * reused buffer: the pages it gives must be those of splitting the whole
 * text at its newlines, whatever falls on a chunk's edge (1 MiB).
 */

const folder = mkdtempSync(join(tmpdir(), 'slac-zendesk-pages-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function pagesOf(text: string): Promise<{ pages: Page[]; unreadable: [number, string][]; progress: number[] }> {
  const file = join(folder, 'pages.jsonl');
  writeFileSync(file, text);
  const pages: Page[] = [];
  const unreadable: [number, string][] = [];
  const progress: number[] = [];
  await readPages(file, 'pages.jsonl', (page) => pages.push(page), (line, reason) => unreadable.push([line, reason]), (bytes) => progress.push(bytes));
  return { pages, unreadable, progress };
}

/** The general path: the whole text split at newlines, blank lines skipped, each line parsed. */
function expectedPages(text: string): Page[] {
  return text
    .split('\n')
    .map((line, index) => ({ line, number: index + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, number }) => ({ body: JSON.parse(line) as Record<string, unknown>, line: number }));
}

/** A page of `events` ticket events whose comments hold `text`. */
function page(events: number, text: string): string {
  return JSON.stringify({ ticket_events: Array.from({ length: events }, (_, id) => ({ id, ticket_id: id, timestamp: 1767618000 + id, child_events: [{ event_type: 'Comment', body: text }] })) });
}

const MiB = 1 << 20;

describe('readPages', () => {
  it.each([
    ['short pages, a trailing newline', `${page(3, 'a')}\n${page(2, 'b')}\n`],
    ['no trailing newline, blank lines between', `${page(3, 'a')}\n\n   \n${page(2, 'b')}`],
    ['a page longer than two chunks', `${page(2, 'x'.repeat(2.5 * MiB))}\n${page(1, 'y')}\n`],
    // Three-byte and four-byte characters throughout, so some straddle the chunks' edges.
    ['multi-byte characters across chunk edges', Array.from({ length: 12 }, (_, index) => page(40, '東京😀é'.repeat(3000 + index * 777))).join('\n')],
    ['a first line longer than a chunk', `${page(1, 'z'.repeat(MiB + 5))}\n${page(1, 'w')}\n`],
  ])('gives the pages of splitting the text at newlines: %s', async (_, text) => {
    const { pages, unreadable, progress } = await pagesOf(text);
    expect(unreadable).toEqual([]);
    expect(pages).toEqual(expectedPages(text));
    expect(progress.at(-1)).toBe(Buffer.byteLength(text));
  });

  it('reports a line that is not JSON with its line number and reads on', async () => {
    const text = `${page(1, 'a')}\n{"ticket_events": [\n${page(1, 'b')}\n`;
    const { pages, unreadable } = await pagesOf(text);
    expect(pages.map((each) => each.line)).toEqual([1, 3]);
    expect(unreadable.map(([line]) => line)).toEqual([2]);
  });

  it('reads a file that is one pretty-printed page as one page without a line', async () => {
    const body = { ticket_events: [{ id: 1, ticket_id: 7, note: 'é'.repeat(MiB) }] };
    const { pages } = await pagesOf(JSON.stringify(body, null, 2));
    expect(pages).toEqual([{ body, line: undefined }]);
  });
});
