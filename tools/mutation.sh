#!/usr/bin/env bash
# Mutation testing of the domain rules (plain C#, no I/O) against their own tests, with the pinned
# dotnet-stryker (installed into .tools on first use). Report: artifacts/mutation/reports/mutation-report.html.
# Extra arguments go to dotnet-stryker, e.g. --mutate "src/Jixiao/Domain/Review/Rules/MoneyRules.cs".
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
[[ -x .tools/dotnet-stryker ]] || dotnet tool install dotnet-stryker --version 5.1.0 --tool-path .tools >/dev/null
cd tests/Jixiao.Tests
exec ../../.tools/dotnet-stryker --config-file ../../tools/stryker-config.json --output ../../artifacts/mutation "$@"
