import type { Declaration, StringLiteral, Text } from '../syntax/ast.js';
import type { CheckContext } from './context.js';

/** A text the document prints where a reader expects words, and what it is (for the message). */
type PrintedText = readonly [text: Text | StringLiteral | undefined, what: string];

/**
 * The texts of a declaration that the document prints as a name, a heading,
 * an item or a sentence. Texts whose absence already has a wording of its own
 * (a contact, a purpose, a version, a severity's description) are not listed:
 * the document treats an empty one as absent.
 */
function printedTexts(declaration: Declaration): PrintedText[] {
  switch (declaration.kind) {
    case 'Agreement':
      return (declaration.statements ?? []).flatMap((statement): PrintedText[] => {
        if (statement?.kind === 'Title') return [[statement.value, 'agreement title']];
        // A Text has a `value`; a param Reference (`client CustomerName`) has none and is filled in later.
        if ((statement?.kind === 'Provider' || statement?.kind === 'Client') && statement.value && 'value' in statement.value) {
          return [[statement.value, `${statement.kind.toLowerCase()}'s name`]];
        }
        return [];
      });
    case 'Param':
      return [[declaration.placeholder, 'placeholder of a param']];
    case 'Calendar':
      return (declaration.statements ?? []).flatMap((statement): PrintedText[] =>
        statement?.kind === 'Holidays' ? (statement.entries ?? []).map((entry): PrintedText => [entry?.name, 'name of a holiday']) : [],
      );
    case 'Metric':
      return (declaration.statements ?? []).flatMap((statement): PrintedText[] => (statement?.kind === 'Title' ? [[statement.value, 'title of a metric']] : []));
    case 'Escalation':
      return (declaration.statements ?? []).flatMap((statement): PrintedText[] => (statement?.kind === 'Level' ? [[statement.who, 'person or team of an escalation level']] : []));
    case 'Responsibilities':
      return (declaration.items ?? []).map((item): PrintedText => [item, 'responsibility']);
    case 'Clause':
      return [
        [declaration.title, 'title of a clause'],
        [declaration.text, 'text of a clause'],
      ];
    case 'Review':
      return (declaration.statements ?? []).flatMap((statement): PrintedText[] => {
        if (statement?.kind === 'Participants') return (statement.entries ?? []).map((entry): PrintedText => [entry?.text, 'review participant']);
        if (statement?.kind === 'Agenda') {
          return (statement.items ?? []).flatMap((item): PrintedText[] => [
            [item?.title, 'title of an agenda item'],
            [item?.text, 'text of an agenda item'],
          ]);
        }
        if (statement?.kind === 'Report') return (statement.items ?? []).map((item): PrintedText => [item, 'item of the review report']);
        if (statement?.kind === 'Amendments') return [[statement.value, 'amendments text']];
        return [];
      });
    case 'Term':
      return [
        [declaration.term, 'defined term'],
        [declaration.text, 'definition of a term'],
      ];
    default:
      return [];
  }
}

/**
 * A text the document prints that is empty or only spaces (SLA3086): the
 * signed document would show a gap where a party's name, a heading or an
 * obligation belongs, as an empty `--param` value would (SLA3054).
 */
export function checkBlankTexts(context: CheckContext, declaration: Declaration): void {
  for (const [text, what] of printedTexts(declaration)) {
    if (text && text.value.trim() === '') context.report('SLA3086', text.range, { what });
  }
}
