/// The view model the templates render: plain strings, booleans and lists, already formatted
/// and suppressed, not yet escaped (the template's content type escapes `{{x}}`).
/// Field names are the template API; keep them stable and document changes.
struct ReportModel {
  var lang: String
  /// Headings and column names of the language.
  var t: ReportWords
  var title: String
  var centre: String?
  var period: String
  var window: String
  var summary: [Line]
  var keyFigures: [KeyValue]
  var outreach: OutreachModel
  var issues: IssuesModel
  var resources: ResourcesModel
  var proposals: ProposalsModel
  var quality: QualityModel
  var methods: MethodsModel
  /// Inline SVG charts (HTML only); generated from numbers by our own code.
  var charts: ChartsModel
  /// Inline CSS of the HTML report.
  var css: String
}

struct Line { var text: String }

struct KeyValue {
  var key: String
  var value: String
}

struct DistrictRow {
  var rank: String
  var name: String
  var area: String
  var needIndex: String
  var observed: String
  var expected: String
  var missing: String
  var ratio: String
  var ratioInterval: String
  var leaflets: String
  var change: String
  var reasons: String
  /// nil when the district has no flag.
  var flags: String?
}

struct AreaRow {
  var name: String
  var districts: String
  var needIndex: String
  var households: String
  var leaflets: String
}

struct SegmentRow {
  var rank: String
  var district: String
  var sex: String
  var age: String
  var population: String
  var needIndex: String
  var expected: String
  var below: String
  var reasons: String
}

struct OutreachModel {
  var intro: String
  var districts: [DistrictRow]
  var moreNote: String?
  var leaflets: [Line]
  var hasAreas: Bool
  var areas: [AreaRow]
  var hasSegments: Bool
  var segments: [SegmentRow]
  var segmentNote: String
}

struct IndicatorDistrictRow {
  var name: String
  var observed: String
  var expected: String
  var ratio: String
  var interval: String
  var smoothed: String
  var funnel: String
}

struct IndicatorIssue {
  var label: String
  var facts: String
  var hasHigh: Bool
  var high: [IndicatorDistrictRow]
  var noneHigh: String
}

struct HeatCell {
  var text: String
  /// CSS class: h2 (high 99.8), h1 (high 95), n, l1, l2.
  var cls: String
}

struct HeatRow {
  var name: String
  var cells: [HeatCell]
}

struct UnderRow {
  var name: String
  var observed: String
  var expected: String
  var ratio: String
  var interval: String
  var persistent: String
}

struct CategoryRow {
  var name: String
  var consultations: String
  var dissimilarity: String
  var underReached: String
}

struct MonthRow {
  var period: String
  var count: String
}

struct IssuesModel {
  var indicators: [IndicatorIssue]
  var heatHeaders: [Line]
  var heatRows: [HeatRow]
  var heatLegend: String
  var hasUnder: Bool
  var under: [UnderRow]
  var noneUnder: String
  var changes: [Line]
  var hasCategories: Bool
  var categories: [CategoryRow]
  var months: [MonthRow]
}

struct GapRow {
  var area: String
  var kind: String
  var resources: String
  var capacity: String
  var needRatio: String
  var needLower: String
  var capacityPerThousand: String
  var gap: String
}

struct OutcomeRow {
  var name: String
  var category: String
  var consultations: String
  var referrals: String
  var referralRate: String
  var exits: String
  var exitRate: String
  var flag: String
}

struct ResourcesModel {
  var hasGaps: Bool
  var gaps: [GapRow]
  var gapSummary: [Line]
  var hasOutcomes: Bool
  var outcomes: [OutcomeRow]
  var flagged: [Line]
  var skipped: [Line]
  var notComputed: String?
}

struct ProposalItem {
  var number: String
  var title: String
  var action: String
  var partners: String?
  var districts: String
  var evidence: [Line]
}

struct ProposalsModel {
  var intro: String
  var hasItems: Bool
  var items: [ProposalItem]
  var none: String
  var rulesSource: String
}

struct QualityModel {
  var items: [Line]
}

struct MethodItem {
  var name: String
  var text: String
}

struct InputRow {
  var name: String
  var rows: String
  var encoding: String
  var sha256: String
}

struct MethodsModel {
  var items: [MethodItem]
  var facts: [KeyValue]
  var inputs: [InputRow]
}

struct ChartItem {
  var title: String
  var svg: String
  var note: String
}

struct ChartsModel {
  var funnels: [ChartItem]
  var ranked: ChartItem?
  var trend: ChartItem?
}
