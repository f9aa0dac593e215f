/**
 * The sidecar file `NAME.note.annotations.json`: read with every problem placed at its line, written
 * with a stable key order and two-space indentation so that it diffs well in git. A file with errors
 * is marked not writable: writing it back would drop what could not be read. Properties this version
 * does not know are read into `extra` and written back where they were.
 */
import { message } from '../messages';
import {
  ANNOTATION_CONTEXT, W3C_MOTIVATIONS, repliesTo,
  type Agent, type AnnotationCollection, type AnnotationStatus, type Body, type JsonObject, type JsonValue,
  type Selector, type SpanTarget, type Target, type WebAnnotation,
} from './model';
import { extraProperties, isObject, parseJsonFile, type DataProblem, type JsonPath, type Reporter } from './jsonData';

export interface SidecarReading {
  /** What could be read; the annotations with errors are left out. */
  readonly collection: AnnotationCollection;
  readonly problems: DataProblem[];
  /** False when the file has errors: it must then never be overwritten. */
  readonly writable: boolean;
}

/** `visa.en.note` → `visa.en.note.annotations.json`. */
export function sidecarFileName(noteFileName: string): string {
  return `${noteFileName}.annotations.json`;
}

export function parseSidecar(text: string, file: string): SidecarReading {
  if (text.trim() === '' || text === '\uFEFF') return { collection: { context: ANNOTATION_CONTEXT, items: [] }, problems: [], writable: true };
  const { value, reporter, problems } = parseJsonFile(text, file, { comments: false });
  const collection = readCollection(value, reporter);
  return { collection, problems, writable: reporter.errorCount === 0 };
}

// ---------------------------------------------------------------------------------------------
// Reading

const COLLECTION_KEYS = new Set(['@context', 'id', 'type', 'label', 'total', 'items']);
const ANNOTATION_KEYS = new Set(['@context', 'id', 'type', 'motivation', 'created', 'modified', 'creator', 'status', 'target', 'body']);
const TARGET_KEYS = new Set(['type', 'source', 'selector']);
const QUOTE_KEYS = new Set(['type', 'exact', 'prefix', 'suffix']);
const POSITION_KEYS = new Set(['type', 'start', 'end']);
const AGENT_KEYS = new Set(['id', 'type', 'name']);
const BODY_KEYS = new Set(['type', 'purpose', 'format', 'language', 'value']);

function readCollection(value: JsonValue | undefined, report: Reporter): AnnotationCollection {
  const empty: AnnotationCollection = { context: ANNOTATION_CONTEXT, items: [] };
  if (value === undefined) return empty; // not JSON: the syntax errors are reported
  if (!isObject(value)) {
    report.error([], message('annotation.not-a-collection'));
    return empty;
  }
  readContext(value['@context'], ['@context'], report);
  checkType(value, [], 'AnnotationCollection', report);
  const items = readItems(value.items, report);
  return {
    context: value['@context'] ?? ANNOTATION_CONTEXT,
    ...optionalString(value, 'id', [], report),
    ...optionalString(value, 'label', [], report),
    items,
    ...extraOf(value, COLLECTION_KEYS),
  };
}

function readContext(context: JsonValue | undefined, path: JsonPath, report: Reporter): void {
  if (context === undefined) report.warning(path.slice(0, -1), message('annotation.no-context', { context: ANNOTATION_CONTEXT }));
  else if (context !== ANNOTATION_CONTEXT && !(Array.isArray(context) && context.includes(ANNOTATION_CONTEXT))) {
    report.warning(path, message('annotation.context', { context: ANNOTATION_CONTEXT }));
  }
}

function checkType(object: JsonObject, path: JsonPath, expected: string, report: Reporter): void {
  const type = object.type;
  if (type === undefined) report.warning(path, message('annotation.no-type', { type: expected }));
  else if (type !== expected && !(Array.isArray(type) && type.includes(expected))) report.error([...path, 'type'], message('annotation.type', { type: expected }));
}

