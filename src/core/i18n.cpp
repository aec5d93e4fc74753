// i18n.cpp — see i18n.hpp. The table below is the one place user-facing text is written.
//
// Translation notes: "Nông thôn mới" (the national target programme on New Rural Development)
// stays "NTM" in short labels, as English-language documents of the programme do; standards
// are "new rural area", "advanced …", "model …" (the ministry's English). Pieces that code
// joins with numbers keep their leading/trailing spaces and punctuation in both languages.
#include "core/i18n.hpp"

#include <cstdio>

#include "core/text.hpp"

namespace ntm::i18n {

namespace {

struct Entry {
    Key key;
    const char* vi;
    const char* en;
    bool same = false;  // English deliberately equal to Vietnamese
};

constexpr bool kSame = true;

// clang-format off
constexpr Entry kTable[] = {
    // [SECTION] strings_vi.hpp: header, panel, about box
    {Key::app_title, "Bản đồ Nông thôn mới Sóc Trăng", "Sóc Trăng New Rural Development Map"},
    {Key::app_subtitle, "Kế hoạch 23/KH-UBND ngày 05/02/2024", "Plan 23/KH-UBND of 5 Feb 2024"},
    {Key::province, "Tỉnh Sóc Trăng", "Tỉnh Sóc Trăng", kSame},  // a place name: never translated
    {Key::provinces_of_country, "Việt Nam · %s tỉnh, thành phố", "Vietnam · %s provinces and cities"},
    {Key::legend_no_plan, "Chưa có dữ liệu kế hoạch cho bản đồ này (kế hoạch chưa tải được, hoặc không thuộc phạm vi kế hoạch).",
     "No plan data for this map (the plan did not load, or the map lies outside it)."},
    {Key::districts, "Huyện, thị xã, thành phố", "Districts, towns and city"},
    {Key::communes_of, "Xã, phường, thị trấn", "Communes, wards and townships"},
    {Key::commune_count, "đơn vị cấp xã", "commune-level units"},
    {Key::unit_type, "Loại đơn vị", "Unit type"},
    {Key::district, "Thuộc", "Part of"},
    {Key::area, "Diện tích (tính từ ranh giới)", "Area (computed from the boundary)"},
    {Key::area_unit, "ha", "ha", kSame},
    {Key::population2009, "Dân số (Tổng điều tra 2009)", "Population (2009 census)"},
    {Key::persons, "người", "people"},
    {Key::no_data, "chưa có dữ liệu", "no data yet"},
    {Key::back_to_province, "‹ Toàn tỉnh", "‹ Whole province"},
    {Key::clear_selection, "Bỏ chọn (Esc)", "Clear selection (Esc)"},
    {Key::zoom_to_district, "Phóng tới huyện", "Zoom to district"},
    {Key::about, "Giới thiệu", "About"},
    {Key::about_title, "Giới thiệu bản đồ", "About this map"},
    {Key::close, "Đóng", "Close"},
    {Key::hint, "Kéo để di chuyển, lăn chuột để phóng to, nhấp vào một xã để xem thông tin.",
     "Drag to move, scroll to zoom, click a commune to see its details."},
    {Key::about_body,
     "Bản đồ thể hiện 109 đơn vị hành chính cấp xã và 11 đơn vị cấp huyện của tỉnh Sóc Trăng "
     "(trước sắp xếp đơn vị hành chính năm 2025).",
     "The map shows the 109 commune-level and 11 district-level administrative units of Sóc Trăng province "
     "(before the 2025 reorganisation of administrative units)."},
    {Key::about_source,
     "Nguồn ranh giới: gói R censusVN2009 (Marc Choisy và Lucie Contamin, \"Shape files of Vietnam after 2008 "
     "with census 2009\"), giấy phép MIT, bản quyền 2017 Marc Choisy. Dân số theo Tổng điều tra dân số 2009.",
     "Boundaries: R package censusVN2009 (Marc Choisy and Lucie Contamin, \"Shape files of Vietnam after 2008 "
     "with census 2009\"), MIT licence, copyright 2017 Marc Choisy. Population from the 2009 Population and "
     "Housing Census."},
    {Key::about_approx,
     "Ranh giới chỉ mang tính gần đúng (đã được đơn giản hóa), không dùng để xác định địa giới hành chính. "
     "Diện tích được tính từ ranh giới trên bản đồ nên có thể khác số liệu chính thức.",
     "Boundaries are approximate (simplified) and must not be used to determine administrative borders. "
     "Areas are computed from the map's boundaries and may differ from official figures."},
    {Key::about_plan, "Số liệu kế hoạch: Kế hoạch số 23/KH-UBND ngày 05/02/2024 của Ủy ban nhân dân tỉnh Sóc Trăng.",
     "Plan figures: Plan No. 23/KH-UBND of 5 Feb 2024 of the Sóc Trăng Provincial People's Committee."},
    {Key::errors_title, "Lỗi dữ liệu", "Data errors"},

    // [SECTION] strings_vi.hpp: plan layers, legend, drill-down, model cards, export, help
    {Key::tab_map, "Bản đồ", "Map"},
    {Key::tab_funding, "Kinh phí", "Funding"},
    {Key::tab_calendar, "Lịch, nhiệm vụ", "Calendar, tasks"},
    {Key::layer, "Lớp bản đồ", "Map layer"},
    {Key::legend, "Chú giải", "Legend"},
    {Key::district_targets, "Mục tiêu cấp huyện", "District targets"},
    {Key::district_recognition, "Huyện được công nhận đạt chuẩn NTM", "District recognised as meeting the NTM standard"},
    {Key::district_dossier, "Hoàn chỉnh hồ sơ huyện NTM nâng cao", "Complete the advanced-NTM district dossier"},
    {Key::models, "Mô hình thí điểm", "Pilot models"},
    {Key::models_here, "Mô hình thí điểm tại đây", "Pilot models here"},
    {Key::no_models_here, "Không có mô hình thí điểm", "No pilot model"},
    {Key::model_place, "Địa bàn", "Location"},
    {Key::model_lead, "Cơ quan chủ trì", "Lead agency"},
    {Key::model_period, "Thời gian", "Period"},
    {Key::model_source, "Nguồn trong kế hoạch", "Source in the plan"},
    {Key::target2024, "Mục tiêu năm 2024", "2024 target"},
    {Key::no_target2024, "Không có mục tiêu năm 2024", "No 2024 target"},
    {Key::not_applicable, "Không áp dụng (chuẩn NTM cấp xã chỉ áp dụng cho xã)",
     "Not applicable (commune NTM standards apply to rural communes only)"},
    {Key::status, "Hiện trạng", "Status"},
    {Key::status_none, "Chưa đạt chuẩn", "Not yet at standard"},
    {Key::recognised_on, "Ngày công nhận", "Recognised on"},
    {Key::decision, "Quyết định", "Decision"},
    {Key::criteria_met, "Số tiêu chí đạt", "Criteria met"},
    {Key::funding_total, "Tổng kinh phí huy động", "Total funding mobilised"},
    {Key::targets_summary, "Số xã phấn đấu đạt chuẩn năm 2024", "Communes aiming for a standard in 2024"},
    {Key::plan_source, "Nguồn: Kế hoạch 23/KH-UBND, Phụ lục I", "Source: Plan 23/KH-UBND, Appendix I"},
    {Key::status_source_empty,
     "Kế hoạch không nêu xã nào đã đạt chuẩn; tệp hiện trạng chưa có số liệu nên bản đồ ghi “chưa có dữ liệu”.",
     "The plan does not say which communes already meet a standard; the status file has no figures yet, so the "
     "map shows “no data yet”."},
    {Key::zoom_to, "Phóng tới", "Zoom to"},
    {Key::targets_in, "mục tiêu", "targets"},
    {Key::export_source,
     "Nguồn: Kế hoạch 23/KH-UBND ngày 05/02/2024 của UBND tỉnh Sóc Trăng; ranh giới: censusVN2009 (MIT), gần đúng",
     "Source: Plan 23/KH-UBND of 5 Feb 2024 of the Sóc Trăng Provincial People's Committee; boundaries: "
     "censusVN2009 (MIT), approximate"},
    {Key::export_date, "Xuất ngày", "Exported on"},
    {Key::export_png, "Xuất ảnh PNG", "Export PNG"},
    {Key::drawer_open, "Mở bảng", "Open panel"},
    {Key::drawer_close, "Thu gọn", "Collapse"},
    {Key::help_title, "Phím tắt", "Keyboard shortcuts"},
    {Key::click_model, "Nhấp vào một mô hình để xem chi tiết.", "Click a model to see its details."},

    // [SECTION] strings_vi.hpp: funding panel (Mục III)
    {Key::funding_title, "Kinh phí thực hiện", "Implementation funding"},
    {Key::funding_total_computed, "Tổng các nguồn vốn (cộng từ Mục III)", "Total of all sources (summed from Section III)"},
    {Key::funding_by_source, "Theo nguồn vốn", "By source"},
    {Key::funding_unit, "Đơn vị: triệu đồng", "Unit: million VND"},
    {Key::funding_of_which, "Trong đó: ", "Of which: "},
    {Key::funding_share_of_total, " tổng các nguồn", " of all sources"},
    {Key::funding_group, "Nhóm: ", "Group: "},
    {Key::funding_plan_wording, "Văn bản ghi: ", "Plan wording: "},
    {Key::funding_split_title, "Đầu tư phát triển và sự nghiệp", "Development investment and recurrent"},
    {Key::funding_investment, "Đầu tư phát triển", "Development investment"},
    {Key::funding_recurrent, "Sự nghiệp", "Recurrent"},
    {Key::funding_unsplit, "Không phân tách", "Not split"},
    {Key::funding_source_not_split, "Không phân tách đầu tư phát triển và sự nghiệp",
     "Not split into development investment and recurrent"},
    {Key::funding_split_by, "Kế hoạch chỉ tách vốn đầu tư phát triển và sự nghiệp cho: ",
     "The plan splits development investment and recurrent funds only for: "},
    {Key::funding_split_rest, ". Các nguồn còn lại: không phân tách.", ". Other sources: not split."},
    {Key::funding_split_none, "Kế hoạch không tách vốn đầu tư phát triển và sự nghiệp cho nguồn nào.",
     "The plan does not split development investment and recurrent funds for any source."},
    {Key::funding_split_part_hint, "Phần kế hoạch không tách theo đầu tư phát triển và sự nghiệp.",
     "The part the plan does not split into development investment and recurrent."},
    {Key::funding_stated_total, "Tổng kinh phí ghi trong kế hoạch: ", "Total stated in the plan: "},
    {Key::funding_stated_differs, ", khác tổng cộng từ các nguồn: ", ", which differs from the sum of the sources: "},
    {Key::funding_hover_hint, "Di chuột lên một dòng để xem số chính xác, ghi chú và nguồn.",
     "Point at a row to see the exact figure, notes and source."},
    {Key::funding_source_line, "Nguồn: Mục III", "Source: Section III"},
    {Key::funding_of_plan, ", Kế hoạch ", ", Plan "},
    {Key::panel_note_label, "Ghi chú: ", "Note: "},
    {Key::panel_source_label, "Nguồn: ", "Source: "},
    {Key::panel_list_separator, ", ", ", ", kSame},

    // [SECTION] strings_vi.hpp: calendar (Mục II.7) and tasks (Phụ lục II)
    {Key::calendar_title, "Lịch thực hiện", "Implementation calendar"},
    {Key::panel_in_year, " năm ", " in "},
    // Joined with a month number ("T6"). English has no such prefix: prefer month_short(), which
    // gives "Jun"; "M" keeps the old joining code readable until it moves to month_short().
    {Key::month_short, "T", "M"},
    // Joined as "Tháng 6/2024"; prefer format_month_title(), which gives "June 2024" in English.
    {Key::month_prefix, "Tháng ", "Month "},
    {Key::lane_commune, "Công nhận cấp xã", "Commune recognition"},
    {Key::lane_district, "Cấp huyện", "District level"},
    {Key::lane_tasks, "Nhiệm vụ Phụ lục II đến hạn", "Appendix II tasks due"},
    {Key::kind_start, "Bắt đầu", "Start"},
    {Key::kind_deadline, "Hạn chót", "Deadline"},
    {Key::kind_planned, "Dự kiến", "Planned"},
    {Key::event_level_commune, "Cấp xã", "Commune level"},
    {Key::event_level_district, "Cấp huyện", "District level"},
    {Key::event_all_districts, "Các huyện, thị xã, thành phố", "All districts, towns and the city"},
    {Key::event_no_date, "Chưa có ngày", "No date yet"},
    {Key::events_title, "Các mốc công nhận (Mục II.7)", "Recognition milestones (Section II.7)"},
    {Key::tasks_title, "Nhiệm vụ (Phụ lục II)", "Tasks (Appendix II)"},
    {Key::tasks_count, " nhiệm vụ", " tasks"},
    {Key::tasks_due_in, " nhiệm vụ đến hạn", " tasks due"},
    {Key::tasks_undated, " nhiệm vụ không ghi thời hạn cụ thể", " tasks without a specific deadline"},
    {Key::tasks_other_years, " nhiệm vụ đến hạn ngoài năm ", " tasks due outside "},
    {Key::task_no_due_group, "Không ghi thời hạn cụ thể", "No specific deadline"},
    {Key::task_col_content, "Nội dung", "Content"},
    {Key::task_col_lead, "Chủ trì", "Lead"},
    {Key::task_col_due, "Thời hạn", "Deadline"},
    {Key::task_col_task, "Nhiệm vụ", "Task"},
    {Key::task_lead_prefix, "Chủ trì: ", "Lead: "},
    {Key::task_ref, "Phụ lục II, mục ", "Appendix II, section "},
    {Key::task_row, ", dòng ", ", row "},
    {Key::task_filter_agency, "Cơ quan chủ trì", "Lead agency"},
    {Key::task_all_agencies, "Tất cả cơ quan chủ trì", "All lead agencies"},
    {Key::task_month_filter, "Đang xem: ", "Showing: "},
    {Key::task_clear_month, "Xem mọi tháng", "Show all months"},
    {Key::task_click_month, "Nhấp để chỉ xem nhiệm vụ của tháng này.", "Click to show only this month's tasks."},
    {Key::task_no_match, "Không có nhiệm vụ phù hợp bộ lọc.", "No task matches the filter."},
    {Key::panel_dash, "—", "—", kSame},

    // [SECTION] Help overlay (str::kShortcuts, then issue 4's)
    {Key::help_key_drag, "Kéo chuột / một ngón tay", "Drag / one finger"},
    {Key::help_do_drag, "Di chuyển bản đồ", "Move the map"},
    {Key::help_key_wheel, "Lăn chuột / hai ngón tay", "Scroll wheel / two fingers"},
    {Key::help_do_wheel, "Phóng to, thu nhỏ quanh con trỏ", "Zoom in or out around the pointer"},
    {Key::help_key_zoom, "Nhấp đúp, + / -", "Double-click, + / -"},
    {Key::help_do_zoom, "Phóng to / thu nhỏ", "Zoom in / zoom out"},
    {Key::help_key_arrows, "Phím mũi tên", "Arrow keys"},
    {Key::help_do_arrows, "Di chuyển bản đồ", "Move the map"},
    {Key::help_key_home, "Home", "Home", kSame},
    {Key::help_do_home, "Về toàn tỉnh", "Back to the whole province"},
    {Key::help_key_layers, "1 / 2 / 3", "1 / 2 / 3", kSame},
    {Key::help_do_layers, "Lớp Mục tiêu 2024 / Hiện trạng / Ranh giới", "Layer 2024 targets / Status / Boundaries"},
    {Key::help_key_escape, "Esc", "Esc", kSame},
    {Key::help_do_escape, "Bỏ chọn, đóng hộp thoại", "Clear the selection, close a dialog"},
    {Key::help_key_help, "?", "?", kSame},
    {Key::help_do_help, "Hiện / ẩn bảng phím tắt", "Show / hide this list"},
    {Key::help_key_search, "Ctrl+K hoặc /", "Ctrl+K or /"},
    {Key::help_do_search, "Tìm xã, phường, huyện", "Find a commune, ward or district"},
    {Key::help_key_search_pick, "↑ ↓, Enter", "↑ ↓, Enter", kSame},
    {Key::help_do_search_pick, "Chọn kết quả tìm kiếm và phóng tới", "Choose a search result and zoom to it"},
    {Key::help_key_present, "P", "P", kSame},
    {Key::help_do_present, "Trình chiếu: toàn màn hình, chữ lớn, đi theo các bước",
     "Presentation: full screen, large type, step by step"},
    {Key::help_key_tour, "Page Down, Space, mũi tên phải / Page Up, mũi tên trái",
     "Page Down, Space, right arrow / Page Up, left arrow"},
    {Key::help_do_tour, "Trình chiếu: bước tiếp / bước trước", "Presentation: next step / previous step"},
    {Key::help_key_language, "L", "L", kSame},
    {Key::help_do_language, "Đổi ngôn ngữ: Tiếng Việt / English", "Switch language: Tiếng Việt / English"},

    // [SECTION] Issue 4: search
    {Key::search_label, "Tìm kiếm", "Search"},
    {Key::search_placeholder, "Tìm xã, phường, huyện… (Ctrl+K)", "Find a commune, ward, district… (Ctrl+K)"},
    {Key::search_no_results, "Không tìm thấy đơn vị nào.", "No matching unit."},
    {Key::search_hint, "↑ ↓ để chọn, Enter để phóng tới, Esc để đóng.", "↑ ↓ to choose, Enter to zoom to it, Esc to close."},

    // [SECTION] Issue 4: presentation mode and tour
    {Key::present, "Trình chiếu (P)", "Present (P)"},
    {Key::presentation_mode, "Chế độ trình chiếu", "Presentation mode"},
    {Key::tour_step, "Bước %d/%d", "Step %d of %d"},
    {Key::tour_next, "Tiếp ›", "Next ›"},
    {Key::tour_previous, "‹ Trước", "‹ Back"},
    {Key::tour_exit, "Thoát (Esc)", "Exit (Esc)"},
    {Key::tour_restart, "Về bước đầu", "Back to the start"},
    {Key::tour_empty, "Chưa có kịch bản trình chiếu (tệp tour).", "No presentation tour (tour file) yet."},

    // [SECTION] Issue 4: export
    {Key::export_scale, "Độ phân giải", "Resolution"},
    {Key::export_scale_1x, "1× (màn hình)", "1× (screen)"},
    {Key::export_scale_2x, "2× (in ấn)", "2× (print)"},
    {Key::export_scale_4x, "4× (áp phích)", "4× (poster)"},
    {Key::export_busy, "Đang tạo ảnh…", "Creating the image…"},
    {Key::export_failed, "Không tạo được ảnh.", "Could not create the image."},

    // [SECTION] Issue 4: language switch (each language named in itself)
    {Key::language, "Ngôn ngữ", "Language"},
    {Key::lang_vi, "Tiếng Việt", "Tiếng Việt", kSame},
    {Key::lang_en, "English", "English", kSame},

    // [SECTION] Money units
    {Key::money_million_dong, "triệu đồng", "million VND"},
    {Key::money_billion_dong, "tỷ đồng", "billion VND"},

    // [SECTION] Core labels (Vietnamese equal to the core's *_label_vi: tested)
    {Key::layer_targets, "Mục tiêu 2024", "2024 targets"},
    {Key::layer_status, "Hiện trạng", "Status"},
    {Key::layer_boundaries, "Ranh giới", "Boundaries"},
    {Key::class_kieu_mau, "NTM kiểu mẫu", "Model NTM"},
    {Key::class_nang_cao, "NTM nâng cao", "Advanced NTM"},
    {Key::class_ntm, "NTM", "NTM", kSame},  // the programme's acronym, used as is in English documents
    {Key::class_none_targets, "Không có mục tiêu năm 2024", "No 2024 target"},
    {Key::class_none_status, "Chưa đạt chuẩn", "Not yet at standard"},
    {Key::class_no_data, "Chưa có dữ liệu", "No data yet"},
    {Key::class_not_applicable, "Không áp dụng (phường, thị trấn)", "Not applicable (wards, townships)"},
    {Key::legend_row_communes, "%s: %d xã", "%s: %d communes"},
    {Key::legend_row_units, "%s: %d đơn vị", "%s: %d units"},
    {Key::standard_ntm, "Nông thôn mới", "New rural area"},
    {Key::standard_nang_cao, "Nông thôn mới nâng cao", "Advanced new rural area"},
    {Key::standard_kieu_mau, "Nông thôn mới kiểu mẫu", "Model new rural area"},
    {Key::standard_none, "Chưa đạt chuẩn", "Not yet at standard"},
    {Key::standard_town_ntm, "Hoàn thành nhiệm vụ xây dựng nông thôn mới", "Completed the new rural development task"},
    {Key::milestone_recognition, "Có quyết định công nhận", "Recognition decision issued"},
    {Key::milestone_dossier, "Hoàn chỉnh hồ sơ đề nghị công nhận", "Recognition dossier completed"},
    // Type words keep the Vietnamese term: the unit names on the map carry it.
    {Key::unit_xa, "Xã", "Commune (xã)"},
    {Key::unit_phuong, "Phường", "Ward (phường)"},
    {Key::unit_thi_tran, "Thị trấn", "Township (thị trấn)"},
    {Key::unit_huyen, "Huyện", "District (huyện)"},
    {Key::unit_thi_xa, "Thị xã", "Town (thị xã)"},
    {Key::unit_thanh_pho, "Thành phố", "City (thành phố)"},
    {Key::unit_tinh, "Tỉnh", "Province (tỉnh)"},
    {Key::unit_other, "Đơn vị", "Unit"},

    // [SECTION] Panels, app and platform messages (error messages, counts)
    {Key::district_count, "đơn vị cấp huyện", "district-level units"},
    {Key::error_font, "Không nạp được phông chữ tiếng Việt.", "Could not load the Vietnamese font."},
    {Key::error_webgl2_unsupported,
     "Trình duyệt này không hỗ trợ WebGL2 nên không thể vẽ bản đồ. Hãy dùng Chrome, Edge, Firefox hoặc Safari bản mới.",
     "This browser does not support WebGL2, so the map cannot be drawn. Please use a recent Chrome, Edge, Firefox "
     "or Safari."},
    {Key::error_webgl2_draw, "Trình duyệt không vẽ được bản đồ (lỗi WebGL2): ",
     "The browser could not draw the map (WebGL2 error): "},

    // [SECTION] Issue 6: fetching a data file again (missing or cut short) without reloading the page
    {Key::retry, "Thử lại", "Try again"},
    {Key::retry_hint, "Bấm “Thử lại” để tải lại tệp bị lỗi.", "Press “Try again” to fetch the failed file again."},
};
// clang-format on

static_assert(sizeof kTable / sizeof kTable[0] == kKeyCount, "one row per key in i18n.hpp");

constexpr bool table_in_key_order() {
    for (size_t i = 0; i < kKeyCount; ++i) {
        if (static_cast<size_t>(kTable[i].key) != i) return false;
    }
    return true;
}
static_assert(table_in_key_order(), "kTable rows must follow the order of NTM_I18N_KEYS");

constexpr const char* kKeyIds[] = {
#define NTM_I18N_ID(name) #name,
    NTM_I18N_KEYS(NTM_I18N_ID)
#undef NTM_I18N_ID
};

// See the header: the one piece of process-wide state in the core.
Lang g_language = Lang::vi;

constexpr const char* kMonthsShortEn[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kMonthsLongEn[12] = {"January", "February", "March",     "April",   "May",      "June",
                                           "July",    "August",   "September", "October", "November", "December"};

// Vietnamese numbers use '.' for thousands and ',' for decimals, English the reverse: the
// English forms are the Vietnamese ones (text.hpp, already tested) with the two swapped.
std::string swap_separators(std::string s) {
    for (char& c : s) {
        if (c == '.') {
            c = ',';
        } else if (c == ',') {
            c = '.';
        }
    }
    return s;
}

// Replaces the Vietnamese unit suffix of a text:: money string; "—" (not a number) has none.
std::string money_en(const std::string& vi, const char* unit_vi, const char* unit_en) {
    const std::string suffix = std::string(" ") + unit_vi;
    if (vi.size() < suffix.size() || vi.compare(vi.size() - suffix.size(), suffix.size(), suffix) != 0) return vi;
    return swap_separators(vi.substr(0, vi.size() - suffix.size())) + " " + unit_en;
}

bool valid_month(int m) { return m >= 1 && m <= 12; }

}  // namespace

const char* lang_id(Lang l) { return l == Lang::en ? "en" : "vi"; }

std::optional<Lang> lang_from_id(std::string_view id) {
    if (id == "vi") return Lang::vi;
    if (id == "en") return Lang::en;
    return std::nullopt;
}

void set_language(Lang l) { g_language = l; }
Lang language() { return g_language; }

const char* tr(Key k, Lang l) {
    const auto i = static_cast<size_t>(k);
    if (i >= kKeyCount) return "";
    return l == Lang::en ? kTable[i].en : kTable[i].vi;
}

const char* tr(Key k) { return tr(k, g_language); }

const char* key_id(Key k) {
    const auto i = static_cast<size_t>(k);
    return i < kKeyCount ? kKeyIds[i] : "";
}

bool same_in_both_languages(Key k) {
    const auto i = static_cast<size_t>(k);
    return i < kKeyCount && kTable[i].same;
}

// [SECTION] Numbers, dates and money

std::string format_int(int64_t value, Lang l) {
    const std::string vi = text::format_int_vi(value);
    return l == Lang::en ? swap_separators(vi) : vi;
}
std::string format_int(int64_t value) { return format_int(value, g_language); }

std::string format_decimal(double value, int decimals, Lang l) {
    const std::string vi = text::format_decimal_vi(value, decimals);
    return l == Lang::en ? swap_separators(vi) : vi;
}
std::string format_decimal(double value, int decimals) { return format_decimal(value, decimals, g_language); }

std::string format_percent(double fraction, int decimals, Lang l) {
    const std::string vi = text::format_percent_vi(fraction, decimals);
    return l == Lang::en ? swap_separators(vi) : vi;
}
std::string format_percent(double fraction, int decimals) { return format_percent(fraction, decimals, g_language); }

std::string format_date(int year, int month, int day, Lang l) {
    if (l == Lang::vi) return text::format_date_vi(year, month, day);
    char buf[48];
    if (valid_month(month)) {
        std::snprintf(buf, sizeof buf, "%d %s %04d", day, kMonthsShortEn[month - 1], year);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);  // not a date: show it plainly
    }
    return buf;
}
std::string format_date(int year, int month, int day) { return format_date(year, month, day, g_language); }

std::string format_month(int year, int month, Lang l) {
    if (l == Lang::vi || !valid_month(month)) return text::format_month_vi(year, month);
    return std::string(kMonthsShortEn[month - 1]) + " " + std::to_string(year);
}
std::string format_month(int year, int month) { return format_month(year, month, g_language); }

std::string format_month_title(int year, int month, Lang l) {
    if (l == Lang::en && valid_month(month)) return std::string(kMonthsLongEn[month - 1]) + " " + std::to_string(year);
    return std::string(tr(Key::month_prefix, l)) + std::to_string(month) + "/" + std::to_string(year);
}
std::string format_month_title(int year, int month) { return format_month_title(year, month, g_language); }

std::string month_short(int month, Lang l) {
    if (l == Lang::en && valid_month(month)) return kMonthsShortEn[month - 1];
    return std::string(tr(Key::month_short, l)) + std::to_string(month);
}
std::string month_short(int month) { return month_short(month, g_language); }

std::string format_million_dong(double million_dong, Lang l) {
    const std::string vi = text::format_million_dong_vi(million_dong);
    return l == Lang::en ? money_en(vi, tr(Key::money_million_dong, Lang::vi), tr(Key::money_million_dong, Lang::en))
                         : vi;
}
std::string format_million_dong(double million_dong) { return format_million_dong(million_dong, g_language); }

std::string format_billion_dong(double million_dong, int decimals, Lang l) {
    const std::string vi = text::format_billion_dong_vi(million_dong, decimals);
    return l == Lang::en ? money_en(vi, tr(Key::money_billion_dong, Lang::vi), tr(Key::money_billion_dong, Lang::en))
                         : vi;
}
std::string format_billion_dong(double million_dong, int decimals) {
    return format_billion_dong(million_dong, decimals, g_language);
}

}  // namespace ntm::i18n
