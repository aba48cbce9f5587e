import XCTest
import SitegenCore
import SitegenTestSupport
@testable import SitegenServer

final class StaticSiteResponderTests: XCTestCase {
    private let root = "/site/out"

    private func makeFileSystem() -> InMemoryFileSystem {
        let fileSystem = InMemoryFileSystem(root: root, files: [
            "index.html": "<html><body><h1>Home</h1></body></html>",
            "docs/index.html": "<html><BODY>Docs</BODY></html>",
            "docs/empty/.keep": "",
            "404.html": "<html><body>Lost</body></html>",
            "css/site.css": "body { color: red }",
            "css/site.css.br": "BROTLI",
            "css/site.css.gz": "GZIP",
            "atom.xml": "<feed/>",
            "img/a b.svg": "<svg/>",
            "data.unknownext": "x",
        ])
        try! fileSystem.write("secret", to: "/site/sitegen.toml")
        try! fileSystem.write("<html><body>Compressed</body></html>", to: root + "/z/index.html")
        try! fileSystem.write("BR-HTML", to: root + "/z/index.html.br")
        return fileSystem
    }

    private func respond(_ target: String, method: String = "GET", acceptEncoding: String? = nil, ifNoneMatch: String? = nil,
                         injection: String? = "<script>live</script>", fileSystem: InMemoryFileSystem? = nil) -> SiteResponse {
        let responder = StaticSiteResponder(fileSystem: fileSystem ?? makeFileSystem(), root: root, htmlInjection: injection)
        return responder.respond(to: SiteRequest(method: method, target: target, acceptEncoding: acceptEncoding, ifNoneMatch: ifNoneMatch))
    }

    private func text(_ response: SiteResponse) -> String { String(decoding: response.body, as: UTF8.self) }

