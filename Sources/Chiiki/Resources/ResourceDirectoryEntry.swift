/// One directory entry written in either of the directory's two syntaxes, so that
/// resource_directory.html and resource_directory.md walk an entry the same way (the same fields,
/// in the same order, skipped under the same conditions) and differ only in markup.
enum DirectoryMarkup {
  case html
  case markdown

  /// The fixed pieces around an entry's fields, in this markup, with the labels of one language.
  struct Pieces {
    /// Before and after the resource's name.
    let nameOpen: String
    let nameClose: String
    /// Before the target, address, contact and hours fields, and before the URL.
    let fields: [String]
    let url: String
    /// After each field, and after the whole entry.
    let fieldClose: String
    let entryClose: String
  }

  func pieces(_ labels: Labels) -> Pieces {
    let names = [labels.directoryTarget, labels.directoryAddress, labels.directoryContact, labels.directoryHours]
    switch self {
    case .html:
      return Pieces(
        nameOpen: "<article class=\"resource\">\n<h4>", nameClose: "</h4>\n<dl>\n",
        fields: names.map { "<dt>\(HTML.escape($0))</dt><dd>" }, url: "<dt>\(HTML.escape(labels.directoryURL))</dt><dd>",
        fieldClose: "</dd>\n", entryClose: "</dl>\n</article>\n")
    case .markdown:
      return Pieces(
        nameOpen: "\n#### ", nameClose: "\n\n",
        fields: names.map { "- \($0): " }, url: "- \(labels.directoryURL): ",
        fieldClose: "\n", entryClose: "")
    }
  }

  /// Appends `entry` (its fields read in place, as bytes: no `String` per field), every input
  /// text escaped for this markup; a linkable URL becomes a link.
  /// `scratch`: room reused for an address joined with its district's name.
  func append(_ entry: ResourceDirectory.Entry, of directory: ResourceDirectory, _ p: Pieces, scratch: inout [UInt8], to out: inout ByteText) {
    let resource = directory.resources[entry.index]
    out.add(p.nameOpen)
    resource.withBytes(.name) { escape($0, &out) }
    out.add(p.nameClose)
    func field(_ label: String, _ value: Resource.Field) {
      guard !resource.isEmpty(value) else { return }
      out.add(label)
      resource.withBytes(value) { escape($0, &out) }
      out.add(p.fieldClose)
    }
    field(p.fields[0], .target)
    if entry.addressForm != .districtName || !directory.districts.districts[resource.district].name.isEmpty {
      out.add(p.fields[1])
      directory.withAddressBytes(of: entry, scratch: &scratch) { escape($0, &out) }
      out.add(p.fieldClose)
    }
    field(p.fields[2], .contact)
    field(p.fields[3], .hours)
    if !resource.isEmpty(.url) {
      out.add(p.url)
      if let link = entry.link {
        switch self {
        case .html:
          out.add("<a href=\"")
          out.addHTML(link)
          out.add("\">")
          out.addHTML(link)
          out.add("</a>")
        case .markdown:
          out.add("<")
          out.add(link)
          out.add(">")
        }
      } else {
        resource.withBytes(.url) { escape($0, &out) }
      }
      out.add(p.fieldClose)
    }
    out.add(p.entryClose)
  }

  private func escape(_ utf8: UnsafeBufferPointer<UInt8>, _ out: inout ByteText) {
    switch self {
    case .html: out.addHTML(utf8: utf8)
    case .markdown: out.addMarkdown(utf8: utf8)
    }
  }
}
