import XCTest
@testable import SitegenCore

final class PageDateTests: XCTestCase {
    func testParsesDayDateTimeAndOffsets() throws {
        let day = try XCTUnwrap(PageDate(parsing: "2026-11-23"))
        XCTAssertEqual(day.rfc3339, "2026-11-23T00:00:00Z")
        let utc = try XCTUnwrap(PageDate(parsing: "2026-11-23T10:05:09Z"))
        XCTAssertEqual(utc.rfc3339, "2026-11-23T10:05:09Z")
        let offset = try XCTUnwrap(PageDate(parsing: "2026-11-23 10:05:09+02:00"))
        XCTAssertEqual(offset.rfc3339, "2026-11-23T10:05:09+02:00")
        XCTAssertEqual(offset.instant, utc.instant - 2 * 3600)
        XCTAssertNotNil(PageDate(parsing: "2026-11-23T10:05"))
        XCTAssertNotNil(PageDate(parsing: "2026-11-23T10:05:09.123-05:30"))
    }

    func testRejectsImpossibleDates() {
        for text in ["2026-02-30", "2026-13-01", "2026-1-01", "yesterday", "2026-11-23T25:00:00Z", "2026-11-23T10:00:00+0200", "2026-11-23x"] {
            XCTAssertNil(PageDate(parsing: text), text)
        }
        XCTAssertNotNil(PageDate(parsing: "2024-02-29"))
        XCTAssertNil(PageDate(parsing: "2023-02-29"))
    }

    func testFormatsWithTheStrftimeSubset() throws {
        let date = try XCTUnwrap(PageDate(parsing: "2026-03-05T07:08:09Z"))
        XCTAssertEqual(date.formatted("%B %-d, %Y"), "March 5, 2026")
        XCTAssertEqual(date.formatted("%d/%m/%Y %H:%M:%S"), "05/03/2026 07:08:09")
        XCTAssertEqual(date.formatted("%a %b %-m %%"), "Thu Mar 3 %")
        XCTAssertEqual(date.formatted("%A"), "Thursday")
        XCTAssertEqual(date.formatted("%Q"), "%Q")
    }

    func testInstantRoundTripsThroughUTC() {
        for instant: Int64 in [0, 86_399, 951_782_400, 1_795_000_000, -86_401] {
            XCTAssertEqual(PageDate(instant: instant).instant, instant)
        }
        XCTAssertEqual(PageDate(instant: 0).isoDay, "1970-01-01")
        XCTAssertEqual(PageDate(instant: 951_782_400).isoDay, "2000-02-29")
    }
}
