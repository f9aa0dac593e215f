/**
 * The typed model of a diplomatic note. Everything here is plain data: offsets are UTF-16 code-unit
 * indexes into the analysed text (what JavaScript strings and LSP positions count), `end` exclusive.
 * Conversion to line/character happens once, at the protocol edge.
 */
import type { Saying } from './messages';

/** A model object while it is filled in field by field (faster than spreading optional parts into a literal). */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

export type Language = 'en' | 'zh' | 'other';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How a numbered point is written; the aligner pairs points by `ordinal`, never by style. */
export type PointStyle =
  | 'ordinal-word' // First, Firstly, Second, …
  | 'final-word' // Finally, Lastly
  | 'zh-shi' // 一是 二是
  | 'zh-di' // 第一， 第二，
  | 'zh-sequence' // 首先 其次 再次 最后
  | 'zh-paren' // （一）
  | 'zh-dun' // 一、
  | 'arabic' // 1.  1、
  | 'arabic-paren' // (1) （1）
  | 'latin-paren' // (a)
  | 'roman-paren' // (i)
  | 'circled' // ①
  | 'bullet'; // •  -

export interface Point {
  readonly kind: 'point';
  readonly language: Language;
  readonly span: Span;
  readonly marker: Span;
  readonly markerText: string;
  readonly style: PointStyle;
  /** 1-based position in its list; `Finally`/`最后` get the ordinal after the preceding point. */
  readonly ordinal: number;
  /** True for Finally / Lastly / 最后: such a point pairs with the last point of the other side. */
  readonly isFinal: boolean;
  readonly children: readonly Point[];
}

export type ParagraphRole = 'body' | 'opening' | 'closing';

export interface Paragraph {
  readonly kind: 'paragraph';
  readonly role: ParagraphRole;
  readonly language: Language;
  readonly span: Span;
  /** The pieces the text is made of: more than one when a page break split the paragraph. */
  readonly parts: readonly Span[];
  /** 1-based number among the body paragraphs of its language version; 0 for formulas. */
  readonly index: number;
  /** The paragraph's own number (`1.`, `一、`) when it is a numbered paragraph. */
  readonly number?: Point;
  readonly points: readonly Point[];
  /** For opening formulas: whether written in the first person (`I have the honour`). */
  readonly person?: 'first' | 'third';
  /** For formulas: which one (see recognise/formulas.ts). */
  readonly formula?: string;
  readonly annotations: readonly Annotation[];
}

export interface Annotation {
  readonly kind: 'annotation';
  readonly span: Span;
  /** The text after `%%`, trimmed. */
  readonly text: string;
  /** `%% diplonote-ignore <code>` suppresses one finding on the paragraph above. */
  readonly ignoreCode?: string;
}

export interface LetterheadField {
  readonly label: 'address' | 'tel' | 'fax' | 'email' | 'website';
  readonly span: Span;
}

export interface Letterhead {
  readonly kind: 'letterhead';
  readonly language: Language;
  readonly span: Span;
  /** Each non-blank line, in order; the first lines name the sender. */
  readonly lines: readonly Span[];
  readonly fields: readonly LetterheadField[];
}

export interface OwnReference {
  readonly kind: 'ownReference';
  readonly language: Language;
  /** The whole line (label included). */
  readonly span: Span;
  /** The reference itself, without label. */
  readonly value: Span;
  readonly valueText: string;
  /** From the front matter rather than the text. */
  readonly fromFrontMatter: boolean;
}

export type CommunicationType = 'AL' | 'UA' | 'OL' | 'JAL' | 'JUA' | 'JOL';

export interface CitedCommunication {
  readonly kind: 'citedCommunication';
  readonly span: Span;
  readonly text: string;
  readonly type: CommunicationType;
  readonly country: string;
  readonly serial: number;
  readonly year: number;
}

/** Short standalone blocks: the parts of a note around its paragraphs. */
export type SimpleBlockKind =
  | 'salutation' | 'placeDate' | 'signature' | 'addressee' | 'annex' | 'title' | 'subject' | 'translationMarker';

export interface SimpleBlock {
  readonly kind: SimpleBlockKind;
  readonly language: Language;
  readonly span: Span;
  readonly lines: readonly Span[];
}

/** A numbered section heading: `I. Background`, `一、背景`, `A. …`, `（一）…`. */
export interface Heading {
  readonly kind: 'heading';
  readonly language: Language;
  readonly span: Span;
  readonly lines: readonly Span[];
  readonly marker: Span;
  readonly ordinal: number;
  /** 1 for the headings of the first family met in the version (`I.`), 2 for the next (`A.`), … */
  readonly level: number;
  /** The ordinals of the headings above it and its own (`2.1` for `A.` under `II.`): how headings pair. */
  readonly path: string;
}

export interface FrontMatterEntry {
  readonly key: string;
  /** The value as text; a list's items joined with ", ". */
  readonly value: string;
  readonly keySpan: Span;
  readonly valueSpan: Span;
  /** Present when the value is a list (`in-reply-to: [AL CHN 4/2025, UA CHN 2/2025]`). */
  readonly items?: readonly FrontMatterItem[];
}

export interface FrontMatterItem {
  readonly value: string;
  readonly span: Span;
}

export interface FrontMatter {
  readonly kind: 'frontMatter';
  readonly span: Span;
  readonly entries: readonly FrontMatterEntry[];
}

/** A problem in the user's own data (front matter) found while analysing; never an exception. */
export interface AnalysisProblem extends Saying {
  readonly span: Span;
}

/** One block of the note in document order. */
export type Block = Letterhead | OwnReference | SimpleBlock | Heading | Paragraph;

/** A run of the enclosed text in one language. */
export interface LanguageVersion {
  readonly kind: 'version';
  readonly language: Language;
  readonly span: Span;
  readonly blocks: readonly Block[];
}

export interface Note {
  readonly text: string;
  /** Offsets at which each line starts (line 0 starts at 0). */
  readonly lineStarts: readonly number[];
  readonly frontMatter?: FrontMatter;
  /** Blocks outside any language version, in order (letterhead, covering note, …). */
  readonly blocks: readonly Block[];
  /** Present when the note holds its text in two or more languages. */
  readonly versions: readonly LanguageVersion[];
  /** Every paragraph of the note in document order, formulas included. */
  readonly paragraphs: readonly Paragraph[];
  readonly ownReference?: OwnReference;
  readonly citations: readonly CitedCommunication[];
  readonly annotations: readonly Annotation[];
  /** Lines ignored as PDF artefacts (page numbers, form feeds). */
  readonly pageArtefacts: readonly Span[];
  /** The main language of the note (from the front matter when set there). */
  readonly language: Language;
  readonly problems: readonly AnalysisProblem[];
}
