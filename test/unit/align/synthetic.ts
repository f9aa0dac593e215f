/** Synthetic aligner input, deterministic: for the aligner's tests and the scaling guard. */
import type { AlignUnit } from '../../../server/src/core/align/align';

/** A deterministic pseudo-random bilingual text: Chinese lengths are a quarter of the English ± noise. */
export function syntheticPair(count: number): { en: AlignUnit[]; zh: AlignUnit[] } {
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const en: AlignUnit[] = [];
  const zh: AlignUnit[] = [];
  for (let k = 0; k < count; k++) {
    const length = 40 + Math.floor(next() * 160);
    en.push({ text: '', length, anchors: [] });
    const chinese = Math.max(1, Math.round(length / 4 + (next() - 0.5) * 8));
    if (next() < 0.2) {
      zh.push({ text: '', length: Math.ceil(chinese / 2), anchors: [] }, { text: '', length: Math.floor(chinese / 2) + 1, anchors: [] });
    } else {
      zh.push({ text: '', length: chinese, anchors: [] });
    }
  }
  return { en, zh };
}
