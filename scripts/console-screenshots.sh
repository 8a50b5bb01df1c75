#!/usr/bin/env bash
# Regenerates the console screenshots in docs/images/ from the browser test, which drives a real
# release of the example through the console in headless Chromium (nothing drawn by hand).
#
#   scripts/console-screenshots.sh
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
./mvnw -q -B install -DskipTests
./mvnw -q -B verify -pl devstack -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test='ConsoleBrowserIT#aRelease*'
mkdir -p docs/images
cp devstack/target/console-screenshots/console-list.png devstack/target/console-screenshots/console-release.png docs/images/
echo "updated docs/images/console-list.png and docs/images/console-release.png"
