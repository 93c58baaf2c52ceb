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
export { formatText } from '../../language/format/index.js';
export { analyze, suggestName } from '../../language/workspace/index.js';

export type ParseResult = ReturnType<typeof parseDocument>;
export type Analysis = ReturnType<typeof analyze>;
export type SymbolIndex = Analysis['symbols'];
export type DeclarationSymbol = NonNullable<ReturnType<SymbolIndex['declarationAt']>>;
export type ReferenceSymbol = NonNullable<ReturnType<SymbolIndex['referenceAt']>>;
