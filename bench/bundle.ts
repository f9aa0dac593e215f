/**
 * The code the bench times is the code users run: bundled by esbuild. Under tsx every imported
 * function is reached through a getter of a CommonJS module object, which made the core about
 * twice as slow as in `dist/server.js`; the bundle calls functions directly, as the server does.
 */
import { build } from 'esbuild';
import * as path from 'node:path';
import { REPO_ROOT } from '../test/support/serverConnection';
import type * as CoreApi from './coreEntry';

export type Core = typeof CoreApi;

const OPTIONS = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' } as const;

/** Bundles `coreEntry.ts` into `outDir` and loads it. */
export async function loadBundledCore(outDir: string): Promise<Core> {
  const outfile = path.join(outDir, 'core.cjs');
  await build({ ...OPTIONS, entryPoints: [path.join(__dirname, 'coreEntry.ts')], outfile });
  return require(outfile) as Core;
}

/** Bytes of the server bundled and minified as `npm run package` ships it, without writing it. */
export async function shippedServerSize(): Promise<number> {
  const bundle = await build({
    ...OPTIONS, entryPoints: [path.join(REPO_ROOT, 'server', 'src', 'server.ts')], minify: true, write: false,
    define: { SERVER_VERSION: '"bench"' },
  });
  return bundle.outputFiles.reduce((total, file) => total + file.contents.length, 0);
}
