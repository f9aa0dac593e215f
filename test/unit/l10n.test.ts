/**
 * The interface in English and Chinese. Every string the extension contributes (package.json) is a
 * `%key%` that package.nls.json and package.nls.zh-cn.json both define, and every message of the client
 * goes through `vscode.l10n.t` with both bundles (l10n/). A setting or command added without its keys
 * fails here, with the keys to add.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const ROOT = join(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8')) as Record<string, unknown>;
const manifest = readJson('package.json');
const english = readJson('package.nls.json') as Record<string, string>;
const chinese = readJson('package.nls.zh-cn.json') as Record<string, string>;

/** Properties whose strings VS Code shows to the user, wherever they sit under `contributes`. */
const SHOWN = new Set([
  'title', 'description', 'markdownDescription', 'deprecationMessage', 'markdownDeprecationMessage', 'label',
  'name', 'altText', 'contents', 'enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels', 'shortTitle',
]);
const KEY = /^%([\w.-]+)%$/;
const HAN = /\p{Script=Han}/u;

/** Every string in a JSON value with its path, e.g. `contributes.commands[0].title`. */
function* strings(value: unknown, path: string): Generator<{ path: string; property: string; text: string }> {
  if (typeof value === 'string') yield { path, property: path.replace(/\[\d+\]$/, '').split('.').pop() ?? '', text: value };
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* strings(item, `${path}[${index}]`);
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) yield* strings(item, `${path}.${key}`);
}

/** The user-visible strings of the manifest: its name and description, and what `contributes` shows. */
function shownStrings(): Array<{ path: string; text: string }> {
  const shown = [...strings(manifest.contributes, 'contributes')].filter((entry) => SHOWN.has(entry.property));
  const languages = (manifest.contributes as { languages: Array<{ aliases?: string[] }> }).languages;
  const languageNames = languages.flatMap((language, index) => (language.aliases?.length ? [{ path: `contributes.languages[${index}].aliases[0]`, text: language.aliases[0] }] : []));
  return [{ path: 'displayName', text: String(manifest.displayName) }, { path: 'description', text: String(manifest.description) }, ...languageNames, ...shown];
}

function usedKeys(): Set<string> {
  return new Set([...strings(manifest, '')].flatMap((entry) => KEY.exec(entry.text)?.[1] ?? []));
}

/** Placeholders, command links and code spans: what a translation must carry over unchanged. */
function fixedParts(text: string): string[] {
  return [...text.matchAll(/\{\d+\}|\(command:[^)]+\)|`[^`]+`/g)].map((match) => match[0]).sort();
}

function assertTranslated(englishTexts: Record<string, string>, chineseTexts: Record<string, string>, where: string): void {
  assert.deepEqual(Object.keys(chineseTexts).sort(), Object.keys(englishTexts).sort(), `${where}: the same keys in both languages`);
  for (const [key, text] of Object.entries(englishTexts)) {
    const translation = chineseTexts[key];
    assert.ok(translation.trim() !== '', `${where}: "${key}" is empty in Chinese`);
    assert.deepEqual(fixedParts(translation), fixedParts(text), `${where}: "${key}" keeps its placeholders, links and code`);
    const nameOrFile = /^[\w./-]+$/.test(text); // a product name or a file path reads the same in Chinese
    assert.ok(nameOrFile || HAN.test(translation), `${where}: "${key}" is not translated into Chinese: ${translation}`);
  }
}

describe('the interface in English and Chinese: contributed strings', () => {
  it('shows no text in package.json other than a %key% of package.nls.json', () => {
    const literal = shownStrings().filter((entry) => !KEY.test(entry.text));
    assert.deepEqual(literal.map((entry) => `${entry.path}: ${entry.text}`), [],
      'Put each of these in package.nls.json and package.nls.zh-cn.json under a key, and write "%key%" in package.json');
  });

  it('defines every key in both languages, and no key that package.json does not use', () => {
    const used = usedKeys();
    assert.deepEqual([...used].filter((key) => !(key in english)), [], 'keys missing from package.nls.json');
    assert.deepEqual([...used].filter((key) => !(key in chinese)), [], 'keys missing from package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(english).filter((key) => !used.has(key)), [], 'keys of package.nls.json that package.json does not use');
  });

  it('has a Chinese translation of every string, with its placeholders, command links and code spans', () => {
    assertTranslated(english, chinese, 'package.nls.zh-cn.json');
  });

  it('names only files that exist and commands that are contributed, in the walkthrough', () => {
    const walkthroughs = (manifest.contributes as { walkthroughs: Array<{ steps: Array<{ media: Record<string, string> }> }> }).walkthroughs;
    const resolve = (text: string, texts: Record<string, string>) => texts[KEY.exec(text)?.[1] ?? ''] ?? text;
    for (const step of walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
      for (const file of [step.media.image, step.media.markdown, step.media.svg].filter(Boolean)) {
        for (const texts of [english, chinese]) assert.ok(existsSync(join(ROOT, resolve(file, texts))), resolve(file, texts));
      }
    }
    const contributed = new Set((manifest.contributes as { commands: Array<{ command: string }> }).commands.map((command) => command.command));
    const linked = Object.values(english).flatMap((text) => [...text.matchAll(/\(command:(diplonote\.[\w.]+)\)/g)].map((match) => match[1]));
    assert.ok(linked.length > 0);
    assert.deepEqual(linked.filter((command) => !contributed.has(command)), [], 'command links to commands that do not exist');
  });
});

describe('the interface in English and Chinese: client messages', () => {
  const bundle = readJson('l10n/bundle.l10n.json') as Record<string, string>;
  const chineseBundle = readJson('l10n/bundle.l10n.zh-cn.json') as Record<string, string>;

  it('has in l10n/bundle.l10n.json exactly the strings the client passes to l10n.t (npm run l10n:export)', async () => {
    const folder = join(ROOT, 'client', 'src');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const sources = files.map((file) => ({ contents: readFileSync(join(folder, file), 'utf8'), extension: '.ts' }));
    const extracted = await getL10nJson(sources);
    assert.ok(Object.keys(extracted).length > 10);
    assert.deepEqual(Object.keys(bundle).sort(), Object.keys(extracted).sort());
  });

  it('has a Chinese translation of every message, with its placeholders', () => {
    assertTranslated(bundle, chineseBundle, 'l10n/bundle.l10n.zh-cn.json');
  });

  it('is found by VS Code: the l10n folder is the manifest\'s', () => {
    assert.equal(manifest.l10n, './l10n');
  });
});
