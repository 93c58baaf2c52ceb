/**
 * The review pack as one print page: a cover (the agreement, its parties,
 * the period, the participants), the agenda with the page of each item,
 * the summary from the notes, then one section per agenda item (its
 * figures, then its notes), the figures no item took and the notes no item
 * matched. Set in the agreement document's print stylesheet and font
 * (compiler/render), with a few rules of its own for the cover and charts.
 */
import { basename } from 'node:path';
import type { TextValue } from '../../language/model/model.js';
import { ownValue } from '../../language/model/own-keys.js';
import { embeddedFontFaces } from '../../compiler/render/fonts.js';
import { headingSlug } from '../../compiler/render/slug.js';
import { printStylesheet, type Paper } from '../../compiler/render/style.js';
import { spanAfterAsOfText } from '../data/figure-text.js';
import type { AgreementFigures } from '../data/run-check.js';
import type { SiteData } from '../data/site-data.js';
import { escapeHtml, textHtml } from '../site/html.js';
import type { FigureBlock, PackAgenda } from './agenda.js';
import { blockHtml, type ChartSvgs } from './blocks.js';
import { mostSevere, RECURRING_MIN_TICKETS } from './incidents.js';
import type { ReviewNotes } from './notes.js';

/** What the page is made of. */
export interface PackContent {
  figures: AgreementFigures;
  agenda: PackAgenda;
  /** Undefined when no notes file was given. */
  notes?: ReviewNotes;
  /** The notes file as the user named it. */
  notesFile?: string;
  svgs: ChartSvgs;
  /** The logs, as the user named them. */
  source: string;
  paper: Paper;
}

/** The title of the pack, for the page, the footer and the PDF's information. */
export function packTitle(data: SiteData): string {
  return `Service review: ${data.title ?? data.agreement}${data.client === undefined ? '' : `, ${data.client}`}`;
}

/** The period the pack covers, in words. */
export function periodText(data: SiteData): string {
  if (data.spanLabel !== undefined) return data.spanLabel;
  const first = data.months[0]?.month;
  const last = data.months[data.months.length - 1]?.month;
  return first === undefined ? 'the whole log' : first === last ? `${first} (the whole log)` : `${first} to ${last} (the whole log)`;
}

/** The heading of agenda item `index` (0-based). */
export function itemHeading(index: number, title: string): string {
  return `${index + 1}. ${title}`;
}

const BLOCK_NAMES: Record<FigureBlock, string> = {
  performance: 'response and resolution objectives',
  uptime: 'uptime',
  credits: 'service credits',
  incidents: 'incidents',
  escalations: 'escalations',
};

/** The page, given the page each heading landed on (empty on the first print). */
export function packHtml(content: PackContent, pages: ReadonlyMap<string, number>): string {
  const { figures, agenda, notes } = content;
  const data = figures.data;
  const sections: string[] = [];
  if (notes?.summary !== undefined) sections.push(`<section class="summary">\n<h2 id="${headingSlug('Summary')}">Summary</h2>\n${notes.summary}\n</section>`);
  agenda.items.forEach((item, index) => {
    const heading = itemHeading(index, item.title);
    const itemNotes = notes?.byItem.get(index);
    const parts = [`<p class="item-text">${textHtml(item.text)}</p>`, ...item.blocks.map((block) => blockHtml(block, figures, content.svgs))];
    if (itemNotes !== undefined) parts.push(item.blocks.length === 0 ? itemNotes : `<h3>Notes</h3>\n${itemNotes}`);
    else parts.push(`<p class="empty">${textHtml(missingNotes(content, item.title, item.blocks.length > 0))}</p>`);
    sections.push(`<section class="item${item.blocks.length > 0 ? ' figures' : ''}">\n<h2 id="${headingSlug(heading)}">${escapeHtml(heading)}</h2>\n${parts.join('\n')}\n</section>`);
  });
  if (agenda.unplaced.length > 0) {
    const parts = agenda.unplaced.map((block) => blockHtml(block, figures, content.svgs));
    sections.push(`<section class="item figures">\n<h2 id="${headingSlug('Other figures')}">Other figures</h2>\n<p class="item-text">Figures of the check that no agenda item covers: ${agenda.unplaced.map((block) => BLOCK_NAMES[block]).join(', ')}.</p>\n${parts.join('\n')}\n</section>`);
  }
  if (notes && notes.other.length > 0) {
    const parts = notes.other.map((other) => `<h3>${escapeHtml(other.heading)}</h3>\n${other.html === '' ? '<p class="empty">Nothing under this heading.</p>' : other.html}`);
    sections.push(`<section class="item">\n<h2 id="${headingSlug('Other notes')}">Other notes</h2>\n<p class="item-text">Notes under headings that match no agenda item.</p>\n${parts.join('\n')}\n</section>`);
  }
  sections.push(aboutSection(content));
  return pageHtml(packTitle(data), content.paper, [cover(content), agendaList(content, pages), ...sections].join('\n'));
}

