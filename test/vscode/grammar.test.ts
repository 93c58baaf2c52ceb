// The TextMate grammar against the real examples: a table of scope
// expectations per example (text addressed by the line that contains it),
// and a sweep that no construct of any example is left uncoloured.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tokenizeSource, type ScopedToken } from './tokenize.js';

/** `text` (its `nth` occurrence, default 0) on the first line containing `line` carries `scope` on every token. */
interface ScopeExpectation {
  line: string;
  text: string;
  scope: string;
  nth?: number;
}

const expectations: Record<string, ScopeExpectation[]> = {
  'hosting.sla': [
    { line: '// Managed web hosting', text: '// Managed web hosting agreement', scope: 'comment.line.double-slash' },
    { line: '// Managed web hosting', text: '//', scope: 'punctuation.definition.comment' },
    { line: 'agreement ManagedHosting', text: 'agreement', scope: 'storage.type.agreement' },
    { line: 'agreement ManagedHosting', text: 'ManagedHosting', scope: 'entity.name.type.agreement' },
    { line: 'agreement ManagedHosting', text: '{', scope: 'punctuation.section.block.begin' },
    { line: 'title "Managed Hosting', text: 'title', scope: 'keyword.other.statement' },
    { line: 'title "Managed Hosting', text: '"Managed Hosting Service Level Agreement"', scope: 'string.quoted.double' },
    { line: 'version "2.3"', text: 'version', scope: 'keyword.other.statement' },
    { line: 'effective 2026-04-01', text: '2026-04-01', scope: 'constant.numeric.date' },
    { line: 'client CustomerName', text: 'client', scope: 'keyword.other.statement' },
    { line: 'client CustomerName', text: 'CustomerName', scope: 'variable.other.reference' },
    { line: 'purpose """', text: '"""', scope: 'string.quoted.triple' },
    { line: 'purpose """', text: '"""', scope: 'punctuation.definition.string.begin' },
    { line: 'service. This agreement sets out', text: 'service. This agreement sets out', scope: 'string.quoted.triple' },
    { line: 'Provider commits to.', text: 'Provider commits to.', scope: 'string.quoted.triple' },
    { line: 'param CustomerName', text: 'param', scope: 'storage.type.param' },
    { line: 'param CustomerName', text: 'CustomerName', scope: 'entity.name.variable.param' },
    { line: 'param CustomerName', text: '"COMPANY NAME HERE"', scope: 'string.quoted.double' },
    { line: 'calendar Office', text: 'calendar', scope: 'storage.type.calendar' },
    { line: 'calendar Office', text: 'Office', scope: 'entity.name.type.calendar' },
    { line: 'timezone "Europe/Berlin"', text: 'timezone', scope: 'keyword.other.statement' },
    { line: 'hours Mon-Thu', text: 'hours', scope: 'keyword.other.statement' },
    { line: 'hours Mon-Thu', text: 'Mon-Thu', scope: 'meta.weekday-range' },
    { line: 'hours Mon-Thu', text: 'Mon', scope: 'constant.other.weekday' },
    { line: 'hours Mon-Thu', text: 'Thu', scope: 'constant.other.weekday' },
    { line: 'hours Mon-Thu', text: '-', scope: 'punctuation.separator.range' },
    { line: 'hours Mon-Thu', text: '08:00-12:00', scope: 'meta.time-range' },
    { line: 'hours Mon-Thu', text: '08:00', scope: 'constant.numeric.time' },
    { line: 'hours Mon-Thu', text: '12:00', scope: 'constant.numeric.time' },
    { line: 'hours Mon-Thu', text: ',', scope: 'punctuation.separator.comma' },
    { line: 'hours Mon-Thu', text: '17:00', scope: 'constant.numeric.time' },
    { line: 'hours Fri 08:00-14:00', text: 'Fri', scope: 'constant.other.weekday' },
    { line: 'holidays {', text: 'holidays', scope: 'keyword.other.statement' },
    { line: 'holidays "DE-BE"', text: 'holidays', scope: 'keyword.other.statement' },
    { line: 'holidays "DE-BE"', text: '"DE-BE"', scope: 'string.quoted.double' },
    { line: 'annually 12-24 hours', text: 'annually', scope: 'keyword.other.statement' },
    { line: 'annually 12-24 hours', text: '12-24', scope: 'constant.numeric.date.month-day' },
    { line: 'annually 12-24 hours', text: 'hours', scope: 'keyword.other.statement' },
    { line: 'annually 12-24 hours', text: '08:00-12:00', scope: 'meta.time-range' },
    { line: 'annually 12-24 hours', text: '"Christmas Eve"', scope: 'string.quoted.double' },
    { line: 'annually 12-31 hours', text: '12-31', scope: 'constant.numeric.date.month-day' },
    { line: 'hours Mon-Sun 00:00-24:00', text: '24:00', scope: 'constant.numeric.time' },
    { line: 'hours Sun-Thu 22:00-06:00', text: 'Sun-Thu', scope: 'meta.weekday-range' },
    { line: 'hours Sun-Thu 22:00-06:00', text: '22:00-06:00', scope: 'meta.time-range' },
    { line: 'channel Phone', text: 'channel', scope: 'storage.type.channel' },
    { line: 'channel Phone', text: 'Phone', scope: 'entity.name.type.channel' },
    { line: 'contact "+49 30 555 0199"', text: 'contact', scope: 'keyword.other.statement' },
    { line: '  hours Office', text: 'Office', scope: 'variable.other.reference' },
    { line: '}', text: '}', scope: 'punctuation.section.block.end' },
    { line: 'contact "https://status.northwind.example"', text: '"https://status.northwind.example"', scope: 'string.quoted.double' },
    { line: 'matches "email", "mail"', text: 'matches', scope: 'keyword.other.statement' },
    { line: 'matches "email", "mail"', text: '"mail"', scope: 'string.quoted.double' },
    { line: 'matches "urgent"', text: 'matches', scope: 'keyword.other.statement' },
    { line: 'severity P1', text: 'severity', scope: 'storage.type.severity' },
    { line: 'severity P1', text: 'P1', scope: 'entity.name.type.severity' },
    { line: 'description "The production', text: 'description', scope: 'keyword.other.statement' },
    { line: '  default', text: 'default', scope: 'storage.modifier.default' },
    { line: 'pause when status', text: 'pause', scope: 'storage.type.pause' },
    { line: 'pause when status', text: 'when', scope: 'keyword.other.statement' },
    { line: 'pause when status', text: 'status', scope: 'keyword.other.statement' },
    { line: 'pause when status', text: ',', scope: 'punctuation.separator.comma' },
    { line: 'metric FirstResponse', text: 'metric', scope: 'storage.type.metric' },
    { line: 'metric FirstResponse', text: 'FirstResponse', scope: 'entity.name.function.metric' },
    { line: 'measures first response', text: 'measures', scope: 'keyword.other.statement' },
    { line: 'measures first response', text: 'first response', scope: 'support.constant.measure' },
    { line: 'measures first response', text: '// automated replies never count', scope: 'comment.line.double-slash' },
    { line: 'clock OnCall', text: 'clock', scope: 'keyword.other.statement' },
    { line: 'clock OnCall', text: 'OnCall', scope: 'variable.other.reference' },
    { line: 'target P1 15 minutes', text: 'target', scope: 'keyword.other.statement' },
    { line: 'target P1 15 minutes', text: 'P1', scope: 'variable.other.reference' },
    { line: 'target P1 15 minutes', text: '15', scope: 'constant.numeric' },
    { line: 'target P1 15 minutes', text: 'minutes', scope: 'keyword.other.unit' },
    { line: 'target P2 1 hour', text: 'hour', scope: 'keyword.other.unit' },
    { line: 'target P3 via Email 4 hours', text: 'via', scope: 'keyword.operator.word' },
    { line: 'target P3 via Email 4 hours', text: 'Email', scope: 'variable.other.reference' },
    { line: 'target P3 via Email 4 hours', text: 'hours', scope: 'keyword.other.unit' },
    { line: 'measures next reply', text: 'next reply', scope: 'support.constant.measure' },
    { line: 'pause never', text: 'pause', scope: 'storage.type.pause' },
    { line: 'pause never', text: 'never', scope: 'keyword.other.statement' },
    { line: 'target P2 2 business days', text: 'business days', scope: 'keyword.other.unit' },
    { line: 'target P3 10 business days', text: '10', scope: 'constant.numeric' },
    { line: 'objective 95% monthly', text: 'objective', scope: 'keyword.other.statement' },
    { line: 'objective 95% monthly', text: '95%', scope: 'constant.numeric.percentage' },
    { line: 'objective 95% monthly', text: 'monthly', scope: 'constant.language.period' },
    { line: 'objective 90% quarterly', text: 'quarterly', scope: 'constant.language.period' },
    { line: 'metric Fix', text: 'Fix', scope: 'entity.name.function.metric' },
    { line: 'measures resolution', text: 'resolution', scope: 'support.constant.measure' },
    { line: 'measures update interval', text: 'update interval', scope: 'support.constant.measure' },
    { line: 'measures uptime', text: 'uptime', scope: 'support.constant.measure' },
    { line: 'excluding maintenance', text: 'excluding', scope: 'keyword.other.statement' },
    { line: 'excluding maintenance', text: 'maintenance', scope: 'keyword.other.statement' },
    { line: 'objective 99.9% monthly', text: '99.9%', scope: 'constant.numeric.percentage' },
    { line: 'maintenance {', text: 'maintenance', scope: 'storage.type.maintenance' },
    { line: 'window SundayNight', text: 'window', scope: 'keyword.other.statement' },
    { line: 'window SundayNight', text: 'SundayNight', scope: 'variable.other.reference' },
    { line: 'notice 5 days', text: 'notice', scope: 'keyword.other.statement' },
    { line: 'notice 5 days', text: 'days', scope: 'keyword.other.unit' },
    { line: 'at most 8 hours monthly', text: 'at most', scope: 'keyword.other.statement' },
    { line: 'at most 8 hours monthly', text: '8', scope: 'constant.numeric' },
    { line: 'at most 8 hours monthly', text: 'monthly', scope: 'constant.language.period' },
    { line: 'escalation {', text: 'escalation', scope: 'storage.type.escalation' },
    { line: 'level 1 "Senior', text: 'level', scope: 'keyword.other.statement' },
    { line: 'level 1 "Senior', text: '1', scope: 'constant.numeric' },
    { line: 'level 1 "Senior', text: 'at', scope: 'keyword.operator.word' },
    { line: 'level 1 "Senior', text: '50%', scope: 'constant.numeric.percentage' },
    { line: 'level 1 "Senior', text: 'of', scope: 'keyword.operator.word' },
    { line: 'level 1 "Senior', text: 'Fix', scope: 'variable.other.reference' },
    { line: 'credits {', text: 'credits', scope: 'storage.type.credits' },
    { line: 'when Uptime below 99.5%', text: 'Uptime', scope: 'variable.other.reference' },
    { line: 'when Uptime below 99.5%', text: 'below', scope: 'keyword.operator.word' },
    { line: 'when Uptime below 99.5%', text: 'credit', scope: 'keyword.other.statement' },
    { line: 'when Uptime below 99.5%', text: '10%', scope: 'constant.numeric.percentage' },
    { line: 'when Uptime below 99% credit', text: '99%', scope: 'constant.numeric.percentage' },
    { line: 'cap 30%', text: 'cap', scope: 'keyword.other.statement' },
    { line: 'cap 30%', text: '30%', scope: 'constant.numeric.percentage' },
    { line: 'responsibilities Provider', text: 'responsibilities', scope: 'storage.type.responsibilities' },
    { line: 'responsibilities Provider', text: 'Provider', scope: 'variable.language.party' },
    { line: 'responsibilities Client', text: 'Client', scope: 'variable.language.party' },
    { line: 'clause "Emergency maintenance"', text: 'clause', scope: 'storage.type.clause' },
    { line: 'clause "Emergency maintenance"', text: '"Emergency maintenance"', scope: 'string.quoted.double' },
    { line: 'clause "Emergency maintenance"', text: '"""', scope: 'string.quoted.triple' },
    { line: 'window without notice. Such work', text: 'window without notice. Such work', scope: 'string.quoted.triple' },
    { line: 'review {', text: 'review', scope: 'storage.type.review' },
    { line: 'every 3 months', text: 'every', scope: 'keyword.other.statement' },
    { line: 'every 3 months', text: 'months', scope: 'keyword.other.unit' },
    { line: 'also on request', text: 'also', scope: 'keyword.other.statement' },
    { line: 'also on request', text: 'on', scope: 'keyword.operator.word' },
    { line: 'also on request', text: 'request', scope: 'keyword.other.statement' },
    { line: 'amendments "This agreement', text: 'amendments', scope: 'keyword.other.statement' },
  ],
  'letsflo.sla': [
    { line: 'hours Mon-Fri 09:00-17:30', text: 'Mon-Fri', scope: 'meta.weekday-range' },
    { line: 'hours Mon-Fri 09:00-17:30', text: '17:30', scope: 'constant.numeric.time' },
    { line: 'contact "support@letsflo.co"', text: 'contact', scope: 'keyword.other.statement' },
    { line: 'holidays "GB-ENG"', text: '"GB-ENG"', scope: 'string.quoted.double' },
    { line: 'severity Normal', text: 'Normal', scope: 'entity.name.type.severity' },
    { line: '  default', text: 'default', scope: 'storage.modifier.default' },
    { line: 'maintenance {', text: 'maintenance', scope: 'storage.type.maintenance' },
    { line: 'notice 3 days', text: 'notice', scope: 'keyword.other.statement' },
    { line: 'at most 4 hours monthly', text: 'most', scope: 'keyword.other.statement' },
    { line: 'target Normal 5 business days', text: 'business days', scope: 'keyword.other.unit' },
    { line: 'objective 99.5% monthly', text: '99.5%', scope: 'constant.numeric.percentage' },
    { line: 'every 12 months', text: '12', scope: 'constant.numeric' },
    { line: 'also after major incident', text: 'after', scope: 'keyword.operator.word' },
    { line: 'also after major incident', text: 'major', scope: 'keyword.other.statement' },
    { line: 'also after major incident', text: 'incident', scope: 'keyword.other.statement' },
    { line: 'participants {', text: 'participants', scope: 'keyword.other.statement' },
    { line: 'Provider "User Support', text: 'Provider', scope: 'variable.language.party' },
    { line: 'Client "Key personnel', text: 'Client', scope: 'variable.language.party' },
    { line: 'agenda {', text: 'agenda', scope: 'keyword.other.statement' },
    { line: '"Performance metrics"', text: '"Uptime percentage, incident response', scope: 'string.quoted.double' },
    { line: 'report {', text: 'report', scope: 'keyword.other.statement' },
    { line: 'notify changes by email', text: 'notify', scope: 'keyword.other.statement' },
    { line: 'notify changes by email', text: 'changes', scope: 'keyword.other.statement' },
    { line: 'notify changes by email', text: 'by', scope: 'keyword.operator.word' },
    { line: 'notify changes by email', text: 'email', scope: 'keyword.other.statement' },
  ],
  'poologics.sla': [
    { line: '// Filled in at compile time', text: 'ClientName="Acme Ltd"', scope: 'comment.line.double-slash' },
    { line: 'holidays "US"', text: '"US"', scope: 'string.quoted.double' },
    { line: 'channel Chat', text: 'Chat', scope: 'entity.name.type.channel' },
    { line: 'hours BusinessHours', text: 'BusinessHours', scope: 'variable.other.reference' },
    { line: 'excluding maintenance', text: 'maintenance', scope: 'keyword.other.statement' },
    { line: 'maintenance {', text: 'maintenance', scope: 'storage.type.maintenance' },
    { line: 'target 20 minutes', text: '20', scope: 'constant.numeric' },
    { line: 'target 20 minutes', text: 'minutes', scope: 'keyword.other.unit' },
    { line: 'measures first estimate', text: 'first estimate', scope: 'support.constant.measure' },
    { line: 'target 24 hours', text: 'hours', scope: 'keyword.other.unit' },
    { line: 'level 3 "Product Team"', text: '200%', scope: 'constant.numeric.percentage' },
    { line: 'level 3 "Product Team"', text: 'Resolution', scope: 'variable.other.reference' },
    { line: 'metric ResolutionEstimate', text: 'ResolutionEstimate', scope: 'entity.name.function.metric' },
  ],
  'multilevel/corporate.sla': [
    { line: 'holidays "ES-MD"', text: '"ES-MD"', scope: 'string.quoted.double' },
    { line: 'hours Mon-Fri 08:30-18:30', text: '08:30-18:30', scope: 'meta.time-range' },
    { line: '  default', text: 'default', scope: 'storage.modifier.default' },
    { line: 'target Medium 3 business days', text: 'business days', scope: 'keyword.other.unit' },
  ],
  'multilevel/finance.sla': [
    { line: 'import "corporate.sla"', text: 'import', scope: 'keyword.control.import' },
    { line: 'import "corporate.sla"', text: '"corporate.sla"', scope: 'string.quoted.double' },
    { line: 'override metric Resolution', text: 'override', scope: 'storage.modifier.override' },
    { line: 'override metric Resolution', text: 'metric', scope: 'storage.type.metric' },
    { line: 'override metric Resolution', text: 'Resolution', scope: 'entity.name.function.metric' },
    { line: 'target Medium 1 business day', text: 'business day', scope: 'keyword.other.unit' },
    { line: 'client "Finance Department"', text: '"Finance Department"', scope: 'string.quoted.double' },
    { line: 'Department. Month-end payroll', text: 'Month-end payroll runs', scope: 'string.quoted.triple' },
    { line: 'level 1 "Service desk team lead"', text: '75%', scope: 'constant.numeric.percentage' },
  ],
  'multilevel/hr.sla': [
    { line: 'import "corporate.sla"', text: 'import', scope: 'keyword.control.import' },
    { line: 'agreement HumanResources', text: 'HumanResources', scope: 'entity.name.type.agreement' },
  ],
  'multilevel/departments.sla': [
    { line: 'portfolio Departments', text: 'portfolio', scope: 'storage.type.portfolio' },
    { line: 'portfolio Departments', text: 'Departments', scope: 'entity.name.type.portfolio' },
    { line: 'client "Finance Department"', text: 'client', scope: 'keyword.other.statement' },
    { line: 'client "Finance Department"', text: '"Finance Department"', scope: 'string.quoted.double' },
    { line: 'client "Finance Department"', text: ',', scope: 'punctuation.separator.comma' },
    { line: 'client "Finance Department"', text: 'uses', scope: 'keyword.operator.word' },
    { line: 'client "Finance Department"', text: '"finance.sla"', scope: 'string.quoted.double' },
  ],
};

