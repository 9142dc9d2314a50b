import Foundation
import Testing

@testable import Chiiki

/// The releasing analysis frees the cases' segment columns once segments are made and their
/// month columns once the windows and the monthly series are made (memory at national scale):
/// the analysis must equal the one that frees nothing, and what the resource figures and the
/// report still read from the dataset's cases must survive.
@Suite struct AnalyzerCaseReleaseTests {
  func describe(_ p: DistrictPriority) -> String {
    String(reflecting: (
      p.district, p.rank, p.score, p.needIndex, p.reach.observed, p.reach.expected, p.reach.ratioInterval, p.reach.reliability,
      p.leaflets, p.drivers, p.lowData, p.previousMonth.map { ($0.rank, $0.missing) },
      p.previousYear.map { ($0.rank, $0.missing) }, p.underReachedThreeMonths))
  }

  @Test func releasingTheCaseColumnsChangesNoResult() throws {
    let dataset = try CaseDataReleaseTests().dataset()
    #expect(!dataset.cases.monthly.isEmpty && !dataset.cases.windowBySegment.isEmpty)
    let configuration = Configuration()
    let reference = try Analyzer.analyze(dataset, configuration: configuration)
    var released = dataset
    let analysis = try Analyzer.analyze(&released, configuration: configuration, releasingGrids: true)
    #expect(!analysis.priorities.isEmpty)
    #expect(analysis.priorities.map(describe) == reference.priorities.map(describe))
    #expect(analysis.segments.count == reference.segments.count)
    #expect(String(reflecting: analysis.monthlyConsultations) == String(reflecting: reference.monthlyConsultations))
    #expect(analysis.monthlyConsultations.contains { $0.count > 0 })
    #expect(analysis.windowConsultations == reference.windowConsultations)
    // The columns are gone from the dataset; the counts read later are not.
    #expect(released.cases.monthly.isEmpty && released.cases.windowBySegment.isEmpty)
    #expect(released.cases.windowUnknownConsultations == 6)
    #expect(released.cases.windowConsultations == dataset.cases.windowConsultations)
    #expect(released.cases.windowReferrals == dataset.cases.windowReferrals)
    #expect(released.cases.windowExits == dataset.cases.windowExits)
  }

  @Test func releasingTheSegmentColumnsKeepsTheUnknownCount() throws {
    var cases = try CaseDataReleaseTests().dataset().cases
    let monthly = cases.monthly
    cases.releaseSegmentColumns()
    #expect(cases.windowBySegment.isEmpty)
    #expect(cases.monthly == monthly)
    #expect(cases.windowUnknownConsultations == 6)
    // Released again later with the other columns: still the same count.
    cases.releaseDistrictColumns()
    #expect(cases.windowUnknownConsultations == 6)
  }
}
