#!/usr/bin/env bash
# compare.sh: topobench against a hand-written C loop and SimPy on the same M/M/4 model
# (reference/mm4.yaml, ρ = 0.8), side by side, with ratios measured in the same run; then the
# two-tier ALB and SQS scenarios (reference/alb.yaml, sqs.yaml) through `topobench run`; then
# `--jobs 2` against `--jobs 1` on 4 replications, with a byte-for-byte check of the CSVs.
#
#   cd Benchmarks && ./compare.sh          (or `make bench` from the repository root)
#
# Builds what it needs: the C loop with cc and GSL, SimPy with pip when it is missing, and
# topobench with the Makefile's release flags, so the build is shared with `make run`/`make test`.
#
# Environment:
#   ROUNDS=3               rounds; each round runs topobench, C and SimPy once, interleaved, so
#                          that they share the machine's noise; the best round of each is kept
#   MM4_DURATION=2000s     simulated time for topobench and C (6.4 million customers)
#   SIMPY_DURATION=200     simulated seconds for SimPy (about 60 k customers a second)
#   SCENARIO_DURATION=30m  simulated time of the ALB and SQS scenario runs (0 skips them)
#   JOBS_DURATION=500s     simulated time per replication for the --jobs check (0 skips it)
#   TOPOBENCH_SCRATCH_PATH build folder for topobench (default: swift build's .build)
#   TOPOBENCH=path         use this topobench binary and build nothing
#   SWIFT=swift  CC=cc  PYTHON=python3
#
# Customers per second are customers simulated / wall time of the whole `topobench run`
# process (parse, simulate, write CSVs), as a user sees it; the C loop and SimPy time their
# simulation loop only. `per CPU s` divides by the process's user + system time instead, which
# other load on the machine disturbs less.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$here"

ROUNDS=${ROUNDS:-3}
MM4_DURATION=${MM4_DURATION:-2000s}
SIMPY_DURATION=${SIMPY_DURATION:-200}
SCENARIO_DURATION=${SCENARIO_DURATION:-30m}
JOBS_DURATION=${JOBS_DURATION:-500s}
SWIFT=${SWIFT:-swift}
CC=${CC:-cc}
PYTHON=${PYTHON:-python3}

