#!/usr/bin/env bash
# Runs the whole test suite and prints one summary line: "N passed, N failed[, N skipped]".
# Restores everything it needs; exits non-zero when a test fails or the build breaks.
set -uo pipefail
cd "$(dirname "$0")/.."

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# The HTML Gantt tests run the page in headless Chromium: install it when missing (quiet when it is there).
bash tests/ensure-chromium.sh
# The editor test drives tpm lsp from headless Neovim: install it when missing (quiet when it is there).
bash tests/ensure-neovim.sh

# Tests that run under node, skipped where node is absent: the Mermaid tests read gantt.mmd with mermaid's own parser
# (npm packages in tests/ProgramDsl.Reports.Tests/mermaid), and the VS Code extension's tests (editors/vscode, run
# by tests/ProgramDsl.LanguageServer.Tests/VsCode), and the SARIF multitool that validates `tpm check --format sarif`
# (tests/ProgramDsl.Cli.Tests/sarif, Linux only). npm ci is skipped when the installed packages already match the lock file.
for npm_folder in tests/ProgramDsl.Reports.Tests/mermaid editors/vscode tests/ProgramDsl.Cli.Tests/sarif; do
  if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 \
    && ! cmp -s "$npm_folder/package-lock.json" "$npm_folder/node_modules/.tpm-installed-lock"; then
    if npm_log=$(cd "$npm_folder" && npm ci --no-audit --no-fund --loglevel=error 2>&1); then
      cp "$npm_folder/package-lock.json" "$npm_folder/node_modules/.tpm-installed-lock"
    else
      echo "$npm_log" >&2
      echo "npm ci failed in $npm_folder: its tests will fail" >&2
    fi
  fi
done

dotnet build ProgramDsl.sln -c Release -nologo -v quiet
build_status=$?
if [ $build_status -ne 0 ]; then
  echo "build failed"
  echo "0 passed, 1 failed"
  exit $build_status
fi

# tests/ProgramDsl.Build.Tests packs the solution: on linux-x64 that includes the Native AOT tool (a C toolchain, gcc or
# clang, is needed), which its tests install and compare with the framework-dependent build (tests/native-check.sh).
dotnet test ProgramDsl.sln -c Release --no-build -nologo -v quiet \
  --logger "trx" --results-directory "$results" "$@"
test_status=$?

passed=0; failed=0; skipped=0; total=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  t=$(get total); p=$(get passed); f=$(get failed); e=$(get error); x=$(get timeout); a=$(get aborted); n=$(get notExecuted)
  total=$((total + ${t:-0}))
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${x:-0} + ${a:-0}))
  skipped=$((skipped + ${n:-0}))
done

# Skipped tests are counted in the total but, depending on the logger, not always as notExecuted.
rest=$((total - passed - failed))
if [ "$rest" -gt "$skipped" ]; then skipped=$rest; fi
if [ "$total" -eq 0 ] && [ $test_status -ne 0 ]; then failed=$((failed + 1)); fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
if [ $test_status -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
exit 0
