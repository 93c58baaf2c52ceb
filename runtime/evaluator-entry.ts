/**
 * The entry of the evaluator runtime bundle (`dist/evaluator-runtime.mjs`,
 * built by scripts/build-steps/evaluator.mjs): everything `checkEvents`
 * needs, with no file system access, so the bundle runs anywhere.
 */
import type { AgreementModel } from '../language/model/model.js';
import { checkEvents, type CheckEventsOptions, type CheckReport } from './check/events.js';
import { parseModelJson } from './model-io.js';

export type Checker = (events: ReadonlyArray<Record<string, unknown>>, options?: CheckEventsOptions) => CheckReport;

/** A `check(events, options)` bound to one agreement. */
export function createChecker(model: AgreementModel): Checker {
  return (events, options = {}) => checkEvents(model, events, options);
}

export { checkEvents, parseModelJson };
