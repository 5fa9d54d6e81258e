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
kh301-district = "{ $name }" là cơ quan cấp huyện, không còn từ ngày 01/7/2025 (chính quyền địa phương 2 cấp)
kh301-district-help = Giao cho UBND cấp xã hoặc cơ quan cấp tỉnh nhận nhiệm vụ
kh301-province = "{ $name }": tỉnh { $province } đã được sắp xếp vào { $into } từ ngày 01/7/2025
kh301-province-help = Ghi theo đơn vị hành chính mới ({ $into })

## Giải thích quy tắc (kehoach rules MÃ)

explain-kh101 =
    Kiểm tra gì: So sánh năm kế hoạch ghi trong trích yếu với năm của ngày ban hành văn
    bản, năm ghi trong tên phụ lục và ngày ghi ở dòng dẫn phụ lục "(Kèm theo Kế hoạch số …
    ngày …)".

    Vì sao: Kế hoạch sao chép từ kế hoạch năm trước thường còn sót số năm cũ ở đâu đó. Kế
    hoạch năm Y được ban hành trong năm Y, hoặc vào cuối năm Y−1 (từ tháng 10; xây dựng kế
    hoạch năm sau vào tháng 12 là bình thường); ban hành sớm hơn thế là cảnh báo, ban hành
    vào bất kỳ năm nào khác là lỗi.

    Ví dụ sai: trích yếu "… năm 2026" nhưng tên phụ lục "… NĂM 2025"; hoặc ngày ban hành
    "ngày … tháng 01 năm 2026" nhưng dòng dẫn phụ lục ghi "(Kèm theo Kế hoạch số …/KH-STP
    ngày …/01/2025 …)".

    Ví dụ đúng: trích yếu "… năm 2024", ngày ban hành "ngày 13 tháng 12 năm
    2023", tên phụ lục "… NĂM 2024", dòng dẫn phụ lục "(Kèm theo Quyết định số
    3161/QĐ-UBND ngày 13/12/2023 …)".

explain-kh102 =
    Kiểm tra gì: Đọc mọi năm ghi dưới dạng "năm YYYY" trong các nhiệm vụ (và trong các câu
    ở phần nội dung nói về việc xây dựng kế hoạch), trừ năm nằm trong ngày tháng và trong
    số, ký hiệu của văn bản được viện dẫn, rồi so với năm kế hoạch.

    Vì sao: Nhiệm vụ thường được sao chép từ kế hoạch năm trước hoặc từ kế hoạch cấp trên;
    "Xây dựng Kế hoạch … năm 2025" trong kế hoạch năm 2026 là nhiệm vụ của năm trước.
    Nhiệm vụ xây dựng, trình hoặc ban hành kế hoạch của một năm khác là lỗi; ghi năm khác
    ở những chỗ khác là cảnh báo, trừ kế hoạch năm sau (được chuẩn bị vào cuối năm: bình
    thường) và kết quả năm trước trong nhiệm vụ báo cáo (bình thường). Giai đoạn đã kết
    thúc trước năm kế hoạch ("giai đoạn 2021 - 2025") là cảnh báo. Năm nằm trong văn bản
    được viện dẫn ("Nghị định số 63/2010/NĐ-CP ngày 08/6/2010") không được xét.

    Ví dụ sai: trong kế hoạch năm 2026, nhiệm vụ 1.2 "Xây dựng Kế hoạch kiểm soát TTHC …
    năm 2025".

    Ví dụ đúng: "Xây dựng Kế hoạch kiểm soát TTHC … năm 2026"; trong kế hoạch năm 2024,
    nhiệm vụ 1.9 "Trình Chủ tịch UBND tỉnh ban hành Kế hoạch … năm 2025" với thời gian
    hoàn thành "Tháng 12/2024".

