import Foundation

/// A live line on stderr naming the build phase, shown only on a terminal and only once a build has taken more than
/// a second, so quick builds and logs stay clean. A timer redraws it, so a long phase still shows time passing.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var phase = "starting"
    private var shown = false
    private var finished = false
    private var timer: DispatchSourceTimer?

    init(enabled: Bool) {
        self.enabled = enabled
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.draw() }
        timer.resume()
        self.timer = timer
    }

    func update(_ phase: String) {
        guard enabled else { return }
        lock.lock()
        self.phase = phase
        lock.unlock()
    }

    private func draw() {
        lock.lock()
        defer { lock.unlock() }
        guard !finished else { return }
        shown = true
        Terminal.status(String(format: "sitegen: %@ (%.1f s)", phase, Date().timeIntervalSince(start)))
    }

    func finish() {
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        finished = true
        if shown { Terminal.clearStatus() }
    }
}
