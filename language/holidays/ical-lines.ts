import { wholeCharactersUpTo } from '../diagnostics/diagnostic.js';

/**
 * The first reading of a holiday file: its content lines (unfolded, each
 * with the line of the file it starts on) and its components, checked for
 * the structure RFC 5545 requires. ical.js parses without line numbers and
 * fails with a stack trace on a component that does not end; reading the
 * lines first lets every problem name its line.
 */

/** One content line `NAME;PARAM=x:value`, unfolded. */
export interface IcalLine {
  /** 1-based line of the file where the content line starts. */
  line: number;
  /** Upper case. */
  name: string;
  /** Parameter names upper case, values as written (quotes removed). */
  params: Record<string, string>;
  value: string;
}

/** A VEVENT directly inside the VCALENDAR, in file order, with its own property lines (not those of a nested VALARM). */
export interface IcalEventLines {
  line: number;
  properties: IcalLine[];
}

/** What went wrong with the structure: the reason and, when known, the line. */
export interface IcalStructureProblem {
  line?: number;
  reason: string;
}

export type IcalLinesResult = { events: IcalEventLines[] } | { problem: IcalStructureProblem };

/** Unfolds continuation lines (a line starting with a space or tab continues the one before). */
function unfold(text: string): { line: number; text: string }[] {
  const unfolded: { line: number; text: string }[] = [];
  text.split(/\r\n|\n|\r/).forEach((raw, index) => {
    const previous = unfolded[unfolded.length - 1];
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && previous) previous.text += raw.slice(1);
    else if (raw.trim() !== '') unfolded.push({ line: index + 1, text: raw });
  });
  return unfolded;
}

/** `NAME;A=1;B="x:y":value`: the colon that ends the name and parameters is the first one outside quotes. */
function parseContentLine(line: number, text: string): IcalLine | undefined {
  let inQuotes = false;
  let colon = -1;
  for (let i = 0; i < text.length && colon < 0; i++) {
    if (text[i] === '"') inQuotes = !inQuotes;
    else if (text[i] === ':' && !inQuotes) colon = i;
  }
  if (colon <= 0) return undefined;
  const [name, ...paramTexts] = text.slice(0, colon).split(';');
  if (!/^[A-Za-z0-9-]+$/.test(name!)) return undefined;
  const params: Record<string, string> = {};
  for (const param of paramTexts) {
    const equals = param.indexOf('=');
    if (equals > 0) params[param.slice(0, equals).toUpperCase()] = param.slice(equals + 1).replace(/^"|"$/g, '');
  }
  return { line, name: name!.toUpperCase(), params, value: text.slice(colon + 1) };
}

function shorten(text: string): string {
  return text.length > 40 ? `${wholeCharactersUpTo(text, 37)}...` : text;
}

/**
 * The events of one VCALENDAR, or the first problem of structure: an empty
 * file, text that is not property lines, anything outside the one
 * VCALENDAR, an END that closes another component, a component that does
 * not end.
 */
export function readIcalLines(text: string): IcalLinesResult {
  const lines = unfold(text);
  if (lines.length === 0) return { problem: { reason: 'the file is empty' } };
  const open: { name: string; line: number }[] = [];
  const events: IcalEventLines[] = [];
  let calendars = 0;
  for (const { line, text: content } of lines) {
    const parsed = parseContentLine(line, content);
    if (!parsed) return { problem: { line, reason: `'${shorten(content)}' is not a property line (NAME:value)` } };
    if (open.length === 0 && !(parsed.name === 'BEGIN' && parsed.value.toUpperCase() === 'VCALENDAR')) {
      const what = parsed.name === 'BEGIN' ? `BEGIN:${parsed.value}` : parsed.name;
      return { problem: { line, reason: calendars === 0 ? `${what} comes before BEGIN:VCALENDAR` : `${what} comes after END:VCALENDAR` } };
    }
    const problem = followComponents(parsed, open, events);
    if (problem) return { problem };
    if (parsed.name === 'BEGIN' && open.length === 1) {
      calendars++;
      if (calendars > 1) return { problem: { line, reason: 'a second VCALENDAR: a holiday file holds one' } };
    }
  }
  const unended = open[open.length - 1];
  if (unended) return { problem: { line: unended.line, reason: `BEGIN:${unended.name} never ends (no END:${unended.name})` } };
  return { events };
}

/** Keeps the stack of open components and the VEVENTs' own lines; a problem when an END does not match. */
function followComponents(parsed: IcalLine, open: { name: string; line: number }[], events: IcalEventLines[]): IcalStructureProblem | undefined {
  const component = parsed.value.trim().toUpperCase();
  if (parsed.name === 'BEGIN') {
    open.push({ name: component, line: parsed.line });
    if (component === 'VEVENT' && open.length === 2) events.push({ line: parsed.line, properties: [] });
    return undefined;
  }
  if (parsed.name === 'END') {
    const top = open.pop();
    if (top?.name !== component) return { line: parsed.line, reason: `END:${component} closes BEGIN:${top?.name} of line ${top?.line}` };
    return undefined;
  }
  const inEvent = open.length === 2 && open[1]!.name === 'VEVENT';
  if (inEvent) events[events.length - 1]!.properties.push(parsed);
  return undefined;
}
