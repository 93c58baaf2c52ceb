import { keywordOf, onePerFile } from '../binder/scopes.js';
import type { Declaration } from '../syntax/ast.js';
import { isPortfolioFile } from './portfolio.js';

/**
 * The top-level declarations a file may have only once, by the keyword
 * that starts each: the agreement (one per compiled file with its
 * imports, SLA2007) and the blocks of one slot (SLA2012).
 */
export const onceOnlyDeclarations: readonly string[] = ['Agreement' as const, ...onePerFile].map(keywordOf);

/**
 * Whether a file may still take a declaration starting with `keyword`
 * (`overriding` when it follows `override`), for completion, from the
 * rules that report it: a once-only declaration the file has is not
 * written again (SLA2007, SLA2012); one an import brings only with
 * `override` (SLA2007, SLA2011), and `override` of one no import brings
 * replaces nothing (SLA2005). A portfolio file holds its portfolio alone,
 * so a portfolio goes only into a file with no other declaration
 * (SLA3047, SLA3093, SLA3094); a portfolio is never imported (SLA2019).
 * `own` leaves out the declaration being typed.
 */
export function topLevelDeclarationAllowed(
  own: readonly Declaration[],
  imported: readonly Declaration[],
): (keyword: string, overriding: boolean) => boolean {
  const ownKeywords = new Set(own.map((declaration) => keywordOf(declaration.kind)));
  const importedKeywords = new Set(imported.filter((declaration) => declaration.kind !== 'Portfolio').map((declaration) => keywordOf(declaration.kind)));
  const portfolioFile = isPortfolioFile(own);
  return (keyword, overriding) => {
    if (portfolioFile) return false;
    if (keyword === 'portfolio') return !overriding && own.length === 0;
    // `override calendar Office` replaces an imported calendar: with none of that kind imported it replaces nothing (SLA2005).
    if (!onceOnlyDeclarations.includes(keyword)) return !overriding || importedKeywords.has(keyword);
    return !ownKeywords.has(keyword) && overriding === importedKeywords.has(keyword);
  };
}
