import { createHash } from 'node:crypto';
import { suggestionHint, suggestName } from '../binder/suggest.js';
import { createDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import {
  MODEL_VERSION, PORTFOLIO_FORMAT, type AgreementModel, type PortfolioClientModel, type PortfolioMemberModel,
  type PortfolioModel, type SourceInfo,
} from '../model/model.js';
import type { PortfolioDeclaration, PortfolioEntry, SlaDocument } from '../syntax/ast.js';
import { analyze, type Analysis } from './analyze.js';
import { absoluteFile, pathFromEntry, resolveImport } from './paths.js';
import { nodeSourceHost, type SourceHost } from './source-host.js';

/** A portfolio file loaded with every agreement it uses. */
export interface PortfolioLoad {
  /** Present when no file has an error (warnings allowed). */
  model?: PortfolioModel;
  /** The diagnostics of the portfolio file and of every agreement file (and their imports), sorted. */
  diagnostics: Diagnostic[];
}

/** What `loadAgreementOrPortfolio` found: an agreement (or shared terms) file, or a portfolio file. */
export type AgreementOrPortfolio =
  | { kind: 'agreement'; model?: AgreementModel; diagnostics: Diagnostic[] }
  | { kind: 'portfolio'; model?: PortfolioModel; diagnostics: Diagnostic[] };

/** The first portfolio a parsed file declares. */
export function portfolioOf(document: SlaDocument | undefined): PortfolioDeclaration | undefined {
  return document?.declarations.find((d): d is PortfolioDeclaration => d?.kind === 'Portfolio');
}

/** Whether the file declares a portfolio (and so is checked and compiled per client). */
export function isPortfolioAnalysis(analysis: Analysis): boolean {
  return portfolioOf(analysis.files.get(analysis.entry)?.document) !== undefined;
}

/**
 * Loads a `.sla` file for `slac validate`, `check` and `compile`: a file
 * that declares a portfolio as a portfolio (`loadPortfolio`), any other as
 * an agreement (its checked model when it has no error).
 */
export function loadAgreementOrPortfolio(path: string, host: SourceHost = nodeSourceHost): AgreementOrPortfolio {
  const analysis = analyze(path, host);
  if (isPortfolioAnalysis(analysis)) return { kind: 'portfolio', ...portfolioFromAnalysis(analysis, host) };
  return analysis.model ? { kind: 'agreement', model: analysis.model, diagnostics: analysis.diagnostics } : { kind: 'agreement', diagnostics: analysis.diagnostics };
}

/**
 * Loads a portfolio file and every agreement it uses (LANGUAGE.md 1.1):
 * each agreement is analysed on its own, its diagnostics kept under its own
 * file, and the portfolio says at each path when that file has errors
 * (SLA2017) or declares no agreement (SLA2015), and at each `with` when the
 * agreement has no such param (SLA2016). The model is built only when
 * nothing is wrong anywhere.
 */
export function loadPortfolio(path: string, host: SourceHost = nodeSourceHost): PortfolioLoad {
  return portfolioFromAnalysis(analyze(absoluteFile(path), host), host);
}

function portfolioFromAnalysis(analysis: Analysis, host: SourceHost): PortfolioLoad {
  const entry = analysis.entry;
  const diagnostics = [...analysis.diagnostics];
  const declaration = portfolioOf(analysis.files.get(entry)?.document);
  if (!declaration) return { diagnostics };
  const analyses = new Map<string, Analysis>();
  const members = new Map<PortfolioEntry, PortfolioMemberModel>();
  for (const item of declaration.entries ?? []) {
    if (!item?.path) continue;
    const file = resolveImport(entry, item.path.value);
    if (host.readFile(file) === undefined) continue; // reported by `analyze` (SLA2014)
    const identity = host.fileIdentity?.(file) ?? file;
    if (identity === (host.fileIdentity?.(entry) ?? entry)) {
      diagnostics.push(createDiagnostic('SLA2020', entry, item.path.range, { path: item.path.value }));
      continue;
    }
    // Keyed by identity: two paths of one file (a link) are analysed, and their diagnostics shown, once.
    let member = analyses.get(identity);
    if (!member) {
      member = analyze(file, host);
      analyses.set(identity, member);
      for (const diagnostic of member.diagnostics) diagnostics.push(diagnostic);
    }
    const errors = member.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) {
      diagnostics.push(createDiagnostic('SLA2017', entry, item.path.range, { path: item.path.value, count: errors }));
      continue;
    }
    const model = member.model;
    if (!model?.agreement) {
      diagnostics.push(createDiagnostic('SLA2015', entry, item.path.range, { path: item.path.value }));
      continue;
    }
    const params = paramsOf(item, model, entry, diagnostics);
    members.set(item, { path: item.path.value, params, agreement: structuredClone(model) });
  }
  const unique = uniqueDiagnostics(diagnostics);
  if (hasErrors(unique)) return { diagnostics: unique };
  return { model: portfolioModel(declaration, members, analysis, analyses), diagnostics: unique };
}

