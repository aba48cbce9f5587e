import ArgumentParser
import Foundation
import SitegenCore

/// `sitegen build [SITE]`: builds the site into its output folder.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into a folder that deploys as-is to any static host.",
        discussion: """
            Diagnostics are printed as 'path:line:column: error: message'. All errors of a build are reported \
            together; when there is any, nothing is written and the previous output is kept. Exit status: 0 on \
            success, 1 when the build found errors.
            """
    )

    @Argument(help: "The site folder (the one with sitegen.toml).", completion: .directory)
    var site: String = "."

    @Option(name: [.short, .long], help: "Write the output here instead of the config's output_dir.", completion: .directory)
    var output: String?

    @Flag(help: "Include pages marked draft: true.")
    var drafts = false

    @Flag(help: "Include pages dated in the future.")
    var future = false

    @Option(name: .customLong("base-url"), help: "Override base_url (for preview deployments).")
    var baseURL: String?

    @Flag(help: "Treat broken links and anchors as errors.")
    var strict = false

    @Option(name: [.short, .long], help: "Threads to use (default: one per core).")
    var jobs: Int?

    @Flag(name: [.short, .long], help: "Print only warnings and errors.")
    var quiet = false

    @Flag(help: "Print a machine-readable JSON report on stdout, and nothing else.")
    var json = false

    @Flag(help: "Say why each output was rendered or copied again.")
    var explain = false

    @Flag(name: .customLong("no-compress"), help: "Skip the .br and .gz copies (quicker local builds).")
    var noCompress = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let siteDirectory = absolutePath(site)
        var options = BuildOptions(siteDirectory: siteDirectory, outputDirectory: output.map(absolutePath), jobs: jobs ?? 0)
        options.drafts = drafts
        options.future = future
        options.baseURL = baseURL
        options.strict = strict
        options.explain = explain
        options.compress = !noCompress
        let progress = ProgressLine(enabled: !json && !quiet && Terminal.stderrIsTerminal)
        options.progress = { phase in progress.update(phase) }
        let report = SiteBuilder().build(options)
        progress.finish()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            Terminal.out(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            let printer = DiagnosticPrinter(pathPrefix: displayPrefix(siteDirectory), colors: Terminal.colorsEnabled)
            for diagnostic in report.diagnostics where !(quiet && diagnostic.severity == .note) {
                Terminal.err(printer.format(diagnostic))
            }
            if explain {
                if let reason = report.fullBuildReason { Terminal.err("explain: full build: \(reason)") }
                for item in report.explanations { Terminal.err("explain: \(item.output): \(item.reason)") }
            }
            if !quiet || !report.succeeded { Terminal.err(summary(report)) }
        }
        if !report.succeeded { throw ExitCode(1) }
    }

    private func summary(_ report: BuildReport) -> String {
        let counts = "\(plural(report.warningCount, "warning")), \(plural(report.errorCount, "error"))"
        guard report.succeeded else {
            return "Build failed: \(counts). Nothing was written; the previous output is unchanged."
        }
        let time = report.seconds < 1 ? String(format: "%.0f ms", report.seconds * 1000) : String(format: "%.2f s", report.seconds)
        return "Built \(plural(report.contentPages, "page")) into \(displayPath(report.outputDirectory)): "
            + "\(report.pagesRendered) rendered, \(report.pagesSkipped) up to date; "
            + "\(plural(report.outputs, "output")) (\(report.outputsWritten) written, \(report.outputsUnchanged) unchanged, "
            + "\(report.outputsDeleted) deleted)"
            + (report.siblingsWritten > 0 ? ", \(report.siblingsWritten) compressed copies written (\(report.compressionCacheHits) from the cache)" : "")
            + ", \(counts), \(time)"
    }
}

/// `sitegen init DIR`: a starter site that builds and shows the main features.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create a starter site in a new or empty folder.")

    @Argument(help: "The folder to create.", completion: .directory)
    var directory: String

    func run() throws {
        let path = absolutePath(directory)
        do {
            let files = try StarterSite.create(at: path, fileSystem: LocalFileSystem())
            Terminal.out("Created a site in \(displayPath(path)) (\(files) files). Build it with: sitegen build \(directory)")
        } catch {
            Terminal.err("error: \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// `sitegen clean [SITE]`: removes the output folder and the build cache.
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clean", abstract: "Remove the site's output folder and build cache.")

    @Argument(help: "The site folder.", completion: .directory)
    var site: String = "."

    func run() throws {
        let result = SiteCleaner(fileSystem: LocalFileSystem()).clean(siteDirectory: absolutePath(site))
        switch result {
        case .success(let removed):
            Terminal.out(removed.isEmpty ? "Nothing to clean." : "Removed " + removed.map(displayPath).joined(separator: " and "))
        case .failure(let diagnostic):
            Terminal.err(DiagnosticPrinter(pathPrefix: "", colors: Terminal.colorsEnabled).format(diagnostic))
            throw ExitCode(1)
        }
    }
}

func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

func absolutePath(_ path: String) -> String {
    let base = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var parts: [Substring] = []
    for part in base.split(separator: "/") {
        if part == "." { continue }
        if part == ".." { _ = parts.popLast(); continue }
        parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
}

/// A path as the user would type it from the current folder.
func displayPath(_ path: String) -> String {
    let current = FileManager.default.currentDirectoryPath
    if path == current { return "." }
    if path.hasPrefix(current + "/") { return String(path.dropFirst(current.count + 1)) }
    return path
}

/// What to put before site-relative diagnostic paths so they open from the current folder.
func displayPrefix(_ siteDirectory: String) -> String {
    let shown = displayPath(siteDirectory)
    return shown == "." ? "" : shown + "/"
}
