# annotate (en): Word comments written by `kehoach check --annotate`.

annotate-suggestion = Suggestion: { $text }
annotate-note = Note: { $text }
annotate-missing-parent-item = Item { $stt } of the parent plan is missing.
annotate-fix-by-hand = The fix could not be written as a tracked change (the words are not found as written in one run of formatting): change “{ $find }” to “{ $replace }” by hand.
annotate-not-docx = { $path }: annotation needs a .docx; save a .doc or .pdf draft as .docx first (Word: File › Save As › .docx).
annotate-same-path = --annotate { $path }: the output is the draft itself; the original is never overwritten, choose another name.
annotate-cannot-write = { $path }: cannot write the annotated copy: { $error }
annotate-written = Wrote { $comments ->
        [one] one comment
       *[other] { $comments } comments
    } and { $fixes ->
        [one] one tracked change
       *[other] { $fixes } tracked changes
    } to { $path }.
