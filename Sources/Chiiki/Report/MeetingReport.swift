import Foundation

/// How the meeting summary is customised. Every field is optional; the defaults give the
/// built-in templates and proposal rules.
public struct ReportOptions: Sendable {
  /// Folder with `meeting_summary.md.mustache`, `meeting_summary.html.mustache` and/or
  /// `meeting_summary.css` replacing the built-in ones (see `TemplateSet`).
  public var templatesDirectory: String?
  /// A proposal-rules file replacing the built-in rules (format: `DefaultProposalRules.text`).
  public var proposalRulesPath: String?
  /// The data folder; `proposals.rules` there is used when `proposalRulesPath` is nil.
  public var dataDirectory: String?

  public init(templatesDirectory: String? = nil, proposalRulesPath: String? = nil, dataDirectory: String? = nil) {
    self.templatesDirectory = templatesDirectory
    self.proposalRulesPath = proposalRulesPath
    self.dataDirectory = dataDirectory
  }

  /// The file name looked for in the data folder.
  public static let dataFolderRulesFile = "proposals.rules"
}

/// The meeting summary (支援調整会議 資料) in Markdown and HTML.
public enum MeetingReport {
  /// Renders `meeting_summary.md` and `meeting_summary.html`. Never fails: a customisation that
  /// cannot be used is replaced by the built-in one and named in the data-quality section
  /// (call `check(_:)` first to fail early instead).
  public static func render(_ analysis: Analysis, dataset: Dataset, options: ReportOptions = ReportOptions()) -> [ReportFile] {
    var problems: [String] = []
    let labels = Labels(analysis.configuration.language)
    let loaded: TemplateSet?
    do {
      loaded = try TemplateSet.load(directory: options.templatesDirectory)
    } catch {
      problems.append(labels.customisationFailed(error.description))
      loaded = builtInTemplates()
    }
    guard let templates = loaded else { return [] }
    let rules: (rules: [ProposalRule], source: String)
    do {
      rules = try loadRules(options)
    } catch {
      problems.append(labels.customisationFailed(error.description))
      rules = (builtInRules(), DefaultProposalRules.source)
    }
    let model = ReportBuilder.build(analysis: analysis, dataset: dataset, rules: rules.rules, rulesSource: rules.source,
                                    problems: problems, css: templates.css)
    return [
      ReportFile(name: "meeting_summary.md", text: templates.markdown.render(model)),
      ReportFile(name: "meeting_summary.html", text: templates.html.render(model)),
    ]
  }

  /// Checks the customisations of `options` (templates parse, rules parse) with typed errors.
  public static func check(_ options: ReportOptions) throws(ReportError) {
    _ = try TemplateSet.load(directory: options.templatesDirectory)
    _ = try loadRules(options)
  }

  /// The proposal rules in force and where they came from (a file name, or "built-in").
  static func loadRules(_ options: ReportOptions) throws(ReportError) -> (rules: [ProposalRule], source: String) {
    var path = options.proposalRulesPath
    if path == nil, let dir = options.dataDirectory {
      let candidate = (dir as NSString).appendingPathComponent(ReportOptions.dataFolderRulesFile)
      if FileManager.default.fileExists(atPath: candidate) { path = candidate }
    }
    guard let path else { return (builtInRules(), DefaultProposalRules.source) }
    let name = (path as NSString).lastPathComponent
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
      throw .proposalRules(source: name, line: nil, message: "cannot be read as UTF-8 text")
    }
    return (try ProposalRulesParser.parse(text, source: name), name)
  }

  /// The built-in rules; they are tested to parse.
  static func builtInRules() -> [ProposalRule] {
    (try? ProposalRulesParser.parse(DefaultProposalRules.text, source: DefaultProposalRules.source)) ?? []
  }

  /// The built-in templates; they are tested to parse, so nil is unreachable in practice.
  static func builtInTemplates() -> TemplateSet? { try? TemplateSet.builtIn() }
}

/// Assembles the view model from the analysis, section by section.
enum ReportBuilder {
  static func build(analysis: Analysis, dataset: Dataset, rules: [ProposalRule], rulesSource: String, problems: [String], css: String) -> ReportModel {
    let c = ReportContext(analysis: analysis, dataset: dataset)
    let l = c.labels
    let matches = ProposalEngine.evaluate(rules, c)
    let summary = SummarySection.build(c, proposals: matches.count)
    let source = rulesSource == DefaultProposalRules.source ? l.builtInRules : rulesSource
    let charts = ChartsModel(
      funnels: c.indicators.map { FunnelChart.render($0.summary, $0.results, c) },
      ranked: RankedBarChart.render(c), trend: TrendChart.render(c))
    let centre = analysis.configuration.centreName
    return ReportModel(
      lang: analysis.configuration.language.rawValue, t: ReportWords(l, level: c.levelText),
      title: l.reportTitle, centre: centre.isEmpty ? nil : centre,
      period: l.periodWithWareki(analysis.runPeriod), window: l.window(c.windowStart, analysis.runPeriod),
      summary: summary.lines, keyFigures: summary.figures,
      outreach: OutreachSection.build(c), issues: IssuesSection.build(c), resources: ResourcesSection.build(c),
      proposals: ProposalEngine.section(matches, c, rulesSource: source),
      quality: QualitySection.build(c, problems: problems),
      methods: MethodsSection.build(c, rulesSource: source), charts: charts, css: css)
  }
}