function missingNotes(content: PackContent, title: string, hasFigures: boolean): string {
  const lead = hasFigures ? 'No notes for this item' : 'Nothing in the figures covers this item, and there are no notes for it';
  if (content.notes === undefined) return `${lead}: no notes file was given (--notes).`;
  // The file's own name: a printed page has no use for the folder it was in on someone's machine.
  return `${lead}: ${content.notesFile === undefined ? 'the notes file' : basename(content.notesFile)} has no heading "${title}", or nothing under it.`;
}

function cover(content: PackContent): string {
  const { figures } = content;
  const { data, model } = figures;
  const agreement = model.agreement;
  const provider = partyName(figures, agreement?.provider, undefined) ?? 'the Provider';
  const client = partyName(figures, agreement?.client, data.client) ?? 'the Client';
  const participants = model.review?.participants ?? [];
  const participantItems = participants.map((participant) => `<li><strong>For ${escapeHtml(participant.party === 'Provider' ? provider : client)} (the ${participant.party})</strong>: ${escapeHtml(participant.text)}</li>`);
  const next = data.review.next === null ? 'not set by the agreement' : data.review.next;
  // Clients of a portfolio often share an agreement whose client is a text:
  // without this row their packs' pages never said whose they were.
  const portfolioClient = data.client === undefined || data.client === client ? '' : `<dt>Portfolio client</dt><dd>${escapeHtml(data.client)}</dd>\n`;
  return `<section class="cover">
<p class="kind">Service review pack</p>
<h1 id="${headingSlug(packTitle(data))}">${escapeHtml(data.title ?? data.agreement)}</h1>
<p class="parties">Between ${escapeHtml(provider)} (the Provider) and ${escapeHtml(client)} (the Client)${agreement?.version === undefined ? '' : `<br>Agreement version ${escapeHtml(agreement.version)}`}</p>
<dl class="facts">
${portfolioClient}<dt>Period reviewed</dt><dd>${textHtml(periodText(data))}</dd>
<dt>Figures as of</dt><dd>${textHtml(data.asOf)}</dd>
<dt>Next scheduled review</dt><dd>${textHtml(next)}</dd>
</dl>
${afterAsOfNote(data)}<h2 id="participants">Participants</h2>
${participantItems.length === 0 ? '<p class="empty">The agreement names no participants (review { participants }).</p>' : `<ul class="participants">${participantItems.join('')}</ul>`}
</section>`;
}

function agendaList(content: PackContent, pages: ReadonlyMap<string, number>): string {
  const entries = content.agenda.items.map((item, index) => {
    const heading = itemHeading(index, item.title);
    const page = pages.get(headingSlug(heading));
    return `<li><span class="entry">${escapeHtml(heading)}</span><span class="contents-leader"></span><span class="contents-page">${page ?? ''}</span></li>`;
  });
  const note = content.agenda.defaulted ? '<p class="note">The agreement declares no agenda (review { agenda }); this is the agenda of a service review policy.</p>' : '';
  return `<section class="agenda">\n<h2 id="agenda">Agenda</h2>\n${note}<ul class="agenda-list">${entries.join('')}</ul>\n</section>`;
}

/** The cover's note on a span that begins after the as-of instant, or nothing. */
function afterAsOfNote(data: SiteData): string {
  const text = spanAfterAsOfText(data);
  return text === undefined ? '' : `<p class="note">${textHtml(text)}</p>\n`;
}

