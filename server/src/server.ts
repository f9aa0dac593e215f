/**
 * The Node entry of the language server (`node dist/server.js --stdio`, or IPC from the VS Code
 * client). The handlers are registered in `languageServer.ts`; this file adds only what Node has:
 * reading a closed counterpart file from disk.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './languageServer';
import type { StoredFile } from './counterparts';
import { glossaryFileSource } from './node/glossaryFiles';

/** Closed counterpart files larger than this are not read. */
const MAX_COUNTERPART_BYTES = 16 * 1024 * 1024;

function readFile(uri: string): StoredFile | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const file = fileURLToPath(uri);
    const stat = statSync(file);
    if (!stat.isFile() || stat.size > MAX_COUNTERPART_BYTES) return undefined;
    return { version: -Math.round(stat.mtimeMs), read: () => readText(file) };
  } catch {
    return undefined;
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

startLanguageServer(createConnection(ProposedFeatures.all), { readFile, glossaryFiles: glossaryFileSource });
