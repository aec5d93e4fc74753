// headless_ui.hpp — a real ImGui context with the viewer's fonts and style and no renderer (as
// imgui's example_null), for the tests of tests/ui. Needs NTM_FONT_REGULAR / NTM_FONT_BOLD.
#pragma once

#include <catch2/catch.hpp>

#include <cfloat>
#include <cstdint>
#include <string>
#include <vector>

#include <imgui.h>
#include <imgui_internal.h>  // GImGui->LogBuffer: what the panel printed this frame

#include "core/test_files.hpp"
#include "ui/theme.hpp"

namespace ntm::test {

inline std::vector<uint8_t> read_bytes(const std::string& path) {
    const std::string s = read_text(path);
    return std::vector<uint8_t>(s.begin(), s.end());
}

// A headless ImGui with the viewer's fonts (Noto Sans, Vietnamese ranges) and style.
struct Headless {
    ImGuiContext* ctx = nullptr;
    std::vector<uint8_t> regular, bold;  // the atlas reads the bytes: they must outlive it
    ui::Fonts fonts;

    explicit Headless(const ui::HaloText* halo_text = nullptr) {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        regular = read_bytes(NTM_FONT_REGULAR);
        bold = read_bytes(NTM_FONT_BOLD);
        REQUIRE_FALSE(regular.empty());
        REQUIRE(ui::build_fonts(fonts, regular, bold, 1.0f, 1.0f, halo_text));
        ui::apply_style();
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what a renderer backend would upload
        REQUIRE(w > 0);
    }
    ~Headless() { ImGui::DestroyContext(ctx); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    // One frame with `draw` inside a side-panel window of width_px; returns the text ImGui
    // widgets printed (ImGui's log captures Text*, not ImDrawList text).
    template <class Draw>
    std::string frame(float width_px, Draw&& draw, ImVec2 mouse = ImVec2(-FLT_MAX, -FLT_MAX), bool click = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(mouse.x, mouse.y);
        io.AddMouseButtonEvent(0, click);
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(width_px, 800));
        ImGui::Begin("##side", nullptr,
                     ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings);
        ImGui::LogToBuffer();
        draw();
        std::string printed = GImGui->LogBuffer.c_str();
        ImGui::LogFinish();
        ImGui::End();
        ImGui::Render();
        return printed;
    }
};

}  // namespace ntm::test
