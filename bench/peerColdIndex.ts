/**
 * The peer's index from cold, in a process of its own (`bench:workspace` runs it once per round): VS
 * Code's Markdown language service builds its index on the first workspace symbol query, every file
 * read and parsed. Argument: a JSON file listing the Markdown files. Prints `{ indexMs, symbols }`.
 */
import { readFileSync } from 'node:fs';
import { MarkdownWorkspacePeer } from './markdownWorkspacePeer';

async function main(): Promise<void> {
  const files: string[] = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  process.stdout.write(`${JSON.stringify(await new MarkdownWorkspacePeer(files).buildIndex())}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`peerColdIndex failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
