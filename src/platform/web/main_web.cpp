// main_web.cpp — the browser edge of the viewer: WebGL2 context, Dear ImGui backends, the
// animation-frame loop and the C functions the page's JavaScript calls (web/js/ntm-map.js).
//
// Input arrives from JavaScript as Pointer Events (mouse, pen and touch alike, with pointer
// capture so drags that leave the canvas still end), wheel, dblclick and key events, already
// in CSS pixels relative to the canvas. The page sizes the canvas to CSS size × devicePixelRatio
// so the map and text are crisp on high-DPI screens.
//
// A lost WebGL context (GPU reset, driver update, too many contexts, WEBGL_lose_context in the
// tests) is handled here: the loss is accepted with preventDefault so the browser may restore it,
// nothing is drawn meanwhile, and on restore every GL object is made again (the renderer's
// shaders, buffers and colour texture from the map kept in memory; ImGui's shaders, buffers and
// font texture), then the map is redrawn.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <GLES3/gl3.h>

#include <malloc.h>

#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "app/app.hpp"
#include "core/fnv_hash.hpp"
#include "core/i18n.hpp"
#include "platform/web/label_sheet.hpp"
#include "platform/web/ui_overlay.hpp"

namespace {

// The one App, owned by the platform layer (STYLE.md rule 7).
struct Platform {
    ntm::app::App app;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    int fb_w = 1, fb_h = 1;
    std::vector<uint8_t> font_regular, font_bold;
    bool fonts_pending = false;
    bool ready_sent = false;
    double heavy_frame_at = 0;         // when a frame that drew a moving heavy view from geometry began
    // The page has handed over the map (or reported it missing). Until then frames draw nothing:
    // the page shows its loading box, and each drawn frame would hold the main thread while
    // SwiftShader draws it, delaying the data files it is waiting for.
    bool map_handed_over = false;
    int redraw_frames = 3;  // ImGui needs a couple of frames to settle after any input
    std::string reply;      // storage for strings returned to JavaScript
    // Mouse-button events for ImGui, released one per frame. ImGui widgets such as tabs need a
    // frame with the pointer over them before the press (a touch tap or a synthetic click
    // moves and presses at once), and a press and release in one frame would be lost.
    std::vector<int> pending_buttons;  // 1 press, 0 release, -1 a frame with no change
    bool gl_lost = false;              // between webglcontextlost and webglcontextrestored
    int gl_restores = 0;               // contexts restored so far (diagnostics)
    ntm::web::UiOverlay overlay;       // ImGui's windows, cached while they do not change
    ntm::web::LabelSheet label_sheet;  // the map labels' sprites, made when the map first moves
    bool want_label_sheet = false;
    GLuint font_texture = 0;           // the atlas as upload_font_atlas() made it (0: ImGui's own)
    // The fingerprint of the last frame drawn (map inputs + ImGui draw data). The frames that
    // follow any input (redraw_frames) mostly repeat the one before: those are built but not
    // drawn, and the canvas keeps showing the same pixels. In software WebGL a drawn frame is
    // tens of milliseconds of the CPU the page shares with the browser.
    uint64_t drawn_signature = 0;
    bool must_draw = true;             // the canvas or what the signature leaves out changed
    uint64_t frames_repeated = 0;      // built but not drawn (window.ntmMap.stats())
};
Platform* g = nullptr;

EM_JS(void, js_on_ready, (), { if (Module.onNtmReady) Module.onNtmReady(); });
EM_JS(void, js_export_png, (int scale), { setTimeout(() => Module.onNtmExport && Module.onNtmExport(scale), 0); });
EM_JS(void, js_fullscreen, (int on), {
    // Only honoured within a user gesture (a key press or click): otherwise the mode still works
    // in the window.
    try {
        if (on && !document.fullscreenElement) document.documentElement.requestFullscreen().catch(() => {});
        if (!on && document.fullscreenElement) document.exitFullscreen().catch(() => {});
    } catch (e) {}
});
EM_JS(void, js_search_focus, (int on), { if (Module.onNtmSearchFocus) Module.onNtmSearchFocus(on); });
EM_JS(void, js_on_error, (const char* message), { if (Module.onNtmError) Module.onNtmError(UTF8ToString(message)); });
EM_JS(void, js_retry, (), { setTimeout(() => Module.onNtmRetry && Module.onNtmRetry(), 0); });
EM_JS(void, js_want_tour, (), { setTimeout(() => Module.onNtmTourWanted && Module.onNtmTourWanted(), 0); });
EM_JS(void, js_gl_lost, (int lost), { if (Module.onNtmContextLost) Module.onNtmContextLost(!!lost); });

// After a restore, every name in Emscripten's GL tables refers to an object of the lost context.
// Emptying the tables makes the backends' glDelete* calls on those names silent no-ops (WebGL
// would otherwise warn "object does not belong to this context" for each); names handed out
// from now on are new.
EM_JS(void, js_gl_forget_objects, (), {
    for (const t of [GL.buffers, GL.programs, GL.framebuffers, GL.renderbuffers, GL.textures, GL.shaders, GL.vaos,
                     GL.queries, GL.samplers, GL.transformFeedbacks, GL.syncs]) {
        if (t) t.fill(null);
    }
});
// Live GL objects (names in Emscripten's tables), to check that nothing leaks.
EM_JS(int, js_gl_object_count, (), {
    let n = 0;
    for (const t of [GL.buffers, GL.programs, GL.framebuffers, GL.renderbuffers, GL.textures, GL.shaders, GL.vaos,
                     GL.queries, GL.samplers, GL.transformFeedbacks, GL.syncs]) {
        if (t) for (const o of t) if (o) ++n;
    }
    return n;
});

void wake() { g->redraw_frames = std::max(g->redraw_frames, 3); }

// The font atlas as a two-byte LUMINANCE_ALPHA texture, white with the glyphs' coverage as
// alpha: ImGui's shader samples it as (1, 1, 1, a), exactly as the RGBA32 texture its backend
// would make, from half the bytes. With the atlas no taller than its glyphs (ui::build_fonts),
// 512 x 551 at a pixel ratio of 1, the texture is 0.55 MB instead of 2 MB, and the Sóc Trăng
// first complete frame came 15-45 ms sooner (two batches of paired cold runs, medians of 24 and
// 16: 337 -> 291 ms, 339 -> 320 ms).
void upload_font_atlas() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();  // the backend's texture, made in main() or after a restore
    if (g->font_texture) glDeleteTextures(1, &g->font_texture);
    ImGuiIO& io = ImGui::GetIO();
    unsigned char* alpha = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsAlpha8(&alpha, &w, &h);
    // One 16-bit store per texel through plain pointers, into memory nobody clears first: this
    // runs before the first frame, in the browser's baseline compile of this code, where the
    // zero-filled vector and two indexed stores per texel took ~8 ms at 512 x 551.
    const size_t n = size_t(w) * size_t(h);
    std::unique_ptr<uint16_t[]> texels(new uint16_t[n]);
    uint16_t* out = texels.get();
    for (const unsigned char *a = alpha, *end = alpha + n; a != end; ++a) *out++ = uint16_t(0xFF | (*a << 8));
    glGenTextures(1, &g->font_texture);
    glBindTexture(GL_TEXTURE_2D, g->font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);  // a row is 2 * w bytes, whatever w is
    glTexImage2D(GL_TEXTURE_2D, 0, GL_LUMINANCE_ALPHA, w, h, 0, GL_LUMINANCE_ALPHA, GL_UNSIGNED_BYTE, texels.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glBindTexture(GL_TEXTURE_2D, 0);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(g->font_texture)));
}

