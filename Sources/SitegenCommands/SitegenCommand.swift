import ArgumentParser
import SitegenCore

/// The `sitegen` command: a static site generator whose incremental builds always equal clean ones.
public struct SitegenCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Build static websites from markdown, fast, and exactly the same after every edit.",
        discussion: """
            A site folder holds sitegen.toml, content/ (markdown with front matter), templates/ (overrides of the \
            built-in theme), assets/, static/ and data/. Start with 'sitegen init mysite', then \
            'sitegen build mysite'.
            """,
        version: SitegenVersion.current,
        subcommands: [BuildCommand.self, WatchCommand.self, InitCommand.self, CleanCommand.self]
    )

    public init() {}
}

/// The version printed by `--version`.
public enum SitegenVersion {
    public static let current = "0.1.0"
}
