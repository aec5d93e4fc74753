// json_error.hpp — where a text stops being JSON, and why, for messages an office worker can
// act on ("lỗi ở dòng 12, cột 5: tệp kết thúc giữa chừng"). Shared by the plan, status and tour
// loaders (through json_fields::parse).
//
//   nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
//   if (j.is_discarded()) { ntm::json_error::Location at = ntm::json_error::locate(text); ... }
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace ntm::json_error {

struct Location {
    size_t line = 1;    // 1-based
    size_t column = 1;  // 1-based, in characters (UTF-8 code points), not bytes
    size_t offset = 0;  // 0-based byte offset of the failing character
    std::string what;   // the parser's own message, for developers
};

// Runs a non-throwing SAX pass over `text` and reports the first error; call it only after a
// parse has failed.
Location locate(std::string_view text);

// Line and column of the byte at `offset` (clamped to the text).
Location location_of(std::string_view text, size_t offset);

// "tệp rỗng, không phải JSON." or "tệp không phải JSON hợp lệ (lỗi ở dòng L, cột C)[: <why>]; <consequence>",
// where <why> names the common slips in Vietnamese: a text cut short, a number too large for a
// double (1e400), NaN or Infinity, an unquoted word, a line break inside a string.
std::string reason_vi(std::string_view text, const Location& at, const char* consequence_vi);

}  // namespace ntm::json_error
