# Trợ giúp dòng lệnh (--help) bằng tiếng Việt. Bản tiếng Anh là chú thích trong mã nguồn
# (crates/kehoach/src/cmd/*.rs), nên tệp tiếng Anh cùng tên chỉ có mẫu và tiêu đề.
help-template = {"{"}about-with-newline{"}"}
    Cách dùng: {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Lệnh
help-heading-options = Tùy chọn
help-heading-arguments = Đối số
help-heading-limits-per-document = Giới hạn (cho mỗi văn bản)
help-arg-help = In trợ giúp
help-arg-version = In phiên bản
help-default = mặc định
help-cmd-help = In trợ giúp của kehoach hoặc của một lệnh

## Lệnh
help-cmd-kehoach = Chuyển các kế hoạch của cơ quan nhà nước (.docx, .doc, .pdf, HTML, văn bản) thành dữ liệu có cấu trúc và rà soát dự thảo trước khi ký
help-cmd-parse = Đọc kế hoạch (.docx, .doc, .rtf, .xlsx, .pdf, HTML, văn bản) thành bản ghi
help-cmd-check = Rà soát dự thảo kế hoạch (năm, nhiệm vụ thiếu, cơ quan không còn tồn tại, số thứ tự, thể thức …)
help-cmd-diff = So sánh hai kế hoạch theo từng nhiệm vụ, ghép theo nội dung
help-cmd-rules = Liệt kê các quy tắc rà soát, hoặc giải thích một quy tắc: `kehoach rules KH301`
help-cmd-import = Nhập kế hoạch (tệp và thư mục) vào kho dữ liệu (kehoach.db)
help-cmd-reparse = Đọc lại mọi nguồn trong kho bằng bộ đọc hiện tại; báo cáo và lưu những gì thay đổi
help-cmd-query = Liệt kê kế hoạch hoặc nhiệm vụ trong kho, có lọc
help-cmd-export = Xuất kế hoạch và nhiệm vụ trong kho ra CSV, xlsx hoặc JSON lines
help-cmd-completions = In tập lệnh tự hoàn thành cho shell: `kehoach completions bash > ~/.local/share/bash-completion/completions/kehoach`
help-cmd-man = In trang hướng dẫn (roff): `kehoach man > ~/.local/share/man/man1/kehoach.1`

## Tùy chọn chung
help-arg-lang = Ngôn ngữ của thông báo, trợ giúp và báo cáo: vi (mặc định) hoặc en; cũng có thể đặt KEHOACH_LANG hoặc locale tiếng Anh (LANG=en_US.UTF-8)
help-arg-db = Kho dữ liệu (tệp SQLite)
help-arg-bom = Thêm dấu BOM UTF-8 ở đầu tệp CSV để Excel trên Windows đọc đúng tiếng Việt
help-arg-width = Độ rộng bảng (số cột ký tự; mặc định: độ rộng cửa sổ dòng lệnh, hoặc $COLUMNS, hoặc 100)
help-arg-format = Định dạng đầu ra
help-arg-output = Ghi ra tệp thay vì ra màn hình (tên khác: --out)
help-arg-out = Ghi ra tệp thay vì ra màn hình (tên khác: --out)
help-arg-check = Chạy thêm `kehoach check` cho mỗi văn bản mới và lưu kết quả rà soát
help-arg-max-word-comparisons = Khối lượng so khớp tối đa, tính bằng số lần so sánh từ: mỗi nhiệm vụ được so với mọi nhiệm vụ của văn bản kia (n × m cặp)

## Giới hạn cho mỗi văn bản (mặc định chặn tệp nén “bom”, XML “bom” và tệp bất thường; nâng giới hạn khi một văn bản thật cần — thông báo lỗi nêu tên tùy chọn)
help-arg-max-file-bytes = Dung lượng tệp đầu vào (byte)
help-arg-max-zip-entries = Số mục trong một gói zip (.docx)
help-arg-max-entry-bytes = Dung lượng sau giải nén (byte) của một mục zip được đọc
help-arg-max-inflate-ratio = Tỷ lệ dung lượng sau giải nén / trước giải nén của một mục zip
help-arg-max-xml-depth = Độ sâu lồng nhau của phần tử XML hoặc HTML (tối đa 512 với HTML)
help-arg-max-xml-elements = Số phần tử XML trong một phần của gói
help-arg-max-html-elements = Số phần tử của một trang HTML (cả cây được dựng trong bộ nhớ, khoảng 230 byte mỗi phần tử)
help-arg-max-table-rows = Số dòng của một bảng
help-arg-max-table-depth = Số bảng lồng trong ô bảng (tối đa 100)
help-arg-max-cells = Số ô bảng trong một văn bản
help-arg-max-pdf-objects = Số đối tượng trong một tệp PDF
help-arg-max-pdf-pages = Số trang của một tệp PDF
help-arg-max-stream-bytes = Dung lượng sau giải mã (byte) của một luồng PDF
help-arg-max-ops-per-page = Số lệnh vẽ trên một trang PDF
help-arg-max-seconds = Thời gian đọc một văn bản, tính bằng giây (0: không giới hạn)

## parse
help-arg-files = Các tệp cần đọc (.docx, .doc, .rtf, .xlsx, .pdf, .html, .txt, .md); bộ đọc được chọn theo nội dung tệp
help-in-parse-format = Định dạng đầu ra: json (một đối tượng JSON cho một tệp, một mảng cho nhiều tệp), jsonl (mỗi tệp một dòng JSON), csv (mỗi nhiệm vụ một dòng, kèm tên tệp), table (bảng để đọc trên màn hình)

## check
help-arg-draft = Dự thảo kế hoạch (.docx, .doc, .rtf, .pdf, HTML, văn bản)
help-arg-against = Kế hoạch cấp trên mà dự thảo triển khai (ví dụ kế hoạch của tỉnh); có thể ghi nhiều lần
help-arg-stage = Giai đoạn: draft (dự thảo, được để trống số và ngày) hoặc signed (ký ban hành: phải có số, ngày tháng năm đầy đủ, người ký; thể thức theo Nghị định 30/2020/NĐ-CP)
help-in-check-format = Định dạng báo cáo: text (danh sách phát hiện), json (một đối tượng JSON: các phát hiện và phần tóm tắt), html (một trang HTML độc lập với bảng nhiệm vụ và từng phát hiện ở đúng dòng)
help-arg-rules-data = Dữ liệu bổ sung về cơ quan không còn tồn tại, căn cứ đã bị thay thế và lỗi chính tả (JSON, cùng cấu trúc với data/stale.json)
help-arg-threshold = Mức tương đồng tối thiểu (0–1) để một nhiệm vụ của dự thảo được coi là tương ứng với nhiệm vụ của kế hoạch cấp trên
help-arg-select = Chỉ chạy các quy tắc này: mã hoặc tiền tố mã, cách nhau bằng dấu phẩy ("KH1,KH301")
help-arg-ignore = Bỏ qua các quy tắc này: mã hoặc tiền tố mã, cách nhau bằng dấu phẩy ("KH403,KH6")

## diff
help-arg-old = Kế hoạch cũ (hoặc kế hoạch cấp trên)
help-arg-new = Kế hoạch mới (hoặc dự thảo)
help-in-diff-format = Định dạng: text (danh sách thêm, bỏ, sửa — kèm so sánh từng từ — và đánh số lại), json, html (một trang HTML độc lập)
help-arg-all = Hiện cả các nhiệm vụ không thay đổi

## rules
help-arg-code = Mã quy tắc ("KH301") hoặc tên ("stale-body") cần giải thích

## import
help-arg-paths = Các tệp và thư mục cần nhập
help-arg-all-types = Lưu cả văn bản không phải kế hoạch (báo cáo, công văn, hướng dẫn …); nếu không, các văn bản đó được liệt kê là bỏ qua kèm loại văn bản và không được lưu
help-in-import-format = Định dạng phần tóm tắt: text hoặc json

## reparse
help-arg-dry-run = Báo cáo những gì sẽ thay đổi nhưng không ghi vào kho
help-in-reparse-check = Rà soát lại các văn bản được thay thế và lưu kết quả
help-in-reparse-format = Định dạng: text, hoặc json (một đối tượng JSON: {"{"}"documents": [...], "summary": {"{"}...{"}"}{"}"})

## query, export
help-arg-what = Cần liệt kê gì: plans (kế hoạch: cơ quan ban hành, số, ngày, năm) hoặc items (nhiệm vụ, kèm kế hoạch)
help-arg-issuer = Cơ quan ban hành, so khớp cả từ, không phân biệt hoa thường và vị trí dấu ("sở tư pháp")
help-arg-year = Năm kế hoạch (nếu không có thì năm của ngày ban hành)
help-arg-number = Số văn bản: "182", "182/KH-UBND" hoặc "/KH-STP" (chỉ ký hiệu)
help-arg-source = Tiền tố mã SHA-256, hoặc một phần đường dẫn của tệp đã nhập
help-arg-agency = Nhiệm vụ mà cơ quan chủ trì hoặc phối hợp là NAME (không phân biệt hoa thường, vị trí dấu, dấu câu)
help-arg-lead = Nhiệm vụ do NAME chủ trì
help-arg-support = Nhiệm vụ do NAME phối hợp
help-arg-agency-contains = Khớp cơ quan có chứa NAME (theo cả từ), không chỉ cơ quan trùng tên
help-arg-kind = Loại dòng: task (nhiệm vụ) hoặc group (đề mục)
help-arg-deadline = Nhiệm vụ có loại thời hạn này (empty, continuous, recurring, before, on_date, months, year, quarters, half_year, range, since, until, within, compound, unparsed …)
help-arg-due-from = Nhiệm vụ đến hạn từ ngày DATE (YYYY-MM-DD hoặc DD/MM/YYYY; nhiệm vụ có thời hạn ghi ngày cụ thể)
help-arg-due-to = Nhiệm vụ đến hạn đến ngày DATE
help-arg-text = Tìm theo từ, không cần dấu: "kiem soat" tìm được "kiểm soát" (mọi từ; "cụm từ trong ngoặc kép"; tiền tố*)
help-arg-exact = Nội dung chứa đúng các từ này, kể cả dấu (không phân biệt hoa thường)
help-arg-limit = Tối đa N dòng
help-in-query-format = Định dạng: table (bảng để đọc), csv, jsonl, json (một mảng JSON)
help-in-export-format = Định dạng: csv, xlsx (sổ tính với trang "Kế hoạch" và trang "Nhiệm vụ"), jsonl
help-in-export-output = Tệp đầu ra (không ghi: ra màn hình với csv và jsonl; bắt buộc với xlsx) (tên khác: --out)
help-arg-plans = Xuất kế hoạch thay vì nhiệm vụ (csv, jsonl; tệp xlsx có cả hai)
help-in-export-bom = Thêm dấu BOM UTF-8 ở đầu tệp CSV để Excel đọc đúng tiếng Việt (mặc định khi --output có đuôi .csv)
help-arg-no-bom = Không thêm dấu BOM, kể cả khi --output có đuôi .csv

## completions
help-arg-shell = Shell cần tạo tập lệnh tự hoàn thành: bash, elvish, fish, powershell, zsh

## tables
help-cmd-tables = Liệt kê mọi bảng mà bộ đọc tìm thấy trong văn bản (mọi định dạng), kèm ô gộp và số trang
help-in-tables-format = Định dạng: json ({"{"}"tables": [...]{"}"} cho một tệp; một mảng {"{"}"file", "tables"{"}"} cho nhiều tệp), csv (mỗi ô một dòng: tệp, bảng, dòng, cột, số dòng gộp, số cột gộp, trang, không kẻ khung, nội dung), markdown (mỗi bảng một bảng Markdown; nội dung ô gộp ở vị trí đầu)
help-arg-annotate = Ghi thêm một bản sao của dự thảo .docx, mỗi phát hiện là một nhận xét (comment) Word gắn đúng ô hoặc đúng chữ, mỗi lỗi sửa chắc chắn là một sửa đổi theo dõi (track changes); dự thảo gốc không bị sửa

## OCR
help-heading-ocr-scanned-pdfs = OCR (PDF bản quét)
help-arg-ocr = Khi nào nhận dạng chữ (OCR) các trang PDF bằng Tesseract (cài đặt: apt-get install tesseract-ocr tesseract-ocr-vie): auto (các trang không có lớp chữ, khi đã cài tesseract và dữ liệu tiếng Việt), always (mọi trang, kể cả trang có lớp chữ), never (không bao giờ; trang quét được báo là cần OCR)
help-arg-ocr-page-seconds = Thời gian tối đa (giây) cho bộ nhận dạng chữ trên một trang, quá thì dừng