work=$(mktemp -d "${TMPDIR:-/tmp}/topobench-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/.build/reference"

say() { printf '%s\n' "$*" >&2; }

# ---------------------------------------------------------------- build
if [[ -z "${TOPOBENCH:-}" ]]; then
    say "building topobench (release)..."
    scratch=()
    [[ -n "${TOPOBENCH_SCRATCH_PATH:-}" ]] && scratch=(--scratch-path "$TOPOBENCH_SCRATCH_PATH")
    build=("$SWIFT" build -c release -Xswiftc -enable-testing --product topobench "${scratch[@]}")
    (cd "$root" && "${build[@]}" >&2)
    TOPOBENCH="$(cd "$root" && "${build[@]}" --show-bin-path)/topobench"
fi

say "building the C loop..."
if ! pkg-config --exists gsl; then
    say "GSL is missing: run 'make deps' from the repository root (installs libgsl-dev pkg-config)"
    exit 1
fi
# shellcheck disable=SC2046
"$CC" -O2 -o "$here/.build/reference/mm4" "$here/reference/mm4.c" $(pkg-config --cflags --libs gsl) -lm

if ! "$PYTHON" -c 'import simpy' 2>/dev/null; then
    say "installing SimPy..."
    "$PYTHON" -m pip install --quiet simpy 2>/dev/null \
        || "$PYTHON" -m pip install --quiet --user --break-system-packages simpy
fi

# ---------------------------------------------------------------- helpers
# times FILE CMD...: runs CMD (output to FILE.out) and writes "wall cpu" seconds to FILE.
times_of() {
    local file=$1; shift
    local TIMEFORMAT='%R %U %S'
    { time "$@" >"$file.out" 2>&1; } 2>"$file.t" || { cat "$file.out" >&2; exit 1; }
    awk '{ printf "%.4f %.4f\n", $1, $2 + $3 }' "$file.t" >"$file"
}
# value KEY FILE: the value of a "key value" line.
value() { awk -v k="$1" '$1 == k { print $2; exit }' "$2"; }
# column NAME CSV: the first data row's value in column NAME.
column() {
    awk -F, -v c="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) n = i; next } NR == 2 { print $n; exit }' "$2"
}
max() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
millions() { awk -v a="$1" 'BEGIN { printf "%.2f M", a / 1e6 }'; }
thousands() { awk -v a="$1" 'BEGIN { printf "%.1f k", a / 1e3 }'; }

# ---------------------------------------------------------------- M/M/4, three ways
mm4_seconds=$(awk -v d="$MM4_DURATION" 'BEGIN { u = d; gsub(/[0-9.]/, "", u); v = d + 0;
    f = (u == "" || u == "s") ? 1 : (u == "m") ? 60 : (u == "h") ? 3600 : -1; if (f < 0) exit 1; print v * f }') \
    || { say "MM4_DURATION: use s, m or h"; exit 64; }

say "M/M/4 at rho = 0.8: $ROUNDS rounds of topobench ($MM4_DURATION), C ($MM4_DURATION), SimPy (${SIMPY_DURATION}s)..."
tb_best="" tb_cpu_best="" tb_inside_best="" c_best="" c_cpu_best="" py_best="" py_cpu_best=""
for ((r = 1; r <= ROUNDS; r++)); do
    out="$work/tb$r"
    times_of "$work/tb$r.time" "$TOPOBENCH" run "$here/reference/mm4.yaml" --jobs 1 --replications 1 \
        --duration "$MM4_DURATION" --quiet --out "$out"
    read -r wall cpu <"$work/tb$r.time"
    tb_customers=$(column offered "$out/replications.csv")
    tb_response=$(column latency_mean_ms "$out/replications.csv")
    tb_events=$(column events "$out/replications.csv")
    inside=$(awk -F: '/"wall_time_s"/ { gsub(/[ ,]/, "", $2); print $2 }' "$out/run.json")
    tb_best=$(max "$tb_best" "$(awk -v n="$tb_customers" -v t="$wall" 'BEGIN { print n / t }')")
    tb_cpu_best=$(max "$tb_cpu_best" "$(awk -v n="$tb_customers" -v t="$cpu" 'BEGIN { print n / t }')")
    tb_inside_best=$(max "$tb_inside_best" "$(awk -v n="$tb_customers" -v t="$inside" 'BEGIN { print n / t }')")

    "$here/.build/reference/mm4" "$mm4_seconds" >"$work/c$r"
    c_best=$(max "$c_best" "$(value customers_per_s "$work/c$r")")
    c_cpu_best=$(max "$c_cpu_best" "$(value customers_per_cpu_s "$work/c$r")")
    c_customers=$(value customers "$work/c$r")
    c_response=$(value mean_response_ms "$work/c$r")

    "$PYTHON" "$here/reference/mm4_simpy.py" "$SIMPY_DURATION" >"$work/py$r"
    py_best=$(max "$py_best" "$(value customers_per_s "$work/py$r")")
    py_cpu_best=$(max "$py_cpu_best" "$(value customers_per_cpu_s "$work/py$r")")
    py_customers=$(value customers "$work/py$r")
    py_response=$(value mean_response_ms "$work/py$r")
    say "  round $r: topobench $(millions "$tb_customers")/${wall}s, C $(value customers_per_s "$work/c$r")/s, SimPy $(value customers_per_s "$work/py$r")/s"
done

# Erlang C: λ = 3200/s, μ = 1000/s, c = 4.
exact=$(awk 'BEGIN { l = 3200; m = 1000; c = 4; a = l / m; t = 1; s = 1;
    for (k = 1; k < c; k++) { t *= a / k; s += t }; t *= a / c; p = t / (1 - a / c);
    printf "%.4f", 1000 * ((p / (s + p)) / (c * m - l) + 1 / m) }')

echo
echo "M/M/4, rho = 0.8 (reference/mm4.yaml), one core, best of $ROUNDS interleaved rounds"
echo
printf '| %-34s | %14s | %14s | %10s | %10s | %12s |\n' "" "customers/s" "per CPU s" "vs C" "vs SimPy" "customers"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------------------" "----------------" "----------------" "------------" "------------" "--------------"
printf '| %-34s | %14s | %14s | %10s | %10s | %12s |\n' "topobench run (whole process)" "$(millions "$tb_best")" "$(millions "$tb_cpu_best")" \
    "$(ratio "$tb_best" "$c_best")" "$(ratio "$tb_best" "$py_best")" "$tb_customers"
printf '| %-34s | %14s | %14s | %10s | %10s | %12s |\n' "topobench (run.json wall_time_s)" "$(millions "$tb_inside_best")" "" \
    "$(ratio "$tb_inside_best" "$c_best")" "$(ratio "$tb_inside_best" "$py_best")" ""
printf '| %-34s | %14s | %14s | %10s | %10s | %12s |\n' "C loop (reference/mm4.c)" "$(millions "$c_best")" "$(millions "$c_cpu_best")" \
    "1.00" "$(ratio "$c_best" "$py_best")" "$c_customers"
printf '| %-34s | %14s | %14s | %10s | %10s | %12s |\n' "SimPy (reference/mm4_simpy.py)" "$(thousands "$py_best")" "$(thousands "$py_cpu_best")" \
    "$(ratio "$py_best" "$c_best")" "1.00" "$py_customers"
echo
echo "ratio per CPU second, topobench / C: $(ratio "$tb_cpu_best" "$c_cpu_best")"
echo "topobench events: $tb_events ($(awk -v e="$tb_events" -v n="$tb_customers" 'BEGIN { printf "%.2f", e / n }') per customer)"
echo
echo "Mean response time (ms), sanity check against Erlang C = $exact ms:"
for row in "topobench:$tb_response" "C loop:$c_response" "SimPy:$py_response"; do
    name=${row%%:*} v=${row#*:}
    printf '  %-10s %9.4f  (%+.2f %%)\n' "$name" "$v" "$(awk -v v="$v" -v e="$exact" 'BEGIN { print 100 * (v - e) / e }')"
done
echo
met() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 >= b + 0) ? "met" : "MISSED" }'; }
echo "Targets: >= 3 M customers/s: $(met "$tb_best" 3e6) (wall), $(met "$tb_cpu_best" 3e6) (CPU);" \
    ">= half the C loop: $(met "$(ratio "$tb_best" "$c_best")" 0.5) (wall), $(met "$(ratio "$tb_cpu_best" "$c_cpu_best")" 0.5) (CPU)"

