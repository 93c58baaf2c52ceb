import type { Declaration, PortfolioDeclaration, PortfolioEntry } from '../syntax/ast.js';
import { clientNameKey, OTHERS_CLIENT } from '../model/model.js';
import type { CheckContext } from './context.js';
import { keywordOf } from '../binder/scopes.js';

/**
 * A portfolio lists some client or others (SLA3090), each client by a
 * name that is not blank (SLA3091), not others' (SLA3092) and once
 * (SLA3048), compared as the runtime compares log values, and every
 * `with` value fills its blank (SLA3054), once (SLA3015).
 */
export function checkPortfolio(context: CheckContext, portfolio: PortfolioDeclaration): void {
  // An empty portfolio would check and compile nothing, and say nothing of it (SLA3090).
  if ((portfolio.entries ?? []).length === 0) context.report('SLA3090', portfolio.name?.range ?? portfolio.keywordRange, { name: portfolio.name?.text ?? '' });
  const seen = new Set<string>();
  const declaresOthers = (portfolio.entries ?? []).some((entry) => entry?.kind === 'PortfolioOthers');
  for (const entry of portfolio.entries ?? []) {
    checkParamValues(context, entry);
    if (entry?.kind !== 'PortfolioClient') continue;
    for (const name of entry.names ?? []) {
      const key = clientNameKey(name.value);
      // A blank name matches no log row (a blank client is no client): SLA3091, not also listed twice.
      if (key === '') {
        context.report('SLA3091', name.range);
        continue;
      }
      // Reports and documents name the others member "others" (SLA3092).
      if (declaresOthers && key === OTHERS_CLIENT) context.report('SLA3092', name.range, { name: name.value });
      if (seen.has(key)) context.report('SLA3048', name.range, { name: name.value });
      seen.add(key);
    }
  }
}

/**
 * `with Param ""` is refused as `--param Param=` is: a blank would be
 * printed where a name belongs. A param given twice (SLA3015) would print
 * the last value, the first lost unsaid.
 */
function checkParamValues(context: CheckContext, entry: PortfolioEntry | undefined): void {
  const given = new Set<string>();
  for (const param of entry?.params ?? []) {
    if (param?.param && param.value && param.value.value.trim() === '') context.report('SLA3054', param.value.range, { name: param.param.text });
    if (!param?.param) continue;
    if (given.has(param.param.text)) context.report('SLA3015', param.range, { statement: `with ${param.param.text}`, context: entryName(entry!) });
    given.add(param.param.text);
  }
}

/** How SLA3015 names a portfolio line: `client 'Acme'` (its first name), or `others`. */
function entryName(entry: PortfolioEntry): string {
  return entry.kind === 'PortfolioClient' ? `client '${entry.names?.[0]?.value ?? ''}'` : 'others';
}

/**
 * A portfolio and an agreement in the same file (SLA3047): the portfolio
 * names agreement files instead. An import there (SLA3093), or any other
 * declaration (SLA3094), is something nothing in the file can use: a
 * client's agreement is the file it uses, with that file's own imports.
 */
export function checkPortfolioFile(context: CheckContext, declarations: readonly Declaration[]): void {
  if (!isPortfolioFile(declarations)) return;
  for (const declaration of declarations) {
    if (declaration.kind === 'Portfolio') continue;
    if (declaration.kind === 'Agreement') context.report('SLA3047', declaration.name?.range ?? declaration.keywordRange);
    else if (declaration.kind === 'Import') {
      if (declaration.path) context.report('SLA3093', declaration.path.range, { path: declaration.path.value });
    } else context.report('SLA3094', declaration.keywordRange, { declaration: declarationTitle(declaration) });
  }
}

/** Whether a file declares a portfolio, and so may hold nothing else (SLA3047, SLA3093, SLA3094). */
export function isPortfolioFile(declarations: readonly (Declaration | undefined)[]): boolean {
  return declarations.some((d) => d?.kind === 'Portfolio');
}

/** How SLA3094 names a declaration: its keyword, and its name when it has one (`calendar Office`). */
function declarationTitle(declaration: Declaration): string {
  const name = 'name' in declaration ? declaration.name?.text : undefined;
  return name === undefined ? keywordOf(declaration.kind) : `${keywordOf(declaration.kind)} ${name}`;
}
