# Những từ dùng chung: mức độ, đếm, vị trí.
severity-error = lỗi
severity-warning = cảnh báo
severity-info = thông tin
severity-count-error = { $count } lỗi
severity-count-warning = { $count } cảnh báo
severity-count-info = { $count } thông tin
# Chỉ để kiểm thử cách hiển thị số năm.
test-year = năm { $year }

## Vị trí của một phát hiện trong văn bản.
where-stt = STT { $stt }
where-stt-column = STT { $stt }, cột { $column }
where-table-row = bảng { $table }, dòng { $row }
where-table-row-page = bảng { $table }, dòng { $row }, trang { $page }
where-field = phần { $field }
where-paragraph = đoạn { $paragraph }
where-paragraph-start = đoạn { $paragraph } "{ $start }"
where-parent = mục { $stt } của kế hoạch cấp trên
where-parent-of = — ứng với mục { $stt } của kế hoạch cấp trên
where-document = toàn văn bản
## Tên cột của bảng nhiệm vụ.
column-stt = STT
column-content = nội dung
column-lead = chủ trì
column-support = phối hợp
column-deadline = thời gian hoàn thành
## Các phần của văn bản.
field-title = trích yếu
field-date = ngày ban hành
field-number = số, ký hiệu
field-issuer = cơ quan ban hành
field-appendix-title = tên phụ lục
field-appendix-reference = dòng dẫn phụ lục
field-legal-bases = căn cứ
field-recipients = nơi nhận
field-signer = người ký
