import XCTest
import SitegenTestSupport
@testable import SitegenCore

final class OutputWriterTests: XCTestCase {
    private let fs = InMemoryFileSystem()
    private func writer() -> OutputWriter {
        OutputWriter(fileSystem: fs, siteRoot: "/site", outputDirectory: "/site/public", jobs: 2)
    }
    private func page(_ path: String, _ text: String) -> PlannedOutput {
        PlannedOutput(path: path, source: "content/x.md", content: .bytes(Array(text.utf8)))
    }

    func testUnchangedOutputsAreNotRewritten() throws {
        let diagnostics = DiagnosticsEngine()
        let first = writer().write([page("a/index.html", "A"), page("b/index.html", "B")], previousHashes: [:], diagnostics: diagnostics)
        XCTAssertEqual(first.filter(\.written).count, 2)
        let stamp = fs.stamp(of: "/site/public/a/index.html")
        let second = writer().write([page("a/index.html", "A"), page("b/index.html", "B2")], previousHashes: [:], diagnostics: diagnostics)
        XCTAssertEqual(second.map(\.written), [false, true])
        XCTAssertEqual(fs.stamp(of: "/site/public/a/index.html"), stamp, "an unchanged output keeps its mtime")
        XCTAssertEqual(try fs.readString("/site/public/b/index.html"), "B2")
        XCTAssertEqual(second[0].hash, XXH3.hash(Array("A".utf8)))
        XCTAssertFalse(diagnostics.hasErrors)
    }

    func testAKnownHashSkipsReadingTheFile() throws {
        let diagnostics = DiagnosticsEngine()
        _ = writer().write([page("a.html", "A")], previousHashes: [:], diagnostics: diagnostics)
        fs.makeUnreadable("/site/public/a.html")
        let again = writer().write([page("a.html", "A")], previousHashes: ["a.html": XXH3.hash(Array("A".utf8))], diagnostics: diagnostics)
        XCTAssertEqual(again.map(\.written), [false])
        XCTAssertFalse(diagnostics.hasErrors)
    }

    func testDeletesStaleOutputsAndTheFoldersTheyLeaveEmpty() throws {
        let diagnostics = DiagnosticsEngine()
        try fs.write("not ours", to: "/site/public/CNAME")
        _ = writer().write([page("a/index.html", "A"), page("old/deep/index.html", "O")], previousHashes: [:], diagnostics: diagnostics)
        XCTAssertEqual(writer().delete(["old/deep/index.html", "never/existed.html"], diagnostics: diagnostics), 1)
        XCTAssertFalse(fs.exists("/site/public/old/deep/index.html"))
        XCTAssertFalse(fs.exists("/site/public/old"), "emptied folders are removed")
        XCTAssertTrue(fs.exists("/site/public/a/index.html"))
        XCTAssertEqual(try fs.readString("/site/public/CNAME"), "not ours")
    }

    func testCollisionsNameBothSources() {
        let found = OutputWriter.collisions(in: [
            (path: "about/index.html", source: "content/about.md"),
            (path: "about/index.html", source: "static/about/index.html"),
        ])
        XCTAssertEqual(found.map(\.description),
                       ["static/about/index.html:1:1: error: output 'about/index.html' is produced by both content/about.md and static/about/index.html"])
    }

    func testRefusesPathsThatLeaveTheOutputFolder() {
        XCTAssertFalse(OutputWriter.isContained("../x"))
        XCTAssertFalse(OutputWriter.isContained("/etc/passwd"))
        XCTAssertFalse(OutputWriter.isContained("a//b"))
        XCTAssertFalse(OutputWriter.isContained("a/./b"))
        XCTAssertTrue(OutputWriter.isContained("a/b.html"))
        let diagnostics = DiagnosticsEngine()
        let result = writer().write([page("../escape.html", "x")], previousHashes: [:], diagnostics: diagnostics)
        XCTAssertEqual(result.map(\.written), [false])
        XCTAssertTrue(diagnostics.hasErrors)
        XCTAssertFalse(fs.exists("/site/escape.html"))
        XCTAssertEqual(writer().delete(["../../etc/passwd"], diagnostics: diagnostics), 0)
    }
}
