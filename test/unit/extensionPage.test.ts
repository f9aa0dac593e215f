/**
 * The extension's page in VS Code (the packaged README) and the files the .vsix must carry: the page's
 * links lead somewhere, its images, icon, translations and walkthrough media are in the package.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import MarkdownIt from 'markdown-it';
import { listFiles, PackageManager } from '@vscode/vsce';

const ROOT = join(__dirname, '..', '..');

/** The part of markdown-it's tokens read here (bench/markdown-it.d.ts declares only what the bench uses). */
interface MarkdownToken {
  readonly type: string;
  readonly content: string;
  readonly attrs: Array<[string, string]> | null;
  readonly children: MarkdownToken[] | null;
}

const parse = (text: string) => new MarkdownIt().parse(text, {}) as unknown as MarkdownToken[];

interface PageModule {
  packageReadme(root: string): string;
  headingId(text: string): string;
}

describe('the extension page and the package', () => {
  let page: string;
  let packaged: Set<string>;
  let headingId: PageModule['headingId'];

  before(async function () {
    this.timeout(60000); // vsce walks the whole folder, tools included
    const module = await import(pathToFileURL(join(ROOT, 'scripts', 'package-readme.mjs')).href) as PageModule;
    page = module.packageReadme(ROOT);
    headingId = module.headingId;
    packaged = new Set(await listFiles({ cwd: ROOT, packageManager: PackageManager.None }));
  });

  const targets = (kind: 'link_open' | 'image') => parse(page)
    .flatMap((token) => token.children ?? []).filter((token) => token.type === kind)
    .map((token) => token.attrs?.find(([name]) => name === (kind === 'image' ? 'src' : 'href'))?.[1] ?? '');

  it('has only links VS Code opens there: web addresses, or headings of the page itself', () => {
    const links = targets('link_open');
    assert.ok(links.some((link) => link.startsWith('#')), 'the docs are linked');
    assert.deepEqual(links.filter((link) => !/^(https?:|mailto:|#)/.test(link)), []);
    const ids = parse(page).flatMap((token, index, all) => (token.type === 'heading_open' ? [headingId(all[index + 1].content)] : []));
    for (const link of links.filter((link) => link.startsWith('#'))) assert.ok(ids.includes(link.slice(1)), link);
  });

  it('shows images that the package carries', () => {
    const images = targets('image');
    assert.ok(images.length >= 4);
    assert.deepEqual(images.filter((image) => !packaged.has(image)), []);
  });

  it('carries the icon, both translations, the walkthrough media and the sample the walkthrough opens', () => {
    for (const file of ['images/icon.png', 'package.nls.json', 'package.nls.zh-cn.json', 'l10n/bundle.l10n.zh-cn.json',
      'walkthrough/sample.md', 'walkthrough/sample.zh-cn.md', 'walkthrough/annotate.md', 'walkthrough/annotate.zh-cn.md',
      'samples/ohchr-reply-al-chn-4-2025.note']) {
      assert.ok(packaged.has(file), file);
    }
  });
});
