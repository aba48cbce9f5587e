import FlyingSocks

/// An endless response body: each SSE text the hub yields becomes one chunk of a chunked response, written as soon
/// as it is yielded. The body ends when the stream does; a write to a page that has gone fails and closes it.
struct EventStreamBody: AsyncBufferedSequence {
    typealias Element = UInt8
    let stream: AsyncStream<String>

    func makeAsyncIterator() -> Iterator { Iterator(base: stream.makeAsyncIterator()) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<String>.Iterator
        var pending: ArraySlice<UInt8> = []

        mutating func next() async -> UInt8? {
            guard await fill() else { return nil }
            return pending.popFirst()
        }

        mutating func nextBuffer(suggested count: Int) async -> ArraySlice<UInt8>? {
            guard await fill() else { return nil }
            let taken = pending.prefix(Swift.max(1, count))
            pending = pending.dropFirst(taken.count)
            return taken
        }

        /// Waits for the next event when nothing is pending; false once the stream has ended.
        private mutating func fill() async -> Bool {
            while pending.isEmpty {
                guard let text = await base.next() else { return false }
                pending = Array(text.utf8)[...]
            }
            return true
        }
    }
}
