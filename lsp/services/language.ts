/**
 * The one place the language services import the language stages from, so
 * that the rest of `lsp/services/` names them once.
 */
export { parseDocument } from '../../language/parser/index.js';
export type { ParseResult, SlaToken } from '../../language/parser/index.js';
export {
  statementKeywords,
  blockContextAt,
  blockDescriptions,
  MEASURE_KINDS,
  PERIOD_KINDS,
  DURATION_UNITS,
  WEEKDAYS,
} from '../../language/parser/grammar-info.js';
export type { BlockContext } from '../../language/parser/grammar-info.js';
export { formatKeepingLineEndings, formatText, lineEndingOf } from '../../language/format/index.js';
export { tokenizePart } from '../../language/lexer/lexer.js';
export { LineMap } from '../../language/lexer/line-map.js';
export { wholeCharactersUpTo } from '../../language/diagnostics/diagnostic.js';
export {
  durationAccepted,
  measureOf,
  measureTakes,
  onceOnlyDeclarations,
  onceOnlyStatements,
  topLevelDeclarationAllowed,
  type DurationPlace,
  type MeasureBoundStatement,
} from '../../language/checker/index.js';
export { analyze, analyzeWithPortfolio, ParseCache, portfolioOf, suggestName } from '../../language/workspace/index.js';
export type {
  Analysis,
  DeclarationSymbol,
  ReferenceSymbol,
  SymbolIndex,
} from '../../language/workspace/index.js';
