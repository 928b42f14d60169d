#!/usr/bin/env bash
# Generates an EF Core migration for both providers with the pinned dotnet-ef (installed into .tools on
# first use): ./tools/ef.sh add Name. Other dotnet-ef commands pass through once per provider:
# ./tools/ef.sh remove, ./tools/ef.sh list.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
[[ -x .tools/dotnet-ef ]] || dotnet tool install dotnet-ef --version 10.0.15 --tool-path .tools >/dev/null
verb=${1:?usage: tools/ef.sh add NAME | remove | list}; shift
for provider in Sqlite Postgres; do
    case $verb in
        add) extra=(--output-dir "Data/Migrations/$provider") ;;
        *) extra=() ;;
    esac
    .tools/dotnet-ef migrations "$verb" "$@" "${extra[@]}" --project src/Jixiao --context "${provider}JixiaoDb"
done
