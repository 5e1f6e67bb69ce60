#!/usr/bin/env bash
# The logic of the topobench GitHub Action (../../action.yml), runnable without GitHub:
# installs what is missing, builds (or finds) topobench, runs a suite, compares it with a
# committed baseline, writes the markdown comparison and, on GitHub, the step summary and the
# step's outputs.
#
# Inputs are environment variables (the action's inputs, upper case, '-' as '_'):
#   INPUT_SUITE               suite name (a file NAME.yaml in the suites folder) or path to a
#                             suite file                                   (default: default)
#   INPUT_QUICK               true|false: the suite's quick version        (default: true)
#   INPUT_BASELINE            committed baseline result folder             (default: results/quick)
#   INPUT_OUT                 where the run's results and the report go
#                             (default: $RUNNER_TEMP/topobench, or a new temporary folder)
#   INPUT_THRESHOLDS          METRIC=VALUE lines, each passed as --threshold (blank lines and
#                             lines starting with # are skipped)         (default: none)
#   INPUT_FAIL_ON_REGRESSION  true|false: exit 1 on a regression           (default: true)
#   INPUT_SWIFT_BUILD         true|false: swift build -c release --product topobench in the
#                             action's package; false uses INPUT_BINARY or topobench on PATH
#                                                                          (default: true)
#   INPUT_BINARY              path of a topobench binary (with INPUT_SWIFT_BUILD=false)
#   INPUT_SUITES              folder of suite files (--suites)             (default: the binary's,
#                             Benchmarks/suites, or the action's own when the workspace has none)
#   INPUT_PLOTS               true|false: make plots (needs gnuplot-nox)   (default: false)
#   INPUT_INSTALL_DEPS        true|false: apt-get install what is missing  (default: true)
#   GITHUB_STEP_SUMMARY, GITHUB_OUTPUT   set by GitHub; each is written only when set.
#
# Relative paths are read from the current directory (on GitHub, the workspace).
# Outputs: status (pass, regression or error), report (the markdown comparison), results
# (the folder compared with the baseline).
# Exit status: 0 no regression (or a regression with INPUT_FAIL_ON_REGRESSION=false);
# 1 a regression; 2 a bad input of this script; any other code of topobench passed through
# (64 bad option, 65 bad scenario, suite or result file, 69 gnuplot missing, 70 internal).
set -euo pipefail

# The topobench package this script belongs to (the action's checkout on GitHub).
package_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly package_dir

log() { printf 'topobench-action: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }
on_github() { [[ "${GITHUB_ACTIONS:-}" == "true" ]]; }
group() { if on_github; then echo "::group::$*"; else log "$*"; fi; }
endgroup() { if on_github; then echo "::endgroup::"; fi; }
warn() { if on_github; then echo "::warning title=topobench::$*"; else log "warning: $*"; fi; }

# Reads a true/false input; anything else is an error that names the input.
bool() {
  local name=$1 value=$2
  case "${value,,}" in
    true) echo true ;;
    false) echo false ;;
    *) die "$name must be true or false, got '$value'" ;;
  esac
}

set_output() {
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; fi
}

# --- inputs -----------------------------------------------------------------------------------
suite=${INPUT_SUITE:-default}
quick=$(bool quick "${INPUT_QUICK:-true}")
baseline=${INPUT_BASELINE:-results/quick}
out=${INPUT_OUT:-}
thresholds=${INPUT_THRESHOLDS:-}
fail_on_regression=$(bool fail-on-regression "${INPUT_FAIL_ON_REGRESSION:-true}")
swift_build=$(bool swift-build "${INPUT_SWIFT_BUILD:-true}")
binary=${INPUT_BINARY:-}
suites=${INPUT_SUITES:-}
plots=$(bool plots "${INPUT_PLOTS:-false}")
install_deps=$(bool install-deps "${INPUT_INSTALL_DEPS:-true}")

[[ -n "$suite" ]] || die "suite is empty (a suite name such as default, or a suite file)"
if [[ ! -d "$baseline" ]]; then
  if [[ -e "$baseline" ]]; then
    die "baseline '$baseline' is not a folder (expected a committed result folder such as results/quick)"
  fi
  hint="topobench suite $suite"; if [[ "$quick" == true ]]; then hint+=" --quick"; fi
  die "baseline folder '$baseline' does not exist (from $(pwd)); set the baseline input, or make and commit one with \`$hint --out results\`"
fi
if [[ -n "$suites" && ! -d "$suites" ]]; then die "suites folder '$suites' does not exist"; fi

