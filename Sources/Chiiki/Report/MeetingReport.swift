/// The meeting summary (支援調整会議) in Markdown and HTML.
public enum MeetingReport {
  public static func render(_ analysis: Analysis, dataset: Dataset) -> [ReportFile] {
    let md = MeetingMarkdown.render(analysis)
    return [
      ReportFile(name: "meeting_summary.md", text: md),
      ReportFile(name: "meeting_summary.html", text: MeetingHTML.render(analysis)),
    ]
  }
}

/// First version of the Markdown summary: the ranked outreach plan.
enum MeetingMarkdown {
  static func render(_ analysis: Analysis) -> String {
    let labels = Labels(analysis.configuration.language)
    var out = "# \(labels.pick("支援調整会議 資料：地域の状況と広報計画", "Coordination meeting: regional needs and outreach plan"))\n\n"
    out += "\(labels.pick("対象月", "Run period")): \(labels.period(analysis.runPeriod))\n\n"
    out += "| \(labels.pick("順位", "Rank")) | \(labels.pick("地区", "District")) | \(labels.pick("ニーズ指数", "Need index")) | \(labels.pick("チラシ", "Leaflets")) | \(labels.pick("理由", "Reasons")) |\n|---|---|---|---|---|\n"
    for p in analysis.priorities.prefix(10) {
      let d = analysis.districts.districts[p.district]
      out += "| \(p.rank) | \(Markdown.escape(d.name)) | \(NumberFormat.fixed(p.needIndex, 2)) | \(p.leaflets) | \(Markdown.escape(labels.reasons(p.drivers, configuration: analysis.configuration))) |\n"
    }
    return out
  }
}

/// First version of the HTML summary.
enum MeetingHTML {
  static func render(_ analysis: Analysis) -> String {
    let body = MeetingMarkdown.render(analysis)
    return "<!DOCTYPE html>\n<html lang=\"\(analysis.configuration.language.rawValue)\"><head><meta charset=\"utf-8\"><title>chiiki</title></head><body><pre>\(HTML.escape(body))</pre></body></html>\n"
  }
}

/// Escaping for HTML text and attributes.
public enum HTML {
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }
}

/// Escaping for Markdown table cells and text.
public enum Markdown {
  public static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "|", "\\", "*", "_", "`", "[", "]", "<", ">", "#": out += "\\" + String(c)
      case "\n", "\r": out += " "
      default: out.append(c)
      }
    }
    return out
  }
}