explain-kh103 =
    Kiểm tra gì: Đọc ngày tháng và năm trong thời gian hoàn thành của từng nhiệm vụ
    ("Trước ngày 25/01/2026", "Tháng 3, tháng 4 năm 2026", "Năm 2026") và so với ngày ban
    hành văn bản và năm kế hoạch.

    Vì sao: Thời hạn sao chép từ kế hoạch năm trước là thời hạn đã qua. Thời hạn trước
    ngày ban hành văn bản (dự thảo còn để trống ngày thì tính là ngày đầu tiên của tháng)
    hoặc thuộc một năm trước năm kế hoạch là lỗi. Thời hạn sau năm kế hoạch là cảnh báo,
    trừ quý I năm sau (báo cáo năm thường nộp vào tháng 01) và việc chuẩn bị kế hoạch năm
    sau vào cuối năm kế hoạch.

    Ví dụ sai: trong kế hoạch ban hành "ngày … tháng 01 năm 2026", thời hạn
    "Trước ngày 15/01/2025"; trong kế hoạch năm 2026, thời hạn "Năm 2024".

    Ví dụ đúng: "Trước ngày 31/01/2026", "Tháng 3, tháng 4 năm 2026", "Thường xuyên".

explain-kh104 =
    Kiểm tra gì: Xem các kế hoạch (và các quyết định ban hành kế hoạch) được viện dẫn ở
    phần căn cứ, "Căn cứ …" / "Thực hiện …", và kiểm tra năm của chúng có phù hợp với dự
    thảo không: kế hoạch được viện dẫn là kế hoạch năm nào ("… năm 2026") thì năm đó phải
    là năm kế hoạch; kế hoạch năm Y phải ban hành trong năm Y hoặc vào cuối năm Y−1; và
    không văn bản nào được viện dẫn lại có ngày ban hành sau dự thảo.

    Vì sao: Trích yếu đã sửa năm nhưng số, ngày của kế hoạch cấp trên vẫn chép từ dự thảo
    năm trước, nên căn cứ lại dẫn tới kế hoạch năm trước. Viện dẫn nghị định, luật ban
    hành từ lâu là bình thường và không bị xét.

    Ví dụ sai: kế hoạch năm 2026 ghi "Thực hiện Kế hoạch số 38/KH-UBND ngày 05/02/2025 …
    năm 2026" (kế hoạch năm 2026 mà ban hành tháng 02/2025: có phải số của năm trước?),
    hoặc "Căn cứ Kế hoạch số 12/KH-UBND ngày 20/01/2025 … năm 2025".

    Ví dụ đúng: "Thực hiện Kế hoạch số 182/KH-UBND ngày 25/12/2025 … năm 2026".

explain-kh201 =
    Kiểm tra gì: Khi có kế hoạch cấp trên (`--against`), liệt kê các nhiệm vụ của kế hoạch
    cấp trên mà cấp của dự thảo phải thực hiện — tức là cột chủ trì ghi cấp của dự thảo
    ("Các sở, ban, ngành" đối với sở, "UBND cấp xã" đối với xã) hoặc ghi đích danh cơ quan
    ban hành dự thảo — và báo từng nhiệm vụ mà dự thảo chưa có nhiệm vụ tương ứng. Nhiệm
    vụ được đối chiếu theo nội dung (tỷ lệ từ trùng nhau sau khi chuẩn hóa chữ viết, và
    xét cả trường hợp nội dung này nằm trọn trong nội dung kia), nên nhiệm vụ được diễn
    đạt lại, gộp hoặc tách vẫn được nhận ra. Kết quả nêu STT và nội dung nhiệm vụ của kế
    hoạch cấp trên, cùng nhiệm vụ gần nhất trong dự thảo và mức tương đồng. Dự thảo của xã
    ban hành sau ngày 01/7/2025 mà đối chiếu với kế hoạch cấp trên ban hành trước ngày đó
    thì còn phải nhận cả các nhiệm vụ của cấp huyện ("UBND cấp huyện"): thiếu nhiệm vụ
    loại này là thông tin. Nếu cấp của dự thảo chỉ là cơ quan phối hợp, hoặc chỉ có một đề
    mục của dự thảo tương ứng (có đề mục nhưng không nhiệm vụ nào dưới đề mục đó nêu việc
    này), thì thiếu nhiệm vụ là thông tin.

    Vì sao: Kế hoạch của sở hoặc của xã là để triển khai kế hoạch của tỉnh; nhiệm vụ giao
    cho "Các sở, ban, ngành" mà kế hoạch của sở bỏ sót thì sẽ không được thực hiện.

    Ví dụ sai: kế hoạch của tỉnh có nhiệm vụ "Báo cáo thực hiện kiểm soát TTHC — Các sở,
    ban, ngành" nhưng kế hoạch của sở không có nhiệm vụ báo cáo nào.

    Ví dụ đúng: kế hoạch của sở có nhiệm vụ "2.5 Báo cáo thực hiện kiểm soát TTHC — Văn
    phòng Sở — Định kỳ hàng quý, năm".

