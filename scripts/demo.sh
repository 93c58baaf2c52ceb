#!/usr/bin/env bash
# The main job on a bundled example: validate every example (grows into
# compile to PDF, then check a ticket log, as those commands land).
set -uo pipefail
cd "$(dirname "$0")/.."
node bin/slac.js validate examples/*.sla examples/multilevel/*.sla
