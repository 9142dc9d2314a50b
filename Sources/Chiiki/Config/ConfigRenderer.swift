/// Writes a `Configuration` as chiiki.toml text: every key of `ConfigSchema` with its value,
/// sections in schema order, indicators and resource kinds sorted by their UTF-8 bytes.
enum ConfigRenderer {
  static func render(_ configuration: Configuration) -> String {
    var lines: [String] = []
    lines += keyLines(ConfigSchema.topLevel, configuration)
    for section in ConfigSchema.sections {
      lines += ["", "[\(section.name)]"] + keyLines(section.keys, configuration)
    }
    let ids = configuration.indicators.keys.sorted()
    for id in ids {
      guard let indicator = configuration.indicators[id] else { continue }
      let header = "[\(ConfigSchema.indicatorsTable).\(TOMLWriter.key(id.rawValue))]"
      lines += ["", header] + keyLines(ConfigSchema.indicatorKeys, indicator)
    }
    lines += ["", "[\(ConfigSchema.resourcesTable).\(ConfigSchema.kindsKey)]"]
    let kinds = configuration.resourceKindNeeds.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    for kind in kinds {
      lines.append("\(TOMLWriter.key(kind)) = \(TOMLWriter.stringArray(configuration.resourceKindNeeds[kind] ?? []))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func keyLines<Target>(_ keys: [ConfigKey<Target>], _ target: Target) -> [String] {
    keys.compactMap { key in key.render(target).map { "\(key.name) = \($0)" } }
  }
}
