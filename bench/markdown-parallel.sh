#!/usr/bin/env bash
# Times MarkdownRenderer.render over a generated corpus (2,000 blog-like documents by default) with 1 and 2 threads
# for each parse locking mode (unlocked, finishOnly, wholeParse; see CmarkGFM.parseLock), in a release build, and
# counts renders that differ from a single-threaded render. Extra arguments go to markdown-bench:
#
#     bench/markdown-parallel.sh [--documents 2000] [--threads 1,2] [--runs 7] [--modes unlocked,finishOnly,wholeParse]
#
# Parallel timings need idle cores: the header and footer show the load average, and the cpu/wall column shows how
# many cores a cell really got. Results recorded so far: bench/markdown-parallel.results.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product markdown-bench >&2
echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  commit $(git describe --always --dirty)  $(nproc) cores  load $(cut -d' ' -f1-3 /proc/loadavg)"
.build/release/markdown-bench "$@"
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
