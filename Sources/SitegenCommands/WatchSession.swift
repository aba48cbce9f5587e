import Foundation
import SitegenCore
import SitegenServer

/// The watch loop's state between rebuilds: it builds, prints one line per rebuild (and the diagnostics, as
/// `sitegen build` prints them), and tells the pages what to do once the build has finished writing.
final class WatchSession {
    private let options: BuildOptions
    private let scope: WatchScope
    private let hub: ReloadHub
    private let printer: DiagnosticPrinter
    private let builder = SiteBuilder()
    /// Numbers the builds pages are told about.
    private var published = 0
    private var lastFailed = false

    init(options: BuildOptions, scope: WatchScope, hub: ReloadHub, printer: DiagnosticPrinter) {
        self.options = options
        self.scope = scope
        self.hub = hub
        self.printer = printer
    }

    func initialBuild() {
        let report = builder.build(options)
        printDiagnostics(report)
        if report.succeeded {
            Terminal.err("Built \(plural(report.contentPages, "page")): \(report.pagesRendered) rendered, "
                         + "\(report.pagesSkipped) up to date, \(Self.milliseconds(report.seconds))")
        } else {
            Terminal.err("Build failed: \(plural(report.errorCount, "error")); the pages show them until the files are fixed")
            published += 1
            hub.publish(.buildFailed(build: published, errors: Self.errors(report)))
            lastFailed = true
        }
    }

    func rebuild(after batch: ChangeBatcher.Batch) {
        let changed = batch.paths.map(scope.relative)
        let report = builder.build(options)
        printDiagnostics(report)
        let what = Self.describe(changed, overflow: batch.overflow)
        guard report.succeeded else {
            Terminal.err("\(what): build failed, \(plural(report.errorCount, "error")); still serving the last good build")
            published += 1
            hub.publish(.buildFailed(build: published, errors: Self.errors(report)))
            lastFailed = true
            return
        }
        let counts = "\(report.pagesRendered) rendered, \(report.outputsWritten) written, \(report.outputsDeleted) deleted"
        if report.outputsWritten + report.outputsDeleted == 0 && !lastFailed {
            Terminal.err("\(what): \(counts), nothing to reload, \(Self.milliseconds(report.seconds))")
            return
        }
        let stylesheetsOnly = !lastFailed && !batch.overflow && !changed.isEmpty && changed.allSatisfy { $0.hasSuffix(".css") }
        published += 1
        hub.publish(.reload(build: published, stylesheetsOnly: stylesheetsOnly, changed: changed))
        lastFailed = false
        Terminal.err("\(what): \(counts), \(stylesheetsOnly ? "stylesheets swapped" : "pages reloaded"), "
                     + Self.milliseconds(report.seconds))
    }

    private func printDiagnostics(_ report: BuildReport) {
        for diagnostic in report.diagnostics where diagnostic.severity != .note {
            Terminal.err(printer.format(diagnostic))
        }
    }

    private static func errors(_ report: BuildReport) -> [Diagnostic] {
        report.diagnostics.filter { $0.severity == .error }
    }

    /// `content/a.md changed`, `content/a.md, content/b.md and 3 more changed`.
    static func describe(_ changed: [String], overflow: Bool) -> String {
        if overflow { return "Many files changed (the change queue overflowed)" }
        if changed.isEmpty { return "Rebuilt" }
        let shown = changed.prefix(2).joined(separator: ", ")
        return changed.count > 2 ? "\(shown) and \(changed.count - 2) more changed" : "\(shown) changed"
    }

    static func milliseconds(_ seconds: Double) -> String {
        String(format: "%.0f ms", seconds * 1000)
    }
}
