/**
 * The `slac explain` command a page gives for one ticket, written so that
 * a POSIX shell reads the id back whole: a ticket id is any text of the
 * log (`has space`, `-dash`, `$(id)`), and printed as it is, a copied
 * command read it as two arguments, an option, or a command to run.
 */

/** Characters no POSIX shell gives a meaning to inside a word. */
const PLAIN_WORD = /^[A-Za-z0-9_.,:+@%=/-]+$/;

/** `slac explain AGREEMENT LOG TICKET`, the id quoted when it needs to be and after `--` when it starts with a hyphen. */
export function explainCommand(ticket: string): string {
  const word = PLAIN_WORD.test(ticket) ? ticket : `'${ticket.replace(/'/g, `'\\''`)}'`;
  return `slac explain AGREEMENT LOG ${ticket.startsWith('-') ? '-- ' : ''}${word}`;
}