explain-kh202 =
    Kiểm tra gì: Khi có kế hoạch cấp trên (`--against`), tìm kế hoạch cấp trên trong phần
    căn cứ của dự thảo theo số văn bản, rồi kiểm tra viện dẫn có ghi đúng loại văn bản, ký
    hiệu và ngày của kế hoạch cấp trên không. Nếu không căn cứ nào mang số của kế hoạch
    cấp trên, kết quả cho biết dự thảo đang viện dẫn kế hoạch nào thay vào đó (cảnh báo:
    có thể dự thảo triển khai một bản khác của kế hoạch cấp trên).

    Vì sao: Kế hoạch cấp trên được gõ tay khi viện dẫn; ghi "Quyết định số
    182/QĐ-UBND" thay cho "Kế hoạch số 182/KH-UBND" là dẫn người đọc tới một văn bản không
    có thật.

    Ví dụ sai: kế hoạch cấp trên là "Kế hoạch số 182/KH-UBND ngày
    25/12/2025", dự thảo ghi "Căn cứ Quyết định số 182/QĐ-UBND ngày 25/12/2025 …".

    Ví dụ đúng: "Thực hiện Kế hoạch số 182/KH-UBND ngày 25/12/2025 của UBND tỉnh …".

explain-kh203 =
    Kiểm tra gì: Khi có kế hoạch cấp trên (`--against`), ghép mỗi nhiệm vụ của dự thảo với
    nhiệm vụ tương ứng trong kế hoạch cấp trên (nhiệm vụ giống nhất, mức tương đồng từ
    `--threshold` trở lên, mặc định 0.6) và báo từ nào khác với từ ở cùng vị trí trong
    nhiệm vụ tương ứng một chữ cái hoặc chỉ khác dấu ("Kiểm toàn" / "Kiện toàn", "Công" /
    "Cổng"). Vị trí đặt dấu thanh ("hoá" / "hóa") không bao giờ bị coi là khác, vì các từ
    được so sau khi chuẩn hóa. Nếu từ trong dự thảo mới là từ đúng (theo danh sách lỗi
    chính tả đã biết, hoặc ở chỗ khác chính kế hoạch cấp trên cũng viết như vậy) thì kết
    quả là thông tin: lỗi gõ nằm ở kế hoạch cấp trên.

    Vì sao: Lỗi sai một chữ cái thường sinh ra khi sao chép nhiệm vụ rồi gõ lại một từ;
    chỉ một chữ cái cũng biến "Cổng Dịch vụ công" (cổng thông tin) thành
    "Công Dịch vụ công".

    Ví dụ sai: kế hoạch cấp trên ghi "Cập nhật … trên Cổng Dịch vụ công quốc
    gia", dự thảo ghi "Cập nhật … trên Công Dịch vụ công quốc gia".

    Ví dụ đúng: giữ đúng các từ như kế hoạch cấp trên, hoặc diễn đạt lại hẳn.

