#include "core/text.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

using namespace ntm::text;

TEST_CASE("Integers group thousands with dots", "[text]") {
    CHECK(format_int_vi(0) == "0");
    CHECK(format_int_vi(999) == "999");
    CHECK(format_int_vi(1000) == "1.000");
    CHECK(format_int_vi(133988) == "133.988");
    CHECK(format_int_vi(1779000) == "1.779.000");
    CHECK(format_int_vi(-25460) == "-25.460");
    CHECK(format_int_vi(std::numeric_limits<int64_t>::min()) == "-9.223.372.036.854.775.808");
    CHECK(format_int_vi(std::numeric_limits<int64_t>::max()) == "9.223.372.036.854.775.807");
}

TEST_CASE("Decimals use a comma; ties round as printf does (half to even)", "[text]") {
    CHECK(format_decimal_vi(1779.5, 1) == "1.779,5");
    CHECK(format_decimal_vi(1779.0, 0) == "1.779");
    CHECK(format_decimal_vi(0.25, 3) == "0,250");
    CHECK(format_decimal_vi(1234567.891, 2) == "1.234.567,89");
    CHECK(format_decimal_vi(-1234.5, 1) == "-1.234,5");
    CHECK(format_decimal_vi(-0.0001, 1) == "0,0");  // no "-0,0"
    CHECK(format_decimal_vi(2.5, -3) == "2");       // decimals clamped to 0 (printf rounds to even)
    CHECK(format_decimal_vi(std::nan(""), 2) == "—");
    CHECK(format_decimal_vi(std::numeric_limits<double>::infinity(), 2) == "—");
}

TEST_CASE("Percentages follow the Vietnamese convention without a space", "[text]") {
    CHECK(format_percent_vi(0.123, 1) == "12,3%");
    CHECK(format_percent_vi(1.0, 0) == "100%");
    CHECK(format_percent_vi(0.44551, 2) == "44,55%");
    CHECK(format_percent_vi(std::nan(""), 1) == "—");
}

TEST_CASE("Dates are dd/mm/yyyy, months mm/yyyy", "[text]") {
    CHECK(format_date_vi(2024, 2, 5) == "05/02/2024");
    CHECK(format_date_vi(2024, 12, 31) == "31/12/2024");
    CHECK(format_month_vi(2024, 6) == "06/2024");
}

TEST_CASE("Money in million and billion đồng", "[text]") {
    CHECK(format_million_dong_vi(1779000) == "1.779.000 triệu đồng");
    CHECK(format_million_dong_vi(133988) == "133.988 triệu đồng");
    CHECK(format_million_dong_vi(0.5) == "0,5 triệu đồng");
    CHECK(format_million_dong_vi(1234.125) == "1.234,125 triệu đồng");
    // Exact conversions are not marked as approximations; rounded ones are.
    CHECK(format_billion_dong_vi(1779000, 0) == "1.779 tỷ đồng");
    CHECK(format_billion_dong_vi(133988, 0) == "≈ 134 tỷ đồng");
    CHECK(format_billion_dong_vi(133988, 1) == "≈ 134,0 tỷ đồng");
    CHECK(format_billion_dong_vi(133988, 3) == "133,988 tỷ đồng");
    CHECK(format_billion_dong_vi(3993047, 0) == "≈ 3.993 tỷ đồng");
}

TEST_CASE("Folding removes Vietnamese diacritics and lowercases", "[text]") {
    CHECK(fold_vi("Xã Hòa Tú 1") == "xa hoa tu 1");
    CHECK(fold_vi("Xã Hoà Tú 1") == "xa hoa tu 1");  // old-style accent placement folds the same
    CHECK(fold_vi("ĐẠI ÂN 1") == "dai an 1");
    CHECK(fold_vi("Thạnh Thới An") == "thanh thoi an");
    CHECK(fold_vi("Nhơn Mỹ, Kế Sách") == "nhon my, ke sach");
    CHECK(fold_vi("Hậu Thạnh, Lâm Kiết, Vĩnh Quới, Ngã Năm") == "hau thanh, lam kiet, vinh quoi, nga nam");
    CHECK(fold_vi("ỲÝỶỸỴ ỳýỷỹỵ") == "yyyyy yyyyy");
    CHECK(fold_vi("ƯỨỪỬỮỰ ơớờởỡợ ĩ ũ ă") == "uuuuuu oooooo i u a");
    CHECK(fold_vi("Ðông") == "dong");  // eth used for Đ by some converters
    CHECK(fold_vi("") == "");
}

TEST_CASE("Folding handles decomposed text, other scripts and invalid UTF-8", "[text]") {
    // "Hòa" with a combining grave accent (U+0300) after the o.
    CHECK(fold_vi("Ho\xCC\x80"
                  "a") == "hoa");
    // Non-Latin text is kept as it is, so it still can't match a Latin name.
    CHECK(fold_vi("健全 trương") == "健全 truong");
    // Invalid bytes: a lone continuation byte, a truncated sequence and an overlong form.
    CHECK(fold_vi("a\x80"
                  "b") == "a?b");
    CHECK(fold_vi("x\xE1\xBB") == "x??");
    CHECK(fold_vi("\xC0\xAF") == "??");
}

TEST_CASE("UTF-8 decoding rejects malformed input without running past the end", "[text]") {
    const std::string s = "Đ\xF0\x9F";  // Đ then a truncated 4-byte sequence
    size_t pos = 0;
    CHECK(next_code_point(s, &pos) == 0x0110);
    CHECK(pos == 2);
    CHECK(next_code_point(s, &pos) == kReplacementChar);
    CHECK(pos == 3);
    CHECK(next_code_point(s, &pos) == kReplacementChar);
    CHECK(pos == 4);

    CHECK(is_valid_utf8("Sóc Trăng"));
    CHECK(is_valid_utf8("\xEF\xBF\xBD"));            // a real U+FFFD is valid
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
    CHECK_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // past U+10FFFF

    std::string out;
    append_utf8(&out, 0x1EA1);  // ạ
    CHECK(out == "ạ");
    append_utf8(&out, 0xD800);
    CHECK(out == "ạ\xEF\xBF\xBD");
}

TEST_CASE("Folding arbitrary bytes stays in bounds and keeps ASCII intact", "[text]") {
    // A fixed pseudo-random sequence (LCG) so a failure reproduces.
    uint32_t state = 12345;
    for (int round = 0; round < 2000; ++round) {
        std::string bytes;
        const size_t length = (state >> 8) % 16;
        for (size_t i = 0; i < length; ++i) {
            state = state * 1664525u + 1013904223u;
            bytes.push_back(static_cast<char>(state >> 24));
        }
        state = state * 1664525u + 1013904223u;
        const std::string folded = fold_vi(bytes + "Z");
        REQUIRE_FALSE(folded.empty());
        CHECK(folded.back() == 'z');
        CHECK(is_valid_utf8(folded));
    }
}

TEST_CASE("Powers of ten are the doubles std::pow gives", "[text]") {
    // The scales of rounded figures (decimals) and of chart axes: the same double, so the same
    // rounding, as the C library's pow.
    for (int e = -22; e <= 22; ++e) CHECK(ntm::text::power_of_ten(e) == std::pow(10.0, e));
    CHECK(ntm::text::power_of_ten(0) == 1.0);
}
