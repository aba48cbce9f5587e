import Foundation
@_spi(Benchmark) @testable import SitegenCore

/// Renders a corpus from many threads at once, over and over, and counts renders whose result differs from the
/// single-threaded one: the workload that shows libcmark-gfm's shared special-character table racing, and that proves
/// the parse locking keeps it from happening.
struct ParallelRenderStress {
    /// One stress run's outcome.
    struct Outcome {
        var renders = 0
        var mismatches = 0
        var seconds = 0.0
        /// Renders done (over all threads) and seconds elapsed when the first mismatch was seen.
        var firstMismatchAfter: (renders: Int, seconds: Double)?
        /// What the first mismatch looked like, for the failure message.
        var firstMismatch: String?
    }

    let renderers: [MarkdownRenderer]
    let documents: [String]
    /// `expected[renderer][document]`, rendered on one thread.
    let expected: [[RenderedMarkdown]]

    /// Renderers whose parsers attach every extension, the two with special characters (`~` from strikethrough, `:`
    /// and `w` from autolink), and none: a parser without extensions still reads the shared table, so it can see
    /// characters another parser added.
    static let renderers = [
        MarkdownRenderer(options: MarkdownOptions()),
        MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false, extensions: ["strikethrough", "autolink"])),
        MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false, footnotes: false, extensions: [])),
    ]

    /// cmark-gfm's extension examples plus documents dense in the characters the race flips.
    static func corpus() throws -> [String] {
        let url = CmarkGFMConformanceTests.conformanceFolder.appendingPathComponent("extensions.txt")
        let examples = SpecExample.parse(try String(contentsOf: url, encoding: .utf8)).map(\.markdown)
        return examples + (0..<12).map(hazardDocument)
    }

    /// A page whose every line needs `~`, `:` or `w` to be special while its inlines are parsed: strikethrough,
    /// bare and `www.` autolinks, emphasis next to `~` (which the strikethrough extension's "skip" flag changes), in
    /// paragraphs, lists and table cells.
    static func hazardDocument(_ seed: Int) -> String {
        var lines = ["# Release notes \(seed) ~~draft~~", ""]
        for line in 0..<(20 + seed * 5) {
            let n = seed * 100 + line
            lines.append(
                "Item \(n) is ~~gone~~ now, see www.example\(n).com or https://example.org/\(n)/page and "
                    + "_moved_~\(n) plus *kept*~~x~~ and ~one~ tilde, ask mail\(n)@example.com.")
            if line % 5 == 4 { lines.append("") }
        }
        lines += ["", "- [ ] ~~task~~ www.tasks.example", "- [x] done: https://done.example", ""]
        lines += ["| a | b |", "|---|---|"]
        for row in 0..<(5 + seed) { lines.append("| ~~cell \(row)~~ | www.row\(row).example _x_~y |") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Renders the expected outputs on this thread; call with the locking under test not yet in force.
    init(renderers: [MarkdownRenderer] = Self.renderers, documents: [String]) {
        self.renderers = renderers
        self.documents = documents
        expected = renderers.map { renderer in documents.map { renderer.render($0) } }
    }

    /// Runs `threads` threads, each rendering the corpus (every renderer, every document, starting at a different
    /// place) until `seconds` have passed, or until the first mismatch when `stopAtFirstMismatch` is set.
    func run(threads: Int, seconds: Double, stopAtFirstMismatch: Bool) -> Outcome {
        let jobs = renderers.indices.flatMap { renderer in documents.indices.map { (renderer, $0) } }
        let state = SharedState()
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        let group = DispatchGroup()
        for thread in 0..<threads {
            group.enter()
            let worker = Thread { [self] in
                defer { group.leave() }
                var next = thread * jobs.count / threads
                while !state.stopped, Date() < deadline {
                    let (renderer, document) = jobs[next % jobs.count]
                    next += 1
                    let result = renderers[renderer].render(documents[document])
                    let matches = result == expected[renderer][document]
                    state.record(matches: matches, since: start) {
                        "renderer \(renderer), document \(document):\n"
                            + Self.firstDifference(result.html, expected[renderer][document].html)
                    }
                    if !matches, stopAtFirstMismatch { state.stop() }
                }
            }
            worker.stackSize = 1 << 20
            worker.start()
        }
        group.wait()
        var outcome = state.outcome
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    /// The first line where two HTML outputs differ, both versions.
    static func firstDifference(_ actual: String, _ expected: String) -> String {
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(actualLines.count, expectedLines.count) {
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            if got != want { return "  line \(index + 1) expected: \(want)\n  line \(index + 1) got:      \(got)" }
        }
        return "  (same HTML; another field of RenderedMarkdown differs)"
    }
}

/// Counters the stress threads share.
private final class SharedState: @unchecked Sendable {
    private let lock = NSLock()
    private var current = ParallelRenderStress.Outcome()
    private var isStopped = false

    var stopped: Bool { lock.withLock { isStopped } }
    var outcome: ParallelRenderStress.Outcome { lock.withLock { current } }

    func stop() { lock.withLock { isStopped = true } }

    func record(matches: Bool, since start: Date, describe: () -> String) {
        lock.withLock {
            current.renders += 1
            guard !matches else { return }
            current.mismatches += 1
            if current.firstMismatch == nil {
                current.firstMismatch = describe()
                current.firstMismatchAfter = (current.renders, Date().timeIntervalSince(start))
            }
        }
    }
}
