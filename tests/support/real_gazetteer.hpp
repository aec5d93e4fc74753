// real_gazetteer.hpp — the gazetteer of the real boundary data (../shared/geodata), built as the
// viewer builds it from the map asset: one entry per commune and per district, types from the
// name prefix. Read once per test process; the tests that use it check the shipped plan, status
// and tour files, and the bad inputs' messages, against exactly the names the page knows.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "core/asset.hpp"
#include "core/plan.hpp"
#include "core/test_files.hpp"

namespace ntm::test {

inline const plan::Gazetteer& real_gazetteer() {
    static const plan::Gazetteer gaz = [] {
        const std::string text = read_text(NTM_SOURCE_DIR "/../shared/geodata/soc_trang_communes.geojson");
        REQUIRE_FALSE(text.empty());
        const nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
        REQUIRE_FALSE(doc.is_discarded());
        REQUIRE(doc.contains("features"));
        plan::Gazetteer g;
        std::set<std::string> districts;
        for (const nlohmann::json& f : doc["features"]) {
            const std::string district = f["properties"]["district_vn"].get<std::string>();
            const std::string commune = f["properties"]["commune_vn"].get<std::string>();
            g.units.push_back({district, commune, asset::unit_type_from_name(commune)});
            if (districts.insert(district).second)
                g.units.push_back({district, "", asset::unit_type_from_name(district)});
        }
        REQUIRE(districts.size() == 11);
        return g;
    }();
    return gaz;
}

}  // namespace ntm::test
