import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { CalendarDeclaration, Declaration, DurationLiteral } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { keywordItem } from './completion-items.js';
import { declarationAt, type ServiceDocument } from './document.js';
import { DURATION_UNITS, durationAccepted, type DurationPlace } from './language.js';

/**
 * The units that may follow the amount of a duration (`target 4 |`, `after
 * 2 |`, `every 3 |`, `notice 48 |`, `claim within 30 |`): those the checker
 * accepts at that place, asked of the checker's own rule, so that no offered
 * unit is then an error (`days` on a clock that is not open around the clock
 * is SLA3013, months outside the review cadence SLA3016...). None where no
 * duration is written.
 */
export function unitItems(document: ServiceDocument, context: string, amount: number, position: Position): CompletionItem[] {
  const place = durationPlaceAt(document, context, position);
  if (!place) return [];
  const zero = { line: 0, character: 0 };
  return DURATION_UNITS.map((unit) => (amount === 1 ? unit : `${unit}s`))
    .filter((written, i) => {
      const duration: DurationLiteral = { kind: 'Duration', amount, unit: DURATION_UNITS[i], text: `${amount} ${written}`, range: { start: zero, end: zero } };
      return durationAccepted(duration, place);
    })
    .map((written, i) => ({ ...keywordItem(written, context, String(i)), kind: CompletionItemKind.Unit }));
}

/** Where a duration in `context` stands, as the checker tells places apart. */
function durationPlaceAt(document: ServiceDocument, context: string, position: Position): DurationPlace | undefined {
  switch (context) {
    case 'metric':
      return { kind: 'target', calendar: clockCalendar(document, 'Metric', position) };
    case 'escalation':
      return { kind: 'after', calendar: clockCalendar(document, 'Escalation', position) };
    case 'review':
      return { kind: 'every' };
    case 'maintenance':
    case 'credits':
      return { kind: 'elapsed', context };
    default:
      return undefined;
  }
}

/** The calendar named by the `clock` of the metric or escalation around the cursor, when it names one. */
function clockCalendar(document: ServiceDocument, kind: 'Metric' | 'Escalation', position: Position): CalendarDeclaration | undefined {
  const around = declarationAt(document, position);
  if (around?.kind !== kind) return undefined;
  const statements = (around as Declaration & { statements?: { kind: string; calendar?: { text: string } }[] }).statements ?? [];
  const name = statements.find((statement) => statement?.kind === 'Clock')?.calendar?.text;
  if (name === undefined) return undefined;
  const symbol = document.analysis.symbols.visibleDeclarations(document.file, 'calendar').find((calendar) => calendar.name === name);
  return symbol?.declaration as CalendarDeclaration | undefined;
}
