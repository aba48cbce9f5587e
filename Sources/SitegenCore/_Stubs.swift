// TEMPORARY: stands in for the formats and markdown branches until they are merged. Never committed.
public enum TOMLParser { public static func parse(_ text: String) throws -> DataTable { DataTable() } }
public enum YAMLLoader { public static func loadTable(_ text: String) throws -> DataTable { DataTable() } }
public enum DataFormat { case toml, yaml, json
  public static func forPath(_ p: String) -> DataFormat? { nil }
  public func parse(_ text: String) throws -> DataValue { .table(DataTable()) } }
public struct MarkdownOptions: Hashable, Sendable { public var unsafeHTML = true; public var smartPunctuation = true; public init() {} }
public struct MarkdownLink: Hashable, Sendable { public var destination: String; public var position: TextPosition; public var isImage: Bool }
public struct MarkdownHeading: Hashable, Sendable { public var level: Int; public var id: String; public var title: String; public var position: TextPosition }
public struct RenderedMarkdown: Hashable, Sendable { public var html: String; public var summaryHTML: String; public var hasExplicitSummary: Bool; public var headings: [MarkdownHeading]; public var wordCount: Int; public var links: [MarkdownLink] }
public struct MarkdownRenderer: Sendable { public init(options: MarkdownOptions) {}
  public func render(_ markdown: String, rewrite: (MarkdownLink) -> String? = { _ in nil }) -> RenderedMarkdown { RenderedMarkdown(html: markdown, summaryHTML: "", hasExplicitSummary: false, headings: [], wordCount: 0, links: []) } }
