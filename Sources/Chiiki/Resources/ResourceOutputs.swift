/// The output files of issue 9: `referral_outcomes.csv` when cases.csv has referrals, and
/// `resource_directory.md` / `.html` when resources.csv was given.
public enum ResourceOutputs {
  public static func render(_ analysis: Analysis, dataset: Dataset) -> [ReportFile] {
    var files: [ReportFile] = []
    if dataset.cases.hasReferrals {
      files.append(ReportFile(name: "referral_outcomes.csv", bytes: ReferralOutcomesWriter.render(analysis).data))
    }
    if let resources = dataset.resources {
      let directory = ResourceDirectory(resources: resources, districts: analysis.districts, labels: Labels(analysis.configuration.language))
      files.append(ReportFile(name: "resource_directory.md", text: ResourceDirectoryMarkdown.render(directory, analysis: analysis)))
      files.append(ReportFile(name: "resource_directory.html", text: ResourceDirectoryHTML.render(directory, analysis: analysis)))
    }
    return files
  }
}
