// triangulate.cpp — one polygonal GEOS geometry → rings, vertices, fill triangles, label, area.
//
// Triangles come from GEOS's constrained Delaunay triangulation (GEOS >= 3.10), which keeps
// every ring edge and adds no points: each triangle corner is one of the polygon's own vertices,
// so corners are mapped back to ring vertices by exact coordinate. A corner that is not found
// (only where a polygon had to be cut into strips, see triangles_of) gets a vertex of its own
// and is counted in the report.
//
// Label anchor: the centre of the maximum inscribed circle (pole of inaccessibility), which lies
// inside the polygon even for crescent or C-shaped communes, where a centroid would not.

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

#include "internal.hpp"

namespace ntm::pipeline::detail {

// [SECTION] Area

Result<std::unique_ptr<AreaMeter>> AreaMeter::create(const std::string& crs) {
    OGRSpatialReference merc, target;
    merc.importFromEPSG(3857);
    merc.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (target.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        return Error{ErrorCode::invalid_data, "Không dùng được hệ tọa độ để tính diện tích: " + crs + ".",
                     "cannot parse area CRS '" + crs + "'"};
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<AreaMeter> m(new AreaMeter());
    m->ct_.reset(OGRCreateCoordinateTransformation(&merc, &target));
    if (!m->ct_)
        return Error{ErrorCode::invalid_data, "Không dùng được hệ tọa độ để tính diện tích: " + crs + ".",
                     "no transformation EPSG:3857 -> '" + crs + "'"};
    return m;
}

AreaMeter::~AreaMeter() = default;

double AreaMeter::ring_area_m2(const std::vector<double>& xy) {
    const size_t n = xy.size() / 2;
    x_.resize(n);
    y_.resize(n);
    for (size_t i = 0; i < n; ++i) {
        x_[i] = xy[2 * i];
        y_[i] = xy[2 * i + 1];
    }
    if (n < 3 || !ct_->Transform(static_cast<int>(n), x_.data(), y_.data())) return std::nan("");
    // Shoelace about the first vertex: UTM coordinates are ~1e6 m, their products lose digits.
    double twice = 0;
    for (size_t i = 1; i + 1 < n; ++i)
        twice += (x_[i] - x_[0]) * (y_[i + 1] - y_[0]) - (x_[i + 1] - x_[0]) * (y_[i] - y_[0]);
    return twice / 2;
}

// [SECTION] Rings and triangles

namespace {

struct CoordKey {
    double x, y;
    bool operator==(const CoordKey& o) const { return x == o.x && y == o.y; }
};
struct CoordHash {
    size_t operator()(const CoordKey& k) const {
        uint64_t a, b;
        std::memcpy(&a, &k.x, 8);
        std::memcpy(&b, &k.y, 8);
        return std::hash<uint64_t>()(a ^ (b * 0x9E3779B97F4A7C15ull));
    }
};

double signed_area(const std::vector<double>& xy) {
    const size_t n = xy.size() / 2;
    double twice = 0;
    for (size_t i = 1; i + 1 < n; ++i)
        twice += (xy[2 * i] - xy[0]) * (xy[2 * i + 3] - xy[1]) - (xy[2 * i + 2] - xy[0]) * (xy[2 * i + 1] - xy[1]);
    return twice / 2;
}

// Ring coordinates as x0,y0,x1,y1,... without the closing vertex.
bool ring_coords(GEOSContextHandle_t ctx, const GEOSGeometry* ring, std::vector<double>& xy) {
    const GEOSCoordSequence* cs = GEOSGeom_getCoordSeq_r(ctx, ring);
    unsigned int n = 0;
    if (!cs || !GEOSCoordSeq_getSize_r(ctx, cs, &n)) return false;
    xy.resize(2 * size_t(n));
    if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx, cs, xy.data(), 0, 0)) return false;
    if (n >= 2 && xy[0] == xy[2 * (n - 1)] && xy[1] == xy[2 * (n - 1) + 1]) xy.resize(2 * size_t(n - 1));
    return true;
}

void reverse_ring(std::vector<double>& xy) {
    const size_t n = xy.size() / 2;
    for (size_t i = 0; i < n / 2; ++i) {
        std::swap(xy[2 * i], xy[2 * (n - 1 - i)]);
        std::swap(xy[2 * i + 1], xy[2 * (n - 1 - i) + 1]);
    }
}

// Triangles of one polygon as x0,y0,x1,y1,x2,y2 each. GEOS's constrained Delaunay first; GEOS
// 3.11's hole joiner still fails on a few polygons whose holes touch the shell or each other
// ("Unable to find a convex corner", libgeos/geos#1283, fixed by its 3.12+ rewrite). Then the
// polygon is cut into vertical strips through the middle of every hole, so no piece has that
// hole, and the pieces are triangulated the same way. The cuts add vertices where they cross a
// ring; those corners are new and get vertices of their own (counted in the report).
bool triangles_of(GEOSContextHandle_t ctx, const GEOSGeometry* poly, std::vector<double>& out, int depth,
                  size_t& split) {
    GeomPtr tris = make_geom(ctx, GEOSConstrainedDelaunayTriangulation_r(ctx, poly));
    std::vector<double> xy;
    if (tris) {
        const int nt = GEOSGetNumGeometries_r(ctx, tris.get());
        for (int t = 0; t < nt; ++t) {
            const GEOSGeometry* tri = GEOSGetGeometryN_r(ctx, tris.get(), t);
            const GEOSGeometry* ring = tri ? GEOSGetExteriorRing_r(ctx, tri) : nullptr;
            if (!ring || !ring_coords(ctx, ring, xy) || xy.size() != 6) return false;
            out.insert(out.end(), xy.begin(), xy.end());
        }
        return true;
    }
    if (depth >= 3) return false;
    ++split;
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    if (!GEOSGeom_getXMin_r(ctx, poly, &x0) || !GEOSGeom_getXMax_r(ctx, poly, &x1) ||
        !GEOSGeom_getYMin_r(ctx, poly, &y0) || !GEOSGeom_getYMax_r(ctx, poly, &y1))
        return false;
    std::vector<double> cuts;
    const int holes = GEOSGetNumInteriorRings_r(ctx, poly);
    for (int h = 0; h < holes; ++h) {
        double hx0 = 0, hx1 = 0;
        const GEOSGeometry* ring = GEOSGetInteriorRingN_r(ctx, poly, h);
        if (ring && GEOSGeom_getXMin_r(ctx, ring, &hx0) && GEOSGeom_getXMax_r(ctx, ring, &hx1)) cuts.push_back((hx0 + hx1) / 2);
    }
    if (cuts.empty()) cuts.push_back((x0 + x1) / 2);  // no hole to blame: halve it
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    cuts.insert(cuts.begin(), x0 - 1);
    cuts.push_back(x1 + 1);
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
        // Intersection with a rectangle (overlay, robust) rather than GEOSClipByRect (fast, but
        // documented to return invalid geometry in some cases).
        GeomPtr rect = make_geom(ctx, GEOSGeom_createRectangle_r(ctx, cuts[i], y0 - 1, cuts[i + 1], y1 + 1));
        GeomPtr piece = rect ? make_geom(ctx, GEOSIntersection_r(ctx, poly, rect.get())) : make_geom(ctx, nullptr);
        if (!piece) return false;
        const int n = GEOSGetNumGeometries_r(ctx, piece.get());
        for (int k = 0; k < n; ++k) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(ctx, piece.get(), k);
            if (!part || GEOSGeomTypeId_r(ctx, part) != GEOS_POLYGON || GEOSisEmpty_r(ctx, part)) continue;
            if (!triangles_of(ctx, part, out, depth + 1, split)) return false;
        }
    }
    return true;
}

}  // namespace

