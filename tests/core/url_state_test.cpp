#include "core/url_state.hpp"

#include <catch2/catch.hpp>

#include "test_files.hpp"
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace ntm::url_state;

namespace {

using ntm::test::read_text;

// (district, commune) of every real commune, from the boundary data.
std::vector<std::pair<std::string, std::string>> real_communes() {
    const std::string text = read_text(NTM_SOURCE_DIR "/../shared/geodata/soc_trang_communes.geojson");
    REQUIRE_FALSE(text.empty());
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    REQUIRE_FALSE(doc.is_discarded());
    std::vector<std::pair<std::string, std::string>> out;
    for (const nlohmann::json& f : doc["features"])
        out.emplace_back(f["properties"]["district_vn"].get<std::string>(), f["properties"]["commune_vn"].get<std::string>());
    REQUIRE(out.size() == 109);
    return out;
}

ViewState example() {
    ViewState s;
    s.view = View{105.97, 9.6, 10.25};
    s.district = "Huyện Mỹ Xuyên";
    s.commune = "Xã Hòa Tú 1";
    s.layer = "muc-tieu-2024";
    s.lang = "vi";
    s.tour_step = 3;
    return s;
}

bool url_safe(const std::string& h) {
    for (char c : h) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                        std::string("-._~%=&#,").find(c) != std::string::npos;
        if (!ok) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("The hash format is pinned", "[url]") {
    CHECK(to_hash(example()) ==
          "#v=105.97,9.6,10.25&d=Huy%E1%BB%87n%20M%E1%BB%B9%20Xuy%C3%AAn&c=X%C3%A3%20H%C3%B2a%20T%C3%BA%201"
          "&l=muc-tieu-2024&lang=vi&t=3");
    CHECK(to_hash(ViewState{}).empty());
    ViewState only_lang;
    only_lang.lang = "en";
    CHECK(to_hash(only_lang) == "#lang=en");
    ViewState view;
    view.view = View{-0.5, -12.000004, 0};
    CHECK(to_hash(view) == "#v=-0.5,-12,0");
}

TEST_CASE("to_hash then parse_hash gives the same state", "[url]") {
    const ViewState s = example();
    CHECK(parse_hash(to_hash(s)) == s);
    CHECK(parse_hash(to_hash(s).substr(1)) == s);  // without '#'

    SECTION("each field alone") {
        ViewState a;
        a.view = View{105.12345, 9.54321, 11.5};
        CHECK(parse_hash(to_hash(a)) == a);
        ViewState b;
        b.district = "Thị xã Vĩnh Châu";
        CHECK(parse_hash(to_hash(b)) == b);
        for (const char* layer : {"muc-tieu-2024", "hien-trang", "ranh-gioi"}) {
            ViewState c;
            c.layer = layer;
            CHECK(parse_hash(to_hash(c)) == c);
        }
        ViewState d;
        d.tour_step = 0;  // step 0 is a step, not "no tour"
        CHECK(to_hash(d) == "#t=0");
        CHECK(parse_hash(to_hash(d)) == d);
    }
    SECTION("Phường 1 of each of its three districts stays itself") {
        std::vector<std::string> hashes;
        for (const char* d : {"Thành phố Sóc Trăng", "Thị xã Ngã Năm", "Thị xã Vĩnh Châu"}) {
            ViewState p;
            p.district = d;
            p.commune = "Phường 1";
            const std::string h = to_hash(p);
            CHECK(parse_hash(h) == p);
            hashes.push_back(h);
        }
        CHECK(hashes[0] != hashes[1]);
        CHECK(hashes[1] != hashes[2]);
    }
    SECTION("every real commune") {
        for (const auto& [d, c] : real_communes()) {
            ViewState s2 = example();
            s2.district = d;
            s2.commune = c;
            INFO(d << " / " << c);
            CHECK(parse_hash(to_hash(s2)) == s2);
        }
    }
    SECTION("names with reserved characters") {
        ViewState s3;
        s3.district = "A&B=C #1 + 50% / ?";
        s3.commune = "“ngoặc” ‹›";
        CHECK(parse_hash(to_hash(s3)) == s3);
    }
    SECTION("the view is rounded to 5 / 2 decimals, exactly reproducibly") {
        ViewState r;
        r.view = View{105.123456789, -9.876543219, 10.256};
        const ViewState back = parse_hash(to_hash(r));
        REQUIRE(back.view);
        CHECK(*back.view == rounded(*r.view));
        CHECK(back.view->lon == Approx(105.12346).margin(1e-12));
        CHECK(back.view->zoom == Approx(10.26).margin(1e-12));
        CHECK(to_hash(back) == to_hash(r));
    }
    SECTION("the limits themselves are valid") {
        ViewState e;
        e.view = View{180, kMaxLat, kMaxZoom};
        const ViewState back = parse_hash(to_hash(e));
        REQUIRE(back.view);  // 85.0511287798 would round past the limit; written truncated
        CHECK(back.view->lat <= kMaxLat);
        CHECK(back.view->lat == Approx(kMaxLat).margin(1e-5));
        e.view = View{-180, -kMaxLat, kMinZoom};
        CHECK(parse_hash(to_hash(e)).view.has_value());
    }
    SECTION("only URL-safe ASCII is written") {
        ViewState s4 = example();
        s4.district = "<script>alert('x')</script>";
        s4.commune = "\" onload=\"x";
        const std::string h = to_hash(s4);
        CHECK(url_safe(h));
        CHECK(parse_hash(h) == s4);
    }
}

TEST_CASE("to_hash leaves out what parse_hash would reject", "[url]") {
    ViewState s;
    s.commune = "Xã Hòa Tú 1";  // no district: ambiguous
    s.layer = "khong-co";
    s.lang = "fr";
    s.tour_step = -1;
    s.view = View{200, 9, 10};
    CHECK(to_hash(s).empty());
    s.view = View{std::nan(""), 9, 10};
    CHECK(to_hash(s).empty());
    s.tour_step = kMaxTourStep + 1;
    CHECK(to_hash(s).empty());
}

TEST_CASE("parse_hash ignores hostile or invalid values and keeps the valid ones", "[url]") {
    const std::string good_d = "d=Huy%E1%BB%87n%20M%E1%BB%B9%20Xuy%C3%AAn";

    SECTION("unknown keys, empty pairs, keys without values") {
        const ViewState s = parse_hash("#foo=bar&&=&x&" + good_d + "&lang&t=&v=&zzz=%ZZ");
        CHECK(s.district == "Huyện Mỹ Xuyên");
        CHECK(s.commune.empty());
        CHECK_FALSE(s.view);
        CHECK_FALSE(s.tour_step);
        CHECK(s.lang.empty());
    }
    SECTION("numbers: NaN, inf, exponents, hex, huge, signs, spaces, wrong counts") {
        for (const char* v : {"nan,nan,1", "NaN,9,10", "inf,9,10", "105,9,Infinity", "1e2,9,10", "105,9e0,10",
                              "0x10,9,10", "99999999999999999999,9,10", "1000,9,10", "+105,9,10", "105, 9,10",
                              " 105,9,10", "105,9", "105,9,10,11", "105,,10", "105.,9,10", ".5,9,10", "-,9,10",
                              "105.1234567890,9,10", "105;9;10", "105%2C9%2C10", "--105,9,10", "105,9,10,"}) {
            INFO(v);
            CHECK_FALSE(parse_hash(std::string("#v=") + v).view);
        }
    }
    SECTION("view out of range") {
        for (const char* v : {"180.00001,9,10", "-181,9,10", "105,85.06,10", "105,-90,10", "105,9,-0.01", "105,9,20.01",
                              "105,9,25"}) {
            INFO(v);
            CHECK_FALSE(parse_hash(std::string("#v=") + v).view);
        }
        const ViewState ok = parse_hash("#v=-180,-85.05,0");
        REQUIRE(ok.view);
        CHECK(ok.view->lon == -180);
        CHECK(ok.view->zoom == 0);
    }
    SECTION("names: bad escapes, invalid UTF-8, control and bidi characters, over-long") {
        for (const char* d : {"%", "%4", "%G1", "%C3", "%C3%28", "%ED%A0%80", "%FF", "abc%00def", "a%0Ab", "%7F",
                              "%C2%85", "%E2%80%AEevil", "%EF%BB%BFx", ""}) {
            INFO(d);
            const ViewState s = parse_hash(std::string("#d=") + d + "&lang=en");
            CHECK(s.district.empty());
            CHECK(s.lang == "en");  // the valid rest is kept
        }
        const std::string at_limit(kMaxValueBytes, 'a');
        CHECK(parse_hash("#d=" + at_limit).district == at_limit);
        CHECK(parse_hash("#d=" + at_limit + "a").district.empty());
        std::string encoded_long;  // 67 × "ệ" = 201 bytes once decoded
        for (int i = 0; i < 67; ++i) encoded_long += "%E1%BB%87";
        CHECK(parse_hash("#d=" + encoded_long).district.empty());
        CHECK(parse_hash("#d=" + std::string(100000, 'x')).district.empty());
    }
    SECTION("script-looking text is just text") {
        const ViewState s = parse_hash("#d=%3Cscript%3Ealert(1)%3C%2Fscript%3E&c=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        CHECK(s.district == "<script>alert(1)</script>");
        CHECK(s.commune == "<img src=x onerror=alert(1)>");
        CHECK(url_safe(to_hash(s)));
    }
    SECTION("'+' is a space, as URLSearchParams reads it") {
        CHECK(parse_hash("#d=Huy%E1%BB%87n+M%E1%BB%B9+Xuy%C3%AAn").district == "Huyện Mỹ Xuyên");
    }
    SECTION("a commune needs its district, in any order") {
        CHECK(parse_hash("#c=Ph%C6%B0%E1%BB%9Dng%201").commune.empty());
        const ViewState s = parse_hash("#c=Ph%C6%B0%E1%BB%9Dng%201&d=Th%E1%BB%8B%20x%C3%A3%20Ng%C3%A3%20N%C4%83m");
        CHECK(s.district == "Thị xã Ngã Năm");
        CHECK(s.commune == "Phường 1");
        CHECK(parse_hash("#c=Ph%C6%B0%E1%BB%9Dng%201&d=%FF").commune.empty());  // district invalid: commune dropped
    }
    SECTION("layer, language and tour step are checked against their sets") {
        CHECK(parse_hash("#l=muc-tieu-2025").layer.empty());
        CHECK(parse_hash("#l=MUC-TIEU-2024").layer.empty());
        CHECK(parse_hash("#l=hien-trang").layer == "hien-trang");
        CHECK(parse_hash("#l=hien%2Dtrang").layer == "hien-trang");
        for (const char* lang : {"fr", "VI", "vi-VN", "", "e"}) CHECK(parse_hash(std::string("#lang=") + lang).lang.empty());
        for (const char* t : {"-1", "1000", "1.5", "abc", "+1", " 1", "0x1", "99999999999999999999"}) {
            INFO(t);
            CHECK_FALSE(parse_hash(std::string("#t=") + t).tour_step);
        }
        CHECK(parse_hash("#t=999").tour_step == 999);
        CHECK(parse_hash("#t=007").tour_step == 7);
    }
    SECTION("a later valid value replaces an earlier one; an invalid one does not") {
        const ViewState s = parse_hash("#lang=vi&lang=en&lang=xx&t=2&t=bad");
        CHECK(s.lang == "en");
        CHECK(s.tour_step == 2);
    }
    SECTION("a large hostile hash is read in one pass without crashing") {
        std::string h = "#";
        for (int i = 0; i < 20000; ++i) h += "v=nan&d=%ZZ&x=" + std::to_string(i) + "&";
        h += "t=5";
        const ViewState s = parse_hash(h);
        CHECK(s.tour_step == 5);
        CHECK_FALSE(s.view);
    }
    SECTION("arbitrary bytes never crash") {
        std::string bytes;
        for (int i = 0; i < 256; ++i) bytes.push_back(char(i));
        for (const char* k : {"#v=", "#d=", "#c=", "#l=", "#lang=", "#t=", "#"}) (void)parse_hash(k + bytes);
        SUCCEED();
    }
}

TEST_CASE("Percent-encoding helpers", "[url]") {
    CHECK(percent_encode("Xã Hòa Tú 1") == "X%C3%A3%20H%C3%B2a%20T%C3%BA%201");
    CHECK(percent_encode("a-b_c.d~e") == "a-b_c.d~e");
    CHECK(percent_encode("+&=#%") == "%2B%26%3D%23%25");
    CHECK(percent_decode("X%c3%a3") == std::optional<std::string>("Xã"));  // lowercase hex accepted
    CHECK(percent_decode("a+b") == std::optional<std::string>("a b"));
    CHECK_FALSE(percent_decode("%"));
    CHECK_FALSE(percent_decode("%2"));
    CHECK_FALSE(percent_decode("%x2"));
    CHECK(percent_decode("") == std::optional<std::string>(""));
}