explain-kh301 =
    Kiểm tra gì: Tìm tên các cơ quan đã giải thể, hợp nhất hoặc đổi tên — theo dữ liệu kèm
    theo chương trình (`data/stale.json`) và tệp `--rules-data` nếu có — trong mọi phần
    của kế hoạch: nhiệm vụ (nội dung, chủ trì, phối hợp, thời gian hoàn thành), trích yếu,
    cơ quan ban hành, phụ lục, nơi nhận và các đoạn văn. Mỗi mục dữ liệu chỉ áp dụng cho
    kế hoạch ban hành từ ngày có hiệu lực của mục đó trở đi (tính theo ngày ban hành kế
    hoạch; chưa có ngày thì tính ngày 01/01 của năm kế hoạch). Tên cơ quan được nhận ra
    bất kể vị trí đặt dấu thanh, chữ hoa hay chữ thường, khoảng trắng, dấu câu, hay viết
    "và" hoặc "&" ("Sở TT&TT", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"), và chỉ khớp trọn từ; khi
    nhiều tên cùng khớp thì lấy tên dài nhất (báo "UBND cấp huyện", không báo thêm
    "cấp huyện").

    Vì sao: Kế hoạch thường được sao chép từ các năm trước. Từ ngày 01/7/2025 không còn
    cấp huyện ("UBND cấp huyện"), và trong năm 2025 các sở của tỉnh đã được hợp nhất (Sở
    Thông tin và Truyền thông hợp nhất vào Sở Khoa học và Công nghệ, Ban Dân tộc hợp nhất
    vào Sở Dân tộc và Tôn giáo …); nhiệm vụ giao cho cơ quan không còn tồn tại thì không
    có ai thực hiện.

    Ví dụ sai: trong kế hoạch năm 2026, cơ quan chủ trì "UBND cấp huyện", cơ quan phối hợp
    "Sở Thông tin và Truyền thông", nội dung "… của Ban Dân tộc năm 2026".

    Ví dụ đúng: "UBND cấp xã", "Sở Khoa học và Công nghệ", "… của Sở Dân tộc và Tôn giáo
    năm 2026"; "UBND cấp huyện" trong kế hoạch năm 2024.

explain-kh302 =
    Kiểm tra gì: Tìm mọi văn bản được viện dẫn ở bất kỳ chỗ nào trong kế hoạch (phần căn
    cứ, các đoạn văn, các nhiệm vụ) và báo những văn bản mà dữ liệu (`data/stale.json`,
    `--rules-data`) cho biết đã được thay thế trước ngày ban hành kế hoạch, kèm văn bản
    thay thế.

    Vì sao: "Căn cứ Nghị định số 61/2018/NĐ-CP" chép vào kế hoạch năm 2026 là viện dẫn một
    nghị định đã hết hiệu lực: Nghị định 118/2025/NĐ-CP (ngày 09/6/2025) đã thay thế Nghị
    định 61/2018/NĐ-CP và Nghị định 107/2021/NĐ-CP về cơ chế một cửa từ ngày 01/7/2025.

    Ví dụ sai: trong kế hoạch năm 2026, "Thực hiện tốt cơ chế một cửa … theo Nghị định số
    61/2018/NĐ-CP; Nghị định số 107/2021/NĐ-CP của Chính phủ".

    Ví dụ đúng: "… theo Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ"; các
    nghị định cũ trong kế hoạch năm 2024.

explain-kh401 =
    Kiểm tra gì: Báo số thứ tự (STT) được dùng hai lần trong bảng, tại lần dùng thứ hai,
    và gợi ý số đúng theo các dòng liền kề ("2.1" nằm giữa đề mục "2.1" và "2.1.2" thì
    phải là "2.1.1").

    Vì sao: STT dùng để gọi tên nhiệm vụ trong báo cáo và khi theo dõi, đôn đốc
    ("nhiệm vụ 2.1"); hai nhiệm vụ cùng một số thì không rõ đang nói đến nhiệm vụ nào. STT
    trùng thường do sao chép một dòng.

    Ví dụ sai: "2.1 Kiểm soát, công khai TTHC", "2.1 Công khai TTHC tại nơi giải quyết
    …", "2.1.2 …".

    Ví dụ đúng: "2.1 Kiểm soát, công khai TTHC", "2.1.1 Công khai TTHC …", "2.1.2 …".

explain-kh402 =
    Kiểm tra gì: Đọc lần lượt các STT và báo số không thể đứng sau số trước nó: nhảy số
    ("1.3" sau "1.1"), bỏ qua một cấp ("2.1.1" ngay sau "1." mà không có "2." hoặc "2.1"),
    hoặc số bị lùi lại. STT bị trùng do quy tắc KH401 báo. Sau mỗi số La Mã của các phần,
    số Ả Rập được đánh lại từ đầu.

    Vì sao: Nhảy số hoặc bỏ cấp thường là do đã xóa hoặc dán một dòng mà không đánh lại
    số; báo cáo viện dẫn nhiệm vụ theo STT.

    Ví dụ sai: "1.1", "1.3"; "1.", "1.1.1".

    Ví dụ đúng: "1.", "1.1", "1.2", "2.", "2.1", "2.1.1".

explain-kh403 =
    Kiểm tra gì: Ở từng cấp, xác định cách ghi STT chiếm đa số — có dấu chấm ở cuối ("1.")
    hay không có ("1") — và báo những STT ghi theo cách còn lại.

    Vì sao: Cách ghi lẫn lộn ("1.", "2.", rồi "3") cho thấy có dòng được gõ lại hoặc dán
    từ văn bản khác, và số thứ tự đã lệch về cách ghi thì thường cũng sai về giá trị.

    Ví dụ sai: "1.", "2.", "3".

    Ví dụ đúng: "1.", "2.", "3." (hoặc "1", "2", "3").

explain-kh404 =
    Kiểm tra gì: Báo nhiệm vụ (mục không có mục con) mà ô cơ quan chủ trì để trống. Nếu
    cột thời gian hoàn thành ghi nhiệm vụ thực hiện theo một kế hoạch riêng
    ("Theo Kế hoạch riêng"), trong đó sẽ nêu cơ quan chủ trì, thì kết quả là thông tin.

    Vì sao: Nhiệm vụ không có ai chủ trì thì sẽ không được thực hiện; lập bảng nhiệm vụ
    chính là để giao việc.

    Ví dụ sai: "3.4 Triển khai thực hiện hiệu quả Bộ Chỉ số … | (để trống) | (để trống) |
    (để trống)".

    Ví dụ đúng: "3.4 Triển khai thực hiện hiệu quả Bộ Chỉ số … | Văn phòng | Các phòng
    thuộc Sở | Thường xuyên".

explain-kh405 =
    Kiểm tra gì: Báo cơ quan vừa được ghi là cơ quan chủ trì vừa được ghi là cơ quan phối
    hợp của cùng một nhiệm vụ; tên cơ quan được so sau khi chuẩn hóa ("UBND" =
    "Ủy ban nhân dân").

    Vì sao: Một cơ quan không tự phối hợp với chính mình; tên ghi lần thứ hai là do sao
    chép nhầm, và cơ quan lẽ ra phải ghi ở đó đang bị thiếu.

    Ví dụ sai: chủ trì "Văn phòng UBND tỉnh; UBND cấp xã", phối hợp "Văn phòng UBND tỉnh".

    Ví dụ đúng: chủ trì "UBND cấp xã", phối hợp "Văn phòng UBND tỉnh".

explain-kh406 =
    Kiểm tra gì: Báo ô có nội dung thuộc về cột khác: cụm từ chỉ thời gian
    ("Thường xuyên", "Trước ngày 31/01/2026", "Theo Kế hoạch riêng …") nằm ở cột chủ trì
    hoặc cột phối hợp; tên cơ quan nằm ở cột thời gian hoàn thành; hoặc một ô gộp các cột
    chủ trì, phối hợp và thời gian hoàn thành mà chứa cụm từ chỉ thời gian (khi đó nhiệm
    vụ không có cơ quan chủ trì riêng).

    Vì sao: Nội dung ghi nhầm cột thì cả người đọc lẫn phần mềm đều hiểu sai: nhiệm vụ như
    không có thời gian hoàn thành, hoặc lấy thời gian làm cơ quan chủ trì.

    Ví dụ sai: chủ trì "Thường xuyên", thời gian hoàn thành "Văn phòng Sở".

    Ví dụ đúng: chủ trì "Văn phòng Sở", thời gian hoàn thành "Thường xuyên".

explain-kh407 =
    Kiểm tra gì: Báo nhiệm vụ có ô thời gian hoàn thành để trống.

    Vì sao: Nhiệm vụ không ghi thời gian ("Thường xuyên", "Trước ngày …", "Quý II") thì
    không theo dõi, đôn đốc và báo cáo kết quả được.

    Ví dụ sai: "3.4 Triển khai thực hiện … | Văn phòng | Các phòng thuộc Sở | (để trống)".

    Ví dụ đúng: "3.4 Triển khai thực hiện … | Văn phòng | Các phòng thuộc Sở | Thường
    xuyên".

explain-kh501 =
    Kiểm tra gì: So dòng số, ký hiệu của văn bản "Số: …/KH-XXX" với dòng dẫn phụ lục "(Kèm
    theo Kế hoạch số …/KH-… ngày … của …)": ký hiệu, số (khi cả hai nơi đều đã ghi số),
    loại văn bản và cơ quan ban hành (khác cơ quan ban hành là cảnh báo).

    Vì sao: Phụ lục gắn với kế hoạch qua dòng dẫn này; ký hiệu gõ tay hai lần dễ bị lệch
    ("KH-SDTTG" / "KH-SDDTTG"), còn phụ lục sao chép từ nơi khác thì vẫn giữ tên cơ quan
    khác.

    Ví dụ sai: "Số: /KH-SDTTG" nhưng dòng dẫn phụ lục ghi "(Kèm theo Kế hoạch số
    /KH- SDDTTG ngày /01/2026 …)".

    Ví dụ đúng: "Số: /KH-STP" và "(Kèm theo Kế hoạch số /KH-STP ngày tháng 01 năm 2026 của
    Sở Tư pháp …)".

