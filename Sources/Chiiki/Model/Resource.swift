/// One social resource (社会資源) from resources.csv.
public struct Resource: Hashable, Sendable {
  public var id: String
  public var name: String
  /// Kind of resource, e.g. 就労, 中間的就労, 居場所, 学習支援, 食料支援, 住まい, 相談.
  public var kind: String
  public var district: Int
  public var capacity: Int?
  public var target: String
  public var address: String
  public var contact: String
  public var hours: String
  public var url: String
  /// False keeps the resource (e.g. a private shelter) out of resident-facing output.
  public var isPublic: Bool
}
