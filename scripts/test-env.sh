#!/usr/bin/env bash
# test-env.sh makes sure the programs the tests drive are installed: Chromium for the browser tests.
# As root it installs what is missing through apt; otherwise it says what to install and fails.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "test-env: installing ${need[*]} through apt"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq "${need[@]}" >/dev/null
else
	echo "test-env: the tests need ${need[*]}; install it (Debian: sudo apt-get install -y ${need[*]}) and run make test again" >&2
	exit 1
fi
