import XCTest
import SitegenTestSupport
@testable import SitegenCore

final class InputHasherTests: XCTestCase {
    func testUnchangedStampsAreTrustedUnlessRacilyClean() throws {
        let fs = InMemoryFileSystem(root: "/site", files: ["a.md": "A", "b.md": "B"])
        let hasher = InputHasher(fileSystem: fs, root: "/site", jobs: 1)
        let first = hasher.hash(["a.md", "b.md"], previous: [:], previousBuildStart: .max)
        XCTAssertEqual(first.hashed, 2)
        XCTAssertEqual(first.changed, ["a.md", "b.md"])

        // The in-memory clock is far in the past: both files are older than the racy window.
        let later = hasher.hash(["a.md", "b.md"], previous: first.records, previousBuildStart: 10_000_000_000_000)
        XCTAssertEqual(later.hashed, 0)
        XCTAssertTrue(later.changed.isEmpty)

        // A build that started within two seconds of a file's mtime cannot trust its stamp.
        let mtime = fs.stamp(of: "/site/a.md")!.mtime
        let racy = hasher.hash(["a.md", "b.md"], previous: first.records, previousBuildStart: mtime + 1_000_000_000)
        XCTAssertEqual(racy.hashed, 2)
        XCTAssertTrue(racy.changed.isEmpty, "re-hashed, but the content is the same")
    }

    func testNewStampWithSameBytesIsUnchangedAndRemovedFilesAreReported() throws {
        let fs = InMemoryFileSystem(root: "/site", files: ["a.md": "A", "b.md": "B"])
        let hasher = InputHasher(fileSystem: fs, root: "/site", jobs: 2)
        let first = hasher.hash(["a.md", "b.md"], previous: [:], previousBuildStart: .max)
        try fs.write("A", to: "/site/a.md")
        try fs.write("B2", to: "/site/b.md")
        try fs.write("C", to: "/site/c.md")
        let second = hasher.hash(["a.md", "b.md", "c.md"], previous: first.records, previousBuildStart: 10_000_000_000_000)
        XCTAssertEqual(second.hashed, 3)
        XCTAssertEqual(second.changed, ["b.md", "c.md"])
        try fs.removeFile("/site/c.md")
        let third = hasher.hash(["a.md", "b.md"], previous: second.records, previousBuildStart: 10_000_000_000_000)
        XCTAssertEqual(third.removed, ["c.md"])
    }
}
