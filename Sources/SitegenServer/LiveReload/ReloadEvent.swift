import Foundation
import SitegenCore

/// What the server tells open pages, as Server-Sent Events on `LiveReload.eventsPath`. Sent only after a build has
/// finished writing, so a page that reloads finds the new output.
public enum ReloadEvent: Hashable, Sendable {
    /// First event of every connection: which server and which build the page is talking to. A page that sees the
    /// server or the build change across a reconnection reloads, so nothing missed while disconnected stays stale.
    case hello(server: String, build: Int)
    /// A build succeeded and wrote something: only stylesheets (`stylesheetsOnly`) or anything.
    case reload(build: Int, stylesheetsOnly: Bool, changed: [String])
    /// A build failed: its errors, for the overlay. The previous output is still what is served.
    case buildFailed(build: Int, errors: [Diagnostic])

    /// The SSE event name (`error` is avoided: `EventSource` uses it for connection errors).
    public var name: String {
        switch self {
        case .hello: return "hello"
        case .reload: return "reload"
        case .buildFailed: return "build-failed"
        }
    }

    /// The event as SSE text: `event:` and one `data:` line of JSON, then a blank line.
    public var serverSentEvent: String {
        "event: \(name)\ndata: \(json)\n\n"
    }

    /// The data of the event, as compact JSON with sorted keys (one line: JSON strings escape their newlines).
    public var json: String {
        let payload: Payload
        switch self {
        case .hello(let server, let build):
            payload = Payload(build: build, server: server)
        case .reload(let build, let stylesheetsOnly, let changed):
            payload = Payload(build: build, css: stylesheetsOnly, changed: changed)
        case .buildFailed(let build, let errors):
            payload = Payload(build: build, errors: errors.map(OverlayError.init))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(payload)) ?? Data("{}".utf8), as: UTF8.self)
    }

    private struct Payload: Encodable {
        var build: Int
        var server: String?
        var css: Bool?
        var changed: [String]?
        var errors: [OverlayError]?
    }

    /// One error as the overlay shows it: `path:line:column`, the message, the source line and the caret's column.
    struct OverlayError: Encodable {
        var location: String?
        var severity: String
        var message: String
        var source: String?
        var column: Int?

        init(_ diagnostic: Diagnostic) {
            location = diagnostic.location?.description
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            source = diagnostic.sourceLine
            column = diagnostic.location?.column
        }
    }
}

/// SSE framing that is not an event.
public enum ServerSentEvents {
    /// A comment line, sent now and then so a connection whose page has gone is noticed (the write fails).
    public static let heartbeat = ": keep-alive\n\n"
    /// First bytes of a stream: how soon `EventSource` reconnects after the server goes away (milliseconds).
    public static let preamble = "retry: 500\n\n"
}
