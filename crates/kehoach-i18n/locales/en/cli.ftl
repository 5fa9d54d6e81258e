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

## kehoach check: input it cannot check
check-not-a-plan = { $file }: this document is not a plan (type: { $kind }); `kehoach check` checks plans (Kế hoạch, Quyết định ban hành kế hoạch, Chương trình)
check-unknown-type = unknown
check-parent-without-items = { $file }: no work items were found in this parent plan, so the draft cannot be checked against it (is it the plan itself, or only its covering letter?)

## Reading a document: the readers' errors (their technical details stay as written)
read-empty = the file is empty
read-unsupported = not a document kehoach can read ({ $detail })
read-encrypted = the document is encrypted or password-protected ({ $detail }); save an unprotected copy and try again
read-corrupt = the file is damaged: { $detail }
read-limit = limit exceeded: { $what } is { $value }, the limit is { $limit }; raise it with { $flag }
read-time-limit = limit exceeded: the document took longer than { $seconds } s to read; raise it with --max-seconds
read-needs-ocr = scanned, no text layer on any of its { $pages } page(s)
read-io = cannot read the file: { $detail }
read-internal = internal error while reading (please report this file)
