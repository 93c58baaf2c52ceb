import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../language/diagnostics/diagnostic.js';
import { tokenize } from '../../language/lexer/lexer.js';
import { parseDocument, type SlaToken } from '../../language/parser/index.js';
import { analyze, nodeSourceHost, type SourceHost } from '../../language/workspace/index.js';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples');
const examples = [
  ...readdirSync(examplesDir).filter((name) => name.endsWith('.sla')).map((name) => join(examplesDir, name)),
  ...readdirSync(join(examplesDir, 'multilevel')).map((name) => join(examplesDir, 'multilevel', name)),
];
const sources = examples.map((file) => {
  const text = readFileSync(file, 'utf8');
  return { file, text, tokens: parseDocument(text, file).tokens };
});

/** A damaged text, and whether the damage certainly breaks the syntax. */
interface Mutant {
  text: string;
  certainlyBroken: boolean;
  what: string;
}

const JUNK = ['@', '{', '}', '"', '"""', '/*', '*/', '-', ',', '99%', '150%', 'metric', 'override', '\n', '08:00', '25:00', '2026-02-30', '\\', 'ü', '€', '\u0000', '\r', '\t', 'Mon-', '""'];

type Source = (typeof sources)[number];

/** Tokens for a later mutation step: the lexer alone is enough to pick positions. */
function roughTokens(text: string): SlaToken[] {
  return tokenize(text, 'x.sla').tokens.map((token) => ({
    type: token.tokenType.name === 'String' ? 'string' : 'name',
    text: token.image,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    offset: token.startOffset,
    length: token.image.length,
  }));
}
type Mutation = (source: Source, at: number, pick: number) => Mutant;

function tokenAt(source: Source, at: number): SlaToken {
  return source.tokens[at % source.tokens.length]!;
}

function splice(text: string, start: number, deleteCount: number, insert = ''): string {
  return text.slice(0, start) + insert + text.slice(start + deleteCount);
}

const mutations: Record<string, Mutation> = {
  deleteToken: (s, at) => {
    const token = tokenAt(s, at);
    const brace = token.text === '{' || token.text === '}';
    return { text: splice(s.text, token.offset, token.length), certainlyBroken: brace, what: `delete '${token.text}'` };
  },
  duplicateToken: (s, at) => {
    const token = tokenAt(s, at);
    return { text: splice(s.text, token.offset, 0, `${token.text} `), certainlyBroken: false, what: `duplicate '${token.text}'` };
  },
  swapTokens: (s, at) => {
    const first = tokenAt(s, at);
    const second = tokenAt(s, at + 1);
    if (second.offset <= first.offset) return { text: s.text, certainlyBroken: false, what: 'nothing' };
    const text = s.text.slice(0, first.offset) + second.text + s.text.slice(first.offset + first.length, second.offset) + first.text + s.text.slice(second.offset + second.length);
    return { text, certainlyBroken: false, what: `swap '${first.text}' '${second.text}'` };
  },
  deleteQuote: (s, at) => {
    const strings = s.tokens.filter((token) => token.type === 'string' && token.text.endsWith('"') && token.text.length >= 2);
    const token = strings[at % Math.max(1, strings.length)];
    if (!token) return { text: s.text, certainlyBroken: false, what: 'no string' };
    return { text: splice(s.text, token.offset, 1), certainlyBroken: true, what: `open quote of ${token.text}` };
  },
  insertAt: (s, at) => {
    const token = tokenAt(s, at);
    return { text: splice(s.text, token.offset, 0, '@'), certainlyBroken: true, what: `@ before '${token.text}'` };
  },
  deleteCharacters: (s, at, pick) => ({ text: splice(s.text, at % s.text.length, 1 + (pick % 6)), certainlyBroken: false, what: 'delete characters' }),
  duplicateCharacters: (s, at, pick) => {
    const start = at % s.text.length;
    return { text: splice(s.text, start, 0, s.text.slice(start, start + 1 + (pick % 6))), certainlyBroken: false, what: 'duplicate characters' };
  },
  swapCharacters: (s, at) => {
    const i = at % (s.text.length - 1);
    return { text: s.text.slice(0, i) + s.text[i + 1] + s.text[i] + s.text.slice(i + 2), certainlyBroken: false, what: 'swap characters' };
  },
  insertJunk: (s, at, pick) => ({ text: splice(s.text, at % (s.text.length + 1), 0, JUNK[pick % JUNK.length]), certainlyBroken: false, what: `insert ${JSON.stringify(JUNK[pick % JUNK.length])}` }),
  truncate: (s, at) => ({ text: s.text.slice(0, at % s.text.length), certainlyBroken: false, what: 'truncate' }),
};

const mutantArbitrary = fc
  .record({
    source: fc.constantFrom(...sources),
    mutations: fc.array(fc.record({ kind: fc.constantFrom(...Object.keys(mutations)), at: fc.nat(), pick: fc.nat() }), { minLength: 1, maxLength: 3 }),
  })
  .map(({ source, mutations: steps }) => {
    // Several steps: each applies to the text the previous one produced; only a single certain break is certain.
    let mutant: Mutant = { text: source.text, certainlyBroken: false, what: '' };
    for (const [index, step] of steps.entries()) {
      const current = index === 0 ? source : { ...source, text: mutant.text, tokens: roughTokens(mutant.text) };
      if (current.tokens.length === 0 || current.text.length < 2) break;
      const next = mutations[step.kind]!(current, step.at, step.pick);
      mutant = { text: next.text, certainlyBroken: steps.length === 1 && next.certainlyBroken, what: `${mutant.what}${next.what}; ` };
    }
    return { file: source.file, ...mutant };
  });

function expectRangesInside(diagnostics: readonly Diagnostic[], text: string, file: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const diagnostic of diagnostics.filter((d) => d.file === file)) {
    const { start, end } = diagnostic.range;
    for (const position of [start, end]) {
      expect(position.line).toBeGreaterThanOrEqual(0);
      expect(position.line).toBeLessThan(lines.length);
      expect(position.character).toBeGreaterThanOrEqual(0);
      expect(position.character).toBeLessThanOrEqual(lines[position.line]!.length);
    }
    expect(start.line < end.line || (start.line === end.line && start.character <= end.character)).toBe(true);
  }
}

describe('parser on damaged examples', () => {
  it('never throws, keeps ranges inside the text, and reports certain breaks', () => {
    fc.assert(
      fc.property(mutantArbitrary, ({ file, text, certainlyBroken, what }) => {
        const result = parseDocument(text, file);
        expectRangesInside(result.diagnostics, text, file);
        if (certainlyBroken) expect(result.diagnostics.length, what).toBeGreaterThan(0);
        const misplaced = result.tokens.find((token) => text.slice(token.offset, token.offset + token.length) !== token.text);
        expect(misplaced).toBeUndefined();
      }),
      { seed: 20261122, numRuns: 2000 },
    );
  });
});

describe('analysis on damaged examples', () => {
  it('never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(mutantArbitrary, ({ file, text }) => {
        const host: SourceHost = { readFile: (path) => (path === file ? text : nodeSourceHost.readFile(path)) };
        const analysis = analyze(file, host);
        expectRangesInside(analysis.diagnostics, text, file);
        if (analysis.diagnostics.some((d) => d.severity === 'error')) expect(analysis.model).toBeUndefined();
      }),
      { seed: 11222026, numRuns: 300 },
    );
  });
});
