import XCTest
final class LinearTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
