/** Checks of one note on its own, whatever its other version says. */
import type { Note, Paragraph } from '../model';
import { lastStartingBy } from '../text/spans';
import { checkOwnReferences } from './ownReference';
import { message, sideWord } from '../messages';
import { DEFAULT_SEVERITY, saying, type Finding, type Side } from './types';

// Looks like a cited communication (type, country, serial/year) but may break the format; every
// repetition is bounded and the pieces are separated by fixed classes, so matching is linear.
const CITATION_LIKE = /(?<![A-Za-z0-9])J?(?:AL|UA|OL)[ \u00a0]{1,3}[A-Za-z]{2,4}[ \u00a0]{0,3}[0-9０-９]{1,5}[/／][0-9０-９]{1,5}(?![0-9０-９])/g;

/**
 * Text shaped like `AL CHN 4/2025` that the recogniser did not accept as a communication, and the
 * note's own reference when its shape is broken or its versions disagree on it.
 */
export function checkMalformedReferences(note: Note): Finding[] {
  const findings: Finding[] = checkOwnReferences(note, (offset) => sideAt(note, offset));
  CITATION_LIKE.lastIndex = 0;
  for (let match = CITATION_LIKE.exec(note.text); match; match = CITATION_LIKE.exec(note.text)) {
    const span = { start: match.index, end: match.index + match[0].length };
    const recognised = lastStartingBy(note.citations, span.start)?.item;
    if (recognised && recognised.span.end >= span.end) continue;
    findings.push({
      code: 'reference-malformed', severity: DEFAULT_SEVERITY['reference-malformed'], side: sideAt(note, span.start), span, related: [],
      ...saying(message('check.reference-malformed.citation', { text: match[0] })),
    });
  }
  return findings;
}

function sideAt(note: Note, offset: number): Side {
  const version = note.versions.find((v) => offset >= v.span.start && offset <= v.span.end);
  const language = version ? version.language : note.language;
  return language === 'zh' ? 'zh' : 'en';
}

/** An opening formula whose language version has no closing formula. */
export function checkClosing(note: Note): Finding[] {
  const byLanguage = new Map<string, Paragraph[]>();
  for (const paragraph of note.paragraphs) {
    const list = byLanguage.get(paragraph.language);
    if (list) list.push(paragraph);
    else byLanguage.set(paragraph.language, [paragraph]);
  }
  const findings: Finding[] = [];
  for (const [language, paragraphs] of byLanguage) {
    if (language !== 'en' && language !== 'zh') continue;
    const opening = paragraphs.find((p) => p.role === 'opening');
    if (!opening || paragraphs.some((p) => p.role === 'closing')) continue;
    findings.push({
      code: 'closing-missing', severity: DEFAULT_SEVERITY['closing-missing'], side: language, span: opening.span, related: [],
      ...saying(message('check.closing-missing', { side: sideWord(language) })),
    });
  }
  return findings;
}
