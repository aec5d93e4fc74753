#include "core/search.hpp"

#include <catch2/catch.hpp>

#include "test_files.hpp"
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "core/asset.hpp"

namespace asset = ntm::asset;
using namespace ntm::search;

namespace {

using ntm::test::read_text;

// The real units of the province as the viewer's asset holds them: names, parent district and
// type from the boundary data; no geometry (search never looks at it).
asset::MapAsset real_units() {
    const std::string text = read_text(NTM_SOURCE_DIR "/../shared/geodata/soc_trang_communes.geojson");
    REQUIRE_FALSE(text.empty());
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    REQUIRE_FALSE(doc.is_discarded());
    asset::MapAsset map;
    std::map<std::string, int32_t> district_index;
    for (const nlohmann::json& f : doc["features"]) {
        const nlohmann::json& p = f["properties"];
        const std::string district = p["district_vn"].get<std::string>();
        const std::string commune = p["commune_vn"].get<std::string>();
        auto it = district_index.find(district);
        if (it == district_index.end()) {
            asset::Feature d;
            d.name = district;
            d.type = asset::unit_type_from_name(district);
            map.districts.push_back(d);
            it = district_index.emplace(district, int32_t(map.districts.size() - 1)).first;
        }
        asset::Feature c;
        c.name = commune;
        c.parent = it->second;
        c.type = asset::unit_type_from_name(commune);
        map.communes.push_back(c);
    }
    REQUIRE(map.districts.size() == 11);
    REQUIRE(map.communes.size() == 109);
    return map;
}

const asset::MapAsset& units() {
    static const asset::MapAsset map = real_units();
    return map;
}

const Index& index() {
    static const Index idx = build_index(units());
    return idx;
}

// The full name of a match's unit, looked up in the asset (not the display text).
std::string unit_name(const Match& m) {
    return m.commune >= 0 ? units().communes[size_t(m.commune)].name : units().districts[size_t(m.district)].name;
}
std::string district_name(const Match& m) { return m.district >= 0 ? units().districts[size_t(m.district)].name : ""; }

std::vector<std::string> displays(const std::vector<Match>& ms) {
    std::vector<std::string> out;
    for (const Match& m : ms) out.emplace_back(m.display);
    return out;
}

}  // namespace

TEST_CASE("Queries are folded like the names: case, diacritics, đ, punctuation, spaces", "[search]") {
    CHECK(normalize("  Xã HÒA-Tú  1 ") == "xa hoa tu 1");
    CHECK(normalize("Xã Đại Ân 1") == "xa dai an 1");
    CHECK(normalize("Hoà") == normalize("Hòa"));
    CHECK(normalize("Ho\xCC\x80" "a") == "hoa");  // decomposed: o + combining grave
    CHECK(normalize("") == "");
    CHECK(normalize(" ,.-/ ") == "");
}

TEST_CASE("The issue's examples find their unit first", "[search]") {
    const auto first = [](std::string_view q) {
        const std::vector<Match> ms = search(index(), q, 5);
        REQUIRE_FALSE(ms.empty());
        return ms.front();
    };
    for (const char* q : {"hoa tu 1", "Hòa Tú 1", "HÒA TÚ 1", "hoà tú 1", "xa hoa tu 1", "Xã Hòa Tú 1", "  hoa   tu 1 "}) {
        INFO(q);
        const Match m = first(q);
        CHECK(unit_name(m) == "Xã Hòa Tú 1");
        CHECK(district_name(m) == "Huyện Mỹ Xuyên");
        CHECK(m.score == int(MatchKind::exact));
        CHECK(m.display == "Xã Hòa Tú 1, Huyện Mỹ Xuyên");
    }
    {
        const std::vector<Match> ms = search(index(), "HÒA TÚ", 5);
        REQUIRE(ms.size() >= 2);
        CHECK(unit_name(ms[0]) == "Xã Hòa Tú 1");  // prefix of the name without "Xã", natural order
        CHECK(unit_name(ms[1]) == "Xã Hòa Tú 2");
        CHECK(ms[0].score == int(MatchKind::prefix));
    }
    {
        const Match m = first("thanh thoi an");
        CHECK(unit_name(m) == "Xã Thạnh Thới An");
        CHECK(district_name(m) == "Huyện Trần Đề");
        CHECK(m.score == int(MatchKind::exact));
    }
    CHECK(unit_name(first("dai an 2")) == "Xã Đại Ân 2");  // đ folds to d
    CHECK(unit_name(first("tp soc trang")) == "Thành phố Sóc Trăng");
    CHECK(unit_name(first("tx vinh chau")) == "Thị xã Vĩnh Châu");
}

