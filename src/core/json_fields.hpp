// json_fields.hpp — what the plan, status and tour loaders share to read a JSON file an office
// worker typed by hand: the guarded parse, the "format"/"format_version" header, field lookups,
// type names and the string-field reader, with their Vietnamese reasons.
//
// What it does: parse() refuses, before building anything, a text that cannot be a data file of
// ours (over kMaxFileBytes, UTF-16, brackets nested deeper than kMaxDepth) and reports bytes
// that are not UTF-8 (first offset and line), replacing each bad sequence by U+FFFD exactly as
// the browser's TextDecoder does, so the rest of the file still loads and the same names show
// up in the messages whichever way the text arrived. read_text() refuses strings longer than
// kMaxTextBytes and points at any U+FFFD in a field. Nothing here throws (Emscripten builds
// abort on a throw) and nothing walks a JSON value recursively.
// The DOM is RapidJSON's (Debian's rapidjson-dev), not nlohmann-json's: ~27 KB less of
// viewer.wasm (9 KiB gzip, issue 5's download budget), with the page's answers written by
// json_out.hpp, and the plan parses faster on the way to the first frame. Numbers are converted
// by the C library's strtod, not by RapidJSON 1.1.0, whose conversion is wrong for some inputs
// (json_fields.cpp, ExactNumbers). Values are read through RapidJSON's own API (IsString(),
// GetStringLength(), ...) and the helpers below; a value lives as long as the Parsed document
// that holds it.
// What it doesn't: no file I/O, no item labels or message composition (each loader names its
// items its own way), no unit names (plan.cpp, tour.cpp).
//
//   ntm::json_fields::Parsed p = ntm::json_fields::parse(text, "không đọc được nội dung nào.");
//   for (const auto& fp : p.problems) report(fp.reason_vi);
//   if (p.ok && ntm::json_fields::check_header(p.root, "ntm-plan", 1, "không đọc được nội dung nào.", &probs))
//       read(p.root);
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <rapidjson/document.h>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace ntm::json_fields {

using Json = rapidjson::Value;
using Document = rapidjson::Document;  // a Json that owns the memory of every value under it

// Limits, far above what the files need (the 2024 plan is 22 KB, its longest string 483 bytes,
// its deepest value 4 levels down) and low enough that a wrong or hostile file is refused
// before it costs memory or time: a 50 MB string is never parsed, let alone copied.
inline constexpr size_t kMaxFileBytes = size_t(2) << 20;  // 2 MiB: the whole text
inline constexpr size_t kMaxTextBytes = 4096;             // one string field, in bytes of UTF-8
inline constexpr int kMaxDepth = 32;                      // nested [ ] and { } (the formats use 4)
inline constexpr size_t kMaxShownBytes = 120;             // user text quoted in a message

// A problem of the file as a whole; the loader adds the file name.
struct FileProblem {
    ErrorCode code = ErrorCode::format;
    std::string reason_vi;  // "tệp không phải UTF-8 hợp lệ: ..."
    std::string detail_en;
};

struct Parsed {
    Document root;                      // the document when ok
    bool ok = false;                    // false: nothing can be read (problems say why)
    std::vector<FileProblem> problems;  // may be non-empty when ok (bytes that were not UTF-8)
};

// nothing_read_vi ends the messages that stop the reading: "không đọc được nội dung nào."
Parsed parse(std::string_view text, const char* nothing_read_vi);

// Checks "format" and "format_version"; false (with a problem) when the file must not be read
// further. A missing header field is reported but does not stop the reading.
bool check_header(const Json& root, const char* expected_format, int expected_version, const char* nothing_read_vi,
                  std::vector<FileProblem>* problems);

// parse(), then check_header() on what was parsed: what every loader starts with.
Parsed open(std::string_view text, const char* expected_format, int expected_version, const char* nothing_read_vi);

// [SECTION] Fields and words

const Json* find_field(const Json& obj, const char* key);  // nullptr when absent or obj is no object
// "chuỗi ký tự", "số", "số thập phân", "giá trị đúng/sai", "danh sách", "đối tượng", "null"
const char* type_vi(const Json& v);
// "string", "number", "boolean", "array", "object", "null": for the English details.
const char* type_en(const Json& v);
// The characters of a string value (v.IsString() must hold); may contain NUL from "\u0000".
inline std::string_view str(const Json& v) { return {v.GetString(), v.GetStringLength()}; }
inline bool is_string_of(const Json& v, std::string_view s) { return v.IsString() && str(v) == s; }
// A number as the file most likely wrote it, for messages: 133988000000, 2.5, 1e+300; other
// values by their type ("chuỗi ký tự").
std::string number_text(const Json& v);
// “s”, cut at kMaxShownBytes (on a character boundary) with "…": user text echoed in a message.
std::string in_quotes(std::string_view s);
std::string clip(std::string_view s);  // the same cut, without the quotes

// A JSON number that is a whole number, as int64 when it fits: 19, 19.0 and 1.9e1 (JSON Schema's
// "integer"); nullopt for 12.5, for non-numbers and for whole numbers past int64 (*too_big set).
std::optional<int64_t> whole_number(const Json& v, bool* too_big);

// [SECTION] String fields

// U+FFFD in a string: the file had bytes that are not UTF-8 there (replaced by parse() or by the
// browser), or the character was typed as is; either way the text needs retyping.
bool has_replacement_char(std::string_view s);
// "trường “note” có ký tự “�” ..."; key nullptr: "chuỗi ký tự có ..." (an element of a list).
std::string replacement_char_vi(const char* key);
std::string too_long_vi(const char* key, size_t bytes);  // "trường “note” dài 100.000 byte, quá giới hạn ..."

// The string field `key` of obj. Missing, null or "" is a problem only when required; a wrong
// type or a string over kMaxTextBytes always is (fatal when required, else the field is
// ignored); a U+FFFD is a warning and the text is kept. `chk` records problems through
// fail(ErrorCode, reason_vi, detail_en) and warn(ErrorCode, reason_vi, detail_en).
template <class Check>
std::string read_text(Check& chk, const Json& obj, const char* key, bool required) {
    const Json* v = find_field(obj, key);
    if (v == nullptr || v->IsNull() || (v->IsString() && v->GetStringLength() == 0)) {
        if (required)
            chk.fail(ErrorCode::format, "thiếu trường " + in_quotes(key) + ".",
                     std::string("missing field '") + key + "'");
        return "";
    }
    std::string reason, detail;
    ErrorCode code = ErrorCode::format;
    if (!v->IsString()) {
        reason = "trường " + in_quotes(key) + " phải là chuỗi ký tự, không phải " + type_vi(*v) + ".";
        detail = std::string("field '") + key + "' must be a string, got " + type_en(*v);
    } else if (v->GetStringLength() > kMaxTextBytes) {
        code = ErrorCode::invalid_data;
        reason = too_long_vi(key, v->GetStringLength());
        detail = std::string("field '") + key + "' is " + std::to_string(v->GetStringLength()) +
                 " bytes, over the limit of " + std::to_string(kMaxTextBytes);
    } else {
        const std::string_view s = str(*v);
        if (has_replacement_char(s))
            chk.warn(ErrorCode::format, replacement_char_vi(key),
                     std::string("field '") + key + "' contains U+FFFD (bytes that were not UTF-8)");
        return std::string(s);
    }
    if (required) {
        chk.fail(code, std::move(reason), std::move(detail));
    } else {
        chk.warn(code, reason + " Trường này bị bỏ qua.", detail + " (ignored)");
    }
    return "";
}

}  // namespace ntm::json_fields