void rebuild_fonts_if_pending() {
    ntm::app::App& app = g->app;
    if (app.fonts_dirty) {
        app.fonts_dirty = false;
        ntm::ui::apply_style(app.ui_scale);
        g->fonts_pending = !g->font_regular.empty();
    }
    if (!g->fonts_pending) return;
    g->fonts_pending = false;
    // With the map here, its label halos hold only the names' glyphs (fonts that arrive first
    // are built in full at once, not held back for the map).
    const ntm::ui::HaloText halos = ntm::app::halo_text(app);
    if (!ntm::ui::build_fonts(app.fonts, g->font_regular, g->font_bold, float(app.pixel_ratio), app.ui_scale,
                              app.has_map ? &halos : nullptr))
        ntm::app::add_error(app, ntm::i18n::tr(ntm::i18n::Key::error_font));
    upload_font_atlas();
    g->overlay.invalidate();
    g->must_draw = true;  // the atlas keeps its texture name: the draw data may look the same
    app.labels = ntm::app::LabelCache{};  // text sizes change with the atlas
    wake();
}

// Moves the keyboard focus to or from the page's search field when the app asked for it. Called
// at the end of a frame and straight after the calls that open it from the keyboard (Ctrl+K,
// "/"): waiting for the next frame (one SwiftShader draw, tens of ms) would send the first
// letters typed after the shortcut to the map instead of the field.
void flush_search_focus() {
    ntm::app::App& app = g->app;
    if (app.search_focus_request == 0) return;
    const int on = app.search_focus_request > 0 ? 1 : 0;
    app.search_focus_request = 0;  // before the call: focus events may call back into the viewer
    js_search_focus(on);
}

