import type { DiagnosticCode } from '../diagnostics/catalogue.js';
import { createDiagnostic, type Diagnostic, type MessageArgs } from '../diagnostics/diagnostic.js';
import type { DeclarationSymbol } from '../binder/symbols.js';
import type { CalendarDeclaration, MetricDeclaration, Reference } from '../syntax/ast.js';
import type { Range } from '../syntax/range.js';

/** What a check sees: the file it checks, name resolution, and where to report. */
export interface CheckContext {
  file: string;
  resolve(reference: Reference | undefined): DeclarationSymbol | undefined;
  report(code: DiagnosticCode, range: Range, args?: MessageArgs, extra?: Pick<Diagnostic, 'related' | 'data'>): void;
}

/** A context that reports into `diagnostics` against `file`. */
export function createCheckContext(
  file: string,
  resolve: CheckContext['resolve'],
  diagnostics: Diagnostic[],
): CheckContext {
  return {
    file,
    resolve,
    report: (code, range, args = {}, extra = {}) => diagnostics.push(createDiagnostic(code, file, range, args, extra)),
  };
}

/** The calendar a reference names, when it resolves to one. */
export function resolveCalendar(context: CheckContext, reference: Reference | undefined): CalendarDeclaration | undefined {
  const symbol = context.resolve(reference);
  return symbol?.kind === 'calendar' ? (symbol.declaration as CalendarDeclaration) : undefined;
}

/** The metric a reference names, when it resolves to one. */
export function resolveMetric(context: CheckContext, reference: Reference | undefined): MetricDeclaration | undefined {
  const symbol = context.resolve(reference);
  return symbol?.kind === 'metric' ? (symbol.declaration as MetricDeclaration) : undefined;
}

/** What a metric measures, if it says. */
export function measureOf(metric: MetricDeclaration | undefined): string | undefined {
  for (const statement of metric?.statements ?? []) if (statement?.kind === 'Measures') return statement.measure;
  return undefined;
}
