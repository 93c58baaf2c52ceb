/** The runtime: replays ticket and outage logs against a checked model. */
export * from './log/events.js';
export * from './log/index.js';
export * from './clock/index.js';
export * from './evaluate/index.js';
export * from './report/index.js';
export * from './check.js';
export * from './model-io.js';
