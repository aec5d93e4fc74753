#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

#include "core/asset.hpp"
#include "core/pick.hpp"

using namespace ntm;
using namespace ntm::asset;

namespace {

// Two unit squares sharing an edge (communes "Xã A", "Phường B" of "Huyện X"), the second with
// a hole; plus a two-part commune. Coordinates are world metres around an origin.
MapAsset sample_map() {
    MapAsset m;
    m.origin = {11800000, 1070000};
    auto add_ring = [&](std::initializer_list<std::pair<float, float>> pts) {
        Ring r{uint32_t(m.vertex_count()), uint32_t(pts.size())};
        for (auto [x, y] : pts) {
            m.xy.push_back(x);
            m.xy.push_back(y);
        }
        m.rings.push_back(r);
        return r;
    };
    auto feature = [&](std::string name, int parent, uint32_t first_ring, uint32_t rings) {
        Feature f;
        f.name = std::move(name);
        f.parent = parent;
        f.type = unit_type_from_name(f.name);
        f.first_ring = first_ring;
        f.ring_count = rings;
        for (uint32_t r = first_ring; r < first_ring + rings; ++r)
            for (uint32_t v = 0; v < m.rings[r].vertex_count; ++v) f.bbox.extend(m.vertex(m.rings[r].first_vertex + v));
        f.label = f.bbox.center();
        return f;
    };
    add_ring({{0, 0}, {100, 0}, {100, 100}, {0, 100}});
    m.indices = {0, 1, 2, 0, 2, 3};
    Feature a = feature("Xã A", 0, 0, 1);
    a.index_count = 6;
    a.population = 1234;
    a.area_ha = 1.0f;
    m.communes.push_back(a);
    add_ring({{100, 0}, {200, 0}, {200, 100}, {100, 100}});
    add_ring({{140, 40}, {160, 40}, {160, 60}, {140, 60}});  // hole
    m.communes.push_back(feature("Phường B", 0, 1, 2));
    add_ring({{0, 200}, {50, 200}, {50, 250}, {0, 250}});  // part 1
    add_ring({{150, 200}, {200, 200}, {200, 250}, {150, 250}});  // part 2
    m.communes.push_back(feature("Thị trấn C", 0, 3, 2));
    m.districts.push_back(feature("Huyện X", -1, 0, 2));
    m.province.push_back(feature("Tỉnh Y", -1, 0, 1));
    m.context.push_back(feature("Bạc Liêu", -1, 0, 1));
    return m;
}

}  // namespace

TEST_CASE("An encoded asset decodes to the same map", "[asset]") {
    const MapAsset m = sample_map();
    const std::vector<uint8_t> bytes = encode(m);
    auto r = decode(bytes.data(), bytes.size());
    REQUIRE(r.ok());
    CHECK(r->xy == m.xy);
    CHECK(r->indices == m.indices);
    REQUIRE(r->communes.size() == 3);
    CHECK(r->communes[0].name == "Xã A");
    CHECK(r->communes[1].name == "Phường B");
    CHECK(r->communes[1].type == UnitType::phuong);
    CHECK(r->communes[0].population == 1234);
    CHECK(r->communes[0].bbox.max_x == Approx(m.communes[0].bbox.max_x));
    CHECK(r->districts[0].name == "Huyện X");
    CHECK(r->context[0].name == "Bạc Liêu");
    CHECK(encode(*r) == bytes);
}

