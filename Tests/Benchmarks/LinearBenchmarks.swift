import CLAPACK
import Foundation
import Linear
import XCTest

/// Throughput of the Linear wrappers, beside the numpy peer bench/peers/linear_numpy.py run
/// in the same test (same operations, sizes and timing rule). Prints figures and never
/// fails on time.
///
/// Full sizes need a release build: `swift test -c release --filter Benchmarks`. A debug
/// `swift test` runs small sizes so that it stays quick.
final class LinearBenchmarks: XCTestCase {
    #if DEBUG
    private static let gemmRows = [4096, 16_384]
    private static let orders = [10, 50]
    private static let minimumSeconds = 0.02
    #else
    private static let gemmRows = [4096, 32_768, 262_144, 1_000_000]
    private static let orders = [10, 20, 30, 40, 50]
    private static let minimumSeconds = 0.25
    #endif
    /// k, the number of indicators in the simulation-step product (N x k)(k x k).
    private static let k = 10

    func testLinearThroughput() throws {
        openblas_set_num_threads(1)
        print("Linear benchmarks: OpenBLAS single-threaded (openblas_set_num_threads(1)); numpy peer with OPENBLAS_NUM_THREADS=1")
        print("ratio = forecast throughput / numpy throughput (> 1: forecast faster); timing: warm-up, then calls for >= \(Self.minimumSeconds) s")
        let peer = runNumpyPeer()
        var g = SystemRandomNumberGenerator()
        var sink = 0.0
        let k = Self.k
        let b = randomBenchmarkMatrix(k, k, &g)
        for n in Self.gemmRows {
            let a = randomBenchmarkMatrix(n, k, &g)
            let seconds = try secondsPerCall { sink += try gemm(a, b).elements[0] }
            let flops = 2.0 * Double(n) * Double(k * k)
            print(String(format: "gemm (N x %d)(%d x %d) N = %7d: %6.2f GFLOP/s %11.0f paths/s", k, k, k, n,
                         flops / seconds / 1e9, Double(n) / seconds) + peerRatio(peer, "gemm", n, seconds))
        }
        for order in Self.orders {
            var spd = syrk(randomBenchmarkMatrix(order, order, &g))
            for i in 0..<order { spd[i, i] += Double(order) }
            let seconds = try secondsPerCall { sink += try cholesky(spd).lower[0, 0] }
            print(String(format: "cholesky (dpotrf) k = %2d: %9.0f factorisations/s", order, 1 / seconds)
                  + peerRatio(peer, "cholesky", order, seconds))
        }
        for order in Self.orders {
            let design = randomBenchmarkMatrix(4 * order, order, &g)
            let rhs = randomBenchmarkMatrix(4 * order, order, &g)
            let qr = try secondsPerCall { sink += try leastSquares(design, rhs)[0, 0] }
            let svd = try secondsPerCall { sink += try leastSquaresMinimumNorm(design, rhs).solution[0, 0] }
            print(String(format: "least squares (%3d x %2d, %2d rhs): dgels %7.0f solves/s", 4 * order, order, order, 1 / qr)
                  + peerRatio(peer, "lstsq", order, qr)
                  + String(format: "; dgelsd %7.0f solves/s", 1 / svd) + peerRatio(peer, "lstsq", order, svd))
        }
        print("(numpy.linalg.lstsq is dgelsd: the dgels ratio compares QR against numpy's SVD solver)")
        XCTAssertTrue(sink.isFinite)
    }

    /// Seconds per call: one warm-up call, then calls until `minimumSeconds` have elapsed
    /// (at least 3), elapsed / calls — the rule of the numpy peer.
    private func secondsPerCall(_ body: () throws -> Void) rethrows -> Double {
        try body()
        let clock = ContinuousClock()
        let start = clock.now
        var calls = 0
        var elapsed = 0.0
        repeat {
            try body()
            calls += 1
            let d = clock.now - start
            elapsed = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        } while elapsed < Self.minimumSeconds || calls < 3
        return elapsed / Double(calls)
    }

    private func randomBenchmarkMatrix(_ rows: Int, _ columns: Int, _ g: inout SystemRandomNumberGenerator) -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        for i in m.elements.indices { m.elements[i] = Double.random(in: -1...1, using: &g) }
        return m
    }

    /// "  [numpy …, ratio …]" for one figure, or nothing when the peer did not run.
    private func peerRatio(_ peer: [String: [String: Double]]?, _ operation: String, _ size: Int, _ seconds: Double) -> String {
        guard let numpySeconds = peer?[operation]?[String(size)] else { return "" }
        return String(format: "  [numpy %.3g s/call, ratio %.2f]", numpySeconds, numpySeconds / seconds)
    }

    /// Runs bench/peers/linear_numpy.py (found from this file's path) with single-threaded
    /// OpenBLAS; nil, with a printed reason, when python3 or numpy is unavailable.
    private func runNumpyPeer() -> [String: [String: Double]]? {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = root.appendingPathComponent("bench/peers/linear_numpy.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path,
                             "--gemm-rows", Self.gemmRows.map(String.init).joined(separator: ","),
                             "--k", String(Self.k),
                             "--orders", Self.orders.map(String.init).joined(separator: ","),
                             "--min-seconds", String(Self.minimumSeconds)]
        var environment = ProcessInfo.processInfo.environment
        for name in ["OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"] { environment[name] = "1" }
        process.environment = environment
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch {
            print("numpy peer skipped: cannot start python3 (\(error))")
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            print("numpy peer skipped: python3 with numpy unavailable or failed (status \(process.terminationStatus)): "
                  + errorText.split(separator: "\n").suffix(2).joined(separator: " "))
            return nil
        }
        print("numpy peer: numpy \(json["numpy"] ?? "?"), \(script.path)")
        var figures: [String: [String: Double]] = [:]
        for (operation, value) in json {
            if let table = value as? [String: Double] { figures[operation] = table }
        }
        return figures
    }
}
