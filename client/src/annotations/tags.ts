/**
 * The tags as the user sees them: a label in the interface's language and a colour. The taxonomy is
 * the one the server answers for the note (the default set, `.diplonote/tags.json`, `.diplonote.json`
 * or the setting `diplonote.annotations.tags`); before the server has answered, the setting's own
 * tags. A tag without a colour, or one the taxonomy does not define, gets one of a fixed palette,
 * the same for the same name every time.
 */
import { env, workspace } from 'vscode';
import type { AnnotationTagData } from '../../../server/src/protocol';

/** Tableau 10: distinct on light and dark backgrounds alike. */
const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
const HEX = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

function chineseInterface(): boolean {
  return env.language.toLowerCase().startsWith('zh');
}

export class Taxonomy {
  private readonly byName: ReadonlyMap<string, AnnotationTagData>;

  constructor(readonly tags: readonly AnnotationTagData[]) {
    this.byName = new Map(tags.map((tag) => [tag.name, tag]));
  }

  label(name: string): string {
    const tag = this.byName.get(name);
    if (!tag) return name;
    return chineseInterface() ? tag.label.zh : tag.label.en;
  }

  description(name: string): string | undefined {
    const description = this.byName.get(name)?.description;
    return chineseInterface() ? description?.zh ?? description?.en : description?.en ?? description?.zh;
  }

  /** `#rrggbb` (an alpha the user gave is dropped: the decorations set their own). */
  colour(name: string): string {
    const given = this.byName.get(name)?.colour;
    return given && HEX.test(given) ? sixDigits(given) : paletteColour(name);
  }
}

function sixDigits(colour: string): string {
  if (colour.length === 4) return `#${[...colour.slice(1)].map((digit) => digit + digit).join('')}`.toLowerCase();
  return colour.slice(0, 7).toLowerCase();
}

function paletteColour(name: string): string {
  let hash = 0;
  for (let index = 0; index < name.length; index++) hash = (hash * 31 + name.charCodeAt(index)) >>> 0;
  return PALETTE[hash % PALETTE.length];
}

/** The tags of the setting `diplonote.annotations.tags` (a list, or `{ tags: [...] }`), the well-formed ones. */
export function tagsOfSetting(): AnnotationTagData[] {
  const value = workspace.getConfiguration('diplonote.annotations').get<unknown>('tags');
  const list = Array.isArray(value) ? value : (value as { tags?: unknown } | undefined)?.tags;
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown) => {
    const tag = item as { name?: unknown; label?: unknown; colour?: unknown };
    if (typeof tag?.name !== 'string' || tag.name.trim() === '') return [];
    const label = typeof tag.label === 'string' ? { en: tag.label, zh: tag.label } : labelObject(tag.label, tag.name);
    return [{ name: tag.name, label, ...(typeof tag.colour === 'string' ? { colour: tag.colour } : {}) }];
  });
}

function labelObject(value: unknown, name: string): { en: string; zh: string } {
  const { en, zh } = (value ?? {}) as { en?: unknown; zh?: unknown };
  const english = typeof en === 'string' ? en : typeof zh === 'string' ? zh : name;
  return { en: english, zh: typeof zh === 'string' ? zh : english };
}

/** The taxonomy of a note's answer, or of the setting while there is none. */
export function taxonomyOf(tags: readonly AnnotationTagData[] | undefined): Taxonomy {
  return new Taxonomy(tags && tags.length > 0 ? tags : tagsOfSetting());
}
