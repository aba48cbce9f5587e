#!/usr/bin/env bash
# Which gzip compressor writes the .gz copies: zlib at level 9 (what `gzip -9` uses) or libdeflate at level 12.
# Compresses every compressible file of a built site with both and prints total bytes and time.
# Usage: bench/compression.sh [OUTPUT_DIR]   (default: builds site/ into /tmp/sitegen-bench-compression)
# Needs: gzip, libdeflate-tools (libdeflate-gzip), brotli.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="${1:-}"
if [ -z "$OUT" ]; then
    OUT=/tmp/sitegen-bench-compression
    rm -rf "$OUT"
    swift run -c release sitegen build site --output "$OUT" --no-compress --quiet
fi
FILES=$(mktemp)
find "$OUT" -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.xml' -o -name '*.json' -o -name '*.svg' \) -size +255c > "$FILES"
COUNT=$(wc -l < "$FILES")
ORIGINAL=$(xargs cat < "$FILES" | wc -c)
measure() {  # name, command that reads stdin and writes stdout
    local start end total=0
    start=$(date +%s.%N)
    while read -r f; do
        n=$($2 < "$f" | wc -c)
        total=$((total + n))
    done < "$FILES"
    end=$(date +%s.%N)
    printf '%-28s %10d bytes  %5.1f%% of original  %6.2f s\n' "$1" "$total" "$(echo "100*$total/$ORIGINAL" | bc -l)" "$(echo "$end-$start" | bc -l)"
}
echo "$COUNT files, $ORIGINAL bytes"
measure "zlib level 9 (gzip -9)" "gzip -9 -c -n"
measure "libdeflate level 12" "libdeflate-gzip -12 -c"
measure "brotli quality 11" "brotli -q 11 -c"
rm -f "$FILES"
