/** The built-in glossary as data: shape, uniqueness, simplified Chinese, the seed's terms, and the user-file schema. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import traditionalTable from '../../server/src/core/glossary/data/traditional-to-simplified.json';
import { builtInGlossary } from '../../server/src/core/glossary/builtIn';
import { parseJsonGlossary } from '../../server/src/core/glossary/loadJson';

const ROOT = join(__dirname, '..', '..');
const GLOSSARY_PATH = join(ROOT, 'server', 'src', 'core', 'glossary', 'data', 'builtin-glossary.json');
const SCHEMA_PATH = join(ROOT, 'schemas', 'glossary.schema.json');
const DOC_PATH = join(ROOT, 'docs', 'glossary.md');

const CATEGORIES = [
  'document', 'formula', 'un-body', 'un-procedure', 'un-role', 'law',
  'enforcement', 'subject', 'place', 'organisation', 'diplomatic', 'rights',
];

interface Localised {
  en: string;
  zh: string;
}

interface BuiltInEntry {
  id: string;
  category: string;
  en: string[];
  zh: string[];
  definition: Localised;
  note?: Localised;
  source: string;
}

/** The subset of draft-07 the glossary schema uses; `checkSchemaKeywords` proves nothing else is in it. */
interface SchemaNode {
  type?: string;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  items?: SchemaNode;
  minItems?: number;
  minLength?: number;
  pattern?: string;
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  $ref?: string;
  definitions?: Record<string, SchemaNode>;
}

const VALIDATING_KEYWORDS = new Set([
  'type', 'required', 'properties', 'additionalProperties', 'items', 'minItems',
  'minLength', 'pattern', 'oneOf', 'allOf', '$ref', 'definitions',
]);
const ANNOTATION_KEYWORDS = new Set(['$schema', 'title', 'description', 'examples']);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

const glossary = readJson(GLOSSARY_PATH) as { entries: BuiltInEntry[] };
const entries = glossary.entries;
const schema = readJson(SCHEMA_PATH) as SchemaNode;

function resolve(node: SchemaNode): SchemaNode {
  if (node.$ref === undefined) return node;
  const name = node.$ref.slice('#/definitions/'.length);
  const target = schema.definitions?.[name];
  if (!node.$ref.startsWith('#/definitions/') || !target) throw new Error(`Unresolved $ref ${node.$ref}`);
  return target;
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return jsonType(value) === 'object';
}

function checkString(value: string, node: SchemaNode, path: string): string[] {
  const errors: string[] = [];
  if (node.minLength !== undefined && value.length < node.minLength) errors.push(`${path}: shorter than ${node.minLength}`);
  if (node.pattern !== undefined && !new RegExp(node.pattern, 'u').test(value)) errors.push(`${path}: does not match ${node.pattern}`);
  return errors;
}

function checkArray(value: unknown[], node: SchemaNode, path: string): string[] {
  const errors: string[] = [];
  if (node.minItems !== undefined && value.length < node.minItems) errors.push(`${path}: fewer than ${node.minItems} items`);
  const items = node.items;
  if (items) value.forEach((item, index) => errors.push(...validate(item, items, `${path}[${index}]`)));
  return errors;
}

function checkObject(value: Record<string, unknown>, node: SchemaNode, path: string): string[] {
  const errors: string[] = [];
  for (const key of node.required ?? []) if (!(key in value)) errors.push(`${path}: missing "${key}"`);
  for (const [key, item] of Object.entries(value)) {
    const property = node.properties?.[key];
    if (property) errors.push(...validate(item, property, `${path}.${key}`));
    else if (node.additionalProperties === false) errors.push(`${path}: unknown property "${key}"`);
  }
  return errors;
}

/** Every violation of the schema by the value, as `path: reason`; empty when it conforms. */
function validate(value: unknown, start: SchemaNode, path = '$'): string[] {
  const node = resolve(start);
  if (node.type !== undefined && jsonType(value) !== node.type) return [`${path}: expected ${node.type}, got ${jsonType(value)}`];
  const errors: string[] = [];
  for (const part of node.allOf ?? []) errors.push(...validate(value, part, path));
  if (node.oneOf) {
    const passing = node.oneOf.filter((option) => validate(value, option, path).length === 0).length;
    if (passing !== 1) errors.push(`${path}: matches ${passing} of the oneOf alternatives`);
  }
  if (typeof value === 'string') errors.push(...checkString(value, node, path));
  if (Array.isArray(value)) errors.push(...checkArray(value, node, path));
  if (isRecord(value)) errors.push(...checkObject(value, node, path));
  return errors;
}

