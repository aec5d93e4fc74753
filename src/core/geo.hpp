// geo.hpp — points, boxes and the Web Mercator projection.
//
// Three coordinate spaces, named in every signature so they cannot be mixed up:
//   LonLat   WGS 84 degrees (what the data and the public API speak)
//   World    Web Mercator (EPSG:3857) metres (what the asset stores and the camera sees)
//   ScreenPx CSS pixels, origin at the canvas' top-left, y down (what the mouse reports)
//
//   ntm::geo::World w = ntm::geo::lonlat_to_world({105.97, 9.60});
//   ntm::geo::LonLat back = ntm::geo::world_to_lonlat(w);
#pragma once

#include <algorithm>
#include <limits>

namespace ntm::geo {

struct LonLat {
    double lon = 0;  // degrees east
    double lat = 0;  // degrees north
};

struct World {
    double x = 0;  // metres east (EPSG:3857)
    double y = 0;  // metres north (EPSG:3857)
};

struct ScreenPx {
    double x = 0;  // CSS pixels right of the canvas' left edge
    double y = 0;  // CSS pixels below the canvas' top edge
};

// Axis-aligned box in world metres. A default box is empty (min > max) so that
// extending it with the first point gives that point.
struct Box {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return min_x > max_x || min_y > max_y; }
    double width() const { return empty() ? 0 : max_x - min_x; }
    double height() const { return empty() ? 0 : max_y - min_y; }
    World center() const { return {(min_x + max_x) / 2, (min_y + max_y) / 2}; }
    void extend(World p) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    void extend(const Box& b) {
        if (b.empty()) return;
        extend(World{b.min_x, b.min_y});
        extend(World{b.max_x, b.max_y});
    }
    bool contains(World p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    bool intersects(const Box& b) const {
        return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
    }
    // An empty `b` is contained in any box.
    bool encloses(const Box& b) const {
        return b.empty() || (b.min_x >= min_x && b.max_x <= max_x && b.min_y >= min_y && b.max_y <= max_y);
    }
    // Empty when they do not meet; a line or a point when they only touch.
    Box intersection(const Box& b) const {
        return {std::max(min_x, b.min_x), std::max(min_y, b.min_y), std::min(max_x, b.max_x), std::min(max_y, b.max_y)};
    }
};

// Spherical Web Mercator radius (EPSG:3857 uses the WGS 84 semi-major axis on a sphere).
inline constexpr double kEarthRadiusM = 6378137.0;
// Web Mercator is undefined at the poles; clamp like every web map does.
inline constexpr double kMaxLatitudeDeg = 85.05112878;

World lonlat_to_world(LonLat p);
LonLat world_to_lonlat(World p);

}  // namespace ntm::geo
