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

## kehoach check: đầu vào không kiểm tra được
check-not-a-plan = { $file }: văn bản này không phải kế hoạch (loại: { $kind }); `kehoach check` chỉ rà soát kế hoạch (Kế hoạch, Quyết định ban hành kế hoạch, Chương trình)
check-unknown-type = không rõ loại
check-parent-without-items = { $file }: không tìm thấy nhiệm vụ nào trong kế hoạch cấp trên này nên không thể đối chiếu dự thảo (đây là bản kế hoạch hay chỉ là công văn gửi kèm?)

## Đọc văn bản: lỗi của bộ đọc (chi tiết kỹ thuật giữ nguyên như bộ đọc ghi)
read-empty = tệp rỗng
read-unsupported = không phải văn bản kehoach đọc được ({ $detail })
read-encrypted = văn bản đã được mã hóa hoặc đặt mật khẩu ({ $detail }); hãy lưu một bản không đặt mật khẩu rồi thử lại
read-corrupt = tệp bị hỏng: { $detail }
read-limit = vượt giới hạn: { $what } là { $value }, giới hạn là { $limit }; có thể nâng bằng { $flag }
read-time-limit = vượt giới hạn: đọc văn bản quá { $seconds } giây; có thể nâng bằng --max-seconds
read-needs-ocr = bản quét, không có lớp chữ trên { $pages } trang: chữ là hình ảnh, cần nhận dạng chữ (OCR): cài Tesseract với dữ liệu tiếng Việt (apt-get install tesseract-ocr tesseract-ocr-vie) rồi đọc với --ocr auto, hoặc dùng tệp ký số xuất từ Word hay bản PDF có lớp chữ
read-io = không đọc được tệp: { $detail }
read-internal = lỗi nội bộ khi đọc tệp (xin gửi tệp này để báo lỗi)
