import type { ScopeEntry } from '../binder/scopes.js';
import { createDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ChannelDeclaration, ResponsibilitiesDeclaration, ReviewDeclaration, SeverityDeclaration } from '../syntax/ast.js';
import type { Range } from '../syntax/range.js';
import { pathFromEntry } from '../workspace/paths.js';
import { logKey, valuesOf } from './matches.js';

/** One written entry of a list, where it is, and what it is compared by. */
interface ListEntry {
  file: string;
  range: Range;
  key: string;
  written: string;
}

/** What SLA3102 says of one kind of list. */
interface RepeatWords {
  item: (written: string) => string;
  where: string;
  effect: string;
  alternative: string;
  /** Said when the two were written differently but compare equal. */
  as?: (earlier: string) => string;
  related: string;
}

/**
 * Entries written twice in one list of the agreement in force (SLA3102):
 * the signed document would print them twice, and a reader looks for the
 * difference. `matches` values compare as the log is read (`logKey`); a
 * party's responsibilities across all its blocks, since they add up.
 */
export function checkRepeatedEntries(entryScope: readonly ScopeEntry[], diagnostics: Diagnostic[]): void {
  for (const entry of entryScope) {
    const declaration = entry.declaration;
    if (declaration.kind === 'Severity' || declaration.kind === 'Channel') checkMatchesValues(entry.file, declaration, diagnostics);
    if (declaration.kind === 'Review') checkReviewLists(entry.file, declaration, diagnostics);
  }
  for (const party of ['Provider', 'Client']) checkResponsibilities(entryScope, party, diagnostics);
}

function checkMatchesValues(file: string, declaration: SeverityDeclaration | ChannelDeclaration, diagnostics: Diagnostic[]): void {
  const kind = declaration.kind === 'Severity' ? 'severity' : 'channel';
  const entries = valuesOf(declaration).map((value) => ({ file, range: value.range, key: logKey(value.value), written: value.value }));
  reportRepeats(
    entries,
    {
      item: (written) => `The value "${written}"`,
      where: ` in the 'matches' of ${kind} '${declaration.name?.text ?? '?'}'`,
      as: (earlier) => ` (first written "${earlier}": a log's values are compared ignoring case and surrounding spaces)`,
      effect: `list it twice among the values that mean this ${kind}`,
      alternative: '',
      related: 'The value written first.',
    },
    diagnostics,
  );
}

function checkReviewLists(file: string, review: ReviewDeclaration, diagnostics: Diagnostic[]): void {
  for (const statement of review.statements ?? []) {
    if (statement?.kind === 'Agenda') {
      const entries = (statement.items ?? []).flatMap((item) => (item?.title ? [{ file, range: item.title.range, key: textKey(item.title.value), written: item.title.value }] : []));
      const words = { item: (written: string) => `The agenda item "${shortened(written)}"`, where: ' in this agenda', effect: 'list two agenda items of that title', alternative: ', or merge them', related: 'The agenda item of this title written first.' };
      reportRepeats(entries, words, diagnostics);
    }
    if (statement?.kind === 'Report') {
      const entries = (statement.items ?? []).flatMap((item) => (item ? [{ file, range: item.range, key: textKey(item.value), written: item.value }] : []));
      const words = { item: (written: string) => `The report item "${shortened(written)}"`, where: ' in this report', effect: 'list it twice', alternative: '', related: 'The item written first.' };
      reportRepeats(entries, words, diagnostics);
    }
  }
}

function checkResponsibilities(entryScope: readonly ScopeEntry[], party: string, diagnostics: Diagnostic[]): void {
  const entries = entryScope.flatMap((entry) => {
    const declaration = entry.declaration;
    if (declaration.kind !== 'Responsibilities' || (declaration as ResponsibilitiesDeclaration).party?.text !== party) return [];
    return ((declaration as ResponsibilitiesDeclaration).items ?? []).flatMap((item) => (item ? [{ file: entry.file, range: item.range, key: textKey(item.value), written: item.value }] : []));
  });
  const words = {
    item: (written: string) => `The responsibility "${shortened(written)}"`,
    where: ` for the ${party}`,
    effect: `list it twice among the ${party}'s responsibilities`,
    alternative: '',
    related: 'The responsibility written first.',
  };
  reportRepeats(entries, words, diagnostics);
}

/**
 * Reports each entry whose key an earlier one has, at the later one in its
 * file, with the first as related information; an earlier one in another
 * file (an imported party's responsibility) is named by its path.
 */
function reportRepeats(entries: ListEntry[], words: RepeatWords, diagnostics: Diagnostic[]): void {
  const first = new Map<string, ListEntry>();
  // A blank entry is already an error (SLA3080, SLA3086): a second one is not news.
  for (const entry of entries.filter((written) => written.key !== '')) {
    const earlier = first.get(entry.key);
    if (!earlier) {
      first.set(entry.key, entry);
      continue;
    }
    const elsewhere = earlier.file !== entry.file ? ` (first in ${pathFromEntry(entry.file, earlier.file)})` : '';
    const as = earlier.written !== entry.written && words.as ? words.as(earlier.written) : '';
    const args = { item: words.item(entry.written), where: `${words.where}${elsewhere}`, as, effect: words.effect, alternative: words.alternative };
    const related = [{ file: earlier.file, range: earlier.range, message: words.related }];
    diagnostics.push(createDiagnostic('SLA3102', entry.file, entry.range, args, { related }));
  }
}

/** Prose compared as a reader sees it: spaces and line breaks between words do not count. */
function textKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}

/** A long item named by its start, so the message stays one line. */
function shortened(value: string): string {
  const key = textKey(value);
  return key.length <= 60 ? key : `${key.slice(0, 57)}...`;
}
