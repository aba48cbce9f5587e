import Foundation
import XCTest

/// Command-line tools that tests use as independent judges (`brotli`, `gzip`, `openssl`, `nginx`, `curl`).
///
/// `.ci/run` installs them, so in CI (the `CI` environment variable set) a missing tool is a failure; on a developer's
/// machine the test is skipped with a message naming the package.
enum ExternalTools {
    static func require(_ name: String, package: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin", "/usr/sbin", "/sbin"] {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        if ProcessInfo.processInfo.environment["CI"] != nil {
            XCTFail("'\(name)' is not installed; .ci/run must install the Debian package \(package)", file: file, line: line)
            throw XCTSkip("missing \(name)")
        }
        throw XCTSkip("'\(name)' is not installed (Debian package \(package))")
    }

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
    }

    /// Runs a tool to completion, feeding `input` on stdin.
    static func run(_ tool: String, _ arguments: [String], input: [UInt8]? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        let stdin = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = stdin
        try process.run()
        let writer = Thread {
            if let input { stdin.fileHandleForWriting.write(Data(input)) }
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let errorData = Atomic()
        let errorReader = Thread { errorData.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while errorData.data == nil { usleep(1000) }
        return Result(status: process.terminationStatus, stdout: [UInt8](out), stderr: String(decoding: errorData.data ?? Data(), as: UTF8.self))
    }

    private final class Atomic: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Data?
        var data: Data? {
            get { lock.lock(); defer { lock.unlock() }; return value }
            set { lock.lock(); value = newValue; lock.unlock() }
        }
    }
}
