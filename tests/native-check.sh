#!/usr/bin/env bash
# Publishes the Native AOT tpm (-p:TpmNative=true) and checks it writes the same bytes as the JIT build for every
# artefact of tpm build, the forecast JSON and tpm import, on examples/ml-platform, and prints the same for hostile
# files (a FIFO include and .globalconfig, a .globalconfig linking out of the workspace), without blocking. Exit 0 when
# everything matches.
#
# Standalone it publishes both builds (the native publish takes about a minute and needs a C toolchain, clang or gcc).
# With TPM_NATIVE (a native tpm) and TPM_JIT_DLL (a framework-dependent tpm.dll) it checks those instead: the test suite
# runs it so (tests/ProgramDsl.Build.Tests) on the installed native tool and the ProgramDsl.Build package's tpm.dll,
# both from the solution's one pack.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
plan=examples/ml-platform/program.tpm

if [ -n "${TPM_NATIVE:-}" ] && [ -n "${TPM_JIT_DLL:-}" ]; then
  native="$TPM_NATIVE"
  jit=(dotnet "$TPM_JIT_DLL")
else
  dotnet publish src/ProgramDsl.Cli -c Release -r linux-x64 -p:TpmNative=true -o "$work/native" --artifacts-path "$work/art-native" -nologo -v quiet
  dotnet build src/ProgramDsl.Cli -c Release -o "$work/jit" --artifacts-path "$work/art-jit" -nologo -v quiet
  native="$work/native/tpm"
  jit=(dotnet "$work/jit/tpm.dll")
fi

"$native" build "$plan" -o "$work/out-native" -q >/dev/null
"${jit[@]}" build "$plan" -o "$work/out-jit" -q >/dev/null
"$native" forecast "$plan" --format json >"$work/out-native/forecast.json"
"${jit[@]}" forecast "$plan" --format json >"$work/out-jit/forecast.json"
"$native" import "$work/out-jit/fraud-v3/project.xml" -o "$work/out-native/imported.tpm" -q
"${jit[@]}" import "$work/out-jit/fraud-v3/project.xml" -o "$work/out-jit/imported.tpm" -q

# The native calls (stat, open with O_NONBLOCK, fstat through libSystem.Native and libc) on hostile files: a FIFO
# include, a FIFO .globalconfig and one linking out of the workspace. Each run must end (timeout) and print what the JIT
# build prints, for check and for import.
hostile="$work/hostile"
mkdir -p "$hostile/ws/.git" "$hostile/ws/imported" "$hostile/secret"
printf 'program p "P" {\n  start 2027-03-01\n  include "pipe.tpm"\n  task t "T" { duration 1d }\n}\n' >"$hostile/ws/plan.tpm"
printf 'root:x:0:0\n' >"$hostile/secret/passwd"
mkfifo "$hostile/ws/pipe.tpm" "$hostile/ws/.globalconfig"
ln -s "$hostile/secret/passwd" "$hostile/ws/imported/.globalconfig"
(cd "$hostile/ws" && timeout 20 "$native" check plan.tpm >"$work/out-native/hostile-check.txt" 2>&1 || true)
(cd "$hostile/ws" && timeout 20 "${jit[@]}" check plan.tpm >"$work/out-jit/hostile-check.txt" 2>&1 || true)
(cd "$hostile/ws" && timeout 20 "$native" import "$work/out-jit/fraud-v3/project.xml" -o imported/out.tpm -q >"$work/out-native/hostile-import.txt" 2>&1 || true)
(cd "$hostile/ws" && timeout 20 "${jit[@]}" import "$work/out-jit/fraud-v3/project.xml" -o imported/out.tpm -q --force >"$work/out-jit/hostile-import.txt" 2>&1 || true)
grep -q "FIFO" "$work/out-jit/hostile-check.txt" && grep -q "out of the workspace" "$work/out-jit/hostile-import.txt" || { echo "hostile files: unexpected JIT output"; cat "$work/out-jit/hostile-"*; exit 1; }

# The language server is in the JIT build only. The native tool package carries the JIT tpm in lsp/ beside the native
# one, whose lsp runs it: the server runs (stdin at its end at once: a client gone without shutdown, exit 1), as the JIT
# build's does. A bare native publish has no lsp/: its lsp prints one line saying where the server is and exits 2.
lsp_code=0
timeout 60 "$native" lsp </dev/null >"$work/lsp-native.out" 2>"$work/lsp-native.err" || lsp_code=$?
if [ -f "$(dirname "$(readlink -f "$native")")/lsp/tpm.dll" ]; then
  [ "$lsp_code" -eq 1 ] || { echo "native tpm lsp (with lsp/tpm.dll): exit $lsp_code, expected 1 (the JIT server ran and its client went away)"; cat "$work/lsp-native."*; exit 1; }
  lsp_native="runs the JIT server beside it (exit 1)"
else
  { [ "$lsp_code" -eq 2 ] && [ ! -s "$work/lsp-native.out" ] && [ "$(wc -l <"$work/lsp-native.err")" -eq 1 ] && grep -q "ProgramDsl.Tool.any" "$work/lsp-native.err"; } \
    || { echo "native tpm lsp: exit $lsp_code, expected 2 and one line naming ProgramDsl.Tool.any"; cat "$work/lsp-native."*; exit 1; }
  lsp_native="$(cat "$work/lsp-native.err") (exit 2)"
fi
lsp_code=0
timeout 60 "${jit[@]}" lsp </dev/null >/dev/null 2>"$work/lsp-jit.err" || lsp_code=$?
[ "$lsp_code" -eq 1 ] || { echo "JIT tpm lsp: exit $lsp_code, expected 1 (the server ran and its client went away)"; cat "$work/lsp-jit.err"; exit 1; }
echo "native     tpm lsp: $lsp_native; JIT tpm lsp runs the server"

status=0
for file in $(cd "$work/out-jit" && find . -type f | sort); do
  if cmp -s "$work/out-jit/$file" "$work/out-native/$file"; then echo "same       $file"; else echo "DIFFERENT  $file"; status=1; fi
done
exit $status
