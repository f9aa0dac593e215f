/**
 * Issue 16, "Smaller": a bogus `Content-Length` must not leave the server alive but deaf. Over stdio,
 * a header that is not a number, or a message that never arrives in full, ends the connection: the
 * server writes why to its error output and exits, so that the editor sees it stopped and can restart it.
 */
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_PATH } from '../support/serverConnection';

interface Ended {
  readonly code: number | null;
  readonly stderr: string;
}

const started: ChildProcess[] = [];

/** Starts the server, writes `bytes` to it, and waits (the test's timeout bounds the wait) for it to exit. */
function feed(bytes: string): Promise<Ended> {
  const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: 'pipe' });
  started.push(child);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.resume();
  child.stdin.write(bytes);
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

function message(body: object, length?: string): string {
  const json = JSON.stringify(body);
  return `Content-Length: ${length ?? Buffer.byteLength(json)}\r\n\r\n${json}`;
}

const INITIALIZE = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } };

describe('protocol: a broken message stream ends the connection', function () {
  this.timeout(30000);
  afterEach(() => {
    for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  it('exits with an error in the log on a Content-Length that is not a number', async () => {
    const ended = await feed(message(INITIALIZE, 'many') + message(INITIALIZE));
    assert.notEqual(ended.code, 0);
    assert.match(ended.stderr, /Content-Length/);
  });

  it('exits with an error in the log when a message never arrives in full', async () => {
    const ended = await feed(message(INITIALIZE, '99999999'));
    assert.notEqual(ended.code, 0);
    assert.match(ended.stderr, /incomplete|never arrived|Content-Length/i);
  });

  it('exits with an error in the log on a body that is not JSON', async () => {
    const ended = await feed('Content-Length: 5\r\n\r\n{"a":' + message(INITIALIZE));
    assert.notEqual(ended.code, 0);
    assert.match(ended.stderr, /Diplonote/);
  });
});
