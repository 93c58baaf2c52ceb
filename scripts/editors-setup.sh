#!/usr/bin/env bash
# Installs what the opt-in editor suite (`npm run test:editors`) drives, for
# the editors named (vscode, nvim, emacs; all three when none is named):
#  - Debian packages, with apt-get when we are root: for vscode libkrb5-dev
#    (code-server's native kerberos module builds against it) and ripgrep
#    (stands in for the binary that @vscode/ripgrep would download); for
#    nvim neovim; for emacs emacs-nox and elpa-eglot (Emacs 28 has no eglot
#    of its own);
#  - for vscode, code-server 4.100.3 from npm (the last release that runs on
#    Node 20) into a cache folder outside the repository.
# Safe to run again: it installs only what is missing. When vscode is among
# the editors, prints, as its last line, the path of the code-server entry
# script.
#   scripts/editors-setup.sh [vscode] [nvim] [emacs]
#   SLAC_EDITORS_CACHE   the cache folder (default ~/.cache/slac-editors)
set -euo pipefail

code_server_version=4.100.3
cache=${SLAC_EDITORS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/slac-editors}
prefix="$cache/code-server-$code_server_version"
entry="$prefix/node_modules/code-server/out/node/entry.js"

say() { echo "editors-setup: $*" >&2; }

# What each editor needs from Debian; code-server only for vscode.
packages=()
vscode=no
[ $# -gt 0 ] || set -- vscode nvim emacs
for editor in "$@"; do
  case "$editor" in
    vscode) packages+=(libkrb5-dev ripgrep); vscode=yes ;;
    nvim) packages+=(neovim) ;;
    emacs) packages+=(emacs-nox elpa-eglot) ;;
    *) say "unknown editor \"$editor\" (known: vscode, nvim, emacs)"; exit 2 ;;
  esac
done

need_apt=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || need_apt+=("$package")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing ${need_apt[*]} with apt-get"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    cat >&2 <<MSG
editors-setup: missing Debian packages: ${need_apt[*]}
  The editor suite needs them and installs them only when run as root.
  Install them yourself, then run it again:
      sudo apt-get install ${need_apt[*]}
MSG
    exit 1
  fi
fi

[ "$vscode" = yes ] || exit 0

if [ -f "$prefix/.complete" ] && [ -f "$entry" ]; then
  say "code-server $code_server_version is in $prefix"
  echo "$entry"
  exit 0
fi

say "installing code-server $code_server_version into $prefix (a few minutes)"
rm -rf "$prefix"
mkdir -p "$prefix"
echo '{ "private": true }' > "$prefix/package.json"
# First without install scripts, to learn which @vscode/ripgrep it pins.
npm install --prefix "$prefix" --no-save --no-audit --no-fund --ignore-scripts \
  "code-server@$code_server_version" >&2
vscode="$prefix/node_modules/code-server/lib/vscode"
ripgrep_package=$(node -e '
  const lock = require(process.argv[1]);
  process.stdout.write(lock.packages["node_modules/@vscode/ripgrep"].version);
' "$vscode/npm-shrinkwrap.json")

# @vscode/ripgrep's postinstall downloads a ripgrep release from GitHub into
# os.tmpdir()/vscode-ripgrep-cache-<package version>/, unless that file is
# already there ("Using cached download"). Put Debian's rg there, packed as
# the release would be, and point TMPDIR at it.
npm pack --silent --pack-destination "$cache" "@vscode/ripgrep@$ripgrep_package" >/dev/null 2>&1
tar -xzf "$cache/vscode-ripgrep-$ripgrep_package.tgz" -C "$cache" package/lib/postinstall.js
ripgrep_release=$(sed -n "s/^const VERSION = '\(.*\)';.*/\1/p" "$cache/package/lib/postinstall.js")
rm -rf "$cache/package" "$cache/vscode-ripgrep-$ripgrep_package.tgz"
case "$(uname -m)" in
  x86_64) target=x86_64-unknown-linux-musl ;;
  aarch64) target=aarch64-unknown-linux-musl ;;
  *) say "no ripgrep stand-in for $(uname -m)"; exit 1 ;;
esac
tmp="$cache/tmp"
seed="$tmp/vscode-ripgrep-cache-$ripgrep_package"
mkdir -p "$seed" "$tmp/rg"
cp /usr/bin/rg "$tmp/rg/rg"
tar -czf "$seed/ripgrep-$ripgrep_release-$target.tar.gz" -C "$tmp/rg" rg
say "seeded @vscode/ripgrep $ripgrep_package ($ripgrep_release) with /usr/bin/rg"

# Now the install scripts: argon2 builds its native module, and
# code-server's postinstall installs VS Code's own dependencies (more native
# modules) and refuses to run as root without unsafe-perm. node-pty's
# postinstall runs `npx node-gyp`, which npx cancels without a terminal
# unless told yes.
(cd "$prefix" && TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true \
  npm rebuild --foreground-scripts >&2)
if ! cmp -s /usr/bin/rg "$vscode/node_modules/@vscode/ripgrep/bin/rg"; then
  say "the ripgrep in code-server is not Debian's; check $seed"
  exit 1
fi
touch "$prefix/.complete"
say "code-server $code_server_version installed"
echo "$entry"
