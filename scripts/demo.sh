#!/usr/bin/env bash
# The main job on a bundled example: validate every agreement, compile one
# to PDF for signature, then check three months of its ticket and outage
# logs against the same declarations; then the reports made from the same
# check: a service review pack (PDF) and a client portal (static site).
set -uo pipefail
cd "$(dirname "$0")/.."
slac() { node bin/slac.js "$@"; }

echo "== slac validate examples"
slac validate examples/*.sla examples/multilevel/*.sla || exit $?

echo
echo "== slac compile examples/poologics.sla (PDF for signature)"
mkdir -p out
slac compile examples/poologics.sla --param ClientName="Acme Ltd" -o out/poologics.pdf || exit $?

echo
echo "== slac check examples/poologics.sla examples/logs/poologics.tickets.csv"
slac check examples/poologics.sla examples/logs/poologics.tickets.csv \
  --outages examples/logs/poologics.outages.csv
status=$?
echo
case $status in
  0) echo "slac check: exit status 0, every objective met and no credit due." ;;
  1) echo "slac check: exit status 1, an objective was missed or a credit is due (this is what fails a CI job)." ;;
  *) exit $status ;;
esac

echo
echo "== slac report examples/letsflo.sla ... --format pdf (the service review pack for 2026-Q1)"
slac report examples/letsflo.sla examples/logs/letsflo.tickets.csv \
  --outages examples/logs/letsflo.outages.csv --period 2026-Q1 \
  --notes examples/logs/letsflo.review-notes.md --format pdf -o out/letsflo-review-2026-Q1.pdf || exit $?

echo
echo "== slac report examples/multilevel/departments.sla ... (the departments portal, a static site)"
slac report examples/multilevel/departments.sla examples/logs/departments.tickets.csv \
  --outages examples/logs/departments.outages.csv -o out/departments-portal || exit $?