TEST_CASE("Phường 1 comes back once per district, each naming its district", "[search]") {
    const std::vector<Match> ms = search(index(), "phuong 1", 10);
    REQUIRE(ms.size() >= 4);
    // Exact matches first, by district name; then the prefix match Phường 10.
    CHECK(displays({ms.begin(), ms.begin() + 4}) ==
          std::vector<std::string>{"Phường 1, Thành phố Sóc Trăng", "Phường 1, Thị xã Ngã Năm",
                                   "Phường 1, Thị xã Vĩnh Châu", "Phường 10, Thành phố Sóc Trăng"});
    for (int i = 0; i < 3; ++i) {
        CHECK(ms[size_t(i)].score == int(MatchKind::exact));
        CHECK(unit_name(ms[size_t(i)]) == "Phường 1");
        CHECK(ms[size_t(i)].commune >= 0);
    }
    CHECK(ms[3].score == int(MatchKind::prefix));
    CHECK(ms[0].district != ms[1].district);
    CHECK(ms[1].district != ms[2].district);

    SECTION("adding the district picks one") {
        const std::vector<Match> v = search(index(), "phuong 1 vinh chau", 5);
        REQUIRE(v.size() == 1);
        CHECK(v[0].display == "Phường 1, Thị xã Vĩnh Châu");
        CHECK(v[0].score == int(MatchKind::words));
        const std::vector<Match> n = search(index(), "Phường 1, Ngã Năm", 5);
        REQUIRE(n.size() == 1);
        CHECK(n[0].display == "Phường 1, Thị xã Ngã Năm");
    }
}

TEST_CASE("Ranking: exact, prefix, word prefix, substring, words; districts before communes", "[search]") {
    SECTION("a district and its same-named township and commune") {
        const std::vector<Match> ms = search(index(), "long phu", 10);
        REQUIRE(ms.size() >= 3);
        CHECK(displays({ms.begin(), ms.begin() + 3}) ==
              std::vector<std::string>{"Huyện Long Phú", "Thị trấn Long Phú, Huyện Long Phú", "Xã Long Phú, Huyện Long Phú"});
        CHECK(ms[0].commune == -1);
        CHECK(ms[0].district >= 0);
    }
    SECTION("my xuyen: the district, then the township") {
        const std::vector<Match> ms = search(index(), "my xuyen", 10);
        REQUIRE(ms.size() == 2);
        CHECK(ms[0].display == "Huyện Mỹ Xuyên");
        CHECK(ms[1].display == "Thị trấn Mỹ Xuyên, Huyện Mỹ Xuyên");
    }
    SECTION("each tier") {
        const auto kind_of = [](std::string_view q, const char* name) {
            for (const Match& m : search(index(), q, 0))
                if (unit_name(m) == name) return m.score;
            return 0;
        };
        CHECK(kind_of("thanh tri", "Huyện Thạnh Trị") == int(MatchKind::exact));
        CHECK(kind_of("thanh tri", "Xã Thạnh Trị") == int(MatchKind::exact));
        CHECK(kind_of("thanh", "Xã Thạnh Phú") == int(MatchKind::prefix));
        CHECK(kind_of("xa thanh", "Xã Thạnh Phú") == int(MatchKind::prefix));
        CHECK(kind_of("tu 1", "Xã Hòa Tú 1") == int(MatchKind::word_prefix));
        CHECK(kind_of("phuoc", "Xã Mỹ Phước") == int(MatchKind::word_prefix));
        CHECK(kind_of("oa tu", "Xã Hòa Tú 1") == int(MatchKind::substring));
        CHECK(kind_of("hoa 1", "Xã Hòa Tú 1") == int(MatchKind::words));
        CHECK(kind_of("hoa 1", "Xã Hòa Tú 2") == 0);
    }
    SECTION("scores never increase down the list") {
        for (const char* q : {"a", "an", "thanh", "phuong", "my", "1", "xa"}) {
            const std::vector<Match> ms = search(index(), q, 0);
            INFO(q);
            REQUIRE_FALSE(ms.empty());
            for (size_t i = 1; i < ms.size(); ++i) CHECK(ms[i - 1].score >= ms[i].score);
        }
    }
    SECTION("within a tier: natural order, so Phường 2 comes before Phường 10") {
        const std::vector<Match> ms = search(index(), "phuong", 0);
        std::vector<std::string> soc_trang;
        for (const Match& m : ms)
            if (district_name(m) == "Thành phố Sóc Trăng") soc_trang.push_back(unit_name(m));
        REQUIRE(soc_trang.size() == 10);
        CHECK(soc_trang.front() == "Phường 1");
        CHECK(soc_trang[1] == "Phường 2");
        CHECK(soc_trang.back() == "Phường 10");
    }
}

