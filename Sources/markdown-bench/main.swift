// Times `MarkdownRenderer.render` over a generated corpus with 1..N threads for each parse locking mode, and checks
// every output against a single-threaded render. Run it through `bench/markdown-parallel.sh` (release build).
//
//     markdown-bench [--documents 2000] [--threads 1,2] [--runs 7] [--modes unlocked,finishOnly,wholeParse]
//                    [--max-other-load 0.1] [--max-rounds 40]
//
// The machine may be shared: a run during which other processes used more than `--max-other-load` of all cores
// (from /proc/stat) is discarded and repeated, up to `--max-rounds` rounds; each cell reports how many it kept.

@_spi(Benchmark) import SitegenCore
import Foundation

struct Settings {
    var documents = 2000
    var threads = [1, 2]
    var runs = 7
    var modes = MarkdownParseLocking.allCases
    var maxOtherLoad = 0.1
    var maxRounds = 40

    init(_ arguments: [String]) {
        var arguments = arguments.makeIterator()
        while let flag = arguments.next() {
            guard let value = arguments.next() else { Self.usage("\(flag) needs a value") }
            switch flag {
            case "--documents": documents = Self.require(Int(value), "bad --documents \(value)")
            case "--runs": runs = Self.require(Int(value), "bad --runs \(value)")
            case "--max-other-load": maxOtherLoad = Self.require(Double(value), "bad --max-other-load \(value)")
            case "--max-rounds": maxRounds = Self.require(Int(value), "bad --max-rounds \(value)")
            case "--threads":
                threads = value.split(separator: ",").map { Self.require(Int($0), "bad --threads \(value)") }
            case "--modes":
                modes = value.split(separator: ",").map {
                    Self.require(MarkdownParseLocking(rawValue: String($0)), "unknown mode \($0)")
                }
            default: Self.usage("unknown option \(flag)")
            }
        }
    }

    static func require<T>(_ value: T?, _ message: String) -> T {
        guard let value else { usage(message) }
        return value
    }

    static func usage(_ message: String) -> Never {
        FileHandle.standardError.write(Data("markdown-bench: \(message)\n".utf8))
        exit(2)
    }
}

/// A small deterministic generator (SplitMix64), so every run renders the same corpus.
struct Generator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
}

/// Blog-post-like markdown: headings, paragraphs with emphasis, links, code spans, the odd strikethrough and bare URL,
/// lists (nested, ordered, tasks), tables, fenced code and quotes; about 3 to 10 KB each.
enum CorpusWriter {
    static let words = """
        the build graph records every read a page makes so that an edit to one template renders only the pages \
        that used it while the others keep their output and the server reloads the browser within a few \
        milliseconds of saving a file cache invalidation content hash fingerprint stylesheet archive taxonomy \
        section summary feed sitemap theme partial shortcode front matter markdown renderer incremental
        """.split(separator: " ").map(String.init)

    static func document(_ index: Int) -> String {
        var random = Generator(state: UInt64(index) &* 7919 &+ 17)
        var out = "# \(title(&random))\n\n"
        out += paragraph(&random) + "\n\n"
        for _ in 0..<random.int(3...7) {
            out += "## \(title(&random))\n\n"
            for _ in 0..<random.int(1...3) {
                switch random.int(0...9) {
                case 0...3: out += paragraph(&random)
                case 4, 5: out += list(&random)
                case 6: out += table(&random)
                case 7, 8: out += codeBlock(&random)
                default: out += "> " + paragraph(&random).replacingOccurrences(of: "\n", with: "\n> ")
                }
                out += "\n\n"
            }
        }
        return out
    }

    static func title(_ random: inout Generator) -> String {
        let title = (0..<random.int(2...6)).map { _ in random.pick(words) }.joined(separator: " ")
        return title.prefix(1).uppercased() + title.dropFirst()
    }

    static func phrase(_ random: inout Generator) -> String {
        let text = (0..<random.int(1...3)).map { _ in random.pick(words) }.joined(separator: " ")
        switch random.int(0...19) {
        case 0...3: return "*\(text)*"
        case 4, 5: return "**\(text)**"
        case 6, 7: return "[\(text)](https://example.com/\(random.pick(words))/\(random.int(1...999)))"
        case 8, 9: return "`\(random.pick(words))()`"
        case 10: return "~~\(text)~~"
        case 11: return "see https://docs.example.org/\(random.pick(words))"
        case 12: return "www.\(random.pick(words)).example.com"
        default: return text
        }
    }