    func testFoldersServeTheirIndexWithTheScriptBeforeTheClosingBodyTag() {
        let home = respond("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertEqual(home.header("Content-Type"), "text/html; charset=utf-8")
        XCTAssertEqual(text(home), "<html><body><h1>Home</h1><script>live</script></body></html>")
        XCTAssertEqual(text(respond("/docs/")), "<html><BODY>Docs<script>live</script></BODY></html>")
        XCTAssertEqual(text(respond("/index.html", injection: nil)), "<html><body><h1>Home</h1></body></html>")
    }

    func testAFolderWithoutItsSlashIsRedirectedKeepingTheQuery() {
        let response = respond("/docs?x=1")
        XCTAssertEqual(response.status, 301)
        XCTAssertEqual(response.header("Location"), "/docs/?x=1")
        XCTAssertEqual(respond("//docs").header("Location"), "/docs/", "never a protocol-relative //host redirect")
    }

    func testMissingFilesAndFoldersWithoutIndexGetTheSite404PageWithStatus404AndNoListing() {
        for target in ["/nope", "/docs/empty/", "/css/"] {
            let response = respond(target)
            XCTAssertEqual(response.status, 404, target)
            XCTAssertEqual(text(response), "<html><body>Lost<script>live</script></body></html>", target)
        }
        let fileSystem = makeFileSystem()
        try! fileSystem.removeFile(root + "/404.html")
        let plain = respond("/nope", injection: nil, fileSystem: fileSystem)
        XCTAssertEqual(plain.status, 404)
        XCTAssertEqual(plain.header("Content-Type"), "text/plain; charset=utf-8")
        let bare = respond("/nope", fileSystem: fileSystem)
        XCTAssertEqual(bare.status, 404)
        XCTAssertEqual(bare.header("Content-Type"), "text/html; charset=utf-8")
        XCTAssertTrue(text(bare).contains("<script>live</script>"), "the script, so a fixed first build reloads the page")
    }

    func testNothingOutsideTheOutputFolderIsServed() {
        let fileSystem = makeFileSystem()
        fileSystem.addSymlink(at: root + "/leak.toml", pointingTo: "/site/sitegen.toml")
        fileSystem.addSymlink(at: root + "/up", pointingTo: "/site")
        fileSystem.addSymlink(at: root + "/inside.css", pointingTo: root + "/css/site.css")
        XCTAssertEqual(respond("/leak.toml", fileSystem: fileSystem).status, 404)
        XCTAssertEqual(respond("/up/sitegen.toml", fileSystem: fileSystem).status, 404)
        XCTAssertEqual(respond("/inside.css", fileSystem: fileSystem).status, 200, "a link that stays inside is fine")
        for target in ["/../sitegen.toml", "/%2e%2e/sitegen.toml", "/..%2fsitegen.toml", "/%2e%2e%2fsitegen.toml", "/css/..%5c..%5csitegen.toml"] {
            XCTAssertEqual(respond(target, fileSystem: fileSystem).status, 400, target)
        }
    }

    func testContentTypes() {
        XCTAssertEqual(respond("/css/site.css").header("Content-Type"), "text/css; charset=utf-8")
        XCTAssertEqual(respond("/atom.xml").header("Content-Type"), "application/xml; charset=utf-8")
        XCTAssertEqual(respond("/img/a%20b.svg").header("Content-Type"), "image/svg+xml")
        XCTAssertEqual(respond("/data.unknownext").header("Content-Type"), "application/octet-stream")
        XCTAssertEqual(ContentTypes.forPath("fonts/x.WOFF2"), "font/woff2")
        XCTAssertEqual(ContentTypes.forPath(".hidden"), "application/octet-stream")
    }

    func testETagAndIfNoneMatch() {
        let first = respond("/css/site.css")
        let etag = try! XCTUnwrap(first.header("ETag"))
        XCTAssertTrue(etag.hasPrefix("\"") && etag.hasSuffix("\""))
        let again = respond("/css/site.css", ifNoneMatch: etag)
        XCTAssertEqual(again.status, 304)
        XCTAssertEqual(again.body, [])
        XCTAssertEqual(again.header("ETag"), etag)
        XCTAssertEqual(respond("/css/site.css", ifNoneMatch: "\"other\", W/\(etag)").status, 304)
        XCTAssertEqual(respond("/css/site.css", ifNoneMatch: "*").status, 304)
        XCTAssertEqual(respond("/css/site.css", ifNoneMatch: "\"other\"").status, 200)
        XCTAssertNotEqual(respond("/").header("ETag"), respond("/", injection: nil).header("ETag"), "the script is part of the tag")
        XCTAssertEqual(respond("/nope", ifNoneMatch: "*").status, 404, "a 404 page is never a 304")
    }

    func testHeadHasTheHeadersOfGetAndNoBody() {
        let get = respond("/css/site.css")
        let head = respond("/css/site.css", method: "HEAD")
        XCTAssertEqual(head.status, 200)
        XCTAssertEqual(head.body, [])
        XCTAssertEqual(head.contentLength, get.body.count)
        XCTAssertEqual(head.header("ETag"), get.header("ETag"))
        XCTAssertEqual(respond("/nope", method: "HEAD").status, 404)
        let post = respond("/", method: "POST")
        XCTAssertEqual(post.status, 405)
        XCTAssertEqual(post.header("Allow"), "GET, HEAD")
    }

    func testPrecompressedSiblingsAreSentWhenAcceptedWithVary() {
        let brotli = respond("/css/site.css", acceptEncoding: "gzip, deflate, br")
        XCTAssertEqual(brotli.header("Content-Encoding"), "br")
        XCTAssertEqual(text(brotli), "BROTLI")
        XCTAssertEqual(brotli.header("Vary"), "Accept-Encoding")
        XCTAssertEqual(brotli.header("Content-Type"), "text/css; charset=utf-8")
        XCTAssertEqual(text(respond("/css/site.css", acceptEncoding: "gzip;q=0.5, br;q=0")), "GZIP")
        let identity = respond("/css/site.css")
        XCTAssertNil(identity.header("Content-Encoding"))
        XCTAssertEqual(identity.header("Vary"), "Accept-Encoding")
        XCTAssertEqual(text(identity), "body { color: red }")
        XCTAssertNil(respond("/atom.xml", acceptEncoding: "br").header("Vary"), "no sibling, nothing varies")
    }

    func testHTMLWithTheScriptIgnoresCompressedSiblingsAndWithoutItUsesThem() {
        let injected = respond("/z/", acceptEncoding: "br")
        XCTAssertNil(injected.header("Content-Encoding"))
        XCTAssertTrue(text(injected).contains("<script>live</script>"))
        let plain = respond("/z/", acceptEncoding: "br", injection: nil)
        XCTAssertEqual(plain.header("Content-Encoding"), "br")
        XCTAssertEqual(text(plain), "BR-HTML")
    }

    func testASiteNotBuiltYetIs404WithTheScript() {
        let responder = StaticSiteResponder(fileSystem: InMemoryFileSystem(), root: root, htmlInjection: "<script>live</script>")
        let response = responder.respond(to: SiteRequest(method: "GET", target: "/"))
        XCTAssertEqual(response.status, 404)
        XCTAssertTrue(String(decoding: response.body, as: UTF8.self).contains("<script>live</script>"))
    }

    func testInjectionGoesBeforeTheLastClosingBodyOrAtTheEnd() {
        XCTAssertEqual(String(decoding: HTMLInjection.insert("S", into: Array("<p>x</p>".utf8)), as: UTF8.self), "<p>x</p>S")
        XCTAssertEqual(String(decoding: HTMLInjection.insert("S", into: Array("a</body>b</Body >".utf8)), as: UTF8.self), "a</body>bS</Body >")
    }

    func testAcceptEncodingParsing() {
        XCTAssertEqual(AcceptEncoding.accepted("gzip, br;q=0.9, zstd;q=0, *;q=0"), ["gzip", "br"])
        XCTAssertEqual(AcceptEncoding.accepted(nil), [])
        XCTAssertEqual(AcceptEncoding.accepted("BR"), ["br"])
    }
}
