/**
 * The note's own reference (`CHN/HR/2025/34`, `(2025)领字第45号`): whether it has the shape the
 * hover's explainer reads, and whether the front matter and the text, or the two files of a note,
 * carry the same one.
 *
 * Only what is certain is reported: an empty part between two separators, a year the explainer
 * cannot read as one, and a country code that is a known code with two letters swapped (`CNH`).
 * An unknown three-letter code is not reported: the country table lists the States met in special
 * procedures communications, not every State, so `NOR/GVA/2025/12` must pass.
 */
import countryTable from '../explain/countries.json';
import { foldText } from '../glossary/fold';
import type { Note, OwnReference, Span } from '../model';
import { isAsciiDigit, isLatinLetter, isUpperLatin } from '../text/script';
import { message, sideWord, type Message } from '../messages';
import { DEFAULT_SEVERITY, saying, type Finding, type Side } from './types';

const COUNTRIES: ReadonlySet<string> = new Set(Object.keys(countryTable.countries));
/** The explainer reads 19xx and 20xx as years. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;
/** `(2025)`, `（2025）`, `〔2025〕`, `[2025]`: the year of a Chinese document number. */
const BRACKETED_YEAR = /[（(〔[]\s?(\d{4})\s?[）)〕\]]/;

interface Problem {
  readonly span: Span;
  readonly said: Message;
}

