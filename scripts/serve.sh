#!/usr/bin/env bash
# Sets up whatever is missing, then builds the widget and serves the demo page with its sample
# stories at http://127.0.0.1:8080/ (PORT=… to change), rebuilding on every change.
# Add ?src=ADDRESS to the page's address to load another article set, archive or feed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/setup.sh
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk serve --port "${PORT:-8080}" "$@"
