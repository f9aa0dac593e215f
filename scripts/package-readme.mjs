#!/usr/bin/env node
// The README of the .vsix, which VS Code shows as the extension's page: README.md with every local
// Markdown file it links to (and those link to) appended, each link turned into an anchor within the page.
// VS Code's extension page opens only http(s) and mailto links; a relative link to a file, even one
// shipped in the package, does nothing there, while a `#heading` link scrolls the page. Images keep their
// relative paths (docs/images/ is shipped). `npm run package` writes dist/README.md and packages it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt();

/** The id VS Code's extension page gives a heading (as GitHub does): lower case, punctuation dropped, spaces as `-`. */
export function headingId(text) {
  return text.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\- ]/gu, '').replace(/ /g, '-');
}

function tokensOf(text) {
  return markdown.parse(text, {});
}

function headingIds(text) {
  const tokens = tokensOf(text);
  return tokens.flatMap((token, index) => (token.type === 'heading_open' ? [headingId(tokens[index + 1].content)] : []));
}

/** The link targets of a Markdown text (images apart), each once. */
function linkTargets(text) {
  const targets = new Set();
  for (const token of tokensOf(text)) {
    for (const child of token.children ?? []) if (child.type === 'link_open') targets.add(child.attrGet('href'));
  }
  return [...targets];
}

function isLocal(target) {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');
}

/** Builds the page from `readme` (a path below `root`); throws when a link would lead nowhere. */
export function packageReadme(root, readme = 'README.md') {
  const included = [readme];
  const pages = [];
  for (let next = 0; next < included.length; next++) {
    const file = included[next];
    let text = readFileSync(path.join(root, file), 'utf8');
    const folder = path.posix.dirname(file);
    for (const target of linkTargets(text).filter(isLocal)) {
      const [targetFile, fragment] = target.split('#');
      const resolved = path.posix.normalize(path.posix.join(folder, targetFile));
      if (!resolved.endsWith('.md')) throw new Error(`${file}: the link to ${target} would lead nowhere on the extension page`);
      if (!included.includes(resolved)) included.push(resolved);
      const anchor = fragment ?? headingIds(readFileSync(path.join(root, resolved), 'utf8'))[0];
      text = text.split(`](${target})`).join(`](#${anchor})`);
    }
    // Images of a file in a folder are found from the page at the root.
    if (folder !== '.') text = text.replace(/!\[([^\]]*)\]\((?![a-z][a-z0-9+.-]*:)([^)\s]+)\)/gi, (_, alt, image) => `![${alt}](${path.posix.join(folder, image)})`);
    pages.push(text.trimEnd());
  }
  const page = pages.join('\n\n---\n\n') + '\n';
  checkAnchors(page);
  return page;
}

/** Every `#anchor` link names exactly one heading of the page. */
function checkAnchors(page) {
  const ids = headingIds(page);
  for (const target of linkTargets(page).filter((target) => target.startsWith('#'))) {
    const count = ids.filter((id) => id === target.slice(1)).length;
    if (count !== 1) throw new Error(`the extension page has ${count} headings for the link ${target}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
  mkdirSync(path.join(root, 'dist'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'README.md'), packageReadme(root));
}
