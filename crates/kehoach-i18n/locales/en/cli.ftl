# What the command line prints (crates/kehoach/src). English.

## kehoach check: the text report
check-help = help
check-note = note
check-rule = rule
check-fix = fix
check-checked = checked
check-against = against { $parents }
check-stage = { $stage ->
    [signed] signed stage
   *[draft] draft stage
}
check-summary = { $errors }, { $warnings }, { $infos }

## kehoach rules
rules-header-code = code
rules-header-name = name
rules-header-severity = severity
rules-header-summary = summary
rules-explain-one = `kehoach rules CODE` explains one.
rules-unknown = no rule "{ $code }"; `kehoach rules` lists them
rules-name = name
rules-severity = severity