TEST_CASE("Decoding gives the normalised map: coordinates on the grid, boxes from rings, sorted triangles",
          "[asset]") {
    MapAsset m = sample_map();
    // Off-grid coordinates, a stale box and triangles in the triangulator's order.
    m.xy[0] = 0.3f;   // → 0.25 on the quarter-metre grid
    m.xy[1] = -0.4f;  // → -0.5
    m.indices = {2, 0, 1, 3, 0, 2};
    m.communes[0].label.x += 0.1;
    m.communes[0].bbox.max_x += 7;
    const std::vector<uint8_t> bytes = encode(m);
    auto r = decode(bytes.data(), bytes.size());
    REQUIRE(r.ok());
    CHECK(r->xy[0] == 0.25f);
    CHECK(r->xy[1] == -0.5f);
    // Each triangle starts at its smallest vertex with its winding kept, then sorted.
    CHECK(r->indices == std::vector<uint32_t>{0, 1, 2, 0, 2, 3});
    CHECK(r->communes[0].bbox.max_x == m.origin.x + 100);
    CHECK(r->communes[0].bbox.min_y == m.origin.y - 0.5);
    CHECK(r->communes[0].label.x == m.origin.x + 50);

    MapAsset n = m;
    normalize(n);
    CHECK(r->xy == n.xy);
    CHECK(r->indices == n.indices);
    for (size_t i = 0; i < n.communes.size(); ++i) {
        CHECK(r->communes[i].label.x == n.communes[i].label.x);
        CHECK(r->communes[i].label.y == n.communes[i].label.y);
        CHECK(r->communes[i].bbox.min_x == n.communes[i].bbox.min_x);
        CHECK(r->communes[i].bbox.max_y == n.communes[i].bbox.max_y);
    }
    CHECK(encode(n) == bytes);
    CHECK(encode(*r) == bytes);
}

TEST_CASE("Shared edges are written once; any ring and feature layout still round-trips", "[asset]") {
    // A ring repeated backwards (a neighbour's side of a shared edge) and forwards (a district
    // made of its communes' vertices) costs about a byte per vertex, not two coordinates.
    MapAsset m;
    m.origin = {11800000, 1070000};
    const int n = 200;
    for (int i = 0; i < n; ++i) {
        m.xy.push_back(float(1000 * std::cos(i * 0.0314) + (i * 7919 % 13)));
        m.xy.push_back(float(1000 * std::sin(i * 0.0314) - (i * 104729 % 11)));
    }
    const size_t one_ring = encode(m).size();
    for (int i = n - 1; i >= 0; --i) m.xy.insert(m.xy.end(), {m.xy[size_t(2 * i)], m.xy[size_t(2 * i + 1)]});
    for (int i = 0; i < n; ++i) m.xy.insert(m.xy.end(), {m.xy[size_t(2 * i)], m.xy[size_t(2 * i + 1)]});
    m.rings = {{0, uint32_t(n)}, {uint32_t(2 * n), uint32_t(n)}, {uint32_t(n), uint32_t(n)}};  // out of order
    Feature a, b;
    a.name = "Xã A";
    a.first_ring = 2;  // before its neighbour's rings
    a.ring_count = 1;
    b.name = "Xã B";
    b.first_ring = 0;
    b.ring_count = 2;
    m.communes = {a, b};
    const std::vector<uint8_t> bytes = encode(m);
    CHECK(bytes.size() < one_ring + 2 * n + 128);  // new vertices cost ~5 bytes each
    auto r = decode(bytes.data(), bytes.size());
    REQUIRE(r.ok());
    MapAsset norm = m;
    normalize(norm);
    CHECK(r->xy == norm.xy);
    REQUIRE(r->rings.size() == 3);
    CHECK(r->rings[1].first_vertex == uint32_t(2 * n));
    CHECK(r->rings[2].first_vertex == uint32_t(n));
    CHECK(r->communes[0].first_ring == 2);
    CHECK(r->communes[1].first_ring == 0);
    CHECK(r->communes[1].ring_count == 2);
    CHECK(encode(*r) == bytes);
}

