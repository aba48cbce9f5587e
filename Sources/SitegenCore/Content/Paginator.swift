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

    func range(ofPage number: Int) -> Range<Int> {
        let start = (number - 1) * size
        return start..<min(start + size, pageCount)
    }
}
