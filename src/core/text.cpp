// text.cpp — see text.hpp.
#include "core/text.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace ntm::text {

// [SECTION] UTF-8

uint32_t next_code_point(std::string_view s, size_t* pos) {
    const size_t i = *pos;
    const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
    const uint8_t b0 = byte(i);
    if (b0 < 0x80) {
        *pos = i + 1;
        return b0;
    }
    size_t length = 0;
    uint32_t cp = 0;
    uint32_t min_cp = 0;  // smallest value this length may encode: rejects overlong forms
    if ((b0 & 0xE0) == 0xC0) {
        length = 2, cp = b0 & 0x1Fu, min_cp = 0x80;
    } else if ((b0 & 0xF0) == 0xE0) {
        length = 3, cp = b0 & 0x0Fu, min_cp = 0x800;
    } else if ((b0 & 0xF8) == 0xF0) {
        length = 4, cp = b0 & 0x07u, min_cp = 0x10000;
    } else {
        *pos = i + 1;  // stray continuation byte or 0xF8..0xFF
        return kReplacementChar;
    }
    if (i + length > s.size()) {
        *pos = i + 1;
        return kReplacementChar;
    }
    for (size_t k = 1; k < length; ++k) {
        const uint8_t b = byte(i + k);
        if ((b & 0xC0) != 0x80) {
            *pos = i + 1;
            return kReplacementChar;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min_cp || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *pos = i + 1;
        return kReplacementChar;
    }
    *pos = i + length;
    return cp;
}

void append_utf8(std::string* out, uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = kReplacementChar;
    if (cp < 0x80) {
        out->push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_valid_utf8(std::string_view s) {
    size_t pos = 0;
    while (pos < s.size()) {
        const size_t start = pos;
        const uint32_t cp = next_code_point(s, &pos);
        // A literal U+FFFD in the text is valid; a decoding failure advances by exactly one
        // byte from a non-ASCII lead, which a real U+FFFD (3 bytes) never does.
        if (cp == kReplacementChar && pos - start == 1) return false;
    }
    return true;
}

// [SECTION] Folding

namespace {

// Base letter of a Vietnamese letter with diacritics, or 0 when cp is not one.
// U+1EA0–U+1EF9 (Latin Extended Additional) is laid out by base letter in runs, upper and
// lower case alternating, so ranges suffice there.
char fold_base_letter(uint32_t cp) {
    if (cp >= 0xC0 && cp <= 0xFF) {
        // Latin-1 Supplement, indexed from U+00C0; upper and lower halves share the layout.
        // U+00D0/U+00F0 (Ð/ð, eth) stand in for Đ/đ in badly converted texts, so fold them to d.
        static constexpr char kLatin1[] = "aaaaaaaceeeeiiiidnooooo_ouuuuy__";
        // '_' marks × ÷ Þ þ ß, which are not letters with a Vietnamese base; ÿ sits past the table.
        if (cp == 0xFF) return 'y';
        const char c = kLatin1[(cp - 0xC0) & 0x1F];
        return c == '_' ? 0 : c;
    }
    switch (cp) {
        case 0x0102:
        case 0x0103:
            return 'a';  // Ă ă
        case 0x0110:
        case 0x0111:
            return 'd';  // Đ đ
        case 0x0128:
        case 0x0129:
            return 'i';  // Ĩ ĩ
        case 0x0168:
        case 0x0169:
            return 'u';  // Ũ ũ
        case 0x01A0:
        case 0x01A1:
            return 'o';  // Ơ ơ
        case 0x01AF:
        case 0x01B0:
            return 'u';  // Ư ư
        default:
            break;
    }
    if (cp >= 0x1EA0 && cp <= 0x1EB7) return 'a';  // Ạ … ặ
    if (cp >= 0x1EB8 && cp <= 0x1EC7) return 'e';  // Ẹ … ệ
    if (cp >= 0x1EC8 && cp <= 0x1ECB) return 'i';  // Ỉ … ị
    if (cp >= 0x1ECC && cp <= 0x1EE3) return 'o';  // Ọ … ợ
    if (cp >= 0x1EE4 && cp <= 0x1EF1) return 'u';  // Ụ … ự
    if (cp >= 0x1EF2 && cp <= 0x1EF9) return 'y';  // Ỳ … ỹ
    return 0;
}

}  // namespace

std::string fold_vi(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    size_t pos = 0;
    while (pos < utf8.size()) {
        const size_t start = pos;
        const uint32_t cp = next_code_point(utf8, &pos);
        if (cp < 0x80) {
            const char c = static_cast<char>(cp);
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        } else if (cp >= 0x0300 && cp <= 0x036F) {
            // combining diacritic (decomposed text): the base letter was already emitted
        } else if (const char base = fold_base_letter(cp)) {
            out.push_back(base);
        } else if (cp == kReplacementChar && pos - start == 1) {
            out.push_back('?');  // invalid byte
        } else {
            append_utf8(&out, cp);
        }
    }
    return out;
}

// [SECTION] Numbers

namespace {

constexpr const char* kNotANumber = "\xE2\x80\x94";  // "—"

// Inserts '.' every three digits from the right of a plain digit string.
std::string group_thousands(std::string_view digits) {
    std::string out;
    out.reserve(digits.size() + digits.size() / 3);
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
        out.push_back(digits[i]);
    }
    return out;
}

}  // namespace

std::string format_int_vi(int64_t value) {
    // Work in unsigned so INT64_MIN negates without overflow.
    const bool negative = value < 0;
    uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + magnitude % 10));
        magnitude /= 10;
    } while (magnitude != 0);
    return (negative ? "-" : "") + group_thousands(digits);
}

