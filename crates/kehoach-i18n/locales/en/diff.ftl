# diff (en): labels of `kehoach diff` (text, HTML).
diff-title = Plan comparison
diff-describe = { $name } — { $issuer }{ $year } ({ $items ->
    [one] { $items } item
   *[other] { $items } items
})
diff-plan-year = , plan year { $year }
diff-unknown = ?
diff-field-content = content
diff-field-lead = lead
diff-field-support = support
diff-field-deadline = deadline
diff-field-kind = kind
diff-field-title = title
diff-field-issuer = issuer
diff-field-number = number
diff-field-date = date
diff-field-plan-year = plan_year
diff-field-signer-authority = signing authority
diff-field-signer-position = signer's position
diff-field-signer-name = signer
diff-field-recipients = recipients
diff-field-legal-bases = legal bases
diff-kind-group = group
diff-kind-task = task
diff-years-only = year only, { $old } → { $new }
diff-filled-in = filled in
diff-renumbered-only = renumbered only
diff-year-update-only = year update only
diff-swapped = swapped with item { $stt }
diff-no-item-differs = (no item differs)
diff-added = Added
diff-removed = Removed
diff-changed = Changed
diff-paragraph = paragraph { $n }
diff-figures = figures:
diff-figures-removed = removed { $list }
diff-figures-added = added { $list }
diff-summary = { $added } added, { $removed } removed, { $changed } changed ({ $years } only years), { $renumbered } renumbered{ $swapped ->
    [0] {""}
   *[other] , { $swapped } swapped
}, { $unchanged } unchanged
diff-body-summary = Body: { $added } paragraphs added, { $removed } removed, { $changed } changed, { $filled } filled in
diff-meta-heading = Document details
diff-body-heading = Body
diff-items-heading = Items
diff-col-stt = No.
diff-col-content = Content / changes
diff-col-paragraph = Paragraph