/** Keywords the checker above does not implement, anywhere in the schema (should be none). */
function unknownKeywords(node: SchemaNode, path = '#'): string[] {
  const found: string[] = [];
  for (const key of Object.keys(node)) {
    if (!VALIDATING_KEYWORDS.has(key) && !ANNOTATION_KEYWORDS.has(key)) found.push(`${path}/${key}`);
  }
  const children: [string, SchemaNode][] = [
    ...Object.entries(node.properties ?? {}).map(([key, child]): [string, SchemaNode] => [`${path}/properties/${key}`, child]),
    ...Object.entries(node.definitions ?? {}).map(([key, child]): [string, SchemaNode] => [`${path}/definitions/${key}`, child]),
    ...(node.oneOf ?? []).map((child, index): [string, SchemaNode] => [`${path}/oneOf/${index}`, child]),
    ...(node.allOf ?? []).map((child, index): [string, SchemaNode] => [`${path}/allOf/${index}`, child]),
    ...(node.items ? [[`${path}/items`, node.items] as [string, SchemaNode]] : []),
  ];
  for (const [childPath, child] of children) found.push(...unknownKeywords(child, childPath));
  return found;
}

function entryWithEnglish(form: string): BuiltInEntry | undefined {
  const wanted = form.toLowerCase();
  return entries.find((entry) => entry.en.some((candidate) => candidate.toLowerCase() === wanted));
}

/** Forms listed more than once across the glossary, with the ids that list them. */
function repeatedForms(formsOf: (entry: BuiltInEntry) => string[]): string[] {
  const owners = new Map<string, string[]>();
  for (const entry of entries) {
    for (const form of formsOf(entry)) owners.set(form, [...(owners.get(form) ?? []), entry.id]);
  }
  return [...owners].filter(([, ids]) => ids.length > 1).map(([form, ids]) => `${form}: ${ids.join(', ')}`);
}

function isNonEmptyText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

function isWellSpaced(form: string): boolean {
  return form === form.trim() && !form.includes('  ');
}

/** Term pairs as the reference note uses them in its English and its Chinese text. */
const SEED_PAIRS: readonly (readonly [string, string])[] = [
  ['telecommunications fraud', '电信诈骗'],
  ['telecommunications fraud', '电信网络诈骗'],
  ['telecommunications fraud', '电诈'],
  ['online gambling', '网络赌博'],
  ['online gambling', '网赌'],
  ['public security organs', '公安机关'],
  ['unlawful detention', '非法拘禁'],
  ['unlawful detention', '非法拘禁罪'],
  ['extortion', '敲诈勒索'],
  ['intentional injury', '故意伤害'],
  ['intentional injury', '故意伤害罪'],
  ['wilful homicide', '故意杀人罪'],
  ['intentional homicide', '故意杀人'],
  ['kidnapping', '绑架'],
  ['kidnapped', '被绑'],
  ['fraud', '诈骗罪'],
  ['Myawaddy', '妙瓦底'],
  ['northern Myanmar', '缅北'],
  ['Kokang', '果敢'],
  ['Cambodia', '柬埔寨'],
  ['Thailand', '泰国'],
  ['Myanmar', '缅甸'],
  ['special procedure mandate holders', '特别机制'],
  ['special procedures', '特别程序'],
  ['Human Rights Council', '人权理事会'],
  ['communication', '来文'],
  ['criminal suspects', '犯罪嫌疑人'],
  ['fraud suspects', '涉诈犯罪嫌疑人'],
  ['lighter or reduced sentences or exemption from punishment', '从轻、减轻或免除处罚'],
  ['repatriate', '接返回国'],
  ['repatriated', '接返'],
  ['escort under custody', '押解'],
  ['scam compounds', '诈骗园区'],
  ['overseas compounds', '境外诈骗园区'],
  ['telecommunications fraud compounds', '电诈园区'],
  ['scam centres', '电诈窝点'],
  ['telecommunications scam centres', '窝点'],
  ['scamming rings', '诈骗团队'],
  ['scamming ring', '诈骗集团'],
  ['crime syndicates', '犯罪集团'],
  ['criminal gangs', '犯罪团伙'],
  ['human trafficking', '人员贩运'],
  ['human trafficking', '人口贩运'],
  ['four families', '四大家族'],
  ['charter flights', '包机'],
  ['legitimate rights and interests', '合法权益'],
  ['lives and property', '生命财产安全'],
  ['prosecuted', '提起公诉'],
  ['law enforcement bodies', '执法部门'],
  ['law enforcement cooperation', '执法合作'],
  ['special operations', '专项行动'],
  ['cross-border crimes', '跨境犯罪'],
  ['illegal and criminal activities', '违法犯罪活动'],
  ['in accordance with the law', '依法'],
  ['rescued', '解救'],
  ['coerced into participating in crimes', '被胁迫参加犯罪'],
  ['circumstances of the case', '涉案情节'],
  ['avoiding both wrongful punishment and undue leniency', '不枉不纵'],
  ['citizens of third countries', '第三国公民'],
  ['fraud-related online traffic diversion', '网上涉诈引流'],
  ['fraud tactics', '诈骗手法'],
  ['high-paying overseas job offers', '境外高薪招工'],
  ['lawbreaker', '不法分子'],
  ['scourge', '毒瘤'],
  ['receipt is hereby acknowledged', '收悉'],
  ['submits the following reply', '答复如下'],
  ['presents its compliments', '致意'],
  ['has the honor to', '谨'],
  ['has the honour to', '并谨'],
  ['avails itself of this opportunity', '借此机会'],
  ['assurances of its highest consideration', '顺致崇高的敬意'],
  ['Excellency', '阁下'],
  ['Permanent Mission', '常驻代表团'],
  ['note verbale', '普通照会'],
  ['formal note', '正式照会'],
  ['aide-mémoire', '备忘录'],
  ['démarche', '交涉'],
  ['circular note', '通告照会'],
  ['Office of the High Commissioner for Human Rights', '人权高专办'],
  ['mandate holder', '任务负责人'],
  ['Special Rapporteur', '特别报告员'],
  ['universal periodic review', '普遍定期审议'],
  ['Laukkai', '老街'],
  ['Shan State', '掸邦'],
  ['Kayin State', '克伦邦'],
  ['opening a casino', '开设赌场罪'],
  ['aiding information network criminal activities', '帮助信息网络犯罪活动罪'],
  ['forced labour', '强迫劳动罪'],
  ['organising illegal border crossing', '组织他人偷越国（边）境罪'],
  ['voluntary surrender', '自首'],
  ['meritorious service', '立功'],
  ['procuratorate', '检察院'],
  ["people's court", '人民法院'],
];

