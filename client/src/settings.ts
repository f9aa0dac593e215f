/**
 * The `diplonote` settings as the user set them, in any scope (user, workspace, folder), without the
 * defaults VS Code fills in: the server lays them over the project file (`.diplonote.json`), and a
 * default would hide every value of that file.
 */
import { Uri, workspace, type ExtensionContext } from 'vscode';

const SECTION = 'diplonote';

/** The setting keys the extension contributes (`diplonote.checks.number-mismatch` → `checks.number-mismatch`). */
function settingKeys(context: ExtensionContext): string[] {
  const contributes = (context.extension.packageJSON as { contributes?: { configuration?: { properties?: object } } }).contributes;
  return Object.keys(contributes?.configuration?.properties ?? {})
    .filter((key) => key.startsWith(`${SECTION}.`))
    .map((key) => key.slice(SECTION.length + 1));
}

export function explicitSettings(context: ExtensionContext, scopeUri: string | undefined): Record<string, unknown> {
  const configuration = workspace.getConfiguration(SECTION, scopeUri ? Uri.parse(scopeUri) : undefined);
  const settings: Record<string, unknown> = {};
  for (const key of settingKeys(context)) {
    const inspected = configuration.inspect(key);
    const value = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined) continue;
    const path = key.split('.');
    let level = settings;
    for (const part of path.slice(0, -1)) level = (level[part] ??= {}) as Record<string, unknown>;
    level[path[path.length - 1]] = value;
  }
  return settings;
}
