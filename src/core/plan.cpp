// plan.cpp — see plan.hpp. The file format is described in geodata/plan/FORMAT.md.
//
// The JSON is RapidJSON's DOM, parsed and read through json_fields: every value is type-checked
// before a Get*() (RapidJSON asserts on the wrong type, and reads garbage where asserts are off)
// and fields are looked up with find_field(), never operator[] (which asserts on a missing key).
#include "core/plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

#include "core/json_fields.hpp"
#include "core/text.hpp"

namespace ntm::plan {

using Json = json_fields::Json;
using Document = json_fields::Document;
using json_fields::str;
using json_fields::type_en;
using json_fields::find_field;
using json_fields::in_quotes;
using json_fields::type_vi;

// [SECTION] Gazetteer

Gazetteer gazetteer_from_asset(const asset::MapAsset& map) {
    Gazetteer gaz;
    for (const asset::Feature& d : map.districts) gaz.units.push_back({d.name, "", d.type});
    for (const asset::Feature& c : map.communes) {
        const bool has_parent = c.parent >= 0 && static_cast<size_t>(c.parent) < map.districts.size();
        gaz.units.push_back({has_parent ? map.districts[static_cast<size_t>(c.parent)].name : "", c.name, c.type});
    }
    return gaz;
}

// [SECTION] Standards, milestones, calendar kinds

const char* standard_id(Standard s) {
    switch (s) {
        case Standard::ntm:
            return "ntm";
        case Standard::nang_cao:
            return "nang-cao";
        case Standard::kieu_mau:
            return "kieu-mau";
        case Standard::none:
            break;
    }
    return "";
}

std::optional<Standard> standard_from_id(std::string_view id) {
    for (Standard s : {Standard::ntm, Standard::nang_cao, Standard::kieu_mau}) {
        if (id == standard_id(s)) return s;
    }
    return std::nullopt;
}

const char* standard_label_vi(Standard s) {
    switch (s) {
        case Standard::ntm:
            return "Nông thôn mới";
        case Standard::nang_cao:
            return "Nông thôn mới nâng cao";
        case Standard::kieu_mau:
            return "Nông thôn mới kiểu mẫu";
        case Standard::none:
            break;
    }
    return "Chưa đạt chuẩn";
}

const char* unit_standard_label_vi(Standard s, asset::UnitType type) {
    const bool town = type == asset::UnitType::thi_xa || type == asset::UnitType::thanh_pho;
    if (town && s == Standard::ntm) return "Hoàn thành nhiệm vụ xây dựng nông thôn mới";
    return standard_label_vi(s);
}

bool standard_applies(Standard s, asset::UnitType type) {
    switch (type) {
        case asset::UnitType::xa:
        case asset::UnitType::huyen:
        case asset::UnitType::other:
            return true;
        case asset::UnitType::thi_xa:
        case asset::UnitType::thanh_pho:
            return s == Standard::ntm || s == Standard::none;
        case asset::UnitType::phuong:
        case asset::UnitType::thi_tran:
        case asset::UnitType::tinh:
            break;
    }
    return s == Standard::none;
}

const char* milestone_id(DistrictMilestone m) { return m == DistrictMilestone::recognition ? "cong-nhan" : "ho-so"; }

const char* milestone_label_vi(DistrictMilestone m) {
    return m == DistrictMilestone::recognition ? "Có quyết định công nhận" : "Hoàn chỉnh hồ sơ đề nghị công nhận";
}

const char* calendar_kind_id(CalendarKind k) {
    switch (k) {
        case CalendarKind::start:
            return "bat-dau";
        case CalendarKind::deadline:
            return "han-chot";
        case CalendarKind::planned:
            break;
    }
    return "du-kien";
}

// [SECTION] Dates

namespace {

bool is_leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool parse_digits(std::string_view s, size_t from, size_t count, int* out) {
    int v = 0;
    for (size_t i = from; i < from + count; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text, bool allow_month) {
    const bool full = text.size() == 10;
    if (!full && !(allow_month && text.size() == 7)) return std::nullopt;
    Date d;
    if (!parse_digits(text, 0, 4, &d.year) || text[4] != '-' || !parse_digits(text, 5, 2, &d.month)) {
        return std::nullopt;
    }
    if (d.year < 1 || d.month < 1 || d.month > 12) return std::nullopt;
    if (full) {
        if (text[7] != '-' || !parse_digits(text, 8, 2, &d.day)) return std::nullopt;
        if (d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
    }
    return d;
}

std::string date_iso(Date d) {
    if (!d.is_set()) return "";
    char buf[32];
    if (d.day == 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
    } else {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    }
    return buf;
}

std::string date_label_vi(Date d) {
    if (!d.is_set()) return "";
    return d.day == 0 ? text::format_month_vi(d.year, d.month) : text::format_date_vi(d.year, d.month, d.day);
}

// [SECTION] Funding arithmetic

FundingTotals funding_totals(const Funding& f) {
    FundingTotals t;
    for (const FundingSource& s : f.sources) {
        const double inv = s.investment_million_dong.value_or(0.0);
        const double rec = s.recurrent_million_dong.value_or(0.0);
        t.amount_million_dong += s.amount_million_dong;
        t.investment_million_dong += inv;
        t.recurrent_million_dong += rec;
        t.unsplit_million_dong += s.amount_million_dong - inv - rec;
    }
    return t;
}

double funding_total_million_dong(const Funding& f) { return funding_totals(f).amount_million_dong; }

// [SECTION] Lookups

const CommuneTarget* find_commune_target(const Plan& p, std::string_view district, std::string_view commune) {
    for (const CommuneTarget& t : p.commune_targets) {
        if (t.unit.district == district && t.unit.commune == commune) return &t;
    }
    return nullptr;
}

std::vector<const DistrictTarget*> find_district_targets(const Plan& p, std::string_view district) {
    std::vector<const DistrictTarget*> out;
    for (const DistrictTarget& t : p.district_targets) {
        if (t.district == district) out.push_back(&t);
    }
    return out;
}

size_t count_commune_targets(const Plan& p, Standard s) {
    return static_cast<size_t>(std::count_if(p.commune_targets.begin(), p.commune_targets.end(),
                                             [s](const CommuneTarget& t) { return t.standard == s; }));
}

std::vector<const PilotModel*> models_at(const Plan& p, std::string_view district, std::string_view commune) {
    std::vector<const PilotModel*> out;
    for (const PilotModel& m : p.models) {
        if (m.unit.district == district && m.unit.commune == commune) out.push_back(&m);
    }
    return out;
}

std::vector<const PilotModel*> models_in_district(const Plan& p, std::string_view district) {
    std::vector<const PilotModel*> out;
    for (const PilotModel& m : p.models) {
        if (m.unit.district == district) out.push_back(&m);
    }
    return out;
}

std::vector<const Task*> tasks_of_agency(const Plan& p, std::string_view lead_agency) {
    std::vector<const Task*> out;
    for (const Task& t : p.tasks) {
        if (t.lead_agency == lead_agency) out.push_back(&t);
    }
    return out;
}

const UnitStatus* find_status(const StatusFile& s, std::string_view district, std::string_view commune) {
    for (const UnitStatus& u : s.units) {
        if (u.unit.district == district && u.unit.commune == commune) return &u;
    }
    return nullptr;
}

// [SECTION] Loading: problem collection

namespace {

// Where problems go while one file is read. The composed message is built once at the end
// (compose_messages) so every problem of an item carries the item's final label.
struct Sink {
    std::string file;
    std::vector<Problem>* out = nullptr;

    void file_problem(ErrorCode code, std::string reason_vi, std::string detail_en) const {
        Problem p;
        p.file = file;
        p.code = code;
        p.reason_vi = std::move(reason_vi);
        p.detail_en = std::move(detail_en);
        out->push_back(std::move(p));
    }
};

void compose_messages(std::vector<Problem>* problems) {
    for (Problem& p : *problems) {
        const std::string where = p.item.empty() ? p.file : p.file + " — " + p.item;
        p.message_vi = where + ": " + p.reason_vi;
        if (p.item_dropped) p.message_vi += " Mục này bị bỏ qua.";
        p.detail_en = where + ": " + p.detail_en + (p.item_dropped ? " (item dropped)" : "");
    }
}

// No source of a provincial plan comes near a million billion đồng (the national budget is about
// two): a larger figure is a unit slip (đồng typed as million đồng) or damage, and refusing it
// keeps every sum finite and exact to the thousand đồng the checks compare at.
constexpr double kMaxAmountMillionDong = 1e9;

std::string format_number(double v) {
    const double whole = std::round(v);
    if (std::fabs(v - whole) < 1e-9 && std::fabs(whole) < 9e15) return text::format_int_vi(static_cast<int64_t>(whole));
    return text::format_decimal_vi(v, 3);
}

std::string format_number_en(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return buf;
}

// Collects the problems of one item (one array element, or one object like "document"),
// then decides whether the item is kept.
class ItemCheck {
public:
    ItemCheck(const Sink& sink, std::string item) : sink_(sink), item_(std::move(item)) {}

    // Adds the unit name to the item label once it is known: "commune_targets[3] (Xã A, Huyện B)".
    void name_unit(std::string_view district, std::string_view commune) {
        std::string label = json_fields::clip(commune.empty() ? district : commune);
        if (!commune.empty() && !district.empty()) label += ", " + json_fields::clip(district);
        if (!label.empty()) unit_label_ = " (" + label + ")";
    }
    void name_item(std::string_view name) {
        if (!name.empty()) unit_label_ = " (" + json_fields::clip(name) + ")";
    }
    std::string label() const { return item_ + unit_label_; }

    // A problem that makes the item unusable.
    void fail(ErrorCode code, std::string reason_vi, std::string detail_en) {
        ok_ = false;
        add(code, std::move(reason_vi), std::move(detail_en), true);
    }
    // A problem worth fixing that does not make the data wrong (e.g. a missing source).
    void warn(ErrorCode code, std::string reason_vi, std::string detail_en) {
        add(code, std::move(reason_vi), std::move(detail_en), false);
    }
    bool ok() const { return ok_; }

    // Flushes the problems under the final label; returns whether the item is kept.
    bool finish() {
        const std::string lbl = label();
        for (Pending& p : pending_) {
            Problem out;
            out.file = sink_.file;
            out.item = lbl;
            out.code = p.code;
            out.reason_vi = std::move(p.reason_vi);
            out.detail_en = std::move(p.detail_en);
            out.item_dropped = !ok_ && p.fatal;
            sink_.out->push_back(std::move(out));
        }
        pending_.clear();
        return ok_;
    }

    // [SECTION] typed readers: each records its own problem

    // A string field: json_fields::read_text (missing, wrong type, too long, bytes that were not UTF-8).
    std::string text(const Json& obj, const char* key, bool required) {
        return json_fields::read_text(*this, obj, key, required);
    }

    // The "source" field every item should carry: missing is worth a warning, not a drop.
    std::string source(const Json& obj) {
        const Json* v = find_field(obj, "source");
        if (v == nullptr || v->IsNull() || (v->IsString() && v->GetStringLength() == 0)) {
            warn(ErrorCode::invalid_data, "thiếu trường “source” (mục nào của văn bản).", "missing field 'source'");
            return "";
        }
        return text(obj, "source", false);
    }

    // An integer in [lo, hi]. Missing or null → nullopt (a problem when required).
    std::optional<int> integer(const Json& obj, const char* key, bool required, int lo, int hi) {
        const Json* v = find_field(obj, key);
        if (v == nullptr || v->IsNull()) {
            if (required)
                fail(ErrorCode::format, "thiếu trường " + in_quotes(key) + ".",
                     std::string("missing field '") + key + "'");
            return std::nullopt;
        }
        // Whole numbers as JSON Schema counts them (19, 19.0); 12.5 and text are the wrong type,
        // 99999999999999999999 (past int64, parsed as a double) is out of range, not a fraction.
        bool too_big = false;
        const std::optional<int64_t> value = json_fields::whole_number(*v, &too_big);
        if (!value && !too_big) {
            fail(ErrorCode::format,
                 "trường " + in_quotes(key) + " phải là số nguyên, không phải " + type_vi(*v) + ".",
                 std::string("field '") + key + "' must be an integer, got " + type_en(*v));
            return std::nullopt;
        }
        if (!value || *value < lo || *value > hi) {
            const std::string given = json_fields::clip(json_fields::number_text(*v));
            fail(ErrorCode::invalid_data,
                 "trường " + in_quotes(key) + " phải là số nguyên từ " + std::to_string(lo) + " đến " +
                     std::to_string(hi) + ", không phải " + given + ".",
                 std::string("field '") + key + "' = " + given + " out of range [" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "]");
            return std::nullopt;
        }
        return static_cast<int>(*value);
    }

    // An amount in million đồng: a finite, non-negative JSON number. Missing or null → nullopt
    // (a problem when required).
    std::optional<double> amount(const Json& obj, const char* key, bool required) {
        const Json* v = find_field(obj, key);
        if (v == nullptr || v->IsNull()) {
            if (required)
                fail(ErrorCode::format, "thiếu trường " + in_quotes(key) + ".",
                     std::string("missing field '") + key + "'");
            return std::nullopt;
        }
        if (!v->IsNumber()) {
            std::string shown = v->IsString() ? " " + in_quotes(str(*v)) : "";
            fail(ErrorCode::format,
                 "số tiền " + in_quotes(key) +
                     " phải là một số (triệu đồng, không có dấu chấm phân cách), không phải " + type_vi(*v) +
                     shown + ".",
                 std::string("amount '") + key + "' must be a JSON number, got " + type_en(*v));
            return std::nullopt;
        }
        const double value = v->GetDouble() + 0.0;  // + 0.0: -0 is 0 (never shown as "-0")
        if (!std::isfinite(value) || std::fabs(value) > kMaxAmountMillionDong) {
            fail(ErrorCode::invalid_data,
                 "số tiền " + in_quotes(key) + " quá lớn (" + json_fields::clip(json_fields::number_text(*v)) + ", hơn " +
                     format_number(kMaxAmountMillionDong) +
                     " triệu đồng, tức một triệu tỷ đồng); hãy kiểm tra đơn vị: số tiền ghi bằng triệu đồng.",
                 std::string("amount '") + key + "' = " + json_fields::clip(json_fields::number_text(*v)) + " is over " +
                     format_number_en(kMaxAmountMillionDong) + " million dong");
            return std::nullopt;
        }
        if (value < 0) {
            fail(ErrorCode::invalid_data,
                 "số tiền " + in_quotes(key) + " là số âm (" + format_number(value) +
                     "); số tiền phải lớn hơn hoặc bằng 0.",
                 std::string("amount '") + key + "' is negative: " + format_number_en(value));
            return std::nullopt;
        }
        return value;
    }

    // A date "YYYY-MM-DD", or also "YYYY-MM" when allow_month. Missing or null → unset Date.
    Date date(const Json& obj, const char* key, bool required, bool allow_month) {
        const Json* v = find_field(obj, key);
        if (v == nullptr || v->IsNull()) {
            if (required)
                fail(ErrorCode::format, "thiếu trường " + in_quotes(key) + ".",
                     std::string("missing field '") + key + "'");
            return {};
        }
        const char* shape_vi = allow_month ? "YYYY-MM-DD hoặc YYYY-MM" : "YYYY-MM-DD";
        if (!v->IsString()) {
            fail(
                ErrorCode::format,
                "ngày " + in_quotes(key) + " phải là chuỗi dạng " + shape_vi + ", không phải " + type_vi(*v) + ".",
                std::string("date '") + key + "' must be a string, got " + type_en(*v));
            return {};
        }
        const std::string_view s = str(*v);
        if (const std::optional<Date> d = parse_iso_date(s, allow_month)) return *d;
        // Tell a well-shaped but impossible date (2024-02-30) from a badly shaped one.
        const bool shaped =
            (s.size() == 10 && s[4] == '-' && s[7] == '-') || (allow_month && s.size() == 7 && s[4] == '-');
        if (shaped) {
            fail(ErrorCode::invalid_data,
                 "ngày " + in_quotes(s) + " (trường " + in_quotes(key) + ") không có trên lịch.",
                 std::string("date '") + key + "' = '" + json_fields::clip(s) + "' is not a calendar date");
        } else {
            fail(ErrorCode::format,
                 "ngày " + in_quotes(s) + " (trường " + in_quotes(key) + ") không đúng dạng " + shape_vi + ".",
                 std::string("date '") + key + "' = '" + json_fields::clip(s) + "' is not ISO " +
                     (allow_month ? "YYYY-MM-DD or YYYY-MM" : "YYYY-MM-DD"));
        }
        return {};
    }

    // A standard id. null is Standard::none, accepted only when allow_none.
    std::optional<Standard> standard(const Json& obj, const char* key, bool allow_none) {
        const Json* v = find_field(obj, key);
        if (v == nullptr || v->IsNull()) {
            if (allow_none) return Standard::none;
            fail(ErrorCode::format, "thiếu trường " + in_quotes(key) + ".", std::string("missing field '") + key + "'");
            return std::nullopt;
        }
        if (v->IsString()) {
            if (const std::optional<Standard> s = standard_from_id(str(*v))) return s;
        }
        const std::string shown = v->IsString() ? in_quotes(str(*v)) : type_vi(*v);
        fail(
            ErrorCode::invalid_data,
            "mức chuẩn " + shown + " không hợp lệ; chỉ dùng “ntm”, “nang-cao” hoặc “kieu-mau”" +
                (allow_none ? " (hoặc null nếu chưa đạt chuẩn)." : "."),
            std::string("field '") + key + "' must be one of ntm, nang-cao, kieu-mau" + (allow_none ? " or null" : ""));
        return std::nullopt;
    }

private:
    struct Pending {
        ErrorCode code;
        std::string reason_vi;
        std::string detail_en;
        bool fatal;
    };
    void add(ErrorCode code, std::string reason_vi, std::string detail_en, bool fatal) {
        pending_.push_back({code, std::move(reason_vi), std::move(detail_en), fatal});
    }

    const Sink& sink_;
    std::string item_;
    std::string unit_label_;
    bool ok_ = true;
    std::vector<Pending> pending_;
};

// [SECTION] Loading: names

// Folded, trimmed, single-spaced: the key misspelt names are compared by.
std::string name_key(std::string_view name) {
    const std::string folded = text::fold_vi(name);
    std::string out;
    for (char c : folded) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// The key without its unit-type word, so "Hòa Tú 1" is near "Xã Hòa Tú 1".
std::string strip_type_word(const std::string& key) {
    for (const char* prefix : {"thanh pho ", "thi tran ", "thi xa ", "phuong ", "huyen ", "xa "}) {
        const std::string_view p(prefix);
        if (key.compare(0, p.size(), p) == 0) return key.substr(p.size());
    }
    return key;
}

std::string digits_of(const std::string& s) {
    std::string d;
    for (char c : s) {
        if (c >= '0' && c <= '9') d.push_back(c);
    }
    return d;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diagonal = row[0];
        row[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0u : 1u)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The candidate nearest to `query` after accent folding, or "" when none is near enough.
// Names that differ in their numbers are never suggested for each other ("Phường 4" is not a
// misspelt "Phường 1"), and the allowed distance grows with the name (1 per 4 letters).
std::string closest_name(std::string_view query, const std::vector<std::string>& candidates) {
    const std::string q = name_key(query);
    const std::string q_bare = strip_type_word(q);
    std::string best;
    size_t best_score = std::numeric_limits<size_t>::max();
    for (const std::string& c : candidates) {
        const std::string k = name_key(c);
        const std::string k_bare = strip_type_word(k);
        if (digits_of(q_bare) != digits_of(k_bare)) continue;
        const size_t score = std::min(edit_distance(q, k), edit_distance(q_bare, k_bare));
        const size_t allowed = k_bare.size() / 4;
        if (score <= allowed && score < best_score) {
            best = c;
            best_score = score;
        }
    }
    return best;
}

class GazIndex {
public:
    explicit GazIndex(const Gazetteer& gaz) : gaz_(gaz) {
        for (const GazetteerUnit& u : gaz.units) {
            if (!u.district.empty() &&
                std::find(districts_.begin(), districts_.end(), u.district) == districts_.end()) {
                districts_.push_back(u.district);
            }
        }
    }

    bool has_district(std::string_view d) const {
        return std::find(districts_.begin(), districts_.end(), d) != districts_.end();
    }
    asset::UnitType district_type(std::string_view d) const {
        for (const GazetteerUnit& u : gaz_.units) {
            if (u.commune.empty() && u.district == d) return u.type;
        }
        return asset::UnitType::other;
    }
    const GazetteerUnit* find_commune(std::string_view d, std::string_view c) const {
        for (const GazetteerUnit& u : gaz_.units) {
            if (!u.commune.empty() && u.district == d && u.commune == c) return &u;
        }
        return nullptr;
    }
    const std::vector<std::string>& districts() const { return districts_; }
    std::vector<std::string> communes_of(std::string_view d) const {
        std::vector<std::string> out;
        for (const GazetteerUnit& u : gaz_.units) {
            if (!u.commune.empty() && u.district == d) out.push_back(u.commune);
        }
        return out;
    }
    std::vector<std::string> districts_holding(std::string_view c) const {
        std::vector<std::string> out;
        for (const GazetteerUnit& u : gaz_.units) {
            if (u.commune == c && !u.commune.empty()) out.push_back(u.district);
        }
        return out;
    }
    // The unit "Xã X" of whichever district is nearest to the query, as {district, commune}.
    std::optional<std::pair<std::string, std::string>> closest_commune_anywhere(std::string_view c) const {
        std::vector<std::string> names;
        for (const GazetteerUnit& u : gaz_.units) {
            if (!u.commune.empty()) names.push_back(u.commune);
        }
        const std::string best = closest_name(c, names);
        if (best.empty()) return std::nullopt;
        for (const GazetteerUnit& u : gaz_.units) {
            if (u.commune == best) return std::make_pair(u.district, u.commune);
        }
        return std::nullopt;
    }

private:
    const Gazetteer& gaz_;
    std::vector<std::string> districts_;
};

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
    return out;
}

bool has_combining_marks(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size()) {
        const uint32_t cp = text::next_code_point(s, &pos);
        if (cp >= 0x0300 && cp <= 0x036F) return true;
    }
    return false;
}

// "; có phải “Xã Hòa Tú 1”?" plus why the two look alike: a name that only differs in its
// accents ("Hoà" for "Hòa", "Xa" for "Xã") or in how they were typed (combining marks, as
// some keyboards produce, against the precomposed letters of the map) would otherwise look
// identical to its suggestion.
std::string suggestion_vi(std::string_view query, const std::string& near, const std::string& near_district) {
    std::string s = "; có phải " + in_quotes(near) + (near_district.empty() ? "" : " (" + near_district + ")") + "?";
    if (has_combining_marks(query)) {
        s += " Tên đang dùng dấu tổ hợp (Unicode tổ hợp); hãy gõ lại bằng Unicode dựng sẵn.";
    } else if (name_key(query) == name_key(near)) {
        s += " Hai tên chỉ khác nhau ở dấu hoặc chữ hoa, chữ thường.";
    }
    return s;
}

// Checks a district name; records why it is unknown, with the nearest known name.
bool check_district(ItemCheck& chk, const GazIndex& idx, const std::string& district) {
    if (idx.has_district(district)) return true;
    const std::string near = closest_name(district, idx.districts());
    std::string reason = "không có huyện, thị xã hay thành phố tên " + in_quotes(district) + " trong bản đồ";
    reason += near.empty() ? "." : suggestion_vi(district, near, "");
    chk.fail(ErrorCode::invalid_data, std::move(reason),
             "unknown district '" + district + "'" + (near.empty() ? "" : ", did you mean '" + near + "'?"));
    return false;
}

// Checks a (district, commune) key; on success returns the commune's type.
std::optional<asset::UnitType> check_commune(ItemCheck& chk, const GazIndex& idx, const std::string& district,
                                             const std::string& commune) {
    if (!check_district(chk, idx, district)) return std::nullopt;
    if (const GazetteerUnit* u = idx.find_commune(district, commune)) return u->type;

    const std::vector<std::string> elsewhere = idx.districts_holding(commune);
    if (!elsewhere.empty()) {
        chk.fail(ErrorCode::invalid_data,
                 in_quotes(commune) + " không thuộc " + district + " mà thuộc " + join(elsewhere, ", ") + ".",
                 "'" + commune + "' is not in '" + district + "' but in '" + join(elsewhere, "', '") + "'");
        return std::nullopt;
    }
    std::string reason = "không có " + in_quotes(commune) + " trong " + district;
    std::string detail = "no commune '" + commune + "' in '" + district + "'";
    const std::string near = closest_name(commune, idx.communes_of(district));
    if (!near.empty()) {
        reason += suggestion_vi(commune, near, "");
        detail += ", did you mean '" + near + "'?";
    } else if (const auto other = idx.closest_commune_anywhere(commune)) {
        reason += suggestion_vi(commune, other->second, other->first);
        detail += ", did you mean '" + other->second + "' in '" + other->first + "'?";
    } else {
        reason += ".";
    }
    chk.fail(ErrorCode::invalid_data, std::move(reason), std::move(detail));
    return std::nullopt;
}

const char* type_word_vi(asset::UnitType t) {
    switch (t) {
        case asset::UnitType::xa:
            return "xã";
        case asset::UnitType::phuong:
            return "phường";
        case asset::UnitType::thi_tran:
            return "thị trấn";
        case asset::UnitType::huyen:
            return "huyện";
        case asset::UnitType::thi_xa:
            return "thị xã";
        case asset::UnitType::thanh_pho:
            return "thành phố";
        case asset::UnitType::tinh:
            return "tỉnh";
        case asset::UnitType::other:
            break;
    }
    return "đơn vị";
}

const char* type_word_en(asset::UnitType t) {
    switch (t) {
        case asset::UnitType::xa:
            return "rural commune";
        case asset::UnitType::phuong:
            return "urban ward";
        case asset::UnitType::thi_tran:
            return "township";
        case asset::UnitType::huyen:
            return "rural district";
        case asset::UnitType::thi_xa:
            return "town";
        case asset::UnitType::thanh_pho:
            return "city";
        case asset::UnitType::tinh:
            return "province";
        case asset::UnitType::other:
            break;
    }
    return "unit";
}

// Records a problem when standard s cannot apply to a unit of this type.
void check_standard_applies(ItemCheck& chk, Standard s, asset::UnitType type, const std::string& name) {
    if (standard_applies(s, type)) return;
    std::string reason = in_quotes(name) + " là " + type_word_vi(type) + "; ";
    if (type == asset::UnitType::phuong || type == asset::UnitType::thi_tran) {
        reason += "chuẩn nông thôn mới cấp xã chỉ áp dụng cho xã.";
    } else if (type == asset::UnitType::thi_xa || type == asset::UnitType::thanh_pho) {
        reason += "thị xã, thành phố chỉ được công nhận hoàn thành nhiệm vụ xây dựng nông thôn mới (ghi “ntm”).";
    } else {
        reason += "không áp dụng mức chuẩn " + in_quotes(standard_id(s)) + ".";
    }
    chk.fail(
        ErrorCode::invalid_data, std::move(reason),
        "standard '" + std::string(standard_id(s)) + "' does not apply to '" + name + "' (" + type_word_en(type) + ")");
}

// An element of a section being read: how problems name it, and the keys of the elements of
// its section read before it (check_unique).
struct Element {
    std::string name;  // "models[2]"
    std::vector<std::pair<std::string, std::string>>* before = nullptr;  // key, name
};

// Finds an earlier element of the section with the same key, or records this one's.
// `rule_vi` ends the message: "mỗi đơn vị chỉ được ghi một lần."
bool check_unique(ItemCheck& chk, const Element& el, const std::string& key, const std::string& label_vi,
                  const char* rule_vi = "mỗi đơn vị chỉ được ghi một lần.") {
    for (const auto& [k, where] : *el.before) {
        if (k == key) {
            chk.fail(ErrorCode::invalid_data, label_vi + " đã có ở " + where + "; " + rule_vi, "duplicate of " + where);
            return false;
        }
    }
    el.before->emplace_back(key, el.name);
    return true;
}

// [SECTION] Loading: the JSON text

constexpr const char* kNothingRead = "không đọc được nội dung nào.";

// Parses the text (json_fields::parse: size, encoding, nesting, syntax) and checks its header;
// false when nothing can be read, the problems saying why.
bool open_file(std::string_view text_in, const Sink& sink, const char* expected_format, Document* out) {
    json_fields::Parsed f = json_fields::open(text_in, expected_format, kFormatVersion, kNothingRead);
    for (json_fields::FileProblem& p : f.problems)
        sink.file_problem(p.code, std::move(p.reason_vi), std::move(p.detail_en));
    if (f.ok) *out = std::move(f.root);
    return f.ok;
}

// The array under `key`, or nullptr (with a problem when it is absent or not an array).
const Json* section_array(const Json& root, const char* key, const Sink& sink) {
    const Json* v = find_field(root, key);
    if (v == nullptr) {
        sink.file_problem(ErrorCode::format, "thiếu mục " + in_quotes(key) + ".",
                          std::string("missing section '") + key + "'");
        return nullptr;
    }
    if (!v->IsArray()) {
        sink.file_problem(ErrorCode::format,
                          "mục " + in_quotes(key) + " phải là một danh sách [ ... ], không phải " + type_vi(*v) +
                              "; không đọc được mục này.",
                          std::string("section '") + key + "' must be an array, got " + type_en(*v));
        return nullptr;
    }
    return v;
}

std::string item_name(const char* section, size_t i) { return std::string(section) + "[" + std::to_string(i) + "]"; }

bool require_object(ItemCheck& chk, const Json& v) {
    if (v.IsObject()) return true;
    chk.fail(ErrorCode::format,
             std::string("mỗi phần tử phải là một đối tượng { ... }, không phải ") + type_vi(v) + ".",
             std::string("element must be an object, got ") + type_en(v));
    return false;
}

// The elements of the array `parent[key]`, each read by `read(chk, element, v)` into a T and kept
// in `out` if it passed its checks; an element that is not an object is reported and skipped.
// Problems name an element as `label[i]` (the label may hold the parent's name: funding.sources).
template <class T, class Read>
void read_items(const Json& parent, const char* key, const char* label, const Sink& sink, std::vector<T>* out,
                Read read) {
    const Json* arr = section_array(parent, key, sink);
    if (arr == nullptr) return;
    std::vector<std::pair<std::string, std::string>> before;
    for (size_t i = 0; i < arr->Size(); ++i) {
        const Element el{item_name(label, i), &before};
        ItemCheck chk(sink, el.name);
        const Json& v = (*arr)[rapidjson::SizeType(i)];
        if (!require_object(chk, v)) {
            chk.finish();
            continue;
        }
        T t = read(chk, el, v);
        if (chk.finish()) out->push_back(std::move(t));
    }
}

// [SECTION] Loading: plan sections

void read_document(const Json& root, const Sink& sink, DocumentInfo* doc) {
    const Json* v = find_field(root, "document");
    if (v == nullptr || !v->IsObject()) {
        sink.file_problem(ErrorCode::format, "thiếu mục “document” (số, ngày, cơ quan ban hành, tên văn bản).",
                          "missing object 'document'");
        return;
    }
    ItemCheck chk(sink, "document");
    DocumentInfo d;
    d.number = chk.text(*v, "number", true);
    chk.name_item(d.number);
    d.date = chk.date(*v, "date", true, false);
    d.issuer = chk.text(*v, "issuer", true);
    d.title = chk.text(*v, "title", true);
    d.signer = chk.text(*v, "signer", false);
    d.signer_title = chk.text(*v, "signer_title", false);
    d.year = chk.integer(*v, "year", true, 1900, 2100).value_or(0);
    if (chk.finish()) *doc = std::move(d);
}

void read_notes(const Json& root, const Sink& sink, std::vector<std::string>* notes) {
    const Json* v = find_field(root, "transcription_notes");
    if (v == nullptr) return;  // optional
    if (!v->IsArray()) {
        sink.file_problem(ErrorCode::format, "mục “transcription_notes” phải là danh sách chuỗi ký tự.",
                          "'transcription_notes' must be an array of strings");
        return;
    }
    for (size_t i = 0; i < v->Size(); ++i) {
        const Json& n = (*v)[rapidjson::SizeType(i)];
        ItemCheck chk(sink, item_name("transcription_notes", i));
        if (!n.IsString()) {
            chk.fail(ErrorCode::format, std::string("phải là chuỗi ký tự, không phải ") + type_vi(n) + ".",
                     std::string("must be a string, got ") + type_en(n));
        } else if (n.GetStringLength() > json_fields::kMaxTextBytes) {
            chk.fail(ErrorCode::invalid_data, json_fields::too_long_vi(nullptr, n.GetStringLength()),
                     "note over " + std::to_string(json_fields::kMaxTextBytes) + " bytes");
        } else {
            if (json_fields::has_replacement_char(str(n)))
                chk.warn(ErrorCode::format, json_fields::replacement_char_vi(nullptr), "note contains U+FFFD");
            notes->push_back(std::string(str(n)));
        }
        chk.finish();
    }
}

void read_commune_targets(const Json& root, const Sink& sink, const GazIndex& idx, std::vector<CommuneTarget>* out) {
    read_items(root, "commune_targets", "commune_targets", sink, out,
               [&](ItemCheck& chk, const Element& el, const Json& v) {
        CommuneTarget t;
        t.unit.district = chk.text(v, "district", true);
        t.unit.commune = chk.text(v, "commune", true);
        chk.name_unit(t.unit.district, t.unit.commune);
        t.standard = chk.standard(v, "standard", false).value_or(Standard::none);
        t.as_written = chk.text(v, "as_written", false);
        t.source = chk.source(v);
        t.note = chk.text(v, "note", false);
        if (!t.unit.district.empty() && !t.unit.commune.empty()) {
            const std::optional<asset::UnitType> type = check_commune(chk, idx, t.unit.district, t.unit.commune);
            if (type && t.standard != Standard::none) check_standard_applies(chk, t.standard, *type, t.unit.commune);
        }
        if (chk.ok()) {
            check_unique(chk, el, t.unit.district + "\n" + t.unit.commune,
                         in_quotes(t.unit.commune) + " (" + t.unit.district + ")");
        }
        return t;
    });
}

std::optional<DistrictMilestone> milestone_from_id(std::string_view id) {
    if (id == "cong-nhan") return DistrictMilestone::recognition;
    if (id == "ho-so") return DistrictMilestone::dossier;
    return std::nullopt;
}

void read_district_targets(const Json& root, const Sink& sink, const GazIndex& idx, std::vector<DistrictTarget>* out) {
    read_items(root, "district_targets", "district_targets", sink, out,
               [&](ItemCheck& chk, const Element& el, const Json& v) {
        DistrictTarget t;
        t.district = chk.text(v, "district", true);
        chk.name_unit(t.district, "");
        t.standard = chk.standard(v, "standard", false).value_or(Standard::none);
        const std::string milestone = chk.text(v, "milestone", true);
        if (!milestone.empty()) {
            if (const auto m = milestone_from_id(milestone)) {
                t.milestone = *m;
            } else {
                chk.fail(ErrorCode::invalid_data,
                         "mốc " + in_quotes(milestone) +
                             " không hợp lệ; chỉ dùng “cong-nhan” (có quyết định công nhận) hoặc “ho-so” (hoàn chỉnh "
                             "hồ sơ).",
                         "milestone '" + milestone + "' must be cong-nhan or ho-so");
            }
        }
        t.recognition_year = chk.integer(v, "recognition_year", false, 2000, 2100).value_or(0);
        t.as_written = chk.text(v, "as_written", false);
        t.source = chk.source(v);
        t.note = chk.text(v, "note", false);
        if (!t.district.empty() && check_district(chk, idx, t.district) && t.standard != Standard::none) {
            check_standard_applies(chk, t.standard, idx.district_type(t.district), t.district);
        }
        // One target per district and standard: Mỹ Xuyên could in principle have both an NTM
        // recognition and an advanced dossier, but never the same one twice.
        if (chk.ok()) {
            check_unique(chk, el, t.district + "\n" + standard_id(t.standard),
                         t.district + " (" + standard_label_vi(t.standard) + ")");
        }
        return t;
    });
}

void read_models(const Json& root, const Sink& sink, const GazIndex& idx, std::vector<PilotModel>* out) {
    read_items(root, "models", "models", sink, out,
               [&](ItemCheck& chk, const Element& el, const Json& v) {
        PilotModel m;
        m.id = chk.text(v, "id", true);
        m.name = chk.text(v, "name", true);
        m.unit.district = chk.text(v, "district", true);
        m.unit.commune = chk.text(v, "commune", false);
        chk.name_item(m.id);
        m.lead_agency = chk.text(v, "lead_agency", true);
        m.period_from_year = chk.integer(v, "period_from_year", false, 2000, 2100).value_or(0);
        m.period_to_year = chk.integer(v, "period_to_year", false, 2000, 2100).value_or(0);
        m.period_text = chk.text(v, "period_text", false);
        m.source = chk.source(v);
        m.note = chk.text(v, "note", false);
        if (m.period_from_year != 0 && m.period_to_year != 0 && m.period_from_year > m.period_to_year) {
            chk.fail(ErrorCode::invalid_data,
                     "năm bắt đầu " + std::to_string(m.period_from_year) + " sau năm kết thúc " +
                         std::to_string(m.period_to_year) + ".",
                     "period_from_year > period_to_year");
        }
        if (!m.unit.district.empty()) {
            if (m.unit.commune.empty()) {
                check_district(chk, idx, m.unit.district);
            } else {
                check_commune(chk, idx, m.unit.district, m.unit.commune);
            }
        }
        if (chk.ok() && !m.id.empty())
            check_unique(chk, el, m.id, "mã mô hình " + in_quotes(m.id), "mỗi mã chỉ được dùng một lần.");
        return m;
    });
}

// Amounts are compared to the nearest thousand đồng: the plan's figures are whole millions,
// and binary doubles of such sums are exact far beyond the province's budget.
constexpr double kAmountTolerance = 0.0005;  // million đồng

void read_funding(const Json& root, const Sink& sink, Funding* out) {
    const Json* f = find_field(root, "funding");
    if (f == nullptr || !f->IsObject()) {
        sink.file_problem(ErrorCode::format,
                          "thiếu mục “funding” (đối tượng gồm “sources” và “stated_total_million_dong”).",
                          "missing object 'funding'");
        return;
    }
    {
        ItemCheck chk(sink, "funding");
        out->stated_total_million_dong = chk.amount(*f, "stated_total_million_dong", false);
        out->stated_total_source = chk.text(*f, "stated_total_source", false);
        chk.finish();
    }
    read_items(*f, "sources", "funding.sources", sink, &out->sources,
               [&](ItemCheck& chk, const Element& el, const Json& v) {
        FundingSource s;
        s.id = chk.text(v, "id", true);
        s.label = chk.text(v, "label", true);
        chk.name_item(s.label.empty() ? s.id : s.label);
        s.name = chk.text(v, "name", true);
        s.group = chk.text(v, "group", false);
        const std::optional<double> amount = chk.amount(v, "amount_million_dong", true);
        s.investment_million_dong = chk.amount(v, "investment_million_dong", false);
        s.recurrent_million_dong = chk.amount(v, "recurrent_million_dong", false);
        s.source = chk.source(v);
        s.note = chk.text(v, "note", false);
        if (amount) {
            s.amount_million_dong = *amount;
            const double inv = s.investment_million_dong.value_or(0.0);
            const double rec = s.recurrent_million_dong.value_or(0.0);
            if (s.investment_million_dong && s.recurrent_million_dong &&
                std::fabs(inv + rec - *amount) > kAmountTolerance) {
                chk.fail(ErrorCode::invalid_data,
                         "đầu tư phát triển (" + format_number(inv) + ") + sự nghiệp (" + format_number(rec) +
                             ") = " + format_number(inv + rec) + " triệu đồng, khác số tiền của nguồn (" +
                             format_number(*amount) + " triệu đồng).",
                         "investment " + format_number_en(inv) + " + recurrent " + format_number_en(rec) +
                             " != amount " + format_number_en(*amount));
            } else if (inv + rec > *amount + kAmountTolerance) {
                chk.fail(ErrorCode::invalid_data,
                         "phần đầu tư phát triển hoặc sự nghiệp (" + format_number(inv + rec) +
                             " triệu đồng) lớn hơn số tiền của nguồn (" + format_number(*amount) + " triệu đồng).",
                         "investment/recurrent part exceeds the amount");
            }
        }
        if (chk.ok())
            check_unique(chk, el, s.id, "mã nguồn vốn " + in_quotes(s.id), "mỗi mã chỉ được dùng một lần.");
        return s;
    });
    if (out->stated_total_million_dong) {
        const double sum = funding_total_million_dong(*out);
        const double stated = *out->stated_total_million_dong;
        if (std::fabs(sum - stated) > kAmountTolerance) {
            ItemCheck chk(sink, "funding");
            chk.warn(ErrorCode::invalid_data,
                     "tổng các nguồn vốn đọc được là " + format_number(sum) +
                         " triệu đồng, khác tổng ghi trong kế hoạch (" + format_number(stated) + " triệu đồng).",
                     "sum of sources " + format_number_en(sum) + " != stated total " + format_number_en(stated));
            chk.finish();
        }
    }
}

std::optional<CalendarKind> calendar_kind_from_id(std::string_view id) {
    for (CalendarKind k : {CalendarKind::start, CalendarKind::deadline, CalendarKind::planned}) {
        if (id == calendar_kind_id(k)) return k;
    }
    return std::nullopt;
}

void read_calendar(const Json& root, const Sink& sink, const GazIndex& idx, std::vector<CalendarEvent>* out) {
    read_items(root, "calendar", "calendar", sink, out,
               [&](ItemCheck& chk, const Element&, const Json& v) {
        CalendarEvent e;
        e.id = chk.text(v, "id", true);
        chk.name_item(e.id);
        e.event = chk.text(v, "event", true);
        const std::string level = chk.text(v, "level", true);
        if (level == "xa") {
            e.level = asset::UnitType::xa;
        } else if (level == "huyen") {
            e.level = asset::UnitType::huyen;
        } else if (!level.empty()) {
            chk.fail(ErrorCode::invalid_data, "cấp " + in_quotes(level) + " không hợp lệ; chỉ dùng “xa” hoặc “huyen”.",
                     "level '" + level + "' must be xa or huyen");
        }
        e.district = chk.text(v, "district", false);
        e.date = chk.date(v, "date", true, true);
        const std::string kind = chk.text(v, "kind", true);
        if (!kind.empty()) {
            if (const auto k = calendar_kind_from_id(kind)) {
                e.kind = *k;
            } else {
                chk.fail(
                    ErrorCode::invalid_data,
                    "loại mốc " + in_quotes(kind) + " không hợp lệ; chỉ dùng “bat-dau”, “han-chot” hoặc “du-kien”.",
                    "kind '" + kind + "' must be bat-dau, han-chot or du-kien");
            }
        }
        e.source = chk.source(v);
        e.note = chk.text(v, "note", false);
        if (!e.district.empty()) check_district(chk, idx, e.district);
        return e;
    });
}

void read_tasks(const Json& root, const Sink& sink, std::vector<Task>* out) {
    read_items(root, "tasks", "tasks", sink, out,
               [&](ItemCheck& chk, const Element& el, const Json& v) {
        Task t;
        t.section = chk.text(v, "section", true);
        t.section_title = chk.text(v, "section_title", false);
        t.row = chk.integer(v, "row", true, 1, 1000).value_or(0);
        if (!t.section.empty() && t.row > 0) chk.name_item("mục " + t.section + ", dòng " + std::to_string(t.row));
        t.content = chk.text(v, "content", true);
        t.lead_agency = chk.text(v, "lead_agency", true);
        t.due = chk.date(v, "due", false, true);
        t.due_text = chk.text(v, "due_text", false);
        t.source = chk.source(v);
        t.note = chk.text(v, "note", false);
        if (chk.ok() && !t.due.is_set() && t.due_text.empty()) {
            chk.fail(ErrorCode::format, "thiếu thời hạn: cần “due” (YYYY-MM-DD hoặc YYYY-MM) hoặc “due_text”.",
                     "task needs 'due' or 'due_text'");
        }
        if (chk.ok()) {
            check_unique(chk, el, t.section + "\n" + std::to_string(t.row),
                         "dòng " + std::to_string(t.row) + " của mục " + t.section,
                         "mỗi dòng chỉ được ghi một lần.");
        }
        return t;
    });
}

// [SECTION] Loading: status file

void read_status_header(const Json& root, const Sink& sink, StatusFile* out) {
    ItemCheck chk(sink, "");  // top-level fields: problems name the file only
    out->plan_number = chk.text(root, "plan", false);
    out->as_of = chk.date(root, "as_of", false, false);
    out->prepared_by = chk.text(root, "prepared_by", false);
    chk.finish();
}

void read_status_units(const Json& root, const Sink& sink, const GazIndex& idx, std::vector<UnitStatus>* out) {
    read_items(root, "units", "units", sink, out,
               [&](ItemCheck& chk, const Element& el, const Json& v) {
        UnitStatus u;
        u.unit.district = chk.text(v, "district", true);
        u.unit.commune = chk.text(v, "commune", false);
        chk.name_unit(u.unit.district, u.unit.commune);
        u.standard = chk.standard(v, "standard", true).value_or(Standard::none);
        u.recognised_on = chk.date(v, "recognised_on", false, false);
        u.decision = chk.text(v, "decision", false);
        u.criteria_met = chk.integer(v, "criteria_met", false, 0, kMaxCriteria).value_or(-1);
        u.note = chk.text(v, "note", false);
        if (chk.ok() && u.standard == Standard::none && (u.recognised_on.is_set() || !u.decision.empty())) {
            chk.fail(ErrorCode::invalid_data,
                     "có ngày hoặc quyết định công nhận nhưng “standard” là null; ghi mức chuẩn đã được công nhận.",
                     "recognised_on/decision given without a standard");
        }
        if (!u.unit.district.empty()) {
            std::optional<asset::UnitType> type;
            if (u.unit.commune.empty()) {
                if (check_district(chk, idx, u.unit.district)) type = idx.district_type(u.unit.district);
            } else {
                type = check_commune(chk, idx, u.unit.district, u.unit.commune);
            }
            if (type) {
                const std::string& name = u.unit.commune.empty() ? u.unit.district : u.unit.commune;
                check_standard_applies(chk, u.standard, *type, name);
            }
        }
        if (chk.ok()) {
            const std::string label =
                u.unit.commune.empty() ? u.unit.district : in_quotes(u.unit.commune) + " (" + u.unit.district + ")";
            check_unique(chk, el, u.unit.district + "\n" + u.unit.commune, label);
        }
        return u;
    });
}

}  // namespace

// [SECTION] Loading: entry points

PlanLoad load_plan(std::string_view json_text, std::string_view file_name, const Gazetteer& gaz) {
    PlanLoad out;
    const Sink sink{std::string(file_name), &out.problems};
    Document root;
    if (open_file(json_text, sink, "ntm-plan", &root)) {
        const GazIndex idx(gaz);
        read_document(root, sink, &out.plan.document);
        read_notes(root, sink, &out.plan.transcription_notes);
        read_commune_targets(root, sink, idx, &out.plan.commune_targets);
        read_district_targets(root, sink, idx, &out.plan.district_targets);
        read_models(root, sink, idx, &out.plan.models);
        read_funding(root, sink, &out.plan.funding);
        read_calendar(root, sink, idx, &out.plan.calendar);
        read_tasks(root, sink, &out.plan.tasks);
    }
    compose_messages(&out.problems);
    return out;
}

StatusLoad load_status(std::string_view json_text, std::string_view file_name, const Gazetteer& gaz) {
    StatusLoad out;
    const Sink sink{std::string(file_name), &out.problems};
    Document root;
    if (open_file(json_text, sink, "ntm-status", &root)) {
        const GazIndex idx(gaz);
        read_status_header(root, sink, &out.status);
        read_status_units(root, sink, idx, &out.status.units);
    }
    compose_messages(&out.problems);
    return out;
}

}  // namespace ntm::plan
