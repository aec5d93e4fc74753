#include "core/json_error.hpp"

#include <algorithm>
#include <rapidjson/error/en.h>

#include "core/text.hpp"

namespace ntm::json_error {

namespace {

// The last byte of the number token that starts at `start` (RapidJSON reports a number too
// large at its first character; the message points at the end of what was written).
size_t number_end(std::string_view text, size_t start) {
    size_t end = start;
    while (end < text.size() && std::string_view("0123456789+-.eE").find(text[end]) != std::string_view::npos) ++end;
    return end > start ? end - 1 : start;
}

// The last character before `offset` that is not white space, or '\0'.
char previous_token(std::string_view text, size_t offset) {
    for (size_t i = std::min(offset, text.size()); i > 0; --i)
        if (text[i - 1] != ' ' && text[i - 1] != '\t' && text[i - 1] != '\r' && text[i - 1] != '\n') return text[i - 1];
    return '\0';
}

Slip slip_of(std::string_view text, rapidjson::ParseErrorCode code, size_t offset) {
    using namespace rapidjson;
    const std::string_view rest = text.substr(std::min(offset, text.size()));
    const bool at_end = rest.empty();
    const char here = at_end ? '\0' : rest[0];
    switch (code) {
        case kParseErrorNumberTooBig: return Slip::number_too_big;
        // A NUL ends RapidJSON's input: an unterminated string at the end of the text.
        case kParseErrorStringMissQuotationMark: return Slip::unclosed_string;
        // RapidJSON 1.1 stops at a control character in a string with this code, as at a bad
        // escape ("\x"); json_fields feeds an embedded NUL as U+0001, a control character too.
        case kParseErrorStringEscapeInvalid:
            return !at_end && static_cast<unsigned char>(here) < 0x20 ? Slip::control_character : Slip::other;
        case kParseErrorDocumentRootNotSingular: return Slip::content_after_end;
        case kParseErrorObjectMissColon: return at_end ? Slip::cut_short : Slip::missing_colon;
        case kParseErrorNumberMissFraction:
        case kParseErrorNumberMissExponent: return at_end ? Slip::cut_short : Slip::bad_number;
        default: break;
    }
    if (at_end) return Slip::cut_short;
    // "-Infinity" and "-NaN" fail at the letter, after the sign.
    if (rest.substr(0, 3) == "NaN" || rest.substr(0, 8) == "Infinity") return Slip::nan_or_infinity;
    const char before = previous_token(text, offset);
    if ((here == ']' || here == '}') && before == ',') return Slip::trailing_comma;
    switch (code) {
        case kParseErrorObjectMissName:  // {"a": 1, b: 2} or {b: 2}
        case kParseErrorValueInvalid:
            return offset > 0 && text[offset - 1] == '-' ? Slip::bad_number : Slip::bad_value;
        case kParseErrorObjectMissCommaOrCurlyBracket:
            return here == ']' ? Slip::mismatched_bracket : Slip::missing_comma;
        case kParseErrorArrayMissCommaOrSquareBracket:
            return here == '}' ? Slip::mismatched_bracket : Slip::missing_comma;
        default: return Slip::other;
    }
}

const char* why_vi(Slip slip) {
    switch (slip) {
        case Slip::other: return "";
        case Slip::cut_short: return "tệp kết thúc giữa chừng (thiếu dấu đóng } hoặc ]; có thể tệp bị cắt ngắn)";
        case Slip::unclosed_string: return "chuỗi ký tự thiếu dấu nháy kép \" đóng (có thể tệp bị cắt ngắn)";
        case Slip::number_too_big: return "số quá lớn, không biểu diễn được";
        case Slip::nan_or_infinity: return "NaN và Infinity không phải là số trong JSON; hãy ghi một số hoặc null";
        case Slip::control_character:
            return "chuỗi ký tự có ký tự điều khiển (xuống dòng, tab) chưa viết dạng \\n, \\t";
        case Slip::bad_value: return "giá trị không hợp lệ (chuỗi ký tự phải đặt trong dấu nháy kép \"...\")";
        case Slip::bad_number: return "số viết sai (phần thập phân sau dấu chấm, không có số 0 thừa ở đầu)";
        case Slip::trailing_comma: return "thừa dấu phẩy ngay trước dấu đóng ] hoặc }";
        case Slip::content_after_end: return "còn nội dung sau dấu đóng cuối cùng của tệp";
        case Slip::mismatched_bracket: return "dấu đóng ] hoặc } không khớp với dấu mở";
        case Slip::missing_comma: return "có thể thiếu dấu phẩy giữa hai mục, ngay trước chỗ này";
        case Slip::missing_colon: return "thiếu dấu hai chấm sau tên trường";
    }
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

Location locate(std::string_view text, rapidjson::ParseErrorCode code, size_t offset) {
    const Slip slip = slip_of(text, code, offset);
    Location at = location_of(text, slip == Slip::number_too_big ? number_end(text, offset) : offset);
    at.slip = slip;
    at.what = std::string(rapidjson::GetParseError_En(code)) + " (byte " + std::to_string(offset) + ")";
    return at;
}

std::string reason_vi(std::string_view text, const Location& at, const char* consequence_vi) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return "tệp rỗng, không phải JSON.";
    const std::string why = why_vi(at.slip);
    return "tệp không phải JSON hợp lệ (lỗi ở dòng " + std::to_string(at.line) + ", cột " + std::to_string(at.column) +
           ")" + (why.empty() ? "" : ": " + why) + "; " + consequence_vi;
}

}  // namespace ntm::json_error
