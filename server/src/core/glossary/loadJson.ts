/**
 * `*.glossary.json`: `{ "entries": [ { "en": …, "zh": …, "id"?, "category"?, "definition"?, "note"?,
 * "source"? } ] }`, `en` and `zh` a string or an array of strings. jsonc-parser builds a tree even from
 * broken JSON, with an offset on every node, so each problem is placed exactly and the rest still loads.
 */
// The ES module build: the default UMD build loads its parts through a require() that esbuild cannot follow.
import { message, type Message } from '../messages';
import { createScanner, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { collapseSpaces, completeEntry, languageOfText, missingLanguages, overlongForm, type EntryDraft } from './draft';
import { DEFAULT_MAX_BYTES, ProblemList, sizeProblem } from './problems';
import type { GlossaryEntry, LoadResult, LocalisedText } from './types';

/** A glossary needs 4 levels; the parser recurses per level, so absurd nesting is refused before it runs. */
const MAX_NESTING = 64;

const ROOT_KEYS = new Set(['$schema', 'entries', 'name', 'description']);
const TEXT_KEYS = new Set(['id', 'category', 'source']);
const LOCALISED_KEYS = new Set(['definition', 'note']);

/** `ValueExpected` → `value expected`. */
function describeSyntaxError(error: ParseError): Message {
  const code = printParseErrorCode(error.error);
  let words = '';
  for (const ch of code) words += ch >= 'A' && ch <= 'Z' ? (words ? ' ' : '') + ch.toLowerCase() : ch;
  return message('glossary.json.invalid', { detail: words });
}

function propertiesOf(node: Node): { key: Node; value: Node | undefined }[] {
  return (node.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key ? [{ key, value }] : [];
  });
}

class JsonGlossaryReader {
  readonly entries: GlossaryEntry[] = [];

  constructor(
    private readonly problems: ProblemList,
    private readonly file: string,
  ) {}

  readRoot(root: Node | undefined): void {
    if (!root) return; // blank, or a syntax error already reported
    if (root.type !== 'object') return this.problems.atOffset(root.offset, message('glossary.json.not-an-object'));
    let entries: Node | undefined;
    for (const { key, value } of propertiesOf(root)) {
      if (key.value === 'entries') entries = value;
      else if (!ROOT_KEYS.has(key.value)) this.problems.atOffset(key.offset, message('glossary.json.unknown-property', { name: key.value }), 'warning');
    }
    if (!entries) return this.problems.atOffset(root.offset, message('glossary.json.no-entries'));
    if (entries.type !== 'array') return this.problems.atOffset(entries.offset, message('glossary.json.entries-not-array'));
    for (const element of entries.children ?? []) this.readEntry(element);
  }

  private readEntry(node: Node): void {
    if (node.type !== 'object') return this.problems.atOffset(node.offset, message('glossary.json.entry-not-object'));
    const draft: EntryDraft = { en: [], zh: [] };
    let formsValid = true;
    for (const { key, value } of propertiesOf(node)) {
      const name = String(key.value);
      if (!value) continue; // the syntax error is already reported
      if (name === 'en' || name === 'zh') formsValid = this.readForms(value, name, draft) && formsValid;
      else if (TEXT_KEYS.has(name)) this.readText(value, name as 'id' | 'category' | 'source', draft);
      else if (LOCALISED_KEYS.has(name)) this.readLocalised(value, name as 'definition' | 'note', draft);
      else this.problems.atOffset(key.offset, message('glossary.json.unknown-property', { name }), 'warning');
    }
    const missing = formsValid ? missingLanguages(draft) : undefined;
    if (missing) this.problems.atOffset(node.offset, message('glossary.json.entry-missing', { missing }));
    if (formsValid && !missing) this.entries.push(completeEntry(draft, this.file));
  }

  private readForms(value: Node, language: 'en' | 'zh', draft: EntryDraft): boolean {
    const items = value.type === 'array' ? value.children ?? [] : [value];
    let valid = true;
    for (const item of items) {
      const form = item.type === 'string' ? collapseSpaces(item.value) : '';
      const overlong = overlongForm([form], language);
      if (!form) this.problems.atOffset(item.offset, message('glossary.json.form-not-text', { language }));
      else if (overlong) this.problems.atOffset(item.offset, message('glossary.json.overlong', { problem: overlong }));
      else draft[language].push(form);
      valid &&= Boolean(form) && !overlong;
    }
    return valid;
  }

  private readText(value: Node, name: 'id' | 'category' | 'source', draft: EntryDraft): void {
    if (value.type === 'string') draft[name] = value.value;
    else this.problems.atOffset(value.offset, message('glossary.json.not-text', { name }));
  }

  private readLocalised(value: Node, name: 'definition' | 'note', draft: EntryDraft): void {
    if (value.type === 'string') {
      draft[name] = { [languageOfText(value.value)]: value.value };
      return;
    }
    const text: LocalisedText = {};
    const properties = value.type === 'object' ? propertiesOf(value) : [];
    const wellFormed = value.type === 'object' && properties.every(({ key, value: item }) =>
      (key.value === 'en' || key.value === 'zh') && item?.type === 'string');
    if (!wellFormed) {
      this.problems.atOffset(value.offset, message('glossary.json.not-localised', { name }));
      return;
    }
    for (const { key, value: item } of properties) text[key.value as 'en' | 'zh'] = item?.value;
    draft[name] = text;
  }
}

/** The offset where brackets nest deeper than MAX_NESTING, or -1; one pass of the (flat) tokenizer. */
function excessiveNestingAt(text: string): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (++depth > MAX_NESTING) return scanner.getTokenOffset();
    } else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
  }
  return -1;
}

export function parseJsonGlossary(text: string, file: string, maxBytes = DEFAULT_MAX_BYTES): LoadResult {
  const tooBig = sizeProblem(text, file, maxBytes);
  if (tooBig) return { entries: [], problems: [tooBig] };
  const problems = new ProblemList(text, file);
  const tooDeep = excessiveNestingAt(text);
  if (tooDeep >= 0) {
    problems.atOffset(tooDeep, message('glossary.json.too-deep', { limit: MAX_NESTING }));
    return { entries: [], problems: problems.problems };
  }
  if (text.trim() === '') {
    problems.atOffset(0, message('glossary.json.empty'));
    return { entries: [], problems: problems.problems };
  }
  const errors: ParseError[] = [];
  // A byte-order mark becomes a space: the parser rejects it, and offsets must not move.
  const json = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  const root = parseTree(json, errors, { allowTrailingComma: false, disallowComments: true });
  for (const error of errors) problems.atOffset(error.offset, describeSyntaxError(error));
  const reader = new JsonGlossaryReader(problems, file);
  reader.readRoot(root);
  return { entries: reader.entries, problems: problems.problems };
}
