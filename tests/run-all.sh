#!/usr/bin/env bash
# `npm test`: unit, integration and end-to-end suites. On PGlite unless DATABASE_URL is set.
# Ends with one line "N passed, N failed" summing all suites; exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
# The LDAP tests start Debian's slapd themselves (own port and config; the system's service is not used).
if [ ! -x "$CHROMIUM" ] || [ ! -x /usr/sbin/slapd ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian's Chromium, CJK fonts and slapd for the browser and LDAP tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk slapd ldap-utils >/dev/null || exit 1
    service slapd stop >/dev/null 2>&1 || true
  else
    echo "The browser tests need Debian's Chromium and the LDAP tests slapd. Install them with:"
    echo "  sudo apt-get install -y chromium fonts-noto-cjk slapd ldap-utils"
    exit 1
  fi
fi

reports="${TEST_REPORT_DIR:-test-reports}/$(date +%s)-$$"
mkdir -p "$reports"
status=0
where=${DATABASE_URL:+Postgres}
echo "== Tests on ${where:-PGlite} =="

began=$(date +%s)
# VITEST_PROJECT=integration leaves out the unit tests, which touch no database (CI's second database);
# VITEST_MAX_WORKERS caps the test files run at once (CI runs both databases side by side).
node_modules/.bin/vitest run ${VITEST_PROJECT:+--project "$VITEST_PROJECT"} ${VITEST_MAX_WORKERS:+--maxWorkers "$VITEST_MAX_WORKERS"} --reporter=default --reporter=json --outputFile.json="$reports/vitest.json" || status=1

echo "== vitest took $(( $(date +%s) - began )) s"; began=$(date +%s)
# Under a lock: a second run of the suite in this checkout (CI's other database) waits for the build
# instead of writing the same .next folder at once, and then finds it up to date.
flock .next-build.lock node_modules/.bin/tsx lib/cli/main.ts build || status=1
echo "== build took $(( $(date +%s) - began )) s"; began=$(date +%s)
# E2E_GREP=@smoke runs only the browser tests tagged as the smoke set, and E2E_PROJECT=desktop only
# the desktop screen (CI's second database: the database changes, not the layout).
e2e_data=".data/e2e-$(date +%s)-$$"
E2E_PGLITE_DIR="$e2e_data" E2E_OUTPUT_DIR="$reports/e2e-artifacts" PLAYWRIGHT_JSON_OUTPUT="$reports/e2e.json" \
  node_modules/.bin/playwright test ${E2E_GREP:+--grep "$E2E_GREP"} ${E2E_PROJECT:+--project "$E2E_PROJECT"} || status=1
rm -rf "$e2e_data" "$e2e_data"-*
echo "== browser tests took $(( $(date +%s) - began )) s"

node tests/summarize.mjs "$reports/vitest.json" "$reports/e2e.json" | tee "$reports/summary.txt" || status=1
exit $status