TEST_CASE("Coarser levels: neighbours stay joined, tiny features vanish, the area stays", "[asset]") {
    // Two 1 km squares sharing an edge drawn with 40 m steps (100 vertices each; the last one of
    // each side on the grid point of the corner it ends at, the last of all on the first),
    // triangulated as fans from the far corner; a 3 m islet; snapped to a 100 m grid.
    MapAsset m;
    m.origin = {11800000, 1070000};
    auto square = [&](double x0, double side, int steps) {
        Ring r{uint32_t(m.vertex_count()), 0};
        const double d = side / steps;
        for (int s = 0; s < steps; ++s) m.xy.insert(m.xy.end(), {float(x0 + s * d), 0.f});
        for (int s = 0; s < steps; ++s) m.xy.insert(m.xy.end(), {float(x0 + side), float(s * d)});
        for (int s = 0; s < steps; ++s) m.xy.insert(m.xy.end(), {float(x0 + side - s * d), float(side)});
        for (int s = 0; s < steps; ++s) m.xy.insert(m.xy.end(), {float(x0), float(side - s * d)});
        r.vertex_count = uint32_t(4 * steps);
        Feature f;
        f.first_ring = uint32_t(m.rings.size());
        f.ring_count = 1;
        f.first_index = uint32_t(m.indices.size());
        const uint32_t n = r.vertex_count, apex = uint32_t(2 * steps);  // the far corner
        for (uint32_t k = 1; k + 1 < n; ++k)
            m.indices.insert(m.indices.end(), {r.first_vertex + apex, r.first_vertex + (apex + k) % n,
                                               r.first_vertex + (apex + k + 1) % n});
        f.index_count = uint32_t(m.indices.size()) - f.first_index;
        m.rings.push_back(r);
        for (uint32_t v = 0; v < r.vertex_count; ++v) f.bbox.extend(m.vertex(r.first_vertex + v));
        return f;
    };
    m.communes = {square(0, 1000, 25), square(1000, 1000, 25), square(5000, 3, 3)};
    m.communes[0].name = "Xã A";

    const MapAsset c = simplified(m, 100);
    REQUIRE(c.communes.size() == 3);
    CHECK(c.communes[0].name == "Xã A");
    CHECK(c.communes[0].bbox.max_x == m.communes[0].bbox.max_x);  // boxes and names are kept
    CHECK(c.vertex_count() < m.vertex_count() / 2);
    for (const Feature& f : {c.communes[0], c.communes[1]}) {
        REQUIRE(f.ring_count == 1);
        CHECK(c.rings[f.first_ring].vertex_count == 40);  // 100 m steps
        double area = 0;
        for (uint32_t k = f.first_index; k < f.first_index + f.index_count; k += 3) {
            const geo::World a = c.vertex(c.indices[k]), b = c.vertex(c.indices[k + 1]), d = c.vertex(c.indices[k + 2]);
            area += ((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y)) / 2;
        }
        CHECK(area == Approx(1e6));
    }
    // The shared edge x = 1000: every point of one square's side is a point of the other's.
    auto side_points = [&](const Feature& f) {
        std::vector<std::pair<float, float>> p;
        const Ring& r = c.rings[f.first_ring];
        for (uint32_t v = r.first_vertex; v < r.first_vertex + r.vertex_count; ++v)
            if (c.xy[2 * v] == 1000.f) p.emplace_back(c.xy[2 * v], c.xy[2 * v + 1]);
        std::sort(p.begin(), p.end());
        return p;
    };
    CHECK(side_points(c.communes[0]) == side_points(c.communes[1]));
    CHECK(side_points(c.communes[0]).size() == 11);
    // The islet is below the grid: no ring, no triangle, but still a feature.
    CHECK(c.communes[2].ring_count == 0);
    CHECK(c.communes[2].index_count == 0);
    for (uint32_t i : c.indices) REQUIRE(i < c.vertex_count());

    // Every triangle kept is a source triangle with its corners on their grid points (repeated
    // points and those closing a ring included), and every triangle with an area is kept.
    using Corner = std::pair<float, float>;
    using Triangle = std::array<Corner, 3>;
    auto triangles = [](const MapAsset& a, const Feature& f, auto corner) {
        std::vector<Triangle> out;
        for (uint32_t k = f.first_index; k < f.first_index + f.index_count; k += 3) {
            const Triangle t{corner(a, a.indices[k]), corner(a, a.indices[k + 1]), corner(a, a.indices[k + 2])};
            const double twice_area = double(t[1].first - t[0].first) * (t[2].second - t[0].second) -
                                      double(t[2].first - t[0].first) * (t[1].second - t[0].second);
            if (twice_area != 0) out.push_back(t);
        }
        std::sort(out.begin(), out.end());
        return out;
    };
    auto snapped = [](const MapAsset& a, uint32_t v) {
        return Corner{float(std::round(a.xy[2 * v] / 100) * 100), float(std::round(a.xy[2 * v + 1] / 100) * 100)};
    };
    auto as_is = [](const MapAsset& a, uint32_t v) { return Corner{a.xy[2 * v], a.xy[2 * v + 1]}; };
    for (int i = 0; i < 2; ++i) {
        const std::vector<Triangle> kept = triangles(c, c.communes[size_t(i)], as_is);
        CHECK(kept.size() == c.communes[size_t(i)].index_count / 3);
        CHECK(kept == triangles(m, m.communes[size_t(i)], snapped));
    }
}