/** Constructs the examples do not show but the language allows. */
const syntheticSource = [
  '/* a block comment',
  '   over two lines */ calendar Night {',
  '  hours Sat - Sun 22:00 - 06:00',
  '  contact "say \\"hi\\" \\\\ then\\n" "bad \\q escape"',
  '}',
  'calendar Office { holidays from "company-days.ics" }',
  'metric Phone { target P1 via Email 30 minutes pause when status "On hold" }',
  'portfolio Customers {',
  '  client "Globex" uses "standard.sla" with ClientName "Globex"',
  '  others use "standard.sla"',
  '}',
  'holidays { 2026-12-24 "Eve" annually 02-29 "Leap day" }',
].join('\n');

const syntheticExpectations: ScopeExpectation[] = [
  { line: '/* a block comment', text: '/* a block comment', scope: 'comment.block' },
  { line: 'over two lines */', text: 'over two lines */', scope: 'comment.block' },
  { line: 'over two lines */', text: 'calendar', scope: 'storage.type.calendar' },
  { line: 'over two lines */', text: 'Night', scope: 'entity.name.type.calendar' },
  { line: 'hours Sat - Sun', text: 'Sat - Sun', scope: 'meta.weekday-range' },
  { line: 'hours Sat - Sun', text: '22:00 - 06:00', scope: 'meta.time-range' },
  { line: 'contact "say', text: '\\"', scope: 'constant.character.escape' },
  { line: 'contact "say', text: '\\\\', scope: 'constant.character.escape' },
  { line: 'contact "say', text: '\\n', scope: 'constant.character.escape' },
  { line: 'contact "say', text: '\\q', scope: 'invalid.illegal.unknown-escape' },
  { line: 'contact "say', text: ' then', scope: 'string.quoted.double' },
  { line: 'holidays from', text: 'from', scope: 'keyword.operator.word' },
  { line: 'holidays from', text: '"company-days.ics"', scope: 'string.quoted.double' },
  { line: 'target P1 via Email', text: 'via', scope: 'keyword.operator.word' },
  { line: 'target P1 via Email', text: 'Email', scope: 'variable.other.reference' },
  { line: 'target P1 via Email', text: 'status', scope: 'keyword.other.statement' },
  { line: 'client "Globex"', text: 'uses', scope: 'keyword.operator.word' },
  { line: 'client "Globex"', text: 'with', scope: 'keyword.operator.word' },
  { line: 'client "Globex"', text: 'ClientName', scope: 'variable.other.reference' },
  { line: 'others use', text: 'others', scope: 'keyword.other.statement' },
  { line: 'others use', text: 'use', scope: 'keyword.operator.word' },
  { line: 'annually 02-29', text: '2026-12-24', scope: 'constant.numeric.date' },
  { line: 'annually 02-29', text: '02-29', scope: 'constant.numeric.date.month-day' },
];