/** Entries whose Chinese form could not be confirmed as the official UN one, and say so in their note. */
const ATTESTED_ONLY = [
  'avails-itself-of-this-opportunity', 'allegation-letter', 'urgent-appeal', 'other-letter',
  'joint-communication', 'special-procedures', 'letter-closing',
];

describe('built-in glossary data', () => {
  it('has at least 220 entries with unique kebab-case ids', () => {
    assert.ok(entries.length >= 220, `${entries.length} entries`);
    const ids = entries.map((entry) => entry.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, id);
  });

  it('gives every entry forms in both languages, a known category, a definition in both languages and a source', () => {
    for (const entry of entries) {
      const label = entry.id;
      assert.ok(CATEGORIES.includes(entry.category), `${label}: category ${entry.category}`);
      for (const forms of [entry.en, entry.zh]) {
        assert.ok(Array.isArray(forms) && forms.length > 0, `${label}: forms`);
        for (const form of forms) assert.ok(isNonEmptyText(form) && isWellSpaced(form), `${label}: form "${form}"`);
      }
      assert.ok(isNonEmptyText(entry.definition.en) && isNonEmptyText(entry.definition.zh), `${label}: definition`);
      assert.ok(isNonEmptyText(entry.source), `${label}: source`);
      if (entry.note) assert.ok(isNonEmptyText(entry.note.en) && isNonEmptyText(entry.note.zh), `${label}: note`);
    }
  });

  it('lists no English form twice (ignoring case) and no Chinese form twice', () => {
    assert.deepEqual(repeatedForms((entry) => [...new Set(entry.en.map((form) => form.toLowerCase()))]), []);
    assert.deepEqual(repeatedForms((entry) => [...new Set(entry.zh)]), []);
    for (const entry of entries) {
      assert.equal(new Set(entry.en.map((form) => form.toLowerCase())).size, entry.en.length, `${entry.id}: repeated English form`);
      assert.equal(new Set(entry.zh).size, entry.zh.length, `${entry.id}: repeated Chinese form`);
    }
  });

  it('writes Chinese forms in simplified characters only', () => {
    const commonTraditional = [...'詐騙網電線關機與國會議經濟區這個們對應該'];
    const traditionalMap: Record<string, string> = traditionalTable.map;
    for (const entry of entries) {
      for (const form of entry.zh) {
        for (const character of form) {
          assert.ok(!commonTraditional.includes(character), `${entry.id}: ${form} has ${character}`);
          assert.equal(traditionalMap[character], undefined, `${entry.id}: ${form} has traditional ${character}`);
        }
      }
    }
  });

  it('has every term of the reference note, with its English and Chinese forms in the same entry', () => {
    const missing = SEED_PAIRS.filter(([english, chinese]) => !entryWithEnglish(english)?.zh.includes(chinese));
    assert.deepEqual(missing, []);
  });

  it('explains where the two languages differ: 人口贩运/人员贩运 and 押解/repatriate', () => {
    const trafficking = entryWithEnglish('human trafficking');
    assert.ok(trafficking?.note?.en.includes('人员贩运') && trafficking.note.en.includes('人口贩运'));
    const escort = entryWithEnglish('escort under custody');
    assert.ok(escort?.note?.en.includes('押解') && escort.note.en.includes('repatriate'));
  });

  it('marks the Chinese forms it could not confirm as attested usage, not official UNTERM equivalents', () => {
    for (const id of ATTESTED_ONLY) {
      const entry = entries.find((candidate) => candidate.id === id);
      assert.match(entry?.note?.en ?? '', /attested usage/i, id);
      assert.match(entry?.note?.en ?? '', /not (?:confirmed as )?(?:an |the )?official/i, id);
    }
  });
});

