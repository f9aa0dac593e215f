/**
 * The annotation client, for the desktop and the web alike: the store of the server's answers and what
 * shows them (comment threads, tag colours, the Annotations view) and acts on them (editor commands,
 * thread buttons). Call `start()` once the language client runs.
 */
import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { AnnotationDecorations } from './decorations';
import { registerEditorCommands } from './editorCommands';
import { AnnotationStore } from './store';
import { registerThreadActions } from './threadActions';
import { AnnotationThreads } from './threads';
import { registerAnnotationsView } from './view';

export interface AnnotationClient {
  start(): void;
}

export function registerAnnotations(context: ExtensionContext, client: BaseLanguageClient): AnnotationClient {
  const store = new AnnotationStore(client);
  const threads = new AnnotationThreads(store);
  context.subscriptions.push(
    store,
    threads,
    new AnnotationDecorations(store),
    registerThreadActions(store, threads),
    registerEditorCommands(store, threads),
    registerAnnotationsView(store),
  );
  return store;
}
