import XCTest
import SitegenCore
import SitegenTestSupport
@testable import SitegenServer

final class ChangeBatcherTests: XCTestCase {
    func testABurstOfEventsIsOneBatch() {
        let batcher = ChangeBatcher(quiet: 0.05, maximumDelay: 1)
        batcher.add([.changed("/s/content/.a.md.swp"), .changed("/s/content/a.md~")])
        batcher.add([.changed("/s/content/a.md"), .changed("/s/content/a.md")])
        XCTAssertEqual(batcher.next(), ChangeBatcher.Batch(paths: ["/s/content/.a.md.swp", "/s/content/a.md", "/s/content/a.md~"], overflow: false))
        batcher.add([.overflow])
        XCTAssertEqual(batcher.next(), ChangeBatcher.Batch(paths: [], overflow: true))
    }

    func testAStreamOfEventsStillGetsABatchAfterTheMaximumDelay() {
        let batcher = ChangeBatcher(quiet: 0.2, maximumDelay: 0.3)
        let writer = Thread {
            for index in 0..<40 {
                batcher.add([.changed("/s/content/\(index).md")])
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
        let start = Date()
        writer.start()
        let batch = batcher.next()
        XCTAssertLessThan(Date().timeIntervalSince(start), 0.7)
        XCTAssertLessThan(batch?.paths.count ?? 40, 40)
    }

    func testCloseEndsTheWait() {
        let batcher = ChangeBatcher()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { batcher.close() }
        XCTAssertNil(batcher.next())
    }
}

final class WatchScopeTests: XCTestCase {
    func testOnlyInputsCount() {
        let scope = WatchScope(root: "/s", excluded: ["/s/static/out"])
        for path in ["/s/sitegen.toml", "/s/content/a.md", "/s/templates/page.mustache", "/s/assets/css/x.css", "/s/static/f.txt", "/s/data/d.yaml"] {
            XCTAssertTrue(scope.includes(path), path)
        }
        for path in ["/s/public/index.html", "/s/.sitegen/graph", "/s/content/.a.md.swp", "/s/content/a.md~", "/s/.git/HEAD",
                     "/s/static/out/x", "/s/README.md", "/s", "/other/content/a.md"] {
            XCTAssertFalse(scope.includes(path), path)
        }
        XCTAssertEqual(scope.relative("/s/content/a.md"), "content/a.md")
    }
}

final class PollingWatcherTests: XCTestCase {
    func testAddedChangedAndRemovedFilesAreReportedAndOthersAreNot() throws {
        let fileSystem = InMemoryFileSystem(root: "/s", files: ["sitegen.toml": "", "content/a.md": "a", "content/b.md": "b"])
        let watcher = PollingWatcher(scope: WatchScope(root: "/s"), fileSystem: fileSystem)
        XCTAssertEqual(watcher.snapshot().keys.sorted(), ["/s/content/a.md", "/s/content/b.md", "/s/sitegen.toml"])
        _ = watcher.poll()
        try fileSystem.write("a2", to: "/s/content/a.md")
        try fileSystem.removeFile("/s/content/b.md")
        try fileSystem.write("c", to: "/s/content/new/c.md")
        try fileSystem.write("x", to: "/s/public/index.html")
        try fileSystem.write("x", to: "/s/content/.a.md.swp")
        XCTAssertEqual(watcher.poll(), [.changed("/s/content/a.md"), .changed("/s/content/b.md"), .changed("/s/content/new/c.md")])
        XCTAssertEqual(watcher.poll(), [])
    }
}

#if canImport(Glibc)
/// The real inotify watcher on a temporary folder: each case waits for the events it expects, with a deadline.
final class InotifyWatcherTests: XCTestCase {
    private final class Collector: @unchecked Sendable {
        let lock = NSLock()
        var events: [WatchEvent] = []
        func add(_ new: [WatchEvent]) { lock.lock(); events += new; lock.unlock() }
        var paths: Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return Set(events.compactMap { if case .changed(let path) = $0 { return path } else { return nil } })
        }
        func reset() { lock.lock(); events = []; lock.unlock() }
    }

    private func waitFor(_ collector: Collector, _ expected: Set<String>, file: StaticString = #filePath, line: UInt = #line) {
        let deadline = Date().addingTimeInterval(5)
        while !expected.isSubset(of: collector.paths) && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        XCTAssertTrue(expected.isSubset(of: collector.paths), "missing \(expected.subtracting(collector.paths)) in \(collector.paths)", file: file, line: line)
    }

    func testEditsRenamesDeletionsAndNewFoldersWithFilesAlreadyInside() throws {
        let temp = TemporaryDirectory()
        let root = temp.path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/content/blog", withIntermediateDirectories: true)
        try "a".write(toFile: root + "/content/blog/a.md", atomically: false, encoding: .utf8)
        try "t".write(toFile: root + "/sitegen.toml", atomically: false, encoding: .utf8)
        let watcher = InotifyWatcher(scope: WatchScope(root: root))
        let collector = Collector()
        try watcher.start { collector.add($0) }
        defer { watcher.stop() }

        // An editor's save: write a temporary file, rename it over the original.
        try "a2".write(toFile: root + "/content/blog/.a.md.tmp", atomically: false, encoding: .utf8)
        try manager.removeItem(atPath: root + "/content/blog/a.md")
        try manager.moveItem(atPath: root + "/content/blog/.a.md.tmp", toPath: root + "/content/blog/a.md")
        waitFor(collector, [root + "/content/blog/a.md"])
        XCTAssertFalse(collector.paths.contains(root + "/content/blog/.a.md.tmp"), "hidden files are not inputs")

        // A folder made elsewhere, filled, and moved in: its files existed before any watch on it.
        collector.reset()
        try manager.createDirectory(atPath: temp.sub("elsewhere/deep"), withIntermediateDirectories: true)
        try "n".write(toFile: temp.sub("elsewhere/deep/n.md"), atomically: false, encoding: .utf8)
        try manager.moveItem(atPath: temp.sub("elsewhere"), toPath: root + "/content/new")
        waitFor(collector, [root + "/content/new/deep/n.md"])
        // ... and it is watched now.
        try "n2".write(toFile: root + "/content/new/deep/n.md", atomically: false, encoding: .utf8)
        try "m".write(toFile: root + "/content/new/deep/m.md", atomically: false, encoding: .utf8)
        waitFor(collector, [root + "/content/new/deep/m.md"])

        // A folder renamed: both names, and later events use the new one.
        collector.reset()
        try manager.moveItem(atPath: root + "/content/new", toPath: root + "/content/renamed")
        waitFor(collector, [root + "/content/new", root + "/content/renamed/deep/n.md"])
        try "n3".write(toFile: root + "/content/renamed/deep/n.md", atomically: false, encoding: .utf8)
        collector.reset()
        try "n4".write(toFile: root + "/content/renamed/deep/n.md", atomically: false, encoding: .utf8)
        waitFor(collector, [root + "/content/renamed/deep/n.md"])
        XCTAssertFalse(collector.paths.contains(root + "/content/new/deep/n.md"))

        // Deletions; a new input folder at the top; the output folder is not watched.
        collector.reset()
        try manager.removeItem(atPath: root + "/content/renamed")
        try manager.createDirectory(atPath: root + "/static", withIntermediateDirectories: true)
        try "s".write(toFile: root + "/static/s.txt", atomically: false, encoding: .utf8)
        try manager.createDirectory(atPath: root + "/public", withIntermediateDirectories: true)
        try "p".write(toFile: root + "/public/index.html", atomically: false, encoding: .utf8)
        try "t2".write(toFile: root + "/sitegen.toml", atomically: false, encoding: .utf8)
        waitFor(collector, [root + "/content/renamed", root + "/static/s.txt", root + "/sitegen.toml"])
        XCTAssertFalse(collector.paths.contains { $0.hasPrefix(root + "/public") })
    }

    func testASymlinkLoopIsWatchedOnce() throws {
        let temp = TemporaryDirectory()
        let root = temp.path
        try FileManager.default.createDirectory(atPath: root + "/content/a", withIntermediateDirectories: true)
        XCTAssertEqual(symlink(root + "/content", root + "/content/a/loop"), 0)
        let watcher = InotifyWatcher(scope: WatchScope(root: root))
        let collector = Collector()
        try watcher.start { collector.add($0) }
        defer { watcher.stop() }
        try "x".write(toFile: root + "/content/a/x.md", atomically: false, encoding: .utf8)
        waitFor(collector, [root + "/content/a/x.md"])
    }
}
#endif
