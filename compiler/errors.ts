/**
 * A problem the person compiling can fix (no browser, an unknown or
 * unfilled param). `slac compile` prints its message alone, without a stack
 * trace; library callers can catch it by type.
 */
export class CompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompileError';
  }
}
