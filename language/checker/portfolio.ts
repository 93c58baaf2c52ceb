import type { Declaration, PortfolioDeclaration } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/** Each client of a portfolio is listed once (SLA3048), compared as the runtime compares log values. */
export function checkPortfolio(context: CheckContext, portfolio: PortfolioDeclaration): void {
  const seen = new Set<string>();
  for (const entry of portfolio.entries ?? []) {
    if (entry?.kind !== 'PortfolioClient') continue;
    for (const name of entry.names ?? []) {
      const key = name.value.trim().toLowerCase();
      if (seen.has(key)) context.report('SLA3048', name.range, { name: name.value });
      seen.add(key);
    }
  }
}

/** A portfolio and an agreement in the same file (SLA3047): the portfolio names agreement files instead. */
export function checkPortfolioFile(context: CheckContext, declarations: readonly Declaration[]): void {
  if (!declarations.some((d) => d.kind === 'Portfolio')) return;
  for (const declaration of declarations) {
    if (declaration.kind === 'Agreement') context.report('SLA3047', declaration.name?.range ?? declaration.keywordRange);
  }
}
