/**
 * `.diplonote.json` at the root of a workspace folder: the project's settings, read by the editor and
 * the CLI alike. JSON with comments (jsonc-parser, which builds a tree with offsets even from broken
 * text), described by `schemas/diplonote.schema.json`:
 *
 *   { "glossary": { "files": ["terms/**\/*.csv"] }, "checks": { "number-mismatch": "error" },
 *     "languages": { "en": "en-GB", "zh": "zh-CN" }, "exclude": ["archive/**"],
 *     "annotations": { "tags": [{ "name": "denial", "label": { "en": "Denial", "zh": "否认" } }] } }
 *
 * Every problem is placed at its line; what is valid still applies. Keys this version does not know are
 * kept (a newer version may know them) and reported.
 */
import { message } from '../../core/messages';
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { CHECK_CODES, readChecksSettings, type ChecksSettings, type SeveritySetting } from '../../core/checks';
import type { GlossaryProblem } from '../../core/glossary';
import { ProblemList } from '../../core/glossary/problems';
import { LANGUAGE_TAG, type LanguageTags } from '../../core/export/tmx';
import { workspacePattern } from '../pathPolicy';

export const PROJECT_FILE = '.diplonote.json';

/** A problem in a file that is not a note (a glossary, the project file): 0-based line and UTF-16 column. */
export type FileProblem = GlossaryProblem;

export type { LanguageTags };

/** A tag of the annotation taxonomy, carried for the annotations (issue 12). */
export interface AnnotationTag {
  readonly name: string;
  readonly label?: { readonly en?: string; readonly zh?: string };
  readonly colour?: string;
  readonly description?: string;
}

export interface ProjectSettings {
  readonly glossaryFiles?: readonly string[];
  readonly checks: ChecksSettings;
  readonly languageTags: Partial<LanguageTags>;
  readonly annotationTags?: readonly AnnotationTag[];
  readonly exclude: readonly string[];
  /** Keys this version does not know, as written. */
  readonly unknown: Readonly<Record<string, unknown>>;
}

export const EMPTY_PROJECT: ProjectSettings = { checks: {}, languageTags: {}, exclude: [], unknown: {} };

interface Property {
  readonly name: string;
  readonly key: Node;
  readonly value: Node | undefined;
}

function propertiesOf(node: Node): Property[] {
  return (node.children ?? []).flatMap((property) => {
    const [key, value] = property.children ?? [];
    return key ? [{ name: String(key.value), key, value }] : [];
  });
}

/** The plain value of a node, for keys kept as written. */
function valueOf(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.type === 'object') return Object.fromEntries(propertiesOf(node).map((p) => [p.name, valueOf(p.value)]));
  if (node.type === 'array') return (node.children ?? []).map(valueOf);
  return node.value;
}

class ProjectReader {
  glossaryFiles: string[] | undefined;
  checks: Record<string, SeveritySetting> = {};
  languageTags: Partial<Record<'en' | 'zh', string>> = {};
  annotationTags: AnnotationTag[] | undefined;
  exclude: string[] = [];
  readonly unknown: Record<string, unknown> = {};

  constructor(private readonly problems: ProblemList) {}

  read(root: Node): void {
    if (root.type !== 'object') return this.problems.atOffset(root.offset, message('project.not-an-object'));
    for (const property of propertiesOf(root)) {
      const { name, key, value } = property;
      if (!value) continue; // the syntax error is already reported
      if (name === '$schema') continue;
      if (name === 'glossary') this.readGlossary(value);
      else if (name === 'checks') this.readChecks(value);
      else if (name === 'languages') this.readLanguages(value);
      else if (name === 'annotations') this.readAnnotations(value);
      else if (name === 'exclude') this.exclude = this.patterns(value, 'exclude');
      else {
        // An own property of a plain record: `__proto__` as a key stays a key, never the prototype.
        Object.defineProperty(this.unknown, name, { value: valueOf(value), enumerable: true });
        this.problems.atOffset(key.offset, message('project.unknown-key', { name }), 'warning');
      }
    }
  }

  private objectOrProblem(node: Node, what: string): Property[] | undefined {
    if (node.type === 'object') return propertiesOf(node);
    this.problems.atOffset(node.offset, message('project.not-object', { what }));
    return undefined;
  }

  private readGlossary(node: Node): void {
    for (const { name, key, value } of this.objectOrProblem(node, 'glossary') ?? []) {
      if (name === 'files' && value) this.glossaryFiles = this.patterns(value, 'glossary.files');
      else this.problems.atOffset(key.offset, message('project.unknown-glossary-key', { name }), 'warning');
    }
  }

