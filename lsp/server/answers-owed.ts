import { AbstractMessageReader, Emitter, Message, type DataCallback, type Disposable, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/** How long the server waits for its answers before it exits anyway: a handler that never answers must not keep it alive. */
export const ANSWERS_WAIT_LIMIT_MS = 10_000;

/**
 * The requests the server has read and not yet answered, and the answers
 * not yet handed to the output: so that the server, when its input ends
 * (`slac lsp --stdio < requests`, or a client that writes its last
 * requests and closes) or when `exit` comes, first answers what it read.
 * Requests are counted as they come off the wire, before the life cycle
 * or the shape of their params is judged, so a refusal is an answer too.
 */
export class AnswersOwed {
  /** Request ids read and not yet answered, with how many times each was read (a client may reuse an id). */
  private readonly owed = new Map<number | string, number>();
  /** Writes started and not yet finished. */
  private writing = 0;
  /** Messages the reader has delivered, or failed to decode: the library decodes each asynchronously. */
  private messagesRead = 0;
  /** How many messages must be read before the answers can be settled: the framing's count once the input has ended. */
  private messagesExpected = 0;
  private readonly settledEmitter = new Emitter<void>();

  /** A reader that counts each request `input` reads and passes every message on, `exit` once the requests before it are answered. */
  countRequests(input: MessageReader): MessageReader {
    return new RequestCountingReader(input, {
      messageRead: (request) => {
        this.messagesRead += 1;
        if (request !== undefined) this.owed.set(request, (this.owed.get(request) ?? 0) + 1);
        this.fireWhenSettled();
      },
      beforeExit: () => this.settled(ANSWERS_WAIT_LIMIT_MS),
    });
  }

  /** A writer that counts each answer written through it as paid, once `output` has taken it. */
  countAnswers(output: MessageWriter): MessageWriter {
    return {
      onError: output.onError,
      onClose: output.onClose,
      write: async (message) => {
        this.writing += 1;
        try {
          await output.write(message);
        } finally {
          this.writing -= 1;
          if (Message.isResponse(message) && message.id !== null) this.paid(message.id);
          this.fireWhenSettled();
        }
      },
      end: () => output.end(),
      dispose: () => output.dispose(),
    };
  }

  /**
   * Resolves once `messagesExpected` messages have been read, every request
   * among them answered and every answer written; or after `limitMs`, with
   * the count of requests still owed.
   */
  settled(limitMs: number, messagesExpected = 0): Promise<number> {
    this.messagesExpected = Math.max(this.messagesExpected, messagesExpected);
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        listener.dispose();
        resolve(this.count);
      };
      const timer = setTimeout(done, limitMs);
      const listener = this.settledEmitter.event(done);
      this.fireWhenSettled();
    });
  }

  private get count(): number {
    let owed = 0;
    for (const times of this.owed.values()) owed += times;
    return owed;
  }

  private paid(id: number | string): void {
    const times = this.owed.get(id);
    if (times === undefined) return;
    if (times > 1) this.owed.set(id, times - 1);
    else this.owed.delete(id);
  }

  private fireWhenSettled(): void {
    if (this.messagesRead >= this.messagesExpected && this.owed.size === 0 && this.writing === 0) this.settledEmitter.fire();
  }
}

/** What the counting reader tells, and waits for. */
interface RequestEvents {
  /** A message was read (or could not be decoded); `request` is its id when it is a request. */
  messageRead(request?: number | string): void;
  beforeExit(): Promise<unknown>;
}

/** Passes every message on, telling the id of each request first, and holding `exit` until the answers owed are written. */
class RequestCountingReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly input: MessageReader,
    private readonly events: RequestEvents,
  ) {
    super();
    input.onError((error) => {
      this.events.messageRead();
      this.fireError(error);
    });
    input.onClose(() => this.fireClose());
    input.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.input.listen((message) => {
      this.events.messageRead(Message.isRequest(message) && message.id !== null ? message.id : undefined);
      // The library ends the process on `exit` at once, which would drop answers still being made.
      if (Message.isNotification(message) && message.method === 'exit') return void this.events.beforeExit().then(() => callback(message));
      callback(message);
    });
  }

  override dispose(): void {
    super.dispose();
    this.input.dispose();
  }
}
