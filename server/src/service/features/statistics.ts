/**
 * The statistics of a note as the status bar and `diplonote stats` show them: the figures of each
 * language version (core/workbench/statistics.ts) and where the other version was found.
 */
import { sideOf } from '../../core/noteAlignment';
import { versionStatistics, type VersionStatistics } from '../../core/workbench/statistics';
import type { DocumentAnalysis } from '../analysisCache';
import type { PairingResult } from '../pairing';

export interface NoteStatistics {
  /** Inside the note, in a partner file, or not found. */
  readonly counterpart: 'inside' | 'file' | 'none';
  /** The partner file, when the other version is one. */
  readonly partner?: string;
  /** English first, when there is English. */
  readonly versions: readonly VersionStatistics[];
}

export function noteStatistics(analysis: DocumentAnalysis, pairing: PairingResult): NoteStatistics {
  if (pairing.kind === 'aligned') {
    const { alignment, en, zh } = pairing.aligned;
    const versions = [versionStatistics(alignment.en, alignment), versionStatistics(alignment.zh, alignment)];
    if (en === zh) return { counterpart: 'inside', versions };
    return { counterpart: 'file', partner: en.uri === analysis.document.uri ? zh.uri : en.uri, versions };
  }
  const { note } = analysis;
  const languages = (['en', 'zh'] as const).filter((language) => note.language === language || note.versions.some((v) => v.language === language));
  const versions = languages.flatMap((language) => {
    const side = sideOf(note, language);
    return side ? [versionStatistics(side)] : [];
  });
  return { counterpart: 'none', versions };
}
