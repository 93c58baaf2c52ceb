import { describe, expect, it } from 'vitest';
import { blockContextAt, statementKeywords, parseDocument, type BlockContext } from '../../../language/parser/index.js';

const sample = [
  '// header', //                                  0
  'metric Uptime {', //                            1
  '  measures uptime /* why */', //                2
  '  target P1 2 business days', //                3
  '}', //                                          4
  'calendar Office {', //                          5
  '  hours Mon-Fri 08:00-17:00', //                6
  '  holidays {', //                               7
  '    2026-12-25 "Christmas"', //                 8
  '  }', //                                        9
  '}', //                                          10
  'review { participants { Provider "x" } }', //   11
].join('\n');

describe('editor tokens', () => {
  const { tokens } = parseDocument(sample, 'x.sla');
  const typeOf = (text: string, nth = 0) => tokens.filter((token) => token.text === text)[nth]?.type;

  it('lists every token in order, comments included', () => {
    expect(tokens[0]).toMatchObject({ type: 'comment', text: '// header', offset: 0, length: 9, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } } });
    expect(tokens.map((token) => token.offset)).toEqual([...tokens.map((token) => token.offset)].sort((a, b) => a - b));
    expect(typeOf('/* why */')).toBe('comment');
  });

  it.each([
    ['metric', 'keyword'],
    ['Uptime', 'name'],
    ['uptime', 'keyword'],
    ['P1', 'name'],
    ['2', 'number'],
    ['business', 'unit'],
    ['days', 'unit'],
    ['hours', 'keyword'],
    ['Mon', 'weekday'],
    ['08:00', 'time'],
    ['-', 'punctuation'],
    ['2026-12-25', 'date'],
    ['"Christmas"', 'string'],
    ['Provider', 'name'],
    ['{', 'punctuation'],
  ])('%s is a %s', (text, type) => {
    expect(typeOf(text)).toBe(type);
  });

  it('types a keyword-looking word in a name position as a name', () => {
    const result = parseDocument('metric target { clock hours }', 'x.sla');
    expect(result.diagnostics).toEqual([]);
    expect(result.tokens.map((token) => token.type)).toEqual(['keyword', 'name', 'punctuation', 'keyword', 'name', 'punctuation']);
  });

  it('reads percentages and text blocks', () => {
    const result = parseDocument('metric M { objective 99.9% monthly }\nclause "C" """\n  x\n  """', 'x.sla');
    expect(result.tokens.find((token) => token.text === '99.9%')?.type).toBe('percent');
    expect(result.tokens.at(-1)?.type).toBe('textBlock');
  });
});

describe('block context at a position', () => {
  const { document } = parseDocument(sample, 'x.sla');
  it.each<[number, number, BlockContext]>([
    [0, 3, 'top'],
    [1, 3, 'top'],
    [2, 2, 'metric'],
    [3, 5, 'metric'],
    [4, 0, 'metric'],
    [4, 1, 'top'],
    [6, 2, 'calendar'],
    [8, 4, 'holidays'],
    [9, 2, 'holidays'],
    [9, 3, 'calendar'],
    [11, 9, 'review'],
    [11, 24, 'participants'],
  ])('line %i character %i is in %s', (line, character, context) => {
    expect(blockContextAt(document, { line, character })).toBe(context);
  });

  it('counts the lines below an unclosed block as inside it', () => {
    const unclosed = parseDocument('metric M {\n  title "x"\n  \n\nparam P "p"\n', 'x.sla').document;
    expect(blockContextAt(unclosed, { line: 2, character: 2 })).toBe('metric');
    expect(blockContextAt(unclosed, { line: 3, character: 0 })).toBe('metric');
    expect(blockContextAt(unclosed, { line: 4, character: 3 })).toBe('top');
    const atEnd = parseDocument('calendar C {\n  timezone "x"\n  ', 'x.sla').document;
    expect(blockContextAt(atEnd, { line: 2, character: 2 })).toBe('calendar');
  });

  it('lists the statements each block allows', () => {
    expect(statementKeywords.metric).toEqual(['title', 'measures', 'clock', 'target', 'objective', 'excluding', 'pause']);
    expect(statementKeywords.top).toContain('override');
  });
});
