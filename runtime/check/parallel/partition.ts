/**
 * Which worker owns a ticket: a stable hash of the ticket id, as the row
 * validator reads it, modulo the number of workers. Every row of a ticket
 * goes to its owner, so the ticket is checked and evaluated in one place.
 */
export function partitionOf(ticket: unknown, partitions: number): number {
  const key = ticketKey(ticket);
  if (key === undefined) return 0; // an invalid row: any owner reports it alike
  // FNV-1a over UTF-16 code units: the same on every machine and every run.
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % partitions;
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
