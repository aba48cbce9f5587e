import Foundation
import SitegenCore

/// Compares a built output folder with a golden folder checked into the repository. With the environment variable
/// `RECORD_GOLDEN=1` the golden folder is rewritten from the actual output instead (as swift-argument-parser's
/// `RECORD_SNAPSHOTS` does), and the comparison is reported as recorded.
public enum GoldenTree {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// nil when `actual` matches the golden folder (or was just recorded); otherwise what differs.
    public static func compare(actual: String, golden: String, fileSystem: FileSystem = LocalFileSystem()) -> String? {
        let actualTree = OutputTree(reading: actual, fileSystem: fileSystem)
        if isRecording {
            try? fileSystem.removeTree(golden)
            for (path, bytes) in actualTree.files { try? fileSystem.writeAtomically(bytes, to: golden + "/" + path) }
            return nil
        }
        let expected = OutputTree(reading: golden, fileSystem: fileSystem)
        if expected.files.isEmpty { return "no golden files at \(golden); run the tests once with RECORD_GOLDEN=1" }
        return expected.difference(from: actualTree).map { "output differs from \(golden) (RECORD_GOLDEN=1 re-records):\n\($0)" }
    }
}
