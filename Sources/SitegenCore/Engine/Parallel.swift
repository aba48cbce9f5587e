import Dispatch

/// Maps `items` on up to `jobs` threads and returns the results in the input order, so parallel work never changes
/// what the build produces.
///
/// Each index is claimed by exactly one worker through an atomic counter and written to its own result slot, which
/// is why the captures may be shared across threads without further locking (hence the unchecked box).
func parallelMap<T, R>(_ items: [T], jobs: Int, _ transform: (T) -> R) -> [R] {
    if items.isEmpty { return [] }
    if jobs <= 1 || items.count == 1 { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let shared = UncheckedSendable((items, results, transform))
        let next = AtomicCounter()
        DispatchQueue.concurrentPerform(iterations: min(jobs, items.count)) { _ in
            let (items, results, transform) = shared.value
            while true {
                let index = next.next() - 1
                if index >= items.count { break }
                results[index] = transform(items[index])
            }
        }
        return results.map { $0! }
    }
}

/// Carries a value into a `@Sendable` closure when the caller guarantees the accesses do not race.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
