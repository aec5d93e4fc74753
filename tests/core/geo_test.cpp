#include <catch2/catch.hpp>

#include "core/geo.hpp"

using namespace ntm::geo;

TEST_CASE("Web Mercator round-trips points across Sóc Trăng and Vietnam", "[geo]") {
    for (LonLat p : {LonLat{105.97, 9.60}, LonLat{102.14, 23.39}, LonLat{109.46, 8.56}, LonLat{0, 0}}) {
        const LonLat back = world_to_lonlat(lonlat_to_world(p));
        CHECK(back.lon == Approx(p.lon).margin(1e-9));
        CHECK(back.lat == Approx(p.lat).margin(1e-9));
    }
}

TEST_CASE("Web Mercator matches EPSG:3857 reference values", "[geo]") {
    // Reference values from PROJ 9.1 (GDAL's OGRCoordinateTransformation 4326 -> 3857).
    CHECK(lonlat_to_world({180, 0}).x == Approx(20037508.342789244));
    const World w = lonlat_to_world({105.97, 9.6});
    CHECK(w.x == Approx(11796526.4394).margin(1e-3));
    CHECK(w.y == Approx(1073702.7055).margin(1e-3));
}

TEST_CASE("Boxes start empty and grow", "[geo]") {
    Box b;
    CHECK(b.empty());
    b.extend(World{1, 2});
    CHECK_FALSE(b.empty());
    b.extend(World{-1, 5});
    CHECK(b.width() == 2);
    CHECK(b.height() == 3);
    CHECK(b.contains({0, 3}));
    CHECK_FALSE(b.contains({2, 3}));
}