TEST_CASE("Coarser levels: a hole the grid closes keeps the triangles around it", "[asset]") {
    // A 1 km square with a 4 m hole at its centre, and triangles from the square's corners to the
    // hole (as a triangulation of a ring with a hole has): on a 100 m grid the hole is one point
    // and no ring, but the triangles still cover the square.
    MapAsset m;
    m.origin = {11800000, 1070000};
    m.xy = {0, 0, 1000, 0, 1000, 1000, 0, 1000, 498, 498, 502, 498, 502, 502, 498, 502};
    m.rings = {{0, 4}, {4, 4}};
    Feature f;
    f.ring_count = 2;
    m.indices = {0, 1, 4, 1, 2, 5, 2, 3, 6, 3, 0, 7};
    f.first_index = 0;
    f.index_count = uint32_t(m.indices.size());
    m.communes = {f};

    const MapAsset c = simplified(m, 100);
    const Feature& s = c.communes[0];
    REQUIRE(s.ring_count == 1);
    REQUIRE(s.index_count == 12);
    double area = 0;
    for (uint32_t k = s.first_index; k < s.first_index + s.index_count; k += 3) {
        for (int i = 0; i < 3; ++i) REQUIRE(c.indices[k + uint32_t(i)] < c.vertex_count());
        const geo::World a = c.vertex(c.indices[k]), b = c.vertex(c.indices[k + 1]), d = c.vertex(c.indices[k + 2]);
        area += ((b.x - a.x) * (d.y - a.y) - (d.x - a.x) * (b.y - a.y)) / 2;
        CHECK(d.x - c.origin.x == 500);  // the hole's corners on its one grid point
        CHECK(d.y - c.origin.y == 500);
    }
    CHECK(area == Approx(1e6));
}

