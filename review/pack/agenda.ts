/**
 * The agenda of a review pack and which figures each item shows. The items
 * are the agreement's `review { agenda }`, or the seed policy's six when it
 * declares none. Each block of figures goes to the first item whose title
 * names it (see `CLAIMS`); blocks no title names go to a related item
 * (uptime and credits to the performance item, escalations to the incident
 * item), and those still unplaced to a closing "Other figures" section, so
 * that no figure of the check is left out of the pack.
 */
import type { AgreementModel } from '../../language/model/model.js';

/** A block of figures the check's evaluation can fill. */
export type FigureBlock = 'performance' | 'uptime' | 'credits' | 'incidents' | 'escalations';

/** One item of the meeting's agenda, with the figures shown under it. */
export interface AgendaItem {
  title: string;
  /** What is discussed, as the agreement says it. */
  text: string;
  blocks: FigureBlock[];
}

/** The agenda and the figures no item took. */
export interface PackAgenda {
  items: AgendaItem[];
  /** True when the agreement declares no agenda and the default one is used. */
  defaulted: boolean;
  unplaced: FigureBlock[];
}

/** The agenda of the Lets Flo service review policy (seed 000), used when an agreement declares none. */
export const DEFAULT_AGENDA: readonly { title: string; text: string }[] = [
  { title: 'Performance metrics', text: 'Response and resolution times, uptime, and adherence to the commitments of the agreement.' },
  { title: 'Incident analysis', text: 'Major incidents, recurring issues, and their resolutions during the review period.' },
  { title: 'Customer feedback', text: 'Compliments, complaints, or concerns raised by the client.' },
  { title: 'Improvement opportunities', text: 'Areas for improvement in service delivery or processes.' },
  { title: 'Future plans', text: 'Upcoming releases, changes in business needs, or potential SLA adjustments.' },
  { title: 'Action items', text: 'Specific actions agreed, with owners and dates.' },
];

/** Words in an item's title that make it the place of a block, most specific first. */
const CLAIMS: readonly [FigureBlock, RegExp][] = [
  ['escalations', /escalat/i],
  ['credits', /credit|compensation|penalt|refund/i],
  ['uptime', /uptime|availability|downtime|outage/i],
  ['incidents', /incident|breach|recurring/i],
  ['performance', /performance|metric|response|resolution|service level|\bsla\b|target|objective/i],
];

/** Where a block no title names is shown instead. */
const FALLBACK: Partial<Record<FigureBlock, FigureBlock>> = { uptime: 'performance', credits: 'performance', escalations: 'incidents' };

const ORDER: readonly FigureBlock[] = ['performance', 'uptime', 'credits', 'incidents', 'escalations'];

/** The pack's agenda for an agreement: its items, each with the blocks of figures it shows. */
export function packAgenda(model: AgreementModel): PackAgenda {
  const declared = model.review?.agenda ?? [];
  const defaulted = declared.length === 0;
  const items: AgendaItem[] = (defaulted ? DEFAULT_AGENDA : declared).map((item) => ({ title: item.title, text: item.text, blocks: [] }));
  const owner = new Map<FigureBlock, AgendaItem>();
  for (const item of items) {
    for (const [block, words] of CLAIMS) {
      if (!owner.has(block) && words.test(item.title)) owner.set(block, item);
    }
  }
  const unplaced: FigureBlock[] = [];
  for (const block of ORDER) {
    const fallback = FALLBACK[block];
    const item = owner.get(block) ?? (fallback === undefined ? undefined : owner.get(fallback));
    if (item) item.blocks.push(block);
    else unplaced.push(block);
  }
  return { items, defaulted, unplaced };
}

/** The form of a heading or title that matching compares: no leading number (`4.1`, `2.`), spaces squeezed, lower case. */
export function agendaKey(title: string): string {
  return title
    .trim()
    .replace(/^\d+(?:\.\d+)*\.?\s+/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}