    static func sentence(_ random: inout Generator) -> String {
        let text = (0..<random.int(4...9)).map { _ in phrase(&random) }.joined(separator: " ")
        return text.prefix(1).uppercased() + text.dropFirst() + random.pick([".", ".", ".", "?", "!"])
    }

    static func paragraph(_ random: inout Generator) -> String {
        (0..<random.int(2...6)).map { _ in sentence(&random) }.joined(separator: random.chance(30) ? "\n" : " ")
    }

    static func list(_ random: inout Generator) -> String {
        let kind = random.int(0...2)
        return (1...random.int(3...7)).map { number in
            let marker = kind == 0 ? "-" : kind == 1 ? "\(number)." : random.chance(50) ? "- [x]" : "- [ ]"
            var item = "\(marker) \(sentence(&random))"
            if random.chance(20) { item += "\n   - \(sentence(&random))\n   - \(sentence(&random))" }
            return item
        }.joined(separator: "\n")
    }

    static func table(_ random: inout Generator) -> String {
        let columns = random.int(2...5)
        var rows = ["| " + (0..<columns).map { _ in random.pick(words) }.joined(separator: " | ") + " |"]
        rows.append("|" + (0..<columns).map { _ in random.pick(["---", ":--", ":-:", "--:"]) }.joined(separator: "|") + "|")
        for _ in 0..<random.int(3...10) {
            rows.append("| " + (0..<columns).map { _ in phrase(&random) }.joined(separator: " | ") + " |")
        }
        return rows.joined(separator: "\n")
    }

    static func codeBlock(_ random: inout Generator) -> String {
        let language = random.pick(["swift", "js", "bash", "toml", ""])
        let lines = (0..<random.int(5...25)).map { line in
            "    let \(random.pick(words))\(line) = \(random.pick(words))(\(random.int(0...99)))  // \(random.pick(words))"
        }
        return "```\(language)\n" + lines.joined(separator: "\n") + "\n```"
    }
}

/// CPU time the whole process has used, in seconds: set against wall time it shows how many cores a run really had
/// (threads waiting for the parse lock sleep, and so do threads the machine's other work pushes aside).
func processCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// CPU time all processes on the machine have used (every core, idle and I/O wait excluded), from the first line of
/// /proc/stat; 0 where there is no /proc/stat, which makes every run look clean.
func machineBusySeconds() -> Double {
    guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
        let line = stat.split(separator: "\n").first, line.hasPrefix("cpu ")
    else { return 0 }
    // user nice system idle iowait irq softirq steal, in clock ticks
    let ticks = line.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
    guard ticks.count == 8 else { return 0 }
    return (ticks.reduce(0, +) - ticks[3] - ticks[4]) / Double(sysconf(Int32(_SC_CLK_TCK)))
}

/// One timed render of the corpus.
struct Run {
    var wall: Double
    var cpu: Double
    /// The share of all cores that other processes used during the run.
    var otherLoad: Double
    var results: [RenderedMarkdown]
}