function readItems(items: JsonValue | undefined, report: Reporter): WebAnnotation[] {
  if (items === undefined) {
    report.error([], message('annotation.no-items'));
    return [];
  }
  if (!Array.isArray(items)) {
    report.error(['items'], message('annotation.items-not-array'));
    return [];
  }
  const annotations: WebAnnotation[] = [];
  /** Where each annotation read is in `items`. */
  const indexes: number[] = [];
  // Every id written counts, read or not: a second "a" is a duplicate even when the first has errors.
  const ids = new Set<string>();
  items.forEach((item, index) => {
    const id = isObject(item) && typeof item.id === 'string' ? item.id : undefined;
    const duplicate = id !== undefined && ids.has(id);
    if (id !== undefined) ids.add(id);
    const annotation = readAnnotation(item, ['items', index], report);
    if (duplicate) report.error(['items', index, 'id'], message('annotation.duplicate-id', { id }));
    else if (annotation) {
      annotations.push(annotation);
      indexes.push(index);
    }
  });
  annotations.forEach((annotation, k) => {
    const parent = repliesTo(annotation);
    if (parent !== undefined && !ids.has(parent)) report.warning(['items', indexes[k], 'target'], message('annotation.orphan-reply', { parent }));
  });
  return annotations;
}

function readAnnotation(item: JsonValue, path: JsonPath, report: Reporter): WebAnnotation | undefined {
  if (!isObject(item)) {
    report.error(path, message('annotation.not-an-object'));
    return undefined;
  }
  const errorsBefore = report.errorCount;
  if (typeof item.id !== 'string' || item.id === '') report.error([...path, 'id'], message('annotation.no-id'));
  checkType(item, path, 'Annotation', report);
  const motivation = readMotivation(item.motivation, [...path, 'motivation'], report);
  const status = readStatus(item.status, [...path, 'status'], report);
  const target = readTargets(item.target, [...path, 'target'], report);
  const body = readBodies(item.body, [...path, 'body'], report);
  const creator = item.creator === undefined ? undefined : readCreator(item.creator, [...path, 'creator'], report);
  const dates = { ...readDate(item, 'created', path, report), ...readDate(item, 'modified', path, report) };
  if (report.errorCount > errorsBefore) return undefined;
  return {
    ...(item['@context'] !== undefined ? { context: item['@context'] } : {}),
    id: item.id as string,
    motivation,
    ...dates,
    ...(creator !== undefined ? { creator } : {}),
    ...(status ? { status } : {}),
    target,
    body,
    ...extraOf(item, ANNOTATION_KEYS),
  };
}

function readMotivation(value: JsonValue | undefined, path: JsonPath, report: Reporter): string {
  if (value === undefined) {
    report.warning(path.slice(0, -1), message('annotation.no-motivation'));
    return 'commenting';
  }
  if (typeof value !== 'string') {
    report.error(path, message('annotation.motivation'));
    return 'commenting';
  }
  if (!W3C_MOTIVATIONS.includes(value)) report.warning(path, message('annotation.unknown-motivation', { value }));
  return value;
}

function readStatus(value: JsonValue | undefined, path: JsonPath, report: Reporter): AnnotationStatus | undefined {
  if (value === undefined || value === 'open' || value === 'resolved') return value;
  report.error(path, message('annotation.status'));
  return undefined;
}

function readDate(item: JsonObject, key: 'created' | 'modified', path: JsonPath, report: Reporter): { created?: string; modified?: string } {
  const value = item[key];
  if (value === undefined) return {};
  if (typeof value !== 'string') {
    report.error([...path, key], message('annotation.date-not-text', { key }));
    return {};
  }
  if (Number.isNaN(Date.parse(value))) report.warning([...path, key], message('annotation.date', { value }));
  return { [key]: value };
}

function readCreator(value: JsonValue, path: JsonPath, report: Reporter): Agent | string | undefined {
  if (typeof value === 'string') return value;
  if (!isObject(value)) {
    report.error(path, message('annotation.creator'));
    return undefined;
  }
  return {
    ...optionalString(value, 'id', path, report),
    ...optionalString(value, 'type', path, report),
    ...optionalString(value, 'name', path, report),
    ...extraOf(value, AGENT_KEYS),
  };
}

