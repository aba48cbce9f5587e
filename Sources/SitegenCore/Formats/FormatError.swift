/// A syntax error in TOML, YAML or JSON text, at a position relative to the start of that text.
public struct FormatError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public var position: TextPosition

    public init(_ message: String, at position: TextPosition) {
        self.message = message
        self.position = position
    }

    public var description: String { "\(position.line):\(position.column): \(message)" }
}
