import { createHash } from 'node:crypto';

/**
 * Chromium stamps each PDF with the time it was made (`/CreationDate`,
 * `/ModDate`, XMP dates) and may add a random document `/ID`. So that the
 * same source gives the same bytes, these are overwritten in place with
 * fixed values derived from the source hash, each of the SAME length, so the
 * cross-reference table's byte offsets stay valid.
 */
export function makePdfDeterministic(pdf: Uint8Array, sourceHash: string): Uint8Array {
  const text = Buffer.from(pdf).toString('latin1');
  const seed = hexStream(sourceHash);
  const fixed = text
    .replace(/\/(CreationDate|ModDate)\s*\((D:[^)]*)\)/g, (whole, _key: string, date: string) =>
      whole.replace(date, sameLength(date, fixedPdfDate(date))),
    )
    .replace(/<(xmp:\w*Date)>([^<]*)<\/\1>/g, (whole, _tag: string, date: string) =>
      whole.replace(date, sameLength(date, `2000-01-01T00:00:00${'0'.repeat(32)}`)),
    )
    .replace(/(uuid:)([0-9a-fA-F-]{8,})/g, (_whole, prefix: string, uuid: string) => prefix + maskHex(uuid, seed))
    .replace(/\/ID\s*\[\s*<([0-9A-Fa-f]*)>\s*<([0-9A-Fa-f]*)>\s*\]/g, (whole, first: string, second: string) =>
      whole.replace(`<${first}>`, `<${maskHex(first, seed)}>`).replace(`<${second}>`, `<${maskHex(second, seed)}>`),
    );
  return new Uint8Array(Buffer.from(fixed, 'latin1'));
}

/** `D:20261122021530+00'00'` becomes `D:20000101000000+00'00'`: same shape, same length. */
function fixedPdfDate(date: string): string {
  const digits = '20000101000000';
  let index = 0;
  return date.replace(/\d/g, () => (index < digits.length ? digits[index++]! : '0'));
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
