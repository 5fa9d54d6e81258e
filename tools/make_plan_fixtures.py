#!/usr/bin/env python3
"""Write the plans of fixtures/plans/ as .docx and .html, with their truth files.

usage: tools/make_plan_fixtures.py [OUTDIR]      (default: fixtures/plans)

Each plan below is a document written for kehoach's tests, not copied from the seeds: other
provinces, bodies, years, column wordings and orders, 5-7 columns, tasks merged over several
rows, several tables each numbered from 1, a report that is not a plan. The table of each plan
is given cell by cell (a cell is text, a list of lines, or a dict with rs/cs for row and column
spans and b for bold); the truth (`truth` below) is written by hand beside it — it is NOT
derived from the table — and is what a careful reader of the document would record.

Outputs (committed; tests need no Python):
  OUTDIR/NAME.docx   WordprocessingML; spans as w:vMerge / w:gridSpan; header block as a
                     borderless two-column table, as issued documents are laid out
  OUTDIR/NAME.html   the same document as HTML with rowspan/colspan
  OUTDIR/NAME.pdf    the .docx exported by LibreOffice (when `soffice` is installed; skipped
                     with a message otherwise), as offices export signed plans
  OUTDIR/NAME.json   truth: items (stt, kind, content, lead, support, deadline), and what
                     else the test checks (document fields, is_plan, column roles, sections)
"""
import html, json, pathlib, sys, zipfile

OUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "fixtures/plans")

PLANS = []