describe('glossary schema', () => {
  it('uses only keywords the structural checker implements', () => {
    assert.deepEqual(unknownKeywords(schema), []);
  });

  it('describes every entry property, for completion in VS Code', () => {
    const entry = resolve({ $ref: '#/definitions/entry' });
    const properties = Object.entries(entry.properties ?? {});
    assert.deepEqual(properties.map(([name]) => name), ['id', 'category', 'en', 'zh', 'definition', 'note', 'source']);
    for (const [name, property] of properties) assert.ok(isNonEmptyText((property as { description?: string }).description), name);
  });

  it('accepts the built-in glossary', () => {
    assert.deepEqual(validate(glossary, schema), []);
  });

  it('describes what the JSON loader reads: the built-in file loads whole and without a problem', () => {
    const loaded = parseJsonGlossary(readFileSync(GLOSSARY_PATH, 'utf8'), GLOSSARY_PATH);
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.entries.map((entry) => entry.id), entries.map((entry) => entry.id));
    assert.deepEqual(loaded.entries[0]?.zh, entries[0]?.zh);
  });

  it('accepts a minimal user file: strings for forms, a one-language definition, no id', () => {
    const file = { $schema: './glossary.schema.json', entries: [{ en: 'scam compound', zh: '诈骗园区', definition: 'A guarded fraud site.' }] };
    assert.deepEqual(validate(file, schema), []);
  });

  it('rejects malformed user files, naming the place', () => {
    assert.deepEqual(validate({ entries: [{ en: 'fraud' }] }, schema), ['$.entries[0]: missing "zh"']);
    assert.deepEqual(validate({ entries: [{ en: [], zh: '诈骗' }] }, schema), [
      '$.entries[0].en: matches 0 of the oneOf alternatives',
    ]);
    assert.deepEqual(validate({ entries: [{ en: '  ', zh: '诈骗' }] }, schema), [
      '$.entries[0].en: matches 0 of the oneOf alternatives',
    ]);
    assert.deepEqual(validate({ entries: [{ en: 'fraud', zh: '诈骗', lang: 'en' }] }, schema), ['$.entries[0]: unknown property "lang"']);
    assert.deepEqual(validate({ entries: [{ en: 'fraud', zh: '诈骗', note: { fr: 'escroquerie' } }] }, schema), [
      '$.entries[0].note: matches 0 of the oneOf alternatives',
    ]);
    assert.deepEqual(validate({ terms: [] }, schema), ['$: missing "entries"', '$: unknown property "terms"']);
  });
});

describe('glossary documentation', () => {
  it('states the counts of the glossary the server loads (the main file and its supplements)', () => {
    const doc = readFileSync(DOC_PATH, 'utf8');
    const loaded = builtInGlossary();
    for (const category of CATEGORIES) {
      const count = loaded.filter((entry) => entry.category === category).length;
      assert.ok(doc.includes(`| \`${category}\` | ${count} |`), `${category}: ${count}`);
    }
    assert.ok(doc.includes(`${loaded.length} entries`), `total ${loaded.length}`);
    assert.ok(doc.includes(`(${entries.length} entries)`), `main file ${entries.length}`);
    const withNotes = loaded.filter((entry) => entry.note).length;
    assert.ok(doc.replace(/\s+/g, ' ').includes(`${withNotes} entries also have a note`), `notes ${withNotes}`);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes(`(${loaded.length} entries`), `README: ${loaded.length} entries`);
  });
});
