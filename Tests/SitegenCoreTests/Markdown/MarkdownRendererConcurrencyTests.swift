import Foundation
@_spi(Benchmark) @testable import SitegenCore
import XCTest

/// libcmark-gfm keeps the inline parser's special-character tables in process-global arrays that every
/// `cmark_parser_finish` rewrites (see `CmarkGFM.parseLock`). These tests render a corpus from many threads at once
/// and compare every result with the single-threaded one.
///
/// - `testParallelRendersMatchSerialRenders` is the regression guard: with the production locking it must see zero
///   mismatches.
/// - `testUnlockedParsesRaceOnSpecialCharacterTable` shows that the guard's workload does catch the race: without
///   locking it runs until the first wrong render. A race is probabilistic, so it has a budget (20 s); if no mismatch
///   shows up within it, it skips (with the number of renders tried) rather than fail, since a lucky scheduler is not a
///   bug in sitegen. On a 2-core machine the first mismatch usually shows within milliseconds.
///
/// `SITEGEN_MARKDOWN_STRESS_SECONDS` lengthens the locked runs (default 2 s) for a heavier check.
final class MarkdownRendererConcurrencyTests: XCTestCase {
    /// More threads than cores, so that parsers are also preempted in the middle of their inline phase.
    private var threads: Int { max(4, 2 * ProcessInfo.processInfo.activeProcessorCount) }

    private var stressSeconds: Double {
        ProcessInfo.processInfo.environment["SITEGEN_MARKDOWN_STRESS_SECONDS"].flatMap(Double.init) ?? 2
    }

    override func tearDown() {
        CmarkGFM.locking = CmarkGFM.productionLocking
        super.tearDown()
    }

    func testParallelRendersMatchSerialRenders() throws {
        XCTAssertEqual(CmarkGFM.locking, CmarkGFM.productionLocking)
        let stress = ParallelRenderStress(documents: try ParallelRenderStress.corpus())
        let outcome = stress.run(threads: threads, seconds: stressSeconds, stopAtFirstMismatch: false)
        print("production locking (\(CmarkGFM.productionLocking)): \(outcome.renders) renders on \(threads) threads "
            + "in \(String(format: "%.1f", outcome.seconds)) s, \(outcome.mismatches) mismatches")
        XCTAssertGreaterThan(outcome.renders, 1000, "too few renders to mean anything")
        XCTAssertEqual(outcome.mismatches, 0, outcome.firstMismatch ?? "")
    }

    /// The locked modes production does not use, so that the comparison in `CmarkGFM.parseLock`'s comment stays
    /// checked.
    func testOtherLockedModesMatchSerialRenders() throws {
        let stress = ParallelRenderStress(documents: try ParallelRenderStress.corpus())
        for locking in [MarkdownParseLocking.finishOnly, .wholeParse] where locking != CmarkGFM.productionLocking {
            CmarkGFM.locking = locking
            let outcome = stress.run(threads: threads, seconds: stressSeconds / 2, stopAtFirstMismatch: false)
            XCTAssertGreaterThan(outcome.renders, 500, "\(locking): too few renders to mean anything")
            XCTAssertEqual(outcome.mismatches, 0, "\(locking): \(outcome.firstMismatch ?? "")")
        }
    }

    func testUnlockedParsesRaceOnSpecialCharacterTable() throws {
        let stress = ParallelRenderStress(documents: try ParallelRenderStress.corpus())
        CmarkGFM.locking = .unlocked
        let outcome = stress.run(threads: threads, seconds: 20, stopAtFirstMismatch: true)
        guard let (renders, seconds) = outcome.firstMismatchAfter else {
            throw XCTSkip("no wrong render in \(outcome.renders) unlocked renders on \(threads) threads within 20 s; "
                + "the race is probabilistic (one core, or an unlucky schedule), so this is not a failure")
        }
        print("unlocked: first wrong render after \(renders) renders, \(String(format: "%.3f", seconds)) s, "
            + "on \(threads) threads\n\(outcome.firstMismatch ?? "")")
        XCTAssertGreaterThan(outcome.mismatches, 0)
    }
}