/** `with Param "value"` lines, each naming a param the agreement declares. */
function paramsOf(item: PortfolioEntry, model: AgreementModel, entry: string, diagnostics: Diagnostic[]): Record<string, string> {
  const params: Record<string, string> = {};
  const declared = model.params.map((param) => param.name);
  for (const param of item.params ?? []) {
    const name = param?.param;
    if (!name) continue;
    if (!declared.includes(name.text)) {
      const suggestion = suggestName(name.text, declared);
      diagnostics.push(
        createDiagnostic(
          'SLA2016',
          entry,
          name.range,
          { path: item.path?.value ?? '', name: name.text, hint: suggestionHint(suggestion) },
          suggestion === undefined ? {} : { data: { suggestion } },
        ),
      );
      continue;
    }
    params[name.text] = param.value?.value ?? '';
  }
  return params;
}

function portfolioModel(
  declaration: PortfolioDeclaration,
  members: Map<PortfolioEntry, PortfolioMemberModel>,
  analysis: Analysis,
  analyses: Map<string, Analysis>,
): PortfolioModel {
  const clients: PortfolioClientModel[] = [];
  let others: PortfolioMemberModel | undefined;
  for (const item of declaration.entries ?? []) {
    const member = item && members.get(item);
    if (!member) continue;
    if (item.kind === 'PortfolioClient') clients.push({ ...member, names: (item.names ?? []).map((name) => name.value) });
    else others ??= member;
  }
  const model: PortfolioModel = {
    format: PORTFOLIO_FORMAT,
    version: MODEL_VERSION,
    name: declaration.name?.text ?? '',
    clients,
    sources: portfolioSources(analysis, analyses),
  };
  if (others) model.others = others;
  return model;
}

/** The portfolio file first, then every file of every agreement, each once, relative to the portfolio file. */
function portfolioSources(analysis: Analysis, analyses: Map<string, Analysis>): SourceInfo[] {
  const entry = analysis.entry;
  const sha256 = createHash('sha256').update(analysis.texts.get(entry) ?? '', 'utf8').digest('hex');
  const sources: SourceInfo[] = [{ path: pathFromEntry(entry, entry), sha256 }];
  const seen = new Set([sources[0]!.path]);
  for (const member of analyses.values()) {
    for (const source of member.model?.sources ?? []) {
      const path = pathFromEntry(entry, resolveImport(member.entry, source.path));
      if (seen.has(path)) continue;
      seen.add(path);
      sources.push({ path, sha256: source.sha256 });
    }
  }
  return sources;
}

/** A file imported by two agreements is analysed twice; its diagnostics are shown once. */
function uniqueDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return sortDiagnostics(
    diagnostics.filter((d) => {
      const key = `${d.file}|${d.range.start.line}:${d.range.start.character}|${d.code}|${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  );
}
