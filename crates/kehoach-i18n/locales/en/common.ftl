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
    [one] { $count } info
   *[other] { $count } infos
}
# Only for testing how years are shown.
test-year = year { $year }

## Where a finding is in the document.
where-stt = STT { $stt }
where-stt-column = STT { $stt }, { $column }
where-table-row = table { $table }, row { $row }
where-table-row-page = table { $table }, row { $row }, page { $page }
where-field = field { $field }
where-paragraph = paragraph { $paragraph }
where-paragraph-start = paragraph { $paragraph } "{ $start }"
where-parent = parent STT { $stt }
where-parent-of = parent STT { $stt }
where-document = document
## Column names of the task table.
column-stt = stt
column-content = content
column-lead = lead
column-support = support
column-deadline = deadline
## Parts of the document.
field-title = title
field-date = date
field-number = number
field-issuer = issuer
field-appendix-title = appendix.title
field-appendix-reference = appendix.reference
field-legal-bases = legal_bases
field-recipients = recipients
field-signer = signer
