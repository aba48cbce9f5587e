import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The socket shell of `sitegen watch`: FlyingFox accepts connections and parses HTTP/1.1; every request but the
/// event stream goes to `StaticSiteResponder.respond(to:)`, and the answer is copied into FlyingFox's response.
public final class DevServer: Sendable {
    /// Why the server could not start.
    public enum StartError: Error, Equatable, CustomStringConvertible {
        case addressInUse(host: String, port: UInt16)
        case badHost(String)
        case failed(String)

        public var description: String {
            switch self {
            case .addressInUse(let host, let port): return "\(host):\(port) is already in use"
            case .badHost(let host): return "'\(host)' is not an IP address or 'localhost'"
            case .failed(let reason): return reason
            }
        }
    }

    /// Answers every request but the event stream.
    public let responder: StaticSiteResponder
    /// The live reload events; nil serves the site without the event stream.
    public let hub: ReloadHub?
    private let server = Locked<HTTPServer?>(nil)

    public init(responder: StaticSiteResponder, hub: ReloadHub?) {
        self.responder = responder
        self.hub = hub
    }

    /// Binds `host:port` (port 0: any free port), starts serving in the background, and returns the bound port.
    public func start(host: String, port: UInt16) async throws(StartError) -> UInt16 {
        let address: any SocketAddress
        let ip = host == "localhost" ? "127.0.0.1" : host
        do {
            address = ip.contains(":") ? try sockaddr_in6.inet6(ip6: ip, port: port) : try sockaddr_in.inet(ip4: ip, port: port)
        } catch {
            throw .badHost(host)
        }
        let handler = Handler(responder: responder, hub: hub)
        let server = HTTPServer(config: HTTPServer.Configuration(address: address, timeout: 30, logger: .disabled), handler: handler)
        let failure = Locked<(any Error)?>(nil)
        Task {
            do { try await server.run() } catch { failure.set(error) }
        }
        for _ in 0..<500 {
            if await server.isListening, let bound = Self.port(of: await server.listeningAddress) {
                self.server.set(server)
                startHeartbeat()
                return bound
            }
            if let error = failure.get() {
                if case SocketError.failed(_, let code, _) = error, code == EADDRINUSE { throw .addressInUse(host: host, port: port) }
                throw .failed("cannot listen on \(host):\(port): \(error.localizedDescription)")
            }
            try? await Task.sleep(nanoseconds: 10_000_000)
        }
        throw .failed("the server did not start listening on \(host):\(port) within 5 s")
    }

    private static func port(of address: Socket.Address?) -> UInt16? {
        switch address {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return nil
        }
    }

    /// Closes the listening socket.
    public func stop() async {
        await server.get()?.stop(timeout: 0)
    }

    /// A comment on every event stream every 15 s, so streams of closed pages are noticed and closed.
    private func startHeartbeat() {
        guard let hub else { return }
        Task.detached {
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 15_000_000_000)
                hub.heartbeat()
            }
        }
    }

    private struct Handler: HTTPHandler {
        let responder: StaticSiteResponder
        let hub: ReloadHub?

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            let rawPath = request.target.path(percentEncoded: true)
            if let hub, rawPath == LiveReload.eventsPath, request.method == .GET {
                return HTTPResponse(statusCode: .ok,
                                    headers: [.contentType: "text/event-stream", .cacheControl: "no-cache"],
                                    body: HTTPBodySequence(from: EventStreamBody(stream: hub.subscribe())))
            }
            let query = request.target.query(percentEncoded: true)
            let siteRequest = SiteRequest(method: request.method.rawValue, target: query.isEmpty ? rawPath : rawPath + "?" + query,
                                          acceptEncoding: request.headers[HTTPHeader("Accept-Encoding")],
                                          ifNoneMatch: request.headers[.ifNoneMatch])
            let answer = responder.respond(to: siteRequest)
            var headers = HTTPHeaders()
            for (name, value) in answer.headers { headers.addValue(value, for: HTTPHeader(name)) }
            if answer.body.count != answer.contentLength || answer.status == 304 {
                headers[.contentLength] = String(answer.contentLength)
            }
            return HTTPResponse(statusCode: HTTPStatusCode(answer.status, phrase: Self.phrase(answer.status)),
                                headers: headers, body: Data(answer.body))
        }

        static func phrase(_ status: Int) -> String {
            switch status {
            case 200: return "OK"
            case 301: return "Moved Permanently"
            case 304: return "Not Modified"
            case 400: return "Bad Request"
            case 404: return "Not Found"
            case 405: return "Method Not Allowed"
            default: return "Internal Server Error"
            }
        }
    }
}

/// A value shared across tasks behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func get() -> Value {
        lock.lock()
        defer { lock.unlock() }
        return value
    }

    func set(_ newValue: Value) {
        lock.lock()
        value = newValue
        lock.unlock()
    }
}
