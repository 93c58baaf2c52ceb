import { inflateSync } from 'node:zlib';

/** A decoded image: `channels` bytes per pixel, rows top to bottom. */
export interface Raster {
  width: number;
  height: number;
  channels: number;
  pixels: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/**
 * Decodes the PNGs pdftoppm writes (8 bits per channel, grey or RGB, with
 * or without alpha, not interlaced), enough to compare rendered pages.
 */
export function decodePng(png: Buffer): Raster {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs are supported');
      channels = CHANNELS[body[9]!] ?? 0;
      if (channels === 0) throw new Error(`unsupported PNG colour type ${body[9]}`);
    } else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(stride * height);
  for (let row = 0; row < height; row += 1) {
    const filter = raw[row * (stride + 1)]!;
    const line = raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1));
    for (let index = 0; index < stride; index += 1) {
      const left = index >= channels ? pixels[row * stride + index - channels]! : 0;
      const up = row > 0 ? pixels[(row - 1) * stride + index]! : 0;
      const upLeft = row > 0 && index >= channels ? pixels[(row - 1) * stride + index - channels]! : 0;
      pixels[row * stride + index] = (line[index]! + predict(filter, left, up, upLeft)) & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

function predict(filter: number, left: number, up: number, upLeft: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4: {
      const estimate = left + up - upLeft;
      const [a, b, c] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)];
      return a <= b && a <= c ? left : b <= c ? up : upLeft;
    }
    default:
      throw new Error(`bad PNG filter ${filter}`);
  }
}

/** How many pixels differ by more than `threshold` in some channel; images of different sizes differ everywhere. */
export function differingPixels(a: Raster, b: Raster, threshold = 48): number {
  if (a.width !== b.width || a.height !== b.height || a.channels !== b.channels) return Math.max(a.width * a.height, b.width * b.height);
  let count = 0;
  for (let pixel = 0; pixel < a.width * a.height; pixel += 1) {
    for (let channel = 0; channel < a.channels; channel += 1) {
      const index = pixel * a.channels + channel;
      if (Math.abs(a.pixels[index]! - b.pixels[index]!) > threshold) {
        count += 1;
        break;
      }
    }
  }
  return count;
}
