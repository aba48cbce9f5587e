import Foundation
import SitegenCore
import XCTest

/// Runs cmark-gfm's own example files (`../shared/conformance/cmark-gfm`) through `MarkdownRenderer.renderPlainHTML`,
/// with the options cmark-gfm's `test/CMakeLists.txt` gives each file, and compares after normalizing both sides as
/// its `normalize.py` does.
///
/// How upstream runs them: `spec_tests.py` always adds `--unsafe`; the words after `example` on a fence line are
/// extensions for that example (`footnotes` is an option, not an extension); `extensions.txt` runs with
/// `table strikethrough autolink tagfilter footnotes tasklist`, `smart_punct.txt` with `--smart`; examples marked
/// `disabled` are skipped; an expected `<IGNORE>` passes whatever the output (crash tests).
final class CmarkGFMConformanceTests: XCTestCase {
    func testSpec() throws {
        try check("spec.txt")
    }

    func testExtensions() throws {
        try check("extensions.txt", words: ["table", "strikethrough", "autolink", "tagfilter", "footnotes", "tasklist"])
    }

    func testSmartPunctuation() throws {
        try check("smart_punct.txt", smartPunctuation: true)
    }

    func testRegression() throws {
        try check("regression.txt")
    }

    // MARK: Known differences from the example files

    /// An example whose expected HTML in the shared file predates the installed libcmark-gfm, with the HTML the
    /// installed library is known to produce instead. Such an example does not pass silently: the output must equal
    /// `currentHTML` (normalized), and the test fails once it matches the file again, so the entry gets removed.
    struct KnownDifference {
        var reason: String
        var currentHTML: String
    }

