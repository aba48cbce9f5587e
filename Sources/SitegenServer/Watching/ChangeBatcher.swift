import Foundation

/// Turns a watcher's events into rebuilds: editors save in bursts (a temporary file renamed over the original, a
/// swap file, a backup, several writes), so the first event starts a short quiet window that every further event
/// extends, up to a cap; then the whole batch is one rebuild. Events that arrive while a build runs wait for the
/// next batch, so nothing is lost and builds never overlap.
public final class ChangeBatcher: @unchecked Sendable {
    /// One rebuild's worth of changes.
    public struct Batch: Equatable, Sendable {
        /// The absolute paths that changed, sorted.
        public var paths: [String]
        /// Some events were lost: look at everything.
        public var overflow: Bool
    }

    private let condition = NSCondition()
    private var paths: Set<String> = []
    private var overflow = false
    private var firstEvent: Date?
    private var lastEvent: Date?
    private var closed = false
    /// How long no event must arrive before the batch is taken.
    public let quiet: TimeInterval
    /// The longest a batch waits after its first event, so a file written continuously still gets built.
    public let maximumDelay: TimeInterval

    public init(quiet: TimeInterval = 0.02, maximumDelay: TimeInterval = 0.5) {
        self.quiet = quiet
        self.maximumDelay = maximumDelay
    }

    /// Adds events (any thread).
    public func add(_ events: [WatchEvent]) {
        guard !events.isEmpty else { return }
        condition.lock()
        for event in events {
            switch event {
            case .changed(let path): paths.insert(path)
            case .overflow: overflow = true
            }
        }
        let now = Date()
        if firstEvent == nil { firstEvent = now }
        lastEvent = now
        condition.signal()
        condition.unlock()
    }

    /// Blocks until a batch is due and returns it; nil once `close()` was called.
    public func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if closed { return nil }
            guard let first = firstEvent, let last = lastEvent else {
                condition.wait()
                continue
            }
            let due = min(last.addingTimeInterval(quiet), first.addingTimeInterval(maximumDelay))
            if Date() >= due {
                let batch = Batch(paths: paths.sorted(), overflow: overflow)
                paths = []
                overflow = false
                firstEvent = nil
                lastEvent = nil
                return batch
            }
            _ = condition.wait(until: due)
        }
    }

    /// Wakes `next()` for good.
    public func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
