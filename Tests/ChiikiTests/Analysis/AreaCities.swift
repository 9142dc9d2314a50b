import Foundation

@testable import Chiiki

/// Generated cities with several areas and a year of cases, one per seed, removed after use: for
/// the tests that compare area and centre totals of the case columns with direct sums.
enum AreaCities {
  static func each(seeds: [UInt64], districts: Int, areas: Int, _ body: (GeneratedCity) throws -> Void) throws {
    for seed in seeds {
      let city = try GeneratedCity(CityGenerator.Options(districts: districts, areas: areas, seed: seed, caseMonths: 12))
      defer { city.remove() }
      try body(city)
    }
  }
}
