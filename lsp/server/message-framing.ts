import { constants } from 'node:buffer';
import { Transform, type TransformCallback } from 'node:stream';

/** A header block longer than this has lost its way: real ones are under 100 bytes. */
const MAX_HEADER_BYTES = 64 * 1024;
/** The longest body the JSON reader could turn into a string. */
const MAX_BODY_BYTES = constants.MAX_STRING_LENGTH;
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/**
 * Where a message can start again after bytes that could not be framed. A
 * JSON body cannot hold it: a string in JSON cannot hold a raw CR or LF, so
 * `Content-Length: 52` followed by CR LF only occurs in a header.
 */
const NEXT_HEADER = /Content-Length:[ \t]*\d+[ \t]*\r\n/i;
/** Bytes kept while resynchronising, in case a chunk ends inside a `Content-Length: N` line. */
const RESYNC_TAIL_BYTES = 64;
const HEADER_FIELD = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

/** What the reader does on input it cannot frame. */
export interface FramingProblems {
  /** Bytes were skipped up to the next header; the session goes on. */
  skipped(problem: string): void;
  /** Framing cannot go on (where the next message starts is unknowable). */
  fatal(problem: string): void;
}

/**
 * A header block's body length, or why it gives none. `skipFrom` says
 * where the search for the next header starts: past a block of well-formed
 * header lines with a bad value (its own Content-Length must not be taken
 * again), or at the next byte when the block is not headers at all (the rest
 * of a body read too short, which runs into the next real header).
 */
type HeaderVerdict = { length: number } | { skip: string; skipFrom: 'blockEnd' | 'nextByte' } | { fatal: string };

/**
 * Sits between standard input and the JSON-RPC reader and passes on only
 * messages it could frame, each as `Content-Length: N` CR LF CR LF and N
 * bytes. The library's reader, given a header it could not frame (a
 * Content-Length that is not a number, negative or missing, or shorter than
 * its body), stopped reading for good without a word. Here such input is
 * skipped up to the next `Content-Length:` header and reported once; a
 * Content-Length too large for any message is fatal, since the bytes it
 * claims would never be read and the next message would never be found.
 */
export class MessageFraming extends Transform {
  /** Bytes of a header block not complete yet (or, while resynchronising, not yet searched). */
  private pending = Buffer.alloc(0);
  /** Body bytes still to pass on; -1 between messages. */
  private bodyLeft = -1;
  private resynchronising = false;
  private stopped = false;
  /** Messages passed on whole: when the input ends, the reader behind has these to deliver. */
  framedCount = 0;

  constructor(private readonly problems: FramingProblems) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let rest = chunk;
    while (rest.length > 0 && !this.stopped) {
      if (this.bodyLeft >= 0) rest = this.passBody(rest);
      else rest = this.readHeader(rest);
    }
    done();
  }

  /** At the end of the input: a message cut short is said, since it will never be read. */
  override _flush(done: TransformCallback): void {
    if (this.bodyLeft > 0) this.problems.skipped(`the input ended ${this.bodyLeft} bytes before the end of a message's body`);
    done();
  }

  /** Passes on what of `chunk` belongs to the body being read; returns the rest. */
  private passBody(chunk: Buffer): Buffer {
    const taken = Math.min(this.bodyLeft, chunk.length);
    if (taken > 0) this.push(chunk.subarray(0, taken));
    this.bodyLeft -= taken;
    if (this.bodyLeft === 0) {
      this.bodyLeft = -1;
      this.framedCount += 1;
    }
    return chunk.subarray(taken);
  }

  /** Reads a header block from `pending` and `chunk`; returns the bytes after it, or nothing while it is incomplete. */
  private readHeader(chunk: Buffer): Buffer {
    this.pending = Buffer.concat([this.pending, chunk]);
    for (;;) {
      if (this.resynchronising && !this.findNextHeader()) return Buffer.alloc(0);
      const end = this.pending.indexOf(HEADER_END);
      if (end < 0 && this.pending.length <= MAX_HEADER_BYTES) return Buffer.alloc(0);
      const verdict: HeaderVerdict =
        end < 0
          ? { skip: `${this.pending.length} bytes without the blank line that ends a header block`, skipFrom: 'nextByte' }
          : judgeHeader(this.pending.subarray(0, end).toString('latin1'));
      if ('fatal' in verdict) {
        this.stopped = true;
        this.problems.fatal(verdict.fatal);
        return Buffer.alloc(0);
      }
      if ('skip' in verdict) {
        this.skip(verdict.skip, verdict.skipFrom === 'blockEnd' ? end + HEADER_END.length : 1);
        continue;
      }
      const rest = this.pending.subarray(end + HEADER_END.length);
      this.pending = Buffer.alloc(0);
      this.push(Buffer.from(`Content-Length: ${verdict.length}\r\n\r\n`, 'latin1'));
      this.bodyLeft = verdict.length === 0 ? -1 : verdict.length;
      if (verdict.length === 0) this.framedCount += 1;
      return rest;
    }
  }

  /** Reports `problem` and searches on for a header from `offset` in `pending`. */
  private skip(problem: string, offset: number): void {
    this.problems.skipped(`${problem}; skipped to the next Content-Length header`);
    this.pending = this.pending.subarray(offset);
    this.resynchronising = true;
  }

  /** Drops `pending` up to the next `Content-Length: N` line; whether one was found. */
  private findNextHeader(): boolean {
    const found = NEXT_HEADER.exec(this.pending.toString('latin1'));
    if (!found) {
      this.pending = this.pending.subarray(Math.max(0, this.pending.length - RESYNC_TAIL_BYTES));
      return false;
    }
    this.pending = this.pending.subarray(found.index);
    this.resynchronising = false;
    return true;
  }
}

/** The body length a header block gives, or why it gives none. */
function judgeHeader(block: string): HeaderVerdict {
  if (block === '') return { skip: 'a blank line where a header was expected', skipFrom: 'blockEnd' };
  let length: string | undefined;
  for (const line of block.split('\r\n')) {
    const field = HEADER_FIELD.exec(line);
    if (!field) {
      const quoted = JSON.stringify(line.slice(0, 60));
      if (line.includes(':')) return { skip: `bytes where a header was expected (${quoted})`, skipFrom: 'nextByte' };
      return { skip: `a header line without ':' (${quoted})`, skipFrom: 'nextByte' };
    }
    if (field[1].toLowerCase() !== 'content-length') continue;
    if (length !== undefined && length !== field[2]) return { skip: 'two different Content-Length values in one header block', skipFrom: 'blockEnd' };
    length = field[2];
  }
  if (length === undefined) return { skip: 'a header block without Content-Length', skipFrom: 'blockEnd' };
  if (!/^\d+$/.test(length)) return { skip: `Content-Length ${JSON.stringify(length.slice(0, 60)).replace(/^"|"$/g, "'")} is not a byte count`, skipFrom: 'blockEnd' };
  const bytes = Number(length);
  if (bytes > MAX_BODY_BYTES) return { fatal: `Content-Length ${length} is larger than any message the server can read (at most ${MAX_BODY_BYTES} bytes)` };
  return { length: bytes };
}
