/**
 * TBX (TermBase eXchange, ISO 30042) as terminology tools export it, both dialects:
 * 2008 `martif/text/body/termEntry/langSet/(tig|ntig)/term` and 2019 `tbx/…/conceptEntry/langSec/termSec/term`.
 * Definitions (`descrip type="definition"`, per language or per concept), the subject field (→ category)
 * and a source are kept; deprecated or superseded terms are dropped, since they must not be suggested.
 *
 * Security: saxes is non-validating, never fetches a DTD and expands no entity of its own. On top of
 * that a DOCTYPE with an internal subset (where entities are declared: "billion laughs", external
 * entities) is refused outright and nothing from the file is loaded.
 */
import { message } from '../messages';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { collapseSpaces, completeEntry, languageOfText, missingLanguages, overlongForm, type EntryDraft } from './draft';
import { DEFAULT_MAX_BYTES, ProblemList, sizeProblem } from './problems';
import type { GlossaryEntry, LoadResult } from './types';

const CONCEPT_ELEMENTS = new Set(['termEntry', 'conceptEntry']);
const LANGUAGE_ELEMENTS = new Set(['langSet', 'langSec']);
const TERM_GROUP_ELEMENTS = new Set(['tig', 'ntig', 'termSec']);
const STATUS_NOTE_TYPES = new Set(['administrativeStatus', 'normativeAuthorization']);
const REJECTED_STATUS_WORDS = ['deprecated', 'superseded', 'obsolete'];
const MAX_SYNTAX_PROBLEMS = 20;

type Language = 'en' | 'zh' | 'other';
type CaptureKind = 'term' | 'definition' | 'subject' | 'status' | 'source';

/** Thrown from inside a parser callback to stop reading the file. */
class StopReading extends Error {}

/** `en-GB` → en, `zh-Hant-TW` → zh; other languages are not ours. */
function languageOfTag(tag: string | undefined): Language {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/, 1)[0];
  return primary === 'en' || primary === 'zh' ? primary : 'other';
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) count++;
  return count;
}

interface Concept {
  offsetLine: number;
  draft: EntryDraft;
  /** Set when a term of the concept was refused with a problem of its own: then it is skipped silently. */
  refused?: boolean;
}

interface Term {
  text: string;
  rejected: boolean;
  /** 0-based line of the <term> element. */
  line: number;
}

interface Capture {
  kind: CaptureKind;
  element: string;
  language: Language | undefined;
  text: string;
  /** 0-based line of the element's start tag. */
  line: number;
}

class TbxReader {
  readonly entries: GlossaryEntry[] = [];
  private concept: Concept | undefined;
  private language: Language | undefined;
  private term: Term | undefined;
  private capture: Capture | undefined;
  private tagLine = 0;
  private syntaxProblems = 0;
  /** Set when the DOCTYPE was refused: then nothing of the file may be used. */
  refused = false;

  constructor(
    private readonly parser: SaxesParser<{}>,
    private readonly problems: ProblemList,
    private readonly file: string,
  ) {
    parser.on('doctype', (doctype) => this.checkDoctype(doctype));
    parser.on('opentagstart', () => (this.tagLine = parser.line - 1));
    parser.on('opentag', (tag) => this.open(tag));
    parser.on('text', (text) => this.addText(text));
    parser.on('cdata', (text) => this.addText(text));
    parser.on('closetag', (tag) => this.close(localName(tag.name)));
    parser.on('error', (error) => this.syntaxError(error.message));
  }

  private checkDoctype(doctype: string): void {
    const subset = doctype.indexOf('[');
    const entity = doctype.indexOf('<!ENTITY');
    if (subset < 0 && entity < 0) return;
    const doctypeLine = this.parser.line - 1 - countLineBreaks(doctype);
    const line = entity >= 0 ? doctypeLine + countLineBreaks(doctype.slice(0, entity)) : doctypeLine;
    this.problems.atLine(line, 0, message('glossary.tbx.doctype'));
    this.refused = true;
    throw new StopReading();
  }

  private syntaxError(said: string): void {
    const prefix = `${this.parser.line}:${this.parser.column}: `;
    const text = said.startsWith(prefix) ? said.slice(prefix.length) : said;
    this.problems.atLine(this.parser.line - 1, this.parser.columnIndex, message('glossary.tbx.invalid', { detail: text }));
    if (++this.syntaxProblems >= MAX_SYNTAX_PROBLEMS) throw new StopReading();
  }

