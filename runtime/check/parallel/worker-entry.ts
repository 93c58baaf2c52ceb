import { parentPort, workerData } from 'node:worker_threads';
import { PartitionCheck } from './partition-check.js';
import { transferablesOf, type MainToWorker, type WorkerSetup, type WorkerToMain } from './protocol.js';

// The entry point of a `slac check --jobs N` worker thread, bundled into
// dist/check-worker.mjs (scripts/build-steps/check-worker.mjs).

/** Batches of rendered tickets sent and not yet taken: bounds what waits in the coordinator's memory. */
const AHEAD = 4;
/** Tickets per batch of rendered tickets, and between two progress messages otherwise. */
const RENDERED_BATCH = 256;
const PROGRESS_EVERY = 16_384;

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (message: WorkerToMain): void => port.postMessage(message);

if (setup.fault === 'throw') throw new Error('a worker failed on purpose (SLAC_CHECK_WORKER_FAULT=throw)');
if (setup.fault === 'exit') process.exit(3);

const check = new PartitionCheck(setup.model, setup.options, setup.display);
let unanswered = 0;
let reported = false;

port.on('message', (message: MainToWorker) => {
  if (message.type === 'evaluate') {
    check.startEvaluation(message.asOf, setup.ticketText);
    if (setup.ticketText) sendRendered();
    else evaluateAll();
    return;
  }
  unanswered--;
  sendRendered();
});

/** Evaluates every ticket, saying how far it is now and then; then sends the partition's report. */
function evaluateAll(): void {
  while (!check.done) {
    check.evaluateSome(PROGRESS_EVERY);
    post({ type: 'progress', evaluated: check.evaluatedCount });
  }
  postReport();
}

/** Sends batches of rendered tickets while the coordinator is not too far behind; then the partition's report. */
function sendRendered(): void {
  while (unanswered < AHEAD && !check.done) {
    check.evaluateSome(RENDERED_BATCH);
    const batch = check.takeRendered();
    if (batch.count === 0) continue;
    unanswered++;
    port.postMessage({ type: 'rendered', batch } satisfies WorkerToMain, [batch.places.buffer, batch.text.buffer, batch.ends.buffer] as ArrayBuffer[]);
  }
  // Messages arrive in order: the report follows the last batch.
  if (check.done && !reported) {
    reported = true;
    postReport();
  }
}

/** The partition's report, its typed arrays handed over, not copied. */
function postReport(): void {
  const report = check.report();
  port.postMessage({ type: 'evaluated', ...report } satisfies WorkerToMain, transferablesOf(report));
}

const readable = await check.read(setup.exchange);
post({ type: 'checked', ...check.prepare(readable) });
