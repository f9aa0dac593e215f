/** Character classes and script detection, by code unit, without regular expressions. */
import type { Language } from '../model';

export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) || // CJK Unified Ideographs
    (code >= 0x3400 && code <= 0x4dbf) || // Extension A
    (code >= 0xf900 && code <= 0xfaff) || // Compatibility Ideographs
    code === 0x3007 // 〇, used in Chinese-numeral dates
  );
}

/** Chinese punctuation and full-width forms count towards Chinese text without being ideographs. */
export function isCjkPunctuation(code: number): boolean {
  return (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

export function isLatinLetter(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7)
  );
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isLowerLatin(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0xdf && code <= 0xff && code !== 0xf7);
}

export function isUpperLatin(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7);
}

/** Letters of other scripts (Cyrillic, Greek, Arabic, Hebrew, Devanagari, Thai, Hangul, Kana …). */
function isOtherLetter(code: number): boolean {
  return (
    (code >= 0x370 && code <= 0x52f) ||
    (code >= 0x590 && code <= 0x6ff) ||
    (code >= 0x900 && code <= 0xe7f) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af)
  );
}

export function isWhitespace(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x0c || // form feed: page breaks in text extracted from PDFs
    code === 0x0b ||
    code === 0xa0 ||
    code === 0x3000 || // ideographic space
    code === 0xfeff || // byte-order mark
    (code >= 0x2000 && code <= 0x200b)
  );
}

export interface ScriptCounts {
  han: number;
  latin: number;
  other: number;
}

/** 1 for an ASCII letter, 0 for any other ASCII code. */
const ASCII_LETTER = Uint8Array.from({ length: 0x80 }, (_, code) => (isLatinLetter(code) ? 1 : 0));

export function countScripts(text: string, start: number, end: number): ScriptCounts {
  const counts: ScriptCounts = { han: 0, latin: 0, other: 0 };
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // Most of any note is ASCII, where only letters count: looked up, without the tests for other scripts
    // (nor a branch that letters and spaces, in turn, make the processor mispredict).
    if (code < 0x80) counts.latin += ASCII_LETTER[code];
    else if (isHan(code)) counts.han++;
    else if (isLatinLetter(code)) counts.latin++;
    else if (isOtherLetter(code)) counts.other++;
  }
  return counts;
}

/**
 * One Chinese character carries about as much as an English word of five letters, so Latin codes
 * (`AL CHN 4/2025`) and names inside a Chinese paragraph do not tip it over to English.
 */
export function languageOf(counts: ScriptCounts): Language {
  const { han, latin, other } = counts;
  if (han === 0 && latin === 0 && other === 0) return 'other';
  if (han * 4 >= latin && han >= other) return han > 0 ? 'zh' : 'other';
  if (latin >= other) return 'en';
  return 'other';
}

/** The first characters of a block tell its language as well as all of them, at a bounded cost. */
const DETECTION_WINDOW = 256;

export function detectLanguage(text: string, start: number, end: number): Language {
  return languageOf(countScripts(text, start, Math.min(end, start + DETECTION_WINDOW)));
}
