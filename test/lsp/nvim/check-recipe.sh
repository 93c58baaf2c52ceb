#!/bin/sh
# Tests the Neovim 0.7 recipe of docs/editors.md as written, headless,
# against the built server (`npm run build` first). Needs Neovim on PATH
# (Debian 12: `apt-get install neovim`, which is 0.7). Not part of
# `npm test` or CI: it depends on an editor installed on the machine.
#   sh test/lsp/nvim/check-recipe.sh
set -eu
repo=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# `slac` on PATH, as the recipe expects.
mkdir -p "$work/bin" "$work/project"
printf '#!/bin/sh\nexec node "%s/bin/slac.js" "$@"\n' "$repo" > "$work/bin/slac"
chmod +x "$work/bin/slac"

# The recipe: the first lua block after the Neovim 0.7 heading line.
awk '/^Neovim 0.7 \(what Debian 12 ships/ { found = 1 } found && /^```lua/ { inside = 1; next } inside && /^```/ { exit } inside { print }' \
  "$repo/docs/editors.md" > "$work/init.lua"
test -s "$work/init.lua" || { echo "check-recipe: the Neovim 0.7 recipe was not found in docs/editors.md" >&2; exit 2; }

cp "$repo"/examples/multilevel/*.sla "$work/project/"
cd "$work/project"
PATH="$work/bin:$PATH" nvim --headless -u "$work/init.lua" -c "luafile $repo/test/lsp/nvim/checks.lua" 2>&1
