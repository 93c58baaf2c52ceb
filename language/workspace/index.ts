// Public surface of the workspace stage: analysing an entry file with its imports.
export { analyze, loadAgreementModel, type Analysis, type AnalyzeOptions } from './analyze.js';
export { ParseCache } from './parse-cache.js';
export {
  analyzeWithPortfolio, isPortfolioAnalysis, loadAgreementOrPortfolio, loadPortfolio, portfolioOf, type AgreementOrPortfolio, type PortfolioLoad,
} from './portfolio.js';
export { nodeSourceHost, type SourceHost } from './source-host.js';
export type {
  DeclarationSymbol,
  DeclarationSymbolKind,
  ReferenceSymbol,
  SymbolIndex,
} from '../binder/symbols.js';
export { suggestName } from '../binder/suggest.js';
export { buildAgreementModel } from '../model/build.js';