const exampleFiles = Object.keys(expectations);

function readExample(name: string): string {
  return readFileSync(join(repoRoot, 'examples', name), 'utf8');
}

function hasScope(token: ScopedToken, scope: string): boolean {
  return token.scopes.some((s) => s === scope || s.startsWith(`${scope}.`));
}

/** The scopes found under `expectation.text`, as one readable string per token, or a reason it was not found. */
function scopesUnder(source: string, lines: ScopedToken[][], expectation: ScopeExpectation): string[] {
  const sourceLines = source.split(/\r?\n/);
  const lineIndex = sourceLines.findIndex((text) => text.includes(expectation.line));
  if (lineIndex < 0) return [`no line contains ${JSON.stringify(expectation.line)}`];
  const lineText = sourceLines[lineIndex]!;
  let start = lineText.indexOf(expectation.text);
  for (let n = 0; n < (expectation.nth ?? 0) && start >= 0; n += 1) start = lineText.indexOf(expectation.text, start + 1);
  if (start < 0) return [`${JSON.stringify(expectation.text)} not on line ${lineIndex + 1}`];
  const end = start + expectation.text.length;
  const covering = lines[lineIndex]!.filter((t) => t.end > start && t.start < end && t.text.trim() !== '');
  return covering.filter((t) => !hasScope(t, expectation.scope)).map((t) => `${JSON.stringify(t.text)}: ${t.scopes.join(' ')}`);
}

