/**
 * What the XML readers (TBX glossaries, TMX memories) share. saxes is non-validating, fetches no DTD
 * and expands no entity of its own; on top of that a DOCTYPE with an internal subset (where entities
 * are declared: "billion laughs", external entities) is refused outright.
 */

/** The index in `doctype` of what makes it unsafe (an internal subset or an ENTITY declaration), or undefined. */
export function unsafeDoctypeAt(doctype: string): number | undefined {
  const subset = doctype.indexOf('[');
  const entity = doctype.indexOf('<!ENTITY');
  if (subset < 0 && entity < 0) return undefined;
  return entity >= 0 ? entity : subset;
}

export function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) count++;
  return count;
}

/** `tbx:term` → `term`. */
export function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** `en-GB` → en, `zh-Hant-TW` → zh; other languages are not ours. */
export function languageOfTag(tag: string | undefined): 'en' | 'zh' | 'other' {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/, 1)[0];
  return primary === 'en' || primary === 'zh' ? primary : 'other';
}

export const XML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes the five XML entities and drops characters XML 1.0 forbids (controls, lone surrogates). */
export function escapeXml(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => XML_ENTITIES[ch])
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}
