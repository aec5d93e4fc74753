// tour.cpp — see tour.hpp; the file format is described in geodata/tour/FORMAT.md.
//
// RapidJSON's DOM through json_fields, as plan.cpp: a type check before every Get*() (RapidJSON
// asserts on the wrong type).
// Problems are plan::Problem with the same message shape as the plan loader's, so the app
// lists both files' problems the same way.
#include "core/tour.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/json_fields.hpp"
#include "core/text.hpp"

namespace ntm::tour {

using Json = json_fields::Json;
using Document = json_fields::Document;
using json_fields::str;
using json_fields::type_en;
using json_fields::find_field;
using json_fields::in_quotes;
using json_fields::type_vi;

const char* panel_id(Panel p) {
    switch (p) {
        case Panel::funding:
            return "funding";
        case Panel::calendar:
            return "calendar";
        case Panel::models:
            return "models";
        case Panel::legend:
            return "legend";
        case Panel::none:
            break;
    }
    return "";
}

std::optional<Panel> panel_from_id(std::string_view id) {
    for (Panel p : {Panel::funding, Panel::calendar, Panel::models, Panel::legend}) {
        if (id == panel_id(p)) return p;
    }
    return std::nullopt;
}

const std::string& step_title(const Step& s, bool english) { return english && !s.title_en.empty() ? s.title_en : s.title; }
const std::string& step_text(const Step& s, bool english) { return english && !s.text_en.empty() ? s.text_en : s.text; }

namespace {

constexpr double kMaxLon = 180.0;
constexpr double kMaxLat = 85.0511287798;  // Web Mercator limit

// [SECTION] Problems

// Collects problems; message_vi/detail_en are composed when each is added.
struct Report {
    std::string file;
    std::vector<plan::Problem>* out = nullptr;

