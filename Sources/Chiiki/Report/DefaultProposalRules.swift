/// The built-in proposal rules (議題案ルール). A centre overrides them with a file of the same
/// format: `proposals.rules` in the data folder, or `ReportOptions.proposalRulesPath`.
public enum DefaultProposalRules {
  /// Name shown in the report when the built-in rules are used.
  public static let source = "built-in"

  public static let text = #"""
# chiiki 議題案ルール (proposal rules) — UTF-8 text; edit a copy as `proposals.rules`.
#
# A rule starts with [rule-id] and has these lines (`key = value`, one per line):
#   when        = condition; condition; ...   all must hold for a district
#   title.ja    = 議題案の見出し               title.en    = the title in English
#   action.ja   = 提案の本文                   action.en   = the action in English
#   partners.ja = 連携先                       partners.en = partners in English
# {districts} in an action is replaced by the matched districts (in priority order).
# English lines are optional (Japanese is used when missing). Lines starting with # are comments.
#
# Conditions (evaluated per district; the report cites the evidence of each):
#   need_high(INDICATOR)          the indicator is significantly above reference (above the
#                                 funnel's 95% limit), e.g. need_high(ltc)
#   under_reached                 consultations significantly below expected
#                                 (upper limit of the consultation ratio below 1)
#   under_reached_3_months        ... in each of the last three monthly windows
#   few_consultations(AGES, S)    consultations from persons aged AGES are below S x expected,
#                                 e.g. few_consultations(65+, 0.5)
#   segment_need_high(AGES, N)    a sex x age group within AGES has a need index of at least N
#   no_resource(KIND)             no resource of the kind (resources.csv `kind`) in the
#                                 district's area (日常生活圏域; the whole city without areas)
#   resource_gap(KIND)            the resource-gap analysis flags the kind in the district's area
#   low_exit_rate                 referrals from the district or its area rarely lead to an exit
#   priority_top(N)               the district ranks in the top N of the outreach plan
# A rule with no matching district is left out of the report.

[ltc-joint-outreach]
when = need_high(ltc); few_consultations(65+, 0.5)
title.ja = 地域包括支援センターとの合同アウトリーチ
title.en = Joint outreach with the community comprehensive support centre (地域包括支援センター)
action.ja = {districts}では要介護認定率が基準を有意に上回る一方、65歳以上からの相談が期待値の半分に届いていません。地域包括支援センターと合同で戸別訪問や出張相談会を行い、介護の相談から生活の困りごとの相談につながる導線をつくることを提案します。
action.en = In {districts} the long-term-care certification rate is significantly above reference while consultations from people aged 65 and over are below half of expected. We propose joint home visits and pop-up consultation sessions with the community comprehensive support centre, so that care enquiries lead on to consultations about everyday hardship.
partners.ja = 地域包括支援センター、民生委員・児童委員、社会福祉協議会
partners.en = community comprehensive support centre, welfare commissioners (民生委員・児童委員), social welfare council

[work-experience-placements]
when = need_high(unemployment); no_resource(中間的就労)
title.ja = 地元企業と連携した企業実習・中間的就労の場の開拓
title.en = Develop work-experience placements (企業実習) and intermediate work with local employers
action.ja = {districts}では失業率が基準を有意に上回り、同じ圏域に中間的就労の場がありません。地元の企業・社会福祉法人・NPOに働きかけ、企業実習（就労体験）の受け入れ先と中間的就労の場を開拓することを提案します。
action.en = In {districts} the unemployment rate is significantly above reference and there is no intermediate-work placement in the same area. We propose approaching local companies, social welfare corporations and NPOs to develop work-experience placements and intermediate work (中間的就労).
partners.ja = 地元企業・商工会議所、ハローワーク、就労準備支援事業所、社会福祉法人・NPO
partners.en = local employers and chamber of commerce, Hello Work, work-preparation support providers, social welfare corporations and NPOs

[children-learning-support]
when = need_high(welfare); segment_need_high(0-19, 1.2)
title.ja = 子どもの学習支援・居場所づくり
title.en = Learning support and places to belong for children (学習支援・居場所)
action.ja = {districts}では生活保護率が基準を有意に上回り、子ども・若年層のニーズも高くなっています。学習支援と子どもの居場所（学習会・子ども食堂など）の開設・拡充を、教育委員会・学校・NPOと検討することを提案します。
action.en = In {districts} the public assistance rate is significantly above reference and need among children and young people is high. We propose considering, with the board of education, schools and NPOs, opening or expanding learning support and places to belong for children (study groups, children's cafeterias).
partners.ja = 教育委員会・学校、子ども家庭支援担当課、NPO・ボランティア団体
partners.en = board of education and schools, child and family support section, NPOs and volunteer groups

[places-to-belong]
when = need_high(welfare); no_resource(居場所)
title.ja = 地域の居場所づくり
title.en = Create places to belong (居場所) in the area
action.ja = {districts}では生活保護率が基準を有意に上回り、同じ圏域に居場所がありません。社会福祉協議会・地域の団体と協働し、社会的に孤立しがちな人が立ち寄れる居場所（サロン・カフェ等）をつくることを提案します。
action.en = In {districts} the public assistance rate is significantly above reference and there is no place to belong in the same area. We propose working with the social welfare council and local groups to open a place (salon, café) where people at risk of isolation can drop in.
partners.ja = 社会福祉協議会、自治会・町内会、NPO・当事者団体
partners.en = social welfare council, neighbourhood associations, NPOs and self-help groups

[persistent-under-reach]
when = under_reached_3_months
title.ja = ポスティングと督促書類への同封による周知
title.en = Posting and enclosure with municipal notices (督促書類への同封)
action.ja = {districts}では3か月続けて相談が期待値を有意に下回っています。チラシのポスティングに加え、税・保険料・公共料金などの督促書類にセンターの案内を同封するよう関係課に働きかけることを提案します。
action.en = In {districts} consultations have been significantly below expected in each of the last three months. Besides posting leaflets, we propose asking the relevant sections to enclose the centre's leaflet with reminders for taxes, insurance premiums and utility charges.
partners.ja = 税務課・国民健康保険課・水道局などの関係課、民生委員・児童委員
partners.en = tax, national health insurance and water sections; welfare commissioners

[exit-development]
when = low_exit_rate
title.ja = つなぎ先・出口の点検と開拓
title.en = Review referral partners and develop exits (出口)
action.ja = {districts}では、つないだ相談が出口（就労・中間的就労・居場所）に至る割合が市全体より有意に低くなっています。「つなぎっぱなし」になっていないか、つなぎ先と情報交換のうえ、出口の開拓を検討することを提案します。
action.en = In {districts} referrals lead to an exit (work, intermediate work, a place to belong) significantly less often than across the city. We propose checking with referral partners that people are not simply handed over, and developing further exits.
partners.ja = つなぎ先の機関、就労準備支援事業所、社会福祉協議会
partners.en = referral partners, work-preparation support providers, social welfare council
"""#
}