function readTargets(value: JsonValue | undefined, path: JsonPath, report: Reporter): Target[] {
  if (value === undefined) {
    report.error(path.slice(0, -1), message('annotation.no-target'));
    return [];
  }
  const many = Array.isArray(value);
  const targets = (many ? value : [value]).flatMap((item, index) => readTarget(item, many ? [...path, index] : path, report) ?? []);
  if (many && targets.length === 0) report.error(path, message('annotation.empty-target'));
  return targets;
}

function readTarget(value: JsonValue, path: JsonPath, report: Reporter): Target | undefined {
  if (typeof value === 'string') return { kind: 'ref', id: value };
  if (!isObject(value)) {
    report.error(path, message('annotation.target'));
    return undefined;
  }
  if (typeof value.source !== 'string' || value.source === '') {
    report.error([...path, 'source'], message('annotation.no-source'));
    return undefined;
  }
  const selector = readSelectors(value.selector, [...path, 'selector'], report);
  if (!selector) return undefined;
  const target: SpanTarget = {
    kind: 'span',
    source: value.source,
    selector,
    ...optionalString(value, 'type', path, report),
    ...extraOf(value, TARGET_KEYS),
  };
  return target;
}

function readSelectors(value: JsonValue | undefined, path: JsonPath, report: Reporter): Selector[] | undefined {
  if (value === undefined) {
    report.warning(path.slice(0, -1), message('annotation.no-selector'));
    return [];
  }
  const many = Array.isArray(value);
  const selectors = (many ? value : [value]).map((item, index) => readSelector(item, many ? [...path, index] : path, report));
  return selectors.every((s): s is Selector => s !== undefined) ? selectors : undefined;
}

function readSelector(value: JsonValue, path: JsonPath, report: Reporter): Selector | undefined {
  if (!isObject(value)) {
    report.error(path, message('annotation.selector'));
    return undefined;
  }
  if (value.type === 'TextQuoteSelector') return readQuote(value, path, report);
  if (value.type === 'TextPositionSelector') return readPosition(value, path, report);
  return { type: 'other', json: value };
}

function readQuote(value: JsonObject, path: JsonPath, report: Reporter): Selector | undefined {
  if (typeof value.exact !== 'string' || value.exact === '') {
    report.error([...path, 'exact'], message('annotation.quote-selector'));
    return undefined;
  }
  const prefix = optionalString(value, 'prefix', path, report);
  const suffix = optionalString(value, 'suffix', path, report);
  return { type: 'TextQuoteSelector', exact: value.exact, ...prefix, ...suffix, ...extraOf(value, QUOTE_KEYS) };
}

function readPosition(value: JsonObject, path: JsonPath, report: Reporter): Selector | undefined {
  const { start, end } = value;
  if (!isCount(start) || !isCount(end) || start > end) {
    report.error(path, message('annotation.position-selector'));
    return undefined;
  }
  return { type: 'TextPositionSelector', start, end, ...extraOf(value, POSITION_KEYS) };
}

function isCount(value: JsonValue | undefined): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function readBodies(value: JsonValue | undefined, path: JsonPath, report: Reporter): Body[] {
  if (value === undefined) return [];
  const many = Array.isArray(value);
  return (many ? value : [value]).flatMap((item, index) => readBody(item, many ? [...path, index] : path, report) ?? []);
}

function readBody(value: JsonValue, path: JsonPath, report: Reporter): Body | undefined {
  const textual = isObject(value) && (value.type === 'TextualBody' || (value.type === undefined && typeof value.value === 'string'));
  if (!textual) return { type: 'other', json: value };
  if (value.type === undefined) report.warning(path, message('annotation.body-type'));
  if (typeof value.value !== 'string') {
    report.error([...path, 'value'], message('annotation.body-value'));
    return undefined;
  }
  if (value.purpose === 'tagging' && value.value.trim() === '') {
    report.error([...path, 'value'], message('annotation.empty-tag'));
    return undefined;
  }
  return {
    type: 'TextualBody',
    ...optionalString(value, 'purpose', path, report),
    ...optionalString(value, 'format', path, report),
    ...optionalString(value, 'language', path, report),
    value: value.value,
    ...extraOf(value, BODY_KEYS),
  };
}

