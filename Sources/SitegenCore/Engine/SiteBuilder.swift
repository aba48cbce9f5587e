import Foundation

/// Builds a site: the one entry point of the engine.
///
/// The phases run in the order of the data flow (load, scan, hash, parse, organize, render bodies, plan outputs,
/// render what is dirty, write); each is its own type, and this one only sequences and times them. The build graph
/// of the previous build decides what can be skipped; without one, everything is dirty and the same code does a
/// clean build. A build that finds any error writes nothing, so the previous output and graph stay as they were.
public struct SiteBuilder: Sendable {
    public let fileSystem: FileSystem

    public init(fileSystem: FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    public func build(_ options: BuildOptions) -> BuildReport {
        var run = BuildRun(fileSystem: fileSystem, options: options)
        return run.execute()
    }
}

/// The state of one build while it runs.
private struct BuildRun {
    let fileSystem: FileSystem
    let options: BuildOptions
    let diagnostics: DiagnosticsEngine
    let clock = ContinuousClock()
    let start: ContinuousClock.Instant
    var lastPhase: ContinuousClock.Instant
    var report: BuildReport
    let root: String

    init(fileSystem: FileSystem, options: BuildOptions) {
        self.fileSystem = fileSystem
        self.options = options
        self.diagnostics = DiagnosticsEngine(warningsAsErrors: options.strict)
        self.start = clock.now
        self.lastPhase = start
        self.root = options.siteDirectory
        self.report = BuildReport(succeeded: false, outputDirectory: options.outputDirectory ?? joinPath(options.siteDirectory, "public"))
    }

    private static let phaseNames = ["hashing inputs", "loading templates", "parsing content", "rendering markdown",
                                      "rendering pages", "writing", "compressing"]

    mutating func phase(_ name: String) {
        let now = clock.now
        report.phases.append(BuildReport.Phase(name: name, seconds: (now - lastPhase).seconds))
        lastPhase = now
        if report.phases.count <= Self.phaseNames.count { options.progress?(Self.phaseNames[report.phases.count - 1]) }
    }

    mutating func finish() -> BuildReport {
        report.diagnostics = diagnostics.all
        report.succeeded = !diagnostics.hasErrors
        report.seconds = (clock.now - start).seconds
        return report
    }

