// json_error.hpp — where a text stops being JSON, and why, for messages an office worker can
// act on ("lỗi ở dòng 12, cột 5: tệp kết thúc giữa chừng"). Shared by the plan, status and tour
// loaders (through json_fields::parse).
//
//   rapidjson::Document d;
//   d.Parse(text.data(), text.size());
//   if (d.HasParseError()) {
//       const ntm::json_error::Location at = ntm::json_error::locate(text, d.GetParseError(), d.GetErrorOffset());
//       show(ntm::json_error::reason_vi(text, at, "không đọc được nội dung nào."));
//   }
#pragma once

#include <cstddef>
#include <rapidjson/error/error.h>
#include <string>
#include <string_view>

namespace ntm::json_error {

// The common slips, each with its own words in reason_vi().
enum class Slip {
    other,               // none of those below: the message gives the place only
    cut_short,           // the text ends inside a value (a download or a copy cut short)
    unclosed_string,     // a string without its closing quote
    number_too_big,      // 1e400: past a double
    nan_or_infinity,     // NaN, Infinity, -Infinity
    control_character,   // a line break or tab typed inside a string
    bad_value,           // an unquoted word
    bad_number,          // 1., 1e, -
    trailing_comma,      // [1, 2,] or {"a": 1,}
    content_after_end,   // more after the closing bracket of the whole text
    mismatched_bracket,  // [1, 2} or {"a": 1]
    missing_comma,       // a value where a comma or a closing bracket belongs
    missing_colon,       // "a" 1
};

struct Location {
    size_t line = 1;    // 1-based
    size_t column = 1;  // 1-based, in characters (UTF-8 code points), not bytes
    size_t offset = 0;  // 0-based byte offset of the failing character
    Slip slip = Slip::other;
    std::string what;   // the parser's reason in English, for developers
};

// Where and why the parse of `text` failed: RapidJSON's error code and byte offset, moved to the
// character a reader should look at (the last digit of a number too large) and named as a slip.
Location locate(std::string_view text, rapidjson::ParseErrorCode code, size_t offset);

// Line and column of the byte at `offset` (clamped to the text).
Location location_of(std::string_view text, size_t offset);

// "tệp rỗng, không phải JSON." or "tệp không phải JSON hợp lệ (lỗi ở dòng L, cột C)[: <why>]; <consequence>",
// where <why> names the slip in Vietnamese.
std::string reason_vi(std::string_view text, const Location& at, const char* consequence_vi);

}  // namespace ntm::json_error