TEST_CASE("The asset reader rejects damaged files with a Vietnamese message", "[asset]") {
    const std::vector<uint8_t> good = encode(sample_map());

    SECTION("empty") {
        auto r = decode(good.data(), 0);
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message_vi.find("trống") != std::string::npos);
    }
    SECTION("wrong magic") {
        std::vector<uint8_t> bad = good;
        bad[0] = 'X';
        auto r = decode(bad.data(), bad.size());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::format);
    }
    SECTION("wrong version") {
        std::vector<uint8_t> bad = good;
        bad[4] = 99;
        auto r = decode(bad.data(), bad.size());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::version);
        CHECK(r.error().message_vi.find("phiên bản 99") != std::string::npos);
    }
    SECTION("truncated at every length") {
        for (size_t n = 1; n < good.size(); ++n) {
            auto r = decode(good.data(), n);
            REQUIRE_FALSE(r.ok());
            CHECK_FALSE(r.error().message_vi.empty());
        }
    }
    SECTION("any flipped byte in the payload") {
        for (size_t i = kHeaderBytes; i < good.size(); i += 7) {
            std::vector<uint8_t> bad = good;
            bad[i] ^= 0x40;
            auto r = decode(bad.data(), bad.size());
            REQUIRE_FALSE(r.ok());
            CHECK(r.error().code == ErrorCode::corrupt);
        }
    }
    SECTION("counts that point past the end, with a valid checksum") {
        // A hand-made file whose CRC is right but whose vertex count is huge: the reader must
        // check counts against the bytes left, not trust them.
        std::vector<uint8_t> bad = good;
        const uint32_t huge = 0x7FFFFFFF;
        std::memcpy(bad.data() + kHeaderBytes + 16, &huge, 4);
        const uint32_t crc = crc32(bad.data() + kHeaderBytes, bad.size() - kHeaderBytes);
        std::memcpy(bad.data() + 12, &crc, 4);
        auto r = decode(bad.data(), bad.size());
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().code == ErrorCode::corrupt);
    }
    SECTION("any damaged byte of the sections, with a valid checksum") {
        // Varints that run on, references to vertices not yet read, indices past the table:
        // every byte after the fixed header fields, changed and re-checksummed, is either
        // rejected or decodes to a map whose indices all stay in range.
        const size_t sections = kHeaderBytes + 16 + 7 * 4 + 8;
        for (size_t i = sections; i < good.size(); ++i)
            for (uint8_t x : {uint8_t(0x01), uint8_t(0x80), uint8_t(0xFF)}) {
                std::vector<uint8_t> bad = good;
                bad[i] ^= x;
                const uint32_t crc = crc32(bad.data() + kHeaderBytes, bad.size() - kHeaderBytes);
                std::memcpy(bad.data() + 12, &crc, 4);
                auto r = decode(bad.data(), bad.size());
                if (!r.ok()) {
                    CHECK(r.error().code == ErrorCode::corrupt);
                    continue;
                }
                for (uint32_t k : r->indices) REQUIRE(k < r->vertex_count());
                for (const Ring& ring : r->rings) REQUIRE(ring.first_vertex + ring.vertex_count <= r->vertex_count());
            }
    }
}

TEST_CASE("CRC-32 matches the standard check value", "[asset]") {
    const char* s = "123456789";
    CHECK(crc32(reinterpret_cast<const uint8_t*>(s), 9) == 0xCBF43926u);
}

TEST_CASE("Unit types come from the name's prefix", "[asset]") {
    CHECK(unit_type_from_name("Xã Hòa Tú 1") == UnitType::xa);
    CHECK(unit_type_from_name("Thị trấn Long Phú") == UnitType::thi_tran);
    CHECK(unit_type_from_name("Thị xã Vĩnh Châu") == UnitType::thi_xa);
    CHECK(unit_type_from_name("Thành phố Sóc Trăng") == UnitType::thanh_pho);
    CHECK(unit_type_from_name("Phường 1") == UnitType::phuong);
    CHECK(unit_type_from_name("Huyện Mỹ Xuyên") == UnitType::huyen);
    CHECK(unit_type_from_name("Xãx") == UnitType::other);
    CHECK(std::string(unit_type_id(UnitType::thi_tran)) == "thi-tran");
}

TEST_CASE("Picking finds the commune under a point, with holes and multipolygons", "[pick]") {
    const MapAsset m = sample_map();
    const pick::Index idx = pick::build(m, m.communes);
    auto at = [&](double x, double y) { return pick::find(idx, m, m.communes, {m.origin.x + x, m.origin.y + y}); };
    CHECK(at(50, 50) == 0);
    CHECK(at(120, 20) == 1);
    CHECK(at(150, 50) == -1);  // inside the hole of Phường B
    CHECK(at(25, 225) == 2);   // first part of Thị trấn C
    CHECK(at(175, 225) == 2);  // second part
    CHECK(at(100, 225) == -1);  // between the parts, inside C's bbox
    CHECK(at(-10, 50) == -1);
    CHECK(at(500, 500) == -1);
}