std::optional<std::string> append_geometry(asset::MapAsset& map, GEOSContextHandle_t ctx, const GEOSGeometry* geom,
                                           AreaMeter& meter, asset::Feature& feature, AppendStats& stats, Fill fill) {
    feature.first_ring = static_cast<uint32_t>(map.rings.size());
    feature.first_index = static_cast<uint32_t>(map.indices.size());
    feature.bbox = geo::Box{};
    double area_m2 = 0;

    auto push_vertex = [&](double x, double y) {
        map.xy.push_back(static_cast<float>(x - map.origin.x));
        map.xy.push_back(static_cast<float>(y - map.origin.y));
        return static_cast<uint32_t>(map.vertex_count() - 1);
    };

    std::vector<double> xy, tri_xy;
    std::unordered_map<CoordKey, uint32_t, CoordHash> where;
    const int parts = GEOSGetNumGeometries_r(ctx, geom);
    for (int p = 0; p < parts; ++p) {
        const GEOSGeometry* poly = GEOSGetGeometryN_r(ctx, geom, p);
        if (!poly || GEOSGeomTypeId_r(ctx, poly) != GEOS_POLYGON) return std::string("not a polygon part");
        if (GEOSisEmpty_r(ctx, poly)) continue;
        where.clear();
        const int holes = GEOSGetNumInteriorRings_r(ctx, poly);
        for (int r = -1; r < holes; ++r) {
            const GEOSGeometry* ring = r < 0 ? GEOSGetExteriorRing_r(ctx, poly) : GEOSGetInteriorRingN_r(ctx, poly, r);
            if (!ring || !ring_coords(ctx, ring, xy)) return std::string("cannot read a ring");
            if (xy.size() < 6) continue;  // fewer than 3 distinct vertices: nothing to draw
            // Exterior counter-clockwise, holes clockwise (as RFC 7946), so a reader can tell
            // them apart by the sign of the area.
            const bool ccw = signed_area(xy) > 0;
            if (ccw != (r < 0)) reverse_ring(xy);
            const double a = meter.ring_area_m2(xy);
            if (!std::isfinite(a)) return std::string("cannot reproject a ring to the area CRS");
            area_m2 += r < 0 ? std::abs(a) : -std::abs(a);

            asset::Ring out{static_cast<uint32_t>(map.vertex_count()), static_cast<uint32_t>(xy.size() / 2)};
            for (size_t i = 0; i < xy.size(); i += 2) {
                const uint32_t v = push_vertex(xy[i], xy[i + 1]);
                where.emplace(CoordKey{xy[i], xy[i + 1]}, v);
                feature.bbox.extend(geo::World{xy[i], xy[i + 1]});
            }
            map.rings.push_back(out);
            ++stats.rings;
            if (r >= 0) ++stats.holes;
        }

        if (fill == Fill::outline_only) continue;
        tri_xy.clear();
        if (!triangles_of(ctx, poly, tri_xy, 0, stats.split_polygons))
            return std::string("constrained Delaunay triangulation failed");
        for (size_t t = 0; t + 6 <= tri_xy.size(); t += 6) {
            double* c = &tri_xy[t];
            const double twice = (c[2] - c[0]) * (c[5] - c[1]) - (c[4] - c[0]) * (c[3] - c[1]);
            if (twice == 0) continue;  // degenerate: covers nothing
            if (twice < 0) {           // counter-clockwise, like the exterior rings
                std::swap(c[2], c[4]);
                std::swap(c[3], c[5]);
            }
            for (int k = 0; k < 3; ++k) {
                const CoordKey key{c[2 * k], c[2 * k + 1]};
                auto it = where.find(key);
                if (it == where.end()) {
                    it = where.emplace(key, push_vertex(key.x, key.y)).first;
                    ++stats.added_vertices;
                }
                map.indices.push_back(it->second);
            }
            ++stats.triangles;
        }
    }
    feature.ring_count = static_cast<uint32_t>(map.rings.size()) - feature.first_ring;
    feature.index_count = static_cast<uint32_t>(map.indices.size()) - feature.first_index;
    if (feature.ring_count == 0) return std::string("empty geometry");
    feature.area_ha = static_cast<float>(area_m2 / 1e4);

    // Pole of inaccessibility, to ~1/1000 of the feature's size.
    const double tolerance = std::max(feature.bbox.width(), feature.bbox.height()) / 1000.0;
    feature.label = feature.bbox.center();
    GeomPtr mic = make_geom(ctx, GEOSMaximumInscribedCircle_r(ctx, geom, tolerance));
    const GEOSCoordSequence* cs = mic ? GEOSGeom_getCoordSeq_r(ctx, mic.get()) : nullptr;
    double x = 0, y = 0;
    if (cs && GEOSCoordSeq_getXY_r(ctx, cs, 0, &x, &y)) {
        feature.label = {x, y};
    } else {
        GeomPtr pos = make_geom(ctx, GEOSPointOnSurface_r(ctx, geom));
        if (!pos || !GEOSGeomGetX_r(ctx, pos.get(), &x) || !GEOSGeomGetY_r(ctx, pos.get(), &y))
            return std::string("no label point");
        feature.label = {x, y};
    }
    return std::nullopt;
}

}  // namespace ntm::pipeline::detail