std::string format_decimal_vi(double value, int decimals) {
    if (!std::isfinite(value)) return kNotANumber;
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    // printf rounds correctly and handles any magnitude; its decimal point depends on the C
    // locale, so it is found by position (first non-digit) rather than by character.
    const int needed = std::snprintf(nullptr, 0, "%.*f", decimals, value);
    if (needed <= 0) return kNotANumber;
    std::string raw(static_cast<size_t>(needed) + 1, '\0');
    std::snprintf(raw.data(), raw.size(), "%.*f", decimals, value);
    raw.resize(static_cast<size_t>(needed));

    size_t i = 0;
    bool negative = false;
    if (i < raw.size() && raw[i] == '-') {
        negative = true;
        ++i;
    }
    size_t int_end = i;
    while (int_end < raw.size() && raw[int_end] >= '0' && raw[int_end] <= '9') ++int_end;
    const std::string_view int_digits(raw.data() + i, int_end - i);
    const std::string_view frac_digits = int_end < raw.size()
                                             ? std::string_view(raw.data() + int_end + 1, raw.size() - int_end - 1)
                                             : std::string_view();
    // "-0,0" after rounding a tiny negative number reads as an error; show "0,0".
    if (negative && raw.find_first_of("123456789") == std::string::npos) negative = false;

    std::string out = negative ? "-" : "";
    out += group_thousands(int_digits);
    if (!frac_digits.empty()) {
        out.push_back(',');
        out.append(frac_digits);
    }
    return out;
}

std::string format_percent_vi(double fraction, int decimals) {
    if (!std::isfinite(fraction)) return kNotANumber;
    return format_decimal_vi(fraction * 100.0, decimals) + "%";
}

// [SECTION] Dates

std::string format_date_vi(int year, int month, int day) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
    return buf;
}

std::string format_month_vi(int year, int month) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%02d/%04d", month, year);
    return buf;
}

// [SECTION] Money

std::string format_million_dong_vi(double million_dong) {
    if (!std::isfinite(million_dong)) return kNotANumber;
    std::string number;
    const double whole = std::round(million_dong);
    if (std::fabs(million_dong - whole) < 1e-9 && std::fabs(whole) < 9.0e18) {
        number = format_int_vi(static_cast<int64_t>(whole));
    } else {
        number = format_decimal_vi(million_dong, 3);
        const size_t comma = number.find(',');
        if (comma != std::string::npos) {
            while (number.back() == '0') number.pop_back();
            if (number.back() == ',') number.pop_back();
        }
    }
    return number + " tri\xE1\xBB\x87u \xC4\x91\xE1\xBB\x93ng";  // "triệu đồng"
}

double power_of_ten(int e) {
    double p = 1;
    for (int i = 0; i < std::abs(e); ++i) p *= 10;  // every step exact up to 10^22 (5^22 < 2^53)
    return e < 0 ? 1 / p : p;
}

std::string format_billion_dong_vi(double million_dong, int decimals) {
    if (!std::isfinite(million_dong)) return kNotANumber;
    if (decimals < 0) decimals = 0;
    if (decimals > 9) decimals = 9;
    const double billion = million_dong / 1000.0;
    const double scale = power_of_ten(decimals);
    const double rounded = std::round(billion * scale) / scale;
    const bool approximate = std::fabs(rounded - billion) > 1e-9 * std::fmax(1.0, std::fabs(billion));
    const std::string prefix = approximate ? "\xE2\x89\x88 " : "";                                   // "≈ "
    return prefix + format_decimal_vi(billion, decimals) + " t\xE1\xBB\xB7 \xC4\x91\xE1\xBB\x93ng";  // "tỷ đồng"
}

}  // namespace ntm::text
