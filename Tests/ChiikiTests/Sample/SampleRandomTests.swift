import Testing

@testable import Chiiki

@Suite struct SampleRandomTests {
  @Test func sameSeedSameSequence() {
    var a = SampleRandom(seed: 42)
    var b = SampleRandom(seed: 42)
    for _ in 0..<100 { #expect(a.next() == b.next()) }
    var c = SampleRandom(seed: 43)
    #expect((0..<10).map { _ in a.next() } != (0..<10).map { _ in c.next() })
  }

  @Test func binomialStaysInRange() {
    var rng = SampleRandom(seed: 1)
    for n in [0, 1, 5, 40, 900, 5_000] {
      for p in [0.0, 0.01, 0.3, 0.6, 0.95, 1.0] {
        let k = rng.binomial(n, p)
        #expect(k >= 0 && k <= n)
      }
    }
  }

  @Test func poissonMeanIsAboutLambda() {
    var rng = SampleRandom(seed: 3)
    let draws = 20_000
    var sum = 0
    for _ in 0..<draws { sum += rng.poisson(2.5) }
    let mean = Double(sum) / Double(draws)
    #expect(abs(mean - 2.5) < 0.1)
  }

  @Test func kanjiNumerals() {
    #expect(TownNames.kanji(1) == "一")
    #expect(TownNames.kanji(10) == "十")
    #expect(TownNames.kanji(12) == "十二")
    #expect(TownNames.kanji(23) == "二十三")
    #expect(TownNames.districtName(town: "港町", chome: 3) == "港町三丁目")
    #expect(TownNames.districtName(town: "桜台", chome: 0) == "桜台")
  }

  @Test func namesStayUniqueBeyondTheBaseList() throws {
    let generator = try CityGenerator(options: .init(districts: 8_000, areas: 5, seed: 9))
    let names = generator.layout.districts.indices.map { generator.layout.name($0) }
    #expect(Set(names).count == names.count)
    let codes = generator.layout.districts.indices.map { generator.layout.code($0) }
    #expect(Set(codes).count == codes.count)
  }
}
