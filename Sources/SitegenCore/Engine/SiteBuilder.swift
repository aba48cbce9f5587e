import Foundation

/// Builds a site: the one entry point of the engine.
///
/// The phases run in the order of the data flow (load, scan, parse, organize, render bodies, render outputs,
/// write); each is its own type, and this one only sequences and times them. A build that finds any error writes
/// nothing at all, so the previous output and cache stay exactly as they were.
public struct SiteBuilder: Sendable {
    public let fileSystem: FileSystem

    public init(fileSystem: FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    public func build(_ options: BuildOptions) -> BuildReport {
        let clock = ContinuousClock()
        let start = clock.now
        var phases: [BuildReport.Phase] = []
        var last = start
        let upcoming = ["scanning", "loading templates", "parsing content", "rendering markdown", "rendering pages", "writing"]
        func phase(_ name: String) {
            let now = clock.now
            phases.append(BuildReport.Phase(name: name, seconds: (now - last).seconds))
            last = now
            if phases.count <= upcoming.count { options.progress?(upcoming[phases.count - 1]) }
        }
        let diagnostics = DiagnosticsEngine(warningsAsErrors: options.strict)
        let root = options.siteDirectory
        var report = BuildReport(succeeded: false, outputDirectory: options.outputDirectory ?? joinPath(root, "public"))
        func finish() -> BuildReport {
            report.diagnostics = diagnostics.all
            report.succeeded = !diagnostics.hasErrors
            report.phases = phases
            report.seconds = (clock.now - start).seconds
            return report
        }

        // Load the config.
        let configPath = joinPath(root, ConfigLoader.fileName)
        guard fileSystem.isDirectory(root) else {
            diagnostics.emit(.error("site folder '\(root)' does not exist"))
            return finish()
        }
        guard fileSystem.kind(of: configPath) != nil else {
            diagnostics.emit(.error("no \(ConfigLoader.fileName) in '\(root)': not a sitegen site (create one with 'sitegen init')"))
            return finish()
        }
        let configText: String
        do {
            configText = try TextDecoding.decode(try fileSystem.read(configPath))
        } catch let error as TextDecodingError {
            diagnostics.emit(.error(error.message, at: SourceLocation(path: ConfigLoader.fileName, line: error.position.line, column: error.position.column)))
            return finish()
        } catch {
            diagnostics.emit(.error("cannot read file: \(error)", at: SourceLocation(path: ConfigLoader.fileName)))
            return finish()
        }
        guard var config = ConfigLoader(path: ConfigLoader.fileName, diagnostics: diagnostics).load(configText)?.config else {
            return finish()
        }
        if let baseURL = options.baseURL {
            var url = baseURL
            while url.hasSuffix("/") { url.removeLast() }
            config.baseURL = url
        }
        if options.drafts { config.drafts = true }
        if options.future { config.future = true }
        let outputDirectory = options.outputDirectory ?? joinPath(root, config.outputDir)
        let cacheDirectory = options.cacheDirectory ?? joinPath(root, ".sitegen")
        report.outputDirectory = outputDirectory
        phase("config")

        // Scan.
        var excluded: Set<String> = []
        for folder in [outputDirectory, cacheDirectory] where folder.hasPrefix(root + "/") {
            excluded.insert(String(folder.dropFirst(root.count + 1)))
        }
        let inventory = SiteScanner(fileSystem: fileSystem, root: root, diagnostics: diagnostics, excluded: excluded).scan()
        report.inputsScanned = inventory.all.count
        phase("scan")

        // Templates and data.
        var siteTemplates: [(path: String, text: String)] = []
        for path in inventory.templates where path.hasSuffix(".mustache") {
            do {
                siteTemplates.append((path, try TextDecoding.decode(try fileSystem.read(joinPath(root, path)))))
            } catch let error as TextDecodingError {
                diagnostics.emit(.error(error.message, at: SourceLocation(path: path, line: error.position.line, column: error.position.column)))
            } catch {
                diagnostics.emit(.error("cannot read file: \(error)", at: SourceLocation(path: path)))
            }
        }
        let templates = TemplateSet.load(theme: BuiltinTheme.files, siteFiles: siteTemplates, diagnostics: diagnostics)
        let data = DataFiles(fileSystem: fileSystem, root: root).load(inventory.data, diagnostics: diagnostics)
        phase("templates")

        // Parse content.
        let markdownFiles = inventory.content.filter(ContentLoader.isMarkdown)
        let resourceFiles = inventory.content.filter { !ContentLoader.isMarkdown($0) }
        let pages = ContentLoader(fileSystem: fileSystem, root: root, config: config, jobs: options.jobs)
            .load(markdownFiles, diagnostics: diagnostics)
        let now = options.now ?? Int64(Date().timeIntervalSince1970)
        let model = SiteModelBuilder(config: config, includeDrafts: config.drafts, includeFuture: config.future, now: now)
            .build(pages: pages, resourceFiles: resourceFiles, diagnostics: diagnostics)
        model.failedSources = Set(markdownFiles).subtracting(pages.map(\.sourcePath))
        report.contentPages = model.pages.count
        phase("parse")

        // Render bodies, then every output.
        var markdownOptions = MarkdownOptions()
        markdownOptions.unsafeHTML = config.unsafeHTML
        markdownOptions.smartPunctuation = config.smartPunctuation
        BodyRenderer(model: model, markdown: MarkdownRenderer(options: markdownOptions), jobs: options.jobs)
            .render(model.pagesBySource.keys.sorted().map { model.pagesBySource[$0]! })
        LinkChecker(model: model, strict: options.strict).check(diagnostics: diagnostics)
        phase("markdown")
        let assets = AssetCatalog(themeFiles: BuiltinTheme.files, siteAssets: inventory.assets)
        let values = SiteValues(model: model, data: data, jobs: options.jobs)
        let rendered = OutputRenderer(model: model, values: values, templates: templates, assets: assets.urls,
                                      hasStaticRobots: inventory.staticFiles.contains("static/robots.txt"), jobs: options.jobs)
            .render(diagnostics: diagnostics)
        report.pagesRendered = rendered.count
        phase("render")

        var outputs = rendered
        var referencedAssets = Set<String>()
        for output in rendered {
            for case .asset(let name) in output.dependencies { referencedAssets.insert(name) }
        }
        outputs.append(contentsOf: assets.outputs(referenced: referencedAssets))
        for path in inventory.staticFiles {
            outputs.append(PlannedOutput(path: String(path.dropFirst("static/".count)), source: path, content: .copy(path),
                                         dependencies: [.file(path)]))
        }
        for (source, urlPath) in model.resources {
            outputs.append(PlannedOutput(path: String(urlPath.dropFirst()), source: source, content: .copy(source),
                                         dependencies: [.file(source)]))
        }
        diagnostics.emit(contentsOf: OutputWriter.collisions(in: outputs))
        report.outputs = outputs.count
        guard !diagnostics.hasErrors else { return finish() }

        let written = OutputWriter(fileSystem: fileSystem, siteRoot: root, outputDirectory: outputDirectory,
                                   cacheDirectory: cacheDirectory, jobs: options.jobs)
            .write(outputs, diagnostics: diagnostics)
        report.outputsWritten = written.written
        report.outputsUnchanged = written.unchanged
        report.outputsDeleted = written.deleted
        phase("write")
        return finish()
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