TEST_CASE("Every real unit is found by its own name, with or without the type word", "[search]") {
    const asset::MapAsset& map = units();
    const auto found_exactly = [](std::string_view q, int32_t district, int32_t commune) {
        for (const Match& m : search(index(), q, 0)) {
            if (m.district == district && m.commune == commune) return m.score == int(MatchKind::exact);
        }
        return false;
    };
    for (size_t i = 0; i < map.districts.size(); ++i) {
        INFO(map.districts[i].name);
        CHECK(found_exactly(map.districts[i].name, int32_t(i), -1));
    }
    for (size_t i = 0; i < map.communes.size(); ++i) {
        const std::string& name = map.communes[i].name;
        INFO(name);
        CHECK(found_exactly(name, map.communes[i].parent, int32_t(i)));
        const std::string bare = name.substr(name.find(' ') + 1);  // "Xã Hòa Tú 1" → "Hòa Tú 1"
        const std::string without_type = asset::unit_type_from_name(name) == asset::UnitType::thi_tran
                                             ? name.substr(std::string("Thị trấn ").size())
                                             : bare;
        CHECK(found_exactly(without_type, map.communes[i].parent, int32_t(i)));
        CHECK(found_exactly(normalize(without_type), map.communes[i].parent, int32_t(i)));  // typed without accents
    }
}

TEST_CASE("Degenerate queries give no match and never crash", "[search]") {
    for (std::string_view q : {std::string_view(""), std::string_view("   "), std::string_view(",.;-"),
                               std::string_view("zzz"), std::string_view("\xFF\xFE"), std::string_view("\0", 1),
                               std::string_view("\xE1\xBB")}) {
        CHECK(search(index(), q, 10).empty());
    }
    const std::string long_query(10000, 'a');
    CHECK(search(index(), long_query, 10).empty());
    std::string long_name = "Xã Hòa Tú 1";
    long_name += std::string(200, ' ');
    CHECK(search(index(), long_name, 1).size() == 1);  // trailing spaces past the cap do not matter

    asset::MapAsset empty;
    const Index none = build_index(empty);
    CHECK(search(none, "hoa tu", 10).empty());

    asset::MapAsset orphan;  // a commune whose parent is out of range: indexed, no district
    asset::Feature c;
    c.name = "Xã Mồ Côi";
    c.parent = 7;
    orphan.communes.push_back(c);
    const Index orphan_index = build_index(orphan);  // Match::display points into it: keep it alive
    const std::vector<Match> ms = search(orphan_index, "mo coi", 10);
    REQUIRE(ms.size() == 1);
    CHECK(ms[0].district == -1);
    CHECK(ms[0].commune == 0);
    CHECK(ms[0].display == "Xã Mồ Côi");
}

TEST_CASE("The limit cuts the ranked list; 0 means all", "[search]") {
    const std::vector<Match> all = search(index(), "an", 0);
    REQUIRE(all.size() > 5);
    const std::vector<Match> five = search(index(), "an", 5);
    REQUIRE(five.size() == 5);
    for (size_t i = 0; i < 5; ++i) {
        CHECK(five[i].district == all[i].district);
        CHECK(five[i].commune == all[i].commune);
    }
}

TEST_CASE("search_into reuses the caller's vector: no reallocation per keystroke", "[search]") {
    std::vector<Match> out;
    out.reserve(index().entries.size());
    const Match* data = out.data();
    for (const char* q : {"h", "ho", "hoa", "hoa ", "hoa t", "hoa tu", "hoa tu 1", "phuong", "a"}) {
        search_into(index(), q, 8, &out);
        CHECK(out.data() == data);
        CHECK(out.size() <= 8);
    }
    search_into(index(), "", 8, &out);
    CHECK(out.empty());
}
