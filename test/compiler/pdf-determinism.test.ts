import { describe, expect, test } from 'vitest';
import { dateFromHash, makePdfDeterministic } from '../../compiler/pdf-determinism.js';

const pdfWith = (body: string): Uint8Array => new Uint8Array(Buffer.from(`%PDF-1.4\n${body}\n%%EOF\n`, 'latin1'));
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const hash = 'ab'.repeat(32);

describe('makePdfDeterministic', () => {
  test.each([
    "<< /Creator (Chromium) /CreationDate (D:20261122021530+00'00') /ModDate (D:20261122021531+00'00') >>",
    '<< /CreationDate (D:20261122021530Z) /ModDate(D:2026112202) >>',
    '<xmp:CreateDate>2026-11-22T02:15:30+00:00</xmp:CreateDate><xmp:ModifyDate>2026-11-22T02:15:31Z</xmp:ModifyDate>',
    'trailer << /ID [<0A1B2C3D4E5F60718293A4B5C6D7E8F9> <0a1b2c3d4e5f60718293a4b5c6d7e8f9>] >> xmpMM:DocumentID uuid:6f1c2a9e-1111-4a2b-9c3d-0123456789ab',
  ])('replaces stamps in place, keeping every byte offset: %s', (body) => {
    const original = pdfWith(body);
    const fixed = makePdfDeterministic(original, hash);
    expect(fixed.length).toBe(original.length);
    expect(text(fixed)).not.toContain('2026');
    expect(text(fixed)).not.toContain('0A1B2C3D');
    expect(text(fixed)).not.toContain('6f1c2a9e');
    // Everything around the stamps is untouched.
    expect(text(fixed).slice(0, 9)).toBe('%PDF-1.4\n');
    expect(text(fixed).endsWith('\n%%EOF\n')).toBe(true);
  });

  test('builds made at different times and with different ids become identical', () => {
    const first = pdfWith("/CreationDate (D:20261122021530+00'00') /ID [<0A1B> <0A1B>]");
    const second = pdfWith("/CreationDate (D:20270101235959+01'00') /ID [<FFEE> <9988>]");
    expect(text(makePdfDeterministic(first, hash))).toBe(text(makePdfDeterministic(second, hash)));
  });

  test('leaves a PDF without stamps byte for byte as it was', () => {
    const plain = pdfWith('1 0 obj << /Type /Catalog >> endobj');
    expect(text(makePdfDeterministic(plain, hash))).toBe(text(plain));
  });
});

describe('the date a PDF is stamped with', () => {
  test('is the date given, in every stamp, at the same length', () => {
    const original = pdfWith(
      "/CreationDate (D:20261122021530+00'00') /ModDate (D:20261122021530Z) <xmp:CreateDate>2026-11-22T02:15:30+00:00</xmp:CreateDate>",
    );
    const fixed = text(makePdfDeterministic(original, hash, '2026-04-01'));
    expect(fixed.length).toBe(text(original).length);
    expect(fixed).toContain("/CreationDate (D:20260401000000+00'00')");
    expect(fixed).toContain('/ModDate (D:20260401000000Z)');
    expect(fixed).toContain('<xmp:CreateDate>2026-04-01T00:00:00000000</xmp:CreateDate>');
  });

  test('without one, comes from the source hash: fixed for a hash, different for another, never 2000', () => {
    expect(dateFromHash(hash)).toBe(dateFromHash(hash));
    expect(dateFromHash(hash)).toMatch(/^20(0[1-9]|[12]\d|30)-\d\d-\d\d$/);
    const others = new Set(['cd', 'ef', '01', '23'].map((pair) => dateFromHash(pair.repeat(32))));
    expect(others.size).toBeGreaterThan(1);
    expect(text(makePdfDeterministic(pdfWith('/CreationDate (D:20261122021530Z)'), hash))).toContain(
      `/CreationDate (D:${dateFromHash(hash).replace(/-/g, '')}000000Z)`,
    );
  });
});

describe('structure element ids of a tagged PDF', () => {
  test('are renumbered by rank, keeping their order and every byte offset', () => {
    const body = (a: number, b: number): string =>
      `/ID (node${String(a).padStart(8, '0')}) /Headers [ (node${String(a).padStart(8, '0')}) ] /ID (node${String(b).padStart(8, '0')})`;
    const early = makePdfDeterministic(pdfWith(body(1592, 1600)), hash);
    const late = makePdfDeterministic(pdfWith(body(4454, 4462)), hash);
    expect(text(early)).toBe(text(late));
    expect(text(early)).toContain('/ID (node00000001) /Headers [ (node00000001) ] /ID (node00000002)');
    expect(early.length).toBe(pdfWith(body(1592, 1600)).length);
  });
});
