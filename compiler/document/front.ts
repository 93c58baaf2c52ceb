import { spellDate } from '../english.js';
import { resolveText, unfilledParams, type DocumentContext } from './context.js';
import { emphasis, paragraph, section, strong, text, type Block, type Section } from './document.js';

/** The lines under the title: version, effective date, the parties, and a note on blanks. */
export function frontMatter(context: DocumentContext): Block[] {
  const agreement = context.model.agreement!;
  const rows: [string, ReturnType<typeof resolveText>][] = [];
  if (agreement.version) rows.push(['Version', text(agreement.version)]);
  if (agreement.effective) rows.push(['Effective date', text(spellDate(agreement.effective))]);
  rows.push(['Provider', resolveText(context, agreement.provider, 'the Provider')]);
  rows.push(['Client', resolveText(context, agreement.client, 'the Client')]);
  if (agreement.contact) rows.push(['Contact', text(agreement.contact)]);
  const blocks: Block[] = rows.map(([label, value]) => paragraph(strong(`${label}:`), ' ', value));
  blocks.push(
    paragraph(
      'This Service Level Agreement (the ',
      strong('Agreement'),
      ') is made between ',
      resolveText(context, agreement.provider, 'the Provider'),
      ' (the ',
      strong('Provider'),
      ') and ',
      resolveText(context, agreement.client, 'the Client'),
      ' (the ',
      strong('Client'),
      ')',
      agreement.effective ? ` and takes effect on ${spellDate(agreement.effective)}.` : '.',
    ),
  );
  if (unfilledParams(context.model, context.params).length > 0) {
    blocks.push(paragraph(emphasis('Highlighted blanks are to be completed before the Agreement is signed.')));
  }
  return blocks;
}

/** Section "Purpose": the author's text, or a generated statement when there is none. */
export function purposeSection(context: DocumentContext): Section {
  const purpose = context.model.agreement?.purpose;
  if (purpose && purpose.trim() !== '') return section('Purpose', [{ kind: 'prose', markdown: purpose }]);
  return section('Purpose', [
    paragraph(
      'The Agreement sets out the support the Provider gives the Client, the levels of service the Provider commits to, and how those levels are measured and reviewed.',
    ),
  ]);
}
