// What the annotation suites (annotations*.e2e.mjs) share: the editor's settings, with the author of the
// annotations made during the test.

export const NOTE_STATUS = 'diplonote.diplonote.diplonote.status';

/** Settings that keep the workbench quiet and the text where the tests look for it. */
export function annotationSettings(author) {
  return {
    'editor.minimap.enabled': false,
    'editor.wordWrap': 'on',
    'window.commandCenter': false,
    'chat.commandCenter.enabled': false,
    'workbench.editor.enablePreview': false,
    'comments.openView': 'never',
    'diplonote.annotations.author': author,
    'diplonote.codeLens.enabled': false,
  };
}