    /// The shared example files are those of github/cmark-gfm's tree of mid-2020 (0.29.0.gfm.0 plus fixes), while
    /// Debian ships libcmark-gfm 0.29.0.gfm.6 (2022). In between, github/cmark-gfm pull requests 230 (footnote ids
    /// from the label, `fn-<label>`/`fnref-<label>`, one back-reference per reference, `fnref-<label>-2` ids) and 234
    /// (`data-footnotes`, `data-footnote-ref`, `data-footnote-backref` and `aria-label="Back to content"`) changed
    /// the footnote HTML and updated these two examples upstream. Nothing in our layer is involved: this is
    /// `renderPlainHTML`, cmark-gfm's own output.
    static let knownDifferences: [String: [Int: KnownDifference]] = [
        "regression.txt": [
            13: KnownDifference(
                reason: "footnote HTML changed in cmark-gfm 0.29.0.gfm.1/.2 (github/cmark-gfm PRs 230 and 234)",
                currentHTML: #"""
                    <p>A footnote in a paragraph<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup></p>
                    <table>
                    <thead>
                    <tr>
                    <th>Column1</th>
                    <th>Column2</th>
                    </tr>
                    </thead>
                    <tbody>
                    <tr>
                    <td>foot <sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2" data-footnote-ref>1</a></sup></td>
                    <td>note</td>
                    </tr>
                    </tbody>
                    </table>
                    <section class="footnotes" data-footnotes>
                    <ol>
                    <li id="fn-1">
                    <p>a footnote <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a> <a href="#fnref-1-2" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩<sup class="footnote-ref">2</sup></a></p>
                    </li>
                    </ol>
                    </section>

                    """#),
        ],
        "extensions.txt": [
            23: KnownDifference(
                reason: "footnote HTML changed in cmark-gfm 0.29.0.gfm.1/.2 (github/cmark-gfm PRs 230 and 234)",
                currentHTML: #"""
                    <p>This is some text!<sup class="footnote-ref"><a href="#fn-1" id="fnref-1" data-footnote-ref>1</a></sup>. Other text.<sup class="footnote-ref"><a href="#fn-footnote" id="fnref-footnote" data-footnote-ref>2</a></sup>.</p>
                    <p>Here's a thing<sup class="footnote-ref"><a href="#fn-other-note" id="fnref-other-note" data-footnote-ref>3</a></sup>.</p>
                    <p>And another thing<sup class="footnote-ref"><a href="#fn-codeblock-note" id="fnref-codeblock-note" data-footnote-ref>4</a></sup>.</p>
                    <p>This doesn't have a referent[^nope].</p>
                    <p>Hi!</p>
                    <section class="footnotes" data-footnotes>
                    <ol>
                    <li id="fn-1">
                    <p>Some <em>bolded</em> footnote definition. <a href="#fnref-1" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
                    </li>
                    <li id="fn-footnote">
                    <blockquote>
                    <p>Blockquotes can be in a footnote.</p>
                    </blockquote>
                    <pre><code>as well as code blocks
                    </code></pre>
                    <p>or, naturally, simple paragraphs. <a href="#fnref-footnote" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
                    </li>
                    <li id="fn-other-note">
                    <p>no code block here (spaces are stripped away) <a href="#fnref-other-note" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a></p>
                    </li>
                    <li id="fn-codeblock-note">
                    <pre><code>this is now a code block (8 spaces indentation)
                    </code></pre>
                    <a href="#fnref-codeblock-note" class="footnote-backref" data-footnote-backref aria-label="Back to content">↩</a>
                    </li>
                    </ol>
                    </section>

                    """#),
        ],
    ]

    // MARK: Running a file

    /// Counts of one file, printed by every run so the figures are visible without reading the code.
    struct Tally: CustomStringConvertible {
        var passed = 0
        var identical = 0
        var failed = 0
        var skipped = 0
        var known = 0

        var description: String {
            "\(passed) passed (\(identical) byte-identical), \(failed) failed, \(skipped) skipped, "
                + "\(known) known library-version differences"
        }
    }

    /// The folder with cmark-gfm's example files: `../shared/conformance/cmark-gfm` beside the package root.
    static var conformanceFolder: URL {
        let packageRoot = URL(fileURLWithPath: #filePath)  // <root>/Tests/SitegenCoreTests/Markdown/this file
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return packageRoot.appendingPathComponent("../shared/conformance/cmark-gfm").standardizedFileURL
    }

    @discardableResult
    func check(_ fileName: String, words fileWords: [String] = [], smartPunctuation: Bool = false) throws -> Tally {
        let url = Self.conformanceFolder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else {
            XCTFail("\(url.path) is missing: the conformance files belong at ../shared/conformance/cmark-gfm")
            return Tally()
        }
        let examples = SpecExample.parse(try String(contentsOf: url, encoding: .utf8))
        XCTAssertFalse(examples.isEmpty, "no examples found in \(fileName)")
        let known = Self.knownDifferences[fileName] ?? [:]
        var tally = Tally()
        var failures: [String] = []

        for example in examples {
            if example.isDisabled {
                tally.skipped += 1
                continue
            }
            var extensions: [String] = []
            for word in example.words + fileWords where word != "footnotes" && !extensions.contains(word) {
                extensions.append(word)
            }
            let options = MarkdownOptions(
                unsafeHTML: true, smartPunctuation: smartPunctuation,
                footnotes: (example.words + fileWords).contains("footnotes"), extensions: extensions,
                headingIDs: false)
            XCTAssertEqual(options.unknownExtensions, [], "\(fileName) example \(example.number)")
            let actual = MarkdownRenderer(options: options).renderPlainHTML(example.markdown)

            let matchesFile =
                example.html.trimmingCharacters(in: .whitespacesAndNewlines) == "<IGNORE>"
                || HTMLNormalizer.normalize(actual) == HTMLNormalizer.normalize(example.html)
            if let difference = known[example.number] {
                if matchesFile {
                    failures.append(
                        "Example \(example.number) is listed as a known difference (\(difference.reason)) but now "
                            + "matches \(fileName): remove it from CmarkGFMConformanceTests.knownDifferences.")
                } else if HTMLNormalizer.normalize(actual) == HTMLNormalizer.normalize(difference.currentHTML) {
                    tally.known += 1
                } else {
                    failures.append(Self.report(example, expected: difference.currentHTML, actual: actual,
                                                note: "known difference (\(difference.reason)), but the output changed again"))
                }
                continue
            }
            if matchesFile {
                tally.passed += 1
                if actual == example.html { tally.identical += 1 }
            } else {
                failures.append(Self.report(example, expected: example.html, actual: actual, note: nil))
            }
        }
        tally.failed = failures.count
        print("cmark-gfm conformance, \(fileName): \(tally)")
        XCTAssertEqual(failures.count, 0, "\(fileName): \(tally)\n\n" + failures.joined(separator: "\n\n"))
        return tally
    }

    static func report(_ example: SpecExample, expected: String, actual: String, note: String?) -> String {
        """
        Example \(example.number) (line \(example.line), section "\(example.section)"\
        \(example.words.isEmpty ? "" : ", " + example.words.joined(separator: " ")))\(note.map { ": " + $0 } ?? "")
        --- markdown
        \(example.markdown)--- expected
        \(expected)--- actual
        \(actual)---
        """
    }
}