// One ImGui frame: builds the UI into ImGui's draw lists, draws nothing.
void build_frame() {
    ntm::app::App& app = g->app;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(app.css_w), float(app.css_h));
    io.DisplayFramebufferScale = ImVec2(float(g->fb_w / app.css_w), float(g->fb_h / app.css_h));
    io.DeltaTime = 1.0f / 60.0f;
    // The labels' sprite sheet at the canvas's pixel ratio (again after a change of ratio), once
    // a moving frame has asked for one; not for a PNG export, drawn at a scale of its own.
    if (g->want_label_sheet && !app.exporting)
        app.sprite_sheet = g->label_sheet.make(io.DisplayFramebufferScale.x) ? g->label_sheet.sheet() : ntm::ui::SpriteSheet{};
    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    ntm::app::build_ui(app, emscripten_get_now());
    ImGui::Render();
    // Labels given sprites in this frame are in the sheet before the frame is drawn.
    g->label_sheet.render_pending(app.labels.sprites);
    if (app.labels.sprites.wants_sheet()) g->want_label_sheet = true;
}

// Builds the UI and draws map + overlays into the default framebuffer.
void draw_frame() {
    ntm::app::App& app = g->app;
    app.view_changed = false;
    ImGuiIO& io = ImGui::GetIO();
    if (!g->pending_buttons.empty()) {
        if (g->pending_buttons.front() >= 0) io.AddMouseButtonEvent(0, g->pending_buttons.front() == 1);
        g->pending_buttons.erase(g->pending_buttons.begin());
        wake();
    }
    const bool colours_change = app.colours_dirty;  // recoloured in build_ui, not in the signature
    build_frame();
    const ntm::render::Frame map = ntm::app::map_frame(app, g->fb_w, g->fb_h);
    ntm::FnvHash signature;
    signature.add(ntm::render::frame_signature(map));
    signature.add(ntm::web::draw_data_fingerprint(*ImGui::GetDrawData()));
    // After a frame drawn from tiles the same view is drawn again, sharp, from the geometry.
    if (!g->must_draw && !colours_change && !app.renderer.wants_sharp_frame() && signature.h == g->drawn_signature) {
        ++g->frames_repeated;
        return;
    }
    g->must_draw = false;
    g->drawn_signature = signature.h;
    ntm::render::Frame drawn = map;
    drawn.covered_kept = g->overlay.prepare(ImGui::GetDrawData(), g->fb_w, g->fb_h, app.opaque_interior_px, !app.exporting);
    ntm::app::draw_map(app, drawn);
    g->overlay.render();
}

EM_BOOL on_context_lost(int, const void*, void*) {
    g->gl_lost = true;
    js_gl_lost(1);
    return EM_TRUE;  // preventDefault: tells the browser we will handle a restore
}

EM_BOOL on_context_restored(int, const void*, void*) {
    emscripten_webgl_make_context_current(g->gl);
    js_gl_forget_objects();
    ImGui_ImplOpenGL3_DestroyDeviceObjects();  // names only: the objects are gone
    ImGui_ImplOpenGL3_CreateDeviceObjects();   // shaders, buffers and the font texture from the atlas
    g->font_texture = 0;                       // died with the context; ours again from the atlas:
    if (g->app.fonts.body) upload_font_atlas();
    g->overlay.forget_gl_objects();
    g->label_sheet.forget_gl_objects();
    g->app.sprite_sheet = {};  // remade by the next frame; the sprites are given again
    ntm::app::restore_gl(g->app);
    g->must_draw = true;
    g->gl_lost = false;
    ++g->gl_restores;
    js_gl_lost(0);
    wake();
    return EM_TRUE;
}

