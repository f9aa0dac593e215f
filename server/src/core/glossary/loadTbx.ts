/**
 * TBX (TermBase eXchange, ISO 30042) as terminology tools export it, both dialects:
 * 2008 `martif/text/body/termEntry/langSet/(tig|ntig)/term` and 2019 `tbx/…/conceptEntry/langSec/termSec/term`.
 * Definitions (`descrip type="definition"`, per language or per concept), notes (`note` outside a term),
 * the subject field (→ category) and a source are kept; deprecated or superseded terms are dropped, since they must not be suggested.
 *
 * Security: saxes is non-validating, never fetches a DTD and expands no entity of its own. On top of
 * that a DOCTYPE with an internal subset (where entities are declared: "billion laughs", external
 * entities) is refused outright and nothing from the file is loaded.
 */
import type { SaxesTagPlain } from 'saxes';
import { message } from '../messages';
import { languageOfTag, localName } from '../text/xml';
import { XmlReader } from '../text/xmlReader';
import { collapseSpaces, completeEntry, languageOfText, missingLanguages, overlongForm, type EntryDraft } from './draft';
import { DEFAULT_MAX_BYTES, ProblemList, sizeProblem } from './problems';
import type { GlossaryEntry, LoadResult } from './types';

const CONCEPT_ELEMENTS = new Set(['termEntry', 'conceptEntry']);
const LANGUAGE_ELEMENTS = new Set(['langSet', 'langSec']);
const TERM_GROUP_ELEMENTS = new Set(['tig', 'ntig', 'termSec']);
const STATUS_NOTE_TYPES = new Set(['administrativeStatus', 'normativeAuthorization']);
const REJECTED_STATUS_WORDS = ['deprecated', 'superseded', 'obsolete'];

type Language = ReturnType<typeof languageOfTag>;
type CaptureKind = 'term' | 'definition' | 'note' | 'subject' | 'status' | 'source';

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

class TbxReader extends XmlReader {
  readonly entries: GlossaryEntry[] = [];
  private concept: Concept | undefined;
  private language: Language | undefined;
  private term: Term | undefined;
  private capture: Capture | undefined;

  constructor(problems: ProblemList, private readonly file: string) {
    super(problems, { refused: () => message('glossary.tbx.doctype'), invalid: (detail) => message('glossary.tbx.invalid', { detail }) });
  }

  protected open(tag: SaxesTagPlain): void {
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
    if (name === 'note' && !this.term) return 'note';
    if (name === 'descrip' && type === 'subjectField') return 'subject';
    if (name === 'termNote' && type !== undefined && STATUS_NOTE_TYPES.has(type)) return 'status';
    if ((name === 'admin' || name === 'descrip') && type === 'source') return 'source';
    return undefined;
  }

  protected addText(text: string): void {
    if (this.capture) this.capture.text += text;
  }

  protected close(name: string): void {
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
    } else if (capture.kind === 'definition' || capture.kind === 'note') {
      const language = capture.language === 'en' || capture.language === 'zh' ? capture.language : languageOfText(text);
      const field = capture.kind;
      draft[field] ??= {};
      draft[field][language] ??= text;
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
  const reader = new TbxReader(problems, file);
  reader.read(text);
  return { entries: reader.refused ? [] : reader.entries, problems: problems.problems };
}
