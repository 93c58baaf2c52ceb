import type { LogError } from '../../log/log-error.js';
import type { LogRowHandler } from '../../log/log-rows.js';
import { partitionOf } from './partition.js';

/**
 * Passes on the rows of one partition's tickets, and the problems of one
 * partition's share of the lines (`line` modulo the partitions), so that
 * workers which all parse the same CSV log report each problem once. A
 * problem of the whole file (a bad header) is reported by every worker, and
 * warnings by key are merged by the coordinator.
 */
export class PartitionRows implements LogRowHandler {
  constructor(
    private readonly partition: number,
    private readonly partitions: number,
    private readonly target: LogRowHandler,
  ) {}

  row(values: Record<string, unknown>, line: number): void {
    if (partitionOf(values.ticket, this.partitions) === this.partition) this.target.row(values, line);
  }

  problem(error: LogError, fatal?: boolean): void {
    if (fatal || error.severity === 'warning' || error.line % this.partitions === this.partition) this.target.problem(error, fatal);
  }
}
