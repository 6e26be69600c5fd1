#!/usr/bin/env bash
# Publishes the Native AOT tpm (-p:TpmNative=true) and checks it writes the same bytes as the JIT build for every
# artefact of tpm build, the forecast JSON and tpm import, on examples/ml-platform. Not part of tests/run.sh: the
# native publish takes about a minute and needs a C toolchain (clang or gcc). Exit 0 when everything matches.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
plan=examples/ml-platform/program.tpm

dotnet publish src/ProgramDsl.Cli -c Release -r linux-x64 -p:TpmNative=true -o "$work/native" --artifacts-path "$work/art-native" -nologo -v quiet
dotnet build src/ProgramDsl.Cli -c Release -o "$work/jit" --artifacts-path "$work/art-jit" -nologo -v quiet
native="$work/native/tpm"
jit=(dotnet "$work/jit/tpm.dll")

"$native" build "$plan" -o "$work/out-native" -q >/dev/null
"${jit[@]}" build "$plan" -o "$work/out-jit" -q >/dev/null
"$native" forecast "$plan" --format json >"$work/out-native/forecast.json"
"${jit[@]}" forecast "$plan" --format json >"$work/out-jit/forecast.json"
"$native" import "$work/out-jit/fraud-v3/project.xml" -o "$work/out-native/imported.tpm" -q
"${jit[@]}" import "$work/out-jit/fraud-v3/project.xml" -o "$work/out-jit/imported.tpm" -q

status=0
for file in $(cd "$work/out-jit" && find . -type f | sort); do
  if cmp -s "$work/out-jit/$file" "$work/out-native/$file"; then echo "same       $file"; else echo "DIFFERENT  $file"; status=1; fi
done
exit $status
