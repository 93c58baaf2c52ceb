import { parentPort, workerData } from 'node:worker_threads';
import { PartitionCheck } from './partition-check.js';
import type { MainToWorker, WorkerSetup, WorkerToMain } from './protocol.js';

// The entry point of a `slac check --jobs N` worker thread, bundled into
// dist/check-worker.mjs (scripts/build-steps/check-worker.mjs).

/** Batches of verdicts sent and not yet taken: bounds what waits in the coordinator's memory. */
const AHEAD = 4;

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (message: WorkerToMain): void => port.postMessage(message);

if (setup.fault === 'throw') throw new Error('a worker failed on purpose (SLAC_CHECK_WORKER_FAULT=throw)');
if (setup.fault === 'exit') process.exit(3);

const check = new PartitionCheck(setup.model, setup.options, setup.display);
let asOf = 0;
let unanswered = 0;

port.on('message', (message: MainToWorker) => {
  if (message.type === 'evaluate') asOf = message.asOf;
  else unanswered--;
  send();
});

/** Sends batches of verdicts while the coordinator is not too far behind; then the count of ignored events. */
function send(): void {
  while (unanswered < AHEAD && !check.done) {
    const batch = check.evaluateBatch(asOf, setup.ticketText);
    if (batch.count === 0) continue;
    unanswered++;
    const transfer = [batch.numbers.buffer, batch.text?.buffer, batch.textEnds?.buffer].filter((buffer): buffer is ArrayBuffer => buffer !== undefined);
    port.postMessage({ type: 'verdicts', batch } satisfies WorkerToMain, transfer);
  }
  if (check.done && unanswered === 0) post({ type: 'evaluated', ignored: check.ignoredAfterAsOf });
}

const readable = await check.read(setup.exchange);
post({ type: 'checked', ...check.prepare(readable) });