interface Segment {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function isSeparator(code: number): boolean {
  return code === 0x2f || code === 0x2e || code === 0x2d; // / . -
}

function isAlphanumeric(code: number): boolean {
  return isAsciiDigit(code) || isLatinLetter(code);
}

/** The parts of `CHN/HR/2025/34`, with their offsets; undefined when the value is not of that shape. */
function segmentsOf(text: string, value: Span): Segment[] | undefined {
  let end = value.end;
  if (text.charCodeAt(end - 1) === 0x2e) end--; // a full stop closing the line
  const segments: Segment[] = [];
  let start = value.start;
  for (let i = value.start; i <= end; i++) {
    const code = i < end ? text.charCodeAt(i) : 0x2f;
    if (i < end && isAlphanumeric(code)) continue;
    if (!isSeparator(code)) return undefined;
    segments.push({ start, end: i, text: text.slice(start, i) });
    start = i + 1;
  }
  return segments.length > 1 && text.slice(value.start, end).includes('/') ? segments : undefined;
}

function isYear(part: string): boolean {
  return part.length === 4 && Number(part) >= FIRST_YEAR && Number(part) <= LAST_YEAR;
}

function isNumber(part: string): boolean {
  return part.length > 0 && [...part].every((ch) => isAsciiDigit(ch.charCodeAt(0)));
}

/** `CNH` → `CHN`: a known code with two neighbouring letters swapped, else undefined. */
function swappedCountry(code: string): string | undefined {
  for (let i = 0; i + 1 < code.length; i++) {
    const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
    if (swapped !== code && COUNTRIES.has(swapped)) return swapped;
  }
  return undefined;
}

function segmentProblems(reference: string, segments: readonly Segment[]): Problem[] {
  const problems: Problem[] = [];
  const first = segments[0];
  segments.forEach((segment, k) => {
    if (segment.text !== '') return;
    const said = k > 0
      ? message('check.own-reference.empty-part', { reference, before: reference.slice(0, segment.start - first.start - 1) })
      : message('check.own-reference.empty-start', { reference });
    const span = { start: segment.start - (k > 0 ? 1 : 0), end: segment.end + (k < segments.length - 1 ? 1 : 0) };
    problems.push({ span, said });
  });
  const numbers = segments.filter((s) => isNumber(s.text));
  const outOfRange = numbers.find((s) => s.text.length === 4 && !isYear(s.text));
  if (outOfRange && numbers.length > 1 && !numbers.some((s) => isYear(s.text))) {
    problems.push({ span: outOfRange, said: yearMessage(outOfRange.text, reference) });
  }
  const looksLikeCountry = first.text.length === 3 && [...first.text].every((ch) => isUpperLatin(ch.charCodeAt(0)));
  const meant = looksLikeCountry && !COUNTRIES.has(first.text) ? swappedCountry(first.text) : undefined;
  if (meant) problems.push({ span: first, said: message('check.own-reference.country', { code: first.text, reference, meant }) });
  return problems;
}

/** `(2205)领字第45号`: the bracketed year of a Chinese document number. */
function bracketedYearProblem(reference: string, offset: number): Problem | undefined {
  const match = BRACKETED_YEAR.exec(reference);
  if (!match || isYear(match[1])) return undefined;
  const start = offset + match.index + match[0].indexOf(match[1]);
  return { span: { start, end: start + 4 }, said: yearMessage(match[1], reference) };
}

function yearMessage(year: string, reference: string): Message {
  return message('check.own-reference.year', { year, reference, first: FIRST_YEAR, last: LAST_YEAR });
}

/** Where the reference itself is: a quoted front matter value has its quotes inside `value`. */
function referenceSpan(text: string, reference: OwnReference): Span | undefined {
  const at = text.indexOf(reference.valueText, reference.value.start);
  return at >= 0 && at + reference.valueText.length <= reference.value.end ? { start: at, end: at + reference.valueText.length } : undefined;
}

function shapeProblems(text: string, reference: OwnReference): Problem[] {
  const span = referenceSpan(text, reference);
  if (!span) return [];
  const segments = segmentsOf(text, span);
  if (segments) return segmentProblems(reference.valueText, segments);
  const year = bracketedYearProblem(reference.valueText, span.start);
  return year ? [year] : [];
}

function malformed(side: Side, problem: Problem): Finding {
  return { code: 'reference-malformed', severity: DEFAULT_SEVERITY['reference-malformed'], side, span: problem.span, related: [], ...saying(problem.said) };
}

/** The own references a note carries: the front matter's, then those of the header (outside any version). */
function ownReferencesOf(note: Note): OwnReference[] {
  const inText = note.blocks.filter((block): block is OwnReference => block.kind === 'ownReference');
  return note.ownReference?.fromFrontMatter ? [note.ownReference, ...inText] : inText;
}

/** Case, width and spacing do not make another reference: `（2025）` is `(2025)`. */
function sameReference(a: OwnReference, b: OwnReference): boolean {
  const key = (reference: OwnReference) => foldText(reference.valueText).replace(/ /g, '');
  return key(a) === key(b);
}

/** Where a reference stands: its version, the span of the reference itself, and how to name the place. */
interface Place {
  readonly side: Side;
  readonly reference: OwnReference;
  readonly span: Span;
  readonly where: Message;
}

function place(text: string, side: Side, reference: OwnReference, where: Message): Place {
  return { side, reference, span: referenceSpan(text, reference) ?? reference.value, where };
}

/** Two references of one note that differ: a finding on each, pointing at the other. */
function disagreement(first: Place, second: Place): Finding[] {
  const differs = saying(message('check.own-reference.differs', {
    first: first.reference.valueText, firstPlace: first.where, second: second.reference.valueText, secondPlace: second.where,
  }));
  const finding = (at: Place, other: Place): Finding => ({
    code: 'reference-malformed', severity: DEFAULT_SEVERITY['reference-malformed'], side: at.side, span: at.span, ...differs,
    related: [{ side: other.side, span: other.span, ...saying(message('related.own-reference', { place: other.where })) }],
  });
  return [finding(first, second), finding(second, first)];
}

/**
 * In one note: the shape of every own reference, and the front matter's against the text's. (The
 * recogniser finds own references in the header at the top only, so the versions of one note share
 * theirs; two files of a note each have their own, compared by checkOwnReferencesAgree.) `sideAt`
 * tells the version an offset belongs to.
 */
export function checkOwnReferences(note: Note, sideAt: (offset: number) => Side): Finding[] {
  const references = ownReferencesOf(note);
  const findings = references.flatMap((reference) =>
    shapeProblems(note.text, reference).map((problem) => malformed(sideAt(problem.span.start), problem)));
  const front = references.find((r) => r.fromFrontMatter);
  const firstInText = references.find((r) => !r.fromFrontMatter);
  if (front && firstInText && !sameReference(front, firstInText)) {
    findings.push(...disagreement(
      place(note.text, sideAt(front.span.start), front, message('check.own-reference.front-matter')),
      place(note.text, sideAt(firstInText.span.start), firstInText, message('check.own-reference.text')),
    ));
  }
  return findings;
}

/** Two files of one note (`NAME.en.note`, `NAME.zh.note`): their own references must be the same. */
export function checkOwnReferencesAgree(en: Note, zh: Note): Finding[] {
  if (!en.ownReference || !zh.ownReference || sameReference(en.ownReference, zh.ownReference)) return [];
  return disagreement(
    place(en.text, 'en', en.ownReference, message('check.own-reference.file', { side: sideWord('en') })),
    place(zh.text, 'zh', zh.ownReference, message('check.own-reference.file', { side: sideWord('zh') })),
  );
}
