/**
 * The versions of a note the CLI works on, found from one file: both inside the file, or the file and
 * its partner (`counterpart:` in the front matter, or `NAME.en.note` ↔ `NAME.zh.note`), aligned.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { analyse } from '../core/analyse';
import type { Note } from '../core/model';
import { alignVersions, partnerFileName, sideOf, type NoteAlignment } from '../core/noteAlignment';
import { readNoteFile } from './readInput';

/** The versions of a note found from one file: both in the file, or the file and its partner. */
export interface LoadedVersions {
  readonly files: { readonly en: string; readonly zh: string };
  readonly notes: { readonly en: Note; readonly zh: Note };
  readonly alignment: NoteAlignment;
}

export function loadVersions(file: string, text: string): LoadedVersions | { alone: Note; reason: string } {
  const note = analyse(text);
  const en = sideOf(note, 'en');
  const zh = sideOf(note, 'zh');
  if (note.versions.length >= 2 && en && zh) {
    return { files: { en: file, zh: file }, notes: { en: note, zh: note }, alignment: alignVersions(en, zh) };
  }
  const declared = note.frontMatter?.entries.find((e) => e.key === 'counterpart')?.value;
  const partnerFile = declared ? path.join(path.dirname(file), declared) : partnerFileName(file);
  const alone = { alone: note, reason: 'no other language version (neither inside the note nor a NAME.en.note / NAME.zh.note partner)' };
  if (!partnerFile || !existsSync(partnerFile)) return alone;
  const input = readNoteFile(partnerFile);
  if (!input.ok) return { alone: note, reason: input.message };
  const partner = analyse(input.text);
  const [enNote, zhNote, enFile, zhFile] = note.language === 'zh' ? [partner, note, partnerFile, file] : [note, partner, file, partnerFile];
  const enSide = sideOf(enNote, 'en');
  const zhSide = sideOf(zhNote, 'zh');
  if (!enSide || !zhSide) return { alone: note, reason: 'the two files are not one English and one Chinese version' };
  return { files: { en: enFile, zh: zhFile }, notes: { en: enNote, zh: zhNote }, alignment: alignVersions(enSide, zhSide) };
}

