import type { CompletionItem } from 'vscode-languageserver-types';
import { CompletionItemKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver-types';
import type { ServiceDocument } from './document.js';
import { describeDeclaration } from './hover-declarations.js';
import { keywordDoc } from './keyword-docs.js';
import type { DeclarationSymbol } from './language.js';

/** A keyword (or keyword phrase such as `also on request`) with its explanation. */
export function keywordItem(phrase: string, context?: string, sortText?: string): CompletionItem {
  const words = phrase.split(' ');
  const doc = keywordDoc(words[0]!, context) ?? keywordDoc(words[words.length - 1]!, context);
  return {
    label: phrase,
    kind: CompletionItemKind.Keyword,
    ...(doc ? { documentation: { kind: MarkupKind.Markdown, value: doc } } : {}),
    ...(sortText ? { sortText } : {}),
  };
}

/** A plain value such as a weekday span or a period, with an optional note. */
export function valueItem(label: string, detail?: string, sortText?: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.EnumMember,
    ...(detail ? { detail } : {}),
    ...(sortText ? { sortText } : {}),
  };
}

const symbolKinds: Record<string, CompletionItemKind> = {
  calendar: CompletionItemKind.Struct,
  severity: CompletionItemKind.EnumMember,
  metric: CompletionItemKind.Function,
  param: CompletionItemKind.Variable,
  channel: CompletionItemKind.Interface,
  agreement: CompletionItemKind.Class,
};

/** A declared name, documented with what it is (as its hover says). */
export function declarationItem(document: ServiceDocument, symbol: DeclarationSymbol, index: number): CompletionItem {
  return {
    label: symbol.name,
    kind: symbolKinds[symbol.kind] ?? CompletionItemKind.Reference,
    detail: symbol.kind,
    documentation: { kind: MarkupKind.Markdown, value: safeDescription(document, symbol) },
    sortText: String(index).padStart(4, '0'),
  };
}

function safeDescription(document: ServiceDocument, symbol: DeclarationSymbol): string {
  try {
    return describeDeclaration(document, symbol);
  } catch {
    return `${symbol.kind} ${symbol.name}`;
  }
}

/** A snippet that writes a whole declaration with placeholders to tab through. */
export function snippetItem(label: string, detail: string, body: string): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    detail,
    insertText: body,
    insertTextFormat: InsertTextFormat.Snippet,
    documentation: { kind: MarkupKind.Markdown, value: `\`\`\`sla\n${body.replace(/\$\{\d+(?::([^}]*)|\|([^,|]*)[^}]*\|)\}/g, '$1$2')}\n\`\`\`` },
    sortText: `zz${label}`,
  };
}

/** What the declaration snippets must not clash with. */
export interface SnippetSurroundings {
  /** The calendar and metric the snippets refer to (the first visible ones). */
  calendarName: string;
  metricName: string;
  /** Names already declared: a snippet's default name is never one of them. */
  taken: ReadonlySet<string>;
  /** Whether the agreement has an escalation block already (a second one is an error). */
  hasEscalation: boolean;
  /** Whether it has a maintenance block already (likewise). */
  hasMaintenance: boolean;
  /** Whether a visible calendar exists, for the maintenance `window`. */
  hasCalendar: boolean;
  /**
   * The agreement file a new portfolio's first client uses by default (a
   * `.sla` file beside this one), or undefined when this file may not
   * declare a portfolio: it has an agreement or a portfolio already, or
   * there is no file to use.
   */
  portfolioPath?: string;
}

/**
 * Snippets for the declarations authors write most often. Every placeholder
 * has a default that is valid as it stands (a client without snippet choices,
 * such as Neovim's, inserts the default), and the default names are free.
 */
export function declarationSnippets(surroundings: SnippetSurroundings): CompletionItem[] {
  const { calendarName, metricName, taken, hasEscalation } = surroundings;
  const snippets = [
    snippetItem(
      'calendar (new calendar)',
      'A calendar with a time zone and opening hours',
      `calendar \${1:${freeName('Office', taken)}} {\n  timezone "\${2:Europe/Berlin}"\n  hours \${3:Mon-Fri} \${4:09:00-17:00}\n  holidays {\n    \${5:2026-12-25} "\${6:Christmas Day}"\n  }\n}`,
    ),
    snippetItem(
      'metric (new metric)',
      'A metric with a clock, a target and an objective',
      `metric \${1:${freeName('Response', taken)}} {\n  title "\${2:First response}"\n  measures \${3:first response}\n  clock \${4:${calendarName}}\n  target \${5:4 hours}\n  objective \${6:95%} \${7:monthly}\n}`,
    ),
  ];
  if (!hasEscalation) {
    snippets.push(
      snippetItem(
        'escalation (new escalation)',
        'Escalation levels at shares of a metric\'s target',
        `escalation {\n  level 1 "\${1:Team lead}" at \${2:50}% of \${3:${metricName}}\n  level 2 "\${4:Head of support}" at \${5:100}% of \${3:${metricName}}\n}`,
      ),
    );
  }
  snippets.push(...v11Snippets(surroundings));
  return snippets;
}

/** `maintenance` (its window only when there is a calendar to name) and `portfolio`, where they are allowed. */
function v11Snippets({ calendarName, taken, hasMaintenance, hasCalendar, portfolioPath }: SnippetSurroundings): CompletionItem[] {
  const snippets: CompletionItem[] = [];
  if (!hasMaintenance) {
    const terms = hasCalendar ? [`window \${1:${calendarName}}`, 'notice ${2:48 hours}', 'at most ${3:4 hours} ${4:monthly}'] : ['notice ${1:48 hours}', 'at most ${2:4 hours} ${3:monthly}'];
    snippets.push(
      snippetItem(
        'maintenance (new maintenance)',
        'When planned maintenance may take place, its notice, and how much a period',
        `maintenance {\n${terms.map((term) => `  ${term}\n`).join('')}}`,
      ),
    );
  }
  if (portfolioPath !== undefined) {
    snippets.push(
      snippetItem(
        'portfolio (new portfolio)',
        'Which agreement each client\'s tickets are checked against',
        `portfolio \${1:${freeName('Customers', taken)}} {\n  client "\${2:Client name}" uses "\${3:${portfolioPath}}"\n}`,
      ),
    );
  }
  return snippets;
}

/** `base`, or `base2`, `base3`... whichever is not taken. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}${n}`)) n++;
  return `${base}${n}`;
}
