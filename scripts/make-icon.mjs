#!/usr/bin/env node
// Renders images/icon.svg (drawn by hand, no font) to images/icon.png, 256 × 256, with the Chromium and
// playwright-core that scripts/setup-editors.sh installs. Run it after changing the SVG.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { repoRoot } from './start.mjs';

const require = createRequire(path.join(repoRoot, '.tools', 'playwright', 'node_modules') + path.sep);
const { chromium } = require('playwright-core');
const svg = readFileSync(path.join(repoRoot, 'images', 'icon.svg'), 'utf8');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--headless'] });
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(repoRoot, 'images', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