    mutating func execute() -> BuildReport {
        // Locals, so that no closure below captures the mutating `self`.
        let fileSystem = self.fileSystem
        let root = self.root
        let options = self.options
        let diagnostics = self.diagnostics
        let buildStart = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        let now = options.now ?? Int64(Date().timeIntervalSince1970)

        // Config.
        guard fileSystem.isDirectory(root) else {
            diagnostics.emit(.error("site folder '\(root)' does not exist"))
            return finish()
        }
        guard let (config, configTable) = loadConfig() else { return finish() }
        let outputDirectory = options.outputDirectory ?? joinPath(root, config.outputDir)
        let cacheDirectory = options.cacheDirectory ?? joinPath(root, ".sitegen")
        let storedOutputDirectory = outputDirectory.hasPrefix(root + "/") ? String(outputDirectory.dropFirst(root.count + 1)) : outputDirectory
        report.outputDirectory = outputDirectory
        let signature = BuildSignature.compute(configTable: configTable, config: config, options: options)
        let precompressor = Precompressor(settings: options.compress ? config.compression : .off, fileSystem: fileSystem,
                                          cacheDirectory: cacheDirectory, outputDirectory: outputDirectory, jobs: options.jobs)

        // The previous build's graph.
        let store = GraphStore(fileSystem: fileSystem, cacheDirectory: cacheDirectory)
        var previous = store.load(diagnostics: diagnostics)
        // The outputs sitegen wrote before, kept even when the graph is discarded or lost: what this build may delete
        // when it no longer produces them. A killed build's journal names outputs it may have written: those too.
        let interrupted = store.interruptedOutputs() ?? []
        let previousOutputPaths = previous.map { $0.outputDirectory == storedOutputDirectory ? $0.outputPaths : [] } ?? []
        let previousCompressionTag = previous?.compressionTag
        if let graph = previous, graph.signature != signature {
            report.fullBuildReason = "the build signature changed (sitegen version, base URL, drafts, future or build settings)"
            previous = nil
        } else if previous == nil {
            report.fullBuildReason = "no build cache"
        }
        // Another output folder: nothing there is known, every output must be written.
        let sameOutputFolder = previous?.outputDirectory == storedOutputDirectory
        if previous != nil && !sameOutputFolder {
            previous!.setOutputs([:], keys: [])
        }
        phase("config")

        // Scan and hash.
        var excluded: Set<String> = []
        for folder in [outputDirectory, cacheDirectory] where folder.hasPrefix(root + "/") {
            excluded.insert(String(folder.dropFirst(root.count + 1)))
        }
        let inventory = SiteScanner(fileSystem: fileSystem, root: root, diagnostics: diagnostics, excluded: excluded).scan()
        report.inputsScanned = inventory.all.count
        let hashed = InputHasher(fileSystem: fileSystem, root: root, jobs: options.jobs)
            .hash(inventory.all, previous: previous?.inputs ?? [:], previousBuildStart: previous?.buildStart ?? .max)
        report.inputsHashed = hashed.hashed
        phase("scan")

        // With --strict, stored warnings may have to become errors: check links again instead of replaying them.
        let replayable = previous.map { !options.strict || !$0.diagnostics.contains { $0.severity == .warning } } ?? false
        if var graph = previous, sameOutputFolder, replayable, hashed.changed.isEmpty, hashed.removed.isEmpty, interrupted.isEmpty,
           now < graph.nextPublication, !diagnostics.hasErrors, graph.compressionTag == precompressor.settingsTag,
           graph.outputPaths.allSatisfy({ fileSystem.kind(of: joinPath(outputDirectory, $0)) == .file }) {
            // Nothing changed: the previous build's output stands. Its warnings still apply.
            diagnostics.emit(contentsOf: graph.diagnostics)
            report.contentPages = graph.contentPages
            report.pagesSkipped = graph.templatedOutputs
            report.outputs = graph.outputPaths.count
            report.outputsUnchanged = graph.outputPaths.count
            if hashed.hashed > 0 {
                graph.inputs = hashed.records
                graph.buildStart = buildStart
                try? store.save(graph)
            }
            return finish()
        }

        // Everything this build may delete: what the last successful build wrote (siblings included), and what an
        // interrupted one may have.
        var ownedOutputs = store.ownedOutputs(outputDirectory: storedOutputDirectory)
        ownedOutputs.formUnion(previousOutputPaths)
        ownedOutputs.formUnion(interrupted)

        // Templates, data, assets (before content: bodies and pages embed the assets' final URLs).
        let templates = loadTemplates(inventory)
        let dataTree = DataFiles(fileSystem: fileSystem, root: root).load(inventory.data, diagnostics: diagnostics)
        let assets = AssetCatalog(themeFiles: BuiltinTheme.files, siteAssets: inventory.assets, inputHashes: hashed.records.mapValues(\.hash),
                                  staticFiles: inventory.staticFiles, fileSystem: fileSystem, root: root, minify: config.minify,
                                  fingerprint: config.fingerprint, basePath: config.basePath, diagnostics: diagnostics)
        phase("templates")

        var records: [String: PageRecord] = [:]
        var previousOutputs: [String: BuildGraph.OutputRecord] = [:]
        if previous != nil {
            do {
                records = try previous!.loadPages()
                previousOutputs = try previous!.loadOutputs()
            } catch {
                diagnostics.emit(.warning("ignoring the build cache (\(error)); doing a full build",
                                          at: SourceLocation(path: store.graphPath)))
                report.fullBuildReason = "the build cache could not be read"
                previous = nil
                records = [:]
                previousOutputs = [:]
            }
        }
        let markdownFiles = inventory.content.filter(ContentLoader.isMarkdown)
        let resourceFiles = inventory.content.filter { !ContentLoader.isMarkdown($0) }
        let loader = ContentLoader(fileSystem: fileSystem, root: root, config: config, jobs: options.jobs)
        var pages: [Page] = []
        var toLoad: [String] = []
        for path in markdownFiles {
            if let record = records[path], let input = hashed.records[path], record.sourceHash == input.hash {
                let page = record.restore { (try? fileSystem.readString(joinPath(root, path))).map { $0.replacingOccurrences(of: "\r\n", with: "\n") } ?? "" }
                diagnostics.emit(contentsOf: page.loadDiagnostics)
                pages.append(page)
            } else {
                toLoad.append(path)
            }
        }
        let loaded = loader.load(toLoad, diagnostics: diagnostics)
        for page in loaded { page.sourceHash = hashed.records[page.sourcePath]?.hash ?? 0 }
        pages.append(contentsOf: loaded)
        report.pagesParsed = loaded.count
        let model = SiteModelBuilder(config: config, includeDrafts: config.drafts, includeFuture: config.future, now: now)
            .build(pages: pages, resourceFiles: resourceFiles, diagnostics: diagnostics)
        model.failedSources = Set(markdownFiles).subtracting(pages.map(\.sourcePath))
        report.contentPages = model.pages.count
        phase("parse")

        // Bodies: render those that are new or whose links now point elsewhere.
        let values = SiteValues(model: model, data: dataTree, jobs: options.jobs)
        let facts = FactTable(inputHashes: hashed.records.mapValues(\.hash), templates: templates, configTable: configTable,
                              model: model, values: values, assetFingerprints: assets.fingerprints, dataFiles: inventory.data)
        let loadedPaths = Set(loaded.map(\.sourcePath))
        var markdownOptions = MarkdownOptions()
        markdownOptions.unsafeHTML = config.unsafeHTML
        markdownOptions.smartPunctuation = config.smartPunctuation
        let bodies = BodyRenderer(model: model, markdown: MarkdownRenderer(options: markdownOptions), assetURLs: assets.urls, jobs: options.jobs)
        let allPages = model.pagesBySource.keys.sorted().map { model.pagesBySource[$0]! }
        var needBody = allPages.filter { page in
            if loadedPaths.contains(page.sourcePath) { return true }
            guard let record = records[page.sourcePath], record.hasBody else { return true }
            return facts.firstChange(in: record.bodyDependencies) != nil
        }
        needBody = needBody.filter { loadedPaths.contains($0.sourcePath) || loader.loadBody(of: $0, diagnostics: diagnostics) }
        bodies.render(needBody)
        report.bodiesRendered = needBody.count
        LinkChecker(model: model, strict: options.strict, assetNames: Set(assets.assets.keys)).check(diagnostics: diagnostics)
        values.computeSummaries()
        phase("markdown")

        // Plan every output, and render those that are dirty.
        let renderer = OutputRenderer(model: model, values: values, templates: templates, assets: assets,
                                      preloader: Preloader(assets: assets, basePath: config.basePath), minify: config.minify,
                                      hasStaticRobots: inventory.staticFiles.contains("static/robots.txt"), jobs: options.jobs)
        let planned = renderer.plan()
        let previousKeys = previous?.keys ?? []
        facts.useKeyTable(previousKeys)
        let dirtyCheck = DirtyCheck(previousOutputs: previousOutputs, hasGraph: previous != nil, interrupted: interrupted,
                                    fileSystem: fileSystem, outputDirectory: outputDirectory, facts: facts)
        var dirtyJobs: [OutputRenderer.PlannedJob] = []
        var explanations: [Explanation] = []
        for job in planned {
            guard let why = dirtyCheck.reason(for: job.path, source: job.source) else { continue }
            dirtyJobs.append(job)
            if options.explain { explanations.append(Explanation(output: job.path, reason: why.description)) }
        }
        // Outputs that show a page's HTML need it: render the bodies that were restored without it.
        var needHTML: [Page] = []
        for job in dirtyJobs {
            switch job.job {
            case .page(let page) where !page.hasHTML: needHTML.append(page)
            case .section(let section, _): if let index = section.index, !index.hasHTML { needHTML.append(index) }
            default: break
            }
        }
        needHTML = Array(Set(needHTML.map(\.sourcePath))).sorted().map { model.pagesBySource[$0]! }
            .filter { loader.loadBody(of: $0, diagnostics: diagnostics) }
        bodies.render(needHTML)
        report.bodiesRendered += needHTML.count
        let rendered = renderer.render(dirtyJobs, diagnostics: diagnostics)
        report.pagesRendered = rendered.count
        report.pagesSkipped = planned.count - dirtyJobs.count
        phase("render")

        // Copies: assets, static files, content files.
        var referencedAssets = Set<String>()
        let dirtyPaths = Set(dirtyJobs.map(\.path))
        var assetKeys: [UInt32: String] = [:]
        for (index, key) in previousKeys.enumerated() where key.hasPrefix("asset:") { assetKeys[UInt32(index)] = String(key.dropFirst(6)) }
        if !assetKeys.isEmpty {
            for job in planned where !dirtyPaths.contains(job.path) {
                for (key, _) in previousOutputs[job.path]?.dependencies ?? [] { if let name = assetKeys[key] { referencedAssets.insert(name) } }
            }
        }
        for output in rendered {
            for case .asset(let name) in output.dependencies { referencedAssets.insert(name) }
        }
        for page in model.pages {
            for case .asset(let name) in page.bodyDependencies { referencedAssets.insert(name) }
        }
        var copies = assets.outputs(referenced: referencedAssets)
        // The site's own `_headers` is merged into the generated one instead of copied.
        let siteHeadersPath = "static/" + HostFiles.headers
        for path in inventory.staticFiles where path != siteHeadersPath {
            copies.append(PlannedOutput(path: String(path.dropFirst("static/".count)), source: path, content: .copy(path), dependencies: [.file(path)]))
        }
        for (source, urlPath) in model.resources {
            copies.append(PlannedOutput(path: String(urlPath.dropFirst()), source: source, content: .copy(source), dependencies: [.file(source)]))
        }
        var dirtyCopies: [PlannedOutput] = []
        for copy in copies {
            guard let why = dirtyCheck.reason(for: copy.path, source: copy.source) else { continue }
            dirtyCopies.append(copy)
            if options.explain { explanations.append(Explanation(output: copy.path, reason: why.description)) }
        }
        report.explanations = explanations.sorted { $0.output < $1.output }

        var allOutputs = planned.map { (path: $0.path, source: $0.source) }
        allOutputs.append(contentsOf: copies.map { (path: $0.path, source: $0.source) })
        allOutputs.append(contentsOf: HostFiles.paths.map { (path: $0, source: "host files") })
        diagnostics.emit(contentsOf: OutputWriter.collisions(in: allOutputs))
        report.outputs = allOutputs.count
        guard !diagnostics.hasErrors else { return finish() }

        // Write, then the host files, then compress; delete what is no longer produced; save.
        let dirty = rendered + dirtyCopies
        let currentMains = Set(allOutputs.map(\.path))
        let settingsChanged = previousCompressionTag != precompressor.settingsTag || previous == nil
        var compressCandidates = Set(dirty.map(\.path)).union(HostFiles.paths).union(interrupted.intersection(currentMains))
        if settingsChanged { compressCandidates.formUnion(currentMains) }
        let staleMains = ownedOutputs.filter { !currentMains.contains($0) }
        do {
            try store.beginWriting(Array(Set(dirty.map(\.path)).union(compressCandidates).union(staleMains)))
        } catch {
            diagnostics.emit(.error("cannot write to the cache folder: \(error)", at: nil))
            return finish()
        }
        let writer = OutputWriter(fileSystem: fileSystem, siteRoot: root, outputDirectory: outputDirectory, jobs: options.jobs)
        if !interrupted.isEmpty { writer.removeTemporaryFiles() }
        var outcomes = writer.write(dirty, previousHashes: previousOutputs.mapValues(\.hash), diagnostics: diagnostics)

        var keyTable = BuildGraph.KeyTable(keys: previousKeys)
        var outputRecords: [String: BuildGraph.OutputRecord] = [:]
        let dirtyByPath = Dictionary(dirty.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        var hashes = Dictionary(outcomes.compactMap { outcome in outcome.hash.map { (outcome.path, $0) } }, uniquingKeysWith: { a, _ in a })
        for output in allOutputs where !HostFiles.paths.contains(output.path) {
            if let fresh = dirtyByPath[output.path], let hash = hashes[output.path] {
                let dependencies = fresh.dependencies.map { (key: keyTable.index(of: $0.key), hash: facts.hash($0)) }
                let preloads = fresh.preloads.map { keyTable.index(of: $0.key) }
                outputRecords[output.path] = BuildGraph.OutputRecord(source: output.source, hash: hash, dependencies: dependencies,
                                                                     siblings: previousOutputs[output.path]?.siblings ?? [], preloads: preloads)
            } else if let kept = previousOutputs[output.path] {
                outputRecords[output.path] = kept
            }
        }

        // The host files, made again only when what they are made from changed.
        let siteHeaders = inventory.staticFiles.contains(siteHeadersPath)
            ? (try? fileSystem.readString(joinPath(root, siteHeadersPath))) : nil
        let hostFiles = HostFiles(
            pages: outputRecords.keys.sorted().filter { $0.hasSuffix(".html") }.map { path in
                HostFiles.PageEntry(outputPath: path, preloadKeys: outputRecords[path]!.preloads.map { keyTable.keys[Int($0)] })
            },
            assets: assets.published(referenced: referencedAssets), outputs: allOutputs.map(\.path), basePath: config.basePath,
            siteHeaders: siteHeaders)
        let hostKey = keyTable.index(of: "hostfiles:")
        let hostHash = hostFiles.inputHash
        let hostFilesStand = HostFiles.paths.allSatisfy { path in
            previousOutputs[path]?.dependencies.first?.hash == hostHash && fileSystem.kind(of: joinPath(outputDirectory, path)) == .file
        }
        if hostFilesStand && !interrupted.contains(where: HostFiles.paths.contains) {
            for path in HostFiles.paths { outputRecords[path] = previousOutputs[path] }
            compressCandidates.subtract(settingsChanged ? [] : HostFiles.paths)
        } else {
            let files = hostFiles.render().map { PlannedOutput(path: $0.path, source: "host files", content: .bytes($0.bytes)) }
            let written = writer.write(files, previousHashes: previousOutputs.mapValues(\.hash), diagnostics: diagnostics)
            outcomes += written
            for outcome in written {
                guard let hash = outcome.hash else { continue }
                hashes[outcome.path] = hash
                outputRecords[outcome.path] = BuildGraph.OutputRecord(source: "host files", hash: hash, dependencies: [(hostKey, hostHash)],
                                                                      siblings: previousOutputs[outcome.path]?.siblings ?? [])
            }
        }
        report.outputsWritten = outcomes.filter(\.written).count
        report.outputsUnchanged = allOutputs.count - report.outputsWritten
        phase("write")
        guard !diagnostics.hasErrors else { return finish() }

        // Siblings: for outputs whose bytes changed (or all of them, when the settings did).
        let rewritten = Set(outcomes.filter(\.written).map(\.path))
        let toCompress = compressCandidates.filter { path in
            guard let record = outputRecords[path] else { return false }
            return settingsChanged || rewritten.contains(path) || interrupted.contains(path) || previousOutputs[path]?.hash != record.hash
        }.sorted()
        let compressed = precompressor.run(toCompress, hashes: outputRecords.mapValues(\.hash),
                                           previous: previousOutputs.mapValues(\.siblings), outputs: currentMains, diagnostics: diagnostics)
        for outcome in compressed {
            outputRecords[outcome.path]?.siblings = outcome.siblings
            report.outputsCompressed += outcome.compressed
            report.compressionCacheHits += outcome.cacheHits
            report.siblingsWritten += outcome.siblingsWritten
        }
        var currentFiles = currentMains
        for (path, record) in outputRecords { currentFiles.formUnion(record.siblings.paths(of: path)) }
        report.outputsDeleted = writer.delete(ownedOutputs.filter { !currentFiles.contains($0) }.sorted(), diagnostics: diagnostics)
        if compressed.contains(where: { $0.compressed > 0 }) || report.outputsDeleted > 0 {
            precompressor.collectGarbage(keeping: Set(outputRecords.values.map(\.hash)))
        }
        phase("compress")
        guard !diagnostics.hasErrors else { return finish() }

        var graph = BuildGraph(pages: pageRecords(model: model, unpublished: pages, previous: records, rendered: Set(needBody.map(\.sourcePath)), facts: facts))
        graph.signature = signature
        graph.buildStart = buildStart
        graph.nextPublication = pages.compactMap { page in page.frontMatter.date.map(\.instant) }.filter { $0 > now }.min() ?? .max
        graph.outputDirectory = storedOutputDirectory
        graph.contentPages = model.pages.count
        graph.templatedOutputs = planned.count
        graph.compressionTag = precompressor.settingsTag
        graph.inputs = hashed.records
        graph.setOutputs(outputRecords, keys: keyTable.keys)
        graph.diagnostics = diagnostics.all.filter { $0.location?.path != ConfigLoader.fileName }
        do {
            try store.save(graph)
            store.finishWriting()
        } catch {
            diagnostics.emit(.warning("cannot save the build cache: \(error); the next build will be a full build", at: nil))
        }
        return finish()
    }

    /// Records for the next build: fresh ones for pages whose body was rendered in this build, the stored ones for
    /// the others. Unpublished pages (drafts, future) are kept too, so publishing one later does not re-parse it.
    private func pageRecords(model: SiteModel, unpublished pages: [Page], previous: [String: PageRecord], rendered: Set<String>,
                             facts: FactTable) -> [String: PageRecord] {
        var records: [String: PageRecord] = [:]
        for page in pages {
            if rendered.contains(page.sourcePath) || previous[page.sourcePath] == nil || page.hasHTML {
                records[page.sourcePath] = PageRecord(page: page, bodyFacts: facts.facts(page.bodyDependencies))
            } else {
                records[page.sourcePath] = previous[page.sourcePath]
            }
        }
        return records
    }

    private mutating func loadConfig() -> (SiteConfig, DataTable)? {
        let configPath = joinPath(root, ConfigLoader.fileName)
        guard fileSystem.kind(of: configPath) != nil else {
            diagnostics.emit(.error("no \(ConfigLoader.fileName) in '\(root)': not a sitegen site (create one with 'sitegen init')"))
            return nil
        }
        let text: String
        do {
            text = try TextDecoding.decode(try fileSystem.read(configPath))
        } catch let error as TextDecodingError {
            diagnostics.emit(.error(error.message, at: SourceLocation(path: ConfigLoader.fileName, line: error.position.line, column: error.position.column)))
            return nil
        } catch {
            diagnostics.emit(.error("cannot read file: \(error)", at: SourceLocation(path: ConfigLoader.fileName)))
            return nil
        }
        guard let loaded = ConfigLoader(path: ConfigLoader.fileName, diagnostics: diagnostics).load(text) else { return nil }
        var config = loaded.config
        if let baseURL = options.baseURL {
            var url = baseURL
            while url.hasSuffix("/") { url.removeLast() }
            config.baseURL = url
        }
        if options.drafts { config.drafts = true }
        if options.future { config.future = true }
        if let minify = options.minify { config.minify = minify }
        if diagnostics.hasErrors { return nil }
        return (config, loaded.table)
    }

    private func loadTemplates(_ inventory: SiteInventory) -> TemplateSet {
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
        return TemplateSet.load(theme: BuiltinTheme.files, siteFiles: siteTemplates, diagnostics: diagnostics)
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
