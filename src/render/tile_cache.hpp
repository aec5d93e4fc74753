// tile_cache.hpp — raster tiles of the map, kept while the camera moves, and the program that
// draws them back onto the screen.
//
// Why: software WebGL (SwiftShader, what the benchmark and a projector laptop without a GPU
// driver use) pays for every triangle. The national map in a moving view draws 0.5–1.5 million
// indices a frame (36–90 ms); while a flight or a drag moves the camera, the renderer draws
// the map once into 256-pixel tiles at a whole zoom level and then only moves and scales those
// tiles (a textured quad each), drawing new tiles as they come into view. When the camera stops,
// the next frame is drawn from the geometry again, sharp (MapRenderer::wants_sharp_frame()).
//
// This class owns the GL side only: a pool of tile textures with one framebuffer to draw into
// them, least recently used first out, and the compositing program. What goes into a tile and
// which tiles a view needs is MapRenderer's business (core/tile_grid.hpp for the arithmetic).
#pragma once

#include <cstdint>
#include <vector>

#include "core/tile_grid.hpp"

namespace ntm::render {

class TileCache {
public:
    static constexpr int kTilePx = 256;
    // At most 192 tiles of 256² RGBA (48 MiB in the GPU process, made as needed): room for two
    // views of a 1920×1080 screen at their level, the one being left standing in while the next
    // one's tiles come in. A view needing more than half of them is drawn from geometry.
    static constexpr int kCapacity = 192;

    struct Tile {
        tile_grid::Key key;
        uint32_t texture = 0;
        uint64_t used = 0;   // the frame that last drew or needed it
        bool valid = false;  // holds the picture of `key` drawn with the current content
        float scale[2] = {1, 1}, offset[2] = {0, 0};  // the clip transform it was drawn with
    };

    TileCache() = default;
    ~TileCache();
    TileCache(const TileCache&) = delete;
    TileCache& operator=(const TileCache&) = delete;

    // Compiles the compositing program and makes the framebuffer on first use; false (for good)
    // if this GL cannot compile it or draw into a texture: the map is then drawn from geometry.
    bool ready();
    // The valid tile for `k`, marked as used in `frame`; null if there is none.
    const Tile* find(const tile_grid::Key& k, uint64_t frame);
    // A tile for `k` to draw into: an unused texture, or the least recently used one not needed
    // in `frame`; the framebuffer is bound to it and the viewport set to the tile. Null when
    // every tile is needed by this frame. The caller sets scale/offset, draws, then finish_tile().
    Tile* start_tile(const tile_grid::Key& k, uint64_t frame);
    // Back to the default framebuffer; the tile becomes valid.
    void finish_tile(Tile* tile);
    // Every tile stale (colours, pixel ratio or line widths changed; a new map).
    void invalidate();
    // Composites: begin with the screen's clip transform and the map's origin-relative
    // coordinates, then one quad per tile, its world box given relative to the same origin.
    void begin_composite(const float scale[2], const float offset[2]);
    void composite(const Tile& tile, const float box[4]);
    // A lost context: the names died with it; nothing is deleted.
    void forget_gl_objects();

    // The screen's map as last drawn sharp, kept as one more stand-in: a motion's first frames
    // from tiles show it, moved and scaled, where their tiles are not drawn yet, so that they
    // draw tiles within their budget instead of every tile of the view at once. Copies the
    // default framebuffer's w×h pixels into a texture (made again when the size changes); the
    // caller sets its scale/offset like a tile's. Null if the copy cannot be made.
    Tile* copy_screen(int w, int h);
    // The copy, if one is kept (invalidate() drops it).
    const Tile* screen() const { return screen_.valid ? &screen_ : nullptr; }

private:
    bool tried_ = false, usable_ = false;
    uint32_t program_ = 0, framebuffer_ = 0;
    int u_scale_ = -1, u_offset_ = -1, u_box_ = -1, u_tile_scale_ = -1, u_tile_offset_ = -1, u_tile_ = -1;
    std::vector<Tile> tiles_;
    Tile screen_;
    int screen_w_ = 0, screen_h_ = 0;
};

}  // namespace ntm::render
