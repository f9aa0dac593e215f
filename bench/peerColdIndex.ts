/**
 * The peer's index from cold, in a process of its own (`bench:workspace` runs it, bundled as our
 * server is, once per round): the Markdown files under a folder listed, as VS Code lists them for its
 * Markdown server, then VS Code's Markdown language service building its index on the first workspace
 * symbol query, every file read and parsed. Argument: the folder. Prints one line,
 * `{ firstQueryMs, symbols }`, as soon as the index is built: the bench times the process
 * from its spawn to that line, as it times ours from its spawn to the end of its index progress.
 */
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { MarkdownWorkspacePeer } from './markdownWorkspacePeer';

async function markdownFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.md')).map((entry) => path.join(entry.parentPath, entry.name));
}

async function main(): Promise<void> {
  const files = await markdownFiles(process.argv[2]);
  const { indexMs, symbols } = await new MarkdownWorkspacePeer(files).buildIndex();
  process.stdout.write(`${JSON.stringify({ firstQueryMs: indexMs, symbols })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`peerColdIndex failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
