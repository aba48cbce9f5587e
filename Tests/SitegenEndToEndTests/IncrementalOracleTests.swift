import Foundation
import XCTest
import SitegenCore
import SitegenTestSupport

/// The oracle: after every edit of a long random sequence, an incremental build must produce exactly what a clean
/// build of the same files produces (file list, bytes, success and diagnostics). A failed build must leave the
/// previous output untouched.
///
/// Quick by default (CI). For a long run: `ORACLE_EDITS=2000 ORACLE_SEEDS=3 swift test --filter IncrementalOracleTests`;
/// `ORACLE_FIRST_SEED=n` starts the seeds elsewhere, `ORACLE_SEED=n` replays one seed. A failure prints the seed and
/// every edit up to it.
final class IncrementalOracleTests: XCTestCase {
    private func environment(_ name: String) -> Int? { ProcessInfo.processInfo.environment[name].flatMap { Int($0) } }

    func testIncrementalBuildsEqualCleanBuildsAfterRandomEdits() {
        let edits = environment("ORACLE_EDITS") ?? 60
        let pages = environment("ORACLE_PAGES") ?? 60
        let seeds: [UInt64] = environment("ORACLE_SEED").map { [UInt64($0)] }
            ?? (0..<UInt64(environment("ORACLE_SEEDS") ?? 2)).map { UInt64(environment("ORACLE_FIRST_SEED") ?? 1_000) + $0 }
        for seed in seeds {
            run(seed: seed, pages: pages, edits: edits)
        }
    }

    /// The same with production output on: minified, fingerprinted, precompressed (a low Brotli quality keeps it
    /// quick; the code paths are the same), manifests and `_headers` compared too.
    func testIncrementalBuildsEqualCleanBuildsWithCompressionOn() {
        let edits = environment("ORACLE_EDITS") ?? 40
        let seed = UInt64(environment("ORACLE_SEED") ?? 7_000)
        run(seed: seed, pages: environment("ORACLE_PAGES") ?? 40, edits: edits, compress: true)
    }

    private func run(seed: UInt64, pages: Int, edits: Int, compress: Bool = false) {
        let fs = InMemoryFileSystem()
        let site = OracleSite(seed: seed, pageCount: pages, fileSystem: fs, root: "/site")
        var history: [String] = []
        func options(output: String, cache: String, jobs: Int) -> BuildOptions {
            var options = BuildOptions(siteDirectory: "/site", outputDirectory: output, jobs: jobs)
            options.compress = compress
            options.cacheDirectory = cache
            options.now = 1_780_272_000
            return options
        }
        let builder = SiteBuilder(fileSystem: fs)
        let first = builder.build(options(output: "/out", cache: "/cache", jobs: 2))
        XCTAssertTrue(first.succeeded, "seed \(seed): the generated site must build: \(first.diagnostics.map(\.description))")

        for step in 1...edits {
            let before = OutputTree(reading: "/out", fileSystem: fs)
            history.append(site.randomEdit())
            let incremental = builder.build(options(output: "/out", cache: "/cache", jobs: 1 + step % 2))
            try? fs.removeTree("/clean")
            try? fs.removeTree("/clean-cache")
            let clean = builder.build(options(output: "/clean", cache: "/clean-cache", jobs: 2))
            let context = "seed \(seed), step \(step); edits:\n" + history.enumerated().map { "  \($0.offset + 1). \($0.element)" }.joined(separator: "\n")

            XCTAssertEqual(incremental.succeeded, clean.succeeded, context)
            XCTAssertEqual(incremental.diagnostics.map(\.description), clean.diagnostics.map(\.description), context)
            let actual = OutputTree(reading: "/out", fileSystem: fs)
            if clean.succeeded {
                if let difference = OutputTree(reading: "/clean", fileSystem: fs).difference(from: actual) {
                    XCTFail("incremental output differs from a clean build\n\(context)\n\(difference)")
                    return
                }
            } else if let difference = before.difference(from: actual) {
                XCTFail("a failed build changed the output\n\(context)\n\(difference)")
                return
            }
        }
    }
}
