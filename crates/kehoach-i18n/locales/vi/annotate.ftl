# annotate (vi): Word comments written by `kehoach check --annotate`.

annotate-suggestion = Gợi ý: { $text }
annotate-note = Ghi chú: { $text }
annotate-missing-parent-item = Thiếu mục { $stt } của kế hoạch cấp trên.
annotate-fix-by-hand = Chưa ghi được sửa đổi dạng theo dõi thay đổi (không tìm thấy nguyên văn trong một đoạn định dạng liền): hãy sửa tay “{ $find }” thành “{ $replace }”.
annotate-not-docx = { $path }: chú thích vào văn bản cần tệp .docx; bản dự thảo .doc hoặc .pdf hãy lưu thành .docx trước (Word: Tệp › Lưu thành › .docx).
annotate-same-path = --annotate { $path }: tệp ra trùng với bản dự thảo; bản gốc không bao giờ bị ghi đè, hãy chọn tên khác.
annotate-cannot-write = { $path }: không ghi được bản có chú thích: { $error }
annotate-written = Đã ghi { $comments } nhận xét và { $fixes } sửa đổi theo dõi vào { $path }.
