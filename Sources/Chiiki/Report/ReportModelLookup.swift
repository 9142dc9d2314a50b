import Mustache

// Field lookup for the templates without reflection: `child(named:)` gives what Mustache's
// `Mirror` lookup gives (a stored property by name, an optional unwrapped, nil for any other
// name), much faster on long lists (a national report has tens of thousands of lines).
// `ReportModelLookupTests` checks every type against `Mirror`, so a new field must be added here.

extension Line: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "text": self.text
    default: nil
    }
  }
}

extension ReportModel: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "lang": self.lang
    case "t": self.t
    case "title": self.title
    case "centre": self.centre
    case "period": self.period
    case "window": self.window
    case "summary": self.summary
    case "keyFigures": self.keyFigures
    case "outreach": self.outreach
    case "issues": self.issues
    case "resources": self.resources
    case "proposals": self.proposals
    case "quality": self.quality
    case "methods": self.methods
    case "charts": self.charts
    case "css": self.css
    default: nil
    }
  }
}

extension KeyValue: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "key": self.key
    case "value": self.value
    default: nil
    }
  }
}

extension DistrictRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "rank": self.rank
    case "name": self.name
    case "area": self.area
    case "needIndex": self.needIndex
    case "observed": self.observed
    case "expected": self.expected
    case "missing": self.missing
    case "ratio": self.ratio
    case "ratioInterval": self.ratioInterval
    case "leaflets": self.leaflets
    case "change": self.change
    case "reasons": self.reasons
    case "flags": self.flags
    default: nil
    }
  }
}

extension AreaRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "districts": self.districts
    case "needIndex": self.needIndex
    case "households": self.households
    case "leaflets": self.leaflets
    default: nil
    }
  }
}

extension SegmentRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "rank": self.rank
    case "district": self.district
    case "sex": self.sex
    case "age": self.age
    case "population": self.population
    case "needIndex": self.needIndex
    case "expected": self.expected
    case "below": self.below
    case "reasons": self.reasons
    default: nil
    }
  }
}

extension OutreachModel: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "intro": self.intro
    case "districts": self.districts
    case "moreNote": self.moreNote
    case "leaflets": self.leaflets
    case "hasAreas": self.hasAreas
    case "areas": self.areas
    case "hasSegments": self.hasSegments
    case "segments": self.segments
    case "segmentNote": self.segmentNote
    default: nil
    }
  }
}

extension IndicatorDistrictRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "observed": self.observed
    case "expected": self.expected
    case "ratio": self.ratio
    case "interval": self.interval
    case "smoothed": self.smoothed
    case "funnel": self.funnel
    default: nil
    }
  }
}

extension IndicatorIssue: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "label": self.label
    case "facts": self.facts
    case "hasHigh": self.hasHigh
    case "high": self.high
    case "noneHigh": self.noneHigh
    default: nil
    }
  }
}

extension HeatCell: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "text": self.text
    case "cls": self.cls
    default: nil
    }
  }
}

extension HeatRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "cells": self.cells
    default: nil
    }
  }
}

extension UnderRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "observed": self.observed
    case "expected": self.expected
    case "ratio": self.ratio
    case "interval": self.interval
    case "persistent": self.persistent
    default: nil
    }
  }
}

extension CategoryRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "consultations": self.consultations
    case "dissimilarity": self.dissimilarity
    case "underReached": self.underReached
    default: nil
    }
  }
}

extension MonthRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "period": self.period
    case "count": self.count
    default: nil
    }
  }
}

extension IssuesModel: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "indicators": self.indicators
    case "heatHeaders": self.heatHeaders
    case "heatRows": self.heatRows
    case "heatLegend": self.heatLegend
    case "hasUnder": self.hasUnder
    case "under": self.under
    case "noneUnder": self.noneUnder
    case "changes": self.changes
    case "hasCategories": self.hasCategories
    case "categories": self.categories
    case "months": self.months
    default: nil
    }
  }
}

extension GapRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "area": self.area
    case "kind": self.kind
    case "resources": self.resources
    case "capacity": self.capacity
    case "needRatio": self.needRatio
    case "needLower": self.needLower
    case "capacityPerThousand": self.capacityPerThousand
    case "gap": self.gap
    default: nil
    }
  }
}

extension OutcomeRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "category": self.category
    case "consultations": self.consultations
    case "referrals": self.referrals
    case "referralRate": self.referralRate
    case "exits": self.exits
    case "exitRate": self.exitRate
    case "flag": self.flag
    default: nil
    }
  }
}

extension ResourcesModel: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "hasGaps": self.hasGaps
    case "gaps": self.gaps
    case "gapSummary": self.gapSummary
    case "hasOutcomes": self.hasOutcomes
    case "outcomes": self.outcomes
    case "flagged": self.flagged
    case "skipped": self.skipped
    case "notComputed": self.notComputed
    default: nil
    }
  }
}

extension ProposalItem: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "number": self.number
    case "title": self.title
    case "action": self.action
    case "partners": self.partners
    case "districts": self.districts
    case "evidence": self.evidence
    default: nil
    }
  }
}

extension ProposalsModel: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "intro": self.intro
    case "hasItems": self.hasItems
    case "items": self.items
    case "none": self.none
    case "rulesSource": self.rulesSource
    default: nil
    }
  }
}

extension QualityModel: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "items": self.items
    default: nil
    }
  }
}

extension MethodItem: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "text": self.text
    default: nil
    }
  }
}

extension InputRow: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "name": self.name
    case "rows": self.rows
    case "encoding": self.encoding
    case "sha256": self.sha256
    default: nil
    }
  }
}

extension MethodsModel: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "items": self.items
    case "facts": self.facts
    case "inputs": self.inputs
    default: nil
    }
  }
}

extension ChartItem: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "title": self.title
    case "svg": self.svg
    case "note": self.note
    default: nil
    }
  }
}

extension ChartsModel: MustacheParent {
  func child(named name: String) -> Any? {
    switch name {
    case "funnels": self.funnels
    case "ranked": self.ranked
    case "trend": self.trend
    default: nil
    }
  }
}
