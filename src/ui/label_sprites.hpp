// label_sprites.hpp — the map's labels drawn as one textured quad each while the map moves.
//
// Why (issue 5): a label is its halo and its text, two quads per letter: ~3,700 triangles in
// the Sóc Trăng view, drawn again in every frame of a flight. In software WebGL (SwiftShader:
// the benchmark's browser, and a projector laptop without a GPU driver) a small triangle costs
// about as much to set up as to fill, and those triangles were over half of a flight frame's
// GPU time. A label drawn once into a sheet and copied from there is two triangles.
//
// At rest the labels are drawn as text, exactly as before. A frame whose view moved draws each
// label from its sprite, and gives a sprite to each label that has none yet: its halo and text
// are added to pending(), which the platform renders into the sheet before it draws that frame.
// The frame after the motion ends is drawn at rest again (drew_sprites() asks for it).
//
// The sheet holds premultiplied colour (halo and text blended over transparent pixels), and the
// sprites are drawn with "over" for premultiplied colour, which the platform's callback sets:
// the same pixels as the text drawn straight onto the map, up to one 8-bit rounding. With a
// whole-number pixel ratio a sprite covers the same device pixels as its text would; with another
// (1.25, 1.5) it is sampled nearest (the platform's texture) and may sit half a device pixel off
// while the map moves.
//
// A sheet that fills up is wiped at a moving frame at least kMovingFramesBetweenWipes after the
// last wipe, and filled with that frame's labels; a label without room is drawn as text
// meanwhile. No GL here: the platform owns the texture.
//
//   sprites.begin_frame(sheet, moving, label_count, FontGlobalScale);
//   for each label: if (!sprites.draw(*dl, key, text, pos)) draw it as text;
//   sprites.end_frame(*dl);
//   ... platform: if (ImDrawList* p = sprites.pending(&clear)) render p into the sheet; sprites.rendered();
#pragma once

#include <imgui.h>

#include <cstdint>
#include <memory>
#include <vector>

#include "core/shelf_packer.hpp"

namespace ntm::ui {

// The platform's texture for the sprites. Its pixels are device_w × device_h, where the backend
// puts a css_w × css_h display at its pixel ratio: device_w = int(float(css_w) * ratio), the
// arithmetic of imgui_impl_opengl3's viewport, so that pending() lands where draw() expects it.
struct SpriteSheet {
    ImTextureID texture = nullptr;  // null: no sheet, every label is drawn as text
    int css_w = 0, css_h = 0;
    int device_w = 0, device_h = 0;
    // Sets "over" blending for premultiplied colour (GL_ONE, GL_ONE_MINUS_SRC_ALPHA); the
    // sprites are followed by ImDrawCallback_ResetRenderState.
    ImDrawCallback premultiplied_blend = nullptr;
    // The texture's first row is the bottom of what was rendered into it, as in a GL
    // framebuffer's texture: the sheet's top is at v = 1.
    bool bottom_up = false;
    bool operator==(const SpriteSheet& o) const {
        return texture == o.texture && css_w == o.css_w && css_h == o.css_h && device_w == o.device_w &&
               device_h == o.device_h && premultiplied_blend == o.premultiplied_blend && bottom_up == o.bottom_up;
    }
};

// A map label as drawn at rest: its halo (if any) in halo_ink, then its text in ink.
struct LabelText {
    ImFont* font = nullptr;
    ImFont* halo = nullptr;
    float size = 0;
    ImU32 ink = 0, halo_ink = 0;
    const char* text = "";
};

// Draws `t` at `pos` (CSS px) as the labels are drawn at rest: halo, then text.
void add_label_text(ImDrawList& dl, const LabelText& t, ImVec2 pos);

class LabelSprites {
public:
    static constexpr uint32_t kMovingFramesBetweenWipes = 30;

    LabelSprites();
    ~LabelSprites();
    LabelSprites(LabelSprites&&) noexcept;
    LabelSprites& operator=(LabelSprites&&) noexcept;

    // Starts a frame. `moving`: the view differs from the last frame's; only then are sprites
    // drawn. `keys`: labels are keyed 0..keys-1, each always with the same text and look
    // (a change of key count, text scale or sheet forgets every sprite).
    void begin_frame(const SpriteSheet& sheet, bool moving, size_t keys, float text_scale);
    // Draws label `key` (whose text is `t`) with its text's origin at `pos` (whole CSS px, as
    // the labels are placed) from its sprite, giving it one if it has none. False: not this
    // frame (at rest, no sheet, no room): draw it as text.
    bool draw(ImDrawList& dl, uint32_t key, const LabelText& t, ImVec2 pos);
    void end_frame(ImDrawList& dl);
    // Whether label `key` has a sprite now; give_new(false): this frame's draw() gives none (a
    // frame with only a few labels new on screen draws those as text rather than switch to the
    // sheet's framebuffer for them: they are given sprites with the next batch).
    bool has(uint32_t key) const { return key < slots_.size() && slots_[key].valid; }
    void give_new(bool on) { giving_ = on; }
    // New labels on screen (without a sprite) a frame waits for before it gives them sprites.
    static constexpr size_t kNewSpritesBatch = 8;

    // The texts given sprites since the last rendered(), at their places in the sheet (a
    // css_w × css_h display); null if none. *clear_first: the sheet was wiped, clear it to
    // transparent first.
    ImDrawList* pending(bool* clear_first);
    void rendered();

    bool drew_sprites() const { return drawn_last_frame_ > 0; }  // the last frame drew some
    bool wants_sheet() const { return wants_sheet_; }  // a moving frame had no sheet to use
    uint32_t sprites_drawn_last_frame() const { return drawn_last_frame_; }
    uint32_t sprites_given() const { return given_; }  // since the sheet was last wiped

private:
    struct Slot {
        bool valid = false;
        ImVec2 d0, d1;    // the quad, relative to the text's origin, CSS px
        ImVec2 uv0, uv1;  // where it is in the sheet
    };
    enum class Given { yes, no_room, no_ink };
    Given give(Slot& s, const LabelText& t);
    void wipe();

    SpriteSheet sheet_;
    size_t keys_ = 0;
    float text_scale_ = 0;
    std::vector<Slot> slots_;
    ShelfPacker packer_;
    std::unique_ptr<ImDrawList> pending_, scratch_;
    bool pending_started_ = false, clear_first_ = true;
    bool use_ = false, giving_ = true, bracket_open_ = false, full_ = false, wants_sheet_ = false;
    uint32_t drawn_ = 0, drawn_last_frame_ = 0, given_ = 0;
    uint32_t moving_frames_since_wipe_ = 0;
};

}  // namespace ntm::ui
