/**
 * Which worker owns a ticket: a stable hash of the ticket id, as the row
 * validator reads it, modulo the number of workers. Every row of a ticket
 * goes to its owner, so the ticket is checked and evaluated in one place.
 * The hash is taken over the id's UTF-8 bytes, so that a worker scanning
 * raw log bytes (see line-owner.ts) finds the same owner without decoding.
 */
export function partitionOf(ticket: unknown, partitions: number): number {
  const key = ticketKey(ticket);
  if (key === undefined) return 0; // an invalid row: any owner reports it alike
  let ascii = true;
  for (let index = 0; index < key.length && ascii; index++) ascii = key.charCodeAt(index) < 0x80;
  if (!ascii) {
    const bytes = Buffer.from(key, 'utf8');
    return partitionOfBytes(bytes, 0, bytes.length, partitions);
  }
  let hash = FNV_OFFSET;
  for (let index = 0; index < key.length; index++) hash = Math.imul(hash ^ key.charCodeAt(index), FNV_PRIME);
  return ownerOfHash(hash, partitions);
}

/** The partition of an id whose FNV-1a hash is `hash`. */
export function ownerOfHash(hash: number, partitions: number): number {
  return (hash >>> 0) % partitions;
}

/** FNV-1a's 32-bit constants (line-owner.ts hashes ids as it scans them). */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** `partitionOf` for an id given as its UTF-8 bytes `bytes[from..to)` (FNV-1a: the same on every machine and run). */
export function partitionOfBytes(bytes: Uint8Array, from: number, to: number, partitions: number): number {
  let hash = FNV_OFFSET;
  for (let index = from; index < to; index++) hash = Math.imul(hash ^ bytes[index]!, FNV_PRIME);
  return ownerOfHash(hash, partitions);
}

/**
 * The ticket id as `validateTicketRow` makes it (a finite number as text; a
 * string trimmed only when it starts or ends with a blank), so that two rows
 * of one ticket always hash alike.
 */
function ticketKey(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const length = value.length;
  if (length > 0 && value.charCodeAt(0) > 32 && value.charCodeAt(length - 1) > 32) return value;
  return value.trim();
}
