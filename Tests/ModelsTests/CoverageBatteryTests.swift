import XCTest

/// Coverage of the 50% and 80% bands on short synthetic histories (T = 10, 15, 20) with a known
/// truth, parameter uncertainty on (`CoverageBattery`; full table: bench/coverage.md).
///
/// Each check pools the cases a model claims to cover nominally (bench/coverage.md) and asks the
/// pooled coverage to lie within 4 binomial SE of the nominal level. Pooling keeps the run small
/// (200–500 histories per case, 64 parameter draws each) while the SE stays small enough to
/// fail the bands before the small-sample posteriors: run on commit b4315d0 these checks fail
/// for AR(1) (75.0% for the 80% band at h = 3), VAR (76.7% at h = 1 over 3,000 histories) and
/// BVAR (72.8% and 43.1% at h = 1); the random walk, unchanged, passes there too. The BVAR
/// check includes φ = 0.8 since the kernel prior on Σ and the integrated δ: with Σ's posterior on
/// T degrees of freedom and δ = 0 (the variant "BVAR(1) diffuse δ=0") it fails (75.8% for the
/// 80% band over 1,800 histories).
final class CoverageBatteryTests: XCTestCase {
    let battery = CoverageBattery(histories: 200, draws: 64, parameterUncertainty: true, seed: 7)

    func model(_ name: String) -> CoverageBattery.Model { (CoverageBattery.models + CoverageBattery.variants).first { $0.name == name }! }

    /// Pools the cells of `truths` x T = 10, 15, 20 at `horizon` and checks each level.
    func check(_ name: String, truths: [CoverageBattery.Truth], horizons: [Int], histories: Int = 200,
               file: StaticString = #filePath, line: UInt = #line) {
        var battery = self.battery
        battery.histories = histories
        var cells: [CoverageBattery.Cell] = []
        for truth in truths { for years in [10, 15, 20] { cells += battery.run(model(name), truth: truth, years: years) } }
        for h in horizons {
            for level in CoverageBattery.levels {
                let pool = cells.filter { $0.horizon == h && $0.level == level }
                let n = pool.reduce(0) { $0 + $1.histories }, covered = pool.reduce(0) { $0 + $1.covered }
                XCTAssertEqual(pool.reduce(0) { $0 + $1.failures }, 0, "\(name): fits failed", file: file, line: line)
                let se = (level * (1 - level) / Double(n)).squareRoot()
                XCTAssertEqual(Double(covered) / Double(n), level, accuracy: 4 * se,
                               "\(name) h=\(h) \(level) band over \(n) histories", file: file, line: line)
            }
        }
    }

    func testAR1() { check("AR(1)", truths: [.ar1(phi: 0.2), .ar1(phi: 0.5)], horizons: [1, 3]) }
    func testRandomWalk() { check("random walk", truths: [.randomWalk], horizons: [1, 3], histories: 400) }
    func testVAR() { check("VAR(1)", truths: [.ar1(phi: 0.2), .ar1(phi: 0.5)], horizons: [1], histories: 500) }
    func testBVAR() { check("BVAR(1)", truths: [.ar1(phi: 0.2), .ar1(phi: 0.5), .ar1(phi: 0.8)], horizons: [1]) }
}
