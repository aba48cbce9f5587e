import SitegenCore

/// Prints diagnostics the way compilers do: `path:line:column: error: message`, then the source line and a caret
/// under the column, so an editor or CI log can jump to the place.
public struct DiagnosticPrinter {
    /// Prefixed to site-relative paths so that the printed path opens from the current folder.
    let pathPrefix: String
    let colors: Bool

    public init(pathPrefix: String, colors: Bool) {
        self.pathPrefix = pathPrefix
        self.colors = colors
    }

    public func format(_ diagnostic: Diagnostic) -> String {
        var head = ""
        if let location = diagnostic.location {
            let path = location.path.hasPrefix("/") || location.path.hasPrefix("(") ? location.path : pathPrefix + location.path
            head = "\(path):\(location.line):\(location.column): "
        }
        let label = diagnostic.severity.rawValue
        let coloredLabel: String
        if colors {
            let code = diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "33" : "36"
            coloredLabel = "\u{1B}[1;\(code)m\(label):\u{1B}[0m"
        } else {
            coloredLabel = "\(label):"
        }
        var text = "\(head)\(coloredLabel) \(diagnostic.message)"
        if let source = diagnostic.sourceLine, let location = diagnostic.location {
            text += "\n" + source
            var caretLine = ""
            for (index, character) in source.enumerated() where index < location.column - 1 {
                caretLine.append(character == "\t" ? "\t" : " ")
            }
            text += "\n" + caretLine + "^"
        }
        return text
    }
}
