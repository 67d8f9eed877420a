#!/usr/bin/env bash
# Lints and compiles infra/ with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64, the version pinned in
# tests/Frontdesk.Infra.Tests/Frontdesk.Infra.Tests.csproj) and fails on any warning or error line: the CLI itself
# exits non-zero only on errors, and an unknown property (BCP037) is just a warning.
# Usage: scripts/check-infra.sh            (offline once the package is restored; writes nothing to the repository)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$root/tests/Frontdesk.Infra.Tests/Frontdesk.Infra.Tests.csproj"
version="$(sed -n 's:.*<BicepCliVersion>\(.*\)</BicepCliVersion>.*:\1:p' "$project")"
[[ -n "$version" ]] || { echo "check-infra: no <BicepCliVersion> in $project" >&2; exit 2; }

packages="$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  # The test project's PackageDownload fetches the CLI; restoring it is the one way the CLI gets here.
  dotnet restore "$project" >&2
fi

# The package ships rwxr--r--: only its owner can run (or chmod) it, so anyone else runs a private copy.
if ! "$bicep" --version >/dev/null 2>&1; then
  chmod u+x "$bicep" 2>/dev/null || true
  if ! "$bicep" --version >/dev/null 2>&1; then
    copy="${TMPDIR:-/tmp}/frontdesk-bicep-$version-$(id -un)/bicep"
    mkdir -p "$(dirname "$copy")"
    cp "$bicep" "$copy" && chmod 700 "$copy"
    bicep="$copy"
  fi
fi
"$bicep" --version

export BICEP_TELEMETRY_ENABLED=false
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
status=0

cd "$root"
"$bicep" lint infra/main.bicep >"$out/lint.log" 2>&1 || status=1
"$bicep" build infra/main.bicep --outfile "$out/main.json" >"$out/build.log" 2>&1 || status=1
cat "$out/lint.log" "$out/build.log"

if grep -hE ': (Warning|Error) ' "$out/lint.log" "$out/build.log" >/dev/null; then
  echo "check-infra: FAILED — the lines above with ': Warning ' or ': Error ' must be fixed." >&2
  exit 1
fi
if [[ $status -ne 0 ]]; then
  echo "check-infra: FAILED — bicep exited with an error." >&2
  exit 1
fi
echo "check-infra: infra/main.bicep lints and builds without warnings ($(wc -c <"$out/main.json") bytes of ARM JSON)."
