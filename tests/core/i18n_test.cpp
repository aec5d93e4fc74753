#include "core/i18n.hpp"

#include <catch2/catch.hpp>

#include "test_files.hpp"
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/asset.hpp"
#include "core/legend.hpp"
#include "core/plan.hpp"
#include "core/text.hpp"

using namespace ntm;
using namespace ntm::i18n;

namespace {

using ntm::test::read_text;

Key key_at(size_t i) { return static_cast<Key>(i); }

// Restores Vietnamese however a test ends, so other tests see the default.
struct LanguageGuard {
    ~LanguageGuard() { set_language(Lang::vi); }
};

// The printf conversions of a format string, in order: "Bước %d/%d" → {"%d", "%d"}. "%%" is text.
std::vector<std::string> placeholders(const std::string& s) {
    std::vector<std::string> out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') continue;
        if (i + 1 < s.size() && s[i + 1] == '%') {
            ++i;
            continue;
        }
        size_t j = i + 1;
        while (j < s.size() && std::string("-+ #0123456789.*hlLzjt").find(s[j]) != std::string::npos) ++j;
        if (j < s.size()) out.push_back(s.substr(i, j - i + 1));
        i = j;
    }
    return out;
}

// [SECTION] Reading the string literals of a C++ header

struct Literal {
    std::string name;   // "kAppTitle" for `kAppTitle = "…";`, else "" (e.g. inside an array)
    std::string value;  // adjacent literals joined, escapes decoded
};

// Every string literal (adjacent ones joined, as the compiler does) outside comments, with
// the constant it initialises when it is `name = "…"`. Enough C++ for strings_vi.hpp.
std::vector<Literal> header_literals(const std::string& src) {
    std::vector<Literal> out;
    size_t i = 0;
    size_t statement_start = 0;  // after the last ';', '{', '}' or ','
    bool in_group = false;
    while (i < src.size()) {
        const char c = src[i];
        if (c == '/' && i + 1 < src.size() && src[i + 1] == '/') {
            while (i < src.size() && src[i] != '\n') ++i;
            continue;
        }
        if (c == '/' && i + 1 < src.size() && src[i + 1] == '*') {
            const size_t end = src.find("*/", i + 2);
            i = end == std::string::npos ? src.size() : end + 2;
            continue;
        }
        if (c == '"') {
            const size_t literal_start = i;
            std::string value;
            ++i;
            while (i < src.size() && src[i] != '"') {
                if (src[i] == '\\' && i + 1 < src.size()) {
                    const char e = src[i + 1];
                    value.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                    i += 2;
                } else {
                    value.push_back(src[i++]);
                }
            }
            ++i;  // closing quote
            if (in_group) {
                out.back().value += value;
            } else {
                Literal lit;
                lit.value = value;
                const std::string prefix = src.substr(statement_start, literal_start - statement_start);
                const size_t eq = prefix.rfind('=');
                if (eq != std::string::npos && prefix.find_first_not_of(" \t\r\n", eq + 1) == std::string::npos) {
                    size_t end = prefix.find_last_not_of(" \t\r\n", eq - 1);
                    size_t begin = end;
                    while (begin > 0 && (std::isalnum(static_cast<unsigned char>(prefix[begin - 1])) || prefix[begin - 1] == '_'))
                        --begin;
                    lit.name = prefix.substr(begin, end - begin + 1);
                }
                out.push_back(lit);
                in_group = true;
            }
            continue;
        }
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') in_group = false;
        if (c == ';' || c == '{' || c == '}' || c == ',') statement_start = i + 1;
        ++i;
    }
    return out;
}

