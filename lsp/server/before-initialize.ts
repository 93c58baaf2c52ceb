import { AbstractMessageReader, ErrorCodes, Message, type DataCallback, type Disposable, type MessageReader, type MessageWriter, type ResponseMessage } from 'vscode-languageserver/node';

/**
 * The protocol says a server answers any request that comes before
 * `initialize` with error -32002 (ServerNotInitialized) and does not handle
 * it; the library would run the handler on a server that knows nothing of
 * its workspace yet. This reader sits between the input stream and the
 * connection and answers such requests itself. Notifications pass (`exit`
 * must work at any time).
 */
export class InitializeFirstReader extends AbstractMessageReader implements MessageReader {
  private initializeSeen = false;

  constructor(
    private readonly input: MessageReader,
    private readonly output: MessageWriter,
  ) {
    super();
    input.onError((error) => this.fireError(error));
    input.onClose(() => this.fireClose());
    input.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.input.listen((message) => {
      if (this.initializeSeen || !Message.isRequest(message)) return callback(message);
      if (message.method === 'initialize') {
        this.initializeSeen = true;
        return callback(message);
      }
      const refusal: ResponseMessage = {
        jsonrpc: '2.0',
        id: message.id,
        error: { code: ErrorCodes.ServerNotInitialized, message: `The server is not initialized: send 'initialize' before '${message.method}'.` },
      };
      void this.output.write(refusal);
    });
  }

  override dispose(): void {
    super.dispose();
    this.input.dispose();
  }
}
