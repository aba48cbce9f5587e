/// A date from front matter: a day, optionally with a time and a UTC offset, as TOML and YAML write them.
///
/// Kept as calendar fields (not a `Date`) so that formatting is deterministic and independent of the machine's
/// time zone; `instant` orders dates and decides what is in the future.
public struct PageDate: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour = 0
    public var minute = 0
    public var second = 0
    /// Offset from UTC in minutes; nil when the source gave a local time (taken as UTC).
    public var offsetMinutes: Int?

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetMinutes: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = offsetMinutes
    }

    /// Parses `2026-11-23`, `2026-11-23T10:00:00Z`, `2026-11-23 10:00:00+02:00`, `2026-11-23T10:00`; nil otherwise.
    public init?(parsing text: String) {
        let bytes = Array(text.trimmingSpaces.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[from..<(from + count)] {
                guard byte >= 48 && byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count >= 10, let y = number(0, 4), bytes[4] == 45, let m = number(5, 2), bytes[7] == 45,
              let d = number(8, 2), (1...12).contains(m), d >= 1, d <= PageDate.days(inMonth: m, year: y) else { return nil }
        self.init(year: y, month: m, day: d)
        if bytes.count == 10 { return }
        guard bytes[10] == 84 || bytes[10] == 116 || bytes[10] == 32, let h = number(11, 2), bytes.count >= 16,
              bytes[13] == 58, let mi = number(14, 2), h < 24, mi < 60 else { return nil }
        hour = h
        minute = mi
        var index = 16
        if index < bytes.count && bytes[index] == 58 {
            guard let s = number(17, 2), s < 61 else { return nil }
            second = min(s, 59)
            index = 19
            if index < bytes.count && bytes[index] == 46 {
                index += 1
                while index < bytes.count && bytes[index] >= 48 && bytes[index] <= 57 { index += 1 }
            }
        }
        if index == bytes.count { return }
        if bytes[index] == 90 || bytes[index] == 122 {
            offsetMinutes = 0
            index += 1
        } else if bytes[index] == 43 || bytes[index] == 45, let oh = number(index + 1, 2), bytes.count > index + 3,
                  bytes[index + 3] == 58, let om = number(index + 4, 2) {
            offsetMinutes = (oh * 60 + om) * (bytes[index] == 45 ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        if index != bytes.count { return nil }
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    public var instant: Int64 {
        let days = PageDate.daysSinceEpoch(year: year, month: month, day: day)
        return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second) - Int64((offsetMinutes ?? 0) * 60)
    }

    public static func < (a: PageDate, b: PageDate) -> Bool { a.instant < b.instant }

    /// `2026-11-23`.
    public var isoDay: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }

    /// `2026-11-23T10:00:00+02:00`, as Atom and sitemaps want.
    public var rfc3339: String {
        var text = "\(isoDay)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
        if let offset = offsetMinutes, offset != 0 {
            let sign = offset < 0 ? "-" : "+"
            text += "\(sign)\(pad(abs(offset) / 60, 2)):\(pad(abs(offset) % 60, 2))"
        } else {
            text += "Z"
        }
        return text
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// Formats with a strftime subset: `%Y %m %-m %d %-d %B %b %A %a %H %M %S %%`, in English.
    public func formatted(_ format: String) -> String {
        var result = ""
        var iterator = format.makeIterator()
        while let c = iterator.next() {
            guard c == "%" else { result.append(c); continue }
            guard var code = iterator.next() else { result.append("%"); break }
            var unpadded = false
            if code == "-", let next = iterator.next() {
                unpadded = true
                code = next
            }
            func field(_ value: Int, _ width: Int) -> String { unpadded ? String(value) : pad(value, width) }
            switch code {
            case "Y": result += String(year)
            case "m": result += field(month, 2)
            case "d": result += field(day, 2)
            case "H": result += field(hour, 2)
            case "M": result += field(minute, 2)
            case "S": result += field(second, 2)
            case "B": result += PageDate.monthNames[month - 1]
            case "b": result += String(PageDate.monthNames[month - 1].prefix(3))
            case "A": result += PageDate.weekdayNames[weekday]
            case "a": result += String(PageDate.weekdayNames[weekday].prefix(3))
            case "%": result += "%"
            default: result += "%" + (unpadded ? "-" : "") + String(code)
            }
        }
        return result
    }

    /// 0 for Sunday.
    var weekday: Int { ((PageDate.daysSinceEpoch(year: year, month: month, day: day) % 7) + 11) % 7 }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of an instant, in UTC.
    public init(instant: Int64) {
        let days = Int(instant >= 0 ? instant / 86_400 : (instant - 86_399) / 86_400)
        let seconds = Int(instant - Int64(days) * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d,
                  hour: seconds / 3600, minute: seconds % 3600 / 60, second: seconds % 60, offsetMinutes: 0)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

extension String {
    var trimmingSpaces: String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" || first == "\r" || first == "\n" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" || last == "\n" { slice.removeLast() }
        return String(slice)
    }
}
