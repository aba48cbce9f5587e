import Foundation

/// Collects the diagnostics of one build from every thread, so that all of them are reported together and the exit
/// status is decided once, at the end.
public final class DiagnosticsEngine: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Diagnostic] = []
    /// Turns warnings into errors (`--strict`) for the kinds of findings that are warnings only by default.
    public let warningsAsErrors: Bool

    public init(warningsAsErrors: Bool = false) {
        self.warningsAsErrors = warningsAsErrors
    }

    public func emit(_ diagnostic: Diagnostic) {
        lock.lock()
        items.append(diagnostic)
        lock.unlock()
    }

    /// A warning that `--strict` promotes to an error (broken links, missing anchors).
    public func emitStrictable(_ message: String, at location: SourceLocation?, sourceLine: String? = nil) {
        emit(Diagnostic(warningsAsErrors ? .error : .warning, message, at: location, sourceLine: sourceLine))
    }

    public func emit(contentsOf diagnostics: [Diagnostic]) {
        lock.lock()
        items.append(contentsOf: diagnostics)
        lock.unlock()
    }

    /// Every diagnostic so far, in a stable order (by place, then text) whatever order the threads emitted them in.
    public var all: [Diagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return items.sorted { a, b in
            switch (a.location, b.location) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return true
            case (_?, nil): return false
            default: return (a.severity.rawValue, a.message) < (b.severity.rawValue, b.message)
            }
        }
    }

    public var hasErrors: Bool {
        lock.lock()
        defer { lock.unlock() }
        return items.contains { $0.severity == .error }
    }
}
