// strings_vi.hpp — every user-facing string of the viewer, in Vietnamese.
//
// Widgets never hard-code text: they take it from here, so the language can be switched in
// one place (issue 4 turns this table into a vi/en pair). UTF-8, NFC.
#pragma once

namespace ntm::ui::str {

inline constexpr const char* kAppTitle = "Bản đồ Nông thôn mới Sóc Trăng";
inline constexpr const char* kAppSubtitle = "Kế hoạch 23/KH-UBND ngày 05/02/2024";
inline constexpr const char* kProvince = "Tỉnh Sóc Trăng";
inline constexpr const char* kDistricts = "Huyện, thị xã, thành phố";
inline constexpr const char* kCommunesOf = "Xã, phường, thị trấn";
inline constexpr const char* kCommuneCount = "đơn vị cấp xã";
inline constexpr const char* kUnitType = "Loại đơn vị";
inline constexpr const char* kDistrict = "Thuộc";
inline constexpr const char* kArea = "Diện tích (tính từ ranh giới)";
inline constexpr const char* kAreaUnit = "ha";
inline constexpr const char* kPopulation2009 = "Dân số (Tổng điều tra 2009)";
inline constexpr const char* kPersons = "người";
inline constexpr const char* kNoData = "chưa có dữ liệu";
inline constexpr const char* kBackToProvince = "‹ Toàn tỉnh";
inline constexpr const char* kClearSelection = "Bỏ chọn (Esc)";
inline constexpr const char* kZoomToDistrict = "Phóng tới huyện";
inline constexpr const char* kAbout = "Giới thiệu";
inline constexpr const char* kAboutTitle = "Giới thiệu bản đồ";
inline constexpr const char* kClose = "Đóng";
inline constexpr const char* kHint = "Kéo để di chuyển, lăn chuột để phóng to, nhấp vào một xã để xem thông tin.";
inline constexpr const char* kAboutBody =
    "Bản đồ thể hiện 109 đơn vị hành chính cấp xã và 11 đơn vị cấp huyện của tỉnh Sóc Trăng "
    "(trước sắp xếp đơn vị hành chính năm 2025).";
inline constexpr const char* kAboutSource =
    "Nguồn ranh giới: gói R censusVN2009 (Marc Choisy và Lucie Contamin, \"Shape files of Vietnam after 2008 "
    "with census 2009\"), giấy phép MIT, bản quyền 2017 Marc Choisy. Dân số theo Tổng điều tra dân số 2009.";
inline constexpr const char* kAboutApprox =
    "Ranh giới chỉ mang tính gần đúng (đã được đơn giản hóa), không dùng để xác định địa giới hành chính. "
    "Diện tích được tính từ ranh giới trên bản đồ nên có thể khác số liệu chính thức.";
inline constexpr const char* kAboutPlan =
    "Số liệu kế hoạch: Kế hoạch số 23/KH-UBND ngày 05/02/2024 của Ủy ban nhân dân tỉnh Sóc Trăng.";
inline constexpr const char* kErrorsTitle = "Lỗi dữ liệu";

// [SECTION] Plan layers, legend, drill-down and model cards
inline constexpr const char* kTabMap = "Bản đồ";
inline constexpr const char* kTabFunding = "Kinh phí";
inline constexpr const char* kTabCalendar = "Lịch, nhiệm vụ";
inline constexpr const char* kLayer = "Lớp bản đồ";
inline constexpr const char* kLegend = "Chú giải";
inline constexpr const char* kDistrictTargets = "Mục tiêu cấp huyện";
inline constexpr const char* kDistrictRecognition = "Huyện được công nhận đạt chuẩn NTM";
inline constexpr const char* kDistrictDossier = "Hoàn chỉnh hồ sơ huyện NTM nâng cao";
inline constexpr const char* kModels = "Mô hình thí điểm";
inline constexpr const char* kModelsHere = "Mô hình thí điểm tại đây";
inline constexpr const char* kNoModelsHere = "Không có mô hình thí điểm";
inline constexpr const char* kModelPlace = "Địa bàn";
inline constexpr const char* kModelLead = "Cơ quan chủ trì";
inline constexpr const char* kModelPeriod = "Thời gian";
inline constexpr const char* kModelSource = "Nguồn trong kế hoạch";
inline constexpr const char* kTarget2024 = "Mục tiêu năm 2024";
inline constexpr const char* kNoTarget2024 = "Không có mục tiêu năm 2024";
inline constexpr const char* kNotApplicable = "Không áp dụng (chuẩn NTM cấp xã chỉ áp dụng cho xã)";
inline constexpr const char* kStatus = "Hiện trạng";
inline constexpr const char* kStatusNone = "Chưa đạt chuẩn";
inline constexpr const char* kRecognisedOn = "Ngày công nhận";
inline constexpr const char* kDecision = "Quyết định";
inline constexpr const char* kCriteriaMet = "Số tiêu chí đạt";
inline constexpr const char* kFundingTotal = "Tổng kinh phí huy động";
inline constexpr const char* kTargetsSummary = "Số xã phấn đấu đạt chuẩn năm 2024";
inline constexpr const char* kPlanSource = "Nguồn: Kế hoạch 23/KH-UBND, Phụ lục I";
inline constexpr const char* kStatusSourceEmpty =
    "Kế hoạch không nêu xã nào đã đạt chuẩn; tệp hiện trạng chưa có số liệu nên bản đồ ghi “chưa có dữ liệu”.";
inline constexpr const char* kZoomTo = "Phóng tới";
inline constexpr const char* kTargetsIn = "mục tiêu";
inline constexpr const char* kExportSource =
    "Nguồn: Kế hoạch 23/KH-UBND ngày 05/02/2024 của UBND tỉnh Sóc Trăng; ranh giới: censusVN2009 (MIT), gần đúng";
inline constexpr const char* kExportDate = "Xuất ngày";
inline constexpr const char* kExportPng = "Xuất ảnh PNG";
inline constexpr const char* kDrawerOpen = "Mở bảng";
inline constexpr const char* kDrawerClose = "Thu gọn";
inline constexpr const char* kHelpTitle = "Phím tắt";
// Key, action. Kept in one table so the help overlay and the README say the same.
inline constexpr const char* kShortcuts[][2] = {
    {"Kéo chuột / một ngón tay", "Di chuyển bản đồ"},
    {"Lăn chuột / hai ngón tay", "Phóng to, thu nhỏ quanh con trỏ"},
    {"Nhấp đúp, + / -", "Phóng to / thu nhỏ"},
    {"Phím mũi tên", "Di chuyển bản đồ"},
    {"Home", "Về toàn tỉnh"},
    {"1 / 2 / 3", "Lớp Mục tiêu 2024 / Hiện trạng / Ranh giới"},
    {"Esc", "Bỏ chọn, đóng hộp thoại"},
    {"?", "Hiện / ẩn bảng phím tắt"},
};
inline constexpr const char* kClickModel = "Nhấp vào một mô hình để xem chi tiết.";

// [SECTION] Funding and calendar panels
// Pieces that code joins with numbers and plan data: keep their spaces and punctuation.

// Funding (Mục III)
inline constexpr const char* kFundingTitle = "Kinh phí thực hiện";
inline constexpr const char* kFundingTotalComputed = "Tổng các nguồn vốn (cộng từ Mục III)";
inline constexpr const char* kFundingBySource = "Theo nguồn vốn";
inline constexpr const char* kFundingUnit = "Đơn vị: triệu đồng";
inline constexpr const char* kFundingOfWhich = "Trong đó: ";
inline constexpr const char* kFundingShareOfTotal = " tổng các nguồn";
inline constexpr const char* kFundingGroup = "Nhóm: ";
inline constexpr const char* kFundingPlanWording = "Văn bản ghi: ";
inline constexpr const char* kFundingSplitTitle = "Đầu tư phát triển và sự nghiệp";
inline constexpr const char* kFundingInvestment = "Đầu tư phát triển";
inline constexpr const char* kFundingRecurrent = "Sự nghiệp";
inline constexpr const char* kFundingUnsplit = "Không phân tách";
inline constexpr const char* kFundingSourceNotSplit = "Không phân tách đầu tư phát triển và sự nghiệp";
inline constexpr const char* kFundingSplitBy = "Kế hoạch chỉ tách vốn đầu tư phát triển và sự nghiệp cho: ";
inline constexpr const char* kFundingSplitRest = ". Các nguồn còn lại: không phân tách.";
inline constexpr const char* kFundingSplitNone = "Kế hoạch không tách vốn đầu tư phát triển và sự nghiệp cho nguồn nào.";
inline constexpr const char* kFundingSplitPartHint = "Phần kế hoạch không tách theo đầu tư phát triển và sự nghiệp.";
inline constexpr const char* kFundingStatedTotal = "Tổng kinh phí ghi trong kế hoạch: ";
inline constexpr const char* kFundingStatedDiffers = ", khác tổng cộng từ các nguồn: ";
inline constexpr const char* kFundingHoverHint = "Di chuột lên một dòng để xem số chính xác, ghi chú và nguồn.";
inline constexpr const char* kFundingSourceLine = "Nguồn: Mục III";
inline constexpr const char* kFundingOfPlan = ", Kế hoạch ";
inline constexpr const char* kPanelNoteLabel = "Ghi chú: ";
inline constexpr const char* kPanelSourceLabel = "Nguồn: ";
inline constexpr const char* kPanelListSeparator = ", ";

// Calendar (Mục II.7) and tasks (Phụ lục II)
inline constexpr const char* kCalendarTitle = "Lịch thực hiện";
inline constexpr const char* kPanelInYear = " năm ";
inline constexpr const char* kMonthShort = "T";    // timeline columns: "T1" … "T12"
inline constexpr const char* kMonthPrefix = "Tháng ";  // "Tháng 6/2024"
inline constexpr const char* kLaneCommune = "Công nhận cấp xã";
inline constexpr const char* kLaneDistrict = "Cấp huyện";
inline constexpr const char* kLaneTasks = "Nhiệm vụ Phụ lục II đến hạn";
inline constexpr const char* kKindStart = "Bắt đầu";
inline constexpr const char* kKindDeadline = "Hạn chót";
inline constexpr const char* kKindPlanned = "Dự kiến";
inline constexpr const char* kEventLevelCommune = "Cấp xã";
inline constexpr const char* kEventLevelDistrict = "Cấp huyện";
inline constexpr const char* kEventAllDistricts = "Các huyện, thị xã, thành phố";
inline constexpr const char* kEventNoDate = "Chưa có ngày";
inline constexpr const char* kEventsTitle = "Các mốc công nhận (Mục II.7)";
inline constexpr const char* kTasksTitle = "Nhiệm vụ (Phụ lục II)";
inline constexpr const char* kTasksCount = " nhiệm vụ";
inline constexpr const char* kTasksDueIn = " nhiệm vụ đến hạn";
inline constexpr const char* kTasksUndated = " nhiệm vụ không ghi thời hạn cụ thể";
inline constexpr const char* kTasksOtherYears = " nhiệm vụ đến hạn ngoài năm ";
inline constexpr const char* kTaskNoDueGroup = "Không ghi thời hạn cụ thể";
inline constexpr const char* kTaskColContent = "Nội dung";
inline constexpr const char* kTaskColLead = "Chủ trì";
inline constexpr const char* kTaskColDue = "Thời hạn";
inline constexpr const char* kTaskColTask = "Nhiệm vụ";
inline constexpr const char* kTaskLeadPrefix = "Chủ trì: ";
inline constexpr const char* kTaskRef = "Phụ lục II, mục ";
inline constexpr const char* kTaskRow = ", dòng ";
inline constexpr const char* kTaskFilterAgency = "Cơ quan chủ trì";
inline constexpr const char* kTaskAllAgencies = "Tất cả cơ quan chủ trì";
inline constexpr const char* kTaskMonthFilter = "Đang xem: ";
inline constexpr const char* kTaskClearMonth = "Xem mọi tháng";
inline constexpr const char* kTaskClickMonth = "Nhấp để chỉ xem nhiệm vụ của tháng này.";
inline constexpr const char* kTaskNoMatch = "Không có nhiệm vụ phù hợp bộ lọc.";
inline constexpr const char* kPanelDash = "—";

}  // namespace ntm::ui::str
