# Những từ dùng chung: mức độ, đếm, vị trí.
severity-error = lỗi
severity-warning = cảnh báo
severity-info = thông tin
severity-count-error = { $count } lỗi
severity-count-warning = { $count } cảnh báo
severity-count-info = { $count } thông tin
# Chỉ để kiểm thử cách hiển thị số năm.
test-year = năm { $year }
