/**
 * VS Code for the Web: the server runs in a worker without a file system and asks this client to write
 * an annotation sidecar (`diplonote/fs/writeFile`). Only a `*.note.annotations.json` inside a workspace
 * folder is written: the server has no business with any other file of the user.
 */
import { l10n, Uri, workspace } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FS_WRITE_FILE_REQUEST, type WriteFileParams } from '../../../server/src/protocol';
import { inWorkspace } from '../webFileSystem';

const SIDECAR = /\.note\.annotations\.json$/;

function bytesOf(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

async function writeSidecar(params: WriteFileParams | undefined): Promise<{ written: boolean; detail?: string }> {
  const target: Uri | undefined = inWorkspace(params?.uri);
  if (!target || !SIDECAR.test(target.path) || typeof params?.base64 !== 'string') {
    return { written: false, detail: l10n.t('Only an annotation file (NAME.note.annotations.json) of a workspace folder is written.') };
  }
  try {
    await workspace.fs.writeFile(target, bytesOf(params.base64));
    return { written: true };
  } catch (error) {
    return { written: false, detail: error instanceof Error ? error.message : String(error) };
  }
}

export function serveSidecarWrites(client: BaseLanguageClient): void {
  client.onRequest(FS_WRITE_FILE_REQUEST, writeSidecar);
}
