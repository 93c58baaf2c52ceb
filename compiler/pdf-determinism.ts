import { createHash } from 'node:crypto';

/**
 * Chromium stamps each PDF with the time it was made (`/CreationDate`,
 * `/ModDate`, XMP dates) and may add a random document `/ID`. So that the
 * same source gives the same bytes, these are overwritten in place with
 * values from the sources: the dates with `date` (`YYYY-MM-DD`, the
 * agreement's effective date, see `compiler/pdf-metadata.ts`), ids with
 * digits derived from the source hash. A tagged PDF also names structure
 * elements by the page's DOM node ids (`(node00001592)`), which grow with
 * every page the browser has loaded before; they are renumbered by rank, so
 * their order (the ID tree is sorted) is kept. Each keeps its length, so the
 * cross-reference table's byte offsets stay valid.
 */
export function makePdfDeterministic(pdf: Uint8Array, sourceHash: string, date: string = dateFromHash(sourceHash)): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const seed = hexStream(sourceHash);
  const digits = date.replace(/-/g, '') + '000000';
  const fixed = text
    .replace(/\/(CreationDate|ModDate)\s*\((D:[^)]*)\)/g, (whole, _key: string, stamp: string) =>
      whole.replace(stamp, sameLength(stamp, fixedPdfDate(stamp, digits))),
    )
    .replace(/<(xmp:\w*Date)>([^<]*)<\/\1>/g, (whole, _tag: string, stamp: string) =>
      whole.replace(stamp, sameLength(stamp, `${date}T00:00:00${'0'.repeat(32)}`)),
    )
    .replace(/(uuid:)([0-9a-fA-F-]{8,})/g, (_whole, prefix: string, uuid: string) => prefix + maskHex(uuid, seed))
    .replace(/\/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]/g, (whole, first: string, second: string) =>
      whole.replace(`<${first}>`, `<${maskHex(first, seed)}>`).replace(`<${second}>`, `<${maskHex(second, seed)}>`),
    );
  return new Uint8Array(Buffer.from(renumberNodeIds(fixed), 'latin1'));
}

/** `(node00001592)`, `(node00001600)` become `(node00000001)`, `(node00000002)`. */
function renumberNodeIds(text: string): string {
  const pattern = /\(node(\d+)\)/g;
  const ids = [...new Set([...text.matchAll(pattern)].map((match) => match[1]!))].sort((a, b) => Number(a) - Number(b));
  const rank = new Map(ids.map((id, index) => [id, String(index + 1).padStart(id.length, '0')]));
  return text.replace(pattern, (whole, id: string) => {
    const renumbered = rank.get(id)!;
    return renumbered.length === id.length ? `(node${renumbered})` : whole;
  });
}

/** With digits `20260401000000`, `D:20261122021530+00'00'` becomes `D:20260401000000+00'00'`: same shape, same length. */
function fixedPdfDate(stamp: string, digits: string): string {
  let index = 0;
  return stamp.replace(/\d/g, () => (index < digits.length ? digits[index++]! : '0'));
}

/**
 * A date for an agreement without an effective date: a day between 2001 and
 * 2030 picked by the source hash, so it changes with the sources and never
 * with the clock.
 */
export function dateFromHash(sourceHash: string): string {
  const days = Number.parseInt(hexStream(sourceHash).slice(0, 8), 16) % (30 * 365);
  return new Date(Date.UTC(2001, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

function sameLength(original: string, replacement: string): string {
  return replacement.length >= original.length ? replacement.slice(0, original.length) : replacement.padEnd(original.length, '0');
}

/** Replaces each hex digit with the next digit of the seed, keeping dashes and case shape. */
function maskHex(value: string, seed: string): string {
  let index = 0;
  return value.replace(/[0-9A-Fa-f]/g, (digit) => {
    const next = seed[index++ % seed.length]!;
    return digit === digit.toUpperCase() ? next.toUpperCase() : next;
  });
}

function hexStream(sourceHash: string): string {
  return createHash('sha256').update(`slac-pdf:${sourceHash}`).digest('hex');
}
