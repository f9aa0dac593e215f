/**
 * Reading a TMX 1.4b translation memory (what OmegaT, Trados and memoQ export, and what
 * `diplonote export --tmx` writes): its header, and each translation unit with its `tuid`, its `prop`s
 * and one text per language variant. Inline codes (`bpt`, `ept`, `it`, `ph`, `ut`) hold the markup of
 * the original format, not text, and are left out; `hi` and `sub` keep their text. Parsed with saxes,
 * as TBX is (core/text/xml.ts): no DTD is read and a DOCTYPE declaring entities refuses the file.
 */
import type { SaxesTagPlain } from 'saxes';
import { DEFAULT_MAX_BYTES, ProblemList, sizeProblem } from '../glossary/problems';
import type { GlossaryProblem } from '../glossary/types';
import { bilingual } from '../messages';
import { localName } from '../text/xml';
import { XmlReader, type XmlMessages } from '../text/xmlReader';

export interface TmxVariant {
  /** The `xml:lang` (or TMX 1.1 `lang`) as written: `en-GB`, `zh-CN`. */
  readonly language: string;
  readonly text: string;
  /** 0-based line and column of the `seg` element. */
  readonly line: number;
  readonly character: number;
}

export interface TmxProp {
  readonly type: string;
  readonly value: string;
}

export interface TmxUnit {
  readonly tuid?: string;
  readonly props: readonly TmxProp[];
  readonly variants: readonly TmxVariant[];
  /** 0-based line of the `tu` element. */
  readonly line: number;
}

export interface TmxHeader {
  readonly srclang?: string;
  readonly creationtool?: string;
  readonly creationtoolversion?: string;
  readonly creationdate?: string;
}

export interface TmxReading {
  readonly header: TmxHeader;
  readonly units: readonly TmxUnit[];
  readonly problems: readonly GlossaryProblem[];
}

/** Inline elements whose content is markup of the original document, not text. */
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);

interface OpenUnit {
  tuid?: string;
  line: number;
  props: TmxProp[];
  variants: TmxVariant[];
}

const TMX_MESSAGES: XmlMessages = {
  refused: () => bilingual(
    'DOCTYPE with an internal subset or ENTITY declarations refused (entity expansion is unsafe); the file was not read.',
    '拒绝读取含内部子集或 ENTITY 声明的 DOCTYPE（实体展开不安全）；未读取该文件。'),
  invalid: (detail) => bilingual(`Invalid XML: ${detail}`, `XML 无效：${detail}`),
};

class TmxReader extends XmlReader {
  header: TmxHeader = {};
  readonly units: TmxUnit[] = [];
  private unit: OpenUnit | undefined;
  private language: string | undefined;
  private segment: { text: string; line: number; character: number } | undefined;
  private prop: TmxProp | undefined;
  /** Depth inside inline code elements, whose text is skipped. */
  private inCode = 0;

  constructor(problems: ProblemList) {
    super(problems, TMX_MESSAGES);
  }

  protected open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const attributes: Record<string, string | undefined> = tag.attributes;
    if (this.segment) {
      if (CODE_ELEMENTS.has(name)) this.inCode++;
      return;
    }
    if (name === 'header') this.header = pick(attributes, ['srclang', 'creationtool', 'creationtoolversion', 'creationdate']);
    else if (name === 'tu') this.unit = { line: this.tagLine, props: [], variants: [], ...(attributes.tuid !== undefined ? { tuid: attributes.tuid } : {}) };
    else if (name === 'tuv') this.language = attributes['xml:lang'] ?? attributes.lang;
    else if (name === 'seg' && this.unit) this.segment = { text: '', line: this.tagLine, character: this.tagColumn };
    else if (name === 'prop' && this.unit && !this.language) this.prop = { type: attributes.type ?? '', value: '' };
  }

  protected addText(text: string): void {
    if (this.segment && this.inCode === 0) this.segment.text += text;
    else if (this.prop) this.prop = { ...this.prop, value: this.prop.value + text };
  }

  protected close(name: string): void {
    if (this.segment && name !== 'seg') {
      if (CODE_ELEMENTS.has(name)) this.inCode--;
      return;
    }
    if (name === 'seg') this.finishSegment();
    else if (name === 'prop' && this.prop) {
      this.unit?.props.push(this.prop);
      this.prop = undefined;
    } else if (name === 'tuv') this.language = undefined;
    else if (name === 'tu') this.finishUnit();
  }

  private finishSegment(): void {
    const segment = this.segment;
    this.segment = undefined;
    this.inCode = 0;
    if (!segment || !this.unit) return;
    if (this.language === undefined) {
      this.problems.atLine(segment.line, segment.character, bilingual('A <tuv> without xml:lang: its <seg> was skipped.', '<tuv> 缺少 xml:lang：已跳过其 <seg>。'), 'warning');
      return;
    }
    this.unit.variants.push({ language: this.language, text: segment.text, line: segment.line, character: segment.character });
  }

  private finishUnit(): void {
    const unit = this.unit;
    this.unit = undefined;
    if (unit) this.units.push(unit);
  }
}

function pick<K extends string>(attributes: Record<string, string | undefined>, keys: readonly K[]): { [P in K]?: string } {
  const picked: { [P in K]?: string } = {};
  for (const key of keys) if (attributes[key] !== undefined) picked[key] = attributes[key];
  return picked;
}

export function parseTmx(text: string, file: string, maxBytes = DEFAULT_MAX_BYTES): TmxReading {
  const tooBig = sizeProblem(text, file, maxBytes);
  if (tooBig) return { header: {}, units: [], problems: [{ ...tooBig, message: tooBig.message.replace('Glossary file', 'Translation memory') }] };
  const problems = new ProblemList(text, file);
  const reader = new TmxReader(problems);
  reader.read(text);
  return reader.refused ? { header: {}, units: [], problems: problems.problems } : { header: reader.header, units: reader.units, problems: problems.problems };
}
