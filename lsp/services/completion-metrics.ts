import { suggestionFit, type DeclarationOf } from '../../language/binder/suggestion-fit.js';
import { parseDocument } from '../../language/parser/index.js';
import type { CreditsDeclaration, EscalationDeclaration, MetricDeclaration } from '../../language/syntax/ast.js';
import type { Position } from '../../language/syntax/range.js';
import { declarationAt, type ServiceDocument } from './document.js';
import type { DeclarationSymbol } from './language.js';
import { withoutTypedIdentifier } from './typed-word.js';

// Which metrics a place takes, as the checker judges them: completion offers
// no metric that `slac validate` would then reject there. The rules are the
// binder's for a "did you mean" at the same place (suggestionFit), so that a
// name completion offers and a name a quick fix writes fit alike.

function statementsOf(symbol: DeclarationSymbol): MetricDeclaration['statements'] {
  return (symbol.declaration as MetricDeclaration).statements ?? [];
}

/** `at 50% of Metric` in an escalation: a ticket metric (an uptime metric there is SLA3024). */
export function isTicketMetric(symbol: DeclarationSymbol): boolean {
  return !statementsOf(symbol).some((statement) => statement?.kind === 'Measures' && statement.measure === 'uptime');
}

/** `when Metric below` in credits: a metric with an objective, whose period the credit counts in (else SLA3023). */
export function hasObjective(symbol: DeclarationSymbol): boolean {
  return statementsOf(symbol).some((statement) => statement?.kind === 'Objective');
}

type Block = EscalationDeclaration | CreditsDeclaration;
type BlockStatement = NonNullable<Block['statements'][number]>;

/**
 * The metrics that fit the name being written at the cursor, after an
 * escalation level's `of` or a credit tier's `when`: a ticket metric that
 * keeps the levels in order (SLA3024, SLA3010), a metric with an objective
 * of the period the other tiers count in, with no tier at the line's
 * threshold nor one that would then give less below a lower threshold
 * (SLA3023, SLA3036, SLA3031, SLA3011). Where the line does not read as a
 * level or tier, `fits` alone judges (isTicketMetric, hasObjective).
 */
export function metricFitsHere(
  document: ServiceDocument,
  position: Position,
  line: string,
  fits: (symbol: DeclarationSymbol) => boolean,
): (symbol: DeclarationSymbol) => boolean {
  const declaration = declarationAt(document, position);
  if (declaration?.kind !== 'Escalation' && declaration?.kind !== 'Credits') return fits;
  const onLine = linesStatements(declaration, position, line);
  const written = onLine.find(namesStandIn);
  const holder = written?.kind === 'Level' ? written.trigger : written;
  if (!written || !holder) return fits;
  // The statements of the cursor's line as they read with a name at the cursor, among the block's others.
  const others = (declaration.statements ?? []).filter((statement) => statement !== undefined && statement.range.start.line !== position.line);
  const before = others.filter((statement) => statement.range.start.line < position.line);
  const after = others.filter((statement) => statement.range.start.line > position.line);
  const place = { holder, declaration: { kind: declaration.kind, statements: [...before, ...onLine, ...after] } };
  const declarationOf: DeclarationOf = (name, kind) =>
    document.analysis.symbols.visibleDeclarations(document.file, kind).find((symbol) => symbol.name === name)?.declaration;
  const fitsPlace = suggestionFit(place, 'metric', declarationOf);
  return (symbol) => fits(symbol) && fitsPlace(symbol.declaration);
}

/** The name standing in for the word at the cursor. */
const STAND_IN = '_';

/**
 * The statements of the cursor's line, parsed with a stand-in name in place
 * of the word at the cursor: the document's own parse of an unfinished line
 * takes the next word for the metric (`when | below 95% credit 5%` names a
 * metric `below`) and loses the threshold. Only the line's part inside the
 * block (`credits { when |` on one line) is read.
 */
function linesStatements(declaration: Block, position: Position, line: string): BlockStatement[] {
  const written = withoutTypedIdentifier(line.slice(0, position.character));
  const head = written.slice(written.lastIndexOf('{') + 1);
  const rest = line.slice(position.character).replace(/^\w*/, '');
  const tail = rest.includes('}') ? rest.slice(0, rest.indexOf('}')) : rest;
  const keyword = declaration.kind === 'Escalation' ? 'escalation' : 'credits';
  const parsed = parseDocument(`${keyword} {\n${head} ${STAND_IN} ${tail}\n}\n`, 'completion.sla').document?.declarations[0];
  const statements = parsed && 'statements' in parsed ? (parsed.statements as (BlockStatement | undefined)[]) : [];
  return statements.filter((statement): statement is BlockStatement => statement !== undefined);
}

/** The level or tier whose metric is the stand-in: the one being written. */
function namesStandIn(statement: BlockStatement): boolean {
  if (statement.kind === 'Tier') return statement.metric?.text === STAND_IN;
  return statement.kind === 'Level' && statement.trigger?.kind === 'At' && statement.trigger.metric?.text === STAND_IN;
}
