import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DocumentLink, Hover, Range, SelectionRange, TextEdit } from 'vscode-languageserver-protocol';
import { formatKeepingLineEndings } from '../../language/format/index.js';
import { uriOf } from './harness/cursor.js';
import { writeProjectLayout } from './harness/project-layout.js';
import { useServer } from './harness/session.js';

// the same file under two URIs, an uppercase FILE: scheme, a
// byte order mark under formatting, links to files the analysis refuses, and
// selection ranges asked for outside the text.

/** A project folder beside a folder it must not read from, as files and their texts ('/' ends a folder). */
const layout: Record<string, string> = {
  'outside/secret.sla': 'severity Secret {\n  default\n}\n',
  'outside/days.ics': 'BEGIN:VCALENDAR\nEND:VCALENDAR\n',
  'project/shared.sla': 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n',
  'project/sub.sla/': '',
};
const root = writeProjectLayout('document-identity', layout);
const project = join(root, 'project');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const client = useServer({ today: '2026-06-15' }, () => ({ folders: [project] }));

const office = 'calendar Office {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n}\n';
const onOffice = { line: 0, character: 10 };
const hoverOn = (uri: string) => client().connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: onOffice });

describe('a file open under two URIs is one document', () => {
  const file = join(project, 'aliased.sla');
  const plain = uriOf(file);
  it.each([
    { alias: plain.replace('/aliased.sla', '/./aliased.sla'), closed: 'the alias' },
    { alias: plain.replace('/aliased.sla', '/sub.sla/../aliased.sla'), closed: 'the alias' },
    { alias: plain.replace('/aliased.sla', '/%61liased.sla'), closed: 'the alias' },
    { alias: plain.replace('/aliased.sla', '/./aliased.sla'), closed: 'the first URI' },
  ])('open as $alias too, then $closed closed: the other still answers', async ({ alias, closed }) => {
    await client().open(plain, office);
    await client().open(alias, office);
    const [gone, kept] = closed === 'the alias' ? [alias, plain] : [plain, alias];
    await client().close(gone);
    expect(await hoverOn(kept)).toMatchObject({ contents: { value: expect.stringContaining('Office') } });
    await client().close(kept);
    expect(await hoverOn(kept)).toBeNull();
  });
});

describe('an uppercase FILE: scheme names a file (schemes are case-insensitive)', () => {
  const metric = (calendar: string) => `severity Normal {\n  default\n}\nmetric Reply {\n  measures first response\n  clock ${calendar}\n  target 4 hours\n}\n`;
  const codesOf = async (uri: string, text: string) => {
    const diagnostics = client().diagnostics(uri);
    await client().open(uri, text);
    return (await diagnostics).map((d) => d.code);
  };

  it('its imports are read from its folder', async () => {
    const uri = uriOf(join(project, 'upper.sla')).replace(/^file:/, 'FILE:');
    expect(await codesOf(uri, `import "shared.sla"\n${metric('Office')}`)).toEqual([]);
    const links = await client().connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    expect(links.map((link) => link.target)).toEqual([uriOf(join(project, 'shared.sla'))]);
    await client().close(uri);
  });

  it('an unsaved buffer open under it is what the files importing it read', async () => {
    const draft = uriOf(join(project, 'draft.sla')).replace(/^file:/, 'FILE:');
    await client().open(draft, office.replace('Office', 'Drafted'));
    const importer = uriOf(join(project, 'importer.sla'));
    expect(await codesOf(importer, `import "draft.sla"\n${metric('Drafted')}`)).toEqual([]);
    await client().close(importer);
    await client().close(draft);
  });
});

describe('formatting keeps a leading byte order mark, as slac fmt does', () => {
  const formatted = 'severity High {\n  default\n}\n';
  const apply = (text: string, edits: TextEdit[]) => {
    // Whole-document edits only here: the one edit formatting returns.
    expect(edits.length).toBeLessThanOrEqual(1);
    return edits.length ? edits[0]!.newText : text;
  };
  it.each([
    { what: 'a formatted file', text: `\uFEFF${formatted}` },
    { what: 'a file to format', text: '\uFEFFseverity   High {\n default\n  }\n' },
    { what: 'a formatted file with CRLF line ends', text: `\uFEFF${formatted.replace(/\n/g, '\r\n')}` },
  ])('$what: the mark stays, the rest is formatted as slac fmt formats it', async ({ text }) => {
    const uri = uriOf(join(project, 'bom.sla'));
    await client().open(uri, text);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await client().connection.sendRequest<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options });
    const expected = `\uFEFF${formatKeepingLineEndings(text.slice(1), join(project, 'bom.sla')).text}`;
    expect(apply(text, edits)).toBe(expected);
    if (text === expected) expect(edits).toEqual([]);
    // Formatting the first line alone touches the mark no more than the whole document does.
    const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    const rangeEdits = await client().connection.sendRequest<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options });
    if (text === expected) expect(rangeEdits).toEqual([]);
    await client().close(uri);
  });
});

describe('links are offered only for files the analysis may read', () => {
  it.each([
    { declaration: 'import "../outside/secret.sla"', why: 'outside the project folder' },
    { declaration: `import "${join(root, 'outside', 'secret.sla')}"`, why: 'outside, by an absolute path' },
    { declaration: 'import "sub.sla"', why: 'a folder' },
    { declaration: 'import "."', why: 'the folder itself' },
    { declaration: 'import "/dev/zero"', why: 'a device' },
    { declaration: 'import "pipe.sla"', why: 'a pipe' },
    { declaration: 'calendar Days {\n  timezone "Europe/Berlin"\n  hours Mon-Fri 09:00-17:00\n  holidays from "../outside/days.ics"\n}', why: 'a holiday file outside' },
    { declaration: 'portfolio P {\n  client "Other", "O" uses "../outside/secret.sla"\n}', why: "a portfolio's agreement outside" },
  ])('$declaration ($why): no link; the readable import beside it keeps its own', async ({ declaration }) => {
    const uri = uriOf(join(project, 'links.sla'));
    await client().open(uri, `import "shared.sla"\n${declaration}\n`);
    const links = await client().connection.sendRequest<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri } });
    expect(links.map((link) => link.target)).toEqual([uriOf(join(project, 'shared.sla'))]);
    await client().close(uri);
  });
});

describe('selection ranges for positions outside the text', () => {
  // The text has 4 lines and a last empty one (line 4); 'calendar Office {' is 17 characters long.
  it.each([
    { position: { line: 99, character: 0 }, nearest: { line: 4, character: 0 } },
    { position: { line: 0, character: 99 }, nearest: { line: 0, character: 17 } },
    { position: { line: 4, character: 7 }, nearest: { line: 4, character: 0 } },
  ])('$position is taken as $nearest: every range lies inside the text', async ({ position, nearest }) => {
    const uri = uriOf(join(project, 'selection.sla'));
    await client().open(uri, office);
    const ask = (positions: object[]) =>
      client().connection.sendRequest<SelectionRange[]>('textDocument/selectionRange', { textDocument: { uri }, positions });
    const [outside] = await ask([position]);
    const [inside] = await ask([nearest]);
    expect(outside).toEqual(inside);
    for (let step: SelectionRange | undefined = outside; step; step = step.parent) {
      for (const end of [step.range.start, step.range.end]) {
        expect(end.line).toBeLessThanOrEqual(4);
        expect(end.character).toBeLessThanOrEqual(office.split('\n')[end.line]!.length);
      }
    }
    await client().close(uri);
  });
});
