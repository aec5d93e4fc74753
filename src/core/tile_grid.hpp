// tile_grid.hpp — the grid of square raster tiles the renderer keeps the map in while the camera
// moves (render/tile_cache.hpp). Pure arithmetic on world boxes; no GL.
//
// A tile is `tile_px` device pixels on a side and drawn at a whole device zoom z (the camera's
// zoom plus log2 of the pixel ratio), so at level z it covers tile_px × metres_per_px(z) metres
// of Web Mercator; tile (z, x, y) spans [x, x + 1) × [y, y + 1) of that side from the world's
// origin, y growing northwards as world y does.
//
//   std::vector<tile_grid::Key> keys;
//   const int z = tile_grid::zoom_for(cam.zoom + std::log2(pixel_ratio));
//   tile_grid::covering(visible_box, z, 256, keys);
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/geo.hpp"

namespace ntm::tile_grid {

struct Key {
    int z = 0;
    int32_t x = 0, y = 0;
    bool operator==(const Key& o) const { return z == o.z && x == o.x && y == o.y; }
};

// World metres along one side of a tile at device zoom `z`.
double side_m(int z, int tile_px);
geo::Box box_of(const Key& k, int tile_px);
// The level tiles are drawn at for a view at `device_zoom`: the nearest whole level, so a tile is
// shown between 0.71 and 1.41 times its own size (a little soft while moving, never blocky).
int zoom_for(double device_zoom);
// Appends the keys at level `z` whose tiles meet `b`, row by row. An empty box adds nothing.
void covering(const geo::Box& b, int z, int tile_px, std::vector<Key>& out);
Key parent(const Key& k);
std::array<Key, 4> children(const Key& k);
// Drops every key seen earlier in `keys`, keeping the order (a view needs a few dozen keys).
void remove_repeats(std::vector<Key>& keys);
// Sorts `keys` by the distance of their centres from `p`, nearest first: tiles missing near the
// middle of the view are drawn before those at its edges.
void sort_by_distance(std::vector<Key>& keys, geo::World p, int tile_px);
// The phase (0 ≤ phase < period_px) of a screen-space pattern repeating every `period_px`
// along x + y, at the tile's lower left corner, so that the pattern runs on across tiles.
float pattern_phase(const Key& k, int tile_px, double period_px);

}  // namespace ntm::tile_grid
