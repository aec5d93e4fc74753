// json_error.hpp — where a text stops being JSON, for messages an office worker can act on
// ("lỗi ở dòng 12, cột 5"). Shared by the plan, status and tour loaders.
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
    std::string what;   // the parser's own message, for developers
};

// Runs a non-throwing SAX pass over `text` and reports the first error; call it only after a
// parse has failed.
Location locate(std::string_view text);

// "tệp rỗng, không phải JSON." or "tệp không phải JSON hợp lệ (lỗi ở dòng L, cột C); <consequence>"
std::string reason_vi(std::string_view text, const Location& at, const char* consequence_vi);

}  // namespace ntm::json_error
