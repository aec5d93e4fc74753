// The messages for a plan, status or tour file that is not JSON: each common slip named in
// Vietnamese at the character a reader should look at (json_error, through json_fields::parse).
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/json_fields.hpp"

namespace {

// The one message parse() gives for `text`, which must not parse.
std::string message_for(const std::string& text) {
    const ntm::json_fields::Parsed p = ntm::json_fields::parse(text, "không đọc được nội dung nào.");
    REQUIRE_FALSE(p.ok);
    REQUIRE(p.problems.size() == 1);
    return p.problems[0].reason_vi;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("A file that is not JSON is refused with the place and the slip in Vietnamese") {
    struct Case {
        const char* text;
        const char* where;  // "dòng L, cột C"
        const char* why;    // "" when no slip is named
    };
    const Case cases[] = {
        {"{\"a\": 1,\n \"b\": [1, 2", "dòng 2, cột 12", "tệp kết thúc giữa chừng"},
        {"{\"a\": \"Xã Tài", "dòng 1, cột 14", "chuỗi ký tự thiếu dấu nháy kép"},
        {"{\"a\": 1e400}", "dòng 1, cột 11", "số quá lớn"},
        {"{\"a\": NaN}", "dòng 1, cột 7", "NaN và Infinity"},
        {"{\"a\": -Infinity}", "dòng 1, cột 8", "NaN và Infinity"},
        {"{\"a\": \"hai\ndòng\"}", "dòng 1, cột 11", "ký tự điều khiển"},
        {"{\"a\": \"tab\there\"}", "dòng 1, cột 11", "ký tự điều khiển"},
        {"{\"a\": Sóc Trăng}", "dòng 1, cột 7", "giá trị không hợp lệ"},
        {"{\"a\": 1.}", "dòng 1, cột 9", "số viết sai"},
        {"{\"a\": -}", "dòng 1, cột 8", "số viết sai"},
        {"{\"a\": [1, 2,]}", "dòng 1, cột 13", "thừa dấu phẩy"},
        {"{\"a\": 1,\n}", "dòng 2, cột 1", "thừa dấu phẩy"},
        {"{\"a\": 1} {", "dòng 1, cột 10", "còn nội dung sau dấu đóng"},
        {"{\"a\": [1, 2}", "dòng 1, cột 12", "không khớp"},
        {"{\"a\": 1]", "dòng 1, cột 8", "không khớp"},
        {"{\"a\": 1\n \"b\": 2}", "dòng 2, cột 2", "thiếu dấu phẩy"},
        {"{\"a\" 1}", "dòng 1, cột 6", "thiếu dấu hai chấm"},
        {"{\"a\": \"\\x\"}", "dòng 1, cột 8", ""},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        const std::string m = message_for(c.text);
        INFO(m);
        CHECK(contains(m, std::string("tệp không phải JSON hợp lệ (lỗi ở ") + c.where + ")"));
        if (*c.why) CHECK(contains(m, c.why));
        else CHECK(contains(m, std::string(c.where) + "); không đọc được nội dung nào."));
        CHECK(contains(m, "không đọc được nội dung nào."));
    }
}

TEST_CASE("A NUL byte in a JSON file is a control character where it stands, not the end of the text") {
    // RapidJSON reads a NUL as the end of its input: the rest must not be silently dropped.
    const std::string in_string("{\"a\": \"nul\0l\"}", 14);
    INFO(message_for(in_string));
    CHECK(contains(message_for(in_string), "(lỗi ở dòng 1, cột 11): chuỗi ký tự có ký tự điều khiển"));
    const std::string after_end("{\"a\": 1}\0{", 10);
    CHECK(contains(message_for(after_end), "(lỗi ở dòng 1, cột 9)"));
}

TEST_CASE("Blank text is an empty file, and a key written twice counts once, the last time") {
    CHECK(message_for("") == "tệp rỗng, không phải JSON.");
    CHECK(message_for(" \n\t") == "tệp rỗng, không phải JSON.");
    const ntm::json_fields::Parsed p = ntm::json_fields::parse("{\"a\": 1, \"a\": \"hai\"}", "");
    REQUIRE(p.ok);
    const ntm::json_fields::Json* a = ntm::json_fields::find_field(p.root, "a");
    REQUIRE(a != nullptr);
    CHECK(ntm::json_fields::is_string_of(*a, "hai"));
}

TEST_CASE("Numbers echoed in messages read as they were written") {
    auto text_of = [](const char* json) {
        const ntm::json_fields::Parsed p = ntm::json_fields::parse(json, "");
        REQUIRE(p.ok);
        return ntm::json_fields::number_text(*ntm::json_fields::find_field(p.root, "n"));
    };
    CHECK(text_of("{\"n\": 133988000000}") == "133988000000");
    CHECK(text_of("{\"n\": -7}") == "-7");
    CHECK(text_of("{\"n\": 18446744073709551615}") == "18446744073709551615");
    CHECK(text_of("{\"n\": 99999999999999999999}") == "1e+20");
    CHECK(text_of("{\"n\": 1e300}") == "1e+300");
    CHECK(text_of("{\"n\": 2.0}") == "2.0");
    CHECK(text_of("{\"n\": 0.1}") == "0.1");
    CHECK(text_of("{\"n\": 12.5}") == "12.5");
    CHECK(text_of("{\"n\": \"x\"}") == "chuỗi ký tự");
}

TEST_CASE("Numbers are read as the double nearest to what was written, zeros included") {
    auto read = [](const std::string& number) {
        const ntm::json_fields::Parsed p = ntm::json_fields::parse("{\"n\": " + number + "}", "");
        REQUIRE(p.ok);
        const ntm::json_fields::Json* n = ntm::json_fields::find_field(p.root, "n");
        REQUIRE(n != nullptr);
        REQUIRE(n->IsNumber());
        return n->GetDouble();
    };
    // RapidJSON 1.1.0's own conversion read these as -2e146 and the like, or was an ULP off.
    for (const char* zero : {"0e100", "0.0e300", "0e-23", "0.00000e-30", "-0.0e-400", "0.000000000000000000000000000000000000e-5"})
        CHECK(read(zero) == 0.0);
    for (const char* exact : {"9495.025453351255", "104358.219e-22", "2.2250738585072011e-308", "821559.93678777787",
                              "3993047.123", "0.1", "1e-400", "4.9e-324", "1.7976931348623157e308", "123456789012345678901234567890"}) {
        INFO(exact);
        CHECK(read(exact) == std::strtod(exact, nullptr));
    }
    // Whole numbers stay integers, to the last digit.
    const ntm::json_fields::Parsed p = ntm::json_fields::parse("{\"a\": 18446744073709551615, \"b\": -9223372036854775808, \"c\": -0}", "");
    REQUIRE(p.ok);
    CHECK(ntm::json_fields::find_field(p.root, "a")->GetUint64() == UINT64_MAX);
    CHECK(ntm::json_fields::find_field(p.root, "b")->GetInt64() == INT64_MIN);
    CHECK(ntm::json_fields::find_field(p.root, "c")->IsInt64());
    // Past a double: refused where the number stands, whether its exponent or its value is too large.
    CHECK(contains(message_for("{\"a\": 1.8e308}"), "(lỗi ở dòng 1, cột 13): số quá lớn"));
    CHECK(contains(message_for("{\"a\": [1, 1e999]}"), "(lỗi ở dòng 1, cột 15): số quá lớn"));
}
