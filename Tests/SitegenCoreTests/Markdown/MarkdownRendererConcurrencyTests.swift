import Foundation
import SitegenCore
import XCTest

/// Parses hold a global lock because libcmark-gfm shares a special-character table between parsers; this renders the
/// extension examples from many threads at once and expects exactly the single-threaded output.
final class MarkdownRendererConcurrencyTests: XCTestCase {
    func testParallelRendersMatchSerialRenders() throws {
        let url = CmarkGFMConformanceTests.conformanceFolder.appendingPathComponent("extensions.txt")
        let examples = SpecExample.parse(try String(contentsOf: url, encoding: .utf8)).map(\.markdown)
        XCTAssertFalse(examples.isEmpty)
        // Every parse with extensions adds their characters to the shared table when it starts finishing and removes
        // them when it is done, so an unguarded parse can lose `~` or `|` halfway through another one.
        let renderers = [
            MarkdownRenderer(options: MarkdownOptions()),
            MarkdownRenderer(options: MarkdownOptions(smartPunctuation: false, extensions: ["strikethrough", "table"])),
        ]
        let expected = renderers.map { renderer in examples.map { renderer.render($0) } }

        let rounds = 50
        let results = ResultBox(count: rounds * examples.count * renderers.count)
        DispatchQueue.concurrentPerform(iterations: results.count) { index in
            let renderer = index % renderers.count
            let example = (index / renderers.count) % examples.count
            results.set(index, renderers[renderer].render(examples[example]) == expected[renderer][example])
        }
        XCTAssertEqual(results.mismatches, 0)
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var matches: [Bool]
    let count: Int

    init(count: Int) {
        self.count = count
        matches = Array(repeating: false, count: count)
    }

    func set(_ index: Int, _ value: Bool) {
        lock.withLock { matches[index] = value }
    }

    var mismatches: Int { lock.withLock { matches.filter { !$0 }.count } }
}