  private open(tag: SaxesTagPlain): void {
    const name = localName(tag.name);
    const attributes: Record<string, string | undefined> = tag.attributes;
    if (CONCEPT_ELEMENTS.has(name)) {
      this.concept = { offsetLine: this.tagLine, draft: { en: [], zh: [], id: attributes.id } };
    } else if (LANGUAGE_ELEMENTS.has(name)) {
      this.language = languageOfTag(attributes['xml:lang']);
    } else if (TERM_GROUP_ELEMENTS.has(name)) {
      this.term = { text: '', rejected: false, line: this.tagLine };
    } else if (!this.capture) {
      const kind = this.captureKind(name, attributes.type);
      const language = attributes['xml:lang'] !== undefined ? languageOfTag(attributes['xml:lang']) : this.language;
      if (kind) this.capture = { kind, element: name, language, text: '', line: this.tagLine };
    }
  }

  private captureKind(name: string, type: string | undefined): CaptureKind | undefined {
    if (name === 'term') return 'term';
    if (name === 'descrip' && type === 'definition') return 'definition';
    if (name === 'descrip' && type === 'subjectField') return 'subject';
    if (name === 'termNote' && type !== undefined && STATUS_NOTE_TYPES.has(type)) return 'status';
    if ((name === 'admin' || name === 'descrip') && type === 'source') return 'source';
    return undefined;
  }

  private addText(text: string): void {
    if (this.capture) this.capture.text += text;
  }

  private close(name: string): void {
    if (this.capture?.element === name) this.finishCapture(this.capture);
    else if (TERM_GROUP_ELEMENTS.has(name)) this.finishTerm();
    else if (LANGUAGE_ELEMENTS.has(name)) this.finishLanguage();
    else if (CONCEPT_ELEMENTS.has(name)) this.finishConcept();
  }

  private finishCapture(capture: Capture): void {
    this.capture = undefined;
    const text = collapseSpaces(capture.text);
    const draft = this.concept?.draft;
    if (!text || !draft) return;
    if (capture.kind === 'term') {
      this.term ??= { text: '', rejected: false, line: capture.line }; // a bare <term> directly in its language section
      this.term.text = text;
      this.term.line = capture.line;
    } else if (capture.kind === 'status') {
      if (this.term) this.term.rejected = REJECTED_STATUS_WORDS.some((word) => text.toLowerCase().includes(word));
    } else if (capture.kind === 'definition') {
      const language = capture.language === 'en' || capture.language === 'zh' ? capture.language : languageOfText(text);
      draft.definition ??= {};
      draft.definition[language] ??= text;
    } else if (capture.kind === 'subject') {
      draft.category ??= text;
    } else {
      draft.source ??= text;
    }
  }

  private finishLanguage(): void {
    this.finishTerm();
    this.language = undefined;
  }

  private finishTerm(): void {
    const term = this.term;
    this.term = undefined;
    const language = this.language;
    if (!term || !term.text || term.rejected || !this.concept || (language !== 'en' && language !== 'zh')) return;
    const overlong = overlongForm([term.text], language);
    if (overlong && !this.concept.refused) this.problems.atLine(term.line, 0, message('glossary.tbx.overlong', { problem: overlong }));
    if (overlong) this.concept.refused = true;
    else this.concept.draft[language].push(term.text);
  }

  private finishConcept(): void {
    const concept = this.concept;
    this.concept = undefined;
    if (!concept || concept.refused) return;
    const missing = missingLanguages(concept.draft);
    if (!missing) this.entries.push(completeEntry(concept.draft, this.file));
    else this.problems.atLine(concept.offsetLine, 0, message('glossary.tbx.concept-missing', { missing }), 'warning');
  }
}

export function parseTbxGlossary(text: string, file: string, maxBytes = DEFAULT_MAX_BYTES): LoadResult {
  const tooBig = sizeProblem(text, file, maxBytes);
  if (tooBig) return { entries: [], problems: [tooBig] };
  const problems = new ProblemList(text, file);
  const parser = new SaxesParser({ position: true });
  const reader = new TbxReader(parser, problems, file);
  try {
    parser.write(text).close();
  } catch (error) {
    if (!(error instanceof StopReading)) problems.atLine(parser.line - 1, 0, message('glossary.tbx.invalid', { detail: String(error) }));
  }
  return { entries: reader.refused ? [] : reader.entries, problems: problems.problems };
}
