import type {
  AgreementDeclaration,
  Declaration,
  PortfolioDeclaration,
  PortfolioEntry,
} from '../../language/syntax/ast.js';
import type { Position, Range } from '../../language/syntax/range.js';
import { rangeContains } from '../../language/syntax/range.js';
import type { ServiceDocument } from './document.js';
import { linkedFileExists, type PathLink } from './file-paths.js';
import { describeHolidayFile, describeHolidaySet } from './hover-holidays.js';
import { describeMaintenance, describeMaintenanceStatement } from './hover-maintenance.js';

/**
 * Hovers on the statements of language 1.1 that are more than a keyword:
 * `holidays "DE-BE"` and `holidays from "x.ics"` (with the calendar's
 * holidays this year and next), the `maintenance` declaration and its
 * terms, and a portfolio and its client lines.
 */
export function describeNewStatement(
  document: ServiceDocument,
  declaration: Declaration,
  position: Position,
): { text: string; range: Range } | undefined {
  switch (declaration.kind) {
    case 'Calendar':
      for (const statement of declaration.statements ?? []) {
        if (!statement?.range || !rangeContains(statement.range, position)) continue;
        if (statement.kind === 'HolidaySet') return { text: describeHolidaySet(document, declaration, statement), range: statement.range };
        if (statement.kind === 'HolidayFile') return { text: describeHolidayFile(document, declaration, statement), range: statement.range };
      }
      return undefined;
    case 'Maintenance':
      if (rangeContains(declaration.keywordRange, position)) return { text: describeMaintenance(document, declaration), range: declaration.keywordRange };
      for (const statement of declaration.statements ?? []) {
        if (!statement?.range || !rangeContains(statement.range, position)) continue;
        const text = describeMaintenanceStatement(document, statement);
        return text ? { text, range: statement.range } : undefined;
      }
      return undefined;
    case 'Portfolio':
      if (rangeContains(declaration.keywordRange, position) || (declaration.name && rangeContains(declaration.name.range, position))) {
        return { text: describePortfolio(declaration), range: declaration.name?.range ?? declaration.keywordRange };
      }
      for (const entry of declaration.entries ?? []) {
        if (entry?.range && rangeContains(entry.range, position)) return { text: describeEntry(entry), range: entry.range };
      }
      return undefined;
    default:
      return undefined;
  }
}

function describePortfolio(portfolio: PortfolioDeclaration): string {
  const entries = portfolio.entries ?? [];
  const clients = entries.filter((e) => e?.kind === 'PortfolioClient').length;
  const others = entries.some((e) => e?.kind === 'PortfolioOthers');
  return (
    `**portfolio ${portfolio.name?.text ?? ''}**: ${clients} ${clients === 1 ? 'client' : 'clients'}, each checked against its own agreement` +
    `${others ? '; every other client uses the `others` agreement' : '; a ticket of an unlisted client is an error (no `others` line)'}. ` +
    '`slac check` writes one report per client and `slac compile` one document per client.'
  );
}

function describeEntry(entry: PortfolioEntry): string {
  const path = entry.path?.value;
  const who =
    entry.kind === 'PortfolioClient'
      ? `tickets of ${(entry.names ?? []).map((n) => `"${n.value}"`).join(' or ') || 'this client'}`
      : 'tickets of every other client, and tickets with no client,';
  const params = (entry.params ?? []).filter((p) => p.param?.text).map((p) => `${p.param!.text} = "${p.value?.value ?? ''}"`);
  const filled = params.length > 0 ? `, with ${params.join(', ')}` : '';
  return `**${entry.kind === 'PortfolioClient' ? 'client' : 'others'}**: ${who} are checked against ${path ? `\`${path}\`` : 'the agreement named'}${filled}.`;
}

/** What a quoted path names: the agreement a portfolio line uses, or the iCalendar file of a calendar. */
export function describeLink(document: ServiceDocument, link: PathLink): string {
  const name = link.node.value;
  if (!linkedFileExists(document, link.file)) return `**${name}**: no such file beside this one.`;
  if (link.role === 'holiday file') return `**${name}**: an iCalendar file; each of its all-day events is a holiday of this calendar, and recurring events recur.`;
  const analysis = document.analysisOf(link.file);
  const agreement = analysis.files
    .get(link.file)
    ?.document?.declarations?.find((d): d is AgreementDeclaration => d?.kind === 'Agreement');
  const title = agreement?.statements?.find((s) => s?.kind === 'Title');
  const titleText = title && 'value' in title && title.value && 'value' in title.value ? title.value.value : undefined;
  const params = analysis.symbols.visibleDeclarations(link.file, 'param').map((p) => `\`${p.name}\``);
  const parts = [`**${name}**: ${agreement ? `the agreement ${agreement.name?.text ?? ''}${titleText ? ` ("${titleText}")` : ''}` : 'an `.sla` file with no agreement'}.`];
  if (params.length > 0) parts.push(`Its params: ${params.join(', ')}.`);
  return parts.join(' ');
}
