/// manifest.json: what was run on what. Everything but `run` is deterministic.
public enum ManifestWriter {
  public static let toolVersion = "0.1.0"

  public static func render(analysis: Analysis, inputs: [InputFileInfo], outputs: [ReportFile], startedAt: String, durationSeconds: Double) -> String {
    render(analysis: analysis, inputs: inputs, outputs: outputs.map { o in
      var h = SHA256()
      h.update(o.bytes)
      return WrittenFile(name: o.name, sha256: h.finalizeHex(), bytes: o.bytes.count)
    }, startedAt: startedAt, durationSeconds: durationSeconds)
  }

  public static func render(analysis: Analysis, inputs: [InputFileInfo], outputs: [WrittenFile], startedAt: String, durationSeconds: Double) -> String {
    let c = analysis.configuration
    let config: JSONValue = .object([
      ("language", .string(c.language.rawValue)),
      ("confidence_level", .double(c.confidenceLevel, 6)),
      ("reference", .string({ if case .externalRates(let p) = c.reference { return p } else { return "all" } }())),
      ("composite", .string(c.composite.rawValue)),
      ("small_cell_threshold", .int(c.smallCellThreshold)),
      ("window_months", .int(c.windowMonths)),
      ("leaflet_budget", c.leafletBudget.map { .int($0) } ?? .null),
      ("leaflets_per_household", .double(c.leafletsPerHousehold, 3)),
      ("default_districts", .int(c.leafletDefaultDistricts)),
      ("minimum_expected", .double(c.minimumExpected, 3)),
      ("indicators", .array(analysis.indicatorSummaries.map { s in
        .object([
          ("id", .string(s.indicator.rawValue)), ("label_ja", .string(s.config.labelJa)), ("label_en", .string(s.config.labelEn)),
          ("direction", .string(s.config.direction.rawValue)), ("weight", .double(s.config.weight, 6)),
          ("denominator", .string(s.config.denominator.rawValue)), ("period", .string(s.period.description)),
        ])
      })),
    ])
    let log = analysis.diagnostics
    let manifest: JSONValue = .object([
      ("tool", .string("chiiki")),
      ("version", .string(toolVersion)),
      ("run_period", .string(analysis.runPeriod.description)),
      ("inputs", .array(inputs.map { i in
        .object([("name", .string(i.name)), ("sha256", .string(i.sha256)), ("bytes", .int(i.bytes)), ("rows", .int(i.rows)), ("encoding", .string(i.encoding.rawValue))])
      })),
      ("configuration", config),
      ("configuration_toml", .string(ConfigurationLoader.render(c))),
      ("counts", .object([
        ("districts", .int(analysis.districts.count)),
        ("indicators", .int(analysis.indicatorSummaries.count)),
        ("segments", .int(analysis.segmentCount)),
        ("segments_written", .int(min(analysis.segments.count, SegmentsWriter.maximumRows))),
        ("window_consultations", .int(analysis.windowConsultations)),
        ("leaflets_allocated", .int(analysis.leafletPlan.allocated)),
      ])),
      ("warnings", .array(log.warnings.map { .string($0.description) } + (log.warningCount > log.limit ? [.string("… and \(log.warningCount - log.limit) more warnings")] : []))),
      ("notes", .array(log.notes.map { .string($0.description) })),
      ("outputs", .array(outputs.map { o in
        .object([("name", .string(o.name)), ("sha256", .string(o.sha256)), ("bytes", .int(o.bytes))])
      })),
      ("run", .object([("started_at", .string(startedAt)), ("duration_seconds", .double(durationSeconds, 3))])),
    ])
    return manifest.rendered() + "\n"
  }
}