// kAppTitle → app_title, kPopulation2009 → population2009.
std::string snake_id(const std::string& constant) {
    std::string out;
    for (size_t i = 1; i < constant.size(); ++i) {
        const char c = constant[i];
        if (c >= 'A' && c <= 'Z') {
            if (i > 1) out.push_back('_');
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        } else {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace

TEST_CASE("The header reader sees names, joined literals and escapes", "[i18n]") {
    const std::vector<Literal> ls = header_literals(
        "// \"comment\"\ninline constexpr const char* kA = \"x\";\ninline constexpr const char* kLongOne =\n"
        "    \"a \" \"b\\\"c\\\"\";\ninline constexpr const char* kT[][2] = {{\"k\", \"v\"}};");
    REQUIRE(ls.size() == 4);
    CHECK(ls[0].name == "kA");
    CHECK(ls[0].value == "x");
    CHECK(ls[1].name == "kLongOne");
    CHECK(ls[1].value == "a b\"c\"");
    CHECK(ls[2].name.empty());
    CHECK(ls[2].value == "k");
    CHECK(ls[3].value == "v");
    CHECK(snake_id("kAppTitle") == "app_title");
    CHECK(snake_id("kPopulation2009") == "population2009");
    CHECK(placeholders("Bước %d/%d, 50%% %s %5.1f") == std::vector<std::string>{"%d", "%d", "%s", "%5.1f"});
}

TEST_CASE("Every key has text in both languages", "[i18n]") {
    std::set<std::string> ids;
    for (size_t i = 0; i < kKeyCount; ++i) {
        const Key k = key_at(i);
        const std::string vi = tr(k, Lang::vi), en = tr(k, Lang::en);
        INFO(key_id(k) << ": vi \"" << vi << "\", en \"" << en << "\"");
        CHECK(ids.insert(key_id(k)).second);
        CHECK_FALSE(std::string(key_id(k)).empty());
        CHECK_FALSE(vi.empty());
        CHECK_FALSE(en.empty());
        CHECK(text::is_valid_utf8(vi));
        CHECK(text::is_valid_utf8(en));
        // printf-style placeholders match, so ImGui::Text(tr(k), …) is safe in either language.
        CHECK(placeholders(vi) == placeholders(en));
        // English equals Vietnamese only where that is the point (names, symbols, key names).
        CHECK((vi == en) == same_in_both_languages(k));
        // Leading and trailing spaces are part of joined pieces: both languages keep them alike.
        CHECK((vi.front() == ' ') == (en.front() == ' '));
        CHECK((vi.back() == ' ') == (en.back() == ' '));
    }
    CHECK(ids.size() == kKeyCount);
    CHECK(std::string(tr(Key::count, Lang::en)).empty());
    CHECK(std::string(key_id(Key::count)).empty());
}

TEST_CASE("No widget hard-codes Vietnamese text: every UI string goes through the table", "[i18n]") {
    // String literals (comments stripped) of the UI and app sources whose text changes when
    // Vietnamese diacritics are folded are Vietnamese words typed into a widget.
    for (const char* file : {"/src/ui/panels.cpp", "/src/ui/funding_panel.cpp", "/src/ui/calendar_panel.cpp",
                             "/src/ui/markers.cpp", "/src/ui/chart.cpp", "/src/ui/strings.cpp", "/src/app/app.cpp"}) {
        const std::string src = read_text(std::string(NTM_SOURCE_DIR) + file);
        REQUIRE_FALSE(src.empty());
        std::string code;
        for (size_t i = 0; i < src.size(); ++i) {
            if (src.compare(i, 2, "//") == 0) {
                while (i < src.size() && src[i] != '\n') ++i;
            }
            if (i < src.size()) code += src[i];
        }
        for (size_t i = 0; i < code.size(); ++i) {
            if (code[i] != '"' || (i > 0 && code[i - 1] == '\\') || (i > 0 && code[i - 1] == '\'')) continue;
            size_t j = i + 1;
            while (j < code.size() && !(code[j] == '"' && code[j - 1] != '\\')) ++j;
            const std::string lit = code.substr(i + 1, j - i - 1);
            std::string lower;
            for (char c : lit) lower += char(std::tolower(static_cast<unsigned char>(c)));
            INFO(file << ": \"" << lit << "\"");
            CHECK(ntm::text::fold_vi(lit) == lower);
            i = j;
        }
    }
}

TEST_CASE("The core's Vietnamese labels have keys with the same text", "[i18n]") {
    using legend::Class;
    using legend::Layer;
    const auto same = [](Key k, const char* core) {
        INFO(key_id(k));
        CHECK(std::string(tr(k, Lang::vi)) == core);
    };
    same(Key::layer_targets, legend::layer_label_vi(Layer::targets));
    same(Key::layer_status, legend::layer_label_vi(Layer::status));
    same(Key::layer_boundaries, legend::layer_label_vi(Layer::boundaries));
    same(Key::class_kieu_mau, legend::class_label_vi(Layer::targets, Class::kieu_mau));
    same(Key::class_nang_cao, legend::class_label_vi(Layer::targets, Class::nang_cao));
    same(Key::class_ntm, legend::class_label_vi(Layer::targets, Class::ntm));
    same(Key::class_none_targets, legend::class_label_vi(Layer::targets, Class::none));
    same(Key::class_none_status, legend::class_label_vi(Layer::status, Class::none));
    same(Key::class_no_data, legend::class_label_vi(Layer::status, Class::no_data));
    same(Key::class_not_applicable, legend::class_label_vi(Layer::status, Class::not_applicable));
    same(Key::standard_ntm, plan::standard_label_vi(plan::Standard::ntm));
    same(Key::standard_nang_cao, plan::standard_label_vi(plan::Standard::nang_cao));
    same(Key::standard_kieu_mau, plan::standard_label_vi(plan::Standard::kieu_mau));
    same(Key::standard_none, plan::standard_label_vi(plan::Standard::none));
    same(Key::standard_town_ntm, plan::unit_standard_label_vi(plan::Standard::ntm, asset::UnitType::thi_xa));
    same(Key::milestone_recognition, plan::milestone_label_vi(plan::DistrictMilestone::recognition));
    same(Key::milestone_dossier, plan::milestone_label_vi(plan::DistrictMilestone::dossier));
    same(Key::unit_xa, asset::unit_type_label_vi(asset::UnitType::xa));
    same(Key::unit_phuong, asset::unit_type_label_vi(asset::UnitType::phuong));
    same(Key::unit_thi_tran, asset::unit_type_label_vi(asset::UnitType::thi_tran));
    same(Key::unit_huyen, asset::unit_type_label_vi(asset::UnitType::huyen));
    same(Key::unit_thi_xa, asset::unit_type_label_vi(asset::UnitType::thi_xa));
    same(Key::unit_thanh_pho, asset::unit_type_label_vi(asset::UnitType::thanh_pho));
    same(Key::unit_tinh, asset::unit_type_label_vi(asset::UnitType::tinh));
    same(Key::unit_other, asset::unit_type_label_vi(asset::UnitType::other));

    // The legend row formats give legend::rows' Vietnamese labels.
    const std::vector<Class> classes = {Class::nang_cao, Class::nang_cao, Class::not_applicable};
    for (const legend::Row& row : legend::rows(Layer::targets, classes)) {
        char buf[160];
        const Key fmt = row.cls == Class::not_applicable ? Key::legend_row_units : Key::legend_row_communes;
        std::snprintf(buf, sizeof buf, tr(fmt, Lang::vi), legend::class_label_vi(Layer::targets, row.cls), row.count);
        CHECK(row.label_vi == buf);
    }
}

namespace {
// The code points the shipped fonts hold: scripts/setup.sh cuts Noto Sans to the lists in its
// `latin`, `vietnamese` and `punctuation` variables and merges in the math symbols of its
// NotoSansMath line (ImGui 1.90 bakes a fixed glyph set: anything else draws as "?").
std::vector<std::pair<uint32_t, uint32_t>> shipped_glyph_ranges() {
    const std::string setup = read_text(NTM_SOURCE_DIR "/scripts/setup.sh");
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    auto parse = [&](const std::string& marker) {
        const size_t at = setup.find(marker);
        REQUIRE(at != std::string::npos);
        const size_t from = at + marker.size();
        std::stringstream list(setup.substr(from, setup.find('"', from) - from));
        for (std::string part; std::getline(list, part, ',');) {
            REQUIRE(part.rfind("U+", 0) == 0);
            const size_t dash = part.find('-');
            const uint32_t lo = uint32_t(std::stoul(part.substr(2, dash == std::string::npos ? std::string::npos : dash - 2), nullptr, 16));
            const uint32_t hi = dash == std::string::npos ? lo : uint32_t(std::stoul(part.substr(dash + 1), nullptr, 16));
            ranges.emplace_back(lo, hi);
        }
    };
    parse("latin=\"");
    parse("vietnamese=\"");
    parse("punctuation=\"");
    parse("NotoSansMath-Regular.ttf\" --unicodes=\"");
    return ranges;
}
}  // namespace

TEST_CASE("Every character of the table has a glyph in the UI fonts", "[i18n]") {
    const auto ranges = shipped_glyph_ranges();
    const auto has_glyph = [&ranges](uint32_t cp) {
        for (const auto& [lo, hi] : ranges)
            if (cp >= lo && cp <= hi) return true;
        return false;
    };
    REQUIRE(has_glyph('A'));
    REQUIRE(has_glyph(0x1EF9));  // ỹ
    REQUIRE_FALSE(has_glyph(0xA9));  // © is not shipped
    for (size_t i = 0; i < kKeyCount; ++i) {
        for (Lang l : {Lang::vi, Lang::en}) {
            const std::string s = tr(key_at(i), l);
            for (size_t p = 0; p < s.size();) {
                const uint32_t cp = text::next_code_point(s, &p);
                INFO(key_id(key_at(i)) << " (" << lang_id(l) << "): U+" << std::hex << cp);
                CHECK(has_glyph(cp));
            }
        }
    }
    // Strings written into the UI code itself (separators such as " · "): every character
    // between double quotes on a line of code, comments left out.
    for (const char* file : {"/src/ui/panels.cpp", "/src/ui/calendar_panel.cpp", "/src/ui/funding_panel.cpp",
                             "/src/ui/markers.cpp", "/src/ui/strings.cpp", "/src/ui/chart.cpp", "/src/app/app.cpp"}) {
        REQUIRE_FALSE(read_text(std::string(NTM_SOURCE_DIR) + file).empty());
        std::stringstream src(read_text(std::string(NTM_SOURCE_DIR) + file));
        int lineno = 0;
        for (std::string line; std::getline(src, line);) {
            ++lineno;
            bool quoted = false;
            for (size_t p = 0; p < line.size();) {
                if (!quoted && line.compare(p, 2, "//") == 0) break;
                if (line[p] == '"' && (p == 0 || line[p - 1] != '\\')) quoted = !quoted;
                const uint32_t cp = text::next_code_point(line, &p);
                if (!quoted || cp < 0x80) continue;
                INFO(file << ":" << lineno << ": U+" << std::hex << cp);
                CHECK(has_glyph(cp));
            }
        }
    }
    // The plan and tour files are shown in the panels too. The one exception: the transcription
    // note quotes an OCR error verbatim ("健全 trương" for "khẩn trương"); it is not shown.
    for (const char* file : {"/geodata/plan/soc-trang-2024.json", "/geodata/tour/tour-2024.json",
                             "/geodata/plan/status-2024.json"}) {
        const std::string s = read_text(std::string(NTM_SOURCE_DIR) + file);
        REQUIRE_FALSE(s.empty());
        for (size_t p = 0; p < s.size();) {
            const uint32_t cp = text::next_code_point(s, &p);
            if (cp < 0x20 || cp == 0x5065 || cp == 0x5168) continue;
            INFO(file << ": U+" << std::hex << cp);
            CHECK(has_glyph(cp));
        }
    }
}

TEST_CASE("The current language switches tr() and the formats", "[i18n]") {
    LanguageGuard guard;
    CHECK(language() == Lang::vi);  // the default
    CHECK(std::string(tr(Key::legend)) == "Chú giải");
    CHECK(format_int(1779000) == "1.779.000");
    set_language(Lang::en);
    CHECK(language() == Lang::en);
    CHECK(std::string(tr(Key::legend)) == "Legend");
    CHECK(std::string(tr(Key::search_placeholder)) == "Find a commune, ward, district… (Ctrl+K)");
    CHECK(format_int(1779000) == "1,779,000");
    CHECK(format_date(2024, 2, 5) == "5 Feb 2024");
    set_language(Lang::vi);
    CHECK(std::string(tr(Key::search_placeholder)) == "Tìm xã, phường, huyện… (Ctrl+K)");
    CHECK(std::string(tr(Key::tour_step)) == "Bước %d/%d");
    CHECK(format_date(2024, 2, 5) == "05/02/2024");
}

TEST_CASE("Numbers, dates and money in each language's convention", "[i18n]") {
    CHECK(format_int(1779000, Lang::vi) == "1.779.000");
    CHECK(format_int(1779000, Lang::en) == "1,779,000");
    CHECK(format_int(-25460, Lang::en) == "-25,460");
    CHECK(format_int(999, Lang::en) == "999");
    CHECK(format_decimal(1779.5, 1, Lang::vi) == "1.779,5");
    CHECK(format_decimal(1779.5, 1, Lang::en) == "1,779.5");
    CHECK(format_decimal(1234567.891, 2, Lang::en) == "1,234,567.89");
    CHECK(format_decimal(std::nan(""), 2, Lang::en) == "—");
    CHECK(format_percent(0.123, 1, Lang::vi) == "12,3%");
    CHECK(format_percent(0.123, 1, Lang::en) == "12.3%");

    CHECK(format_date(2024, 2, 5, Lang::vi) == "05/02/2024");
    CHECK(format_date(2024, 2, 5, Lang::en) == "5 Feb 2024");
    CHECK(format_date(2024, 12, 31, Lang::en) == "31 Dec 2024");
    CHECK(format_date(2024, 13, 1, Lang::en) == "2024-13-01");  // not a month: shown plainly, no crash
    CHECK(format_month(2024, 6, Lang::vi) == "06/2024");
    CHECK(format_month(2024, 6, Lang::en) == "Jun 2024");
    CHECK(format_month_title(2024, 6, Lang::vi) == "Tháng 6/2024");
    CHECK(format_month_title(2024, 6, Lang::en) == "June 2024");
    CHECK(month_short(6, Lang::vi) == "T6");
    CHECK(month_short(12, Lang::en) == "Dec");
    CHECK(month_short(0, Lang::en) == "M0");

    CHECK(format_million_dong(133988, Lang::vi) == "133.988 triệu đồng");
    CHECK(format_million_dong(133988, Lang::en) == "133,988 million VND");
    CHECK(format_million_dong(1779000.5, Lang::en) == "1,779,000.5 million VND");
    CHECK(format_million_dong(std::nan(""), Lang::en) == "—");
    CHECK(format_billion_dong(133988, 0, Lang::vi) == "≈ 134 tỷ đồng");
    CHECK(format_billion_dong(133988, 0, Lang::en) == "≈ 134 billion VND");
    CHECK(format_billion_dong(1779000, 0, Lang::en) == "1,779 billion VND");
    CHECK(format_billion_dong(133988, 1, Lang::en) == "≈ 134.0 billion VND");
}

TEST_CASE("Language ids", "[i18n]") {
    CHECK(std::string(lang_id(Lang::vi)) == "vi");
    CHECK(std::string(lang_id(Lang::en)) == "en");
    CHECK(lang_from_id("vi") == Lang::vi);
    CHECK(lang_from_id("en") == Lang::en);
    CHECK_FALSE(lang_from_id("EN"));
    CHECK_FALSE(lang_from_id(""));
    CHECK(kShortcuts[0][0] == Key::help_key_drag);
    for (const auto& row : kShortcuts) {
        CHECK_FALSE(std::string(tr(row[0], Lang::en)).empty());
        CHECK_FALSE(std::string(tr(row[1], Lang::en)).empty());
    }
}
