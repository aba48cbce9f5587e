import Foundation
import XCTest
import SitegenCore
import SitegenTestSupport

/// The build cache can be damaged, moved, or left behind by a killed build; none of that may ever produce wrong
/// output or a crash.
final class CacheRobustnessTests: XCTestCase {
    private func options(_ site: String, output: String? = nil, cache: String? = nil, jobs: Int = 2) -> BuildOptions {
        var options = BuildOptions(siteDirectory: site, outputDirectory: output, jobs: jobs)
        options.compress = false
        options.cacheDirectory = cache
        options.now = FixturePaths.fixedNow
        return options
    }

    /// Builds `site` from scratch elsewhere and checks that its output folder holds exactly the same files.
    private func assertEqualsCleanBuild(_ site: String, output: String, realClock: Bool = false,
                                        file: StaticString = #filePath, line: UInt = #line) {
        let clean = TemporaryDirectory()
        var cleanOptions = options(site, output: clean.sub("out"), cache: clean.sub("cache"))
        if realClock { cleanOptions.now = nil }  // as the sitegen binary builds
        let report = SiteBuilder().build(cleanOptions)
        XCTAssertTrue(report.succeeded, file: file, line: line)
        let difference = OutputTree(reading: clean.sub("out")).difference(from: OutputTree(reading: output))
        XCTAssertNil(difference, difference ?? "", file: file, line: line)
    }

    func testCorruptOrTruncatedCacheMeansOneWarningAndACorrectFullBuild() throws {
        let temp = TemporaryDirectory()
        let site = temp.sub("site")
        _ = OracleSite(seed: 7, pageCount: 30, fileSystem: LocalFileSystem(), root: site)
        XCTAssertTrue(SiteBuilder().build(options(site)).succeeded)
        let graphPath = site + "/.sitegen/graph.bin"
        let good = try LocalFileSystem().read(graphPath)
        var flipped = good
        flipped[good.count - 10] ^= 0xFF
        for damaged in [Array(good.prefix(good.count / 2)), flipped, Array("garbage".utf8), []] {
            try LocalFileSystem().writeAtomically(damaged, to: graphPath)
            try "---\ntitle: Changed while the cache was broken\n---\nNew.\n".write(toFile: site + "/content/new-page.md", atomically: true, encoding: .utf8)
            let report = SiteBuilder().build(options(site))
            XCTAssertTrue(report.succeeded)
            let cacheWarnings = report.diagnostics.filter { $0.message.hasPrefix("ignoring the build cache (") }
            XCTAssertEqual(cacheWarnings.count, 1, report.diagnostics.map(\.description).joined(separator: "\n"))
            XCTAssertEqual(report.fullBuildReason, "no build cache")
            assertEqualsCleanBuild(site, output: site + "/public")
            // And the cache is good again afterwards.
            XCTAssertEqual(SiteBuilder().build(options(site)).pagesRendered, 0)
        }
    }

    func testACopiedSiteRehashesButRendersNothing() throws {
        let temp = TemporaryDirectory()
        _ = OracleSite(seed: 8, pageCount: 30, fileSystem: LocalFileSystem(), root: temp.sub("a"))
        let first = SiteBuilder().build(options(temp.sub("a")))
        XCTAssertTrue(first.succeeded)
        try FileManager.default.copyItem(atPath: temp.sub("a"), toPath: temp.sub("b"))
        let moved = SiteBuilder().build(options(temp.sub("b")))
        XCTAssertTrue(moved.succeeded)
        XCTAssertNil(moved.fullBuildReason)
        XCTAssertEqual(moved.inputsHashed, moved.inputsScanned, "new stamps: every input is hashed again")
        XCTAssertEqual(moved.pagesRendered, 0)
        XCTAssertEqual(moved.outputsWritten, 0)
    }

    func testOneThreadAndManyThreadsGiveTheSameBytesOnALargeSite() {
        let fs = InMemoryFileSystem()
        _ = OracleSite(seed: 9, pageCount: 5_000, fileSystem: fs, root: "/site")  // about 4,600 published
        let builder = SiteBuilder(fileSystem: fs)
        XCTAssertTrue(builder.build(options("/site", output: "/one", cache: "/cache-one", jobs: 1)).succeeded)
        XCTAssertTrue(builder.build(options("/site", output: "/many", cache: "/cache-many", jobs: 8)).succeeded)
        let one = OutputTree(reading: "/one", fileSystem: fs)
        XCTAssertGreaterThan(one.files.count, 4_000)
        XCTAssertNil(one.difference(from: OutputTree(reading: "/many", fileSystem: fs)))
    }

    /// Kills `sitegen build` with SIGKILL at random moments (between edits), then checks that the next build, run
    /// to completion, equals a clean build.
    func testBuildsKilledAtRandomMomentsLeaveNothingWrong() throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable), executable)
        let temp = TemporaryDirectory()
        let site = OracleSite(seed: 11, pageCount: 300, fileSystem: LocalFileSystem(), root: temp.sub("site"))
        var rng = SplitMix64(seed: 11)
        func runBuild(killAfter milliseconds: Int?) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["build", temp.sub("site"), "--quiet", "--no-compress"]
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            if let milliseconds {
                usleep(useconds_t(milliseconds * 1000))
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            return process.terminationStatus
        }
        let started = Date()
        XCTAssertEqual(try runBuild(killAfter: nil), 0)
        let fullBuild = Int(Date().timeIntervalSince(started) * 1000)
        for round in 0..<8 {
            for _ in 0..<3 { _ = site.randomEdit() }
            if round % 4 == 0 { try? FileManager.default.removeItem(atPath: temp.sub("site/.sitegen/graph.bin")) }  // a lost graph
            _ = try runBuild(killAfter: Int.random(in: 1...max(2, fullBuild), using: &rng))
            // The next completed build must be right (it may fail only if the edits broke a file).
            if try runBuild(killAfter: nil) == 0 {
                assertEqualsCleanBuild(temp.sub("site"), output: temp.sub("site/public"), realClock: true)
            }
        }
    }
}
