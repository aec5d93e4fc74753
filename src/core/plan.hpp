// plan.hpp — the 2024 New Rural Development plan of Sóc Trăng and the achieved-status file:
// plain data, a loader that checks every item against the map's unit names, and lookups.
//
// What it does: reads geodata/plan/soc-trang-2024.json (Kế hoạch 23/KH-UBND, 05/02/2024:
// commune targets, district targets, pilot models, funding, recognition calendar, tasks) and
// geodata/plan/status-2024.json (what each unit has actually reached), both described in
// geodata/plan/FORMAT.md. Loading never fails as a whole unless the text is not JSON: each bad
// item is dropped with a Problem naming the file, the item and the reason in Vietnamese, and
// the valid part is kept so the map still shows it.
// What it doesn't: no file I/O (the caller passes the text), no drawing, no colours (legend.hpp).
// The JSON is read with RapidJSON (json_fields.hpp); nothing throws (Emscripten builds abort on
// a throw).
//
//   ntm::plan::Gazetteer gaz = ntm::plan::gazetteer_from_asset(map);
//   ntm::plan::PlanLoad r = ntm::plan::load_plan(text, "soc-trang-2024.json", gaz);
//   for (const auto& p : r.problems) show(p.message_vi);
//   if (auto* t = ntm::plan::find_commune_target(r.plan, "Huyện Mỹ Xuyên", "Xã Hòa Tú 1"))
//       label(ntm::plan::standard_label_vi(t->standard));   // "Nông thôn mới kiểu mẫu"
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/asset.hpp"
#include "core/result.hpp"

namespace ntm::plan {

inline constexpr int kFormatVersion = 1;  // "format_version" both files carry
inline constexpr int kMaxCriteria = 19;   // criteria in the 2021–2025 commune criteria sets

// [SECTION] Units

// One unit of the map as the loader knows it. Keys are exact full names with their unit type,
// as in the boundary data: {"Huyện Mỹ Xuyên", "Xã Hòa Tú 1"}; "Phường 1" exists in three
// districts, so a commune is always keyed by (district, commune).
struct GazetteerUnit {
    std::string district;                           // "Huyện Mỹ Xuyên"
    std::string commune;                            // "Xã Hòa Tú 1"; empty for a district-level unit
    asset::UnitType type = asset::UnitType::other;  // xa/phuong/thi_tran, or huyen/thi_xa/thanh_pho
};

// Every unit the plan files may name. District entries (empty commune) give the district's
// type; a district named only through its communes is known but of type `other`, which skips
// the district type checks.
struct Gazetteer {
    std::vector<GazetteerUnit> units;
};

// The viewer's gazetteer: one entry per commune and per district of the map asset.
Gazetteer gazetteer_from_asset(const asset::MapAsset& map);

// A unit named in a plan file. commune empty = the district itself.
struct UnitRef {
    std::string district;
    std::string commune;
};

// [SECTION] Standards

// The three levels of the national criteria sets (Quyết định 18/2022/QĐ-TTg).
enum class Standard { none, ntm, nang_cao, kieu_mau };

const char* standard_id(Standard s);                            // "ntm", "nang-cao", "kieu-mau"; "" for none
std::optional<Standard> standard_from_id(std::string_view id);  // exact ids only
// "Nông thôn mới", "Nông thôn mới nâng cao", "Nông thôn mới kiểu mẫu"; none: "Chưa đạt chuẩn".
const char* standard_label_vi(Standard s);
// As standard_label_vi, but a thị xã or thành phố is not "đạt chuẩn": the same decision
// recognises it as "Hoàn thành nhiệm vụ xây dựng nông thôn mới", which files record as "ntm".
const char* unit_standard_label_vi(Standard s, asset::UnitType type);

// Whether a unit of this type can carry standard s: commune-level standards apply to xã only
// (phường and thị trấn are urban); huyện takes any level; thị xã and thành phố only "ntm"
// (hoàn thành nhiệm vụ). Type `other` (unknown) is allowed, for gazetteers without types.
bool standard_applies(Standard s, asset::UnitType type);

// [SECTION] Dates

// A calendar date, or a whole month when day == 0 ("2024-06"). year == 0 means no date.
struct Date {
    int year = 0;
    int month = 0;  // 1..12
    int day = 0;    // 1..31, or 0 for the whole month

