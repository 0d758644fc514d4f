#!/usr/bin/env bash
# test-env.sh makes sure the programs the tests drive are installed: Chromium for the browser tests,
# nginx for the static-export test, and axe-core (npm, pinned in package-lock.json) for the
# accessibility test. As root it installs what is missing through apt and npm; otherwise it says what to
# install and fails.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v npm >/dev/null 2>&1 || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
		echo "test-env: installing ${need[*]} through apt"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		apt-get install -y -qq "${need[@]}" >/dev/null
	else
		echo "test-env: the tests need ${need[*]}; install them (Debian: sudo apt-get install -y ${need[*]}) and run make test again" >&2
		exit 1
	fi
fi
want=$(sed -n 's/.*"axe-core": "\(.*\)".*/\1/p' package.json)
if ! grep -qs "\"version\": \"$want\"" node_modules/axe-core/package.json; then
	echo "test-env: installing the npm test tools (npm ci)"
	npm ci --no-audit --no-fund --loglevel=error
fi
