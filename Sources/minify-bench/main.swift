// Minifies files with sitegen's minifiers, for `bench/minify-compare.sh`: writes each result into a folder and prints
// one line of totals, `<files> <bytes in> <bytes out> <seconds>`, the time spent in the minifier alone.
//
//     minify-bench <html|css|js|json|svg|xml> <output folder> <file>...

import Foundation
import SitegenCore

let arguments = Array(CommandLine.arguments.dropFirst())
let kinds: [String: MinifyKind] = ["html": .html, "css": .css, "js": .js, "json": .json, "svg": .svg, "xml": .xml]
guard arguments.count >= 2, let kind = kinds[arguments[0]] else {
    FileHandle.standardError.write(Data("usage: minify-bench <html|css|js|json|svg|xml> <output folder> <file>...\n".utf8))
    exit(2)
}
let folder = arguments[1]
try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
var bytesIn = 0
var bytesOut = 0
var seconds = 0.0
for (offset, path) in arguments.dropFirst(2).enumerated() {
    let input = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let start = DispatchTime.now().uptimeNanoseconds
    let output = Minifier.minify(input, kind: kind)
    seconds += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    bytesIn += input.count
    bytesOut += output.count
    let name = "\(offset)-" + (path as NSString).lastPathComponent
    try Data(output).write(to: URL(fileURLWithPath: folder + "/" + name))
}
print(arguments.count - 2, bytesIn, bytesOut, String(format: "%.4f", seconds))