void frame() {
    ntm::app::App& app = g->app;
    // The last frame drew a moving heavy view from geometry: its cost is the time to this
    // animation frame (the browser waits for the GPU before it calls again).
    const double now = emscripten_get_now();
    if (g->heavy_frame_at > 0) app.renderer.note_heavy_frame_ms(now - g->heavy_frame_at);
    g->heavy_frame_at = 0;
    if (g->gl_lost) return;  // nothing can be drawn; the restore redraws
    rebuild_fonts_if_pending();  // as soon as the fonts are here, even if the map is not yet
    if (!g->map_handed_over) return;
    if (app.tour_fetch_request) {
        app.tour_fetch_request = false;
        js_want_tour();  // presentation mode was asked for: the page fetches the tour file
    }
    const bool busy = app.view_changed || app.colours_dirty || ntm::app::needs_frame(app, emscripten_get_now()) ||
                      app.renderer.wants_sharp_frame() || !g->ready_sent;
    if (!busy && g->redraw_frames <= 0) {
        // Nothing changed: leave the GPU idle, or build one more of the national map's levels of
        // detail (the first frame only waited for the one it drew), so zooming later does not.
        if (g->ready_sent) app.renderer.build_pending_level();
        return;
    }
    if (g->redraw_frames > 0) --g->redraw_frames;
    // The first frame with everything loaded: ImGui lays out a new window (auto-fit sizes, a
    // panel placed from its size) over two frames. Those run here without drawing, so that the
    // first frame drawn is already the settled one and "ready" can follow it: drawing a frame
    // costs far more (SwiftShader, every pixel on the CPU) than laying one out.
    const bool first_complete = !g->ready_sent && app.has_map && app.fonts.body && app.frames_since_load == 0;
    if (first_complete)
        for (int i = 0; i < 2; ++i) build_frame();
    const uint64_t drawn_before = app.frames_drawn;
    draw_frame();
    if (app.frames_drawn != drawn_before && app.renderer.last_frame_heavy_from_geometry()) g->heavy_frame_at = now;
    flush_search_focus();
    if (app.fullscreen_request != 0) {
        js_fullscreen(app.fullscreen_request > 0 ? 1 : 0);
        app.fullscreen_request = 0;
    }
    if (app.retry_requested) {
        app.retry_requested = false;
        js_retry();  // the page fetches the failed files again and hands them back
    }
    if (app.export_requested > 0) {
        js_export_png(app.export_requested);  // outside this frame: the export redraws the canvas
        app.export_requested = 0;
    }

    // Ready once the map, the fonts and the labels have been drawn completely, in ImGui's settled
    // layout (first_complete above).
    if (!g->ready_sent && app.has_map && app.fonts.body && app.frames_since_load >= 1) {
        g->ready_sent = true;
        js_on_ready();
    }
}

// Called by the browser every animation frame, for the page's whole life.
EM_BOOL on_animation_frame(double /*time_ms*/, void* /*user_data*/) {
    frame();
    return EM_TRUE;
}

// ["soc-trang-2024.json", ...]: file names as the page gave them (quotes and controls escaped).
std::string failed_files_json() {
    std::string out = "[";
    for (const std::string& f : g->app.failed_files) {
        if (out.size() > 1) out += ',';
        out += '"';
        for (const char c : f) {
            if (c == '"' || c == '\\') out += '\\';
            if (static_cast<unsigned char>(c) >= 0x20) out += c;
        }
        out += '"';
    }
    return out + "]";
}

const char* reply(std::string s) {
    g->reply = std::move(s);
    return g->reply.c_str();
}

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE void ntm_resize(double css_w, double css_h, double pixel_ratio, int fb_w, int fb_h) {
    // A canvas given a new size has lost its pixels (the page only sets a size that differs).
    if (std::max(1, fb_w) != g->fb_w || std::max(1, fb_h) != g->fb_h) g->must_draw = true;
    g->fb_w = std::max(1, fb_w);
    g->fb_h = std::max(1, fb_h);
    const bool ratio_changed = pixel_ratio != g->app.pixel_ratio;
    ntm::app::set_canvas(g->app, css_w, css_h, pixel_ratio);
    if (ratio_changed && !g->font_regular.empty()) g->fonts_pending = true;  // re-rasterise text
    wake();
}

// Draws the current view synchronously at `scale` device pixels per CSS pixel into a canvas the
// page has already sized to fb_w × fb_h, for PNG export: the caller reads the canvas in the same
// task (no preserveDrawingBuffer needed), then restores the size with ntm_resize.
// Returns 0 (nothing drawn) while the WebGL context is lost.
EMSCRIPTEN_KEEPALIVE int ntm_render_export(double scale, int fb_w, int fb_h) {
    ntm::app::App& app = g->app;
    if (g->gl_lost) return 0;
    g->fb_w = std::max(1, fb_w);
    g->fb_h = std::max(1, fb_h);
    const double keep_zoom = app.cam.zoom;
    const ntm::geo::World keep_center = app.cam.center;
    ntm::app::set_canvas(app, app.css_w, app.css_h, scale);
    app.cam.zoom = keep_zoom;
    app.cam.center = keep_center;
    app.exporting = true;
    g->fonts_pending = !g->font_regular.empty();
    rebuild_fonts_if_pending();
    g->must_draw = true;
    for (int i = 0; i < 3; ++i) draw_frame();  // ImGui settles its layout over two frames
    app.exporting = false;
    g->must_draw = true;  // the canvas holds the export until the page restores its size
    return 1;
}

