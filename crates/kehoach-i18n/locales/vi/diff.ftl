# diff (vi): nhãn của `kehoach diff` (văn bản, HTML).
diff-title = So sánh kế hoạch
diff-describe = { $name } — { $issuer }{ $year } ({ $items } mục)
diff-plan-year = , kế hoạch năm { $year }
diff-unknown = ?
diff-field-content = Nội dung
diff-field-lead = Chủ trì
diff-field-support = Phối hợp
diff-field-deadline = Thời gian hoàn thành
diff-field-kind = Loại mục
diff-field-title = Trích yếu
diff-field-issuer = Cơ quan ban hành
diff-field-number = Số, ký hiệu
diff-field-date = Ngày ban hành
diff-field-plan-year = Năm kế hoạch
diff-field-signer-authority = Thẩm quyền ký
diff-field-signer-position = Chức vụ người ký
diff-field-signer-name = Người ký
diff-field-recipients = Nơi nhận
diff-field-legal-bases = Căn cứ
diff-kind-group = nhóm
diff-kind-task = nhiệm vụ
diff-years-only = chỉ đổi năm, { $old } → { $new }
diff-filled-in = đã điền số, ngày
diff-renumbered-only = chỉ đổi số thứ tự
diff-year-update-only = chỉ cập nhật năm
diff-swapped = hoán đổi với mục { $stt }
diff-no-item-differs = (không có mục nào khác nhau)
diff-added = Đã thêm
diff-removed = Đã bỏ
diff-changed = Đã sửa
diff-paragraph = đoạn { $n }
diff-figures = số liệu:
diff-figures-removed = bỏ { $list }
diff-figures-added = thêm { $list }
diff-summary = { $added } mục thêm, { $removed } mục bỏ, { $changed } mục sửa ({ $years } chỉ đổi năm), { $renumbered } mục đổi số thứ tự{ $swapped ->
    [0] {""}
   *[other] , { $swapped } cặp hoán đổi
}, { $unchanged } mục không đổi
diff-body-summary = Thân văn bản: { $added } đoạn thêm, { $removed } đoạn bỏ, { $changed } đoạn sửa, { $filled } đoạn điền số, ngày
diff-meta-heading = Thông tin văn bản
diff-body-heading = Thân văn bản
diff-items-heading = Các mục
diff-col-stt = STT
diff-col-content = Nội dung / thay đổi
diff-col-paragraph = Đoạn
