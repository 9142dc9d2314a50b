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
    guard let setup = Setup(analysis, options) else { return [] }
    let model = setup.model(analysis, dataset)
    return [
      ReportFile(name: "meeting_summary.md", text: setup.templates.markdown.render(model)),
      ReportFile(name: "meeting_summary.html", text: setup.templates.html.render(model)),
    ]
  }

  /// What a rendering uses besides the analysis: the templates and proposal rules in force, and
  /// the customisations that could not be used (named in the data-quality section).
  struct Setup {
    let templates: TemplateSet
    let rules: [ProposalRule]
    let rulesSource: String
    let problems: [String]

    /// nil only if even the built-in templates fail to parse (they are tested to parse).
    init?(_ analysis: Analysis, _ options: ReportOptions) {
      var problems: [String] = []
      let labels = Labels(analysis.configuration.language)
      let loaded: TemplateSet?
      do {
        loaded = try TemplateSet.load(directory: options.templatesDirectory)
      } catch {
        problems.append(labels.customisationFailed(error.description))
        loaded = builtInTemplates()
      }
      guard let templates = loaded else { return nil }
      self.templates = templates
      do {
        (rules, rulesSource) = try loadRules(options)
      } catch {
        problems.append(labels.customisationFailed(error.description))
        (rules, rulesSource) = (builtInRules(), DefaultProposalRules.source)
      }
      self.problems = problems
    }

    /// The view model; `funnelSVG` gives the text put in each funnel plot's `svg` (default:
    /// the whole element).
    func model(_ analysis: Analysis, _ dataset: Dataset, funnelSVG: (FunnelDrawing) -> String = FunnelDrawing.text) -> ReportModel {
      ReportBuilder.build(analysis: analysis, dataset: dataset, rules: rules, rulesSource: rulesSource,
                          problems: problems, css: templates.css, funnelSVG: funnelSVG)
    }
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
  static func build(analysis: Analysis, dataset: Dataset, rules: [ProposalRule], rulesSource: String, problems: [String], css: String,
                    funnelSVG: (FunnelDrawing) -> String = FunnelDrawing.text) -> ReportModel {
    let c = ReportContext(analysis: analysis, dataset: dataset)
    let l = c.labels
    let matches = ProposalEngine.evaluate(rules, c)
    let summary = SummarySection.build(c, proposals: matches.count)
    let source = rulesSource == DefaultProposalRules.source ? l.builtInRules : rulesSource
    let charts = ChartsModel(
      funnels: c.indicators.map { indicator in
        let drawing = FunnelDrawing(indicator.summary, indicator.results, c)
        return ChartItem(title: drawing.title, svg: funnelSVG(drawing), note: drawing.note)
      },
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
