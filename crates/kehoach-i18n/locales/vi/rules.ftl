# Thông báo của các quy tắc kiểm tra (crates/kehoach-diff/src/rules). Tiếng Việt.
# Viết như người thẩm định viết trong phiếu góp ý: ngắn, nói rõ chỗ sai và sửa thế nào.
# Tên, tóm tắt và giải thích quy tắc bằng tiếng Việt: các mục "rule-…" và "explain-…" ở cuối
# tệp (bản tiếng Anh là tài liệu của quy tắc trong mã nguồn).

## KH101
kh101-title-date = Trích yếu ghi năm { $title_year } nhưng văn bản ban hành năm { $date_year }
kh101-title-date-help = Ban hành kế hoạch trong năm { $title_year } (hoặc cuối năm { $prev_year }), hoặc sửa năm trong trích yếu
kh101-appendix-title-year = Tên phụ lục ghi năm { $appendix_year }, trích yếu kế hoạch ghi năm { $title_year }
kh101-appendix-year = Dòng dẫn phụ lục ghi năm { $ref_year }, văn bản ban hành năm { $date_year }
kh101-appendix-date = Dòng dẫn phụ lục ghi ngày { $ref_date }, văn bản ban hành ngày { $date }
kh101-appendix-month = Dòng dẫn phụ lục ghi tháng { $ref_month }, văn bản ban hành tháng { $month }
## KH102
kh102-plan-for-other-year = Năm kế hoạch là { $plan_year } nhưng nhiệm vụ xây dựng kế hoạch năm { $year }
kh102-other-year = Năm kế hoạch là { $plan_year } nhưng nhiệm vụ ghi năm { $year }
kh102-period = Nhiệm vụ ghi giai đoạn { $from }–{ $to }, không bao gồm năm kế hoạch { $plan_year }
## KH103
kh103-before-date = Thời hạn hoàn thành trước ngày ban hành văn bản ({ $date })
kh103-before-year = Thời hạn hoàn thành thuộc năm { $year }, trước năm kế hoạch { $plan_year }
kh103-before-year-help = Ghi thời hạn trong năm { $plan_year }
kh103-after-year = Thời hạn hoàn thành thuộc năm { $year }, sau năm kế hoạch { $plan_year }
## KH104
kh104-cited-after = Viện dẫn văn bản ban hành ngày { $date }, sau ngày ban hành kế hoạch này
kh104-cited-other-year = Căn cứ là kế hoạch năm { $year } trong khi đây là kế hoạch năm { $plan_year }
kh104-cited-other-year-help = Viện dẫn kế hoạch cấp trên năm { $plan_year }
kh104-cited-early = Kế hoạch được viện dẫn ban hành ngày { $date }, quá sớm đối với kế hoạch năm { $year }; có phải số, ngày của năm trước không?
kh104-cited-unfit = Kế hoạch được viện dẫn ban hành ngày { $date }, không phù hợp với kế hoạch năm { $year }; có phải số, ngày của năm trước không?
kh104-cited-date-help = Kiểm tra lại số, ngày của kế hoạch cấp trên năm { $year }
## KH201
kh201-missing-lead = Mục { $stt } của kế hoạch cấp trên chưa có nhiệm vụ tương ứng trong dự thảo (cấp của dự thảo chủ trì: { $agencies })
kh201-missing-support = Mục { $stt } của kế hoạch cấp trên chưa có nhiệm vụ tương ứng trong dự thảo (cấp của dự thảo phối hợp: { $agencies })
kh201-missing-inherited = Mục { $stt } của kế hoạch cấp trên chưa có nhiệm vụ tương ứng trong dự thảo (cấp huyện chủ trì: { $agencies }; từ ngày 01/7/2025 nhiệm vụ này chuyển về cấp xã)
kh201-missing-help = Bổ sung nhiệm vụ tương ứng với mục { $stt } của kế hoạch cấp trên, hoặc nêu lý do không thực hiện
kh201-closest = Gần nhất: mục { $stt } "{ $content }" (mức tương đồng { $score })
kh201-heading-only = Chỉ có đề mục { $heading_stt } "{ $heading }" tương ứng (mức tương đồng { $heading_score }); gần nhất: mục { $stt } "{ $content }" (mức tương đồng { $score })
## KH202
kh202-not-cited = Dự thảo chưa viện dẫn kế hoạch cấp trên ({ $parent })
kh202-cites-other = Phần căn cứ của dự thảo không viện dẫn kế hoạch cấp trên ({ $parent }) mà viện dẫn { $cited }
kh202-not-cited-help = Viện dẫn { $parent }, hoặc kiểm tra lại kế hoạch cấp trên đã chọn
kh202-parent-year = Kế hoạch cấp trên đã chọn là kế hoạch năm { $parent_year }; dự thảo là kế hoạch năm { $plan_year }
kh202-diff-type = loại văn bản "{ $cited }" khác "{ $parent }"
kh202-diff-symbol = ký hiệu { $cited } khác { $parent }
kh202-diff-date = ngày { $cited } khác { $parent }
kh202-cited-wrongly = Viện dẫn kế hoạch cấp trên chưa đúng: { $details }
## KH203
kh203-differs = "{ $word }" khác { $kind ->
    [diacritics] dấu
   *[letter] một chữ cái
} so với "{ $parent_word }" của kế hoạch cấp trên (mục { $stt })
kh203-parent-wrong = "{ $word }" khác { $kind ->
    [diacritics] dấu
   *[letter] một chữ cái
} so với "{ $parent_word }" của kế hoạch cấp trên (mục { $stt }); có thể kế hoạch cấp trên viết sai
## KH301, KH302
kh301-stale = "{ $name }" không còn tồn tại (từ ngày { $since })
kh302-superseded = { $cited } đã được thay thế từ ngày { $since }
## KH401–KH403
kh401-duplicate = STT { $stt } bị trùng (đã dùng ở dòng { $first_row } của bảng)
kh402-starts-at = Số thứ tự bắt đầu từ { $stt }
kh402-skips-level = STT { $stt } bỏ qua một cấp sau { $prev }
kh402-backwards = STT { $stt } bị lùi lại sau { $prev }
kh402-gap = STT { $stt } bị nhảy số sau { $prev }
kh403-style = Các STT khác cùng cấp { $depth } được ghi { $style ->
    [dot] có dấu chấm ở cuối
   *[no-dot] không có dấu chấm ở cuối
}
## KH404–KH407
kh404-no-lead = Nhiệm vụ chưa có cơ quan chủ trì
kh404-no-lead-help = Ghi cơ quan chủ trì thực hiện
kh404-separate-plan = Thời gian thực hiện theo một kế hoạch riêng
kh405-both = "{ $name }" vừa là cơ quan chủ trì vừa là cơ quan phối hợp
kh405-both-help = Chỉ ghi một lần, ở đúng cột
kh406-deadline-in-column = Cột { $column ->
    [lead] chủ trì
    [support] phối hợp
    [content] nội dung
   *[other] { $column }
} có cụm từ chỉ thời gian
kh406-deadline-in-column-help = Chuyển sang cột thời gian hoàn thành
kh406-agency-in-deadline = Cột thời gian hoàn thành lại ghi tên cơ quan
kh406-agency-in-deadline-help = Chuyển sang cột chủ trì hoặc phối hợp
kh406-merged-lead-deadline = Một ô gộp các cột chủ trì, phối hợp và thời gian, chứa cụm từ chỉ thời gian; nhiệm vụ chưa có cơ quan chủ trì
kh406-merged-lead-deadline-help = Tách ô: cơ quan chủ trì, cơ quan phối hợp, thời gian hoàn thành
kh407-no-deadline = Nhiệm vụ chưa có thời gian hoàn thành
kh407-no-deadline-help = Ghi thời gian hoàn thành ("Thường xuyên", "Trước ngày …")
## KH501–KH503
kh501-symbol = Dòng dẫn phụ lục ghi ký hiệu { $cited }; số, ký hiệu của văn bản là { $number }
kh501-number = Dòng dẫn phụ lục ghi số { $cited }; số của văn bản là { $number }
kh501-type = Dòng dẫn phụ lục ghi loại văn bản "{ $cited }"; văn bản là "{ $doc_type }"
kh501-issuer = Dòng dẫn phụ lục ghi cơ quan ban hành là { $cited }; cơ quan ban hành văn bản là { $issuer }
kh502-type = Viện dẫn là "{ $cited }" nhưng ký hiệu { $symbol } là của "{ $doc_type }"
kh503-owner = Ghi "{ $name }" là chủ thể của kế hoạch; cơ quan ban hành là { $issuer }
kh503-owner-help = Ghi tên cơ quan ban hành ({ $issuer })
## KH601, KH602
kh601-repeated = "{ $phrase }" bị lặp
kh601-repeated-help = Chỉ ghi "{ $phrase }" một lần
kh602-misspelling = "{ $word }" viết sai chính tả
## KH701, KH702
kh701-number = Kế hoạch ký ban hành phải có số
kh701-date = Kế hoạch ký ban hành phải ghi đủ ngày, tháng, năm
kh701-signer = Kế hoạch ký ban hành phải có họ tên người ký
kh701-signer-help = Ghi đầy đủ họ tên người ký dưới chức vụ
kh702-date-form = Ghi ngày theo mẫu "ngày DD tháng MM năm YYYY"
kh702-day-zero = Ngày { $day } phải thêm số 0 ở trước ("{ $want }")
kh702-month-zero = Tháng { $month } phải thêm số 0 ở trước ("{ $want }")
kh702-month-no-zero = Tháng { $month } không thêm số 0 ở trước ("{ $want }")
kh702-number-zero = Số { $number } phải thêm số 0 ở trước
kh702-number-form = Dòng số, ký hiệu ghi theo mẫu "Số: NN/KÝ HIỆU"

