/**
 * The commands only the editor can carry out, shared by the desktop and the web client: revealing a
 * range for a code lens, a side-by-side view of the other language version that follows the cursor,
 * asking for the rendering of a term the server is to add to the glossary, and saving the aligned
 * pairs the server exports. Names and argument types come from the server's protocol module.
 */
import {
  commands, l10n, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace,
  type ExtensionContext, type TextEditor,
} from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, Location, TextDocumentPositionParams } from 'vscode-languageclient';
import {
  ADD_TERM_PAIR_COMMAND, COUNTERPART_REQUEST, EXPORT_ALIGNED_PAIRS_COMMAND, GO_TO_COUNTERPART_COMMAND,
  OPEN_COUNTERPART_COMMAND, type AddTermPairArgument, type AddTermPairResult, type InitializationOptions,
} from '../../server/src/protocol';
import { explicitSettings } from './settings';
import { registerAlignedView } from './alignedView';
import { registerExplainStructure } from './explainStructure';
import { exportPairs, registerWorkbench } from './workbench';

/** Waits this long after the last cursor move before asking where the counterpart is. */
const FOLLOW_DELAY_MS = 120;

/** The workspace's storage folder on disk, where the Node server keeps the index between sessions (none in a browser). */
function storageFolder(context: ExtensionContext): { storageFolder?: string } {
  return context.storageUri?.scheme === 'file' ? { storageFolder: context.storageUri.fsPath } : {};
}

/** Client options common to both clients: `.note` documents, settings as set, and code lenses behind their setting. */
export function clientOptions(context: ExtensionContext): LanguageClientOptions {
  return {
    documentSelector: [{ language: 'diplomatic-note' }],
    initializationOptions: { correspondenceView: true, ...storageFolder(context) } satisfies InitializationOptions,
    synchronize: {
      configurationSection: 'diplonote',
      // Glossary, project and ignore files, notes and their annotations (the index, closed counterparts): read again when they change.
      fileEvents: workspace.createFileSystemWatcher('**/{*.glossary.json,*.glossary.csv,*.glossary.tsv,*.tbx,*.note,*.note.annotations.json,.diplonote.json,.gitignore}'),
    },
    middleware: {
      provideCodeLenses: (document, token, next) =>
        workspace.getConfiguration('diplonote', document).get<boolean>('codeLens.enabled', true) ? next(document, token) : [],
      executeCommand: (command, args, next) => (command === ADD_TERM_PAIR_COMMAND ? addTermPair(args, (completed) => next(command, completed)) : next(command, args)),
      workspace: {
        // The server merges the settings over `.diplonote.json`: it must see only what the user set, not the defaults.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, index) => (item.section === 'diplonote' ? explicitSettings(context, item.scopeUri) : answers[index]));
        },
      },
    },
  };
}

export function registerCommands(context: ExtensionContext, client: BaseLanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand(GO_TO_COUNTERPART_COMMAND, goToCounterpart),
    commands.registerCommand(OPEN_COUNTERPART_COMMAND, () => openCounterpartToTheSide(context, client)),
    commands.registerCommand(EXPORT_ALIGNED_PAIRS_COMMAND, () => exportPairs(client, 'tmx')),
  );
  registerExplainStructure(context, client);
  registerAlignedView(context, client);
  registerWorkbench(context, client);
}

/** The code lens target: opens the document (beside, when it is another file) and selects the range. */
async function goToCounterpart(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): Promise<void> {
  const target = new Range(range.start.line, range.start.character, range.end.line, range.end.character);
  const active = window.activeTextEditor;
  const sameFile = active?.document.uri.toString() === uri;
  const editor = sameFile && active ? active : await window.showTextDocument(Uri.parse(uri), { viewColumn: ViewColumn.Beside });
  editor.selection = new Selection(target.start, target.start);
  editor.revealRange(target, TextEditorRevealType.InCenterIfOutsideViewport);
}

async function counterpartOf(client: BaseLanguageClient, editor: TextEditor): Promise<Location | null> {
  const params: TextDocumentPositionParams = {
    textDocument: { uri: editor.document.uri.toString() },
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  };
  return client.sendRequest(COUNTERPART_REQUEST, params);
}

