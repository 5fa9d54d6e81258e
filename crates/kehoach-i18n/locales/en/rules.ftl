# Finding messages of the check rules (crates/kehoach-diff/src/rules). English.
# Rule names, summaries and explanations in English are the rules' own documentation in code;
# their Vietnamese is in vi/rules.ftl (ids "rule-…").

## KH101
kh101-title-date = the title names year { $title_year } but the document is dated in { $date_year }
kh101-title-date-help = date the plan in { $title_year } (or late { $prev_year }), or correct the year in the title
kh101-appendix-title-year = the appendix title names year { $appendix_year }; the plan title names { $title_year }
kh101-appendix-year = the appendix line gives year { $ref_year }; the document is dated in { $date_year }
kh101-appendix-date = the appendix line gives the date { $ref_date }; the document is dated { $date }
kh101-appendix-month = the appendix line gives month { $ref_month }; the document is dated in month { $month }
## KH102
kh102-plan-for-other-year = draws up a plan for year { $year } in a plan for { $plan_year }
kh102-other-year = names year { $year } in a plan for { $plan_year }
kh102-period = names the period { $from }–{ $to }, which does not include the plan year { $plan_year }
## KH103
kh103-before-date = the deadline falls before the document date ({ $date })
kh103-before-year = the deadline is in { $year }, before the plan year { $plan_year }
kh103-before-year-help = a date in { $plan_year }
kh103-after-year = the deadline is in { $year }, after the plan year { $plan_year }
## KH104
kh104-cited-after = cites a document dated { $date }, after this plan's date
kh104-cited-other-year = cites a plan for { $year } as the basis of a plan for { $plan_year }
kh104-cited-other-year-help = cite the parent plan for { $plan_year }
kh104-cited-early = the cited plan is dated { $date } — early for a plan for { $year }; is this last year's number and date?
kh104-cited-unfit = the cited plan is dated { $date } — which does not fit a plan for { $year }; is this last year's number and date?
kh104-cited-date-help = check the number and date of the parent plan for { $year }
## KH201
kh201-missing-lead = parent item { $stt } has no matching item in the draft (the draft's level leads it: { $agencies })
kh201-missing-support = parent item { $stt } has no matching item in the draft (the draft's level supports it: { $agencies })
kh201-missing-inherited = parent item { $stt } has no matching item in the draft (the district level led it: { $agencies }; its tasks fell to the communes on 01/7/2025)
kh201-missing-help = add an item for parent { $stt } or say why it does not apply
kh201-closest = closest: { $stt } "{ $content }" (score { $score })
kh201-heading-only = only the group heading { $heading_stt } "{ $heading }" matches (score { $heading_score }); closest: { $stt } "{ $content }" (score { $score })
## KH202
kh202-not-cited = the draft does not cite the parent ({ $parent })
kh202-cites-other = the draft's legal bases do not cite the parent ({ $parent }); they cite { $cited }
kh202-not-cited-help = cite { $parent }, or check that it is the right parent
kh202-parent-year = the parent given is the plan for { $parent_year }; the draft is for { $plan_year }
kh202-diff-type = type { $cited } ≠ { $parent }
kh202-diff-symbol = symbol { $cited } ≠ { $parent }
kh202-diff-date = date { $cited } ≠ { $parent }
kh202-cited-wrongly = the parent is cited wrongly: { $details }
## KH203
kh203-differs = "{ $word }" differs by { $kind ->
    [diacritics] its diacritics
   *[letter] one letter
} from the parent's "{ $parent_word }" (item { $stt })
kh203-parent-wrong = "{ $word }" differs by { $kind ->
    [diacritics] its diacritics
   *[letter] one letter
} from the parent's "{ $parent_word }" (item { $stt }); the parent looks wrong
## KH301, KH302
kh301-stale = "{ $name }" no longer exists (since { $since })
kh302-superseded = { $cited } was replaced from { $since }
## KH401–KH403
kh401-duplicate = STT { $stt } is used twice (first at table row { $first_row })
kh402-starts-at = the numbering starts at { $stt }
kh402-skips-level = { $stt } skips a level after { $prev }
kh402-backwards = { $stt } goes backwards after { $prev }
kh402-gap = { $stt } leaves a gap after { $prev }
kh403-style = the other numbers at depth { $depth } are written { $style ->
    [dot] with a trailing dot
   *[no-dot] without a trailing dot
}
## KH404–KH407
kh404-no-lead = the task has no lead agency
kh404-no-lead-help = name the lead agency (cơ quan chủ trì)
kh404-separate-plan = the deadline refers to a separate plan
kh405-both = "{ $name }" is both lead and support
kh405-both-help = name it once, in the column it belongs to
kh406-deadline-in-column = a deadline phrase in the { $column } column
kh406-deadline-in-column-help = move it to the deadline column
kh406-agency-in-deadline = an agency in the deadline column
kh406-agency-in-deadline-help = move it to the lead or support column
kh406-merged-lead-deadline = one cell spans the lead, support and deadline columns with a deadline phrase; the task names no lead agency
kh406-merged-lead-deadline-help = split the cell: lead agency, support, deadline
kh407-no-deadline = the task has no deadline
kh407-no-deadline-help = give a deadline ("Thường xuyên", "Trước ngày …")
## KH501–KH503
kh501-symbol = the appendix line gives symbol { $cited }; the document's number is { $number }
kh501-number = the appendix line gives number { $cited }; the document's number is { $number }
kh501-type = the appendix line refers to a { $cited }; the document is a { $doc_type }
kh501-issuer = the appendix line names { $cited } as the issuer; the document's issuer is { $issuer }
kh502-type = cited as a { $cited } but its symbol { $symbol } is that of a { $doc_type }
kh503-owner = names "{ $name }" as the plan's owner; the issuer is { $issuer }
kh503-owner-help = the issuer's name ({ $issuer })
## KH601, KH602
kh601-repeated = "{ $phrase }" is repeated
kh601-repeated-help = "{ $phrase }" once
kh602-misspelling = "{ $word }" is a misspelling
## KH701, KH702
kh701-number = a signed plan needs its number
kh701-date = a signed plan needs its full date
kh701-signer = a signed plan needs the signer's name
kh701-signer-help = the signer's full name under the position
kh702-date-form = write the date as "ngày DD tháng MM năm YYYY"
kh702-day-zero = day { $day } needs a leading zero ("{ $want }")
kh702-month-zero = month { $month } needs a leading zero ("{ $want }")
kh702-month-no-zero = month { $month } takes no leading zero ("{ $want }")
kh702-number-zero = number { $number } needs a leading zero
kh702-number-form = the number line is written "Số: NN/SYMBOL"
kh301-district = "{ $name }" is a district-level body; the district level ended on 01/7/2025 (two-tier local government)
kh301-district-help = the commune (UBND cấp xã) or the provincial body that took over the task
kh301-province = "{ $name }": the province { $province } became part of { $into } on 01/7/2025
kh301-province-help = name the new unit ({ $into })
## KH105
kh105-no-day = { $date } is not a day: month { $month } has { $days } days
kh105-no-month = { $date } is not a day: there is no month { $month }
kh105-help = check the day and month
## KH603
kh603-in-draft = the signer is "{ $name }" but here the name is written "{ $written }"
kh603-in-parent = the signer is "{ $name }" but { $parent } writes "{ $written }"
## Precision on the fixture plans (data/precision.tsv)
rule-precision = Precision on kehoach's { $documents } fixture plans (every rendering): { $right } of { $findings } findings right.
rule-precision-none = On kehoach's { $documents } fixture plans (each checked alone, draft stage) this rule raises nothing; its own tests give the cases it must and must not report.