describe('TextMate grammar: scopes in the examples', () => {
  it.each(exampleFiles.flatMap((file) => expectations[file]!.map((e) => [file, e.text, e.scope, e] as const)))(
    '%s: %s is %s',
    async (file, _text, _scope, expectation) => {
      const source = readExample(file);
      expect(scopesUnder(source, await tokenizeSource(source), expectation)).toEqual([]);
    },
  );
});

describe('TextMate grammar: constructs beyond the examples', () => {
  it.each(syntheticExpectations.map((e) => [e.text, e.scope, e] as const))('%s is %s', async (_text, _scope, expectation) => {
    expect(scopesUnder(syntheticSource, await tokenizeSource(syntheticSource), expectation)).toEqual([]);
  });

  it('a stray character is marked invalid, not left plain', async () => {
    const [line] = await tokenizeSource('metric A { target 1 hour ; }');
    const semicolon = line!.find((t) => t.text === ';');
    expect(semicolon && hasScope(semicolon, 'invalid.illegal')).toBe(true);
  });
});

describe('TextMate grammar: every construct of every example is coloured', () => {
  it.each(exampleFiles)('%s has no token with only the root scope', async (file) => {
    const lines = await tokenizeSource(readExample(file));
    const plain = lines.flat().filter((t) => t.text.trim() !== '' && t.scopes.length === 1);
    expect(plain.map((t) => `${t.line + 1}:${t.start + 1} ${JSON.stringify(t.text)}`)).toEqual([]);
  });

  it.each(exampleFiles)('%s has no keyword that falls through to a plain reference', async (file) => {
    // References are declared names; a lower-case word reaching that rule is a keyword the grammar does not know.
    const lines = await tokenizeSource(readExample(file));
    const unknownWords = lines
      .flat()
      .filter((t) => /^[a-z]/.test(t.text) && hasScope(t, 'variable.other.reference'))
      .map((t) => `${t.line + 1}:${t.start + 1} ${t.text}`);
    expect(unknownWords).toEqual([]);
  });

  it('covers every example in the repository', async () => {
    const { readdirSync } = await import('node:fs');
    const onDisk = ['', 'multilevel/']
      .flatMap((dir) => readdirSync(join(repoRoot, 'examples', dir)).filter((f) => f.endsWith('.sla')).map((f) => dir + f))
      .sort();
    expect(onDisk).toEqual([...exampleFiles].sort());
  });
});
