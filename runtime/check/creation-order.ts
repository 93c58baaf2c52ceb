/**
 * Tickets in the order a check evaluates them: by creation time, ties by
 * their order of first appearance (their own numbers, or `place` when a
 * portfolio gives one). Without `place`, sorted as numbers whenever a
 * ticket's time and number fit in one exact double (each key is the time
 * after the earliest, in seconds when every time is a whole second, times
 * a power of two above the largest number, plus the number): a sort with a
 * comparator copies every element into the JavaScript heap, and sorting
 * the 5,000,000 tickets of one thread of a 10,000,000-ticket log (a log
 * not in creation order) that way held 76 MB more of it (`SLAC_CHECK_TRACE=1`:
 * large objects 83 MB against 7 at 1,000,000 tickets, whose log needed no sort).
 *
 * @param tickets ticket numbers, sorted in place; returned
 * @param createdAt the creation instant (epoch ms) of a ticket
 * @param place a ticket's place among ties: when omitted, its own number
 */
export function sortByCreation(tickets: Uint32Array, createdAt: (ticket: number) => number, place?: (ticket: number) => number): Uint32Array {
  return (place === undefined && sortedByNumericKeys(tickets, createdAt)) || tickets.sort(byCreation(createdAt, place));
}

/** The order `sortByCreation` sorts in, as a comparator: creation, then `place` (the ticket's own number when none). */
export function byCreation(createdAt: (ticket: number) => number, place?: (ticket: number) => number): (a: number, b: number) => number {
  const placeOf = place ?? ((ticket: number) => ticket);
  return (a, b) => createdAt(a) - createdAt(b) || placeOf(a) - placeOf(b);
}

/**
 * `tickets` sorted by (creation, ticket number) through numeric keys, or
 * undefined when the keys would not be exact (times of milliseconds over
 * a span too long for the ticket numbers' bits, or not whole milliseconds).
 */
function sortedByNumericKeys(tickets: Uint32Array, createdAt: (ticket: number) => number): Uint32Array | undefined {
  if (tickets.length < 2) return tickets;
  let earliest = Infinity;
  let latest = -Infinity;
  let largestTicket = 0;
  let wholeSeconds = true;
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    const time = createdAt(ticket);
    if (!Number.isInteger(time)) return undefined;
    if (time < earliest) earliest = time;
    if (time > latest) latest = time;
    if (ticket > largestTicket) largestTicket = ticket;
    if (wholeSeconds && time % 1000 !== 0) wholeSeconds = false;
  }
  const unit = wholeSeconds ? 1000 : 1;
  const ticketSpan = 2 ** Math.ceil(Math.log2(largestTicket + 1));
  if (!Number.isFinite(latest - earliest) || ((latest - earliest) / unit + 1) * ticketSpan > Number.MAX_SAFE_INTEGER) return undefined;
  const keys = new Float64Array(tickets.length);
  for (let index = 0; index < tickets.length; index++) {
    const ticket = tickets[index]!;
    keys[index] = ((createdAt(ticket) - earliest) / unit) * ticketSpan + ticket;
  }
  keys.sort();
  for (let index = 0; index < keys.length; index++) tickets[index] = keys[index]! % ticketSpan;
  return tickets;
}
