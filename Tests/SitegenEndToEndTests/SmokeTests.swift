import XCTest
final class E2ESmokeTests: XCTestCase { func testNothing() {} }