EMSCRIPTEN_KEEPALIVE void ntm_set_fonts(const uint8_t* regular, int regular_len, const uint8_t* bold, int bold_len) {
    g->font_regular.assign(regular, regular + regular_len);
    g->font_bold.assign(bold, bold + bold_len);
    g->fonts_pending = true;
}

EMSCRIPTEN_KEEPALIVE int ntm_load_asset(const uint8_t* bytes, int len, const char* file_name) {
    if (g->gl <= 0) return 0;  // no WebGL2: the page already says so
    g->map_handed_over = true;
    const bool ok = ntm::app::load_asset(g->app, bytes, size_t(std::max(0, len)), file_name ? file_name : "");
    if (!ok) js_on_error(g->app.errors.back().c_str());
    if (ok && g->app.fonts.halos_cut) g->fonts_pending = true;  // halos cut for another map's names
    g->must_draw = true;
    wake();
    return ok ? 1 : 0;
}

// A data file the page could not fetch (missing, connection lost, cut short): shown with
// "Thử lại". ntm_file_loaded clears it once a later attempt has worked.
EMSCRIPTEN_KEEPALIVE void ntm_file_failed(const char* file_name, const char* message_vi) {
    g->map_handed_over = true;  // the map or a plan file (which comes after the map) is missing
    ntm::app::file_failed(g->app, file_name, message_vi);
    wake();
}
EMSCRIPTEN_KEEPALIVE void ntm_file_loaded(const char* file_name) {
    ntm::app::file_loaded(g->app, file_name);
    wake();
}
// The files to fetch again: a JSON array of file names.
EMSCRIPTEN_KEEPALIVE const char* ntm_failed_files() { return reply(failed_files_json()); }
// "Thử lại" without the button (window.ntmMap.retry()).
EMSCRIPTEN_KEEPALIVE void ntm_request_retry() {
    g->app.retry_requested = true;
    wake();
}

// A string of the translation table by key id ("retry"), for the few texts the page itself
// shows; "" for an unknown id.
EMSCRIPTEN_KEEPALIVE const char* ntm_tr(const char* id) {
    const std::string_view want = id ? id : "";
    for (size_t i = 0; i < ntm::i18n::kKeyCount; ++i) {
        const auto k = static_cast<ntm::i18n::Key>(i);
        if (want == ntm::i18n::key_id(k)) return ntm::i18n::tr(k);
    }
    return "";
}

// Frames drawn so far: cheap enough to read on every animation frame (frame-rate tests).
EMSCRIPTEN_KEEPALIVE double ntm_frames_drawn() { return double(g->app.frames_drawn); }

