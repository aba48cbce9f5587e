import Foundation
import XCTest
@testable import SitegenCore
import SitegenTestSupport

/// The example site, built for production, served by real nginx and Caddy with the configurations the starter site
/// ships (`deploy/nginx.conf`, `deploy/Caddyfile`, also printed in the deployment docs), on 127.0.0.1, and fetched
/// with curl asking for Brotli, gzip and no encoding.
final class DeployTests: XCTestCase {
    private struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
    }

    private func fetch(_ curl: String, _ url: String, encoding: String?) throws -> Response {
        var arguments = ["-s", "-D", "-", "--max-time", "10"]
        if let encoding { arguments += ["-H", "Accept-Encoding: \(encoding)"] }
        let result = try ExternalTools.run(curl, arguments + [url])
        XCTAssertEqual(result.status, 0, result.stderr)
        // Headers, a blank line, then the body (bytes, possibly compressed).
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let split = (0..<max(0, result.stdout.count - 3)).first(where: { Array(result.stdout[$0..<($0 + 4)]) == separator }) else {
            throw XCTSkip("no HTTP response from \(url)")
        }
        let head = String(decoding: result.stdout[..<split], as: UTF8.self).split(separator: "\r\n")
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        let status = Int(head.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        return Response(status: status, headers: headers, body: Array(result.stdout[(split + 4)...]))
    }

    /// Builds the example site into `temp/public`, and returns the output tree.
    private func buildExampleSite(_ temp: TemporaryDirectory) -> OutputTree {
        var options = BuildOptions(siteDirectory: FixturePaths.packageRoot + "/site", outputDirectory: temp.sub("public"), jobs: 2)
        options.cacheDirectory = temp.sub("cache")
        let report = SiteBuilder().build(options)
        XCTAssertTrue(report.succeeded, report.diagnostics.map(\.description).joined(separator: "\n"))
        return OutputTree(reading: temp.sub("public"))
    }

    /// Fetches pages and assets with each encoding and checks what a browser and a CDN would rely on.
    private func checkServer(at base: String, tree: OutputTree, server: String) throws {
        let curl = try ExternalTools.require("curl", package: "curl")
        let brotli = try ExternalTools.require("brotli", package: "brotli")
        let gzip = try ExternalTools.require("gzip", package: "gzip")
        let stylesheet = try XCTUnwrap(tree.files.keys.first { $0.hasPrefix("css/sitegen.") && $0.hasSuffix(".css") })
        let cases: [(url: String, file: String, type: String, immutable: Bool)] = [
            ("/", "index.html", "text/html", false),
            ("/docs/templates/", "docs/templates/index.html", "text/html", false),
            ("/" + stylesheet, stylesheet, "text/css", true),
            ("/atom.xml", "atom.xml", "xml", false),
        ]
        for item in cases {
            let original = try XCTUnwrap(tree.files[item.file], item.file)
            for encoding in ["br", "gzip", nil] as [String?] {
                let label = "\(server) \(item.url) Accept-Encoding: \(encoding ?? "none")"
                let response = try fetch(curl, base + item.url, encoding: encoding)
                XCTAssertEqual(response.status, 200, label)
                XCTAssertTrue(response.headers["content-type"]?.contains(item.type) ?? false, "\(label): \(response.headers)")
                XCTAssertTrue(response.headers["vary"]?.lowercased().contains("accept-encoding") ?? false, "\(label): \(response.headers)")
                let cacheControl = response.headers["cache-control"] ?? ""
                XCTAssertTrue(item.immutable ? cacheControl.contains("immutable") : cacheControl.contains("no-cache"), "\(label): \(cacheControl)")
                switch encoding {
                case "br":
                    XCTAssertEqual(response.headers["content-encoding"], "br", label)
                    XCTAssertEqual(try ExternalTools.run(brotli, ["-d", "-c"], input: response.body).stdout, original, label)
                case "gzip":
                    XCTAssertEqual(response.headers["content-encoding"], "gzip", label)
                    XCTAssertEqual(try ExternalTools.run(gzip, ["-d", "-c"], input: response.body).stdout, original, label)
                default:
                    XCTAssertNil(response.headers["content-encoding"], label)
                    XCTAssertEqual(response.body, original, label)
                }
            }
        }
        let missing = try fetch(curl, base + "/no/such/page/", encoding: nil)
        XCTAssertEqual(missing.status, 404, server)
        XCTAssertEqual(missing.body, tree.files["404.html"], server)
    }

    func testNginxServesTheBuildWithTheShippedConfiguration() throws {
        let nginx = try ExternalTools.require("nginx", package: "nginx")
        let module = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
        guard FileManager.default.fileExists(atPath: module) else {
            _ = try ExternalTools.require("missing-brotli-static-module", package: "libnginx-mod-http-brotli-static")
            return
        }
        let temp = TemporaryDirectory()
        let tree = buildExampleSite(temp)
        let port = try FreePort.find()
        var server = try XCTUnwrap(StarterSite.files["deploy/nginx.conf"])
        server = server.replacingOccurrences(of: "listen 80;", with: "listen 127.0.0.1:\(port);")
            .replacingOccurrences(of: "root /var/www/example.com/public;", with: "root \(temp.sub("public"));")
        let runAsRoot = getuid() == 0 ? "user root;\n" : ""
        let config = """
            load_module \(module);
            \(runAsRoot)worker_processes 1;
            pid \(temp.sub("nginx.pid"));
            error_log \(temp.sub("error.log"));
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                default_type application/octet-stream;
                access_log off;
                client_body_temp_path \(temp.sub("body"));
                proxy_temp_path \(temp.sub("proxy"));
                fastcgi_temp_path \(temp.sub("fastcgi"));
                uwsgi_temp_path \(temp.sub("uwsgi"));
                scgi_temp_path \(temp.sub("scgi"));
            \(server)
            }
            """
        try config.write(toFile: temp.sub("nginx.conf"), atomically: true, encoding: .utf8)
        try serve(nginx, ["-p", temp.path, "-c", temp.sub("nginx.conf"), "-g", "daemon off;"], port: port) {
            try checkServer(at: "http://127.0.0.1:\(port)", tree: tree, server: "nginx")
        }
    }

    func testCaddyServesTheBuildWithTheShippedConfiguration() throws {
        let caddy = try ExternalTools.require("caddy", package: "caddy")
        let temp = TemporaryDirectory()
        let tree = buildExampleSite(temp)
        let port = try FreePort.find()
        var config = try XCTUnwrap(StarterSite.files["deploy/Caddyfile"])
        config = config.replacingOccurrences(of: "example.com {", with: "{\n    admin off\n    auto_https off\n}\nhttp://127.0.0.1:\(port) {\n    bind 127.0.0.1")
            .replacingOccurrences(of: "root * /var/www/example.com/public", with: "root * \(temp.sub("public"))")
        try config.write(toFile: temp.sub("Caddyfile"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = temp.path
        environment["XDG_DATA_HOME"] = temp.sub("xdg-data")
        environment["XDG_CONFIG_HOME"] = temp.sub("xdg-config")
        try serve(caddy, ["run", "--config", temp.sub("Caddyfile"), "--adapter", "caddyfile"], environment: environment, port: port) {
            try checkServer(at: "http://127.0.0.1:\(port)", tree: tree, server: "Caddy")
        }
    }

    /// Runs a server in the foreground while `body` talks to it on `port`, then stops it.
    private func serve(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, port: Int,
                       _ body: () throws -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        try FreePort.waitUntilListening(port)
        try body()
    }

    /// The configurations the docs show are the ones tested here.
    func testTheDeploymentDocsShowTheTestedConfigurations() throws {
        let docs = try String(contentsOfFile: FixturePaths.packageRoot + "/site/content/docs/deployment.md", encoding: .utf8)
        for name in ["deploy/nginx.conf", "deploy/Caddyfile"] {
            let file = try XCTUnwrap(StarterSite.files[name])
            XCTAssertTrue(docs.contains(file), "site/content/docs/deployment.md must show \(name) of the starter site exactly")
        }
    }
}

/// A TCP port on 127.0.0.1 that nothing listens on, and a wait for a server to take it.
enum FreePort {
    static func find() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw XCTSkip("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitUntilListening(_ port: Int, seconds: Double = 10) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            close(fd)
            if connected { return }
            usleep(50_000)
        }
        XCTFail("nothing listens on 127.0.0.1:\(port) after \(seconds) s")
        throw XCTSkip("server did not start")
    }
}
