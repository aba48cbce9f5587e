import Foundation

/// One example of a cmark-gfm spec file: markdown and the HTML cmark-gfm is expected to make of it.
struct SpecExample {
    /// 1-based, counting every example of the file (disabled ones too), as cmark-gfm's `spec_tests.py` numbers them.
    var number: Int
    var section: String
    var line: Int
    var markdown: String
    var html: String
    /// The words after `example` on the fence line: extension names, `footnotes`, or `disabled`.
    var words: [String]

    var isDisabled: Bool { words.contains("disabled") }

    /// Reads the examples the way cmark-gfm's `test/spec_tests.py` (`get_tests`) does, line by line: a fence of 32
    /// backticks plus ` example` opens one, a line holding `.` separates markdown from HTML, a bare fence closes it,
    /// and `→` stands for a tab.
    static func parse(_ text: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var state = 0  // 0 prose, 1 markdown, 2 HTML
        var markdown = ""
        var html = ""
        var words: [String] = []
        var section = ""
        var startLine = 0
        var lineNumber = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for rawLine in lines.dropLast(text.hasSuffix("\n") ? 1 : 0) {
            lineNumber += 1
            let line = rawLine + "\n"
            let stripped = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if stripped.hasPrefix(fence + " example") {
                state = 1
                words = stripped.dropFirst(fence.count + " example".count)
                    .split(whereSeparator: \.isWhitespace).map(String.init)
            } else if stripped == fence {
                state = 0
                examples.append(SpecExample(
                    number: examples.count + 1, section: section, line: startLine,
                    markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                    html: html.replacingOccurrences(of: "→", with: "\t"), words: words))
                startLine = 0
                markdown = ""
                html = ""
            } else if stripped == "." {
                state = 2
            } else if state == 1 {
                if startLine == 0 { startLine = lineNumber - 1 }
                markdown += line
            } else if state == 2 {
                html += line
            } else if state == 0, rawLine.hasPrefix("#") {
                let afterHashes = rawLine.drop { $0 == "#" }
                if afterHashes.hasPrefix(" ") { section = afterHashes.trimmingCharacters(in: .whitespaces) }
            }
        }
        return examples
    }
}
