#!/usr/bin/env bash
# Runs the whole test suite on a bare Debian 12 machine that has the .NET SDK:
# installs Chromium, chromedriver, PostgreSQL and CJK fonts when missing, starts a private
# PostgreSQL server for the run, then `dotnet test`. Extra arguments go to `dotnet test`.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$repo"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
       DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE=1 DOTNET_GENERATE_ASPNET_CERTIFICATE=false \
       NUGET_XMLDOC_MODE=skip
# Hundreds of test apps start in one run: none of them needs to watch its settings file, and every
# watcher costs one of the user's few inotify instances (shared with everything else on the machine).
export DOTNET_hostBuilder__reloadConfigOnChange=false DOTNET_USE_POLLING_FILE_WATCHER=1
# The browser and its driver come from apt; Selenium must never try to fetch its own.
export SE_OFFLINE=true SE_AVOID_STATS=true

apt_packages=(chromium chromium-driver postgresql fonts-wqy-zenhei fonts-arphic-uming fonts-noto-cjk poppler-utils libreoffice-writer-nogui libreoffice-calc-nogui nodejs)
# Debian's npm is its own package; a nodejs that bundles npm (NodeSource) conflicts with it, so only when missing.
command -v npm >/dev/null || apt_packages+=(npm)

say() { printf '==> %s\n' "$*"; }
die() { printf 'test.sh: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [[ $(id -u) -eq 0 ]]; then "$@"
    elif command -v sudo >/dev/null; then sudo "$@"
    else die "需要 root 或 sudo 才能安装：${missing[*]}"
    fi
}

missing=()
for p in "${apt_packages[@]}"; do
    [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null) == installed ]] || missing+=("$p")
done
if ((${#missing[@]})); then
    say "安装 ${missing[*]}"
    # Another apt run on the same machine holds the dpkg lock for a while: wait for it instead of failing.
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
        --no-install-recommends "${apt_packages[@]}" >/dev/null
fi
for f in /usr/bin/chromium /usr/bin/chromedriver; do [[ -x $f ]] || die "缺少 $f"; done

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[[ -n $pg_bin && -x $pg_bin/initdb ]] || die "找不到 PostgreSQL（/usr/lib/postgresql/*/bin）"

# initdb refuses to run as root, so as root the server belongs to the postgres system user.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-pg.XXXXXX")
pg_started=
test_pid=
cleanup() {
    if [[ -n $test_pid ]] && kill -0 "$test_pid" 2>/dev/null; then
        kill -TERM "$test_pid" 2>/dev/null || true
        wait "$test_pid" 2>/dev/null || true
    fi
    if [[ -n $pg_started ]]; then
        as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$pg_dir"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$pg_dir"
as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; die "initdb 失败"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Test data is thrown away, so durability is traded for speed.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    if as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 30 \
        -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null; then
        pg_started=1
        break
    fi
done
[[ -n $pg_started ]] || { cat "$pg_dir/server.log" >&2; die "PostgreSQL 无法启动"; }
export JIXIAO_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
say "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') 在 127.0.0.1:$port（准备用时 ${SECONDS} 秒）"

results="$repo/artifacts/test-results"
mkdir -p "$results"
rm -f "$results"/*.trx

# In the background so that a signal reaches the traps (and so the cleanup) at once.
dotnet test Jixiao.slnx --logger trx --results-directory "$results" "$@" &
test_pid=$!
rc=0
wait "$test_pid" || rc=$?
test_pid=

# CI reads a plain "N passed, N failed" line; VSTest's own summary is not in that form.
shopt -s nullglob
trx=("$results"/*.trx)
if ((${#trx[@]})); then
    counter() { grep -ho "<Counters [^>]*" "${trx[@]}" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{s+=$1} END {print s+0}'; }
    passed=$(counter passed)
    failed=$(($(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
    # VSTest records xunit skips as outcome NotExecuted but leaves the notExecuted counter at 0.
    skipped=$(($(counter total) - $(counter executed)))
    line="$passed passed, $failed failed"
    ((skipped)) && line+=", $skipped skipped"
    echo "$line"
    # A failed test fails the run whatever dotnet test's own exit code says.
    if ((failed > 0 && rc == 0)); then rc=1; fi
else
    echo "test.sh: 没有测试结果（构建失败？）" >&2
fi
exit "$rc"