function optionalString<K extends string>(object: JsonObject, key: K, path: JsonPath, report: Reporter): { [P in K]?: string } {
  const value = object[key];
  if (value === undefined) return {};
  if (typeof value === 'string') return { [key]: value } as { [P in K]?: string };
  report.error([...path, key], message('annotation.not-text', { key }));
  return {};
}

function extraOf(object: JsonObject, known: ReadonlySet<string>): { extra?: JsonObject } {
  const extra = extraProperties(object, known);
  return extra ? { extra } : {};
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * The file's text: known properties in a fixed order, then the unknown ones as they were read;
 * two-space indentation and a final line break, so that a change shows as a few lines in git.
 * Selectors and bodies are always lists (adding a tag adds lines, it does not reshape the body);
 * the target is one object, or a list for an annotation with several.
 */
export function serialiseSidecar(collection: AnnotationCollection): string {
  return `${JSON.stringify(collectionJson(collection), null, 2)}\n`;
}

function collectionJson(collection: AnnotationCollection): JsonObject {
  return ordered([
    ['@context', collection.context],
    ['id', collection.id],
    ['type', 'AnnotationCollection'],
    ['label', collection.label],
    ['total', collection.items.length],
    ['items', collection.items.map(annotationJson)],
  ], collection.extra);
}

function annotationJson(annotation: WebAnnotation): JsonObject {
  return ordered([
    ['@context', annotation.context],
    ['id', annotation.id],
    ['type', 'Annotation'],
    ['motivation', annotation.motivation],
    ['created', annotation.created],
    ['modified', annotation.modified],
    ['creator', annotation.creator === undefined || typeof annotation.creator === 'string' ? annotation.creator : agentJson(annotation.creator)],
    ['status', annotation.status],
    ['target', oneOrMany(annotation.target.map(targetJson))],
    ['body', annotation.body.length > 0 ? annotation.body.map(bodyJson) : undefined],
  ], annotation.extra);
}

function agentJson(agent: Agent): JsonObject {
  return ordered([['id', agent.id], ['type', agent.type], ['name', agent.name]], agent.extra);
}

function targetJson(target: Target): JsonValue {
  if (target.kind === 'ref') return target.id;
  return ordered([
    ['type', target.type],
    ['source', target.source],
    ['selector', target.selector.length > 0 ? target.selector.map(selectorJson) : undefined],
  ], target.extra);
}

function selectorJson(selector: Selector): JsonValue {
  switch (selector.type) {
    case 'TextQuoteSelector':
      return ordered([['type', selector.type], ['exact', selector.exact], ['prefix', selector.prefix], ['suffix', selector.suffix]], selector.extra);
    case 'TextPositionSelector':
      return ordered([['type', selector.type], ['start', selector.start], ['end', selector.end]], selector.extra);
    default:
      return selector.json;
  }
}

function bodyJson(body: Body): JsonValue {
  if (body.type === 'other') return body.json;
  return ordered([
    ['type', body.type],
    ['purpose', body.purpose],
    ['format', body.format],
    ['language', body.language],
    ['value', body.value],
  ], body.extra);
}

function oneOrMany(values: JsonValue[]): JsonValue {
  return values.length === 1 ? values[0] : values;
}

/** The known properties that are set, in the order given, then the extra ones in their order. */
function ordered(known: ReadonlyArray<readonly [string, JsonValue | undefined]>, extra: JsonObject | undefined): JsonObject {
  const entries = known.filter((entry): entry is [string, JsonValue] => entry[1] !== undefined);
  return Object.fromEntries([...entries, ...Object.entries(extra ?? {})]);
}
