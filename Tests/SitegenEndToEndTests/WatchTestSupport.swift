import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// A running `sitegen watch` on a free port: its URL once it says it is serving, and what it printed.
final class WatchProcess {
    let process = Process()
    private let output = Captured()
    private let errors = Captured()
    private(set) var port: UInt16 = 0

    /// Starts the binary beside the test bundle and waits (up to 30 s) for its "Serving ... at URL" line.
    init(arguments: [String], in directory: String) throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: executable), "missing \(executable): build the package first")
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["watch"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        output.drain(out.fileHandleForReading)
        errors.drain(err.fileHandleForReading)
        guard let line = output.waitForLine(containing: "Serving", timeout: 30),
              let portText = line.split(separator: ":").last?.prefix(while: \.isNumber), let port = UInt16(portText) else {
            stop()
            throw StartFailure(message: "sitegen watch did not start: \(stderr)")
        }
        self.port = port
    }

    struct StartFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    var stdout: String { output.text }
    var stderr: String { errors.text }

    /// Waits until stderr has a line containing `text` (each rebuild prints one).
    @discardableResult
    func waitForStderr(_ text: String, timeout: TimeInterval = 10) -> String? {
        errors.waitForLine(containing: text, timeout: timeout)
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// Bytes read from a pipe on a background thread, searchable while the process runs.
    final class Captured: @unchecked Sendable {
        private let condition = NSCondition()
        private var data = Data()

        var text: String {
            condition.lock()
            defer { condition.unlock() }
            return String(decoding: data, as: UTF8.self)
        }

        func drain(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                while true {
                    let chunk = handle.availableData
                    condition.lock()
                    data.append(chunk)
                    condition.broadcast()
                    condition.unlock()
                    if chunk.isEmpty { return }
                }
            }
        }

        func waitForLine(containing needle: String, timeout: TimeInterval) -> String? {
            let deadline = Date().addingTimeInterval(timeout)
            condition.lock()
            defer { condition.unlock() }
            while true {
                let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
                if let line = lines.first(where: { $0.contains(needle) }) { return String(line) }
                if !condition.wait(until: deadline) { return nil }
            }
        }
    }
}

/// HTTP/1.1 over a plain socket, so a test sends exactly the target it means (`/%2e%2e/...` stays as written; URL
/// types would normalize it away).
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    static func connect(port: UInt16) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    static func request(port: UInt16, _ method: String = "GET", _ target: String, headers: [String: String] = [:],
                        body: String? = nil) throws -> Response {
        let fd = try connect(port: port)
        defer { close(fd) }
        var head = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n" }
        send(fd, head + "\r\n" + (body ?? ""))
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        // Until the server closes, or the body has its Content-Length (some servers keep the connection open).
        while !isComplete(data) {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[..<count]
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw POSIXError(.EBADMSG) }
        let lines = text[..<split.lowerBound].split(separator: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: fields, body: String(text[split.upperBound...]))
    }

    private static func isComplete(_ data: [UInt8]) -> Bool {
        guard let end = data.firstRange(of: Array("\r\n\r\n".utf8)) else { return false }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
              let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return false }
        return data.count - end.upperBound >= length
    }

    static func get(port: UInt16, _ target: String) -> Response? {
        try? request(port: port, "GET", target)
    }
}

/// Reads `/_sitegen/events` on a background thread, undoing the chunked encoding, and collects the events.
final class EventStreamReader: @unchecked Sendable {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    private let fd: Int32
    private let condition = NSCondition()
    private var events: [Event] = []
    private var consumed = 0
    private var closed = false
    private var finished = false

    init(port: UInt16) throws {
        fd = try RawHTTP.connect(port: port)
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        RawHTTP.send(fd, "GET /_sitegen/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        Thread.detachNewThread { [self] in read() }
    }

    /// Ends the stream; the reading thread closes the socket.
    func close() {
        condition.lock()
        closed = true
        if !finished { shutdown(fd, Int32(SHUT_RDWR)) }
        condition.unlock()
    }

    /// The next event not yet returned, waiting up to `timeout`; nil when none came.
    func next(timeout: TimeInterval = 10) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while consumed >= events.count {
            if !condition.wait(until: deadline) { return nil }
        }
        consumed += 1
        return events[consumed - 1]
    }

    /// The next event named `name`, skipping others; nil when none came within `timeout`.
    func next(named name: String, timeout: TimeInterval = 10) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while let event = next(timeout: max(0, deadline.timeIntervalSinceNow)) {
            if event.name == name { return event }
        }
        return nil
    }

    /// Events that arrived and were not returned yet, without waiting.
    func pending(waiting seconds: TimeInterval = 0) -> [Event] {
        Thread.sleep(forTimeInterval: seconds)
        condition.lock()
        defer { condition.unlock() }
        let rest = Array(events[consumed...])
        consumed = events.count
        return rest
    }

    private func read() {
        var raw = [UInt8]()
        var headerDone = false
        var payload = ""
        var buffer = [UInt8](repeating: 0, count: 16384)
        while true {
            condition.lock()
            let stop = closed
            condition.unlock()
            if stop { break }
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { break }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                break
            }
            raw += buffer[..<count]
            if !headerDone {
                guard let end = raw.firstRange(of: Array("\r\n\r\n".utf8)) else { continue }
                raw.removeSubrange(..<end.upperBound)
                headerDone = true
            }
            // Chunks: "<hex size>\r\n<bytes>\r\n".
            while let lineEnd = raw.firstRange(of: Array("\r\n".utf8)),
                  let size = Int(String(decoding: raw[..<lineEnd.lowerBound], as: UTF8.self), radix: 16),
                  raw.count >= lineEnd.upperBound + size + 2 {
                payload += String(decoding: raw[lineEnd.upperBound..<(lineEnd.upperBound + size)], as: UTF8.self)
                raw.removeSubrange(..<(lineEnd.upperBound + size + 2))
            }
            while let end = payload.range(of: "\n\n") {
                let block = payload[..<end.lowerBound]
                payload.removeSubrange(..<end.upperBound)
                var name = "message"
                var data: [Substring] = []
                for line in block.split(separator: "\n") {
                    if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                    if line.hasPrefix("data: ") { data.append(line.dropFirst(6)) }
                }
                guard !data.isEmpty else { continue }  // retry: and comments
                condition.lock()
                events.append(Event(name: name, data: data.joined(separator: "\n")))
                condition.broadcast()
                condition.unlock()
            }
        }
        condition.lock()
        finished = true
        Glibc.close(fd)
        condition.broadcast()
        condition.unlock()
    }
}
