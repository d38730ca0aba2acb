#!/usr/bin/env bash
# Re-vendors the browser libraries the pages use from the npm registry, at
# pinned versions, with their licence files. Run from anywhere:
#   web/assets/vendor.sh
# and commit web/assets/vendor/. The pages load nothing from any other host.
set -euo pipefail
cd "$(dirname "$0")"
ECHARTS=6.1.0
HTMX=2.0.11
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "echarts@$ECHARTS" "htmx.org@$HTMX" >/dev/null)
rm -rf vendor && mkdir -p vendor/echarts vendor/htmx
tar -xzf "$tmp/echarts-$ECHARTS.tgz" -C "$tmp" package/dist/echarts.min.js package/LICENSE package/NOTICE package/package.json
cp "$tmp/package/dist/echarts.min.js" "$tmp/package/LICENSE" "$tmp/package/NOTICE" vendor/echarts/
rm -rf "$tmp/package"
tar -xzf "$tmp/htmx.org-$HTMX.tgz" -C "$tmp" package/dist/htmx.min.js package/LICENSE package/package.json
cp "$tmp/package/dist/htmx.min.js" "$tmp/package/LICENSE" vendor/htmx/
cat > vendor/VERSIONS <<EOV
echarts $ECHARTS (npm, dist/echarts.min.js; Apache-2.0, see echarts/LICENSE and NOTICE)
htmx.org $HTMX (npm, dist/htmx.min.js; 0BSD, see htmx/LICENSE)
EOV
(cd vendor && sha256sum echarts/echarts.min.js htmx/htmx.min.js > SHA256SUMS)
echo "vendored echarts $ECHARTS and htmx.org $HTMX into $(pwd)/vendor"
