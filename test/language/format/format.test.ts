import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../../language/format/index.js';
import { parseDocument } from '../../../language/parser/index.js';
import { exampleFiles } from '../parser/example-files.js';

/** The syntax tree without positions: what a text means, not where it is written. */
function meaning(text: string): unknown {
  const { document } = parseDocument(text, 'same.sla');
  return JSON.parse(
    JSON.stringify(document, (key, value) => {
      if (key === 'range' || key === 'keywordRange' || key === 'periodRange' || key === 'annually' || key === 'via' || key === 'never' || key === 'comments') return undefined;
      if (key === 'override') return true;
      if (key === 'unclosed') return undefined;
      return value;
    }),
  );
}

function commentTexts(text: string): string[] {
  return parseDocument(text, 'x.sla').document.comments.map((comment) => comment.text.trimEnd());
}

const messyInputs: Record<string, string> = {
  'one line': 'metric X{title "a" measures first response clock C target P1 4 hours objective 95% monthly}',
  'comments everywhere': [
    '// header',
    '',
    '',
    'metric   X{title "a\\"b" // after title',
    'measures   first /* inside */',
    'response',
    '/* before clock */',
    'clock C    target P1 // a line comment mid-statement',
    '  4 hours',
    '',
    '',
    '  objective 95% monthly',
    '   // last in block',
    '}   // after the block',
    '/* between */ param P "x"',
  ].join('\n'),
  'calendar lists': 'calendar C { timezone "x" hours Mon , Wed-Fri 08:00 - 12:00,13:00-17:00 holidays { 2026-12-24 hours 08:00-12:00 "Eve" } }\nchannel E {}',
  'text blocks': 'clause "T" """\n      indented\n        more\n\n    less"""\nagreement A { purpose """One line""" title """\n\t\tx\n\t\t""" }',
  'windows line endings': 'param A "x"\r\n// c\r\nparam B "y"\r\n',
  'escapes': 'param A "back\\\\slash \\"quoted\\" \\n newline"',
  'blank file': '\n\n',
  'only comments': '// one\n\n\n/* two */',
  'language 1.1': [
    'calendar Office { timezone "Europe/Berlin" hours Mon-Fri 08:00-17:00 holidays "DE-BE"   holidays from "x.ics" holidays { annually 12-24 hours 08:00-12:00 "Christmas Eve"   2026-06-04 "Company day" } }',
    'channel Email { contact "a@b.c"   matches "email" ,"mail" }',
    'severity P1 { description "x" matches "urgent" default }',
    'metric NextReply { measures next reply clock Office target via Email 2 hours target P1 via Email 1 hour    // fast',
    '  pause when status "On hold","Waiting" }',
    'metric M2 { measures first response clock Office target 1 hour pause never }',
    'maintenance { window Office notice 2 days at most 4 hours monthly }',
    'portfolio Customers { client "A" , "B" uses "a.sla" with Customer "A" with Other "x" others use "b.sla" }',
  ].join('\n'),
  'contract terms': [
    'severities { assigned by Provider "when it receives the Ticket"   changed by Provider // reasonable',
    '  "on request" changed by Client }',
    'measurement {records "the Provider\'s Zendesk instance"}',
    'term "Business Hours"   """',
    '      The hours of the Office calendar.',
    '    """ term "Service" "the hosting service"',
    'credits { fee "the monthly fee" when Uptime below 99% credit 10% claim within 30 days by "email to billing@example.com" sole remedy /* only */ cap 20% }',
  ].join('\n'),
  'review': 'review { every 3 months also on request participants { Provider "a" Client """b""" } agenda { "x" "y" } report { "r" } notify changes by email amendments "z" }',
};