compare_args=()
while IFS= read -r line || [[ -n "$line" ]]; do
  line="${line#"${line%%[![:space:]]*}"}"  # trim leading
  line="${line%"${line##*[![:space:]]}"}"  # and trailing white space
  [[ -z "$line" || "$line" == \#* ]] && continue
  [[ "$line" =~ ^[A-Za-z0-9_]+=[^[:space:]]+$ ]] ||
    die "thresholds: '$line' is not METRIC=VALUE (one per line, such as latency_p99_ms=5ms)"
  compare_args+=(--threshold "$line")
done <<< "$thresholds"

if [[ -z "$out" ]]; then
  if [[ -n "${RUNNER_TEMP:-}" ]]; then out="$RUNNER_TEMP/topobench"; else out=$(mktemp -d); fi
fi
mkdir -p "$out"

# The suites folder is topobench's default ($TOPOBENCH_SUITES, else ./Benchmarks/suites) unless
# given; a workspace that is not topobench's own checkout gets the action's suites.
if [[ -z "$suites" && -z "${TOPOBENCH_SUITES:-}" && ! -f "$suite" && ! -d Benchmarks/suites &&
  -d "$package_dir/Benchmarks/suites" ]]; then
  suites="$package_dir/Benchmarks/suites"
fi
if [[ -f "$suite" ]]; then
  suite_file=$suite
else
  suite_file="${suites:-${TOPOBENCH_SUITES:-Benchmarks/suites}}/$suite.yaml"
fi

# Where the suite writes what is compared: OUT/quick with --quick, else OUT/<the suite's name:>.
if [[ "$quick" == true ]]; then
  current="$out/quick"
else
  name=""
  if [[ -f "$suite_file" ]]; then
    name=$(sed -n -E 's/^name:[[:space:]]*["'\'']?([^"'\''#[:space:]]+).*/\1/p' "$suite_file" | head -n 1)
  fi
  current="$out/${name:-$(basename "${suite%.yaml}")}"
fi
# A run written over the baseline would overwrite it and then pass against itself.
if [[ "$(cd "$baseline" && pwd -P)" == "$(cd "$out" && pwd -P)/$(basename "$current")" ]]; then
  die "out '$out' would write the results over the baseline '$baseline'; choose another out"
fi
report="$out/compare.md"

# --- dependencies (Debian/Ubuntu) -------------------------------------------------------------
packages=(libgsl-dev pkg-config)
if [[ "$plots" == true ]]; then packages+=(gnuplot-nox); fi
if [[ "$install_deps" == true ]]; then
  if command -v dpkg > /dev/null && command -v apt-get > /dev/null; then
    missing=()
    for p in "${packages[@]}"; do dpkg -s "$p" > /dev/null 2>&1 || missing+=("$p"); done
    if ((${#missing[@]})); then
      group "installing ${missing[*]}"
      sudo=""
      if [[ "$(id -u)" != 0 ]]; then sudo=sudo; fi
      $sudo apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
      endgroup
    fi
  else
    log "no dpkg/apt-get here: install ${packages[*]} yourself"
  fi
fi

# --- the binary -------------------------------------------------------------------------------
if [[ "$swift_build" == true ]]; then
  if [[ -n "$binary" ]]; then warn "binary '$binary' is ignored: swift-build is true"; fi
  command -v swift > /dev/null || die "swift-build is true but swift is not on PATH (install a Swift toolchain, or set swift-build: false and binary)"
  group "swift build -c release --product topobench (in $package_dir)"
  swift build -c release --product topobench --package-path "$package_dir"
  endgroup
  binary="$(swift build -c release --package-path "$package_dir" --show-bin-path)/topobench"
elif [[ -z "$binary" ]]; then
  binary=$(command -v topobench) ||
    die "swift-build is false and no binary was given, and there is no topobench on PATH"
fi
[[ -f "$binary" && -x "$binary" ]] || die "binary '$binary' is not an executable file"
log "$("$binary" --version 2> /dev/null || echo '?') at $binary"

suite_args=()
if [[ -n "$suites" ]]; then suite_args+=(--suites "$suites"); fi
if [[ "$quick" == true ]]; then suite_args+=(--quick); fi
if [[ "$plots" == true ]]; then suite_args+=(--plots "$out/plots"); else suite_args+=(--no-plots); fi

# --- run and compare --------------------------------------------------------------------------
finish() { # status, exit code
  set_output status "$1"
  if [[ -f "$report" ]]; then set_output report "$report"; fi
  set_output results "$current"
  exit "$2"
}

group "topobench suite $suite"
code=0
"$binary" suite "$suite" "${suite_args[@]}" --out "$out" --quiet --progress plain || code=$?
endgroup
if ((code != 0)); then
  log "error: topobench suite $suite failed (exit $code)"
  finish error "$code"
fi
[[ -d "$current" ]] || { log "error: the suite wrote no results to $current"; finish error 70; }

code=0
"$binary" compare "$baseline" "$current" "${compare_args[@]}" --format markdown > "$report" || code=$?
# The log gets the terminal table: only what needs attention.
"$binary" compare "$baseline" "$current" "${compare_args[@]}" --format table || true

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
  if [[ -s "$report" ]]; then { cat "$report"; echo; } >> "$GITHUB_STEP_SUMMARY"; fi
else
  log "report: $report"
fi
if grep -q 'independent intervals' "$report"; then
  warn "the comparison is not paired with $baseline (its seed or replication count differs), so it is far weaker"
fi

case "$code" in
  0) finish pass 0 ;;
  1)
    if [[ "$fail_on_regression" == true ]]; then
      log "regression against $baseline (see $report)"
      if on_github; then echo "::error title=topobench::a significant regression against $baseline (the job summary has the comparison)"; fi
      finish regression 1
    fi
    warn "regression against $baseline, not failing: fail-on-regression is false"
    finish regression 0
    ;;
  *)
    log "error: topobench compare failed (exit $code)"
    finish error "$code"
    ;;
esac
