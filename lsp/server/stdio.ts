/**
 * The language server over standard input and output: what `slac lsp
 * --stdio` runs and what the VS Code extension bundles as its server.
 */
import { createConnection, ErrorCodes, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type ResponseMessage } from 'vscode-languageserver/node';
import { printableThrown } from '../../language/diagnostics/printable-stack.js';
import { AnswersOwed, ANSWERS_WAIT_LIMIT_MS } from './answers-owed.js';
import { LifecycleReader } from './lifecycle-reader.js';
import { MessageFraming } from './message-framing.js';
import { startServer } from './server.js';
import { WellFormedReader } from './well-formed-reader.js';

// Handlers catch their own errors; this is the last line of defence, so a
// bug in a timer or a stream callback is logged instead of ending the
// session (standard output carries the protocol, so the log goes to stderr).
// The error's message may quote a document's text or a path: escaped, as the CLI's internal errors are.
process.on('uncaughtException', (error) => process.stderr.write(`slac lsp: ${printableThrown(error)}\n`));
process.on('unhandledRejection', (reason) => process.stderr.write(`slac lsp: ${printableThrown(reason)}\n`));

const answersOwed = new AnswersOwed();
const writer = answersOwed.countAnswers(new StreamMessageWriter(process.stdout));
// Input that cannot be framed is skipped to the next header, with a line on
// stderr and a -32700 for the client's log; where the next message starts
// cannot be known, the server exits 1, and the editor restarts it.
const framing = new MessageFraming({
  skipped(problem) {
    process.stderr.write(`slac lsp: input that could not be read as a message: ${problem}.\n`);
    const answer: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: ${problem}.` } };
    void writer.write(answer);
  },
  fatal(problem) {
    process.stderr.write(`slac lsp: ${problem}; exiting, since the next message cannot be found.\n`);
    process.exit(1);
  },
});
const reader = new LifecycleReader(answersOwed.countRequests(new StreamMessageReader(process.stdin.pipe(framing))), writer);
// The library exits when its input ends only when given the stream itself,
// not a reader in front of it: an editor that dies without `exit` closes
// our input, and the server must not outlive it. The requests read before
// the end are answered first (`slac lsp --stdio < requests`), and standard
// output drained. The code says whether `shutdown` came first, as after `exit`.
let ending = false;
const exitAtEndOfInput = async (): Promise<void> => {
  if (ending) return;
  ending = true;
  const unanswered = await answersOwed.settled(ANSWERS_WAIT_LIMIT_MS, framing.framedCount);
  if (unanswered > 0) process.stderr.write(`slac lsp: input ended; exiting with ${unanswered} request(s) still unanswered after ${ANSWERS_WAIT_LIMIT_MS / 1000} s.\n`);
  process.stdout.write('', () => process.exit(reader.shutdownReceived ? 0 : 1));
};
// The framing's end, not the input's: it knows how many whole messages
// the reader behind it has to deliver (the library decodes each one
// asynchronously, so some may still be on their way).
framing.on('end', () => void exitAtEndOfInput());
process.stdin.on('close', () => {
  if (!framing.writableEnded) framing.end();
});
// The life cycle first (a message out of turn is refused whatever its params), then the shape of the params.
startServer(createConnection(ProposedFeatures.all, new WellFormedReader(reader, writer), writer));
