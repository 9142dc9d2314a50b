import Foundation
import Testing

@testable import Chiiki

extension StatisticsTests {
  @Suite struct CompositeIndexTests {
    @Test func percentRankWithTies() {
      // dplyr::percent_rank / SQL PERCENT_RANK by hand: sorted 1, 2, 2, 5, 9 -> min ranks 1, 2, 2, 4, 5;
      // (rank − 1)/(5 − 1).
      let ranks = CompositeIndex.percentRank([5, 2, 9, 2, 1])
      #expect(ranks == [0.75, 0.25, 1.0, 0.25, 0.0])
    }

    @Test func percentRankSkipsNaN() {
      let ranks = CompositeIndex.percentRank([3, .nan, 1, 2])
      #expect(ranks[0] == 1.0)
      #expect(ranks[1].isNaN)
      #expect(ranks[2] == 0.0)
      #expect(ranks[3] == 0.5)
    }

    @Test func percentRankSingleValue() {
      #expect(CompositeIndex.percentRank([7]) == [0])
      #expect(CompositeIndex.percentRank([]).isEmpty)
    }

    @Test func imdExponentialTransform() {
      // -23·ln(1 − R(1 − e^(−100/23))) in Python, computed 2026-11-27; methods-anchors.md §5.2 quotes
      // R = 0.5 -> 15.65 and R = 0.8979 -> 50.
      #expect(isClose(CompositeIndex.imdExponential(rankFraction: 0.5), 15.646790072602894))
      #expect(isClose(CompositeIndex.imdExponential(rankFraction: 0.8979), 50.00353120725184))
      #expect(isClose(CompositeIndex.imdExponential(rankFraction: 0.9), 50.426654274244))
      #expect(isClose(CompositeIndex.imdExponential(rankFraction: 1), 100, relative: 1e-12))
      #expect(CompositeIndex.imdExponential(rankFraction: 0) == 0)
      #expect(CompositeIndex.imdExponential(rankFraction: 1.2).isNaN)
    }

    @Test func weightedGeometricMean() {
      // exp((1·ln 2 + 1·ln 0.5)/2) = 1: a doubling offsets a halving.
      #expect(isClose(CompositeIndex.weightedGeometricMean([2, 0.5], weights: [1, 1]), 1, relative: 1e-15))
      // exp((2·ln 1.5 + 1·ln 0.8)/3) = (1.5²·0.8)^(1/3) = 1.8^(1/3) = 1.21644039911468 (Python 2026-11-27).
      #expect(isClose(CompositeIndex.weightedGeometricMean([1.5, 0.8], weights: [2, 1]), 1.21644039911468))
      // NaN values and zero weights are skipped.
      #expect(isClose(CompositeIndex.weightedGeometricMean([1.5, .nan, 0.8, 9], weights: [2, 1, 1, 0]), 1.21644039911468))
      #expect(CompositeIndex.weightedGeometricMean([1, 0], weights: [1, 1]) == 0)
      #expect(CompositeIndex.weightedGeometricMean([1, -1], weights: [1, 1]).isNaN)
      #expect(CompositeIndex.weightedGeometricMean([1], weights: [1, 2]).isNaN)
    }
  }
}
