import XCTest
@testable import SitegenCore
import SitegenTestSupport

/// Every kind of bad input gets a located diagnostic, all of them are reported together, the build fails, and the
/// previous output (and the list of outputs the next build may delete) stays exactly as it was.
final class BadInputTests: XCTestCase {
    /// A small site that builds cleanly, with one-line templates so these tests do not depend on the theme.
    static let goodSite = """
        -- sitegen.toml --
        title = "T"
        base_url = "https://example.com"
        -- content/_index.md --
        ---
        title: Home
        ---
        Home.
        -- content/a.md --
        ---
        title: A
        date: 2026-01-01
        ---
        Body of A, see [B](b.md).
        -- content/b.md --
        ---
        title: B
        ---
        ## Part one
        Body of B.
        -- templates/page.mustache --
        <h1>{{page.title}}</h1>{{{page.content}}}
        -- templates/home.mustache --
        {{#section}}{{title}}{{#pages}} {{title}}{{/pages}}{{/section}}
        -- templates/section.mustache --
        {{section.title}}
        -- templates/taxonomy.mustache --
        {{taxonomy.name}}
        -- templates/term.mustache --
        {{term.name}}
        -- templates/404.mustache --
        404
        -- templates/atom.mustache --
        <feed>{{feed.title}}</feed>
        -- templates/sitemap.mustache --
        <urlset>{{#sitemap.entries}}{{permalink}} {{/sitemap.entries}}</urlset>
        -- templates/robots.mustache --
        Sitemap: {{robots.sitemap_url}}
        -- templates/alias.mustache --
        {{alias.target_url}}
        """

    /// The diagnostics of a build of the good site after `change`, checking that the build failed and changed nothing.
    private func diagnosticsAfterBreaking(_ change: (String, FileSystem) throws -> Void, strict: Bool = false,
                                          fileSystem: FileSystem = LocalFileSystem(), root: String? = nil,
                                          file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let temp = TemporaryDirectory()
        let site = root ?? temp.sub("site")
        try InlineFixture.write(Self.goodSite, to: site, fileSystem: fileSystem)
        var options = BuildOptions(siteDirectory: site, jobs: 2)
        options.compress = false
        options.now = FixturePaths.fixedNow
        options.strict = strict
        let first = SiteBuilder(fileSystem: fileSystem).build(options)
        XCTAssertTrue(first.succeeded, first.diagnostics.map(\.description).joined(separator: "\n"), file: file, line: line)
        XCTAssertEqual(first.diagnostics.map(\.description), [], file: file, line: line)
        let before = OutputTree(reading: site + "/public", fileSystem: fileSystem)
        let manifest = try fileSystem.read(site + "/.sitegen/graph.bin")
        XCTAssertFalse(before.files.isEmpty, file: file, line: line)

        try change(site, fileSystem)
        let second = SiteBuilder(fileSystem: fileSystem).build(options)
        XCTAssertFalse(second.succeeded, "the build should fail", file: file, line: line)
        XCTAssertGreaterThan(second.errorCount, 0, file: file, line: line)
        XCTAssertNil(before.difference(from: OutputTree(reading: site + "/public", fileSystem: fileSystem)),
                     "a failed build must leave the previous output as it was", file: file, line: line)
        XCTAssertEqual(try fileSystem.read(site + "/.sitegen/graph.bin"), manifest, file: file, line: line)
        return second.diagnostics.map(\.description)
    }

    private func write(_ text: String, _ path: String) -> (String, FileSystem) throws -> Void {
        { site, fs in try fs.writeAtomically(Array(text.utf8), to: site + "/" + path) }
    }

    private func writeBytes(_ bytes: [UInt8], _ path: String) -> (String, FileSystem) throws -> Void {
        { site, fs in try fs.writeAtomically(bytes, to: site + "/" + path) }
    }

