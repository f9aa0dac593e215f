/** What the annotation tests share. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The complete example of docs/annotations.md, as a user copies it. */
export function documentedExample(): string {
  const docs = readFileSync(path.join(ROOT, 'docs', 'annotations.md'), 'utf8');
  const start = docs.indexOf('```json\n') + '```json\n'.length;
  return docs.slice(start, docs.indexOf('```', start));
}

export function readSample(name: string): string {
  return readFileSync(path.join(ROOT, 'samples', name), 'utf8');
}