explain-kh502 =
    Kiểm tra gì: Loại của mỗi văn bản được viện dẫn có khớp với phần đầu của ký hiệu
    không: "Kế hoạch" có ký hiệu "…/KH-…", "Quyết định" là "…/QĐ-…", "Nghị định" là
    "…/NĐ-…", "Thông tư" là "…/TT-…", "Nghị quyết" là "…/NQ-…", "Chỉ thị" là "…/CT-…".

    Vì sao: Loại văn bản và ký hiệu được gõ riêng; khi hai phần không khớp thì một trong
    hai đã sai và viện dẫn không dẫn tới văn bản nào.

    Ví dụ sai: "Quyết định số 182/KH-UBND ngày 25/12/2025".

    Ví dụ đúng: "Kế hoạch số 182/KH-UBND ngày 25/12/2025".

explain-kh503 =
    Kiểm tra gì: Đọc tên đơn vị mà kế hoạch ghi là chủ thể của mình — trong trích yếu, tên
    phụ lục và các nhiệm vụ xây dựng "kế hoạch của …" ("Xây dựng Kế hoạch … của Sở Tư pháp
    năm 2026") — và so với cơ quan ban hành, khi hai bên cùng loại đơn vị (cùng là sở,
    "Sở …", hoặc cùng là xã, phường, "xã …" / "phường …").

    Vì sao: Kế hoạch thường được sao chép từ sở hoặc xã bên cạnh; tên đơn vị khác còn sót
    trong trích yếu hoặc nhiệm vụ khiến kế hoạch như là của đơn vị khác.

    Ví dụ sai: cơ quan ban hành "ỦY BAN NHÂN DÂN XÃ PHÚ ĐÌNH", trích yếu "… trong giải
    quyết thủ tục hành chính xã Định Hoá năm 2026".

    Ví dụ đúng: cơ quan ban hành "ỦY BAN NHÂN DÂN XÃ ĐỊNH HOÁ", trích yếu "… xã Định Hoá
    năm 2026"; cơ quan ban hành "SỞ TƯ PHÁP", nhiệm vụ "… của Sở Tư pháp năm 2026".