// Memory and GL objects, to check that long sessions stay flat (window.ntmMap.stats()).
EMSCRIPTEN_KEEPALIVE const char* ntm_stats() {
    // Written by hand, not with json_out: this is diagnostics, and every byte of viewer.wasm
    // is downloaded by every visitor (issue 5's size budget).
    const struct mallinfo mi = mallinfo();
    const ntm::app::App& app = g->app;
    const ntm::plan::Plan& p = app.plan;
    const ntm::ui::RectPx& b = app.retry_button;
    char buf[1024];
    std::snprintf(buf, sizeof buf,
                  "{\"mallocInUseBytes\":%zu,\"mallocArenaBytes\":%zu,\"glObjects\":%d,\"framesDrawn\":%llu,"
                  "\"framesRepeated\":%llu,\"framesTiled\":%llu,\"tilesDrawn\":%llu,"
                  "\"panelFramesFromCache\":%u,\"panelInteriorsKept\":%u,\"panelInterior\":[%d,%d,%d,%d],"
                  "\"contextLost\":%s,\"contextRestores\":%d,\"labelSprites\":%u,\"labelSpritesGiven\":%u,"
                  // What the plan, status and tour loaders kept (the valid part of a damaged file),
                  // in the terms of tests/bad-input/expected.json's "keeps".
                  "\"loaded\":{\"plan\":{\"document\":%d,\"transcription_notes\":%zu,\"commune_targets\":%zu,"
                  "\"district_targets\":%zu,\"models\":%zu,\"funding.sources\":%zu,\"calendar\":%zu,\"tasks\":%zu},"
                  "\"status\":{\"units\":%zu},\"tour\":{\"steps\":%zu},\"asset\":{\"communes\":%zu}},"
                  "\"retryButton\":",
                  size_t(mi.uordblks), size_t(mi.arena), js_gl_object_count(), (unsigned long long)app.frames_drawn,
                  (unsigned long long)g->frames_repeated,
                  (unsigned long long)app.renderer.frames_tiled(), (unsigned long long)app.renderer.tiles_drawn(), unsigned(g->overlay.frames_from_cache()),
                  unsigned(g->overlay.interiors_kept()),
                  app.opaque_interior_px.x0, app.opaque_interior_px.y0, app.opaque_interior_px.x1,
                  app.opaque_interior_px.y1,
                  g->gl_lost ? "true" : "false", g->gl_restores, app.labels.sprites.sprites_drawn_last_frame(),
                  app.labels.sprites.sprites_given(), p.document.number.empty() ? 0 : 1,
                  p.transcription_notes.size(), p.commune_targets.size(), p.district_targets.size(), p.models.size(),
                  p.funding.sources.size(), p.calendar.size(), p.tasks.size(), app.status.units.size(),
                  app.tour.steps.size(), app.map.communes.size());
    std::string out = buf;
    if (b.w > 0) {
        std::snprintf(buf, sizeof buf, "{\"x\":%g,\"y\":%g,\"w\":%g,\"h\":%g}", double(b.x), double(b.y), double(b.w),
                      double(b.h));
        out += buf;
    } else {
        out += "null";
    }
    return reply(out + ",\"failedFiles\":" + failed_files_json() + "}");
}

// The plan files arrive as the bytes the server sent (length given, not NUL-terminated): the
// loaders themselves tell UTF-16, bytes that are not UTF-8 and stray NULs from a good file.
EMSCRIPTEN_KEEPALIVE void ntm_load_plan(const char* bytes, int len, const char* file_name) {
    ntm::app::load_plan(g->app, std::string_view(bytes, size_t(std::max(0, len))), file_name);
    wake();
}

EMSCRIPTEN_KEEPALIVE void ntm_load_status(const char* bytes, int len, const char* file_name) {
    ntm::app::load_status(g->app, std::string_view(bytes, size_t(std::max(0, len))), file_name);
    wake();
}

// The dataset's tour file, fetched by the page when presentation mode is first asked for.
EMSCRIPTEN_KEEPALIVE void ntm_offer_tour(const char* file_name) {
    ntm::app::offer_tour(g->app, file_name ? file_name : "");
    wake();
}
EMSCRIPTEN_KEEPALIVE void ntm_load_tour(const char* bytes, int len, const char* file_name) {
    ntm::app::load_tour(g->app, std::string_view(bytes, size_t(std::max(0, len))), file_name);
    wake();
}

// step < 0 leaves presentation mode.
EMSCRIPTEN_KEEPALIVE void ntm_tour(int step) {
    ntm::app::note_input(g->app, emscripten_get_now());  // a step chosen by a page counts as activity
    if (step < 0) ntm::app::set_presenting(g->app, false);
    else ntm::app::tour_go(g->app, step, true);
    wake();
}

EMSCRIPTEN_KEEPALIVE void ntm_search_open(int open) {
    ntm::app::search_set_open(g->app, open != 0);
    flush_search_focus();
    wake();
}
EMSCRIPTEN_KEEPALIVE void ntm_search_text(const char* text) {
    ntm::app::search_set_text(g->app, text);
    wake();
}
EMSCRIPTEN_KEEPALIVE void ntm_search_move(int delta) {
    ntm::app::search_move(g->app, delta);
    wake();
}
EMSCRIPTEN_KEEPALIVE void ntm_search_choose(int index) {
    ntm::app::search_choose(g->app, index);
    wake();
}
EMSCRIPTEN_KEEPALIVE const char* ntm_search(const char* text) { return reply(ntm::app::search_json(g->app, text)); }

// Returns 1 if the language id is known ("vi", "en").
EMSCRIPTEN_KEEPALIVE int ntm_set_language(const char* id) {
    const std::optional<ntm::i18n::Lang> l = ntm::i18n::lang_from_id(id);
    if (!l) return 0;
    ntm::app::set_language(g->app, *l);
    wake();
    return 1;
}

EMSCRIPTEN_KEEPALIVE const char* ntm_hash() { return reply(ntm::url_state::to_hash(ntm::app::view_state(g->app))); }
EMSCRIPTEN_KEEPALIVE void ntm_apply_hash(const char* hash) {
    ntm::app::apply_view_state(g->app, ntm::url_state::parse_hash(hash));
    wake();
}

