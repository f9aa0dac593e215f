/**
 * The `diplonote` settings as the user set them, in any scope (user, workspace, folder), without the
 * defaults VS Code fills in: the server lays them over the project file (`.diplonote.json`), and a
 * default would hide every value of that file.
 */
import { Uri, workspace, type ExtensionContext } from 'vscode';

const SECTION = 'diplonote';

interface Manifest {
  contributes?: { configuration?: { properties?: object } };
  capabilities?: { untrustedWorkspaces?: { restrictedConfigurations?: string[] } };
}

/** The setting keys the extension contributes (`diplonote.checks.number-mismatch` → `checks.number-mismatch`). */
function settingKeys(manifest: Manifest): string[] {
  return Object.keys(manifest.contributes?.configuration?.properties ?? {})
    .filter((key) => key.startsWith(`${SECTION}.`))
    .map((key) => key.slice(SECTION.length + 1));
}

export function explicitSettings(context: ExtensionContext, scopeUri: string | undefined): Record<string, unknown> {
  const manifest = context.extension.packageJSON as Manifest;
  // In Restricted Mode a workspace may not set these (VS Code's `get` ignores them; `inspect` does not).
  const restricted = new Set(workspace.isTrusted ? [] : manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations ?? []);
  const configuration = workspace.getConfiguration(SECTION, scopeUri ? Uri.parse(scopeUri) : undefined);
  const settings: Record<string, unknown> = {};
  for (const key of settingKeys(manifest)) {
    const inspected = configuration.inspect(key);
    const value = restricted.has(`${SECTION}.${key}`) ? inspected?.globalValue : inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    if (value === undefined) continue;
    const path = key.split('.');
    let level = settings;
    for (const part of path.slice(0, -1)) level = (level[part] ??= {}) as Record<string, unknown>;
    level[path[path.length - 1]] = value;
  }
  return settings;
}