    bool is_set() const { return year != 0; }
    bool is_month() const { return year != 0 && day == 0; }
};

// "YYYY-MM-DD" (a real calendar day: 2024-02-29 yes, 2023-02-29 and 2024-02-30 no) or, when
// allow_month, "YYYY-MM". Anything else, including surrounding spaces, gives nullopt.
std::optional<Date> parse_iso_date(std::string_view text, bool allow_month);
std::string date_iso(Date d);       // "2024-02-05", "2024-06"; "" when not set
std::string date_label_vi(Date d);  // "05/02/2024", "06/2024"; "" when not set

// [SECTION] The plan

struct DocumentInfo {
    std::string number;        // "23/KH-UBND"
    Date date;                 // 2024-02-05
    std::string issuer;        // "Ủy ban nhân dân tỉnh Sóc Trăng"
    std::string title;         // the plan's title
    std::string signer;        // "Vương Quốc Nam"; may be empty
    std::string signer_title;  // "TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch"; may be empty
    int year = 0;              // the year the plan covers: 2024
};

// A commune to reach a standard in the plan year (Phụ lục I, mục I–III).
struct CommuneTarget {
    UnitRef unit;                        // always a xã
    Standard standard = Standard::none;  // never none once loaded
    std::string as_written;              // the plan's own line: "Xã Ba Trinh (huyện Kế Sách)"
    std::string source;                  // "Phụ lục I, mục II, dòng 3"
    std::string note;
};

// What the district is to achieve: a recognition decision, or a complete dossier.
enum class DistrictMilestone { recognition, dossier };
const char* milestone_id(DistrictMilestone m);  // "cong-nhan", "ho-so"
const char* milestone_label_vi(DistrictMilestone m);  // "Có quyết định công nhận", "Hoàn chỉnh hồ sơ đề nghị công nhận"

// A district-level target (Mục I; Phụ lục I, mục IV–V).
struct DistrictTarget {
    std::string district;                // "Huyện Châu Thành"
    Standard standard = Standard::none;  // never none once loaded
    DistrictMilestone milestone = DistrictMilestone::recognition;
    int recognition_year = 0;  // the year the standard is recognised for; 0 = not stated
    std::string as_written;
    std::string source;
    std::string note;
};

// A pilot model approved by the central government (Mục II.6; Phụ lục II, dòng 8–11).
struct PilotModel {
    std::string id;            // stable slug: "nuoc-thai-hoa-tu-1"
    std::string name;          // the plan's wording
    UnitRef unit;              // commune empty for a district-wide model
    std::string lead_agency;   // "Sở Nông nghiệp và Phát triển nông thôn"
    int period_from_year = 0;  // 0 = not stated
    int period_to_year = 0;
    std::string period_text;  // "Giai đoạn 2024 - 2025"
    std::string source;
    std::string note;
};

// One line of Mục III. Amounts in million đồng (triệu đồng), as the plan writes them.
struct FundingSource {
    std::string id;     // "ngan-sach-trung-uong"
    std::string label;  // short name for charts: "Ngân sách trung ương"
    std::string name;   // the plan's wording
    std::string group;  // "Ngân sách nhà nước phân bổ trực tiếp ..." or ""
    double amount_million_dong = 0;
    std::optional<double> investment_million_dong;  // đầu tư phát triển; nullopt: the plan doesn't split
    std::optional<double> recurrent_million_dong;   // sự nghiệp; nullopt: the plan doesn't split
    std::string source;
    std::string note;
};

struct Funding {
    std::vector<FundingSource> sources;
    // The plan's own total, to check the sources against. nullopt when the plan states none
    // (23/KH-UBND does not): the total shown is then always computed, never typed.
    std::optional<double> stated_total_million_dong;
    std::string stated_total_source;
};

// Amounts in million đồng summed over the loaded sources. investment and recurrent add only
// the splits the plan gives; unsplit is the rest, so investment + recurrent + unsplit == amount.
struct FundingTotals {
    double amount_million_dong = 0;
    double investment_million_dong = 0;
    double recurrent_million_dong = 0;
    double unsplit_million_dong = 0;
};
FundingTotals funding_totals(const Funding& f);
double funding_total_million_dong(const Funding& f);

// One step of the recognition calendar (Mục II.7).
enum class CalendarKind { start, deadline, planned };  // "bat-dau", "han-chot", "du-kien"
const char* calendar_kind_id(CalendarKind k);

struct CalendarEvent {
    std::string id;                               // "xa-dot-1"
    std::string event;                            // what happens, the plan's wording
    asset::UnitType level = asset::UnitType::xa;  // xa (commune rounds) or huyen
    std::string district;                         // the district concerned, or "" for all
    Date date;                                    // a day or a whole month
    CalendarKind kind = CalendarKind::planned;
    std::string source;
    std::string note;
};

// One row of Phụ lục II.
struct Task {
    std::string section;        // "I", "II"
    std::string section_title;  // "Xây dựng cơ chế, chính sách"
    int row = 0;                // row number within the section, from 1
    std::string content;
    std::string lead_agency;
    Date due;              // not set when the plan gives no date ("Theo tiến độ ...")
    std::string due_text;  // the plan's own wording: "Tháng 6/2024", "Giai đoạn 2024 - 2025"
    std::string source;
    std::string note;
};

struct Plan {
    DocumentInfo document;
    std::vector<CommuneTarget> commune_targets;
    std::vector<DistrictTarget> district_targets;
    std::vector<PilotModel> models;
    Funding funding;
    std::vector<CalendarEvent> calendar;
    std::vector<Task> tasks;
    std::vector<std::string> transcription_notes;  // OCR slips fixed while transcribing
};

// [SECTION] The achieved-status file

struct UnitStatus {
    UnitRef unit;
    Standard standard = Standard::none;  // the highest level reached; none = not reached yet
    Date recognised_on;                  // a calendar day, or not set
    std::string decision;                // "Quyết định số .../QĐ-UBND"; may be empty
    int criteria_met = -1;               // 0..19; -1 = not given
    std::string note;
};

struct StatusFile {
    std::string plan_number;        // the plan it accompanies: "23/KH-UBND"
    Date as_of;                     // the day the file describes; may be unset while it is empty
    std::string prepared_by;        // "Văn phòng Điều phối nông thôn mới tỉnh Sóc Trăng"
    std::vector<UnitStatus> units;  // units not listed have no data (shown as such, not as "none")
};

// [SECTION] Loading

struct Problem {
    std::string file;  // file name as passed to the loader
    std::string item;  // "commune_targets[3] (Xã Long Phú, Huyện Long Phú)"; "" for the whole file
    ErrorCode code = ErrorCode::invalid_data;
    std::string reason_vi;      // the reason alone, Vietnamese
    std::string message_vi;     // "<file> — <item>: <reason>[ Mục này bị bỏ qua.]": what the UI shows
    std::string detail_en;      // the same for developers and logs
    bool item_dropped = false;  // the item was left out of the loaded data
};

struct PlanLoad {
    Plan plan;                      // the valid part
    std::vector<Problem> problems;  // empty when the file is entirely valid
};

struct StatusLoad {
    StatusFile status;
    std::vector<Problem> problems;
};

PlanLoad load_plan(std::string_view json_text, std::string_view file_name, const Gazetteer& gaz);
StatusLoad load_status(std::string_view json_text, std::string_view file_name, const Gazetteer& gaz);

// [SECTION] Lookups (pointers into the plan; valid while it lives and is not modified)

const CommuneTarget* find_commune_target(const Plan& p, std::string_view district, std::string_view commune);
std::vector<const DistrictTarget*> find_district_targets(const Plan& p, std::string_view district);
size_t count_commune_targets(const Plan& p, Standard s);
// Models sited exactly at the unit (commune empty: the district-wide models of that district).
std::vector<const PilotModel*> models_at(const Plan& p, std::string_view district, std::string_view commune);
// Every model in the district, district-wide or at one of its communes.
std::vector<const PilotModel*> models_in_district(const Plan& p, std::string_view district);
std::vector<const Task*> tasks_of_agency(const Plan& p, std::string_view lead_agency);
const UnitStatus* find_status(const StatusFile& s, std::string_view district, std::string_view commune);

}  // namespace ntm::plan
