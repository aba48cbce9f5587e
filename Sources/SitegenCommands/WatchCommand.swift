import ArgumentParser
import Foundation
import SitegenCore
import SitegenServer

/// `sitegen watch [SITE]`: builds, serves the output with live reload, and rebuilds on every change.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build, serve the site on this machine, and rebuild and reload pages on every change.",
        discussion: """
            The site is built into SITE/.sitegen/watch/site (not the output folder of 'sitegen build', whose files \
            and build cache stay as they are), with base_url set to the server's address, and served on \
            http://127.0.0.1:PORT/ with a live reload script added to every HTML page. Each change to sitegen.toml, \
            content/, templates/, assets/, static/ or data/ is one incremental rebuild, then pages reload (a \
            stylesheet change is applied without reloading). A failed build keeps serving the last good output and \
            shows its errors over the page until the file is fixed. Stop with Ctrl-C.
            """
    )

    @Argument(help: "The site folder (the one with sitegen.toml).", completion: .directory)
    var site: String = "."

    @Option(help: "The port to listen on (0: any free port). Default: 8000, or the next free one.")
    var port: UInt16?

    @Option(help: "The address to listen on. Anything but loopback lets other machines read the site.")
    var host: String = "127.0.0.1"

    @Flag(help: "Open the site in the default browser once it is served.")
    var open = false

    @Flag(help: "Look for changes by listing the site twice a second instead of with inotify (network file systems).")
    var poll = false

    @Option(name: [.short, .long], help: "Build into this folder instead of SITE/.sitegen/watch/site.", completion: .directory)
    var output: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Include pages dated in the future.")
    var future = false

    @Flag(help: "Treat broken links and anchors as errors.")
    var strict = false

    @Flag(help: "Write the .br and .gz copies too, to serve exactly what 'sitegen build' writes (slower rebuilds).")
    var compress = false

    @Option(name: [.short, .long], help: "Threads to use (default: one per core).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        signal(SIGPIPE, SIG_IGN)
        let siteDirectory = absolutePath(site)
        guard LocalFileSystem().kind(of: joinPath(siteDirectory, "sitegen.toml")) == .file else {
            Terminal.err("error: no sitegen.toml in '\(displayPath(siteDirectory))': not a sitegen site")
            throw ExitCode(1)
        }
        let outputDirectory = output.map(absolutePath) ?? joinPath(siteDirectory, ".sitegen/watch/site")
        let hub = ReloadHub()
        let responder = StaticSiteResponder(fileSystem: LocalFileSystem(), root: outputDirectory, htmlInjection: LiveReload.snippet)
        let server = DevServer(responder: responder, hub: hub)
        let boundPort = try listen(server)

        var options = BuildOptions(siteDirectory: siteDirectory, outputDirectory: outputDirectory, jobs: jobs ?? 0)
        options.cacheDirectory = joinPath(siteDirectory, ".sitegen/watch/cache")
        options.drafts = drafts
        options.future = future
        options.strict = strict
        // Compression dominates a rebuild's time and a local browser gains nothing from it.
        options.compress = compress
        let shownHost = host.contains(":") ? "[\(host)]" : host
        let url = "http://\(shownHost):\(boundPort)/"
        options.baseURL = url

        let scope = WatchScope(root: siteDirectory, excluded: [outputDirectory, joinPath(siteDirectory, ".sitegen")])
        let session = WatchSession(options: options, scope: scope, hub: hub,
                                   printer: DiagnosticPrinter(pathPrefix: displayPrefix(siteDirectory), colors: Terminal.colorsEnabled))
        let batcher = ChangeBatcher()
        let watcher = startWatcher(scope: scope, batcher: batcher)
        defer { watcher.stop() }

        session.initialBuild()
        Terminal.out("Serving \(displayPath(siteDirectory)) at \(url) with live reload; watching for changes (Ctrl-C to stop)")
        if open { openInBrowser(url) }
        while let batch = batcher.next() {
            session.rebuild(after: batch)
        }
    }

    /// Binds the server: the asked port, or without `--port` the first free one from 8000.
    private func listen(_ server: DevServer) throws -> UInt16 {
        if !Self.isLoopback(host) {
            Terminal.err("warning: listening on \(host), not on loopback: other machines on the network can read the site")
        }
        let candidates: [UInt16] = port.map { [$0] } ?? Array(8000..<8020) + [0]
        for candidate in candidates {
            switch blocking({ () async throws(DevServer.StartError) -> UInt16 in try await server.start(host: host, port: candidate) }) {
            case .success(let bound):
                if port == nil && candidate != 8000 { Terminal.err("Port 8000 is in use; serving on port \(bound) instead.") }
                return bound
            case .failure(.addressInUse) where port == nil:
                continue
            case .failure(.addressInUse):
                Terminal.err("error: port \(candidate) on \(host) is already in use (another 'sitegen watch'?); "
                             + "choose another with --port, or --port 0 for any free port")
                throw ExitCode(1)
            case .failure(let error):
                Terminal.err("error: \(error)")
                throw ExitCode(1)
            }
        }
        Terminal.err("error: no free port found")
        throw ExitCode(1)
    }

    private func startWatcher(scope: WatchScope, batcher: ChangeBatcher) -> any FileWatcher {
        let handler: @Sendable ([WatchEvent]) -> Void = { events in batcher.add(events) }
        #if canImport(Glibc)
        if !poll {
            let watcher = InotifyWatcher(scope: scope)
            do {
                try watcher.start(handler)
                return watcher
            } catch {
                Terminal.err("warning: \(error); looking for changes by polling instead")
            }
        }
        #endif
        let watcher = PollingWatcher(scope: scope)
        try? watcher.start(handler)
        return watcher
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    private func openInBrowser(_ url: String) {
        #if os(macOS)
        let opener = "/usr/bin/open"
        #else
        let opener = "/usr/bin/xdg-open"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            Terminal.err("warning: cannot open a browser (\(opener): \(error)); open \(url) yourself")
        }
    }
}

/// Runs async work to completion from synchronous code (the commands are synchronous; the server is not).
private func blocking<T: Sendable, E: Error>(_ work: @escaping @Sendable () async throws(E) -> T) -> Result<T, E> {
    let done = DispatchSemaphore(value: 0)
    let result = ResultBox<T, E>()
    Task {
        do throws(E) {
            result.value = .success(try await work())
        } catch {
            result.value = .failure(error)
        }
        done.signal()
    }
    done.wait()
    return result.value!
}

/// Written by one task before a semaphore is signalled, read after the wait: the semaphore orders the accesses.
private final class ResultBox<T, E: Error>: @unchecked Sendable {
    var value: Result<T, E>?
}
