import Foundation
import Linear

/// Decodes a JSON fixture written by Fixtures/make_fixtures.py (the numpy peer).
func loadFixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Fixtures/\(name).json"])
    }
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

struct LeastSquaresFixture: Decodable {
    struct Deficient: Decodable {
        let a: [[Double]], b: [[Double]], solution: [[Double]], rank: Int
        let singular_values: [Double]
    }
    struct FullRank: Decodable { let a: [[Double]], b: [[Double]], solution: [[Double]] }
    let deficient: Deficient
    let full_rank: FullRank
}

struct EigenvaluesFixture: Decodable {
    let a: [[Double]], real: [Double], imaginary: [Double]
}
