/// One directory entry written in either of the directory's two syntaxes, so that
/// resource_directory.html and resource_directory.md walk an entry the same way (the same fields,
/// in the same order, skipped under the same conditions) and differ only in markup.
enum DirectoryMarkup {
  case html
  case markdown

  /// The fixed pieces around an entry's fields, in this markup, with the labels of one language,
  /// as UTF-8 (appended per entry without a `String` copy, and its retain, per piece).
  struct Pieces {
    /// Before and after the resource's name.
    let nameOpen: [UInt8]
    let nameClose: [UInt8]
    /// Before the target, address, contact and hours fields, and before the URL.
    let target: [UInt8]
    let address: [UInt8]
    let contact: [UInt8]
    let hours: [UInt8]
    let url: [UInt8]
    /// After each field, and after the whole entry.
    let fieldClose: [UInt8]
    let entryClose: [UInt8]

    init(nameOpen: String, nameClose: String, fields: [String], url: String, fieldClose: String, entryClose: String) {
      self.nameOpen = Array(nameOpen.utf8)
      self.nameClose = Array(nameClose.utf8)
      target = Array(fields[0].utf8)
      address = Array(fields[1].utf8)
      contact = Array(fields[2].utf8)
      hours = Array(fields[3].utf8)
      self.url = Array(url.utf8)
      self.fieldClose = Array(fieldClose.utf8)
      self.entryClose = Array(entryClose.utf8)
    }
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
    func field(_ label: [UInt8], _ value: Resource.Field) {
      guard !resource.isEmpty(value) else { return }
      out.add(label)
      resource.withBytes(value) { escape($0, &out) }
      out.add(p.fieldClose)
    }
    field(p.target, .target)
    if !directory.addressIsEmpty(entry) {
      out.add(p.address)
      directory.withAddressBytes(of: entry, scratch: &scratch) { escape($0, &out) }
      out.add(p.fieldClose)
    }
    field(p.contact, .contact)
    field(p.hours, .hours)
    if !resource.isEmpty(.url) {
      out.add(p.url)
      if entry.linkSlot == 1 {
        // A link to the URL as given: its bytes in place.
        resource.withBytes(.url) { link(utf8: $0, &out) }
      } else if let link = directory.link(of: entry) {
        var link = link
        link.withUTF8 { self.link(utf8: $0, &out) }
      } else {
        resource.withBytes(.url) { escape($0, &out) }
      }
      out.add(p.fieldClose)
    }
    out.add(p.entryClose)
  }

  /// A linkable URL (`ResourceDirectory.linkableURL`) as a link in this markup.
  private func link(utf8 link: UnsafeBufferPointer<UInt8>, _ out: inout ByteText) {
    switch self {
    case .html:
      out.add("<a href=\"")
      out.addHTML(utf8: link)
      out.add("\">")
      out.addHTML(utf8: link)
      out.add("</a>")
    case .markdown:
      out.add("<")
      out.add(utf8: link)
      out.add(">")
    }
  }

  private func escape(_ utf8: UnsafeBufferPointer<UInt8>, _ out: inout ByteText) {
    switch self {
    case .html: out.addHTML(utf8: utf8)
    case .markdown: out.addMarkdown(utf8: utf8)
    }
  }
}