## Tên và tóm tắt quy tắc (chỉ tiếng Việt; tiếng Anh nằm trong mã nguồn).
rule-kh101 = Năm kế hoạch và ngày ban hành
    .summary = Năm kế hoạch (trong trích yếu) không khớp với ngày ban hành, tên phụ lục hoặc dòng dẫn phụ lục
rule-kh102 = Năm ghi trong nhiệm vụ
    .summary = Nhiệm vụ ghi một năm khác năm kế hoạch
rule-kh103 = Thời hạn ngoài năm kế hoạch
    .summary = Thời hạn hoàn thành trước ngày ban hành hoặc ngoài năm kế hoạch
rule-kh104 = Năm của kế hoạch được viện dẫn
    .summary = Ngày hoặc năm của kế hoạch cấp trên được viện dẫn không phù hợp với năm kế hoạch
rule-kh201 = Thiếu nhiệm vụ bắt buộc
    .summary = Nhiệm vụ của kế hoạch cấp trên giao cho cấp của dự thảo chưa có trong dự thảo
rule-kh202 = Viện dẫn kế hoạch cấp trên
    .summary = Kế hoạch cấp trên được viện dẫn ở phần căn cứ khác với kế hoạch cấp trên đã chọn
rule-kh203 = Câu chữ khác kế hoạch cấp trên
    .summary = Một từ khác một chữ cái hoặc khác dấu so với nhiệm vụ tương ứng của kế hoạch cấp trên