# ---------------------------------------------------------------------------------------------
# 1. A provincial administrative-reform plan, Lào Cai 2026: 7 columns worded unlike the seeds
#    ("Nhiệm vụ", "Trách nhiệm thực hiện", "Cơ quan phối hợp", "Thời gian hoàn thành",
#    "Sản phẩm", "Ghi chú"), Roman groups, agencies separated by "," and ";" on one line, a
#    task merged over two rows (one per responsible party), quarter and relative deadlines.
PLANS.append(dict(
    name="laocai_ccch_2026",
    header=(["ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    number="Số: 45/KH-UBND",
    place_date="Lào Cai, ngày 10 tháng 01 năm 2026",
    doc_type="KẾ HOẠCH",
    title=["Cải cách hành chính nhà nước tỉnh Lào Cai năm 2026"],
    body=[
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030;",
        "Căn cứ Quyết định số 282/QĐ-TTg ngày 05/3/2025 của Thủ tướng Chính phủ;",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính năm 2026 như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Triển khai đồng bộ các nhiệm vụ cải cách hành chính năm 2026 trên địa bàn tỉnh.",
        "II. NHIỆM VỤ CỤ THỂ",
        "(Chi tiết tại Phụ lục kèm theo)",
    ],
    recipients=["Bộ Nội vụ;", "TT. Tỉnh ủy, HĐND tỉnh;", "Các sở, ban, ngành;", "UBND các xã, phường;", "Lưu: VT, NC."],
    signer=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Hoàng Văn Minh"],
    appendix=["PHỤ LỤC", "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2026", "(Kèm theo Kế hoạch số 45/KH-UBND ngày 10/01/2026 của UBND tỉnh Lào Cai)"],
    tables=[[
        ["TT", "Nhiệm vụ", "Trách nhiệm thực hiện", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm", "Ghi chú"],
        [{"t": "I", "b": True}, {"t": "CẢI CÁCH THỂ CHẾ", "b": True}, "", "", "", "", ""],
        ["1", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do tỉnh ban hành", "Sở Tư pháp", "Sở Tư pháp, Văn phòng UBND tỉnh, Công an tỉnh", "Trong quý I năm 2026", "Báo cáo kết quả rà soát", ""],
        ["2", "Kiểm tra việc thực hiện văn bản quy phạm pháp luật tại các xã, phường", "Sở Tư pháp.", "Các sở, ban, ngành; UBND các xã, phường", "Quý III/2026", "Kết luận kiểm tra", ""],
        [{"t": "II", "b": True}, {"t": "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "b": True}, "", "", "", "", ""],
        [{"t": "1", "rs": 2}, {"t": "Ban hành và tổ chức thực hiện kế hoạch rà soát, đơn giản hóa thủ tục hành chính", "rs": 2}, "Văn phòng UBND tỉnh", "Sở Khoa học và Công nghệ", "Tháng 01/2026", "Kế hoạch", ""],
        [None, None, "Các sở, ban, ngành; UBND các xã, phường", "Văn phòng UBND tỉnh", "Quý II/2026", "Báo cáo", ""],
        ["2", "Công khai thủ tục hành chính trên Cổng Dịch vụ công quốc gia", ["- Sở Khoa học và Công nghệ;", "- Trung tâm Phục vụ hành chính công tỉnh"], "Sở Văn hóa, Thể thao và Du lịch", "Thường xuyên", "", "Theo Quyết định số 1441/QĐ-UBND"],
        ["3", "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính", "Các cơ quan, đơn vị, địa phương", "Sở Nội vụ", "Trước ngày 05 của tháng liền kề", "Báo cáo tháng", ""],
        ["4", "Đánh giá chất lượng phục vụ người dân, doanh nghiệp", "Văn phòng UBND tỉnh", "Sở Nội vụ và Sở Tài chính", "Từ tháng 3 đến tháng 9/2026", "", ""],
    ]],
    truth=dict(
        document=dict(issuer="ỦY BAN NHÂN DÂN TỈNH LÀO CAI", number="45", symbol="KH-UBND", date=[2026, 1, 10], place="Lào Cai", plan_year=2026),
        is_plan=True,
        roles=["stt", "content", "lead", "support", "deadline", "extra", "extra"],
        items=[
            ("I", "group", "CẢI CÁCH THỂ CHẾ", [], [], ""),
            ("1", "task", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do tỉnh ban hành", ["Sở Tư pháp"], ["Sở Tư pháp", "Văn phòng UBND tỉnh", "Công an tỉnh"], "Trong quý I năm 2026"),
            ("2", "task", "Kiểm tra việc thực hiện văn bản quy phạm pháp luật tại các xã, phường", ["Sở Tư pháp"], ["Các sở, ban, ngành", "UBND các xã, phường"], "Quý III/2026"),
            ("II", "group", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", [], [], ""),
            ("1", "task", "Ban hành và tổ chức thực hiện kế hoạch rà soát, đơn giản hóa thủ tục hành chính", ["Văn phòng UBND tỉnh"], ["Sở Khoa học và Công nghệ"], "Tháng 01/2026"),
            ("1", "task", "Ban hành và tổ chức thực hiện kế hoạch rà soát, đơn giản hóa thủ tục hành chính", ["Các sở, ban, ngành", "UBND các xã, phường"], ["Văn phòng UBND tỉnh"], "Quý II/2026"),
            ("2", "task", "Công khai thủ tục hành chính trên Cổng Dịch vụ công quốc gia", ["Sở Khoa học và Công nghệ", "Trung tâm Phục vụ hành chính công tỉnh"], ["Sở Văn hóa, Thể thao và Du lịch"], "Thường xuyên"),
            ("3", "task", "Báo cáo tình hình, kết quả giải quyết thủ tục hành chính", ["Các cơ quan, đơn vị, địa phương"], ["Sở Nội vụ"], "Trước ngày 05 của tháng liền kề"),
            ("4", "task", "Đánh giá chất lượng phục vụ người dân, doanh nghiệp", ["Văn phòng UBND tỉnh"], ["Sở Nội vụ", "Sở Tài chính"], "Từ tháng 3 đến tháng 9/2026"),
        ],
        shares_task=[5],
        sections=[0] * 9,
    ),
))

# ---------------------------------------------------------------------------------------------
# 2. An inspection schedule of a city department, Cần Thơ 2026: the content column is "Đơn vị
#    được kiểm tra" (who is inspected), the lead is "Đoàn kiểm tra", deadline first; one date
#    that cannot exist (31/6), as drafts mistype them.
PLANS.append(dict(
    name="cantho_kiemtra_2026",
    header=(["UBND THÀNH PHỐ CẦN THƠ", "SỞ NỘI VỤ"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    number="Số: 12/KH-SNV",
    place_date="Cần Thơ, ngày 05 tháng 02 năm 2026",
    doc_type="KẾ HOẠCH",
    title=["Kiểm tra công tác cải cách hành chính, công vụ năm 2026"],
    body=[
        "Thực hiện Kế hoạch số 20/KH-UBND ngày 15/01/2026 của UBND thành phố Cần Thơ về cải cách hành chính năm 2026;",
        "Sở Nội vụ xây dựng Kế hoạch kiểm tra như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Đánh giá việc thực hiện nhiệm vụ cải cách hành chính của các đơn vị.",
    ],
    recipients=["UBND thành phố;", "Các đơn vị được kiểm tra;", "Lưu: VT, CCHC."],
    signer=["GIÁM ĐỐC", "", "Trần Thị Thu Hà"],
    appendix=[],
    tables=[[
        ["STT", "Thời gian kiểm tra", "Đơn vị được kiểm tra", "Đoàn kiểm tra", "Ghi chú"],
        ["1", "Tháng 4/2026", "UBND phường Ninh Kiều", "Đoàn kiểm tra của Sở Nội vụ", ""],
        ["2", "Tháng 5/2026", "UBND xã Phong Điền", "Đoàn kiểm tra của Sở Nội vụ", ""],
        ["3", "Quý III/2026", "Sở Y tế; Sở Giáo dục và Đào tạo", "Đoàn kiểm tra liên ngành", "Kết hợp kiểm tra công vụ"],
        ["4", "Tháng 10/2026", "UBND phường Cái Răng", "Đoàn kiểm tra của Sở Nội vụ", ""],
        ["5", "31/6/2026", "UBND xã Thới Lai", "Đoàn kiểm tra của Sở Nội vụ", "Ngày ghi nhầm (tháng 6 có 30 ngày)"],
    ]],
    truth=dict(
        document=dict(issuer="SỞ NỘI VỤ", number="12", symbol="KH-SNV", date=[2026, 2, 5], place="Cần Thơ", plan_year=2026),
        is_plan=True,
        roles=["stt", "deadline", "content", "lead", "extra"],
        items=[
            ("1", "task", "UBND phường Ninh Kiều", ["Đoàn kiểm tra của Sở Nội vụ"], [], "Tháng 4/2026"),
            ("2", "task", "UBND xã Phong Điền", ["Đoàn kiểm tra của Sở Nội vụ"], [], "Tháng 5/2026"),
            ("3", "task", "Sở Y tế; Sở Giáo dục và Đào tạo", ["Đoàn kiểm tra liên ngành"], [], "Quý III/2026"),
            ("4", "task", "UBND phường Cái Răng", ["Đoàn kiểm tra của Sở Nội vụ"], [], "Tháng 10/2026"),
            ("5", "task", "UBND xã Thới Lai", ["Đoàn kiểm tra của Sở Nội vụ"], [], "31/6/2026"),
        ],
        shares_task=[],
        sections=[0] * 5,
    ),
))

# ---------------------------------------------------------------------------------------------
# 3. A commune's communication plan, Hà Tĩnh 2026: two appendix tables, each numbered from 1;
#    columns in another order ("Thời gian thực hiện" before "Đơn vị thực hiện").
COMM_HEAD = ["STT", "Nội dung", "Thời gian thực hiện", "Đơn vị thực hiện", "Đơn vị phối hợp"]
PLANS.append(dict(
    name="hatinh_xa_tuyentruyen_2026",
    header=(["ỦY BAN NHÂN DÂN", "XÃ THẠCH HÀ"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    number="Số: 08/KH-UBND",
    place_date="Thạch Hà, ngày 20 tháng 01 năm 2026",
    doc_type="KẾ HOẠCH",
    title=["Tuyên truyền cải cách hành chính năm 2026"],
    body=[
        "Thực hiện Kế hoạch số 45/KH-UBND ngày 10/01/2026 của UBND tỉnh Hà Tĩnh;",
        "UBND xã ban hành Kế hoạch tuyên truyền như sau:",
        "I. NỘI DUNG TUYÊN TRUYỀN",
        "Phụ lục I và Phụ lục II kèm theo.",
    ],
    recipients=["UBND tỉnh;", "Đảng ủy xã;", "Lưu: VT."],
    signer=["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "Nguyễn Đình Thắng"],
    appendix=["PHỤ LỤC I", "TUYÊN TRUYỀN TRÊN HỆ THỐNG THÔNG TIN CƠ SỞ", "(Kèm theo Kế hoạch số 08/KH-UBND ngày 20/01/2026 của UBND xã Thạch Hà)"],
    tables=[
        [
            COMM_HEAD,
            ["1", "Tuyên truyền trên hệ thống loa truyền thanh xã về thủ tục hành chính", "6 tháng đầu năm 2026", "Văn phòng HĐND và UBND xã", "Các thôn"],
            ["2", "Đăng tin, bài trên Trang thông tin điện tử xã", "Hằng tháng, trước ngày 20", "Văn phòng HĐND và UBND xã", ""],
            ["3", "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", "Thường xuyên", "Bộ phận Một cửa xã", "Công chức chuyên môn"],
        ],
        [
            COMM_HEAD,
            ["1", "Tổ chức hội nghị tuyên truyền cho cán bộ thôn", "Quý II/2026", "Phòng Văn hóa - Xã hội", "Ủy ban MTTQ Việt Nam xã, Hội Liên hiệp Phụ nữ xã"],
            ["2", "Cuộc thi tìm hiểu về cải cách hành chính", "Từ tháng 6 đến tháng 8/2026", "Đoàn Thanh niên xã", "Phòng Văn hóa - Xã hội"],
        ],
    ],
    between_tables=["PHỤ LỤC II", "TUYÊN TRUYỀN QUA HỘI NGHỊ, CUỘC THI"],
    truth=dict(
        document=dict(issuer="ỦY BAN NHÂN DÂN XÃ THẠCH HÀ", number="08", symbol="KH-UBND", date=[2026, 1, 20], place="Thạch Hà", plan_year=2026),
        is_plan=True,
        roles=["stt", "content", "deadline", "lead", "support"],
        items=[
            ("1", "task", "Tuyên truyền trên hệ thống loa truyền thanh xã về thủ tục hành chính", ["Văn phòng HĐND và UBND xã"], ["Các thôn"], "6 tháng đầu năm 2026"),
            ("2", "task", "Đăng tin, bài trên Trang thông tin điện tử xã", ["Văn phòng HĐND và UBND xã"], [], "Hằng tháng, trước ngày 20"),
            ("3", "task", "Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa", ["Bộ phận Một cửa xã"], ["Công chức chuyên môn"], "Thường xuyên"),
            ("1", "task", "Tổ chức hội nghị tuyên truyền cho cán bộ thôn", ["Phòng Văn hóa - Xã hội"], ["Ủy ban MTTQ Việt Nam xã", "Hội Liên hiệp Phụ nữ xã"], "Quý II/2026"),
            ("2", "task", "Cuộc thi tìm hiểu về cải cách hành chính", ["Đoàn Thanh niên xã"], ["Phòng Văn hóa - Xã hội"], "Từ tháng 6 đến tháng 8/2026"),
        ],
        shares_task=[],
        sections=[0, 0, 0, 1, 1],
    ),
))

# ---------------------------------------------------------------------------------------------
# 4. A department's plan, Quảng Ninh 2027, whose lead column is headed only "Sở, ngành" (no
#    role word: the cells say it is the lead) and with a follow-up column "Theo dõi, đôn đốc".
PLANS.append(dict(
    name="quangninh_so_2027",
    header=(["UBND TỈNH QUẢNG NINH", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    number="Số: 201/KH-SVHTTDL",
    place_date="Quảng Ninh, ngày 28 tháng 12 năm 2026",
    doc_type="KẾ HOẠCH",
    title=["Thực hiện nhiệm vụ chuyển đổi số năm 2027"],
    body=[
        "Căn cứ Quyết định số 3310/QĐ-UBND ngày 20/12/2026 của UBND tỉnh Quảng Ninh;",
        "I. MỤC TIÊU",
        "Hoàn thành các chỉ tiêu chuyển đổi số của ngành năm 2027.",
    ],
    recipients=["UBND tỉnh;", "Lưu: VT."],
    signer=["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "Vũ Thị Lan Anh"],
    appendix=[],
    tables=[[
        ["STT", "Nội dung công việc", "Sở, ngành", "Thời hạn", "Theo dõi, đôn đốc"],
        [{"t": "1.", "b": True}, {"t": "Hạ tầng số", "b": True}, "", "", ""],
        ["1.1", "Nâng cấp hệ thống quản lý văn bản và điều hành", "Văn phòng Sở", "Quý I/2027", "Phòng Kế hoạch - Tài chính"],
        ["1.2", "Số hóa hồ sơ lưu trữ của các đơn vị thuộc Sở", "Trung tâm Lưu trữ lịch sử", "Trước ngày 30/6/2027", "Văn phòng Sở"],
        [{"t": "2.", "b": True}, {"t": "Dịch vụ công trực tuyến", "b": True}, "", "", ""],
        ["2.1", "Cung cấp dịch vụ công trực tuyến toàn trình cho các thủ tục đủ điều kiện", "Phòng Quản lý Văn hóa", "Năm 2027", "Văn phòng Sở"],
        ["2.2", "Tổng hợp, báo cáo kết quả chuyển đổi số định kỳ", "Văn phòng Sở", "Định kỳ hằng quý", ""],
    ]],
    truth=dict(
        document=dict(issuer="SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", number="201", symbol="KH-SVHTTDL", date=[2026, 12, 28], place="Quảng Ninh", plan_year=2027),
        is_plan=True,
        roles=["stt", "content", "lead", "deadline", "follow_up"],
        items=[
            ("1.", "group", "Hạ tầng số", [], [], ""),
            ("1.1", "task", "Nâng cấp hệ thống quản lý văn bản và điều hành", ["Văn phòng Sở"], [], "Quý I/2027"),
            ("1.2", "task", "Số hóa hồ sơ lưu trữ của các đơn vị thuộc Sở", ["Trung tâm Lưu trữ lịch sử"], [], "Trước ngày 30/6/2027"),
            ("2.", "group", "Dịch vụ công trực tuyến", [], [], ""),
            ("2.1", "task", "Cung cấp dịch vụ công trực tuyến toàn trình cho các thủ tục đủ điều kiện", ["Phòng Quản lý Văn hóa"], [], "Năm 2027"),
            ("2.2", "task", "Tổng hợp, báo cáo kết quả chuyển đổi số định kỳ", ["Văn phòng Sở"], [], "Định kỳ hằng quý"),
        ],
        shares_task=[],
        sections=[0] * 6,
    ),
))

# ---------------------------------------------------------------------------------------------
# 5. A report with a numbered table, Nghệ An: not a plan, though its table looks like one.
PLANS.append(dict(
    name="nghean_baocao_2025",
    header=(["UBND TỈNH NGHỆ AN", "SỞ TÀI CHÍNH"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
    number="Số: 150/BC-STC",
    place_date="Nghệ An, ngày 15 tháng 12 năm 2025",
    doc_type="BÁO CÁO",
    title=["Kết quả thực hiện nhiệm vụ cải cách hành chính năm 2025"],
    body=[
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh Nghệ An, Sở Tài chính báo cáo như sau:",
        "I. KẾT QUẢ ĐẠT ĐƯỢC",
    ],
    recipients=["UBND tỉnh;", "Sở Nội vụ;", "Lưu: VT."],
    signer=["GIÁM ĐỐC", "", "Lê Văn Hùng"],
    appendix=[],
    tables=[[
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Kết quả"],
        ["1", "Rà soát thủ tục hành chính lĩnh vực tài chính", "Văn phòng Sở", "Đã hoàn thành"],
        ["2", "Công khai thủ tục hành chính", "Văn phòng Sở", "Đã hoàn thành"],
    ]],
    truth=dict(
        document=dict(issuer="SỞ TÀI CHÍNH", number="150", symbol="BC-STC", date=[2025, 12, 15], place="Nghệ An", plan_year=2025),
        is_plan=False,
        roles=["stt", "content", "lead", "extra"],
        items=[
            ("1", "task", "Rà soát thủ tục hành chính lĩnh vực tài chính", ["Văn phòng Sở"], [], ""),
            ("2", "task", "Công khai thủ tục hành chính", ["Văn phòng Sở"], [], ""),
        ],
        shares_task=[],
        sections=[0, 0],
    ),
))


# ---------------------------------------------------------------------------------------------
# Writers.

def grid(table):
    """Rows of (col, rowspan, colspan, cell, covered) with covered placeholders for row spans."""
    ncols = sum(c.get("cs", 1) if isinstance(c, dict) else 1 for c in table[0])
    out = []
    pending = {}  # col -> rows still covered below
    for row in table:
        cells = []
        col = 0
        it = iter(row)
        while col < ncols:
            if pending.get(col, 0) > 0:
                pending[col] -= 1
                cells.append((col, 1, 1, None, True))
                next(it, None)  # the row lists None where it is covered
                col += 1
                continue
            c = next(it)
            d = c if isinstance(c, dict) else {"t": c}
            rs, cs = d.get("rs", 1), d.get("cs", 1)
            cells.append((col, rs, cs, d, False))
            if rs > 1:
                pending[col] = rs - 1
            col += cs
        out.append(cells)
    return ncols, out


def lines_of(d):
    t = d.get("t", "")
    if t is None:
        return []
    return t if isinstance(t, list) else [t]


def esc(s):
    return html.escape(s, quote=False)


def w_par(text, bold=False, center=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
    rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def widths(ncols, layout, page=9000):
    """Column widths in twips, as issued plans lay them out within the text width `page`:
    a layout table's two halves; an item table's narrow STT, wide content, the rest shared."""
    if layout:
        return [page * 46 // 100, page * 54 // 100] if ncols == 2 else [page // ncols] * ncols
    stt, content = page * 7 // 100, page * 40 // 100
    rest = (page - stt - content) // max(ncols - 2, 1)
    return [stt, content] + [rest] * (ncols - 2)


def w_table(table, borders=True, page=9000):
    ncols, rows = grid(table)
    ws = widths(ncols, not borders, page)
    b = ('<w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/>'
         '<w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/>'
         '<w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders>') if borders else \
        '<w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders>'
    x = [f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/>{b}</w:tblPr><w:tblGrid>']
    x += [f'<w:gridCol w:w="{w}"/>' for w in ws]
    x.append("</w:tblGrid>")
    for ri, cells in enumerate(rows):
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if ri == 0 and borders else ""
        x.append(f"<w:tr>{trpr}")
        for col, rs, cs, d, covered in cells:
            if covered:
                x.append('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>')
                continue
            pr = f'<w:tcW w:w="{sum(ws[col:col + cs])}" w:type="dxa"/>'
            if cs > 1:
                pr += f'<w:gridSpan w:val="{cs}"/>'
            if rs > 1:
                pr += '<w:vMerge w:val="restart"/>'
            paras = "".join(w_par(l, d.get("b", False)) for l in lines_of(d)) or "<w:p/>"
            x.append(f"<w:tc><w:tcPr>{pr}</w:tcPr>{paras}</w:tc>")
        x.append("</w:tr>")
    x.append("</w:tbl>")
    return "".join(x)


def header_table(p):
    left, right = p["header"]
    rows = [[left[0], right[0]], [left[1], right[1]], [p["number"], p["place_date"]]]
    return rows


PORTRAIT = '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/>'
LANDSCAPE = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/>'


def docx_xml(p):
    """The document as issued plans are laid out: the header block, type, title, bases and
    body on portrait pages; then either the task table in the body followed by recipients and
    signer, or recipients and signer followed by an appendix on landscape pages."""
    body = [w_table(header_table(p), borders=False)]
    body.append(w_par(p["doc_type"], bold=True, center=True))
    body += [w_par(t, bold=True, center=True) for t in p["title"]]
    body += [w_par(t) for t in p["body"]]
    sign = [["Nơi nhận:\n" + "\n".join("- " + r for r in p["recipients"]), "\n".join(p["signer"])]]

    def tables():
        out = []
        for i, t in enumerate(p["tables"]):
            if i > 0:
                out += [w_par(x, bold=True, center=True) for x in p.get("between_tables", [])]
            out.append(w_table(t, page=14500 if p["appendix"] else 9000))
            out.append(w_par(""))
        return out

    if p["appendix"]:
        body.append(w_table_lines(sign))
        # The portrait section ends here; the appendix starts a landscape one.
        body.append(f"<w:p><w:pPr><w:sectPr>{PORTRAIT}</w:sectPr></w:pPr></w:p>")
        body += [w_par(t, bold=True, center=True) for t in p["appendix"]]
        body += tables()
        body.append(f"<w:sectPr>{LANDSCAPE}</w:sectPr>")
    else:
        body += tables()
        body.append(w_table_lines(sign))
        body.append(f"<w:sectPr>{PORTRAIT}</w:sectPr>")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f'<w:body>{"".join(body)}</w:body></w:document>')


def w_table_lines(rows):
    """A borderless layout table whose cells hold several paragraphs (lines split on \\n)."""
    t = [[{"t": c.split("\n")} for c in r] for r in rows]
    return w_table(t, borders=False)


CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '</Relationships>')


def write_docx(p, path):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("word/document.xml", docx_xml(p))]:
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def h_table(table, layout=False):
    ncols, rows = grid(table)
    x = ['<table border="0">' if layout else '<table border="1">']
    for ri, cells in enumerate(rows):
        x.append("<tr>")
        for col, rs, cs, d, covered in cells:
            if covered:
                continue
            tag = "th" if ri == 0 and not layout else "td"
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            inner = "".join(f"<p>{'<b>' if d.get('b') else ''}{esc(l)}{'</b>' if d.get('b') else ''}</p>" for l in lines_of(d))
            x.append(f"<{tag}{attrs}>{inner}</{tag}>")
        x.append("</tr>")
    x.append("</table>")
    return "".join(x)


def write_html(p, path):
    b = [h_table(header_table(p), layout=True)]
    b.append(f'<p align="center"><b>{esc(p["doc_type"])}</b></p>')
    b += [f'<p align="center"><b>{esc(t)}</b></p>' for t in p["title"]]
    b += [f"<p>{esc(t)}</p>" for t in p["body"]]
    sign = [[{"t": ["Nơi nhận:"] + ["- " + r for r in p["recipients"]]}, {"t": p["signer"]}]]
    tables = []
    for i, t in enumerate(p["tables"]):
        if i > 0:
            tables += [f'<p align="center"><b>{esc(x)}</b></p>' for x in p.get("between_tables", [])]
        tables.append(h_table(t))
    if p["appendix"]:
        b.append(h_table(sign, layout=True))
        b += [f'<p align="center"><b>{esc(t)}</b></p>' for t in p["appendix"]]
        b += tables
    else:
        b += tables
        b.append(h_table(sign, layout=True))
    path.write_text('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>'
                    + esc(" ".join(p["title"])) + "</title></head><body>\n" + "\n".join(b) + "\n</body></html>\n",
                    encoding="utf-8")


def write_truth(p, path):
    t = p["truth"]
    items = [dict(stt=s, kind=k, content=c, lead=l, support=su, deadline=dl) for s, k, c, l, su, dl in t["items"]]
    doc = dict(t["document"])
    y, m, d = doc.pop("date")
    doc.update(date_day=d, date_month=m, date_year=y)
    out = dict(plan=p["name"], written_by="hand, from the document (tools/make_plan_fixtures.py)",
               document=doc, is_plan=t["is_plan"], roles=t["roles"], items=items,
               shares_task=t["shares_task"], sections=t["sections"])
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main():
    import shutil, subprocess, tempfile
    OUT.mkdir(parents=True, exist_ok=True)
    for p in PLANS:
        write_docx(p, OUT / f"{p['name']}.docx")
        write_html(p, OUT / f"{p['name']}.html")
        write_truth(p, OUT / f"{p['name']}.json")
        print(p["name"])
    soffice = shutil.which("soffice")
    if not soffice:
        print("soffice not found: PDFs not made (apt-get install libreoffice-writer-nogui)")
        return
    with tempfile.TemporaryDirectory() as profile:
        docs = [str(OUT / f"{p['name']}.docx") for p in PLANS]
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", str(OUT)] + docs, check=True,
                       stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main()
