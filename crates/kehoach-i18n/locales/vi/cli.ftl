# Những gì dòng lệnh in ra (crates/kehoach/src). Tiếng Việt.

## kehoach check: báo cáo dạng văn bản
check-help = gợi ý
check-note = ghi chú
check-rule = quy tắc
check-fix = sửa
check-checked = Đã kiểm tra
check-against = đối chiếu với { $parents }
check-stage = { $stage ->
    [signed] giai đoạn ký ban hành
   *[draft] giai đoạn dự thảo
}
check-summary = { $errors }, { $warnings }, { $infos }

## kehoach rules
rules-header-code = mã
rules-header-name = tên
rules-header-severity = mức độ
rules-header-summary = tóm tắt
rules-explain-one = `kehoach rules MÃ` giải thích một quy tắc.
rules-unknown = không có quy tắc "{ $code }"; `kehoach rules` liệt kê các quy tắc
rules-name = tên
rules-severity = mức độ
