import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct EmpiricalBayesTests {
    /* Hand example, checked with numpy 2026-11-27:
       O = [2, 10, 30, 5], E = [4, 10, 20, 10], r = [0.5, 1, 1.5, 0.5]
       b  = 47/44 = 1.0681818181818181
       s2 = Σ E (r − b)² / ΣE = 0.18853305785123967
       a  = s2 − b / mean(E) = s2 − 1.0681818/11 = 0.09142561983471074
       w  = a / (a + b/E) = [0.25504322766570603, 0.4611776967170401, 0.6312410841654779, 0.4611776967170401]
       smoothed = b + w (r − b) = [0.9232708933717579, 1.0367378843147472, 1.3407631954350927, 0.8061490359562271]
    */
    @Test func handComputedExample() {
      let result = EmpiricalBayes.poissonGamma(observed: [2, 10, 30, 5], expected: [4, 10, 20, 10])
      #expect(isClose(result.priorMean, 1.0681818181818181))
      #expect(isClose(result.priorVariance, 0.09142561983471074))
      let smoothed = [0.9232708933717579, 1.0367378843147472, 1.3407631954350927, 0.8061490359562271]
      let weights = [0.25504322766570603, 0.4611776967170401, 0.6312410841654779, 0.4611776967170401]
      for i in 0..<4 {
        #expect(isClose(result.smoothed[i], smoothed[i]))
        #expect(isClose(result.shrinkageWeight[i], weights[i]))
      }
    }

    @Test func smoothedLiesBetweenRawAndPriorMean() {
      let observed: [Double] = [0, 1, 3, 12, 40, 7, 2, 25, 9, 60]
      let expected: [Double] = [1.2, 0.8, 5, 10, 30, 9.5, 6, 18, 11, 44]
      let result = EmpiricalBayes.poissonGamma(observed: observed, expected: expected)
      #expect(result.priorVariance > 0)  // these ratios vary far more than Poisson noise
      for i in observed.indices {
        let raw = observed[i] / expected[i]
        let low = min(raw, result.priorMean)
        let high = max(raw, result.priorMean)
        #expect(result.smoothed[i] >= low && result.smoothed[i] <= high)
        #expect(result.shrinkageWeight[i] >= 0 && result.shrinkageWeight[i] <= 1)
      }
      // Larger E means more weight on the unit's own ratio (weight rises with E at fixed a, b).
      #expect(result.shrinkageWeight[9] > result.shrinkageWeight[1])
    }

    @Test func equalRatiosPoolFully() {
      let result = EmpiricalBayes.poissonGamma(observed: [3, 6, 9], expected: [2, 4, 6])
      #expect(result.priorMean == 1.5)
      #expect(result.priorVariance == 0)
      #expect(result.smoothed == [1.5, 1.5, 1.5])
      #expect(result.shrinkageWeight == [0, 0, 0])
    }

    @Test func zeroExpectedUnitGetsPriorMean() {
      // The E = 0 unit is left out of b: b = (2 + 10 + 30 + 5)/44 as in the hand example.
      let result = EmpiricalBayes.poissonGamma(observed: [2, 10, 30, 5, 4], expected: [4, 10, 20, 10, 0])
      #expect(isClose(result.priorMean, 1.0681818181818181))
      #expect(result.smoothed[4] == result.priorMean)
      #expect(result.shrinkageWeight[4] == 0)
      #expect(isClose(result.smoothed[2], 1.3407631954350927))
    }
  }
}
