import SitegenCore
import XCTest

/// Asserts that `parse` fails with exactly `message` at `line`:`column`.
func assertFormatError<T>(_ message: String, line: Int, column: Int,
                          file: StaticString = #filePath, testLine: UInt = #line,
                          _ parse: () throws -> T) {
    do {
        let value = try parse()
        XCTFail("expected error '\(message)' at \(line):\(column), got \(value)", file: file, line: testLine)
    } catch let error as FormatError {
        XCTAssertEqual(error.message, message, file: file, line: testLine)
        XCTAssertEqual(error.position, TextPosition(line: line, column: column),
                       "position of '\(error.message)'", file: file, line: testLine)
    } catch {
        XCTFail("expected a FormatError, got \(error)", file: file, line: testLine)
    }
}

func pos(_ line: Int, _ column: Int) -> TextPosition { TextPosition(line: line, column: column) }

extension DataValue {
    /// The value at a dotted path of table keys (no escaping: tests use simple keys).
    subscript(_ path: String) -> DataValue? {
        var value: DataValue? = self
        for key in path.split(separator: ".") { value = value?.tableValue?[String(key)] }
        return value
    }
}
