/**
 * Reading a JSON file the user may have written by hand: jsonc-parser builds a tree even from broken
 * JSON, with an offset on every node, so the readers work on plain values and report each problem by
 * its path (`items[2].target`), which is placed at the line and column of that node. The same readers
 * take a setting's value, whose problems are named by the setting and the path.
 */
// The ES module build: the default UMD build loads its parts through a require() that esbuild cannot follow.
import { message, saying, type Message } from '../messages';
import { createScanner, findNodeAtLocation, parseTree, printParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { GlossaryProblem } from '../glossary/types';
import { ProblemList } from '../glossary/problems';
import type { JsonObject, JsonValue } from './model';

/** A problem in user data: 0-based line and UTF-16 column in `file` (0:0 for a setting). */
export type DataProblem = GlossaryProblem;

export type JsonPath = ReadonlyArray<string | number>;

export interface Reporter {
  error(path: JsonPath, said: Message): void;
  warning(path: JsonPath, said: Message): void;
  /** Errors reported so far (warnings do not count). */
  readonly errorCount: number;
}

export interface ParsedJsonFile {
  /** Undefined when the file is blank or not JSON at all. */
  readonly value: JsonValue | undefined;
  readonly reporter: Reporter;
  readonly problems: DataProblem[];
}

/** Hand-written data nests a few levels; the parser recurses per level, so absurd nesting is refused first. */
const MAX_NESTING = 64;

export function parseJsonFile(text: string, file: string, options: { comments: boolean }): ParsedJsonFile {
  const list = new ProblemList(text, file);
  let root: Node | undefined;
  let errors = 0;
  const reporter: Reporter = {
    error: (path, said) => {
      errors++;
      list.atOffset(offsetOf(root, path), said);
    },
    warning: (path, said) => list.atOffset(offsetOf(root, path), said, 'warning'),
    get errorCount() {
      return errors;
    },
  };
  const tooDeep = nestingBeyond(text, MAX_NESTING);
  if (tooDeep >= 0) {
    errors++;
    list.atOffset(tooDeep, message('annotation.too-deep', { limit: MAX_NESTING }));
    return { value: undefined, reporter, problems: list.problems };
  }
  const syntaxErrors: ParseError[] = [];
  // A byte-order mark becomes a space: the parser rejects it, and offsets must not move.
  const json = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  root = parseTree(json, syntaxErrors, { allowTrailingComma: options.comments, disallowComments: !options.comments });
  for (const error of syntaxErrors) {
    errors++;
    list.atOffset(error.offset, message('annotation.invalid-json', { detail: words(printParseErrorCode(error.error)) }));
  }
  return { value: root && valueOf(root), reporter, problems: list.problems };
}

/** Problems of a setting's value, named by the setting and the path inside it. */
export function settingReporter(setting: string, problems: DataProblem[]): Reporter {
  let errors = 0;
  const add = (path: JsonPath, said: Message, severity: DataProblem['severity']) =>
    problems.push({ file: setting, line: 0, character: 0, ...saying(message('annotation.setting', { setting, path: formatPath(path), problem: said })), severity });
  return {
    error: (path, said) => {
      errors++;
      add(path, said, 'error');
    },
    warning: (path, said) => add(path, said, 'warning'),
    get errorCount() {
      return errors;
    },
  };
}

/** `["items", 2, "target"]` → `.items[2].target`. */
export function formatPath(path: JsonPath): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
}

/** `ValueExpected` → `value expected`. */
function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** The offset of the node at `path`, or of its nearest ancestor present in the file. */
function offsetOf(root: Node | undefined, path: JsonPath): number {
  if (!root) return 0;
  for (let length = path.length; length > 0; length--) {
    const node = findNodeAtLocation(root, path.slice(0, length));
    if (node) return node.parent?.type === 'property' ? node.parent.offset : node.offset;
  }
  return root.offset;
}

/** The offset where brackets nest deeper than `limit`, or -1; one pass of the (flat) tokenizer. */
function nestingBeyond(text: string, limit: number): number {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
    if (depth > limit) return scanner.getTokenOffset();
  }
  return -1;
}

/** The plain value of a node; objects are ordinary objects (jsonc-parser makes them without prototype). */
function valueOf(node: Node): JsonValue {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).flatMap((property) => {
        const [key, value] = property.children ?? [];
        return key && value ? [[String(key.value), valueOf(value)]] : [];
      }));
    case 'array':
      return (node.children ?? []).map(valueOf);
    case 'null':
      return null;
    default:
      return node.value as JsonValue;
  }
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The properties of `object` not named in `known`, or undefined when there are none. */
export function extraProperties(object: JsonObject, known: ReadonlySet<string>): JsonObject | undefined {
  const extra = Object.entries(object).filter(([key]) => !known.has(key));
  return extra.length > 0 ? Object.fromEntries(extra) : undefined;
}