    // dropped_note: what happened to the item, appended to the message ("Bước này bị bỏ qua.").
    void add(std::string item, ErrorCode code, std::string reason_vi, std::string detail_en, bool dropped,
             const char* dropped_note_vi = "", const char* dropped_note_en = "") const {
        plan::Problem p;
        p.file = file;
        p.item = std::move(item);
        p.code = code;
        p.reason_vi = std::move(reason_vi);
        const std::string where = p.item.empty() ? p.file : p.file + " — " + p.item;
        p.message_vi = where + ": " + p.reason_vi + (*dropped_note_vi ? std::string(" ") + dropped_note_vi : "");
        p.detail_en = where + ": " + detail_en + (*dropped_note_en ? std::string(" (") + dropped_note_en + ")" : "");
        p.item_dropped = dropped;
        out->push_back(std::move(p));
    }
    void file_problem(ErrorCode code, std::string reason_vi, std::string detail_en) const {
        add("", code, std::move(reason_vi), std::move(detail_en), false);
    }
};

// [SECTION] Unit names

std::string name_key(std::string_view name) {
    std::string out;
    for (char c : text::fold_vi(name)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string strip_type_word(const std::string& key) {
    for (std::string_view p : {"thanh pho ", "thi tran ", "thi xa ", "phuong ", "huyen ", "xa "}) {
        if (key.compare(0, p.size(), p) == 0) return key.substr(p.size());
    }
    return key;
}

// The candidate that folds to the same name as `query` (accents, case, spacing, or a missing
// type word), or "". Tour files are short and typed by hand: these are the slips that happen.
std::string same_name_folded(std::string_view query, const std::vector<std::string>& candidates) {
    const std::string q = name_key(query);
    const std::string q_bare = strip_type_word(q);
    for (const std::string& c : candidates) {
        const std::string k = name_key(c);
        if (k == q || strip_type_word(k) == q || strip_type_word(k) == q_bare) return c;
    }
    return "";
}

bool has_combining_marks(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size()) {
        const uint32_t cp = text::next_code_point(s, &pos);
        if (cp >= 0x0300 && cp <= 0x036F) return true;
    }
    return false;
}

std::string hint_vi(std::string_view query, const std::string& near, const std::string& near_district) {
    if (near.empty()) return ".";
    std::string s = "; có phải " + in_quotes(near) + (near_district.empty() ? "" : " (" + near_district + ")") + "?";
    // The two names may look identical: say why they differ.
    if (has_combining_marks(query)) {
        s += " Tên đang dùng dấu tổ hợp (Unicode tổ hợp); hãy gõ lại bằng Unicode dựng sẵn.";
    } else if (name_key(query) == name_key(near)) {
        s += " Hai tên chỉ khác nhau ở dấu hoặc chữ hoa, chữ thường.";
    }
    return s;
}

class Units {
public:
    explicit Units(const plan::Gazetteer& gaz) : gaz_(gaz) {
        for (const plan::GazetteerUnit& u : gaz.units) {
            if (!u.district.empty() && std::find(districts_.begin(), districts_.end(), u.district) == districts_.end())
                districts_.push_back(u.district);
        }
    }

    // "" when the unit exists, else the reason (Vietnamese) and, through *detail, English.
    std::string check(const plan::UnitRef& u, std::string* detail) const {
        if (std::find(districts_.begin(), districts_.end(), u.district) == districts_.end()) {
            const std::string near = same_name_folded(u.district, districts_);
            *detail = "unknown district '" + u.district + "'" + (near.empty() ? "" : ", did you mean '" + near + "'?");
            return "không có huyện, thị xã hay thành phố tên " + in_quotes(u.district) + " trong bản đồ" +
                   hint_vi(u.district, near, "");
        }
        if (u.commune.empty()) return "";
        std::vector<std::string> here, elsewhere;
        for (const plan::GazetteerUnit& g : gaz_.units) {
            if (g.commune.empty()) continue;
            if (g.district == u.district) {
                if (g.commune == u.commune) return "";
                here.push_back(g.commune);
            } else if (g.commune == u.commune) {
                elsewhere.push_back(g.district);
            }
        }
        if (!elsewhere.empty()) {
            *detail = "'" + u.commune + "' is not in '" + u.district + "' but in '" + elsewhere.front() + "'";
            std::string list;
            for (size_t i = 0; i < elsewhere.size(); ++i) list += (i ? ", " : "") + elsewhere[i];
            return in_quotes(u.commune) + " không thuộc " + u.district + " mà thuộc " + list + ".";
        }
        const std::string near = same_name_folded(u.commune, here);
        *detail = "no commune '" + u.commune + "' in '" + u.district + "'" +
                  (near.empty() ? "" : ", did you mean '" + near + "'?");
        return "không có " + in_quotes(u.commune) + " trong " + u.district + hint_vi(u.commune, near, "");
    }

private:
    const plan::Gazetteer& gaz_;
    std::vector<std::string> districts_;
};

// [SECTION] One step

// Reads one element of "steps"; problems go to `report` under the step's label.
class StepReader {
public:
    StepReader(const Report& report, const Units& units, size_t index) : report_(report), units_(units), index_(index) {}

    std::optional<Step> read(const Json& obj) {
        if (!obj.IsObject()) {
            fail(ErrorCode::format, std::string("mỗi bước phải là một đối tượng { ... }, không phải ") + type_vi(obj) + ".",
                 std::string("a step must be an object, got ") + type_en(obj));
            return flush();
        }
        Step s;
        s.title = text(obj, "title", true);
        if (!s.title.empty()) title_ = s.title;
        s.text = text(obj, "text", true);
        s.title_en = text(obj, "title_en", false);
        s.text_en = text(obj, "text_en", false);
        camera(obj, &s.camera);
        layer(obj, &s.layer);
        panel(obj, &s.panel);
        highlight(obj, &s.highlight);
        unknown_keys(obj);
        std::optional<Step> kept = flush();
        if (kept) *kept = std::move(s);
        return kept;
    }

    // Public for json_fields::read_text.
    void fail(ErrorCode code, std::string reason_vi, std::string detail_en) {
        ok_ = false;
        pending_.push_back({code, std::move(reason_vi), std::move(detail_en), true, "", false});
    }
    // sub_item: "highlight[2]" for a problem of one highlight entry; lost: that entry is not highlighted.
    void warn(ErrorCode code, std::string reason_vi, std::string detail_en, std::string sub_item = "", bool lost = true) {
        pending_.push_back({code, std::move(reason_vi), std::move(detail_en), false, std::move(sub_item), lost});
    }

private:
    std::string label() const {
        std::string l = "bước " + std::to_string(index_ + 1);
        if (!title_.empty()) l += " " + in_quotes(title_);
        return l + " (steps[" + std::to_string(index_) + "])";
    }

    // Emits the problems under the final label (the title is known by then); the step if kept.
    std::optional<Step> flush() {
        const std::string l = label();
        for (Pending& p : pending_) {
            std::string item = p.sub_item.empty() ? l : l + ", " + p.sub_item;
            const bool dropped = !ok_ && p.fatal;
            if (dropped) {
                report_.add(std::move(item), p.code, std::move(p.reason_vi), std::move(p.detail_en), true,
                            "Bước này bị bỏ qua.", "step dropped");
            } else if (!p.sub_item.empty() && p.highlight_lost) {
                report_.add(std::move(item), p.code, std::move(p.reason_vi), std::move(p.detail_en), false,
                            "Đơn vị này không được tô sáng.", "highlight entry ignored");
            } else {
                report_.add(std::move(item), p.code, std::move(p.reason_vi), std::move(p.detail_en), false);
            }
        }
        pending_.clear();
        return ok_ ? std::optional<Step>(Step{}) : std::nullopt;
    }

    // A string field: json_fields::read_text (missing, wrong type, too long, bytes that were not UTF-8).
    std::string text(const Json& obj, const char* key, bool required) {
        return json_fields::read_text(*this, obj, key, required);
    }

    // A unit object {"district": …, "commune": …}: false with a problem when it is malformed.
    bool unit_ref(const Json& obj, plan::UnitRef* out, std::string* reason_vi, std::string* detail_en) {
        const Json* d = find_field(obj, "district");
        const Json* c = find_field(obj, "commune");
        if (d == nullptr || !d->IsString() || d->GetStringLength() == 0) {
            *reason_vi = "thiếu tên huyện (trường “district”).";
            *detail_en = "missing string field 'district'";
            return false;
        }
        if (c != nullptr && !c->IsNull() && !c->IsString()) {
            *reason_vi = std::string("trường “commune” phải là chuỗi ký tự hoặc null, không phải ") + type_vi(*c) + ".";
            *detail_en = std::string("field 'commune' must be a string or null, got ") + type_en(*c);
            return false;
        }
        for (const auto& [key, v] : {std::pair<const char*, const Json*>{"district", d}, {"commune", c}}) {
            if (v != nullptr && v->IsString() &&
                v->GetStringLength() > json_fields::kMaxTextBytes) {
                *reason_vi = json_fields::too_long_vi(key, v->GetStringLength());
                *detail_en =
                    std::string("field '") + key + "' over " + std::to_string(json_fields::kMaxTextBytes) + " bytes";
                return false;
            }
        }
        out->district = std::string(str(*d));
        out->commune = c != nullptr && c->IsString() ? std::string(str(*c)) : "";
        *reason_vi = units_.check(*out, detail_en);
        // A name with a “�” is unknown; say why it cannot match.
        const bool bad_district = json_fields::has_replacement_char(out->district);
        if (!reason_vi->empty() && (bad_district || json_fields::has_replacement_char(out->commune))) {
            std::string why = json_fields::replacement_char_vi(bad_district ? "district" : "commune");
            why[0] = 'T';  // "trường …" starts a sentence here
            *reason_vi += " " + why;
            *detail_en += " (contains U+FFFD: bytes that were not UTF-8)";
        }
        return reason_vi->empty();
    }

    bool number(const Json& obj, const char* key, double lo, double hi, double* out) {
        const Json* v = find_field(obj, key);
        if (v == nullptr || !v->IsNumber()) {
            fail(ErrorCode::format,
                 "camera: trường " + in_quotes(key) + " phải là một số" +
                     (v == nullptr ? std::string(" (đang thiếu).") : std::string(", không phải ") + type_vi(*v) + "."),
                 std::string("camera field '") + key + "' must be a number");
            return false;
        }
        const double x = v->GetDouble();
        if (!std::isfinite(x) || x < lo || x > hi) {
            char range[64];
            std::snprintf(range, sizeof range, "%g đến %g", lo, hi);
            fail(ErrorCode::invalid_data, "camera: trường " + in_quotes(key) + " phải từ " + range + ".",
                 std::string("camera field '") + key + "' out of range");
            return false;
        }
        *out = x;
        return true;
    }

    void camera(const Json& obj, CameraTarget* cam) {
        const Json* v = find_field(obj, "camera");
        if (v == nullptr || v->IsNull()) {
            fail(ErrorCode::format, "thiếu trường “camera” (“province”, một huyện, một xã hoặc {lon, lat, zoom}).",
                 "missing field 'camera'");
            return;
        }
        if (v->IsString()) {
            if (str(*v) == "province") return;  // the default target
            fail(ErrorCode::invalid_data,
                 "camera " + in_quotes(str(*v)) +
                     " không hợp lệ; dùng “province” (toàn tỉnh) hoặc một đối tượng, ví dụ {\"district\": \"Huyện Trần Đề\"}.",
                 "camera string must be 'province'");
            return;
        }
        if (!v->IsObject()) {
            fail(ErrorCode::format, std::string("trường “camera” phải là “province” hoặc một đối tượng, không phải ") +
                                        type_vi(*v) + ".",
                 std::string("field 'camera' must be 'province' or an object, got ") + type_en(*v));
            return;
        }
        const bool has_unit = find_field(*v, "district") != nullptr || find_field(*v, "commune") != nullptr;
        const bool has_point = find_field(*v, "lon") != nullptr || find_field(*v, "lat") != nullptr ||
                               find_field(*v, "zoom") != nullptr;
        if (has_unit == has_point) {
            fail(ErrorCode::format,
                 has_unit ? "camera ghi cả đơn vị lẫn tọa độ; chỉ chọn một trong hai."
                          : "camera phải có “district” (và “commune” nếu là xã) hoặc “lon”, “lat”, “zoom”.",
                 has_unit ? "camera has both a unit and lon/lat/zoom" : "camera has neither a unit nor lon/lat/zoom");
            return;
        }
        if (has_point) {
            cam->kind = CameraKind::lonlat;
            // Each number is checked on its own so every bad one is reported.
            number(*v, "lon", -kMaxLon, kMaxLon, &cam->lon);
            number(*v, "lat", -kMaxLat, kMaxLat, &cam->lat);
            number(*v, "zoom", kMinZoom, kMaxZoom, &cam->zoom);
            return;
        }
        std::string reason, detail;
        if (!unit_ref(*v, &cam->unit, &reason, &detail)) {
            fail(ErrorCode::invalid_data, "camera: " + reason, "camera: " + detail);
            return;
        }
        cam->kind = cam->unit.commune.empty() ? CameraKind::district : CameraKind::commune;
    }

    void layer(const Json& obj, std::optional<legend::Layer>* out) {
        const Json* v = find_field(obj, "layer");
        if (v == nullptr || v->IsNull()) return;
        legend::Layer l;
        if (v->IsString() && legend::layer_from_id(std::string(str(*v)), &l)) {
            *out = l;
            return;
        }
        const std::string shown = v->IsString() ? in_quotes(str(*v)) : type_vi(*v);
        fail(ErrorCode::invalid_data,
             "lớp bản đồ " + shown + " không hợp lệ; chỉ dùng “muc-tieu-2024”, “hien-trang” hoặc “ranh-gioi” (hoặc null để giữ lớp đang xem).",
             "unknown layer id");
    }

    void panel(const Json& obj, Panel* out) {
        const Json* v = find_field(obj, "panel");
        if (v == nullptr || v->IsNull()) return;
        if (v->IsString()) {
            if (const std::optional<Panel> p = panel_from_id(str(*v))) {
                *out = *p;
                return;
            }
        }
        const std::string shown = v->IsString() ? in_quotes(str(*v)) : type_vi(*v);
        fail(ErrorCode::invalid_data,
             "bảng " + shown + " không hợp lệ; chỉ dùng “funding”, “calendar”, “models”, “legend” hoặc null.",
             "unknown panel id");
    }

    void highlight(const Json& obj, std::vector<plan::UnitRef>* out) {
        const Json* v = find_field(obj, "highlight");
        if (v == nullptr || v->IsNull()) return;
        if (!v->IsArray()) {
            warn(ErrorCode::format,
                 std::string("trường “highlight” phải là một danh sách [ ... ], không phải ") + type_vi(*v) +
                     "; không tô sáng đơn vị nào.",
                 std::string("field 'highlight' must be an array, got ") + type_en(*v) + " (ignored)");
            return;
        }
        for (size_t i = 0; i < v->Size(); ++i) {
            const Json& e = (*v)[rapidjson::SizeType(i)];
            const std::string sub = "highlight[" + std::to_string(i) + "]";
            plan::UnitRef u;
            std::string reason, detail;
            if (!e.IsObject()) {
                warn(ErrorCode::format, std::string("mỗi đơn vị tô sáng phải là một đối tượng {\"district\": …, \"commune\": …}, không phải ") +
                                            type_vi(e) + ".",
                     std::string("highlight entry must be an object, got ") + type_en(e), sub);
            } else if (!unit_ref(e, &u, &reason, &detail)) {
                warn(ErrorCode::invalid_data, reason, detail, sub);
            } else if (std::find_if(out->begin(), out->end(), [&u](const plan::UnitRef& o) {
                           return o.district == u.district && o.commune == u.commune;
                       }) != out->end()) {
                warn(ErrorCode::invalid_data, "đơn vị này đã có ở trên trong danh sách tô sáng; dòng lặp lại được bỏ qua.",
                     "duplicate highlight entry ignored", sub, false);
            } else {
                out->push_back(std::move(u));
            }
        }
    }

    // A misspelt optional key ("tittle_en", "higlight") would silently do nothing: say so.
    void unknown_keys(const Json& obj) {
        static constexpr const char* kKnown[] = {"title", "text", "title_en", "text_en", "camera", "layer", "highlight", "panel", "note"};
        for (const auto& m : obj.GetObject()) {
            const std::string_view k = str(m.name);
            if (std::none_of(std::begin(kKnown), std::end(kKnown), [&k](const char* known) { return k == known; })) {
                warn(ErrorCode::format, "trường " + in_quotes(k) + " không được dùng (viết sai tên trường?); trường này bị bỏ qua.",
                     "unknown field '" + json_fields::clip(k) + "' ignored");
            }
        }
    }

    struct Pending {
        ErrorCode code;
        std::string reason_vi;
        std::string detail_en;
        bool fatal;
        std::string sub_item;  // "highlight[2]" for a highlight entry
        bool highlight_lost;   // the entry is not highlighted (not said of a duplicate)
    };

    const Report& report_;
    const Units& units_;
    size_t index_;
    std::string title_;
    bool ok_ = true;
    std::vector<Pending> pending_;
};

// [SECTION] The file

constexpr const char* kNothingRead = "không đọc được bước nào.";

// Parses the text (json_fields::parse: size, encoding, nesting, syntax) and checks its header;
// false when nothing can be read, the problems saying why.
bool open_file(std::string_view t, const Report& report, Document* out) {
    json_fields::Parsed f = json_fields::open(t, "ntm-tour", kFormatVersion, kNothingRead);
    for (json_fields::FileProblem& p : f.problems)
        report.file_problem(p.code, std::move(p.reason_vi), std::move(p.detail_en));
    if (f.ok) *out = std::move(f.root);
    return f.ok;
}

// A top-level string field (title, title_en): problems name the file only.
std::string optional_text(const Json& root, const char* key, const Report& report) {
    struct FileCheck {
        const Report& report;
        void fail(ErrorCode code, std::string vi, std::string en) { warn(code, std::move(vi), std::move(en)); }
        void warn(ErrorCode code, std::string vi, std::string en) {
            report.add("", code, std::move(vi), std::move(en), false);
        }
    } chk{report};
    return json_fields::read_text(chk, root, key, false);
}

int idle_seconds(const Json& root, const Report& report) {
    const Json* v = find_field(root, "idle_return_seconds");
    if (v == nullptr || v->IsNull()) return kDefaultIdleReturnSeconds;
    bool too_big = false;
    const std::optional<int64_t> s = json_fields::whole_number(*v, &too_big);
    if (s && *s >= 0 && *s <= kMaxIdleReturnSeconds) return static_cast<int>(*s);
    const bool integer = s || too_big;
    report.add("idle_return_seconds", integer ? ErrorCode::invalid_data : ErrorCode::format,
               "phải là số giây, số nguyên từ 0 (không tự quay về) đến " + std::to_string(kMaxIdleReturnSeconds) +
                   "; dùng mặc định " + std::to_string(kDefaultIdleReturnSeconds) + " giây.",
               "must be an integer number of seconds in [0, " + std::to_string(kMaxIdleReturnSeconds) + "]; using " +
                   std::to_string(kDefaultIdleReturnSeconds),
               false);
    return kDefaultIdleReturnSeconds;
}

}  // namespace

TourLoad load_tour(std::string_view json_text, std::string_view file_name, const plan::Gazetteer& gaz) {
    TourLoad r;
    const Report report{std::string(file_name), &r.problems};
    Document root;
    if (!open_file(json_text, report, &root)) return r;

    r.tour.title = optional_text(root, "title", report);
    r.tour.title_en = optional_text(root, "title_en", report);
    r.tour.idle_return_seconds = idle_seconds(root, report);

    const Json* steps = find_field(root, "steps");
    if (steps == nullptr || !steps->IsArray()) {
        report.file_problem(ErrorCode::format,
                            steps == nullptr ? "thiếu mục “steps” (danh sách các bước)."
                                             : std::string("mục “steps” phải là một danh sách [ ... ], không phải ") +
                                                   type_vi(*steps) + ".",
                            "missing or non-array section 'steps'");
        return r;
    }
    const Units units(gaz);
    for (size_t i = 0; i < steps->Size(); ++i) {
        StepReader reader(report, units, i);
        if (std::optional<Step> s = reader.read((*steps)[rapidjson::SizeType(i)])) r.tour.steps.push_back(std::move(*s));
    }
    if (r.tour.steps.empty()) {
        report.file_problem(ErrorCode::invalid_data, "không có bước hợp lệ nào; chế độ trình chiếu chỉ hiện toàn tỉnh.",
                            "no valid step");
    }
    return r;
}

}  // namespace ntm::tour
