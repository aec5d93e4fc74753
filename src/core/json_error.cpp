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

bool has(const std::string& s, const char* part) { return s.find(part) != std::string::npos; }

// The parser's reason in words a user acts on; "" when none of the common slips fits. The
// tests are on nlohmann-json 3.11's messages (Debian 12); a changed wording only loses the hint.
std::string why_vi(std::string_view text, const Location& at) {
    const std::string_view rest = text.substr(std::min(at.offset, text.size()));
    const std::string& w = at.what;
    if (has(w, "number overflow")) return "số quá lớn, không biểu diễn được";
    if (has(w, "unexpected end of input"))
        return "tệp kết thúc giữa chừng (thiếu dấu đóng } hoặc ]; có thể tệp bị cắt ngắn)";
    if (has(w, "missing closing quote")) return "chuỗi ký tự thiếu dấu nháy kép \" đóng (có thể tệp bị cắt ngắn)";
    // "-Infinity" and "-NaN" fail at the letter, after the sign.
    if (rest.substr(0, 3) == "NaN" || rest.substr(0, 8) == "Infinity")
        return "NaN và Infinity không phải là số trong JSON; hãy ghi một số hoặc null";
    if (has(w, "control character")) return "chuỗi ký tự có ký tự điều khiển (xuống dòng, tab) chưa viết dạng \\n, \\t";
    if (has(w, "invalid literal")) return "giá trị không hợp lệ (chuỗi ký tự phải đặt trong dấu nháy kép \"...\")";
    if (has(w, "invalid number")) return "số viết sai (phần thập phân sau dấu chấm, không có số 0 thừa ở đầu)";
    if (has(w, "unexpected ']'; expected '[', '{', or a literal") || has(w, "unexpected '}'; expected string literal"))
        return "thừa dấu phẩy ngay trước dấu đóng ] hoặc }";
    if (has(w, "expected end of input")) return "còn nội dung sau dấu đóng cuối cùng của tệp";
    if (has(w, "unexpected '}'; expected ']'") || has(w, "unexpected ']'; expected '}'"))
        return "dấu đóng ] hoặc } không khớp với dấu mở";
    if (has(w, "; expected '}'") || has(w, "; expected ']'"))  // a value where a separator belongs
        return "có thể thiếu dấu phẩy giữa hai mục, ngay trước chỗ này";
    if (has(w, "; expected ':'")) return "thiếu dấu hai chấm sau tên trường";
    return "";
}

}  // namespace

Location location_of(std::string_view text_in, size_t offset) {
    const size_t end = std::min(offset, text_in.size());
    Location at;
    at.offset = end;
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

Location locate(std::string_view text_in) {
    ErrorLocator loc;
    Json::sax_parse(text_in.begin(), text_in.end(), &loc);
    // nlohmann counts the failing character as read; point at it, in characters not bytes.
    Location at = location_of(text_in, loc.position > 0 ? loc.position - 1 : 0);
    at.what = std::move(loc.what);
    return at;
}

std::string reason_vi(std::string_view text, const Location& at, const char* consequence_vi) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return "tệp rỗng, không phải JSON.";
    const std::string why = why_vi(text, at);
    return "tệp không phải JSON hợp lệ (lỗi ở dòng " + std::to_string(at.line) + ", cột " + std::to_string(at.column) +
           ")" + (why.empty() ? "" : ": " + why) + "; " + consequence_vi;
}

}  // namespace ntm::json_error
