import { parentPort } from 'node:worker_threads';
import { holidayDataSetUsed, publicHolidaysSeed, seedPublicHolidays } from '../../clock/holidays/index.js';
import { PartitionCheck } from './partition-check.js';
import { transferablesOf, type MainToWorker, type WorkerSetup, type WorkerToMain } from './protocol.js';

// The entry point of a `slac check --jobs N` worker thread, bundled into
// dist/check-worker.mjs (scripts/build-steps/check-worker.mjs). It starts
// before its work is known (worker-start.ts) and waits for its setup.

/** Batches of rendered tickets sent and not yet taken: bounds what waits in the coordinator's memory. */
const AHEAD = 4;
/** Tickets per batch of rendered tickets, and between two progress messages otherwise. */
const RENDERED_BATCH = 256;
const PROGRESS_EVERY = 16_384;

const port = parentPort!;
const post = (message: WorkerToMain): void => port.postMessage(message);

let setup: WorkerSetup | undefined;
let check: PartitionCheck | undefined;
let unanswered = 0;
let reported = false;

port.on('message', (message: MainToWorker) => {
  switch (message.type) {
    case 'setup':
      setup = message.setup;
      if (setup.fault === 'throw') throw new Error('a worker failed on purpose (SLAC_CHECK_WORKER_FAULT=throw)');
      if (setup.fault === 'exit') process.exit(3);
      seedPublicHolidays(setup.holidayCodes);
      return void read(setup);
    case 'holidays':
      // Computed here, so that the coordinator's thread never loads the data set (holiday-seed.ts).
      return post({ type: 'holidays', seed: publicHolidaysSeed(message.codes, message.years) });
    case 'evaluate':
      seedPublicHolidays(message.holidays);
      check!.startEvaluation(message.asOf, setup!.ticketText, setup!.listedEscalations);
      if (setup!.ticketText) sendRendered();
      else evaluateAll();
      return;
    case 'more':
      unanswered--;
      return sendRendered();
  }
});

/** Reads this worker's partition of the log, and says what it found. */
async function read(given: WorkerSetup): Promise<void> {
  check = new PartitionCheck(given.model, given.options, given.display);
  const readable = await check.read(given.exchange);
  post({ type: 'checked', ...check.prepare(readable) });
}

/** Evaluates every ticket, saying how far it is now and then; then sends the partition's report. */
function evaluateAll(): void {
  while (!check!.done) {
    check!.evaluateSome(PROGRESS_EVERY);
    post({ type: 'progress', evaluated: check!.evaluatedCount });
  }
  postReport();
}

/** Sends batches of rendered tickets while the coordinator is not too far behind; then the partition's report. */
function sendRendered(): void {
  while (unanswered < AHEAD && !check!.done) {
    check!.evaluateSome(RENDERED_BATCH);
    const batch = check!.takeRendered();
    if (batch.count === 0) continue;
    unanswered++;
    port.postMessage({ type: 'rendered', batch } satisfies WorkerToMain, [batch.places.buffer, batch.text.buffer, batch.ends.buffer] as ArrayBuffer[]);
  }
  // Messages arrive in order: the report follows the last batch.
  if (check!.done && !reported) {
    reported = true;
    postReport();
  }
}

/** The partition's report, its typed arrays handed over, not copied. */
function postReport(): void {
  const report = check!.report();
  port.postMessage({ type: 'evaluated', loadedHolidayData: holidayDataSetUsed(), ...report } satisfies WorkerToMain, transferablesOf(report));
}
