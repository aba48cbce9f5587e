import XCTest
import SitegenTestSupport

/// Runs the real `sitegen` binary: exit status, the printed diagnostic format, `--json`, `init` and `clean`.
final class CommandLineTests: XCTestCase {
    /// The executable built beside the test bundle.
    private var executable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen").path
    }

    private func run(_ arguments: [String], in directory: String) throws -> (status: Int32, stdout: String, stderr: String) {
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable), "missing \(executable): build the package first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testInitBuildAndCleanTheStarterSite() throws {
        let temp = TemporaryDirectory()
        let created = try run(["init", "mysite"], in: temp.path)
        XCTAssertEqual(created.status, 0, created.stderr)
        XCTAssertTrue(created.stdout.hasPrefix("Created a site in mysite"), created.stdout)
        let again = try run(["init", "mysite"], in: temp.path)
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("is not empty"), again.stderr)

        let built = try run(["build", "mysite"], in: temp.path)
        XCTAssertEqual(built.status, 0, built.stderr)
        XCTAssertTrue(built.stderr.hasPrefix("Built 4 pages into mysite/public: "), built.stderr)
        XCTAssertTrue(built.stderr.contains("0 warnings, 0 errors"), built.stderr)
        for file in ["index.html", "blog/first-post/index.html", "blog/photo-post/drawing.svg", "tags/howto/index.html",
                     "about/index.html", "atom.xml", "sitemap.xml", "robots.txt", "404.html", "favicon.svg", "asset-manifest.json",
                     "preload-manifest.json", "_headers", "index.html.br", "index.html.gz"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: temp.sub("mysite/public/" + file)), file)
        }

        let cleaned = try run(["clean", "mysite"], in: temp.path)
        XCTAssertEqual(cleaned.status, 0, cleaned.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.sub("mysite/public")))
        XCTAssertFalse(FileManager.default.fileExists(atPath: temp.sub("mysite/.sitegen")))
    }

    func testErrorsArePrintedWithSourceLineAndCaretAndExitOne() throws {
        let temp = TemporaryDirectory()
        try InlineFixture.write(BadInputTests.goodSite, to: temp.sub("site"))
        try "---\ntitle: A\ndraft: perhaps\n---\nBody\n".write(toFile: temp.sub("site/content/a.md"), atomically: true, encoding: .utf8)
        let result = try run(["build", "site"], in: temp.path)
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            site/content/a.md:3:1: error: 'draft' must be true or false, not a string
            draft: perhaps
            ^
            Build failed: 0 warnings, 1 error. Nothing was written; the previous output is unchanged.

            """)
    }

    func testJSONReportIsTheOnlyThingOnStdout() throws {
        let temp = TemporaryDirectory()
        try InlineFixture.write(BadInputTests.goodSite, to: temp.sub("site"))
        let result = try run(["build", "site", "--json", "--jobs", "1"], in: temp.path)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "")
        let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        XCTAssertEqual(report["succeeded"] as? Bool, true)
        XCTAssertEqual(report["contentPages"] as? Int, 2)
        XCTAssertEqual((report["phases"] as? [Any])?.isEmpty, false)
        XCTAssertEqual((report["diagnostics"] as? [Any])?.count, 0)
    }

    func testVersionAndUsageErrors() throws {
        let temp = TemporaryDirectory()
        let version = try run(["--version"], in: temp.path)
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "0.1.0\n")
        let bad = try run(["build", "--jobs", "0"], in: temp.path)
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("--jobs must be at least 1"), bad.stderr)
        let missing = try run(["build", "nowhere"], in: temp.path)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("error: site folder '\(temp.path)/nowhere' does not exist"), missing.stderr)
    }
}
