/** A full-size glossary and text to match it on, deterministic: for the glossary tests and the scaling guard. */
import table from '../../../server/src/core/glossary/data/traditional-to-simplified.json';
import type { GlossaryEntry } from '../../../server/src/core/glossary/types';
import { entry } from './helpers';

const WORDS = ('public security organs telecommunications fraud online gambling unlawful detention special ' +
  'procedures human rights council allegation letter urgent appeal permanent mission intentional injury ' +
  'extortion trafficking compound northern border criminal law article punishment exemption treaty body ' +
  'mandate holder communication assurances consideration note verbale government reply').split(' ');
const HAN = [...new Set(Object.values(table.map))];

/** 250 entries, each with two English forms (one a plural) and two Chinese forms, built deterministically. */
export function fullSizeGlossary(): GlossaryEntry[] {
  return Array.from({ length: 250 }, (_, k) => {
    const english = `${WORDS[k % WORDS.length]} ${WORDS[(k * 7 + 3) % WORDS.length]}`;
    const chinese = HAN.slice(k * 4, k * 4 + 4).join('');
    return entry(`e${k}`, [english, `${english}s`], [chinese, chinese.slice(0, 2)]);
  });
}

/** Mixed prose: English from the same words (so matching goes deep into the automaton) and Chinese. */
export function mixedText(length: number): string {
  let text = '';
  for (let k = 0; text.length < length; k++) {
    text += `The ${WORDS[k % WORDS.length]} ${WORDS[(k * 11) % WORDS.length]} of ${WORDS[(k * 5) % WORDS.length]}. `;
    text += `${HAN.slice((k * 3) % 900, ((k * 3) % 900) + 6).join('')}，在缅北妙瓦底。\n`;
  }
  return text;
}
