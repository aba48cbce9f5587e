import XCTest
import SitegenTestSupport
@testable import SitegenCore

final class OutputWriterTests: XCTestCase {
    private let fs = InMemoryFileSystem()
    private func writer() -> OutputWriter {
        OutputWriter(fileSystem: fs, siteRoot: "/site", outputDirectory: "/site/public", cacheDirectory: "/site/.sitegen", jobs: 2)
    }
    private func page(_ path: String, _ text: String) -> PlannedOutput {
        PlannedOutput(path: path, source: "content/x.md", content: .bytes(Array(text.utf8)))
    }

    func testUnchangedOutputsAreNotRewritten() throws {
        let diagnostics = DiagnosticsEngine()
        let first = writer().write([page("a/index.html", "A"), page("b/index.html", "B")], diagnostics: diagnostics)
        XCTAssertEqual(first.written, 2)
        let stamp = fs.stamp(of: "/site/public/a/index.html")
        let second = writer().write([page("a/index.html", "A"), page("b/index.html", "B2")], diagnostics: diagnostics)
        XCTAssertEqual(second.written, 1)
        XCTAssertEqual(second.unchanged, 1)
        XCTAssertEqual(fs.stamp(of: "/site/public/a/index.html"), stamp, "an unchanged output keeps its mtime")
        XCTAssertEqual(try fs.readString("/site/public/b/index.html"), "B2")
        XCTAssertFalse(diagnostics.hasErrors)
    }

    func testRemovesOnlyStaleOutputsItWroteItself() throws {
        let diagnostics = DiagnosticsEngine()
        try fs.write("mine? no", to: "/site/public/CNAME")
        _ = writer().write([page("a/index.html", "A"), page("old/deep/index.html", "O")], diagnostics: diagnostics)
        let result = writer().write([page("a/index.html", "A")], diagnostics: diagnostics)
        XCTAssertEqual(result.deleted, 1)
        XCTAssertFalse(fs.exists("/site/public/old/deep/index.html"))
        XCTAssertFalse(fs.exists("/site/public/old"), "emptied folders are removed")
        XCTAssertEqual(try fs.readString("/site/public/CNAME"), "mine? no", "files sitegen did not write are never touched")
    }

    func testManifestForAnotherOutputFolderIsIgnored() throws {
        let diagnostics = DiagnosticsEngine()
        _ = writer().write([page("gone/index.html", "G")], diagnostics: diagnostics)
        try fs.write("keep", to: "/elsewhere/gone/index.html")
        let other = OutputWriter(fileSystem: fs, siteRoot: "/site", outputDirectory: "/elsewhere", cacheDirectory: "/site/.sitegen", jobs: 1)
        XCTAssertEqual(other.write([page("x.html", "X")], diagnostics: diagnostics).deleted, 0)
        XCTAssertEqual(try fs.readString("/elsewhere/gone/index.html"), "keep")
    }

    func testCollisionsNameBothSources() {
        let outputs = [
            PlannedOutput(path: "about/index.html", source: "content/about.md", content: .bytes([])),
            PlannedOutput(path: "about/index.html", source: "static/about/index.html", content: .copy("static/about/index.html")),
        ]
        let found = OutputWriter.collisions(in: outputs)
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
        let result = writer().write([page("../escape.html", "x")], diagnostics: diagnostics)
        XCTAssertEqual(result.written, 0)
        XCTAssertTrue(diagnostics.hasErrors)
        XCTAssertFalse(fs.exists("/site/escape.html"))
    }
}
