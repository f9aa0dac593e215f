/**
 * Issue 16, item 4: files are read with a bound, whatever `stat` says. `/proc/self/pagemap` reports a
 * size of 0 and never ends; read whole, it grows memory until the process dies. The CLI stops at the
 * first block that shows it is not text, or at the size limit, and says so in one line.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/serverConnection';

function cli(...args: string[]) {
  return spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 20000 });
}

describe('cli: special files', function () {
  this.timeout(30000);

  for (const file of ['/proc/self/pagemap', '/dev/zero', '/dev/urandom']) {
    it(`refuses ${file} in one line, at once`, function () {
      if (!existsSync(file)) this.skip();
      for (const command of ['outline', 'check']) {
        const result = cli(command, file);
        assert.equal(result.error, undefined, `${command} ${file}: ${String(result.error)}`);
        assert.equal(result.status, 2, `${command} ${file}: status ${result.status}, ${result.stderr}`);
        assert.match(result.stderr, new RegExp(`${file}: (binary file|not a regular file|too large)`));
        assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      }
    });
  }
});