explain-kh601 =
    Kiểm tra gì: Báo từ hoặc cụm từ bị viết hai lần do sơ suất: cùng một vế câu lặp lại
    liền nhau ("phiền hà, phiền hà"), một vế ngắn lặp lại ở hai bên một vế khác ("phiền
    hà, tiêu cực, phiền hà"), hoặc hai đến bốn từ lặp lại liền nhau trong cùng một vế
    ("cấp xã cấp xã"). Chỉ coi là lặp khi bản lặp thứ hai kết thúc tại đó (hết vế câu,
    hoặc tiếp theo là một hư từ): nếu sau một cụm từ là một cụm dài hơn mở rộng chính cụm
    đó thì đây là liệt kê, không phải lặp ("một cửa, một cửa liên thông" là đúng); một
    tiếng dùng chung cho hai từ ghép cũng không phải lặp ("giao dịch dịch vụ",
    "song song").

    Vì sao: Từ bị lặp thường sinh ra khi sửa câu ngay trên bản cũ; trong văn bản đã ký ban
    hành, lỗi này bị coi là cẩu thả.

    Ví dụ sai: "gây những phiền hà, phiền hà trong giải quyết TTHC".

    Ví dụ đúng: "gây những phiền hà, tiêu cực"; "cơ chế một cửa, một cửa liên thông".

explain-kh602 =
    Kiểm tra gì: Tìm các cụm từ có trong danh sách lỗi chính tả đã biết (mục
    `misspellings` của `data/stale.json` và của tệp `--rules-data`) trong mọi phần của kế
    hoạch, trong phạm vi một vế câu, bất kể chữ hoa hay chữ thường và vị trí đặt dấu
    thanh.

    Vì sao: Một số lỗi gõ sai một chữ cái rất hay gặp trong kế hoạch và làm thay đổi
    nghĩa: "Công Dịch vụ công" thay cho "Cổng Dịch vụ công" (cổng dịch vụ công quốc gia),
    "Kiểm toàn đội ngũ" (đọc thành kiểm toán) thay cho "Kiện toàn đội ngũ" (củng cố đội
    ngũ).

    Ví dụ sai: "Bộ phận Một cửa và Công Dịch vụ công quốc gia".

    Ví dụ đúng: "Bộ phận Một cửa và Cổng Dịch vụ công quốc gia"; "hành chính công, dịch vụ
    công" (dấu phẩy tách hai vế nên không bị coi là lỗi).

explain-kh701 =
    Kiểm tra gì: Khi kiểm tra với `--stage signed` (kế hoạch ký ban hành), yêu cầu phải có
    số văn bản, ngày tháng đầy đủ (ngày, tháng, năm) và họ tên người ký. Dự thảo
    (`--stage draft`, mặc định) được để trống số và ngày.

    Vì sao: Kế hoạch đã ký mà không có số hoặc không có ngày thì không viện dẫn được; khi
    ký ban hành phải điền đủ các chỗ còn để trống của dự thảo.

    Ví dụ sai (khi ký ban hành): "Số: /KH-STP", "Thái Nguyên, ngày tháng 01 năm 2026".

    Ví dụ đúng (khi ký ban hành): "Số: 05/KH-STP", "Thái Nguyên, ngày 05 tháng 01 năm
    2026", người ký "Vũ Thị Lệ Hằng".

explain-kh702 =
    Kiểm tra gì: Khi kiểm tra với `--stage signed`, đối chiếu dòng số, ký hiệu và dòng địa
    danh, ngày tháng với Nghị định 30/2020/NĐ-CP (Nghị định 30/2020/NĐ-CP về công tác văn
    thư, Phụ lục I): số ghi "Số: 05/KH-UBND" — số nhỏ hơn 10 phải thêm số 0 ở trước; ngày
    tháng ghi "Thái Nguyên, ngày 05 tháng 01 năm 2026" bằng các chữ "ngày … tháng … năm
    …", ngày nhỏ hơn 10 và tháng 1, tháng 2 phải thêm số 0 ở trước, các tháng khác không
    thêm.

    Vì sao: Nghị định quy định thể thức như vậy để không thể sửa ngày tháng bằng cách thêm
    một chữ số ("ngày 5" → "ngày 15", "tháng 1" → "tháng 11").

    Ví dụ sai: "Số: 5/KH-UBND", "ngày 5 tháng 1 năm 2026", "ngày 15 tháng 03 năm
    2026", "ngày 05/01/2026".

    Ví dụ đúng: "Số: 05/KH-UBND", "ngày 05 tháng 01 năm 2026", "ngày 15 tháng 3 năm 2026".

## KH105
kh105-no-day = Ngày { $date } không có thật: tháng { $month } chỉ có { $days } ngày
kh105-no-month = Ngày { $date } không có thật: không có tháng { $month }
kh105-help = Kiểm tra lại ngày, tháng
rule-kh105 = Ngày không có thật
    .summary = Ngày tháng không có trên lịch (31/02, 31/4, 29/02 của năm không nhuận)
explain-kh105 =
    Kiểm tra gì: đọc mọi ngày tháng ghi đầy đủ trong kế hoạch — "31/02/2026", "30.4.2026",
    "ngày 31 tháng 4 năm 2026" — ở phần đầu văn bản, các nhiệm vụ, phần căn cứ và nội dung,
    và báo những ngày không có trên lịch (ngày 0, ngày vượt quá số ngày của tháng, ngày
    29/02 của năm không nhuận, tháng 0 hoặc tháng 13).

    Vì sao: ngày gõ tay hoặc sửa từ kế hoạch năm trước ("31/3" đổi thành tháng 4) có thể là
    một ngày không tồn tại; thời hạn ghi theo ngày đó không thể thực hiện hay theo dõi, và
    người đọc không biết ngày nào được dự định. Số, ký hiệu văn bản ("25/2025/NĐ-CP") không
    phải ngày tháng: tháng có một hoặc hai chữ số, năm có bốn chữ số.

    Ví dụ sai: "Trước ngày 31/02/2026", "ngày 29 tháng 02 năm 2027", "Trước 31/4/2026".

    Ví dụ đúng: "Trước ngày 28/02/2026", "ngày 29 tháng 02 năm 2028", "Trước 30/4/2026".

## KH603
kh603-in-draft = Tên người ký là "{ $name }" nhưng ở đây viết "{ $written }"
kh603-in-parent = Tên người ký là "{ $name }" nhưng { $parent } viết "{ $written }"
rule-kh603 = Tên người viết khác dấu
    .summary = Tên người ký được viết với dấu khác ở chỗ khác trong kế hoạch hoặc kế hoạch cấp trên
explain-kh603 =
    Kiểm tra gì: lấy họ tên người ký ở phần chữ ký và tìm cùng tên đó ở chỗ khác — trong các
    đoạn nội dung và các ô của dự thảo, trong kế hoạch cấp trên (người ký và nội dung) — được
    viết với dấu khác: cùng các chữ cái khi bỏ dấu nhưng khác chữ hoặc khác dấu ("Đinh Hồng
    Kiên" / "Đình Hồng Kiên", "Nguyễn Văn Hùng" / "Nguyễn Văn Hưng"). Chỉ khác vị trí đặt dấu
    thanh ("Hoà" / "Hòa"), khác chữ hoa, chữ thường hoặc khoảng trắng thì không coi là khác.

    Vì sao: tên một người chỉ có một cách viết; tên gõ sai ở phần chữ ký hoặc trong một phân
    công ("đồng chí … phụ trách") là tên người khác, và bị sao chép từ văn bản này sang văn bản
    khác. Người thẩm định khó nhìn thấy một dấu sai giữa hàng trăm chữ.

    Ví dụ sai: ký "Đinh Hồng Kiên", nội dung ghi "giao đồng chí Đình Hồng Kiên, Phó Giám đốc Sở".

    Ví dụ đúng: "Đinh Hồng Kiên" ở mọi chỗ.

## Độ chính xác trên các kế hoạch mẫu (data/precision.tsv)
rule-precision = Độ chính xác trên { $documents } kế hoạch mẫu của kehoach (mọi định dạng): { $right }/{ $findings } phát hiện đúng.
rule-precision-none = Trên { $documents } kế hoạch mẫu của kehoach (kiểm tra riêng từng văn bản, giai đoạn dự thảo) quy tắc này không đưa ra phát hiện nào; các kiểm thử của quy tắc nêu các trường hợp đúng, sai.
