import XCTest
final class RandomTestsPlaceholder: XCTestCase { func testPlaceholder() {} }
