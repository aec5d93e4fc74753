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

TEST_CASE("Boxes contain and intersect boxes", "[geo]") {
    const Box a{0, 0, 10, 10};
    CHECK(a.encloses(Box{2, 2, 10, 5}));
    CHECK_FALSE(a.encloses(Box{2, 2, 11, 5}));
    CHECK(a.encloses(Box{}));  // the empty box is in every box
    const Box i = a.intersection(Box{5, -5, 20, 3});
    CHECK(i.min_x == 5);
    CHECK(i.min_y == 0);
    CHECK(i.max_x == 10);
    CHECK(i.max_y == 3);
    CHECK(a.intersection(Box{11, 0, 12, 1}).empty());
    // Touching along an edge: a line, no area.
    const Box edge = a.intersection(Box{10, 0, 12, 10});
    CHECK_FALSE(edge.empty());
    CHECK(edge.width() * edge.height() == 0);
}
