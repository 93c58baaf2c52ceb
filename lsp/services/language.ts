/**
 * The one place the language services import the language stages from, so
 * that the rest of `lsp/services/` names these types once.
 */
import type { analyze } from '../../language/workspace/index.js';
import type { parseDocument } from '../../language/parser/index.js';

export { parseDocument } from '../../language/parser/index.js';
export type { SlaToken } from '../../language/parser/index.js';
export {
  statementKeywords,
  blockContextAt,
  MEASURE_KINDS,
  PERIOD_KINDS,
  DURATION_UNITS,
  WEEKDAYS,
} from '../../language/parser/grammar-info.js';
export type { BlockContext } from '../../language/parser/grammar-info.js';
import * as formatStage from '../../language/format/index.js';
// TEMPORARY until language/format lands: a namespace import keeps the bundle building.
export const formatText = (formatStage as unknown as { formatText: (text: string, file: string) => { text: string; diagnostics: { severity: string }[]; changed: boolean } }).formatText;
export { analyze, suggestName } from '../../language/workspace/index.js';

export type ParseResult = ReturnType<typeof parseDocument>;
export type Analysis = ReturnType<typeof analyze>;
export type SymbolIndex = Analysis['symbols'];
export type DeclarationSymbol = NonNullable<ReturnType<SymbolIndex['declarationAt']>>;
export type ReferenceSymbol = NonNullable<ReturnType<SymbolIndex['referenceAt']>>;
