/// Applies a parsed chiiki.toml to the default `Configuration`, key by key, following
/// `ConfigSchema`. Every problem is collected (not just the first), each at its line and column.
struct ConfigBinder {
  /// The file's name as the user knows it, for diagnostics.
  let file: String
  let context: ConfigContext
  private(set) var configuration = Configuration()
  private(set) var log = DiagnosticLog()

  init(file: String, context: ConfigContext) {
    self.file = file
    self.context = context
  }

  mutating func bind(_ root: TOMLTable) {
    for entry in root.entries {
      if let key = ConfigSchema.topLevel.first(where: { $0.name == entry.key }) {
        var configuration = self.configuration
        apply(key, entry.node, to: &configuration)
        self.configuration = configuration
      } else if let section = ConfigSchema.sections.first(where: { $0.name == entry.key }) {
        guard let table = table(entry, named: section.name, expects: section.keys.map(\.name)) else { continue }
        var configuration = self.configuration
        bindKeys(section.keys, table: table, named: section.name, into: &configuration)
        self.configuration = configuration
      } else if entry.key == ConfigSchema.indicatorsTable {
        bindIndicators(entry)
      } else if entry.key == ConfigSchema.resourcesTable {
        bindResources(entry)
      } else {
        unknown(entry, in: nil, expected: ConfigSchema.topLevelNames)
      }
    }
  }

  // MARK: Sections

  private mutating func bindIndicators(_ entry: TOMLTable.Entry) {
    let keyNames = ConfigSchema.indicatorKeys.map(\.name)
    guard let indicators = table(entry, named: ConfigSchema.indicatorsTable, expects: ["<id>"]) else { return }
    for item in indicators.entries {
      let name = "\(ConfigSchema.indicatorsTable).\(TOMLWriter.key(item.key))"
      guard case .table(let table) = item.node.value else {
        error(
          at: item.keyLocation,
          "\(name) must be a table such as [\(name)] with the keys \(keyNames.joined(separator: ", ")), not \(item.node.shown)")
        continue
      }
      guard !item.key.isEmpty else {
        error(at: item.keyLocation, "an indicator id must not be empty")
        continue
      }
      let id = IndicatorID(item.key)
      var indicator = configuration.indicators[id] ?? .fallback(for: id)
      bindKeys(ConfigSchema.indicatorKeys, table: table, named: name, into: &indicator)
      if let minimum = indicator.minAge, let maximum = indicator.maxAge, minimum > maximum {
        let location = table.entry("max_age")?.node.location ?? table.entry("min_age")?.node.location ?? table.location
        error(at: location, "max_age (\(maximum)) must not be below min_age (\(minimum)) in [\(name)]")
      }
      configuration.indicators[id] = indicator
    }
  }

  private mutating func bindResources(_ entry: TOMLTable.Entry) {
    let resources = ConfigSchema.resourcesTable
    guard let table = table(entry, named: resources, expects: [ConfigSchema.kindsKey]) else { return }
    for item in table.entries {
      guard item.key == ConfigSchema.kindsKey else {
        unknown(item, in: resources, expected: [ConfigSchema.kindsKey])
        continue
      }
      guard let kinds = self.table(item, named: "\(resources).\(ConfigSchema.kindsKey)", expects: ["<kind>"]) else {
        continue
      }
      for kind in kinds.entries {
        guard !kind.key.isEmpty else {
          error(at: kind.keyLocation, "a resource kind must not be empty")
          continue
        }
        do {
          configuration.resourceKindNeeds[kind.key] = try kind.node.textList(TOMLWriter.quoted(kind.key))
        } catch {
          self.error(at: error.location ?? kind.node.location, error.message)
        }
      }
    }
  }

  // MARK: Helpers

  /// Applies the keys of `table` to `target`, reporting keys the schema does not list.
  private mutating func bindKeys<Target>(
    _ keys: [ConfigKey<Target>], table: TOMLTable, named name: String, into target: inout Target
  ) {
    for entry in table.entries {
      guard let key = keys.first(where: { $0.name == entry.key }) else {
        unknown(entry, in: name, expected: keys.map(\.name))
        continue
      }
      apply(key, entry.node, to: &target)
    }
  }

  private mutating func apply<Target>(_ key: ConfigKey<Target>, _ node: TOMLNode, to target: inout Target) {
    do {
      try key.apply(node, &target, context)
    } catch {
      self.error(at: error.location ?? node.location, error.message)
    }
  }

  /// The entry's table, or nil after reporting that it is a plain value.
  private mutating func table(_ entry: TOMLTable.Entry, named name: String, expects keys: [String]) -> TOMLTable? {
    if case .table(let table) = entry.node.value { return table }
    error(
      at: entry.keyLocation,
      "\(name) must be a table, written as [\(name)] followed by lines such as \(keys.first ?? "key") = …, "
        + "not \(entry.node.shown)")
    return nil
  }

  /// Reports a key or table that is not in the schema, with the expected names and a guess.
  private mutating func unknown(_ entry: TOMLTable.Entry, in tableName: String?, expected: [String]) {
    let key = TOMLWriter.key(entry.key)
    var message: String
    var location = entry.keyLocation
    if case .table(let table) = entry.node.value, table.origin == .header || table.origin == .implicit {
      let full = tableName.map { "\($0).\(key)" } ?? key
      message = "unknown table [\(full)]"
      location = table.location
    } else {
      message = "unknown key '\(entry.key)'" + (tableName.map { " in [\($0)]" } ?? " at the top level")
    }
    message += "; expected one of " + expected.joined(separator: ", ")
    if let home = ConfigSchema.home(of: entry.key), entry.node.value.isScalarOrArray {
      message += " (\(entry.key) belongs \(home))"
    } else if let guess = Suggestion.closest(to: entry.key, among: expected) {
      message += " (did you mean \(guess)?)"
    }
    error(at: location, message)
  }

  private mutating func error(at location: TOMLLocation, _ message: String) {
    log.add(Diagnostic(.error, file: file, line: location.line, column: location.column, message))
  }
}
