import Foundation

/// Hands every event to every open event stream, and remembers the state a new stream must start from: the build
/// number, and the errors of the last build if it failed, so a page opened (or reloaded) while the site is broken
/// shows the overlay at once.
public final class ReloadHub: @unchecked Sendable {
    /// Identifies this server process in `hello`, so pages reload when the server was restarted.
    public let serverID: String
    private let lock = NSLock()
    private var streams: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextStream = 0
    private var build = 0
    private var failure: ReloadEvent?

    public init(serverID: String = String(UInt64.random(in: 0...UInt64.max), radix: 36)) {
        self.serverID = serverID
    }

    /// A new stream of SSE text: the preamble, `hello`, the current failure if any, then every event published.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(64))
        lock.lock()
        let id = nextStream
        nextStream += 1
        streams[id] = continuation
        continuation.yield(ServerSentEvents.preamble)
        continuation.yield(ReloadEvent.hello(server: serverID, build: build).serverSentEvent)
        if let failure { continuation.yield(failure.serverSentEvent) }
        lock.unlock()
        continuation.onTermination = { [weak self] _ in self?.remove(id) }
        return stream
    }

    /// Sends `event` to every stream and records it as the current state.
    public func publish(_ event: ReloadEvent) {
        lock.lock()
        switch event {
        case .hello: break
        case .reload(let number, _, _):
            build = number
            failure = nil
        case .buildFailed(let number, _):
            build = number
            failure = event
        }
        let text = event.serverSentEvent
        for continuation in streams.values { continuation.yield(text) }
        lock.unlock()
    }

    /// Sends an SSE comment to every stream; a stream whose page has gone fails its write and is closed.
    public func heartbeat() {
        lock.lock()
        for continuation in streams.values { continuation.yield(ServerSentEvents.heartbeat) }
        lock.unlock()
    }

    /// How many event streams are open.
    public var streamCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return streams.count
    }

    private func remove(_ id: Int) {
        lock.lock()
        streams[id] = nil
        lock.unlock()
    }
}
