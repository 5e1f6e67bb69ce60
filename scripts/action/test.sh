#!/usr/bin/env bash
# Tests scripts/action/run.sh, the logic of the GitHub Action (action.yml), without GitHub:
# GITHUB_STEP_SUMMARY and GITHUB_OUTPUT are files in a temporary folder, and the suite is the
# tiny one in fixtures/ (one scenario, two topologies, a few simulated minutes: well under a
# second per run), so every case below runs the real binary end to end in seconds.
#
#   scripts/action/test.sh [BINARY]     (default .build/release/topobench)
#
# Prints one line per check and 'N passed, N failed'; exits 1 if any check failed.
set -euo pipefail
# BINARY is read from the current directory; its default from the repository's root.
if (($#)); then binary=$1; else binary="$(dirname "$0")/../../.build/release/topobench"; fi
[[ -f "$binary" && -x "$binary" ]] || { echo "action test: no executable topobench at '$binary'" >&2; exit 2; }
binary="$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")"
cd "$(dirname "$0")/../.."
readonly run=scripts/action/run.sh fixtures=scripts/action/fixtures suite=scripts/action/fixtures/tiny.yaml

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

passed=0 failed=0
ok() { echo "ok   $*"; passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failed=$((failed + 1)); }
check() { # description, command...
  local what=$1; shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
has() { grep -q -E -- "$2" "$1" 2> /dev/null; }        # file, extended regex
lacks() { ! grep -q -E -- "$2" "$1" 2> /dev/null; }
output_is() { [[ "$(sed -n "s/^$2=//p" "$1" | tail -n 1)" == "$3" ]]; }  # GITHUB_OUTPUT, key, value

# Runs the action's script in case folder $tmp/NAME with the common inputs and any VAR=VALUE
# given; sets $rc and $case (stdout and stderr in $case/log, the GitHub files beside it).
action() {
  local name=$1; shift
  case="$tmp/$name"
  mkdir -p "$case"
  : > "$case/summary.md"
  : > "$case/output"
  rc=0
  env -u GITHUB_ACTIONS -u RUNNER_TEMP -u TOPOBENCH_SUITES \
    INPUT_SWIFT_BUILD=false INPUT_BINARY="$binary" INPUT_INSTALL_DEPS=false \
    INPUT_SUITE="$suite" INPUT_QUICK=true INPUT_OUT="$case/out" \
    GITHUB_STEP_SUMMARY="$case/summary.md" GITHUB_OUTPUT="$case/output" \
    "$@" bash "$run" > "$case/log" 2>&1 || rc=$?
}
show_log() { sed 's/^/     | /' "$case/log" | tail -n 15; }

# Multiplies one column of a CSV file in place (the header names it), the way a doctored
# baseline would look better than what was really measured.
scale_column() { # file, column, factor
  local t
  t=$(mktemp)
  awk -F, -v OFS=, -v name="$2" -v f="$3" '
    NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i; if (!c) exit 3; print; next }
    { if ($c != "") $c = $c * f; print }' "$1" > "$t"
  mv "$t" "$1"
}

start=$SECONDS

# The baseline: the same binary, the same suite, the same seed (so compare pairs replications).
"$binary" suite "$suite" --quick --out "$tmp/baseline" --no-plots --quiet --progress none
baseline="$tmp/baseline/quick"

# (a) The same binary and seed against that baseline: a pass, a markdown table in the step
# summary, status=pass and the report's path in the outputs; two thresholds pass through.
action pass INPUT_BASELINE="$baseline" INPUT_THRESHOLDS=$'latency_p99_ms=10%\n\n  sessions_lost=0  \n'
check "pass: exit 0 (got $rc)" test "$rc" -eq 0
check "pass: status=pass in GITHUB_OUTPUT" output_is "$case/output" status pass
check "pass: report= in GITHUB_OUTPUT names the report" output_is "$case/output" report "$case/out/compare.md"
check "pass: results= in GITHUB_OUTPUT" output_is "$case/output" results "$case/out/quick"
check "pass: the step summary is the comparison" has "$case/summary.md" '^## topobench compare'
check "pass: the step summary says no regression" has "$case/summary.md" 'No significant regression'
check "pass: the step summary has a markdown table" has "$case/summary.md" '^\| (✅|⚠️|➖) \| crash \| (tight|alb) \|'
check "pass: the comparison is paired" has "$case/summary.md" 'paired differences'
check "pass: the report file is the summary" cmp -s "$case/out/compare.md" <(sed '$d' "$case/summary.md")
((rc == 0)) || show_log

# The same, by name in a suites folder, with quick=false against a full-length baseline.
"$binary" suite "$suite" --out "$tmp/baseline-full" --no-plots --quiet --progress none
action full INPUT_BASELINE="$tmp/baseline-full/tiny" INPUT_SUITE=tiny INPUT_SUITES="$fixtures" INPUT_QUICK=false
check "suite by name, quick=false: exit 0 (got $rc)" test "$rc" -eq 0
check "suite by name, quick=false: compared OUT/tiny" output_is "$case/output" results "$case/out/tiny"
((rc == 0)) || show_log
# The result folder is named by the suite's name:, not by its file (other.yaml holds name: tiny).
mkdir -p "$tmp/renamed" && cp -R "$fixtures/tiny" "$tmp/renamed/" && cp "$suite" "$tmp/renamed/other.yaml"
action renamed INPUT_BASELINE="$tmp/baseline-full/tiny" INPUT_SUITE=other INPUT_SUITES="$tmp/renamed" INPUT_QUICK=false
check "suite file other.yaml named tiny: exit 0 (got $rc)" test "$rc" -eq 0
check "suite file other.yaml named tiny: compared OUT/tiny" output_is "$case/output" results "$case/out/tiny"
((rc == 0)) || show_log

# No GITHUB_STEP_SUMMARY (a local run): no summary, and the log says where the report is.
action local INPUT_BASELINE="$baseline" GITHUB_STEP_SUMMARY= GITHUB_OUTPUT=
check "local: exit 0 (got $rc)" test "$rc" -eq 0
check "local: the log names the report" has "$case/log" "report: $case/out/compare.md"
check "local: nothing written to the summary file" test ! -s "$case/summary.md"
check "local: nothing written to the output file" test ! -s "$case/output"

# (b) A doctored baseline, 30 % lower p99 latency than measured. With matching seeds compare
# pairs replications and reads the per-replication figures from replications.csv (the
# summary.csv means are only shown), so both files are doctored alike.
cp -R "$baseline" "$tmp/doctored"
scale_column "$tmp/doctored/crash/replications.csv" latency_p99_ms 0.7
scale_column "$tmp/doctored/crash/summary.csv" latency_p99_ms 0.7
direct=0
"$binary" compare "$tmp/doctored" "$baseline" --format table > "$tmp/direct.txt" 2>&1 || direct=$?
check "doctored: topobench compare itself exits 1 (got $direct)" test "$direct" -eq 1
check "doctored: topobench compare itself flags latency_p99_ms" has "$tmp/direct.txt" '^FAIL .*latency_p99_ms'

action regression INPUT_BASELINE="$tmp/doctored"
check "regression: exit 1 (got $rc)" test "$rc" -eq 1
check "regression: status=regression in GITHUB_OUTPUT" output_is "$case/output" status regression
check "regression: report= in GITHUB_OUTPUT" output_is "$case/output" report "$case/out/compare.md"
check "regression: the step summary flags latency_p99_ms" has "$case/summary.md" "^\\| ❌ \\| crash \\| (tight|alb) \\| +\\| \`latency_p99_ms\`"
check "regression: the log shows the failing rows" has "$case/log" '^FAIL .*latency_p99_ms'
((rc == 1)) || show_log

action regression-allowed INPUT_BASELINE="$tmp/doctored" INPUT_FAIL_ON_REGRESSION=false
check "fail-on-regression=false: exit 0 (got $rc)" test "$rc" -eq 0
check "fail-on-regression=false: status=regression still" output_is "$case/output" status regression

# A threshold that stops gating the figure turns the regression into a pass.
action regression-off INPUT_BASELINE="$tmp/doctored" INPUT_THRESHOLDS="latency_p99_ms=off"
check "threshold latency_p99_ms=off: exit 0 (got $rc)" test "$rc" -eq 0
check "threshold latency_p99_ms=off: status=pass" output_is "$case/output" status pass

# (c) A missing baseline folder: a message that names it, exit 2, before anything runs.
action missing INPUT_BASELINE="$tmp/no-such-baseline"
check "missing baseline: exit 2 (got $rc)" test "$rc" -eq 2
check "missing baseline: the message names the folder" has "$case/log" "baseline folder '$tmp/no-such-baseline' does not exist"
check "missing baseline: no status=pass" lacks "$case/output" '^status=pass'
check "missing baseline: no suite was run" test ! -d "$case/out/quick"

# Bad inputs of the script itself: exit 2 with a message naming the input.
action bad-bool INPUT_BASELINE="$baseline" INPUT_QUICK=yes
check "quick=yes: exit 2 (got $rc)" test "$rc" -eq 2
check "quick=yes: the message names the input" has "$case/log" 'quick must be true or false'
action bad-threshold INPUT_BASELINE="$baseline" INPUT_THRESHOLDS="latency_p99_ms 5ms"
check "threshold without '=': exit 2 (got $rc)" test "$rc" -eq 2
check "threshold without '=': the message quotes the line" has "$case/log" "'latency_p99_ms 5ms' is not METRIC=VALUE"
action no-binary INPUT_BASELINE="$baseline" INPUT_BINARY="$tmp/nothing"
check "binary that does not exist: exit 2 (got $rc)" test "$rc" -eq 2
fingerprint() { (cd "$1" && find . -type f -exec cksum {} + | sort); }
before=$(fingerprint "$baseline")
action over-baseline INPUT_BASELINE="$baseline" INPUT_OUT="$tmp/baseline"
check "out over the baseline: exit 2 (got $rc)" test "$rc" -eq 2
check "out over the baseline: the message says so" has "$case/log" 'would write the results over the baseline'
check "out over the baseline: baseline untouched" test "$before" == "$(fingerprint "$baseline")"

# topobench's own errors pass through with their codes and messages.
action unknown-suite INPUT_BASELINE="$baseline" INPUT_SUITE=no_such_suite INPUT_SUITES="$fixtures"
check "unknown suite: topobench's exit 65 passes through (got $rc)" test "$rc" -eq 65
check "unknown suite: topobench's message passes through" has "$case/log" 'no_such_suite.yaml: expected a suite'
check "unknown suite: status=error" output_is "$case/output" status error
action unknown-figure INPUT_BASELINE="$baseline" INPUT_THRESHOLDS="latency_p99=5ms"
check "unknown figure in thresholds: compare's exit 64 passes through (got $rc)" test "$rc" -eq 64
check "unknown figure in thresholds: compare's message passes through" has "$case/log" "'latency_p99' is not a figure"

# swift-build=true, with a stand-in `swift` on PATH that records its arguments and "builds" by
# copying the binary (this test never compiles): the build command, and the binary it names.
mkdir -p "$tmp/stub/bin"
cat > "$tmp/stub/swift" << EOF
#!/usr/bin/env bash
case " \$* " in
  *" --show-bin-path "*) echo "$tmp/stub/bin" ;;
  *) echo "\$*" >> "$tmp/stub/calls"; cp "$binary" "$tmp/stub/bin/topobench" ;;
esac
EOF
chmod +x "$tmp/stub/swift"
action swift-build INPUT_BASELINE="$baseline" INPUT_SWIFT_BUILD=true INPUT_BINARY= PATH="$tmp/stub:$PATH"
check "swift-build: exit 0 (got $rc)" test "$rc" -eq 0
check "swift-build: ran swift build -c release --product topobench in the package" \
  test "$(cat "$tmp/stub/calls" 2> /dev/null)" == "build -c release --product topobench --package-path $(pwd)"
check "swift-build: used the binary it built" has "$case/log" "at $tmp/stub/bin/topobench\$"
check "swift-build: status=pass" output_is "$case/output" status pass

echo "action test: $((SECONDS - start)) s"
echo "$passed passed, $failed failed"
((failed == 0))
