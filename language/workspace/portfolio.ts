import { createHash } from 'node:crypto';
import { suggestionHint, suggestName } from '../binder/suggest.js';
import { createDiagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import {
  MODEL_VERSION, PORTFOLIO_FORMAT, type AgreementModel, type PortfolioClientModel, type PortfolioMemberModel,
  type PortfolioModel, type SourceInfo,
} from '../model/model.js';
import type { PortfolioDeclaration, PortfolioEntry, SlaDocument } from '../syntax/ast.js';
import { analyze, diagnosticsOfUsedFile, type Analysis, type AnalyzeOptions } from './analyze.js';
import { absoluteFile, isSlaPath, pathFromEntry, resolveImport } from './paths.js';
import { nodeSourceHost, type SourceHost } from './source-host.js';
import { setOwnValue } from '../model/own-keys.js';

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
  const declaration = portfolioOf(analysis.files.get(analysis.entry)?.document);
  if (!declaration) return { diagnostics: [...analysis.diagnostics] };
  const checked = checkMembers(analysis, declaration, (file) => analyze(file, host), host);
  const unique = uniqueDiagnostics([...analysis.diagnostics, ...checked.diagnostics]);
  if (hasErrors(unique)) return { diagnostics: unique };
  const members = new Map<PortfolioEntry, PortfolioMemberModel>();
  // Cloned: two clients of one agreement get models of their own.
  for (const [item, member] of checked.members) members.set(item, { ...member, agreement: structuredClone(member.agreement) });
  return { model: portfolioModel(declaration, members, analysis, checked.analyses), diagnostics: unique };
}

/**
 * The analysis of `entry` for the language server, which analyses each
 * open file on its own: `analyze`, and for a portfolio file also what
 * `loadPortfolio` says at the portfolio's own lines (SLA2015, SLA2016,
 * SLA2017, SLA2020), each agreement read through `host` (so an open
 * buffer wins, and the reads of the portfolio include the agreement's).
 * The agreements' own diagnostics stay with their files' analyses.
 */
export function analyzeWithPortfolio(entry: string, host: SourceHost, options: AnalyzeOptions = {}): Analysis {
  const analysis = analyze(entry, host, options);
  const declaration = portfolioOf(analysis.files.get(analysis.entry)?.document);
  if (!declaration) return analysis;
  const checked = checkMembers(analysis, declaration, (file) => analyze(file, host, options), host);
  const own = checked.diagnostics.filter((d) => d.file === analysis.entry);
  analysis.diagnostics = uniqueDiagnostics([...analysis.diagnostics, ...own]);
  analysis.portfolioMembers = checked.byFile;
  // A model is only for a file without errors (see `Analysis.model`).
  if (hasErrors(own)) delete analysis.model;
  return analysis;
}

/** What checking a portfolio's lines against the agreements they use found. */
interface CheckedMembers {
  /** The agreements' diagnostics and those at the portfolio's lines. */
  diagnostics: Diagnostic[];
  /** Each agreement's analysis by file identity: two paths of one file (a link) are analysed once. */
  analyses: Map<string, Analysis>;
  /** The same analyses by the absolute file each line names. */
  byFile: Map<string, Analysis>;
  /** The line's params and the agreement's model (shared, not cloned), for each line without a problem. */
  members: Map<PortfolioEntry, PortfolioMemberModel>;
}

/**
 * Analyses each agreement a portfolio line uses (`analyzeMember`) and says
 * at each path when that file has errors (SLA2017), declares no agreement
 * (SLA2015) or is the portfolio itself (SLA2020), and at each `with` when
 * the agreement has no such param (SLA2016).
 */
function checkMembers(
  analysis: Analysis,
  declaration: PortfolioDeclaration,
  analyzeMember: (file: string) => Analysis,
  host: SourceHost,
): CheckedMembers {
  const entry = analysis.entry;
  const checked: CheckedMembers = { diagnostics: [], analyses: new Map(), byFile: new Map(), members: new Map() };
  const diagnostics = checked.diagnostics;
  for (const item of declaration.entries ?? []) {
    if (!item?.path) continue;
    if (!isSlaPath(item.path.value)) continue; // never opened; reported by `analyze` (SLA2021)
    const file = resolveImport(entry, item.path.value);
    if (host.readFile(file) === undefined) continue; // reported by `analyze` (SLA2014)
    const identity = host.fileIdentity?.(file) ?? file;
    if (identity === (host.fileIdentity?.(entry) ?? entry)) {
      diagnostics.push(createDiagnostic('SLA2020', entry, item.path.range, { path: item.path.value }));
      continue;
    }
    let member = checked.analyses.get(identity);
    if (!member) {
      member = analyzeMember(file);
      checked.analyses.set(identity, member);
      // A file that does not parse as .sla shows only its first error, as an import does.
      for (const diagnostic of diagnosticsOfUsedFile(member)) diagnostics.push(diagnostic); // not push(...): there may be 100,000
    }
    checked.byFile.set(file, member);
    const errors = diagnosticsOfUsedFile(member).filter((d) => d.severity === 'error').length;
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
    checked.members.set(item, { path: item.path.value, params, agreement: model });
  }
  return checked;
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
    setOwnValue(params, name.text, param.value?.value ?? '');
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
