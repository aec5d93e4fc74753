// text.hpp — UTF-8 decoding, Vietnamese accent folding and vi-VN number/date/money formats.
//
// What it does: turns numbers and dates into the strings a Vietnamese reader expects
// (dot for thousands, comma for decimals, dd/mm/yyyy), and folds Vietnamese text to plain
// lowercase ASCII so "Hoà Tú", "HÒA TÚ" and "hoa tu" compare equal in search and name checks.
// What it doesn't: no locale machinery (std::locale is unreliable under Emscripten and the
// C locale prints '.' decimals), no Unicode normalisation beyond folding, no word wrapping.
// Invalid UTF-8 never crashes: bad bytes decode as U+FFFD.
//
//   ntm::text::format_int_vi(1779000);                  // "1.779.000"
//   ntm::text::format_decimal_vi(1779.5, 1);            // "1.779,5"
//   ntm::text::format_date_vi(2024, 2, 5);              // "05/02/2024"
//   ntm::text::format_million_dong_vi(133988);          // "133.988 triệu đồng"
//   ntm::text::fold_vi("Xã Hòa Tú 1") == "xa hoa tu 1"; // true
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ntm::text {

inline constexpr uint32_t kReplacementChar = 0xFFFD;

// [SECTION] UTF-8

// Decodes the code point starting at *pos and advances *pos past it. A malformed or truncated
// sequence, an overlong form, a surrogate or a value past U+10FFFF yields kReplacementChar and
// advances by one byte, so a loop over a damaged string always terminates.
// Precondition: *pos < s.size().
uint32_t next_code_point(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of cp (kReplacementChar when cp is not a scalar value).
void append_utf8(std::string* out, uint32_t cp);

bool is_valid_utf8(std::string_view s);

// [SECTION] Folding

// Lowercase ASCII with Vietnamese diacritics removed and đ/Đ → d: "Đại Ân 1" → "dai an 1".
// Covers the Vietnamese letters of Latin-1 Supplement, Latin Extended-A/B (ă, đ, ĩ, ũ, ơ, ư)
// and U+1EA0–U+1EF9, and drops combining marks U+0300–U+036F (decomposed input folds the
// same as precomposed). Other code points are kept as UTF-8; invalid bytes become '?'.
std::string fold_vi(std::string_view utf8);

// [SECTION] Numbers
// Vietnamese convention (TCVN and every provincial document): '.' groups thousands, ',' marks
// decimals. Non-finite input (NaN, ±inf) prints as "—" rather than a misleading number.

std::string format_int_vi(int64_t value);                   // -1779000 → "-1.779.000"
std::string format_decimal_vi(double value, int decimals);  // (1779.5, 1) → "1.779,5"; decimals clamped to 0..9
// 10^e, exact for |e| ≤ 22 (the double nearest to it below 0) like std::pow(10, e), for the few
// scales the UI rounds with: the viewer calls the C library's pow nowhere (0.8 KiB of
// viewer.wasm, gzip, with its tables).
double power_of_ten(int e);

// A fraction as a percentage: (0.123, 1) → "12,3%". No space before '%': that is how
// Vietnamese official and statistical texts write it ("tăng 6,42%"), unlike the SI/French
// "12,3 %"; a break between number and sign would also strand the '%' on a narrow panel.
std::string format_percent_vi(double fraction, int decimals);

// [SECTION] Dates

std::string format_date_vi(int year, int month, int day);  // (2024, 2, 5) → "05/02/2024"
std::string format_month_vi(int year, int month);          // (2024, 6) → "06/2024"

// [SECTION] Money
// The plan counts money in million đồng (triệu đồng); 1 tỷ đồng = 1.000 triệu đồng.

// Whole numbers print without decimals; fractional ones keep up to 3 decimals (thousand-đồng
// precision) with trailing zeros dropped: 133988 → "133.988 triệu đồng", 0.5 → "0,5 triệu đồng".
std::string format_million_dong_vi(double million_dong);

// The same amount in billion đồng rounded to `decimals`; prefixed with "≈ " only when the
// rounding changed the value, so exact figures are not shown as approximations:
// (1779000, 0) → "1.779 tỷ đồng", (133988, 0) → "≈ 134 tỷ đồng", (133988, 1) → "≈ 134,0 tỷ đồng".
std::string format_billion_dong_vi(double million_dong, int decimals);

}  // namespace ntm::text
