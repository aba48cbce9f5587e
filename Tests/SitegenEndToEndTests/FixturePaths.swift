import Foundation

/// Where the fixture sites live, found from this file's path so tests run from any folder.
enum FixturePaths {
    static let fixtures: String = {
        let file = URL(fileURLWithPath: #filePath)
        return file.deletingLastPathComponent().appendingPathComponent("Fixtures").path
    }()

    static let packageRoot: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()

    /// 2026-06-01T00:00:00Z: fixtures are built "on" this day, so future-dated pages do not depend on the real clock.
    static let fixedNow: Int64 = 1_780_272_000
}
