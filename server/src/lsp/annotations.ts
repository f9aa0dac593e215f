/**
 * The annotation requests (protocol.ts): the service's plain data in offsets mapped to LSP ranges of
 * the documents they lie in, and the outline's Annotations group.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnnotationData, AnnotationEditResult, AnnotationsResult, AnnotationTagData, ProjectedAnnotationData } from '../protocol';
import type { AnnotationView, EditOutcome, NoteAnnotations, ProjectedView } from '../service/annotations';
import type { AnnotationEntry } from '../service/features/annotations';
import { format, message, type Locale } from '../core/messages';
import { toRange } from './positions';

export function annotationsResult(annotations: NoteAnnotations, openVersion: number | null): AnnotationsResult {
  const { document } = annotations;
  return {
    uri: document.uri,
    version: openVersion,
    sidecar: annotations.sidecar,
    writable: annotations.writable,
    ...(annotations.message ? { message: annotations.message } : {}),
    annotations: annotations.placed.map((view) => annotationData(document, view)),
    orphans: annotations.orphans.map((view) => annotationData(document, view)),
    projected: annotations.projected.map((view) => projectedData(document, view)),
    tags: annotations.tags.map((tag): AnnotationTagData => ({
      name: tag.name, label: tag.label, ...(tag.colour ? { colour: tag.colour } : {}), ...(tag.description ? { description: tag.description } : {}),
    })),
  };
}

function annotationData(document: TextDocument, view: AnnotationView): AnnotationData {
  const { span, counterpart, recorded: _recorded, ...content } = view;
  return {
    ...content,
    ...(span ? { range: toRange(document, span) } : {}),
    ...(counterpart
      ? { counterpart: { uri: counterpart.document.uri, range: toRange(counterpart.document, counterpart.span), level: counterpart.level, language: counterpart.language } }
      : {}),
  };
}

function projectedData(document: TextDocument, view: ProjectedView): ProjectedAnnotationData {
  const { span, source, ...content } = view;
  return { ...content, projected: true, range: toRange(document, span), source: { uri: source.document.uri, range: toRange(source.document, source.span) } };
}

export function editResult(outcome: EditOutcome): AnnotationEditResult {
  if (!outcome.applied) return { applied: false, message: outcome.message };
  return { applied: true, sidecar: outcome.sidecar, ...(outcome.id ? { id: outcome.id } : {}) };
}

/** The outline's Annotations group (empty when the setting is off or the note has none). */
export function annotationSymbols(document: TextDocument, entries: readonly AnnotationEntry[], locale: Locale): DocumentSymbol[] {
  if (entries.length === 0) return [];
  const children = entries.map((entry): DocumentSymbol => {
    const range = toRange(document, entry.span);
    return { name: entry.name, detail: entry.detail, kind: SymbolKind.Event, range, selectionRange: range };
  });
  const range = { start: children[0].range.start, end: children[children.length - 1].range.end };
  return [{ name: format(locale, message('annotation.outline-group')), detail: `${entries.length}`, kind: SymbolKind.Namespace, range, selectionRange: { start: range.start, end: range.start }, children }];
}