EMSCRIPTEN_KEEPALIVE const char* ntm_info(const char* district, const char* commune) {
    return reply(ntm::app::info_json(g->app, district, commune));
}

EMSCRIPTEN_KEEPALIVE const char* ntm_export_caption(int year, int month, int day) {
    return reply(ntm::app::export_caption_json(g->app, year, month, day));
}
EMSCRIPTEN_KEEPALIVE const char* ntm_funds() { return reply(ntm::app::funds_json(g->app)); }
EMSCRIPTEN_KEEPALIVE const char* ntm_legend() { return reply(ntm::app::legend_json(g->app)); }
EMSCRIPTEN_KEEPALIVE const char* ntm_models() { return reply(ntm::app::models_json(g->app)); }

// Returns 1 if the layer id is known.
EMSCRIPTEN_KEEPALIVE int ntm_set_layer(const char* id) {
    ntm::legend::Layer layer;
    if (!ntm::legend::layer_from_id(id, &layer)) return 0;
    ntm::app::set_layer(g->app, layer);
    wake();
    return 1;
}

EMSCRIPTEN_KEEPALIVE void ntm_add_error(const char* message_vi) {
    ntm::app::add_error(g->app, message_vi);
    wake();
}

// type: 0 down, 1 move, 2 up, 3 leave, 4 cancel
EMSCRIPTEN_KEEPALIVE void ntm_pointer(int type, int id, double x, double y, int buttons, int primary) {
    ImGuiIO& io = ImGui::GetIO();
    ntm::app::App& app = g->app;
    ntm::app::note_input(app, emscripten_get_now());
    if (primary) {
        io.AddMousePosEvent(type == 3 ? -FLT_MAX : float(x), type == 3 ? -FLT_MAX : float(y));
        if (type == 0) g->pending_buttons.insert(g->pending_buttons.end(), {-1, 1});  // hover first, then press
        if (type == 2 || type == 4) g->pending_buttons.push_back(0);
    }
    switch (type) {
        case 0: ntm::app::pointer_down(app, id, x, y); break;
        case 1: ntm::app::pointer_move(app, id, x, y, buttons != 0); break;
        case 2: ntm::app::pointer_up(app, id, x, y); break;
        case 3: ntm::app::pointer_leave(app); break;
        case 4: ntm::app::pointer_up(app, id, -1e9, -1e9); break;
    }
    wake();
}

EMSCRIPTEN_KEEPALIVE void ntm_wheel(double x, double y, double delta_y_px) {
    ntm::app::note_input(g->app, emscripten_get_now());
    ImGui::GetIO().AddMouseWheelEvent(0, float(-delta_y_px / 100.0));
    ntm::app::wheel(g->app, x, y, delta_y_px);
    wake();
}

EMSCRIPTEN_KEEPALIVE void ntm_dblclick(double x, double y) {
    ntm::app::double_click(g->app, x, y);
    wake();
}

EMSCRIPTEN_KEEPALIVE void ntm_key(const char* key, int down) {
    ImGuiIO& io = ImGui::GetIO();
    ntm::app::note_input(g->app, emscripten_get_now());
    const std::string k = key;
    const ImGuiKey ik = k == "Escape" ? ImGuiKey_Escape : k == "Enter" ? ImGuiKey_Enter : k == "Tab" ? ImGuiKey_Tab
                        : k == "ArrowUp" ? ImGuiKey_UpArrow : k == "ArrowDown" ? ImGuiKey_DownArrow
                        : k == "ArrowLeft" ? ImGuiKey_LeftArrow : k == "ArrowRight" ? ImGuiKey_RightArrow
                        : k == "Backspace" ? ImGuiKey_Backspace : ImGuiKey_None;
    if (ik != ImGuiKey_None) io.AddKeyEvent(ik, down != 0);
    if (down && !io.WantTextInput) ntm::app::key_down(g->app, k);
    flush_search_focus();  // "/" opens the search field: the next key typed must land in it
    wake();
}

EMSCRIPTEN_KEEPALIVE const char* ntm_state() { return reply(ntm::app::state_json(g->app)); }
EMSCRIPTEN_KEEPALIVE const char* ntm_pick(double lon, double lat) { return reply(ntm::app::pick_json(g->app, lon, lat)); }
EMSCRIPTEN_KEEPALIVE const char* ntm_project(double lon, double lat) {
    return reply(ntm::app::project_json(g->app, lon, lat));
}
EMSCRIPTEN_KEEPALIVE const char* ntm_unproject(double x, double y) {
    return reply(ntm::app::unproject_json(g->app, x, y));
}
EMSCRIPTEN_KEEPALIVE const char* ntm_units() { return reply(ntm::app::units_json(g->app)); }