# ---------------------------------------------------------------- the ALB and SQS scenarios
if [[ "$SCENARIO_DURATION" != "0" ]]; then
    echo
    say "two-tier ALB and SQS (reference/alb.yaml, sqs.yaml), $ROUNDS rounds of $SCENARIO_DURATION..."
    alb_best="" sqs_best=""
    for ((r = 1; r <= ROUNDS; r++)); do
        for sc in alb sqs; do
            out="$work/$sc$r"
            times_of "$work/$sc$r.time" "$TOPOBENCH" run "$here/reference/$sc.yaml" --jobs 1 --replications 1 \
                --duration "$SCENARIO_DURATION" --quiet --out "$out"
            read -r wall _ <"$work/$sc$r.time"
            if [[ $sc == alb ]]; then
                n=$(column offered "$out/replications.csv")
                alb_best=$(max "$alb_best" "$(awk -v n="$n" -v t="$wall" 'BEGIN { print n / t }')")
                alb_events=$(column events "$out/replications.csv") alb_n=$n
            else
                n=$(column messages_processed "$out/replications.csv")
                sqs_best=$(max "$sqs_best" "$(awk -v n="$n" -v t="$wall" 'BEGIN { print n / t }')")
                sqs_events=$(column events "$out/replications.csv") sqs_n=$n
            fi
        done
        say "  round $r: ALB $(awk -F' ' '{print $1}' "$work/alb$r.time")s, SQS $(awk -F' ' '{print $1}' "$work/sqs$r.time")s"
    done
    echo "two-tier ALB, whole topobench run process: $(millions "$alb_best") client requests/s" \
        "($alb_n requests, $(awk -v e="$alb_events" -v n="$alb_n" 'BEGIN { printf "%.2f", e / n }') events each;" \
        "target >= 1 M: $(met "$alb_best" 1e6))"
    echo "SQS, whole topobench run process: $(millions "$sqs_best") messages/s" \
        "($sqs_n messages, $(awk -v e="$sqs_events" -v n="$sqs_n" 'BEGIN { printf "%.2f", e / n }') events each;" \
        "target >= 1 M: $(met "$sqs_best" 1e6))"
fi

# ---------------------------------------------------------------- --jobs 2 against --jobs 1
if [[ "$JOBS_DURATION" != "0" ]]; then
    echo
    say "--jobs 1 and --jobs 2, 4 replications of $JOBS_DURATION, $ROUNDS rounds..."
    # run_jobs J ROUND: one run; its "wall cpu" seconds go to $work/jobsJ-ROUND.time.
    run_jobs() {
        times_of "$work/jobs$1-$2.time" "$TOPOBENCH" run "$here/reference/mm4.yaml" --jobs "$1" --replications 4 \
            --duration "$JOBS_DURATION" --quiet --out "$work/jobs$1-$2"
    }
    j1="" j2="" j2cpu="" identical=yes
    for ((r = 1; r <= ROUNDS; r++)); do
        run_jobs 1 "$r"
        run_jobs 2 "$r"
        read -r w1 _ <"$work/jobs1-$r.time"
        read -r w2 c2 <"$work/jobs2-$r.time"
        say "  round $r: --jobs 1 ${w1}s, --jobs 2 ${w2}s (${c2}s CPU)"
        if [[ -z "$j1" ]] || awk -v a="$w1" -v b="$j1" 'BEGIN { exit !(a < b) }'; then j1=$w1; fi
        if [[ -z "$j2" ]] || awk -v a="$w2" -v b="$j2" 'BEGIN { exit !(a < b) }'; then j2=$w2 j2cpu=$c2; fi
        for f in summary.csv replications.csv timeseries.csv faults.csv latency.csv; do
            [[ -f "$work/jobs1-$r/$f" ]] || continue
            cmp -s "$work/jobs1-$r/$f" "$work/jobs2-$r/$f" || identical="NO ($f differs in round $r)"
        done
    done
    echo "--jobs 1: ${j1}s, --jobs 2: ${j2}s wall (best of $ROUNDS; --jobs 2 kept $(ratio "$j2cpu" "$j2") cores busy)," \
        "4 replications of $JOBS_DURATION: speed-up $(ratio "$j1" "$j2")x (target >= 1.8x: $(met "$(ratio "$j1" "$j2")" 1.8));" \
        "CSVs byte-identical: $identical"
fi
