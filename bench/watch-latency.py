#!/usr/bin/env python3
"""Times `sitegen watch` from a saved file to the reload event, as a page receives it.

Generates a site of N pages (five sections, eight tags, a few paragraphs, a table and a code block per page),
starts `sitegen watch --port 0` on it, listens on /_sitegen/events like a page does, then edits one page's body
R times and prints, for each edit, the milliseconds from just before the write to the arrival of the `reload`
event, and the build time the watch printed. Usage:

    swift build -c release --product sitegen
    bench/watch-latency.py [--pages 10000] [--runs 10] [--binary .build/release/sitegen]
"""
import argparse, os, re, shutil, socket, statistics, subprocess, sys, tempfile, time

def generate(root, pages):
    os.makedirs(root + "/content", exist_ok=True)
    with open(root + "/sitegen.toml", "w") as f:
        f.write('title = "Bench"\nbase_url = "https://example.com"\n\n[build]\ntaxonomies = ["tags"]\npaginate = 10\n')
    sections = ["alpha", "beta", "gamma", "delta", "epsilon"]
    tags = ["t%d" % i for i in range(8)]
    for s in sections:
        os.makedirs("%s/content/%s" % (root, s), exist_ok=True)
        with open("%s/content/%s/_index.md" % (root, s), "w") as f:
            f.write("---\ntitle: %s\n---\nSection %s.\n" % (s.title(), s))
    paragraph = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore. " * 3
    for i in range(pages):
        s = sections[i % len(sections)]
        with open("%s/content/%s/page-%05d.md" % (root, s, i), "w") as f:
            f.write("---\ntitle: Page %d\ndate: 2025-%02d-%02d\ntags: [%s, %s]\n---\n" % (
                i, 1 + i % 12, 1 + i % 28, tags[i % 8], tags[(i * 3 + 1) % 8]))
            f.write("\n\n".join([paragraph] * 6))
            f.write("\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```swift\nlet x = %d\n```\n" % i)

class Events:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /_sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.buffer = b""

    def next_event(self, timeout):
        self.sock.settimeout(timeout)
        while True:
            match = re.search(rb"event: (\S+)\ndata: ([^\n]*)\n\n", self.buffer)
            if match:
                self.buffer = self.buffer[match.end():]
                return match.group(1).decode(), match.group(2).decode()
            chunk = self.sock.recv(65536)
            if not chunk:
                raise EOFError("stream closed")
            self.buffer += chunk

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--binary", default=".build/release/sitegen")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    temp = tempfile.mkdtemp(prefix="sitegen-watch-bench-")
    try:
        site = temp + "/site"
        generate(site, args.pages)
        errors = open(temp + "/stderr.txt", "w+")
        started = time.monotonic()
        watch = subprocess.Popen([binary, "watch", site, "--port", "0"], stdout=subprocess.PIPE, stderr=errors, text=True)
        line = watch.stdout.readline()
        port = int(re.search(r"127\.0\.0\.1:(\d+)/", line).group(1))
        print("pages: %d; first build and start: %.1f s" % (args.pages, time.monotonic() - started))
        events = Events(port)
        assert events.next_event(10)[0] == "hello"
        latencies = []
        page = site + "/content/alpha/page-00005.md"
        for run in range(args.runs):
            time.sleep(0.3)
            before = time.monotonic()
            with open(page, "a") as f:
                f.write("\nEdit number %d.\n" % run)
            name, _ = events.next_event(30)
            latency = (time.monotonic() - before) * 1000
            latencies.append(latency)
            assert name == "reload", name
        watch.terminate()
        watch.wait()
        errors.seek(0)
        builds = [int(m) for m in re.findall(r"changed: .*, (\d+) ms", errors.read())]
        print("save -> reload event, ms: " + " ".join("%.0f" % l for l in latencies))
        print("median %.0f ms, min %.0f ms, max %.0f ms" % (statistics.median(latencies), min(latencies), max(latencies)))
        if builds:
            print("build time printed by watch, ms: median %d (%s)" % (statistics.median(builds), " ".join(map(str, builds))))
    finally:
        shutil.rmtree(temp, ignore_errors=True)

if __name__ == "__main__":
    main()