rule-kh301 = Cơ quan không còn tồn tại
    .summary = Ghi tên cơ quan đã giải thể, hợp nhất hoặc đổi tên trước ngày ban hành kế hoạch
rule-kh302 = Căn cứ đã bị thay thế
    .summary = Viện dẫn văn bản đã được thay thế trước ngày ban hành kế hoạch
rule-kh401 = STT bị trùng
    .summary = Hai nhiệm vụ cùng một số thứ tự
rule-kh402 = STT không liên tục
    .summary = Số thứ tự không nối tiếp số trước (nhảy số, bỏ cấp, lùi lại)
rule-kh403 = STT ghi không thống nhất
    .summary = Các STT cùng cấp ghi theo hai kiểu ("1." bên cạnh "3")
rule-kh404 = Nhiệm vụ chưa có cơ quan chủ trì
    .summary = Nhiệm vụ chưa ghi cơ quan chủ trì
rule-kh405 = Vừa chủ trì vừa phối hợp
    .summary = Một cơ quan vừa chủ trì vừa phối hợp cùng một nhiệm vụ
rule-kh406 = Ghi nhầm cột
    .summary = Nội dung của ô thuộc về cột khác
rule-kh407 = Thiếu thời gian hoàn thành
    .summary = Nhiệm vụ chưa có thời gian hoàn thành
rule-kh501 = Dòng dẫn phụ lục
    .summary = Số, ký hiệu, loại văn bản hoặc cơ quan ban hành ở dòng dẫn phụ lục khác với văn bản
rule-kh502 = Loại văn bản và ký hiệu
    .summary = Loại văn bản được viện dẫn không khớp với ký hiệu (Quyết định …/KH-…)
rule-kh503 = Nhầm chủ thể kế hoạch
    .summary = Trích yếu hoặc nhiệm vụ ghi một đơn vị khác cùng loại làm chủ thể kế hoạch
rule-kh601 = Từ ngữ bị lặp
    .summary = Một từ hoặc cụm từ bị lặp do sơ suất
rule-kh602 = Lỗi chính tả đã biết
    .summary = Cụm từ nằm trong danh sách lỗi chính tả đã biết
rule-kh701 = Thiếu thông tin khi ký ban hành
    .summary = Kế hoạch ký ban hành thiếu số, ngày tháng năm đầy đủ hoặc họ tên người ký
rule-kh702 = Thể thức theo Nghị định 30/2020
    .summary = Số hoặc ngày tháng chưa ghi theo Nghị định 30/2020/NĐ-CP (khi ký ban hành)
