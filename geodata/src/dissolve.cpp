// dissolve.cpp — communes → districts → provinces by polygon union, with the gaps closed.
//
// Districts and provinces are derived here rather than read from another source, so a district
// covers exactly its communes and the outlines line up at every zoom. GEOS's unary union
// (the cascaded union OGR's UnionCascaded calls) merges the shared edges.
//
// The trap: the shared communes were simplified one by one, so neighbours do not share every
// vertex: thin gaps open between them and they overlap elsewhere (Sóc Trăng: ~260 gaps of ~900 ha
// and ~1,000 ha of overlaps, of 330,500 ha; the whole country: 31,000 gaps). A plain
// union turns each gap into a hole of the district, and some come out degenerate (a hole of two
// distinct points, zero area), which GEOS 3.11's triangulator rejects ("Unable to find a convex
// corner"). So after each union a hole is kept only if it is an enclave — another district's
// (province's) commune lies inside it — and gaps and degenerate holes are filled. Communes keep
// their own outlines: the gaps stay visible between commune fills, never as holes in a district.

#include <algorithm>
#include <cmath>

#include "internal.hpp"

namespace ntm::pipeline::detail {

GeomPtr dissolve(GEOSContextHandle_t ctx, const std::vector<const GEOSGeometry*>& parts) {
    if (parts.empty()) return make_geom(ctx, nullptr);
    // The collection takes ownership of its members: give it clones, the inputs stay borrowed.
    std::vector<GEOSGeometry*> clones;
    clones.reserve(parts.size());
    for (const GEOSGeometry* p : parts) {
        GEOSGeometry* c = GEOSGeom_clone_r(ctx, p);
        if (!c) {
            for (GEOSGeometry* done : clones) GEOSGeom_destroy_r(ctx, done);
            return make_geom(ctx, nullptr);
        }
        clones.push_back(c);
    }
    GeomPtr collection = make_geom(
        ctx, GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, clones.data(), static_cast<unsigned>(clones.size())));
    if (!collection) {
        for (GEOSGeometry* c : clones) GEOSGeom_destroy_r(ctx, c);
        return make_geom(ctx, nullptr);
    }
    GeomPtr merged = make_geom(ctx, GEOSUnaryUnion_r(ctx, collection.get()));
    if (!merged) return merged;
    return make_geom(ctx, GEOSRemoveRepeatedPoints_r(ctx, merged.get(), 0.0));
}

// [SECTION] Gaps

namespace {

bool read_ring(GEOSContextHandle_t ctx, const GEOSGeometry* ring, std::vector<double>& xy) {
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned int n = 0;
    if (!cs || !GEOSCoordSeq_getSize_r(ctx, cs, &n)) return false;
    xy.resize(2 * size_t(n));
    return n == 0 || GEOSCoordSeq_copyToBuffer_r(ctx, cs, xy.data(), 0, 0) != 0;
}

// Even-odd test against a closed ring x0,y0,...,x0,y0.
bool inside_ring(const std::vector<double>& xy, double x, double y) {
    bool in = false;
    const size_t n = xy.size() / 2;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        const double xi = xy[2 * i], yi = xy[2 * i + 1], xj = xy[2 * j], yj = xy[2 * j + 1];
        if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) in = !in;
    }
    return in;
}

double ring_area(const std::vector<double>& xy) {
    double twice = 0;
    for (size_t i = 2; i + 3 < xy.size(); i += 2)
        twice += (xy[i] - xy[0]) * (xy[i + 3] - xy[1]) - (xy[i + 2] - xy[0]) * (xy[i + 1] - xy[1]);
    return std::abs(twice) / 2;
}

// Does a marker of another group lie inside the closed ring? Markers are sorted by x.
bool holds_other_marker(const std::vector<double>& ring, const std::vector<Marker>& markers, bool province_level,
                        uint32_t own) {
    double x0 = ring[0], x1 = ring[0], y0 = ring[1], y1 = ring[1];
    for (size_t i = 0; i < ring.size(); i += 2) {
        x0 = std::min(x0, ring[i]);
        x1 = std::max(x1, ring[i]);
        y0 = std::min(y0, ring[i + 1]);
        y1 = std::max(y1, ring[i + 1]);
    }
    auto it = std::lower_bound(markers.begin(), markers.end(), x0, [](const Marker& m, double x) { return m.x < x; });
    for (; it != markers.end() && it->x <= x1; ++it) {
        if ((province_level ? it->province : it->district) == own) continue;
        if (it->y >= y0 && it->y <= y1 && inside_ring(ring, it->x, it->y)) return true;
    }
    return false;
}

}  // namespace

GeomPtr fill_gaps(GEOSContextHandle_t ctx, const GEOSGeometry* geom, const std::vector<Marker>& markers,
                  bool province_level, uint32_t own, GapStats& stats) {
    std::vector<GEOSGeometry*> polys;
    auto release = [&] {
        for (GEOSGeometry* p : polys) GEOSGeom_destroy_r(ctx, p);
        return make_geom(ctx, nullptr);
    };
    std::vector<double> xy;
    const int parts = GEOSGetNumGeometries_r(ctx, geom);
    for (int p = 0; p < parts; ++p) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(ctx, geom, p);
        if (!poly || GEOSGeomTypeId_r(ctx, poly) != GEOS_POLYGON) return release();
        if (GEOSisEmpty_r(ctx, poly)) continue;
        GEOSGeometry* shell = GEOSGeom_clone_r(ctx, GEOSGetExteriorRing_r(ctx, poly));
        std::vector<GEOSGeometry*> holes;
        const int nh = GEOSGetNumInteriorRings_r(ctx, poly);
        for (int h = 0; h < nh; ++h) {
            const GEOSGeometry* ring = GEOSGetInteriorRingN_r(ctx, poly, h);
            if (!ring || !read_ring(ctx, ring, xy)) return release();
            // Fewer than 3 distinct vertices (+ closing) or no area: a collapsed sliver.
            if (xy.size() < 8 || ring_area(xy) < 1.0) {
                ++stats.degenerate;
                continue;
            }
            if (!holds_other_marker(xy, markers, province_level, own)) {
                ++stats.gaps;
                stats.gap_area_3857_m2 += ring_area(xy);
                continue;
            }
            holes.push_back(GEOSGeom_clone_r(ctx, ring));
        }
        GEOSGeometry* out = GEOSGeom_createPolygon_r(ctx, shell, holes.data(), static_cast<unsigned>(holes.size()));
        if (!out) return release();
        polys.push_back(out);
    }
    GEOSGeometry* result = polys.size() == 1
                               ? polys[0]
                               : GEOSGeom_createCollection_r(ctx, GEOS_MULTIPOLYGON, polys.data(),
                                                             static_cast<unsigned>(polys.size()));
    if (!result) return release();
    GeomPtr filled = make_geom(ctx, result);
    // A filled gap may have been the moat around another part of the same unit (an island in a
    // ring of gap); then the parts overlap, and one more union makes them one again.
    if (polys.size() > 1 && GEOSisValid_r(ctx, filled.get()) != 1)
        return make_geom(ctx, GEOSUnaryUnion_r(ctx, filled.get()));
    return filled;
}

}  // namespace ntm::pipeline::detail
