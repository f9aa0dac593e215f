/**
 * The stdio transport, with a reader that gives up on a broken stream. vscode-jsonrpc's reader reports a
 * `Content-Length` that is not a number, or a body that is not JSON, as an error and then reads on from
 * the middle of a message, never in step again; a length larger than what arrives makes it wait for
 * good. Either way the server would live on, deaf. Here each ends the connection: the reason goes to the
 * error output (the editor's server log) and the process exits, so that the editor sees the server stop.
 */
import type { Message } from 'vscode-languageserver';
import { StreamMessageReader, StreamMessageWriter, type DataCallback } from 'vscode-languageserver/node';

/** A client writes a message at once: a message still incomplete after this long without data never ends. */
const STALLED_MESSAGE_MS = 5000;

/** Remembers whether `shutdown` was asked, for the exit status when the stream closes. */
class WatchedReader extends StreamMessageReader {
  shutdownAsked = false;

  override listen(callback: DataCallback) {
    return super.listen((message: Message) => {
      if ((message as { method?: unknown }).method === 'shutdown') this.shutdownAsked = true;
      callback(message);
    });
  }
}

function end(reason: string, status: number): never {
  process.stderr.write(`Diplonote: ${reason}\n`);
  process.exit(status);
}

export function stdioTransport(): { reader: StreamMessageReader; writer: StreamMessageWriter } {
  const reader = new WatchedReader(process.stdin);
  reader.partialMessageTimeout = STALLED_MESSAGE_MS;
  reader.onError((error) => end(`the message stream from the editor is broken (${error.message.split('\n')[0]}); closing the connection.`, 1));
  reader.onPartialMessage(({ waitingTime }) =>
    end(`a message from the editor is still incomplete after ${waitingTime} ms (a wrong Content-Length?); closing the connection.`, 1));
  // What createConnection does for a stdio stream it opens itself: the editor went away.
  for (const event of ['end', 'close'] as const) process.stdin.on(event, () => process.exit(reader.shutdownAsked ? 0 : 1));
  return { reader, writer: new StreamMessageWriter(process.stdout) };
}