  /** A list of relative paths or globs; each refused one is a problem at its place. */
  private patterns(node: Node, what: string): string[] {
    if (node.type !== 'array') {
      this.problems.atOffset(node.offset, message('project.not-patterns', { what }));
      return [];
    }
    const patterns: string[] = [];
    for (const item of node.children ?? []) {
      const checked = item.type === 'string' ? workspacePattern(item.value) : { kind: 'refused' as const, reason: message('path.not-text') };
      if (checked.kind === 'pattern') patterns.push(checked.pattern);
      else this.problems.atOffset(item.offset, message('project.bad-path', { reason: checked.reason }));
    }
    return patterns;
  }

  private readChecks(node: Node): void {
    for (const { name, key, value } of this.objectOrProblem(node, 'checks') ?? []) {
      const read = readChecksSettings({ [name]: valueOf(value) });
      const at = (CHECK_CODES as readonly string[]).includes(name) ? value?.offset ?? key.offset : key.offset;
      for (const problem of read.problems) this.problems.atOffset(at, problem);
      Object.assign(this.checks, read.settings);
    }
  }

  private readLanguages(node: Node): void {
    for (const { name, key, value } of this.objectOrProblem(node, 'languages') ?? []) {
      if (name !== 'en' && name !== 'zh') this.problems.atOffset(key.offset, message('project.unknown-language', { name }), 'warning');
      else if (value?.type === 'string' && LANGUAGE_TAG.test(value.value)) this.languageTags[name] = value.value;
      else this.problems.atOffset(value?.offset ?? key.offset, message('project.language-tag', { name, example: name === 'en' ? 'en-GB' : 'zh-CN' }));
    }
  }

  private readAnnotations(node: Node): void {
    for (const { name, key, value } of this.objectOrProblem(node, 'annotations') ?? []) {
      if (name !== 'tags' || !value) this.problems.atOffset(key.offset, message('project.unknown-annotations-key', { name }), 'warning');
      else if (value.type !== 'array') this.problems.atOffset(value.offset, message('project.tags-not-list'));
      else this.annotationTags = (value.children ?? []).flatMap((item) => this.readTag(item));
    }
  }

  private readTag(node: Node): AnnotationTag[] {
    const tag = asTag(valueOf(node));
    if (tag) return [tag];
    this.problems.atOffset(node.offset, message('project.bad-tag'));
    return [];
  }
}

function isOptionalText(value: unknown): value is string | undefined {
  return value === undefined || typeof value === 'string';
}

function asTag(value: unknown): AnnotationTag | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const { name, label, colour, description } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '' || !isOptionalText(colour) || !isOptionalText(description)) return undefined;
  const labels = label === undefined ? {} : label !== null && typeof label === 'object' ? (label as Record<string, unknown>) : undefined;
  if (!labels || !isOptionalText(labels.en) || !isOptionalText(labels.zh)) return undefined;
  return {
    name, ...(label !== undefined ? { label: { ...(labels.en !== undefined ? { en: labels.en } : {}), ...(labels.zh !== undefined ? { zh: labels.zh } : {}) } } : {}),
    ...(colour !== undefined ? { colour } : {}), ...(description !== undefined ? { description } : {}),
  };
}

export function readProjectFile(text: string, uri: string): { settings: ProjectSettings; problems: FileProblem[] } {
  const problems = new ProblemList(text, uri);
  const errors: ParseError[] = [];
  const reader = new ProjectReader(problems);
  try {
    // A byte-order mark becomes a space: the parser rejects it, and offsets must not move.
    const root = parseTree(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, errors, { allowTrailingComma: true });
    for (const error of errors) problems.atOffset(error.offset, message('glossary.json.invalid-code', { code: printParseErrorCode(error.error) }));
    if (root) reader.read(root);
  } catch {
    // The parser and the reader recurse once per nesting level; a file of nothing but brackets exhausts the stack.
    problems.atOffset(0, message('project.too-deep'));
    return { settings: EMPTY_PROJECT, problems: problems.problems };
  }
  const settings: ProjectSettings = {
    checks: reader.checks, languageTags: reader.languageTags, exclude: reader.exclude, unknown: reader.unknown,
    ...(reader.glossaryFiles ? { glossaryFiles: reader.glossaryFiles } : {}),
    ...(reader.annotationTags ? { annotationTags: reader.annotationTags } : {}),
  };
  return { settings, problems: problems.problems };
}
