import XCTest
final class BenchmarksPlaceholder: XCTestCase { func testPlaceholder() {} }