describe('formatter', () => {
  const inputs = [
    ...exampleFiles().map((file) => [file, readFileSync(file, 'utf8')] as const),
    ...Object.entries(messyInputs),
  ];

  it.each(inputs)('is idempotent, keeps the meaning and every comment: %s', (_name, text) => {
    const once = formatText(text, 'x.sla');
    expect(once.diagnostics).toEqual([]);
    expect(formatText(once.text, 'x.sla').text).toBe(once.text);
    expect(meaning(once.text)).toEqual(meaning(text));
    expect(commentTexts(once.text)).toEqual(commentTexts(text));
    expect(parseDocument(once.text, 'x.sla').diagnostics).toEqual([]);
  });

  it('lays out the canonical form', () => {
    expect(formatText(messyInputs['one line']!, 'x.sla').text).toBe(
      'metric X {\n  title "a"\n  measures first response\n  clock C\n  target P1 4 hours\n  objective 95% monthly\n}\n',
    );
    expect(formatText(messyInputs['calendar lists']!, 'x.sla').text).toBe(
      [
        'calendar C {',
        '  timezone "x"',
        '  hours Mon, Wed-Fri 08:00-12:00, 13:00-17:00',
        '  holidays {',
        '    2026-12-24 hours 08:00-12:00 "Eve"',
        '  }',
        '}',
        '',
        'channel E {}',
        '',
      ].join('\n'),
    );
  });

  it('lays out the language 1.1 constructs one statement per line', () => {
    expect(formatText(messyInputs['language 1.1']!, 'x.sla').text).toBe(
      [
        'calendar Office {',
        '  timezone "Europe/Berlin"',
        '  hours Mon-Fri 08:00-17:00',
        '  holidays "DE-BE"',
        '  holidays from "x.ics"',
        '  holidays {',
        '    annually 12-24 hours 08:00-12:00 "Christmas Eve"',
        '    2026-06-04 "Company day"',
        '  }',
        '}',
        '',
        'channel Email {',
        '  contact "a@b.c"',
        '  matches "email", "mail"',
        '}',
        '',
        'severity P1 {',
        '  description "x"',
        '  matches "urgent"',
        '  default',
        '}',
        '',
        'metric NextReply {',
        '  measures next reply',
        '  clock Office',
        '  target via Email 2 hours',
        '  target P1 via Email 1 hour // fast',
        '  pause when status "On hold", "Waiting"',
        '}',
        '',
        'metric M2 {',
        '  measures first response',
        '  clock Office',
        '  target 1 hour',
        '  pause never',
        '}',
        '',
        'maintenance {',
        '  window Office',
        '  notice 2 days',
        '  at most 4 hours monthly',
        '}',
        '',
        'portfolio Customers {',
        '  client "A", "B" uses "a.sla" with Customer "A" with Other "x"',
        '  others use "b.sla"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('lays out the contract-terms constructs one statement per line', () => {
    expect(formatText(messyInputs['contract terms']!, 'x.sla').text).toBe(
      [
        'severities {',
        '  assigned by Provider "when it receives the Ticket"',
        '  changed by Provider // reasonable',
        '    "on request"',
        '  changed by Client',
        '}',
        '',
        'measurement {',
        '  records "the Provider\'s Zendesk instance"',
        '}',
        '',
        'term "Business Hours" """',
        '  The hours of the Office calendar.',
        '  """',
        '',
        'term "Service" "the hosting service"',
        '',
        'credits {',
        '  fee "the monthly fee"',
        '  when Uptime below 99% credit 10%',
        '  claim within 30 days by "email to billing@example.com"',
        '  sole remedy /* only */',
        '  cap 20%',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('keeps comments where they were', () => {
    expect(formatText(messyInputs['comments everywhere']!, 'x.sla').text).toBe(
      [
        '// header',
        '',
        'metric X {',
        '  title "a\\"b" // after title',
        '  measures first /* inside */ response',
        '  /* before clock */',
        '  clock C',
        '  target P1 // a line comment mid-statement',
        '    4 hours',
        '',
        '  objective 95% monthly',
        '  // last in block',
        '} // after the block',
        '',
        '/* between */',
        'param P "x"',
        '',
      ].join('\n'),
    );
  });

  it('re-indents text blocks one level deeper than their statement', () => {
    expect(formatText(messyInputs['text blocks']!, 'x.sla').text).toBe(
      [
        'clause "T" """',
        '    indented',
        '      more',
        '',
        '  less',
        '  """',
        '',
        'agreement A {',
        '  purpose """',
        '    One line',
        '    """',
        '  title """',
        '    x',
        '    """',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('reports unchanged when the text is already canonical', () => {
    const canonical = 'param A "x"\n';
    expect(formatText(canonical, 'x.sla')).toEqual({ text: canonical, diagnostics: [], changed: false });
    expect(formatText('param  A "x"', 'x.sla').changed).toBe(true);
  });

  it('refuses to change a text with syntax errors', () => {
    const broken = 'metric   X {  title  }\nparam  P "x"';
    const result = formatText(broken, 'x.sla');
    expect(result.text).toBe(broken);
    expect(result.changed).toBe(false);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['SLA1010']);
  });

  it('is idempotent and keeps meaning and comments when comments and line breaks are scattered through an example', () => {
    const examples = exampleFiles().map((file) => readFileSync(file, 'utf8'));
    const scatter = ['\n', '\n\n', ' ', '\t', '// note\n', '/* aside */', '/* two\n   lines */', '\r\n', '  // at the end of a line\n'];
    const edited = fc
      .record({
        example: fc.nat({ max: examples.length - 1 }),
        edits: fc.array(fc.record({ token: fc.nat(), after: fc.boolean(), insert: fc.constantFrom(...scatter) }), { minLength: 1, maxLength: 6 }),
      })
      .map(({ example, edits }) => {
        const text = examples[example]!;
        const tokens = parseDocument(text, 'x.sla').tokens;
        // Insert between tokens, from the end backwards so earlier offsets stay valid.
        const points = edits
          .map(({ token, after, insert }) => ({ at: tokens[token % tokens.length]!.offset + (after ? tokens[token % tokens.length]!.length : 0), insert }))
          .sort((a, b) => b.at - a.at);
        return points.reduce((current, { at, insert }) => current.slice(0, at) + insert + current.slice(at), text);
      });
    fc.assert(
      fc.property(edited, (text) => {
        const once = formatText(text, 'x.sla');
        if (once.diagnostics.length > 0) return; // a line comment may have hidden code: not a formatting case
        expect(formatText(once.text, 'x.sla').text).toBe(once.text);
        expect(meaning(once.text)).toEqual(meaning(text));
        expect(commentTexts(once.text)).toEqual(commentTexts(text));
      }),
      { seed: 424242, numRuns: 300 },
    );
  });
});
