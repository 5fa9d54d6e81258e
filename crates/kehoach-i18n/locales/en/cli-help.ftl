# Command-line help (--help). The English help is the doc comments in code
# (crates/kehoach/src/cmd/*.rs); only the template and headings are here.
help-template = {"{"}about-with-newline{"}"}
    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-heading-limits-per-document = Limits (per document)
help-arg-help = Print help
help-arg-version = Print version
help-default = default
help-heading-ocr-scanned-pdfs = OCR (scanned PDFs)