// Returns "" on success, else a Vietnamese message naming what was not found.
EMSCRIPTEN_KEEPALIVE const char* ntm_select(const char* district, const char* commune) {
    ntm::app::App& app = g->app;
    wake();
    if (!district || !*district) {
        ntm::app::clear_selection(app);
        return reply("");
    }
    const int d = ntm::app::find_district(app, district);
    if (d < 0) return reply(std::string("Không tìm thấy đơn vị cấp huyện \"") + district + "\".");
    if (!commune || !*commune) {
        ntm::app::select_district(app, d, false);
        return reply("");
    }
    const int c = ntm::app::find_commune(app, d, commune);
    if (c < 0) return reply(std::string("Không tìm thấy \"") + commune + "\" trong " + district + ".");
    ntm::app::select_commune(app, c, true);
    return reply("");
}

EMSCRIPTEN_KEEPALIVE void ntm_fly_to(double lon, double lat, double zoom, double duration_ms) {
    ntm::app::fly_to_view(g->app, {lon, lat}, zoom, duration_ms);
    wake();
}

// 0: tiles while a heavy view keeps moving (the default), 1: every frame from tiles, 2: never
// (window.ntmMap.setTileMode, for tests and the benchmark's comparisons).
EMSCRIPTEN_KEEPALIVE void ntm_set_tile_mode(int mode) {
    using ntm::render::TileMode;
    g->app.renderer.set_tile_mode(mode == 1 ? TileMode::always : mode == 2 ? TileMode::never : TileMode::automatic);
    g->must_draw = true;
    wake();
}

EMSCRIPTEN_KEEPALIVE void ntm_set_view(double lon, double lat, double zoom) {
    ntm::app::set_view(g->app, {lon, lat}, zoom);
    wake();
}

// 1 when nothing is moving, the last frame drew the current view completely, every level of
// detail of the map is built (a flight after whenIdle() never waits for one) and no tour file
// asked for is still on its way.
EMSCRIPTEN_KEEPALIVE int ntm_idle() {
    const ntm::app::App& app = g->app;
    return (!g->gl_lost && !ntm::app::is_animating(app) && !app.view_changed && !app.colours_dirty && g->ready_sent &&
            !app.tour_fetching &&
            g->redraw_frames <= 0 && !g->fonts_pending && g->pending_buttons.empty() && !app.renderer.levels_pending() &&
            !app.renderer.wants_sharp_frame() && !app.labels.sprites.drew_sprites())
               ? 1
               : 0;
}

}  // extern "C"

int main() {
    g = new Platform();
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = false;
    attrs.antialias = false;  // outlines antialias themselves (map_renderer.hpp, speed notes)
    attrs.depth = false;
    // The canvas keeps its pixels between frames, so that the side panel's interior, unchanged,
    // is not copied again every frame (UiOverlay::prepare). In software compositing the page's
    // frame is read back either way: the flight measured the same with and without it.
    attrs.preserveDrawingBuffer = true;
    attrs.stencil = false;
    g->gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (g->gl <= 0) {
        js_on_error(ntm::i18n::tr(ntm::i18n::Key::error_webgl2_unsupported));
        return 0;
    }
    emscripten_webgl_make_context_current(g->gl);
    emscripten_set_webglcontextlost_callback("#canvas", nullptr, false, on_context_lost);
    emscripten_set_webglcontextrestored_callback("#canvas", nullptr, false, on_context_restored);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no settings file in the browser
    io.LogFilename = nullptr;
    io.BackendPlatformName = "ntm_web";
    ntm::ui::apply_style();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    // Now, not lazily in the first NewFrame: the fonts arrive before that frame, and a font
    // texture made for them would then be made again by NewFrame and the first one leaked.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    // The map's shaders compile in the GPU process while the page hands over the data.
    g->app.renderer.start_programs();
    // The plain requestAnimationFrame loop of html5.h, not emscripten_set_main_loop: that one
    // brings Emscripten's whole `Browser` object into viewer.js (fullscreen, pointer lock, image
    // and audio preloading, getUserMedia) the viewer never calls: viewer.js 10.8 → 6.8 KB gzip.
    emscripten_request_animation_frame_loop(on_animation_frame, nullptr);
    return 0;
}
