import { readFileSync } from 'node:fs';

/**
 * Where the workspace reads `.sla` text. The CLI reads the disk; the
 * language server reads its open editor buffers first.
 */
export interface SourceHost {
  /** The file's text, or undefined when there is no such file. Paths are absolute. */
  readFile(file: string): string | undefined;
}

/** Reads files from the disk as UTF-8; a missing or unreadable file is undefined. */
export const nodeSourceHost: SourceHost = {
  readFile(file: string): string | undefined {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
};
