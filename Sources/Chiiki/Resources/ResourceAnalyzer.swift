/// Entry point of issue 9: resource gaps and referral outcomes, attached to an Analysis.
public enum ResourceAnalyzer {
  /// Computes `ResourceAnalysis` from the dataset and the analysis, and sets
  /// `analysis.resources`, `analysis.resourceList` (public resources only) and notes in
  /// `analysis.diagnostics` for what was skipped. Pure: no I/O.
  public static func attach(to analysis: inout Analysis, dataset: Dataset) {
    let labels = Labels(analysis.configuration.language)
    var result = ResourceAnalysis()
    var log = analysis.diagnostics

    if let resources = dataset.resources {
      let (gaps, notes) = ResourceGapEngine.run(analysis: analysis, resources: resources, cases: dataset.cases)
      result.gaps = gaps
      for note in notes { log.add(Diagnostic(.note, file: "resources.csv", note)) }
      analysis.resourceList = resources.filter(\.isPublic)
    } else {
      result.skipped.append(labels.skippedNoResources)
      log.add(Diagnostic(.note, file: "resources.csv", "not given: resource directory and resource gaps skipped"))
    }

    let cases = dataset.cases
    if cases.hasReferrals {
      let outcome = ReferralOutcomeEngine.run(cases: cases, districts: dataset.districts, level: analysis.configuration.confidenceLevel)
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
}