/// Renders every document on `threads` threads (each takes the next few documents from a shared counter).
func renderAll(_ documents: [String], renderer: MarkdownRenderer, threads: Int) -> Run {
    final class Work: @unchecked Sendable {
        let lock = NSLock()
        var next = 0
        var results: [RenderedMarkdown?]
        init(count: Int) { results = Array(repeating: nil, count: count) }

        func claim(_ size: Int) -> Range<Int> {
            lock.withLock {
                let start = next
                next = min(next + size, results.count)
                return start..<next
            }
        }

        func store(_ chunk: [RenderedMarkdown], at start: Int) {
            lock.withLock { results.replaceSubrange(start..<(start + chunk.count), with: chunk) }
        }
    }
    let work = Work(count: documents.count)
    let group = DispatchGroup()
    let start = DispatchTime.now().uptimeNanoseconds
    let startCPU = processCPUSeconds()
    let startBusy = machineBusySeconds()
    for _ in 0..<threads {
        group.enter()
        let thread = Thread {
            while true {
                let range = work.claim(4)
                if range.isEmpty { break }
                work.store(range.map { renderer.render(documents[$0]) }, at: range.lowerBound)
            }
            group.leave()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    group.wait()
    let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let cpu = processCPUSeconds() - startCPU
    let other = max(0, machineBusySeconds() - startBusy - cpu)
    let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
    return Run(wall: wall, cpu: cpu, otherLoad: other / (wall * cores), results: work.results.map { $0! })
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

let settings = Settings(Array(CommandLine.arguments.dropFirst()))
let renderer = MarkdownRenderer(options: MarkdownOptions())
let documents = (0..<settings.documents).map(CorpusWriter.document)
let megabytes = Double(documents.reduce(0) { $0 + $1.utf8.count }) / 1e6

MarkdownRenderer.parseLocking = .wholeParse
let expected = renderAll(documents, renderer: renderer, threads: 1).results  // the reference, and a warm-up
print(String(format: "corpus: %d documents, %.1f MB; median of %d runs per cell (runs where other processes used "
    + "over %.0f%% of the cores are discarded); cores: %d", documents.count, megabytes, settings.runs,
    settings.maxOtherLoad * 100, ProcessInfo.processInfo.activeProcessorCount))

struct Cell: Hashable {
    var mode: MarkdownParseLocking
    var threads: Int
}
var kept: [Cell: [Run]] = [:]
var discarded: [Cell: Int] = [:]
var mismatches: [Cell: Int] = [:]
let cells = settings.modes.flatMap { mode in settings.threads.map { Cell(mode: mode, threads: $0) } }
// Rounds interleave the cells, so that load from elsewhere on the machine spreads over all of them alike.
for _ in 0..<settings.maxRounds {
    let pending = cells.filter { kept[$0, default: []].count < settings.runs }
    if pending.isEmpty { break }
    for cell in pending {
        MarkdownRenderer.parseLocking = cell.mode
        var run = renderAll(documents, renderer: renderer, threads: cell.threads)
        mismatches[cell, default: 0] += zip(run.results, expected).filter { $0 != $1 }.count
        run.results = []
        if run.otherLoad <= settings.maxOtherLoad {
            kept[cell, default: []].append(run)
        } else {
            discarded[cell, default: 0] += 1
        }
    }
}

func column(_ text: String, _ width: Int, left: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return left ? text + padding : padding + text
}

@MainActor func medianWall(_ cell: Cell) -> Double? {
    kept[cell].flatMap { $0.isEmpty ? nil : median($0.map(\.wall)) }
}

let baseline = medianWall(Cell(mode: .wholeParse, threads: 1))
print(column("mode", 11, left: true) + column("threads", 8) + column("median s", 10) + column("min s", 9)
    + column("docs/s", 9) + column("vs own 1 thread", 17) + column("vs wholeParse 1 thread", 24)
    + column("cpu/wall", 10) + column("runs kept/discarded", 21) + column("wrong renders", 15))
for cell in cells {
    let runs = kept[cell, default: []]
    let counts = "\(runs.count)/\(discarded[cell, default: 0])"
    guard let middle = medianWall(cell) else {
        print(column(cell.mode.rawValue, 11, left: true) + column("\(cell.threads)", 8)
            + column("no clean run", 83) + column(counts, 21) + column("\(mismatches[cell, default: 0])", 15))
        continue
    }
    let single = medianWall(Cell(mode: cell.mode, threads: 1))
    print(column(cell.mode.rawValue, 11, left: true) + column("\(cell.threads)", 8)
        + column(String(format: "%.3f", middle), 10)
        + column(String(format: "%.3f", runs.map(\.wall).min()!), 9)
        + column(String(format: "%.0f", Double(documents.count) / middle), 9)
        + column(single.map { String(format: "%.2fx", $0 / middle) } ?? "-", 17)
        + column(baseline.map { String(format: "%.2fx", $0 / middle) } ?? "-", 24)
        + column(String(format: "%.2f", median(runs.map { $0.cpu / $0.wall })), 10)
        + column(counts, 21) + column("\(mismatches[cell, default: 0])", 15))
}
