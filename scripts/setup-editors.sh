#!/usr/bin/env bash
# Installs what the real-editor tests (test/e2e, test/nvim) and `npm start` need on Debian 12 + Node 20:
# system packages from apt, code-server into .tools/code-server/ and playwright-core into .tools/playwright/
# (both git-ignored, inside the repository, never in $HOME, never project dependencies).
# Idempotent: every step checks whether its result is already there and skips itself.
# apt needs root (CI runs this as root); the npm steps do not.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3     # the last code-server whose engines.node accepts Node 20 (4.103+ need 22)
PLAYWRIGHT_CORE_VERSION=1.65.1  # drives Debian's chromium; the `playwright` package would fetch browsers
# @vscode/ripgrep as pinned by code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json) and the rg release it fetches.
RIPGREP_PACKAGE_VERSION=1.15.11
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
APT_PACKAGES=(chromium neovim ripgrep libkrb5-dev build-essential pkg-config python3 fonts-wqy-microhei)

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="$REPO/.tools"
CODE_SERVER_DIR="$TOOLS/code-server"
PLAYWRIGHT_DIR="$TOOLS/playwright"

# $EPOCHREALTIME (bash 5) without its dot is microseconds: timings need neither bc nor date.
now_us() { echo "${EPOCHREALTIME/./}"; }
seconds_since() { local us=$(( $(now_us) - $1 )); printf '%d.%d' $(( us / 1000000 )) $(( us % 1000000 / 100000 )); }
started_at=$(now_us)
step_started_at=$started_at
step() { step_started_at=$(now_us); echo "== $1"; }
done_step() { echo "   $1 ($(seconds_since "$step_started_at") s)"; }

missing_apt_packages() {
  local package
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$' || echo "$package"
  done
}

installed_version() { # prints the version of an npm package installed under $1, or nothing
  node -p "require('$1/package.json').version" 2>/dev/null || true
}

# An npm project of its own, so npm never walks up into the extension's package.json.
ensure_npm_folder() {
  mkdir -p "$1"
  [ -f "$1/package.json" ] || printf '{ "name": "%s", "private": true }\n' "$(basename "$1")-tools" >"$1/package.json"
}

step "apt packages: ${APT_PACKAGES[*]}"
mapfile -t missing < <(missing_apt_packages)
if [ "${#missing[@]}" -eq 0 ]; then
  done_step "already installed"
else
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing apt packages: ${missing[*]}; run this script as root (or install them) first" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y "${APT_PACKAGES[@]}"
  done_step "installed ${missing[*]}"
fi

step "code-server $CODE_SERVER_VERSION into .tools/code-server"
if [ "$(installed_version "$CODE_SERVER_DIR/node_modules/code-server")" = "$CODE_SERVER_VERSION" ] \
  && [ -x "$CODE_SERVER_DIR/node_modules/.bin/code-server" ]; then
  done_step "already installed"
else
  ensure_npm_folder "$CODE_SERVER_DIR"
  # Install-time temp files stay in .tools; @vscode/ripgrep's postinstall looks in
  # $TMPDIR/vscode-ripgrep-cache-<version>/ before downloading from GitHub (unreachable in CI), so a
  # tarball of Debian's rg (the same 13.0.0) placed there is what it installs.
  install_tmp="$TOOLS/tmp"
  ripgrep_cache="$install_tmp/vscode-ripgrep-cache-$RIPGREP_PACKAGE_VERSION"
  if [ ! -s "$ripgrep_cache/$RIPGREP_ASSET" ]; then
    mkdir -p "$ripgrep_cache/rg-staging"
    cp /usr/bin/rg "$ripgrep_cache/rg-staging/rg"
    tar czf "$ripgrep_cache/$RIPGREP_ASSET" -C "$ripgrep_cache/rg-staging" rg
    rm -rf "$ripgrep_cache/rg-staging"
  fi
  # As root, code-server's postinstall demands unsafe_perm; node-pty's postinstall runs `npx node-gyp`,
  # which refuses to fetch node-gyp non-interactively without npm_config_yes.
  (cd "$CODE_SERVER_DIR" && TMPDIR="$install_tmp" npm_config_yes=true npm_config_unsafe_perm=true \
    npm install --no-audit --no-fund --save-exact "code-server@$CODE_SERVER_VERSION")
  done_step "installed"
fi
# Even --version writes ~/.config/code-server/config.yaml and ~/.local/share/code-server/coder-logs
# unless given a config file and XDG folders of its own.
echo "   $(XDG_DATA_HOME="$TOOLS/tmp/xdg-data" XDG_CONFIG_HOME="$TOOLS/tmp/xdg-config" \
  "$CODE_SERVER_DIR/node_modules/.bin/code-server" --config /dev/null --version | head -1)"

step "playwright-core $PLAYWRIGHT_CORE_VERSION into .tools/playwright"
if [ "$(installed_version "$PLAYWRIGHT_DIR/node_modules/playwright-core")" = "$PLAYWRIGHT_CORE_VERSION" ]; then
  done_step "already installed"
else
  ensure_npm_folder "$PLAYWRIGHT_DIR"
  (cd "$PLAYWRIGHT_DIR" && npm install --no-audit --no-fund --save-exact "playwright-core@$PLAYWRIGHT_CORE_VERSION")
  done_step "installed"
fi

echo "setup-editors done in $(seconds_since "$started_at") s: $(nvim --version | head -1), $(chromium --version 2>/dev/null | tail -1)"
