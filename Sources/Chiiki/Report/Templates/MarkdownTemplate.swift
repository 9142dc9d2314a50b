/// The default Markdown template of the meeting summary (Mustache). Every word comes from the
/// model (`t.*` from Labels); `{{x}}` escapes for Markdown. Override with
/// `meeting_summary.md.mustache` in `ReportOptions.templatesDirectory`.
enum MarkdownTemplate {
  static let text = #"""
{{% CONTENT_TYPE: MARKDOWN }}
# {{title}}

{{#centre}}{{.}} / {{/centre}}{{t.runPeriod}}: {{period}} / {{t.window}}: {{window}}

## 1. {{t.summaryHeading}}

{{#summary}}
- {{text}}
{{/summary}}

| {{t.item}} | {{t.value}} |
|---|---|
{{#keyFigures}}
| {{key}} | {{value}} |
{{/keyFigures}}

## 2. {{t.outreachHeading}}

{{outreach.intro}}

| {{t.rank}} | {{t.district}} | {{t.area}} | {{t.needIndex}} | {{t.observed}} | {{t.expected}} | {{t.missing}} | {{t.ratio}} | {{t.interval}} | {{t.leaflets}} | {{t.change}} | {{t.reasons}} |
|---:|---|---|---:|---:|---:|---:|---:|---|---:|---|---|
{{#outreach.districts}}
| {{rank}} | {{name}} | {{area}} | {{needIndex}} | {{observed}} | {{expected}} | {{missing}} | {{ratio}} | {{ratioInterval}} | {{leaflets}} | {{change}} | {{reasons}}{{#flags}} ({{flags}}){{/flags}} |
{{/outreach.districts}}
{{#outreach.moreNote}}

{{.}}
{{/outreach.moreNote}}

### {{t.leafletHeading}}

{{#outreach.leaflets}}
- {{text}}
{{/outreach.leaflets}}
{{#outreach.hasAreas}}

### {{t.areaHeading}}

| {{t.area}} | {{t.districtCount}} | {{t.needIndex}} | {{t.households}} | {{t.leaflets}} |
|---|---:|---:|---:|---:|
{{#outreach.areas}}
| {{name}} | {{districts}} | {{needIndex}} | {{households}} | {{leaflets}} |
{{/outreach.areas}}
{{/outreach.hasAreas}}
{{#outreach.hasSegments}}

### {{t.segmentHeading}}

| {{t.rank}} | {{t.district}} | {{t.sex}} | {{t.age}} | {{t.population}} | {{t.needIndex}} | {{t.expected}} | {{t.below}} | {{t.reasons}} |
|---:|---|---|---|---:|---:|---:|---|---|
{{#outreach.segments}}
| {{rank}} | {{district}} | {{sex}} | {{age}} | {{population}} | {{needIndex}} | {{expected}} | {{below}} | {{reasons}} |
{{/outreach.segments}}

{{outreach.segmentNote}}
{{/outreach.hasSegments}}

## 3. {{t.issuesHeading}}

### {{t.needHeading}}

{{#issues.indicators}}
#### {{label}}

{{facts}}

{{#hasHigh}}
| {{t.district}} | {{t.observedPersons}} | {{t.expected}} | {{t.sr}} | {{t.interval}} | {{t.smoothed}} | {{t.funnel}} |
|---|---:|---:|---:|---|---:|---|
{{#high}}
| {{name}} | {{observed}} | {{expected}} | {{ratio}} | {{interval}} | {{smoothed}} | {{funnel}} |
{{/high}}
{{/hasHigh}}
{{^hasHigh}}
{{noneHigh}}
{{/hasHigh}}

{{/issues.indicators}}
### {{t.heatHeading}}

{{issues.heatLegend}}

| {{t.district}} |{{#issues.heatHeaders}} {{text}} |{{/issues.heatHeaders}}
|---|{{#issues.heatHeaders}}---|{{/issues.heatHeaders}}
{{#issues.heatRows}}
| {{name}} |{{#cells}} {{text}} |{{/cells}}
{{/issues.heatRows}}

### {{t.underHeading}}

{{#issues.hasUnder}}
| {{t.district}} | {{t.observed}} | {{t.expected}} | {{t.ratio}} | {{t.interval}} | {{t.persistent}} |
|---|---:|---:|---:|---|---|
{{#issues.under}}
| {{name}} | {{observed}} | {{expected}} | {{ratio}} | {{interval}} | {{persistent}} |
{{/issues.under}}
{{/issues.hasUnder}}
{{^issues.hasUnder}}
{{issues.noneUnder}}
{{/issues.hasUnder}}

### {{t.changesHeading}}

{{#issues.changes}}
- {{text}}
{{/issues.changes}}
{{#issues.hasCategories}}

### {{t.categoryHeading}}

| {{t.category}} | {{t.observed}} | {{t.dissimilarity}} | {{t.categoryUnder}} |
|---|---:|---:|---|
{{#issues.categories}}
| {{name}} | {{consultations}} | {{dissimilarity}} | {{underReached}} |
{{/issues.categories}}
{{/issues.hasCategories}}

### {{t.monthsHeading}}

| {{t.month}} |{{#issues.months}} {{period}} |{{/issues.months}}
|---|{{#issues.months}}---:|{{/issues.months}}
| {{t.consultations}} |{{#issues.months}} {{count}} |{{/issues.months}}

## 4. {{t.resourcesHeading}}

{{#resources.notComputed}}
{{.}}

{{/resources.notComputed}}
{{#resources.skipped}}
- {{text}}
{{/resources.skipped}}
{{#resources.hasGaps}}
### {{t.gapHeading}}

{{#resources.gapSummary}}
- {{text}}
{{/resources.gapSummary}}

| {{t.area}} | {{t.kind}} | {{t.resourceCount}} | {{t.capacity}} | {{t.needRatio}} | {{t.needLower}} | {{t.capacityPerThousand}} | {{t.gap}} |
|---|---|---:|---:|---:|---:|---:|---|
{{#resources.gaps}}
| {{area}} | {{kind}} | {{resources}} | {{capacity}} | {{needRatio}} | {{needLower}} | {{capacityPerThousand}} | {{gap}} |
{{/resources.gaps}}

{{/resources.hasGaps}}
{{#resources.hasOutcomes}}
### {{t.outcomeHeading}}

| {{t.unit}} | {{t.category}} | {{t.observed}} | {{t.referrals}} | {{t.referralRate}} | {{t.exits}} | {{t.exitRate}} | {{t.lowExit}} |
|---|---|---:|---:|---|---:|---|---|
{{#resources.outcomes}}
| {{name}} | {{category}} | {{consultations}} | {{referrals}} | {{referralRate}} | {{exits}} | {{exitRate}} | {{flag}} |
{{/resources.outcomes}}

{{#resources.flagged}}
- {{text}}
{{/resources.flagged}}
{{/resources.hasOutcomes}}

## 5. {{t.proposalsHeading}}

{{proposals.intro}}

{{#proposals.items}}
### {{t.proposal}} {{number}}: {{title}}

{{action}}

{{#partners}}- {{t.partners}}: {{partners}}
{{/partners}}
- {{t.evidence}}:
{{#evidence}}
  - {{text}}
{{/evidence}}

{{/proposals.items}}
{{^proposals.hasItems}}
{{proposals.none}}

{{/proposals.hasItems}}
{{t.rulesSource}}: {{proposals.rulesSource}}

## 6. {{t.qualityHeading}}

{{#quality.items}}
- {{text}}
{{/quality.items}}

## 7. {{t.methodsHeading}}

{{#methods.items}}
- **{{name}}**: {{text}}
{{/methods.items}}

| {{t.item}} | {{t.value}} |
|---|---|
{{#methods.facts}}
| {{key}} | {{value}} |
{{/methods.facts}}

| {{t.inputFile}} | {{t.rows}} | {{t.encoding}} | SHA-256 |
|---|---:|---|---|
{{#methods.inputs}}
| {{name}} | {{rows}} | {{encoding}} | {{sha256}}… |
{{/methods.inputs}}
"""#
}
