/// Entry point of issue 9: resource gaps and referral outcomes, attached to an Analysis.
public enum ResourceAnalyzer {
  /// Computes `ResourceAnalysis` from the dataset and the analysis, and sets
  /// `analysis.resources`, `analysis.resourceList` (public resources only) and notes in
  /// `analysis.diagnostics` for what was skipped. Pure: no I/O.
  public static func attach(to analysis: inout Analysis, dataset: Dataset) {
    let labels = Labels(analysis.configuration.language)
    var result = ResourceAnalysis()
    var log = analysis.diagnostics

    // The gap engine and the outcome engine do not depend on each other: one per core.
    let snapshot = analysis
    let cases = dataset.cases
    let parts = ParallelMap.map(2) { i -> Part in
      if i == 0 {
        guard let resources = dataset.resources else { return .none }
        let (gaps, notes) = ResourceGapEngine.run(analysis: snapshot, resources: resources, cases: cases)
        return .gaps(gaps, notes)
      }
      guard cases.hasReferrals else { return .none }
      return .outcome(ReferralOutcomeEngine.run(cases: cases, districts: dataset.districts, level: snapshot.configuration.confidenceLevel))
    }

    if let resources = dataset.resources, case .gaps(let gaps, let notes) = parts[0] {
      result.gaps = gaps
      for note in notes { log.add(Diagnostic(.note, file: "resources.csv", note)) }
      analysis.resourceList = resources.filter(\.isPublic)
    } else {
      result.skipped.append(labels.skippedNoResources)
      log.add(Diagnostic(.note, file: "resources.csv", "not given: resource directory and resource gaps skipped"))
    }

    if cases.hasReferrals, case .outcome(let outcome) = parts[1] {
      result.outcomes = outcome.outcomes
      result.outcomeTrend = outcome.trend
      result.window = outcome.window
      result.outcomesHaveExits = cases.hasExits
      if !cases.hasExits {
        result.skipped.append(labels.skippedNoExits)
        log.add(Diagnostic(.note, file: "cases.csv", "no exits column: exit rates and exit flags skipped"))
      }
    } else {
      result.skipped.append(labels.skippedNoReferrals)
      log.add(Diagnostic(.note, file: "cases.csv", "no referrals column: referral outcomes (referral_outcomes.csv) skipped"))
    }
    analysis.resources = result
    analysis.diagnostics = log
  }

  /// What each of the two engines returned.
  private enum Part: Sendable {
    case none
    case gaps([ResourceGap], [String])
    case outcome(ReferralOutcomeEngine.Result)
  }
}
