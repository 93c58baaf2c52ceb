import type { CatalogueEntry } from './entry.js';

/** SLA1xxx: the text could not be read as `.sla` (lexer and parser). */
export const syntaxCodes = [
  { code: 'SLA1001', severity: 'error', message: "Unexpected character '{text}'.", explanation: 'The character cannot start any word, number, string or symbol of the language.' },
  { code: 'SLA1002', severity: 'error', message: 'This string is not closed on its line; add a closing ".', explanation: 'Strings in double quotes must end on the line they start on. Use a """text block""" for prose over several lines.' },
  { code: 'SLA1003', severity: 'error', message: 'This text block is never closed; add a closing """.', explanation: 'A text block starts and ends with three double quotes.' },
  { code: 'SLA1004', severity: 'error', message: "Unknown escape '\\{text}' in a string; use \\\", \\\\ or \\n.", explanation: 'Only \\" (a quote), \\\\ (a backslash) and \\n (a new line) may follow a backslash in a string.' },
  { code: 'SLA1005', severity: 'error', message: 'This comment is never closed; add */.', explanation: 'A block comment starts with /* and ends with */.' },
  { code: 'SLA1010', severity: 'error', message: 'Expected {expected} but found {found}.', explanation: 'The statement is not complete or has a word out of place.' },
  { code: 'SLA1011', severity: 'error', message: '{found} is not expected here.', explanation: 'Extra input that does not belong to any statement.' },
  { code: 'SLA1012', severity: 'error', message: '{found} does not start a statement allowed in {context}; expected {expected}.', explanation: 'Each block allows a fixed set of statements.' },
  { code: 'SLA1020', severity: 'error', message: "'{text}' is not a valid date; write YYYY-MM-DD.", explanation: 'Dates are written year-month-day and must exist in the calendar.' },
  { code: 'SLA1021', severity: 'error', message: "'{text}' is not a valid time of day; write HH:MM between 00:00 and 24:00.", explanation: 'Times of day are written as hours and minutes on a 24-hour clock.' },
  { code: 'SLA1022', severity: 'error', message: "'{text}' is not a duration unit; use minutes, hours, days, business days, weeks or months.{hint}", explanation: 'A duration is a number followed by a unit.' },
  { code: 'SLA1023', severity: 'error', message: 'The file has {count} words, numbers and symbols; slac reads at most {limit} from one file.', explanation: 'Every token of a file costs the parser memory, and an error on every token of a large file of junk took gigabytes. An agreement of a thousand metrics has under a hundred thousand tokens; split a larger one into imported files.' },
  { code: 'SLA1024', severity: 'error', message: 'The control character {character} cannot be written in a string or text block; remove it.', explanation: 'A control character (U+0000 to U+001F but tab, line feed and carriage return; U+007F to U+009F) is invisible in an editor, and in the PDF, HTML and Markdown made from the agreement, or on a terminal printing them, it hides text or drives the terminal (an ESC starts a colour or a cursor move). Write a new line as \\n in a string or as a line of a text block.' },
  { code: 'SLA1025', severity: 'error', message: "Each param of a client line needs its own 'with': write 'with {name} \"...\"', not {found}.", explanation: 'A portfolio line fills the params of its agreement one `with` at a time: `with ClientName "Acme" with ProviderName "Initech Support"`. Without its `with`, the second name would read as the start of another statement.' },
  { code: 'SLA1026', severity: 'error', message: 'A term\'s name is written in double quotes: write term "{name}" and its definition.', explanation: 'A defined term is named as the document prints it, in double quotes, which may hold spaces and any capitals: `term "Business Hours" "the hours of the Office calendar"`. Without the quotes the words would be read as names of the language.' },
] as const satisfies readonly CatalogueEntry[];
