/**
 * The Node entry of the language server (`node dist/server.js --stdio`, or IPC from the VS Code
 * client). The handlers are registered in `languageServer.ts`; this file gives them the disk as the
 * workspace, and over stdio a message reader that ends the connection when the stream breaks.
 */
// First: V8's budget must be set before any code is compiled (see compilerBudget.ts).
import './node/compilerBudget';
import { userInfo } from 'node:os';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';
import { FileIndexStore } from './node/fileIndexStore';
import { NodeWorkspace } from './node/nodeWorkspace';
import { stdioTransport } from './node/stdioTransport';
import { ThreadSummariser } from './node/threadSummariser';

const transport = process.argv.includes('--stdio') ? stdioTransport() : undefined;
const connection = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all);
startLanguageServer(connection, {
  workspace: (documents) => new NodeWorkspace(documents),
  userName: osUserName(),
  indexSummariser: () => new ThreadSummariser(),
  indexStore: (folder) => new FileIndexStore(folder, SERVER_VERSION),
  // Only with `node --expose-gc`, for the memory tests (the test hook diplonote/test/held).
  heapUsedAfterGc: () => {
    if (typeof gc !== 'function') return null;
    gc();
    return process.memoryUsage().heapUsed;
  },
});

/** The name annotations are signed with when `diplonote.annotations.author` is not set; none when the system has no user entry. */
function osUserName(): string | undefined {
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

declare const SERVER_VERSION: string;