function aboutSection(content: PackContent): string {
  const { figures } = content;
  const severity = mostSevere(figures.model);
  return `<section class="about">
<h2 id="about-these-figures">About these figures</h2>
<p>Made by slac report from ${textHtml(content.source)}, with the same evaluation as <code>${textHtml('slac check --format json')}</code>: figures as of ${textHtml(figures.data.asOf)}, for ${textHtml(periodText(figures.data))}. Tickets are counted in the period they were created. Attainment is met / (met + breached); pending tickets are still within their target and not counted.${severity === undefined ? '' : ` A major incident is a ticket of severity ${escapeHtml(severity)} that breached a target.`} A recurring issue is one target breached on ${RECURRING_MIN_TICKETS} or more tickets of the same severity and channel.${figures.data.invalidRows > 0 ? ` ${figures.data.invalidRows} log rows were left out as invalid (${textHtml('--skip-invalid')}).` : ''}</p>
</section>`;
}

/** A party as the pack names it: the text, the value a portfolio's `with` gives its param, a portfolio client's name, or the param's placeholder. */
function partyName(figures: AgreementFigures, party: TextValue | undefined, clientName: string | undefined): string | undefined {
  if (!party) return undefined;
  if (party.kind === 'text') return party.text;
  // The name the client's agreement document gives (a portfolio's `with ClientName "..."`), before the portfolio's name for it.
  const given = figures.params === undefined ? undefined : ownValue(figures.params, party.param);
  return given ?? clientName ?? figures.model.params.find((param) => param.name === party.param)?.placeholder ?? party.param;
}

/** The pack's own rules, after the agreement document's print stylesheet. */
const PACK_STYLE = `
.cover { padding-top: 8mm; }
.cover .kind { text-align: center; font-size: 13pt; letter-spacing: 0.08em; text-transform: uppercase; margin-bottom: 6pt; }
.cover h1 { font-size: 22pt; margin-bottom: 10pt; }
.cover .parties { text-align: center; font-size: 12pt; margin-bottom: 18pt; }
dl.facts { display: grid; grid-template-columns: 48mm 1fr; gap: 3pt 6mm; margin: 0 0 12pt; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
ul.participants { padding-left: 5mm; }
.agenda-list { list-style: none; padding-left: 0; }
.agenda-list li { display: flex; align-items: baseline; gap: 2mm; margin-bottom: 4pt; }
section.item.figures { break-before: page; page-break-before: always; }
.item-text { font-style: italic; }
.empty { font-style: italic; border-left: 2pt solid #777; padding-left: 3mm; }
.note { font-size: 9.5pt; }
.chart { break-inside: avoid; page-break-inside: avoid; margin: 4pt 0 2pt; }
.chart svg { max-width: 100%; height: auto; }
figure.chart { margin-left: 0; margin-right: 0; }
caption, figcaption { text-align: left; font-style: italic; font-size: 9.5pt; padding-bottom: 2pt; }
.block { break-inside: avoid; page-break-inside: avoid; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.wide { font-size: 8.5pt; }
table.wide th, table.wide td { padding: 2pt 3pt; }
tbody th[scope="row"] { white-space: nowrap; }
td.instant { white-space: nowrap; }
.nobr { white-space: nowrap; }
td.missed { font-weight: bold; }
.side-by-side { display: flex; gap: 8mm; }
.side-by-side > .table-wrap { flex: 1; }
.incident { break-inside: avoid; page-break-inside: avoid; margin-bottom: 8pt; }
.incident ul { margin-bottom: 3pt; }
.incident .moments { font-size: 9.5pt; list-style: none; padding-left: 0; }
.incident .moments li { display: grid; grid-template-columns: 30mm 1fr; margin-bottom: 1pt; }
.incident .moments .when { font-family: "DejaVu Sans Mono", monospace; font-size: 8.5pt; }
.about { margin-top: 16pt; font-size: 9.5pt; }
`;

function pageHtml(title: string, paper: Paper, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${embeddedFontFaces()}\n${printStylesheet(paper)}${PACK_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main class="agreement review-pack">',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
