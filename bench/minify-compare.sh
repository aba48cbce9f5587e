#!/usr/bin/env bash
# Compares the bytes saved by sitegen's minifiers with tdewolff's `minify` (Debian package `minify`) on the same
# files, per kind, and how fast ours run (release build):
#   html  the example site's pages, built by `sitegen build site`
#   css   the unminified style sheets of libjs-bootstrap5 and libjs-highlight.js
#   js    the unminified scripts of libjs-jquery, libjs-bootstrap5, libjs-underscore, libjs-highlight.js, libjs-d3,
#         and lodash.js from node-lodash (minify also renames variables, which we do not: not a goal)
#   json  bootstrap's source maps, iso-codes' tables and lodash-cli's shrinkwrap
#   svg   Adwaita's scalable icons
# minify runs twice for HTML: with its defaults, which also drop optional end tags and <html>/<head>/<body>, and with
# --html-keep-end-tags --html-keep-document-tags, which is what our HTML minifier does by design.
# Results are recorded in bench/MINIFY.md.
#
#     bench/minify-compare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v minify >/dev/null || { echo "needs tdewolff's minify: apt-get install minify" >&2; exit 1; }
work=$(mktemp -d /tmp/minify-compare.XXXXXX)
trap 'rm -rf "$work"' EXIT

swift build -c release --product sitegen >&2
swift build -c release --product minify-bench >&2
.build/release/sitegen build site --output "$work/site" >&2

list() { find -L "$@" -type f 2>/dev/null | grep -v '\.min\.' | sort; }
html=$(list "$work/site" -name '*.html')
css=$(list /usr/share/javascript/bootstrap5 /usr/share/javascript/highlight.js -name '*.css')
js=$(list /usr/share/javascript/jquery /usr/share/javascript/bootstrap5 /usr/share/javascript/underscore \
    /usr/share/javascript/highlight.js /usr/share/javascript/d3 -name '*.js'; echo /usr/share/nodejs/lodash/lodash.js)
json=$(list /usr/share/javascript/bootstrap5 /usr/share/iso-codes/json -name '*.map' -o -name '*.json'
       echo /usr/share/nodejs/lodash-cli/npm-shrinkwrap.json)
svg=$(list /usr/share/icons/Adwaita/scalable -name '*.svg')

# Bytes of each file minified by tdewolff's minify, summed; `$1` is the MIME type, the rest are extra options.
theirs() {
    local mime=$1; shift
    local total=0 size
    while read -r file; do
        size=$(minify --mime "$mime" "$@" "$file" | wc -c)
        total=$((total + size))
    done
    echo "$total"
}

printf '%-5s %6s %12s %12s %12s %9s %9s %8s %10s\n' kind files original ours theirs saved-us saved-them ratio 'ours MB/s'
row() {
    local kind=$1 mime=$2 files=$3 label=${4:-$1}; shift 4 || shift $#
    read -r count bytes ours seconds < <(echo "$files" | xargs .build/release/minify-bench "$kind" "$work/out-$label")
    local them
    them=$(echo "$files" | theirs "$mime" "$@")
    awk -v k="$label" -v n="$count" -v o="$bytes" -v a="$ours" -v b="$them" -v s="$seconds" 'BEGIN {
        su = o - a; st = o - b
        printf "%-5s %6d %12d %12d %12d %8.1f%% %8.1f%% %8.3f %10.1f\n", k, n, o, a, b, 100 * su / o, 100 * st / o, su / st, o / s / 1e6 }'
}
row html text/html "$html" html
row html text/html "$html" html-k --html-keep-end-tags --html-keep-document-tags
row css text/css "$css" css
row js application/javascript "$js" js
row json application/json "$json" json
row svg image/svg+xml "$svg" svg
echo "# $(date -u +%Y-%m-%d)  commit $(git describe --always --dirty)  $(minify --version 2>&1 | head -1)  $(swift --version 2>&1 | head -1)"
