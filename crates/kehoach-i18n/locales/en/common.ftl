# Shared words: severities, counts, places.
severity-error = error
severity-warning = warning
severity-info = info
severity-count-error = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
severity-count-warning = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
severity-count-info = { $count ->
    [one] { $count } note
   *[other] { $count } notes
}
# Only for testing how years are shown.
test-year = year { $year }
