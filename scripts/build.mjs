// Bundles the three entry points (client, server, CLI) into dist/ with esbuild.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { SERVER_VERSION: JSON.stringify(version), CLI_VERSION: JSON.stringify(version) },
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  // The index's worker thread, beside the server (server/src/node/threadSummariser.ts).
  build({ ...common, entryPoints: ['server/src/node/indexWorker.ts'], outfile: 'dist/indexWorker.js' }),
  build({ ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // VS Code for the Web: client and server run in the browser, the server in a web worker.
  build({ ...common, platform: 'browser', format: 'cjs', entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] }),
  build({ ...common, platform: 'browser', format: 'iife', entryPoints: ['server/src/browser/server.ts'], outfile: 'dist/web/server.js' }),
]);
