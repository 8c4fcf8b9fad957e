#!/usr/bin/env bash
# Prints the node's area graph (areas, who uses whom, from which files) and the dependency-rule
# violations and cycles, as the architecture tests read them from src/Comity.Node
# (tests/Comity.Architecture.Tests/NodeAreas/SourceAreaChecker.cs). See docs/architecture.md.
#
#   scripts/area-graph.sh              # builds the test project first
#   scripts/area-graph.sh --no-build   # extra arguments go to `dotnet test`
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

report=$(mktemp)
log=$(mktemp)
trap 'rm -f "$report" "$log"' EXIT

# The graph is written by ArchitectureDocTests; that test may fail (a stale docs/architecture.md)
# and the graph is still there.
COMITY_AREA_GRAPH_OUT="$report" dotnet test tests/Comity.Architecture.Tests -c Release \
  --filter "FullyQualifiedName~ArchitectureDocTests" "$@" >"$log" 2>&1 || true

if [[ ! -s "$report" ]]; then
  cat "$log" >&2
  echo "area-graph.sh: the test run wrote no graph (see the output above)" >&2
  exit 1
fi
cat "$report"
