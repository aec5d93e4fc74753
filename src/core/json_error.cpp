#include "core/json_error.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace ntm::json_error {

namespace {

using Json = nlohmann::json;

// Receives only the parse error, for its position; every other SAX event is accepted and
// ignored, and nothing here throws (Emscripten builds abort on a throw).
struct ErrorLocator {
    size_t position = 0;
    std::string what;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(Json::number_integer_t) { return true; }
    bool number_unsigned(Json::number_unsigned_t) { return true; }
    bool number_float(Json::number_float_t, const Json::string_t&) { return true; }
    bool string(Json::string_t&) { return true; }
    bool binary(Json::binary_t&) { return true; }
    bool start_object(std::size_t) { return true; }
    bool key(Json::string_t&) { return true; }
    bool end_object() { return true; }
    bool start_array(std::size_t) { return true; }
    bool end_array() { return true; }
    bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& ex) {
        position = pos;
        what = ex.what();
        return false;
    }
};

}  // namespace

Location locate(std::string_view text_in) {
    ErrorLocator loc;
    Json::sax_parse(text_in.begin(), text_in.end(), &loc);
    // nlohmann counts the failing character as read; point at it, in characters not bytes.
    const size_t end = std::min(loc.position > 0 ? loc.position - 1 : 0, text_in.size());
    Location at;
    at.what = std::move(loc.what);
    size_t pos = 0;
    while (pos < end) {
        if (text_in[pos] == '\n') {
            ++at.line;
            at.column = 1;
            ++pos;
        } else {
            text::next_code_point(text_in, &pos);
            ++at.column;
        }
    }
    return at;
}

std::string reason_vi(std::string_view text, const Location& at, const char* consequence_vi) {
    if (text.empty()) return "tệp rỗng, không phải JSON.";
    return "tệp không phải JSON hợp lệ (lỗi ở dòng " + std::to_string(at.line) + ", cột " + std::to_string(at.column) +
           "); " + consequence_vi;
}

}  // namespace ntm::json_error