    func testMalformedYAMLFrontMatter() throws {
        let found = try diagnosticsAfterBreaking(write("---\ntitle: A\ntags: [one, two\n---\nBody\n", "content/a.md"))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("content/a.md:"), found[0])
        XCTAssertTrue(found[0].contains(": error: invalid YAML front matter: "), found[0])
    }

    func testMalformedTOMLFrontMatter() throws {
        let found = try diagnosticsAfterBreaking(write("+++\ntitle = \"A\"\ndate = 2026-01-01\nweight = = 3\n+++\nBody\n", "content/a.md"))
        XCTAssertEqual(found.count, 1)
        XCTAssertTrue(found[0].hasPrefix("content/a.md:4:"), found[0])
        XCTAssertTrue(found[0].contains(": error: invalid TOML front matter: "), found[0])
    }

    func testUnclosedFrontMatter() throws {
        XCTAssertEqual(try diagnosticsAfterBreaking(write("---\ntitle: A\nBody\n", "content/a.md")),
                       ["content/a.md:1:1: error: front matter starting with '---' is not closed by a '---' line"])
    }

    func testWrongFrontMatterTypesAreReportedAtTheirKeys() throws {
        let text = "---\ntitle: [not, a, string]\ndate: someday\ndraft: maybe\nweight: 1.5\nslug: a/b\nurl: /../x/\n---\nBody\n"
        XCTAssertEqual(try diagnosticsAfterBreaking(write(text, "content/a.md")), [
            "content/a.md:2:1: error: 'title' must be a string, not an array",
            "content/a.md:3:1: error: 'date' is not a valid date: 'someday' (expected 2026-11-23 or 2026-11-23T10:00:00Z)",
            "content/a.md:4:1: error: 'draft' must be true or false, not a string",
            "content/a.md:5:1: error: 'weight' must be an integer, not a float",
            "content/a.md:6:1: error: 'slug' must be one path part without '/', '.' or '..': 'a/b'",
            "content/a.md:7:1: error: 'url' must not contain '.' or '..' parts: '/../x/'",
        ])
    }

    func testInvalidUTF8AndBinaryMarkdown() throws {
        let found = try diagnosticsAfterBreaking { site, fs in
            try fs.writeAtomically(Array("---\ntitle: A\n---\nCaf".utf8) + [0xE9, 0x0A], to: site + "/content/a.md")
            try fs.writeAtomically([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00], to: site + "/content/image.md")
            try fs.writeAtomically([0x89, 0x50, 0x4E, 0x47, 0x00, 0x00], to: site + "/content/image.png")
        }
        XCTAssertEqual(found, [
            "content/a.md:4:4: error: invalid UTF-8 (byte 0xE9)",
            "content/image.md:1:1: error: invalid UTF-8 (byte 0x89)",
        ])
    }

    func testTemplateSyntaxErrorAndMissingPartial() throws {
        let found = try diagnosticsAfterBreaking { site, fs in
            try fs.writeAtomically(Array("<h1>{{page.title}}</h1>\n{{#page}}\n{{{content}}}\n".utf8), to: site + "/templates/page.mustache")
            try fs.writeAtomically(Array("{{section.title}}\n  {{> sidebar}}\n".utf8), to: site + "/templates/section.mustache")
        }
        XCTAssertEqual(found, [
            "templates/page.mustache:2:1: error: section 'page' is never closed (expected '{{/page}}')",
            "templates/section.mustache:2:3: error: partial 'sidebar' not found (looked for templates/sidebar.mustache and templates/partials/sidebar.mustache)",
        ])
    }

    func testStylesheetReferenceCyclesAndMissingAssetsAreLocatedErrors() throws {
        let found = try diagnosticsAfterBreaking { site, fs in
            try fs.writeAtomically(Array("@import \"b.css\";\nbody { color: red; }\n".utf8), to: site + "/assets/css/a.css")
            try fs.writeAtomically(Array("p { margin: 0; }\n@import url(a.css);\n".utf8), to: site + "/assets/css/b.css")
            try fs.writeAtomically(Array(".x {\n  background: url('../img/missing.png');\n}\n".utf8), to: site + "/assets/css/c.css")
            try fs.writeAtomically(Array("---\ntitle: A\n---\nSee ![logo](/assets/img/logo.png).\n".utf8), to: site + "/content/a.md")
        }
        XCTAssertEqual(found, [
            "assets/css/b.css:2:13: error: stylesheet reference cycle: 'css/b.css' names 'css/a.css', which leads back to it",
            "assets/css/c.css:2:20: error: '../img/missing.png' names no file of assets/ or static/ (looked for 'img/missing.png')",
            "content/a.md:4:5: error: asset 'img/logo.png' not found in assets/",
        ])
    }

    func testMissingTemplateNamedInFrontMatter() throws {
        XCTAssertEqual(try diagnosticsAfterBreaking(write("---\ntitle: A\ntemplate: fancy\n---\nBody\n", "content/a.md")),
                       ["content/a.md:3:1: error: template 'fancy' not found in templates/"])
    }

    func testBadConfigValuesAndUnknownKeys() throws {
        let config = "title = 3\nbase_url = \"example.com\"\ncolour = \"red\"\n[build]\npaginate = 0\nsort = \"size\"\n"
        XCTAssertEqual(try diagnosticsAfterBreaking(write(config, "sitegen.toml")), [
            "sitegen.toml:1:1: error: 'title' must be a string, not an integer",
            "sitegen.toml:2:1: error: base_url must start with http:// or https://",
            "sitegen.toml:3:1: warning: unknown key 'colour'",
            "sitegen.toml:5:1: error: paginate must be at least 1",
            "sitegen.toml:6:1: error: sort must be one of date, weight, title",
        ])
    }

    func testDuplicateOutputPathsNameBothSources() throws {
        let found = try diagnosticsAfterBreaking { site, fs in
            try fs.writeAtomically(Array("---\ntitle: C\nurl: /a/\n---\nC\n".utf8), to: site + "/content/c.md")
            try fs.writeAtomically(Array("<p>static</p>".utf8), to: site + "/static/b/index.html")
        }
        XCTAssertEqual(found, [
            "content/c.md:1:1: error: output 'a/index.html' is produced by both content/a.md and content/c.md",
            "static/b/index.html:1:1: error: output 'b/index.html' is produced by both content/b.md and static/b/index.html",
        ])
    }

    func testUnreadableFile() throws {
        let fs = InMemoryFileSystem()
        let found = try diagnosticsAfterBreaking({ site, fs in
            try fs.writeAtomically(Array("---\ntitle: B2\n---\nNew body.\n".utf8), to: site + "/content/b.md")
            (fs as! InMemoryFileSystem).makeUnreadable(site + "/content/b.md")
        }, fileSystem: fs, root: "/site")
        XCTAssertEqual(found, ["content/b.md:1:1: error: cannot read file: /site/content/b.md: Permission denied"])
    }

    func testPathsThatWouldEscapeTheOutputFolder() throws {
        let found = try diagnosticsAfterBreaking { site, fs in
            try fs.writeAtomically(Array("---\ntitle: C\naliases: [\"../../etc/x\", \"/ok/\"]\n---\nC\n".utf8), to: site + "/content/c.md")
            try fs.writeAtomically(Array("---\ntitle: D\nurl: \"https://evil.example/\"\n---\nD\n".utf8), to: site + "/content/d.md")
            try FileManager.default.createDirectory(atPath: site + "/static", withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: site + "/static/passwd", withDestinationPath: "/etc/passwd")
        }
        XCTAssertEqual(found, [
            "content/c.md:3:1: error: alias must not contain '.' or '..' parts: '../../etc/x'",
            "content/d.md:3:1: error: 'url' must be a path on this site, not a full URL: 'https://evil.example/'",
            "static/passwd:1:1: error: symlink points outside the site (to /etc/passwd); refusing to publish it",
        ])
    }

    func testVeryLargeMarkdownFileIsRejected() throws {
        let fs = InMemoryFileSystem()
        let found = try diagnosticsAfterBreaking({ site, fs in
            try fs.writeAtomically([UInt8](repeating: 0x61, count: TextDecoding.maximumTextSize + 1), to: site + "/content/huge.md")
        }, fileSystem: fs, root: "/site")
        XCTAssertEqual(found, ["content/huge.md:1:1: error: file is too large to be text (33554433 bytes; the limit is 33554432)"])
    }

    func testBrokenLinksAreWarningsAndErrorsWhenStrict() throws {
        let page = "---\ntitle: A\n---\nSee [gone](gone.md), [B](b.md#part-two) and [self](#nowhere).\n"
        let temp = TemporaryDirectory()
        try InlineFixture.write(Self.goodSite, to: temp.path)
        try LocalFileSystem().writeAtomically(Array(page.utf8), to: temp.sub("content/a.md"))
        var options = BuildOptions(siteDirectory: temp.path, jobs: 2)
        options.compress = false
        let lenient = SiteBuilder().build(options)
        XCTAssertTrue(lenient.succeeded)
        XCTAssertEqual(lenient.diagnostics.map(\.description), [
            "content/a.md:4:5: warning: link to a missing page: 'gone.md' (resolved to content/gone.md)",
            "content/a.md:4:22: warning: link to a missing anchor '#part-two' in content/b.md",
            "content/a.md:4:45: warning: link to a missing anchor '#nowhere' in this page",
        ])
        options.strict = true
        let strict = SiteBuilder().build(options)
        XCTAssertFalse(strict.succeeded)
        XCTAssertEqual(strict.errorCount, 3)
    }

    func testAllErrorsOfABuildAreReportedTogether() throws {
        let found = try diagnosticsAfterBreaking { site, fs in
            try fs.writeAtomically(Array("---\ntitle: A\n".utf8), to: site + "/content/a.md")
            try fs.writeAtomically(Array("---\ndraft: perhaps\n---\n".utf8), to: site + "/content/b.md")
            try fs.writeAtomically(Array("{{/oops}}".utf8), to: site + "/templates/404.mustache")
            try fs.writeAtomically(Array("{ \"a\": }".utf8), to: site + "/data/bad.json")
        }
        XCTAssertEqual(found.count, 4, found.joined(separator: "\n"))
        XCTAssertEqual(Set(found.map { String($0.prefix { $0 != ":" }) }),
                       ["content/a.md", "content/b.md", "templates/404.mustache", "data/bad.json"])
    }
}
