extension ConfigurationLoader {
  /// A commented chiiki.toml documenting every key with its default value; it parses to
  /// `Configuration()` (a test checks this). Shipped as `chiiki.example.toml`.
  public static let exampleTOML: String = """
    # chiiki.toml — configuration of chiiki. Every key is optional: a key left out keeps the
    # default shown here. The file is TOML (https://toml.io), saved as UTF-8: text goes in
    # "double quotes", keys that are not plain ASCII words go in quotes too ("中間的就労"),
    # and # starts a comment.

    # Name of the centre, shown in the report title ("" = none).
    centre_name = ""

    [report]
    # Language of the report: "ja" (Japanese) or "en" (English).
    language = "ja"
    # Folder of report template overrides (meeting_summary.md.mustache,
    # meeting_summary.html.mustache, meeting_summary.css; any of them), relative to the data
    # folder; "" = the built-in templates. Proposal rules are overridden by a file
    # proposals.rules in the data folder (see `chiiki templates`).
    templates = ""

    [statistics]
    # Two-sided confidence level of the intervals, between 0.5 and 0.9999. A percentage
    # between 50 and 99.99 is read as one (95 means 0.95).
    confidence_level = 0.95
    # What expected counts are computed against: "all" (all districts of the input together)
    # or the path of a CSV of reference rates (columns indicator, sex, age_group, rate), e.g.
    # national rates; a relative path is taken from the folder of this file.
    reference = "all"
    # How the need index combines the indicators: "geometric_mean" (weighted geometric mean
    # of smoothed ratios; 1.0 = the reference level), "percentile_rank" (as in the CDC SVI)
    # or "exponential_rank" (as in the English IMD).
    composite = "geometric_mean"
    # Districts whose expected count, summed over the indicators, is below this number are
    # flagged as having too little data to rank on their own (a number of at least 0).
    minimum_expected = 5.0

    [privacy]
    # In output that leaves the centre, counts from 1 to this number minus 1 are shown as
    # "<5" (or this number). A whole number between 2 and 1000.
    small_cell_threshold = 5

    [outreach]
    # Leaflets available this month, a whole number of at least 0, or "auto": one per
    # household of the top default_districts districts.
    leaflet_budget = "auto"
    # Leaflets per household (above 0, at most 100).
    leaflets_per_household = 1.0
    # How many top districts get leaflets when leaflet_budget is "auto" (1 to 100000).
    default_districts = 10
    # Months of consultations counted, ending with the run period (1 to 60).
    window_months = 12

    # One table per indicator, named by the indicator id used in statistics.csv. Keys left out
    # keep the values below (or, for a new indicator, its id as label, "higher_is_worse",
    # weight 1.0, "given", no age limits, no categories).
    #   label_ja, label_en  labels in the Japanese and English report (non-empty text)
    #   direction           "higher_is_worse" or "lower_is_worse"
    #   weight              weight in the need index and in expected consultations (>= 0)
    #   denominator         where an empty denominator cell is filled from: "given"
    #                       (statistics.csv itself) or "population" (population.csv)
    #   min_age, max_age    age limits of the population denominator, whole numbers from 0
    #                       to 150, or "none" for no limit
    #   categories          consultation categories (主訴) that answer this kind of need
    [indicators.ltc]
    label_ja = "要介護認定率"
    label_en = "long-term-care certification rate"
    direction = "higher_is_worse"
    weight = 1.0
    denominator = "population"
    min_age = 65
    max_age = "none"
    categories = ["健康", "家族関係", "社会的孤立"]

    [indicators.unemployment]
    label_ja = "失業率"
    label_en = "unemployment rate"
    direction = "higher_is_worse"
    weight = 1.0
    denominator = "given"
    min_age = "none"
    max_age = "none"
    categories = ["就労", "経済的困窮"]

    [indicators.welfare]
    label_ja = "生活保護率"
    label_en = "public assistance rate"
    direction = "higher_is_worse"
    weight = 1.0
    denominator = "population"
    min_age = "none"
    max_age = "none"
    categories = ["経済的困窮", "住まい", "債務"]

    # Kind of social resource (社会資源の種類, as in resources.csv) = the indicator ids and
    # consultation categories it serves. A kind given here replaces its default list; new
    # kinds may be added.
    [resources.kinds]
    "中間的就労" = ["unemployment", "welfare", "就労"]
    "住まい" = ["welfare", "住まい"]
    "学習支援" = ["welfare"]
    "就労" = ["unemployment", "就労"]
    "居場所" = ["ltc", "welfare", "社会的孤立"]
    "相談" = ["unemployment", "welfare", "ltc"]
    "食料支援" = ["welfare", "経済的困窮"]

    """
}
