import Foundation
import Random
import XCTest

/// Throughput of the samplers into a preallocated 4,096-element buffer, and the ratio to
/// numpy's `Generator.standard_normal(out=buf)` (bench/peers/normals_numpy.py; default PCG64
/// bit generator, and numpy's own Philox4x32-10) measured in the same run. Rates are wall
/// clock, best of 5 rounds; on the shared 2-core machine compare the ratios, not the rates.
/// Prints figures; never fails on time.
///
///     swift test -c release --filter RandomBenchmarks
final class RandomBenchmarks: XCTestCase {
    #if DEBUG
    static let seconds = 0.02
    #else
    static let seconds = 1.0
    #endif
    static let bufferSize = 4096

    /// Best rate (draws per second) over 5 rounds of about `seconds / 5` each.
    func rate(_ fill: (UnsafeMutableBufferPointer<Double>) -> Void) -> Double {
        var buffer = [Double](repeating: 0, count: Self.bufferSize)
        var best = 0.0
        var checksum = 0.0
        buffer.withUnsafeMutableBufferPointer { b in
            for _ in 0..<5 {
                var calls = 0
                let start = DispatchTime.now().uptimeNanoseconds
                var elapsed = 0.0
                repeat {
                    for _ in 0..<16 { fill(b) }
                    calls += 16
                    checksum += b[0]
                    elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
                } while elapsed < Self.seconds / 5
                best = max(best, Double(calls * Self.bufferSize) / elapsed)
            }
        }
        XCTAssertTrue(checksum.isFinite)
        return best
    }

    /// numpy's rate from the peer script, or nil when python3 with numpy is not available.
    func numpyRate(_ arguments: [String] = []) -> Double? {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../bench/peers/normals_numpy.py").standardized.path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = String(data: data, encoding: .utf8)?.split(separator: "\n").last,
              let value = line.split(separator: " ").last.flatMap({ Double($0) }) else { return nil }
        return value
    }

    func testStandardNormalThroughput() {
        var g = Philox4x32(seed: 2022, stream: 1)
        let philoxWords = rate { b in
            // Raw generator cost: 64-bit words through the scalar path, as doubles.
            for j in b.indices { b[j] = Double(bitPattern: g.next() >> 12 | 0x3FF0_0000_0000_0000) }
        }
        let normals = rate { g.fillStandardNormal($0) }
        let scalar = rate { b in for j in b.indices { b[j] = g.nextStandardNormal() } }
        let studentT = rate { g.fillStudentT($0, degreesOfFreedom: 6) }
        print(String(format: "RandomBenchmarks: Philox next() words %.1f M/s", philoxWords / 1e6))
        print(String(format: "RandomBenchmarks: fillStandardNormal %.1f M/s (4,096 buffer)", normals / 1e6))
        print(String(format: "RandomBenchmarks: nextStandardNormal loop %.1f M/s", scalar / 1e6))
        print(String(format: "RandomBenchmarks: fillStudentT(dof 6) %.1f M/s", studentT / 1e6))
        #if !DEBUG
        if let numpy = numpyRate() {
            print(String(format: "RandomBenchmarks: numpy standard_normal(out=buf) %.1f M/s; forecast/numpy = %.2f",
                         numpy / 1e6, normals / numpy))
            if let philox = numpyRate(["--philox"]) {
                print(String(format: "RandomBenchmarks: numpy on its Philox4x32-10 bit generator %.1f M/s; forecast/numpy = %.2f",
                             philox / 1e6, normals / philox))
            }
        } else {
            print("RandomBenchmarks: python3 with numpy not available; no peer ratio")
        }
        #endif
    }
}
