/// Computes, for every path of a block, the quantity a target constrains (the variable,
/// its level, or its average growth) into `out` (`blockSize` elements).
func targetValues(_ rule: TargetRule, block: PathBlock, into out: UnsafeMutableBufferPointer<Double>) {
    let b = block.blockSize
    let h = rule.yearOffset - 1
    block.values.withUnsafeBufferPointer { v in
        switch rule.measure {
        case .value:
            let o = block.offset(year: h, variable: rule.variable)
            for p in 0..<b { out[p] = v[o + p] }
        case .level(let lastLevel):
            for p in 0..<b { out[p] = lastLevel }
            for year in 0...h {
                let o = block.offset(year: year, variable: rule.variable)
                for p in 0..<b { out[p] *= 1 + v[o + p] / 100 }
            }
        case .averageGrowth(let fromOffset):
            for p in 0..<b { out[p] = 1 }
            for year in (fromOffset - 1)...h {
                let o = block.offset(year: year, variable: rule.variable)
                for p in 0..<b { out[p] *= 1 + v[o + p] / 100 }
            }
            let exponent = 1 / Double(h - fromOffset + 2)
            for p in 0..<b {
                // A cumulative factor <= 0 (growth <= -100%) has no average growth: NaN marks it.
                out[p] = out[p] > 0 ? 100 * (pow(out[p], exponent) - 1) : .nan
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
