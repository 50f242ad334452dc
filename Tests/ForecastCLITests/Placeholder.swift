import XCTest
final class ForecastCLITestsPlaceholder: XCTestCase { func testPlaceholder() {} }
