/** The runtime: replays ticket and outage logs against a checked model. */
export * from './log/events.js';