/**
 * Opens the other language version beside the current editor and, unless turned off, keeps its view
 * on the counterpart of the cursor while the cursor moves.
 */
async function openCounterpartToTheSide(context: ExtensionContext, client: BaseLanguageClient): Promise<void> {
  const source = window.activeTextEditor;
  if (!source || source.document.languageId !== 'diplomatic-note') return;
  const location = await counterpartOf(client, source);
  if (!location) {
    void window.showInformationMessage(l10n.t('Diplonote: this note has no other language version (no NAME.en.note / NAME.zh.note partner and no second version inside).'));
    return;
  }
  const side = await window.showTextDocument(Uri.parse(location.uri), { viewColumn: ViewColumn.Beside, preserveFocus: true });
  reveal(side, location);
  if (!workspace.getConfiguration('diplonote').get<boolean>('counterpart.followCursor', true)) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const following = window.onDidChangeTextEditorSelection((event) => {
    if (event.textEditor !== source) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const next = await counterpartOf(client, source);
      const view = window.visibleTextEditors.find((e) => e.document.uri.toString() === next?.uri);
      if (next && view) reveal(view, next, view === source);
    }, FOLLOW_DELAY_MS);
  });
  context.subscriptions.push(following);
}

function reveal(editor: TextEditor, location: Location, sameEditor = false): void {
  const range = new Range(location.range.start.line, location.range.start.character, location.range.end.line, location.range.end.character);
  if (!sameEditor) editor.selection = new Selection(range.start, range.start);
  editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}

/** What the input box says, by the language of the term: the rendering asked for is in the other one. */
const RENDERING_QUESTIONS = {
  en: {
    title: (term: string) => l10n.t('Chinese rendering of "{0}" (English)', term),
    prompt: (context: string) => l10n.t('Aligned Chinese text: {0}', context),
    promptWithoutContext: () => l10n.t('The Chinese form to add to the workspace glossary'),
    placeHolder: (term: string) => l10n.t('Chinese form of "{0}"', term),
    empty: () => l10n.t('Type the Chinese form, or press Esc to cancel.'),
  },
  zh: {
    title: (term: string) => l10n.t('English rendering of "{0}" (Chinese)', term),
    prompt: (context: string) => l10n.t('Aligned English text: {0}', context),
    promptWithoutContext: () => l10n.t('The English form to add to the workspace glossary'),
    placeHolder: (term: string) => l10n.t('English form of "{0}"', term),
    empty: () => l10n.t('Type the English form, or press Esc to cancel.'),
  },
};

function isTermPairArgument(value: unknown): value is AddTermPairArgument {
  const argument = value as Partial<AddTermPairArgument> | null;
  return typeof argument === 'object' && argument !== null && typeof argument.term === 'string' && (argument.language === 'en' || argument.language === 'zh');
}

/**
 * The server cannot ask for free text, so the rendering is asked here; Esc cancels without a word.
 * Edits VS Code applies to a closed file stay unsaved, so the changed glossary is saved at once: the
 * server reads glossaries from disk, and the finding should go as soon as the pair is in.
 */
async function addTermPair(args: unknown[], next: (args: unknown[]) => unknown): Promise<unknown> {
  const argument: unknown = args[0];
  if (!isTermPairArgument(argument) || argument.rendering) return saveGlossary(await next(args));
  const ask = RENDERING_QUESTIONS[argument.language];
  const rendering = await window.showInputBox({
    title: ask.title(argument.term),
    prompt: argument.context ? ask.prompt(argument.context) : ask.promptWithoutContext(),
    placeHolder: ask.placeHolder(argument.term),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() === '' ? ask.empty() : undefined),
  });
  if (rendering === undefined) return undefined;
  return saveGlossary(await next([{ ...argument, rendering: rendering.trim() }, ...args.slice(1)]));
}

async function saveGlossary(result: unknown): Promise<unknown> {
  const { glossary, applied } = (result ?? {}) as Partial<AddTermPairResult>;
  if (applied !== true || typeof glossary !== 'string') return result;
  const target = Uri.parse(glossary).toString();
  const document = workspace.textDocuments.find((d) => d.uri.toString() === target);
  if (document?.isDirty) await document.save();
  return result;
}
