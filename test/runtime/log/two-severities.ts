import type { LogVocabulary } from '../../../runtime/log/log-vocabulary.js';

/** The vocabulary of an agreement with severities Critical and Standard (the default) and one channel, Email, for reader tests. */
export const TWO_SEVERITIES: LogVocabulary = {
  severities: new Set(['Critical', 'Standard']),
  severityMatches: new Map(),
  defaultSeverity: 'Standard',
  channels: ['Email'],
  channelIndex: new Map([['Email', 0]]),
  channelMatches: new Map(),
};
