#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to the terminal: the engine never prints, the commands do, through here. Raw `write(2)` on the standard
/// descriptors keeps output unbuffered and ordered between stdout and stderr.
enum Terminal {
    static func out(_ text: String) { writeAll(STDOUT_FILENO, text + "\n") }

    static func err(_ text: String) { writeAll(STDERR_FILENO, text + "\n") }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    static var colorsEnabled: Bool {
        guard stderrIsTerminal else { return false }
        if let noColor = getenv("NO_COLOR"), noColor.pointee != 0 { return false }
        return true
    }

    /// Rewrites the current stderr line (for the live progress line).
    static func status(_ text: String) { writeAll(STDERR_FILENO, "\r\u{1B}[2K" + text) }

    static func clearStatus() { writeAll(STDERR_FILENO, "\r\u{1B}[2K") }

    private static func writeAll(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
