import type { Range } from '../syntax/range.js';
import type { EscalationDeclaration, ResponsibilitiesDeclaration, ReviewDeclaration, ReviewStatement } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/** What SLA3097 says of one kind of empty block. */
interface EmptyBlockWords {
  block: string;
  lacks: string;
  effect: string;
  example: string;
  it: string;
}

/**
 * Blocks written with nothing in them (SLA3097): each commits to nothing
 * and the document leaves it out, so what the author meant to write would
 * be missing unseen. An empty `override` block removes an imported one on
 * purpose (as for credits, SLA3101) and is not warned.
 */
export function checkEscalationHasLevel(context: CheckContext, escalation: EscalationDeclaration): void {
  const statements = escalation.statements ?? [];
  if (statements.some((statement) => statement === undefined || statement.kind === 'Level')) return;
  if (escalation.override && statements.length === 0) return;
  report(context, escalation.keywordRange, {
    block: 'escalation block',
    lacks: 'has no level',
    effect: 'no Ticket is ever escalated and the document leaves the block out',
    example: `a line such as 'level 1 "Team lead" at 50% of Metric'`,
    it: 'the block',
  });
}

export function checkResponsibilitiesHaveItems(context: CheckContext, responsibilities: ResponsibilitiesDeclaration): void {
  if ((responsibilities.items ?? []).length > 0 || responsibilities.override) return;
  const party = responsibilities.party?.text;
  const obliges = party === 'Provider' || party === 'Client' ? `it obliges the ${party} to nothing` : 'it obliges no one';
  report(context, responsibilities.keywordRange, {
    block: 'responsibilities block',
    lacks: 'lists nothing',
    effect: `${obliges} and the document leaves it out`,
    example: `an item such as "Report incidents through one of the channels."`,
    it: 'the block',
  });
}

/** An empty review block, and an empty participants, agenda or report block inside one. */
export function checkReviewNotEmpty(context: CheckContext, review: ReviewDeclaration): void {
  const statements = review.statements ?? [];
  if (statements.length === 0 && !review.override) {
    report(context, review.keywordRange, {
      block: 'review block',
      lacks: 'is empty',
      effect: 'no review is scheduled and the document has no section on review and amendment',
      example: "a line such as 'every 3 months'",
      it: 'the block',
    });
  }
  for (const statement of statements) {
    const words = statement && emptyListWords(statement);
    if (words) report(context, keywordOf(statement.range, statement.kind.toLowerCase()), words);
  }
}

function emptyListWords(statement: ReviewStatement): EmptyBlockWords | undefined {
  const it = 'it';
  if (statement.kind === 'Participants' && (statement.entries ?? []).length === 0) {
    return { block: 'participants block', lacks: 'names no one', effect: 'the document leaves it out', example: `a line such as Provider "the service manager"`, it };
  }
  if (statement.kind === 'Agenda' && (statement.items ?? []).length === 0) {
    return { block: 'agenda block', lacks: 'has no item', effect: 'the document leaves it out', example: `an item such as "Service levels" "the period's figures against each target"`, it };
  }
  if (statement.kind === 'Report' && (statement.items ?? []).length === 0) {
    return { block: 'report block', lacks: 'lists nothing', effect: 'the document leaves it out', example: `an item such as "the period's service levels"`, it };
  }
  return undefined;
}

/** The range of a statement's leading keyword (`agenda`, its kind's name), which starts the statement. */
function keywordOf(range: Range, keyword: string): Range {
  return { start: range.start, end: { line: range.start.line, character: range.start.character + keyword.length } };
}

function report(context: CheckContext, range: Range, words: EmptyBlockWords): void {
  context.report('SLA3097', range, { ...words });
}
