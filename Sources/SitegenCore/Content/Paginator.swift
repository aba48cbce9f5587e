/// Splits a list of pages into list pages of `size`: the first at the list's own URL, the others at
/// `<list>/page/N/`.
struct Paginator {
    let baseURLPath: String
    let pageCount: Int
    let size: Int

    var totalPages: Int { max(1, (pageCount + size - 1) / size) }

    func urlPath(ofPage number: Int) -> String {
        number <= 1 ? baseURLPath : baseURLPath + "page/\(number)/"
    }

    /// The page numbers a list page links to: the first, the last, and two on each side of the current one; nil
    /// marks a gap. A window keeps each list page small (linking every page of a 400-page list from each of them
    /// would make a long list quadratic in size), as Hugo's and Zola's paginators do.
    static func window(current: Int, total: Int, radius: Int = 2) -> [Int?] {
        var shown = Set([1, total])
        for n in max(1, current - radius)...min(total, current + radius) { shown.insert(n) }
        var result: [Int?] = []
        var previous = 0
        for n in shown.sorted() {
            if n > previous + 1 { result.append(nil) }
            result.append(n)
            previous = n
        }
        return result
    }

    func range(ofPage number: Int) -> Range<Int> {
        let start = (number - 1) * size
        return start..<min(start + size, pageCount)
    }
}
