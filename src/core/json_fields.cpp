#include "core/json_fields.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string_view>

#include "core/decimal.hpp"
#include "core/json_error.hpp"
#include "core/text.hpp"

namespace ntm::json_fields {

namespace {

// [SECTION] UTF-8 repair

struct Utf8Scan {
    size_t bad_count = 0;     // ill-formed sequences, each replaced by one U+FFFD
    size_t first_bad = 0;     // byte offset of the first one
    bool cut_at_end = false;  // the text ends inside a character
};

// The WHATWG "UTF-8 decode" algorithm (what TextDecoder does with fatal = false): each maximal
// ill-formed subsequence becomes one U+FFFD; well-formed sequences are copied unchanged. The
// browser decodes the plan files this way before the viewer sees them, so reading the raw bytes
// the same way gives the same names (with the same “�”) in the messages on both paths.
// *out is written only when something is replaced.
Utf8Scan repair_utf8(std::string_view in, std::string* out) {
    static constexpr char kReplacement[] = "\xEF\xBF\xBD";
    Utf8Scan scan;
    size_t needed = 0, seen = 0, start = 0, copied = 0;  // copied: bytes of `in` already in *out
    uint8_t lower = 0x80, upper = 0xBF;
    auto replace = [&](size_t from, size_t to) {  // in[from, to) is one ill-formed subsequence
        if (scan.bad_count++ == 0) {
            scan.first_bad = from;
            out->reserve(in.size() + 16);
        }
        out->append(in.data() + copied, from - copied);
        out->append(kReplacement, 3);
        copied = to;
    };
    for (size_t i = 0; i < in.size(); ++i) {
        const uint8_t b = static_cast<uint8_t>(in[i]);
        if (needed == 0) {
            start = i;
            if (b <= 0x7F) continue;
            if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (b == 0xE0) lower = 0xA0;
                if (b == 0xED) upper = 0x9F;
                needed = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (b == 0xF0) lower = 0x90;
                if (b == 0xF4) upper = 0x8F;
                needed = 3;
            } else {
                replace(i, i + 1);
            }
            continue;
        }
        if (b < lower || b > upper) {
            // The sequence so far is the ill-formed part; this byte starts afresh.
            replace(start, i);
            needed = seen = 0;
            lower = 0x80, upper = 0xBF;
            --i;
            continue;
        }
        lower = 0x80, upper = 0xBF;
        if (++seen == needed) needed = seen = 0;
    }
    if (needed != 0) {
        replace(start, in.size());
        scan.cut_at_end = true;
    }
    if (scan.bad_count > 0) out->append(in.data() + copied, in.size() - copied);
    return scan;
}

// [SECTION] Nesting depth

// Offset of the first bracket that opens level kMaxDepth + 1, or npos. Brackets inside strings
// do not count; an unterminated string simply ends the scan (the parser reports it).
size_t too_deep_at(std::string_view t) {
    int depth = 0;
    bool in_string = false, escaped = false;
    for (size_t i = 0; i < t.size(); ++i) {
        const char c = t[i];
        if (in_string) {
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                in_string = false;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string_view::npos;
}

std::string size_mb_vi(size_t bytes) { return text::format_decimal_vi(double(bytes) / (1024.0 * 1024.0), 1) + " MB"; }

bool looks_utf16(std::string_view t) {
    // The browser's TextDecoder turns a UTF-16 byte-order mark into two U+FFFD (and the page
    // then passes the text up to its first NUL): the same file, read the same way.
    if (t.substr(0, 6) == "\xEF\xBF\xBD\xEF\xBF\xBD") return true;
    if (t.size() < 2) return false;
    const auto b0 = static_cast<uint8_t>(t[0]), b1 = static_cast<uint8_t>(t[1]);
    // A byte-order mark, or a NUL in the first two bytes (which no JSON text has): "{\0" or "\0{".
    return (b0 == 0xFF && b1 == 0xFE) || (b0 == 0xFE && b1 == 0xFF) || (b0 != 0) != (b1 != 0);
}

// The text as RapidJSON reads it: RapidJSON takes a NUL for the end of its input, so a NUL
// inside the text (no JSON text has one, in a string or out) is read as U+0001 instead, which
// the parser refuses at the same offset as any control character.
class TextStream {
public:
    using Ch = char;
    explicit TextStream(std::string_view t) : t_(t) {}
    Ch Peek() const { return i_ < t_.size() ? (t_[i_] != '\0' ? t_[i_] : '\x01') : '\0'; }
    Ch Take() {
        const Ch c = Peek();
        if (i_ < t_.size()) ++i_;
        return c;
    }
    size_t Tell() const { return i_; }
    // Write access is only used by in-situ parsing, which parse() does not ask for.
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    size_t PutEnd(Ch*) { return 0; }

private:
    std::string_view t_;
    size_t i_ = 0;
};

// [SECTION] Numbers

// RapidJSON's parse events, passed on to the Document, with every number handed over as its
// text (kParseNumbersAsStringsFlag) and converted here. RapidJSON 1.1.0's own decimal conversion
// (Debian 12's) is wrong in both its modes: the full-precision one reads a zero written with a
// large exponent as garbage (0e100 as -2e146) and asserts on some 17-digit numbers, the default
// one is an ULP off for many numbers of 9 or more digits with a fraction. parse_decimal (the C
// library's strtod natively, JavaScript's Number() in the browser: core/decimal.hpp) gives the
// double nearest to the text, as JSON.parse and nlohmann-json do. Whole numbers that fit stay
// integers (int64 or uint64), as RapidJSON types them.
class ExactNumbers {
public:
    ExactNumbers(Document& doc, const TextStream& stream) : doc_(doc), stream_(stream) {}

    bool RawNumber(const char* s, rapidjson::SizeType length, bool) {
        const std::string_view text(s, length);  // valid JSON number syntax: the reader checked it
        if (text.find_first_of(".eE") == std::string_view::npos) {
            const bool minus = text[0] == '-';
            uint64_t u = 0;
            bool fits = true;
            for (size_t i = minus ? 1 : 0; i < text.size() && fits; ++i) {
                const unsigned digit = unsigned(text[i] - '0');
                fits = u <= (UINT64_MAX - digit) / 10;
                u = u * 10 + digit;
            }
            if (fits && !minus) return doc_.Uint64(u);
            if (fits && u <= uint64_t(INT64_MAX)) return doc_.Int64(-int64_t(u));
            if (fits && u == uint64_t(INT64_MAX) + 1) return doc_.Int64(INT64_MIN);
        }
        const double d = parse_decimal(s);  // s ends with a NUL (RapidJSON copied it)
        if (!std::isfinite(d)) {                   // 1.8e308: past a double
            too_big_at = stream_.Tell() - length;
            return false;
        }
        return doc_.Double(d);
    }
    bool Null() { return doc_.Null(); }
    bool Bool(bool b) { return doc_.Bool(b); }
    bool Int(int i) { return doc_.Int(i); }
    bool Uint(unsigned u) { return doc_.Uint(u); }
    bool Int64(int64_t i) { return doc_.Int64(i); }
    bool Uint64(uint64_t u) { return doc_.Uint64(u); }
    bool Double(double d) { return doc_.Double(d); }
    bool String(const char* s, rapidjson::SizeType length, bool copy) { return doc_.String(s, length, copy); }
    bool StartObject() { return doc_.StartObject(); }
    bool Key(const char* s, rapidjson::SizeType length, bool copy) { return doc_.Key(s, length, copy); }
    bool EndObject(rapidjson::SizeType members) { return doc_.EndObject(members); }
    bool StartArray() { return doc_.StartArray(); }
    bool EndArray(rapidjson::SizeType elements) { return doc_.EndArray(elements); }

    size_t too_big_at = std::string_view::npos;  // where a number past a double starts

private:
    Document& doc_;
    const TextStream& stream_;
};

// A problem that stops the reading (out.ok stays false).
void stop(Parsed& out, std::string reason_vi, std::string detail_en) {
    out.problems.push_back({ErrorCode::format, std::move(reason_vi), std::move(detail_en)});
}

}  // namespace

// [SECTION] Parsing

Parsed parse(std::string_view text, const char* nothing_read_vi) {
    Parsed out;
    const std::string nothing = nothing_read_vi;
    // Refused before anything is copied or parsed: the loaders are given a view of the bytes.
    if (text.size() > kMaxFileBytes) {
        stop(out,
             "tệp quá lớn (" + size_mb_vi(text.size()) + ", " + text::format_int_vi(int64_t(text.size())) +
                 " byte; giới hạn " + size_mb_vi(kMaxFileBytes) + "): có thể đã chọn nhầm tệp; " + nothing,
             "file is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(kMaxFileBytes));
        return out;
    }
    if (looks_utf16(text)) {
        stop(out,
             "tệp được lưu bằng bảng mã UTF-16 (“Unicode” trong Notepad), không phải UTF-8; hãy lưu lại bằng UTF-8; " +
                 nothing,
             "text is UTF-16 (byte-order mark or NUL in the first two bytes), not UTF-8");
        return out;
    }
    std::string repaired;
    std::string_view t = text;
    const Utf8Scan scan = repair_utf8(text, &repaired);
    if (scan.bad_count > 0) t = repaired;
    // A text cut inside a character is a text cut short: the parser says so, at the same place
    // (no JSON text ends inside a string), and a second message about UTF-8 would only confuse.
    if (scan.bad_count > 0 && !(scan.bad_count == 1 && scan.cut_at_end)) {
        const json_error::Location at = json_error::location_of(text, scan.first_bad);
        const std::string others =
            scan.bad_count > 1 ? " và " + text::format_int_vi(int64_t(scan.bad_count - 1)) + " chỗ khác" : "";
        out.problems.push_back(
            {ErrorCode::format,
             "tệp không phải UTF-8 hợp lệ (byte thứ " + text::format_int_vi(int64_t(scan.first_bad + 1)) + ", dòng " +
                 std::to_string(at.line) + others +
                 "): chữ ở đó hiện thành “�”; có thể tệp được lưu bằng bảng mã khác (TCVN3, VNI, Windows-1258), "
                 "hãy lưu lại bằng UTF-8.",
             "not valid UTF-8: " + std::to_string(scan.bad_count) +
                 " ill-formed sequence(s), the first at byte offset " + std::to_string(scan.first_bad) + " (line " +
                 std::to_string(at.line) + "), read as U+FFFD"});
    }
    if (const size_t deep = too_deep_at(t); deep != std::string_view::npos) {
        const json_error::Location at = json_error::location_of(t, deep);
        stop(out,
             "các dấu ngoặc [ ] và { } lồng nhau quá " + std::to_string(kMaxDepth) + " tầng (ở dòng " +
                 std::to_string(at.line) + ", cột " + std::to_string(at.column) +
                 "), tệp dữ liệu này chỉ cần vài tầng: có thể tệp bị hỏng; " + nothing,
             "brackets nested deeper than " + std::to_string(kMaxDepth) + " at line " + std::to_string(at.line) +
                 ", column " + std::to_string(at.column));
        return out;
    }
    TextStream stream(t);
    rapidjson::ParseResult result;
    ExactNumbers numbers(out.root, stream);
    auto parse_into = [&](Document&) {
        rapidjson::Reader reader;
        result = reader.Parse<rapidjson::kParseNumbersAsStringsFlag>(stream, numbers);
        return !result.IsError();
    };
    out.root.Populate(parse_into);
    if (result.IsError()) {
        const bool too_big = result.Code() == rapidjson::kParseErrorTermination;  // ExactNumbers stopped
        const json_error::Location at =
            json_error::locate(t, too_big ? rapidjson::kParseErrorNumberTooBig : result.Code(),
                               too_big ? numbers.too_big_at : result.Offset());
        stop(out, json_error::reason_vi(t, at, nothing_read_vi), "not valid JSON: " + at.what);
        out.root.SetNull();
        return out;
    }
    out.ok = true;
    return out;
}

bool check_header(const Json& root, const char* expected_format, int expected_version, const char* nothing_read_vi,
                  std::vector<FileProblem>* problems) {
    auto add = [&](ErrorCode code, std::string vi, std::string en) {
        problems->push_back({code, std::move(vi), std::move(en)});
    };
    std::string nothing = nothing_read_vi;  // ends a sentence here: capitalised
    if (!nothing.empty() && nothing[0] >= 'a' && nothing[0] <= 'z') nothing[0] = char(nothing[0] - 'a' + 'A');
    if (!root.IsObject()) {
        add(ErrorCode::format,
            std::string("nội dung tệp phải là một đối tượng JSON { ... }, không phải ") + type_vi(root) + ".",
            std::string("top level must be an object, got ") + type_en(root));
        return false;
    }
    const Json* format = find_field(root, "format");
    if (format == nullptr || !format->IsString()) {
        add(ErrorCode::format, std::string("thiếu trường “format” (phải là “") + expected_format + "”).",
            std::string("missing string field 'format' (expected '") + expected_format + "')");
    } else if (str(*format) != expected_format) {
        const std::string_view got = str(*format);
        add(ErrorCode::format,
            "tệp này có dạng " + in_quotes(got) + ", không phải " + in_quotes(expected_format) +
                "; có thể đã chọn nhầm tệp. " + nothing,
            "format is '" + clip(got) + "', expected '" + expected_format + "'");
        return false;
    }
    const Json* version = find_field(root, "format_version");
    if (version == nullptr || !(version->IsInt64() || version->IsUint64())) {
        add(ErrorCode::format,
            "thiếu trường “format_version” (số nguyên, hiện là " + std::to_string(expected_version) + ").",
            "missing integer field 'format_version'");
    } else if (!(version->IsInt64() ? version->GetInt64() == expected_version
                                    : version->GetUint64() == uint64_t(expected_version))) {
        const std::string got = number_text(*version);  // exact, also past int64
        add(ErrorCode::version,
            "phiên bản định dạng " + got + " chưa được hỗ trợ (bản này đọc phiên bản " +
                std::to_string(expected_version) + "). " + nothing,
            "format_version " + got + " not supported");
        return false;
    }
    return true;
}

Parsed open(std::string_view text, const char* expected_format, int expected_version, const char* nothing_read_vi) {
    Parsed p = parse(text, nothing_read_vi);
    p.ok = p.ok && check_header(p.root, expected_format, expected_version, nothing_read_vi, &p.problems);
    return p;
}

// [SECTION] Fields and words

// A key written twice: the last one counts (as in JavaScript's JSON.parse), so the field found
// is the one an editor sees last in the file.
const Json* find_field(const Json& obj, const char* key) {
    if (!obj.IsObject()) return nullptr;
    const Json* found = nullptr;
    const std::string_view k = key;
    for (const auto& m : obj.GetObject())
        if (str(m.name) == k) found = &m.value;
    return found;
}

namespace {

// A value's kind as the messages name it, an index into the word lists below.
enum Kind { kString, kDecimal, kWhole, kBoolean, kList, kObject, kNull };
constexpr const char* kKindVi[] = {"chuỗi ký tự", "số thập phân", "số", "giá trị đúng/sai", "danh sách", "đối tượng", "null"};
constexpr const char* kKindEn[] = {"string", "number", "number", "boolean", "array", "object", "null"};

Kind kind_of(const Json& v) {
    if (v.IsString()) return kString;
    if (v.IsDouble()) return kDecimal;
    if (v.IsNumber()) return kWhole;
    if (v.IsBool()) return kBoolean;
    if (v.IsArray()) return kList;
    if (v.IsObject()) return kObject;
    return kNull;
}

}  // namespace

const char* type_vi(const Json& v) { return kKindVi[kind_of(v)]; }
const char* type_en(const Json& v) { return kKindEn[kind_of(v)]; }

std::string number_text(const Json& v) {
    if (v.IsUint64()) return std::to_string(v.GetUint64());
    if (v.IsInt64()) return std::to_string(v.GetInt64());
    if (!v.IsNumber()) return type_vi(v);
    // The shortest of 15, 16 or 17 significant digits that reads back as the same double, with
    // ".0" on a whole number written without an exponent: 2.0, 0.1, 1e+300.
    const double d = v.GetDouble();
    char buf[40];
    for (int digits = 15; digits <= 17; ++digits) {
        std::snprintf(buf, sizeof buf, "%.*g", digits, d);
        if (parse_decimal(buf) == d) break;
    }
    std::string s = buf;
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

std::string clip(std::string_view s) {
    if (s.size() <= kMaxShownBytes) return std::string(s);
    size_t end = kMaxShownBytes;
    while (end > 0 && (static_cast<uint8_t>(s[end]) & 0xC0) == 0x80) --end;  // not inside a character
    return std::string(s.substr(0, end)) + "…";
}

std::string in_quotes(std::string_view s) { return "“" + clip(s) + "”"; }

std::optional<int64_t> whole_number(const Json& v, bool* too_big) {
    *too_big = false;
    if (v.IsInt64()) return v.GetInt64();
    if (v.IsUint64()) {  // past int64
        *too_big = true;
        return std::nullopt;
    }
    if (v.IsDouble()) {
        const double d = v.GetDouble();
        if (!std::isfinite(d) || d != std::floor(d)) return std::nullopt;
        if (std::fabs(d) >= 9.2e18) {  // beyond int64 (2^63 ≈ 9.22e18)
            *too_big = true;
            return std::nullopt;
        }
        return int64_t(d);
    }
    return std::nullopt;
}

// [SECTION] String fields

bool has_replacement_char(std::string_view s) { return s.find("\xEF\xBF\xBD") != std::string_view::npos; }

namespace {
std::string field_vi(const char* key) { return key == nullptr ? "chuỗi ký tự" : "trường " + in_quotes(key); }
}  // namespace

std::string replacement_char_vi(const char* key) {
    return field_vi(key) +
           " có ký tự “�”: tệp có byte không phải UTF-8 hợp lệ ở đây (hoặc chữ đã bị đổi sai bảng mã); hãy gõ lại "
           "đoạn chữ này bằng Unicode.";
}

std::string too_long_vi(const char* key, size_t bytes) {
    return field_vi(key) + " dài " + text::format_int_vi(int64_t(bytes)) + " byte, quá giới hạn " +
           text::format_int_vi(int64_t(kMaxTextBytes)) + " byte của một trường.";
}

}  // namespace ntm::json_fields
