#include "core/tour.hpp"

#include <catch2/catch.hpp>

#include "support/real_gazetteer.hpp"
#include "test_files.hpp"
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/asset.hpp"
#include "core/plan.hpp"

using namespace ntm;
using namespace ntm::tour;

namespace {

using ntm::test::read_text;

using ntm::test::real_gazetteer;

std::string real_tour_text() {
    const std::string text = read_text(NTM_SOURCE_DIR "/geodata/tour/tour-2024.json");
    REQUIRE_FALSE(text.empty());
    return text;
}

std::string all_messages(const std::vector<plan::Problem>& ps) {
    std::string s;
    for (const plan::Problem& p : ps) s += p.message_vi + "\n";
    return s;
}

bool contains(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

// A tour file around the given steps (a JSON array's inner text).
std::string tour_with(const std::string& steps, const std::string& extra = "") {
    return R"({"format": "ntm-tour", "format_version": 1,)" + extra + R"( "steps": [)" + steps + "]}";
}

const char* kGoodStep = R"({"title": "Tốt", "text": "Bước đúng.", "camera": "province"})";

using Key = std::pair<std::string, std::string>;

}  // namespace

// [SECTION] The shipped tour

TEST_CASE("The shipped tour loads with no problem against the real map", "[tour][real]") {
    const TourLoad r = load_tour(real_tour_text(), "tour-2024.json", real_gazetteer());
    INFO(all_messages(r.problems));
    REQUIRE(r.problems.empty());
    const Tour& t = r.tour;
    CHECK(t.idle_return_seconds == 120);
    CHECK_FALSE(t.title.empty());
    CHECK_FALSE(t.title_en.empty());
    REQUIRE(t.steps.size() == 15);

    // The order the issue asks for: overview → 2024 targets → districts → models → funding → calendar.
    CHECK(t.steps.front().camera.kind == CameraKind::province);
    CHECK(t.steps.front().layer == legend::Layer::boundaries);
    CHECK(t.steps[1].layer == legend::Layer::targets);
    CHECK(t.steps[1].panel == Panel::legend);
    CHECK(t.steps[t.steps.size() - 3].panel == Panel::models);
    CHECK(t.steps[t.steps.size() - 2].panel == Panel::funding);
    CHECK(t.steps.back().panel == Panel::calendar);
    for (const Step& s : t.steps) {
        INFO(s.title);
        CHECK_FALSE(s.text.empty());
        CHECK_FALSE(s.text_en.empty());  // every step reads in English too
        CHECK_FALSE(step_title(s, true).empty());
    }
}

TEST_CASE("The shipped tour's district steps say what the plan says", "[tour][real]") {
    const plan::Gazetteer& gaz = real_gazetteer();
    const plan::PlanLoad plan_load =
        plan::load_plan(read_text(NTM_SOURCE_DIR "/geodata/plan/soc-trang-2024.json"), "soc-trang-2024.json", gaz);
    REQUIRE(plan_load.problems.empty());
    const plan::Plan& p = plan_load.plan;
    const TourLoad r = load_tour(real_tour_text(), "tour-2024.json", gaz);
    REQUIRE(r.problems.empty());

    // Districts with a commune or district target: each gets exactly one step, in the targets layer.
    std::set<std::string> with_targets;
    for (const plan::CommuneTarget& c : p.commune_targets) with_targets.insert(c.unit.district);
    for (const plan::DistrictTarget& d : p.district_targets) with_targets.insert(d.district);
    std::set<std::string> stepped;
    for (const Step& s : r.tour.steps) {
        if (s.camera.kind != CameraKind::district) continue;
        INFO(s.title);
        CHECK(s.title == s.camera.unit.district);
        CHECK(s.layer == legend::Layer::targets);
        CHECK(stepped.insert(s.camera.unit.district).second);
        // Highlighted: exactly the district's target communes, plus the district itself when it has a
        // district-level target.
        std::set<Key> expected, got;
        for (const plan::CommuneTarget& c : p.commune_targets)
            if (c.unit.district == s.camera.unit.district) expected.insert({c.unit.district, c.unit.commune});
        if (!plan::find_district_targets(p, s.camera.unit.district).empty()) expected.insert({s.camera.unit.district, ""});
        for (const plan::UnitRef& u : s.highlight) got.insert({u.district, u.commune});
        CHECK(got == expected);
        // Every commune it highlights is named in its text, with the standard the plan gives.
        for (const plan::UnitRef& u : s.highlight) {
            if (u.commune.empty()) continue;
            CHECK(contains(s.text, u.commune));
        }
    }
    CHECK(stepped == with_targets);

    // The models step highlights exactly where the plan's models are.
    const Step* models = nullptr;
    for (const Step& s : r.tour.steps)
        if (s.panel == Panel::models) models = &s;
    REQUIRE(models != nullptr);
    std::set<Key> expected, got;
    for (const plan::PilotModel& m : p.models) expected.insert({m.unit.district, m.unit.commune});
    for (const plan::UnitRef& u : models->highlight) got.insert({u.district, u.commune});
    CHECK(got == expected);
}

// [SECTION] Bad input

TEST_CASE("Bad steps are reported with file, step and reason, and dropped", "[tour]") {
    const std::string steps = std::string(kGoodStep) + "," +
        R"({"title": "Huyện sai", "text": "x", "camera": {"district": "Huyện Tran De"}},)"            // 2
        R"({"title": "Xã sai huyện", "text": "x", "camera": {"district": "Huyện Trần Đề", "commune": "Xã Hòa Tú 1"}},)"  // 3
        R"({"text": "không có tiêu đề", "camera": "province"},)"                                         // 4
        R"({"title": "Lớp sai", "text": "x", "camera": "province", "layer": "muc-tieu-2025"},)"          // 5
        R"({"title": "Bảng sai", "text": "x", "camera": "province", "panel": "charts"},)"                 // 6
        R"({"title": "Zoom sai", "text": "x", "camera": {"lon": 105.9, "lat": 9.6, "zoom": 25}},)"       // 7
        R"({"title": "Số quá lớn", "text": "x", "camera": {"lon": 1e300, "lat": 9.6, "zoom": 10}},)"     // 8
        R"({"title": "Camera đôi", "text": "x", "camera": {"district": "Huyện Trần Đề", "lon": 105.9}},)"  // 9
        R"({"title": "Camera lạ", "text": "x", "camera": "Huyện Trần Đề"},)"                             // 10
        R"("không phải đối tượng",)"                                                                     // 11
        R"({"title": "Tô sáng sai", "text": "x", "camera": "province", "highlight": [{"district": "Huyện Mỹ Xuyên", "commune": "Xã Hoà Tú 1"}, {"district": "Huyện Mỹ Xuyên", "commune": "Xã Hòa Tú 1"}, {"district": "Huyện Mỹ Xuyên", "commune": "Xã Hòa Tú 1"}, 7]},)"  // 12
        R"({"title": "Trường lạ", "text": "x", "camera": "province", "higlight": []},)"                   // 13
        R"({"title": "Tọa độ", "text": "x", "camera": {"lon": 105.97, "lat": 9.6, "zoom": 10.5}, "layer": null, "panel": null})";  // 14
    const TourLoad r = load_tour(tour_with(steps), "thu.json", real_gazetteer());
    const std::string all = all_messages(r.problems);
    INFO(all);

    REQUIRE(r.tour.steps.size() == 4);
    CHECK(r.tour.steps[0].title == "Tốt");
    CHECK(r.tour.steps[1].title == "Tô sáng sai");
    CHECK(r.tour.steps[2].title == "Trường lạ");
    CHECK(r.tour.steps[3].title == "Tọa độ");
    CHECK(r.tour.steps[3].camera.kind == CameraKind::lonlat);
    CHECK(r.tour.steps[3].camera.zoom == 10.5);
    CHECK_FALSE(r.tour.steps[3].layer);
    // Only the valid highlight survives; the misspelt, duplicate and malformed ones are reported.
    REQUIRE(r.tour.steps[1].highlight.size() == 1);
    CHECK(r.tour.steps[1].highlight[0].commune == "Xã Hòa Tú 1");

    // Each message names the file, the step as the audience counts it, and the reason.
    CHECK(contains(all, "thu.json — bước 2 “Huyện sai” (steps[1]): camera: không có huyện, thị xã hay thành phố tên "
                        "“Huyện Tran De” trong bản đồ; có phải “Huyện Trần Đề”? Hai tên chỉ khác nhau ở dấu hoặc chữ hoa, "
                        "chữ thường. Bước này bị bỏ qua."));
    CHECK(contains(all, "bước 3 “Xã sai huyện” (steps[2]): camera: “Xã Hòa Tú 1” không thuộc Huyện Trần Đề mà thuộc "
                        "Huyện Mỹ Xuyên."));
    CHECK(contains(all, "bước 4 (steps[3]): thiếu trường “title”."));
    CHECK(contains(all, "bước 5 “Lớp sai” (steps[4]): lớp bản đồ “muc-tieu-2025” không hợp lệ"));
    CHECK(contains(all, "bước 6 “Bảng sai” (steps[5]): bảng “charts” không hợp lệ"));
    CHECK(contains(all, "bước 7 “Zoom sai” (steps[6]): camera: trường “zoom” phải từ 0 đến 20."));
    CHECK(contains(all, "bước 8 “Số quá lớn” (steps[7]): camera: trường “lon”"));
    CHECK(contains(all, "bước 9 “Camera đôi” (steps[8]): camera ghi cả đơn vị lẫn tọa độ"));
    CHECK(contains(all, "bước 10 “Camera lạ” (steps[9]): camera “Huyện Trần Đề” không hợp lệ"));
    CHECK(contains(all, "bước 11 (steps[10]): mỗi bước phải là một đối tượng"));
    CHECK(contains(all, "bước 12 “Tô sáng sai” (steps[11]), highlight[0]: không có “Xã Hoà Tú 1” trong Huyện Mỹ Xuyên; "
                        "có phải “Xã Hòa Tú 1”? Hai tên chỉ khác nhau ở dấu hoặc chữ hoa, chữ thường. Đơn vị này không được tô sáng."));
    CHECK(contains(all, "(steps[11]), highlight[2]: đơn vị này đã có ở trên trong danh sách tô sáng; dòng lặp lại "
                        "được bỏ qua.\n"));
    CHECK(contains(all, "(steps[11]), highlight[3]: mỗi đơn vị tô sáng phải là một đối tượng"));
    CHECK(contains(all, "bước 13 “Trường lạ” (steps[12]): trường “higlight” không được dùng"));

    size_t dropped = 0;
    for (const plan::Problem& p : r.problems) {
        CHECK(p.file == "thu.json");
        CHECK_FALSE(p.detail_en.empty());
        if (p.item_dropped) ++dropped;
    }
    CHECK(dropped >= 10);  // steps 2–11 (step 8 may report more than one reason)
}

TEST_CASE("File-level problems", "[tour]") {
    const plan::Gazetteer& gaz = real_gazetteer();
    SECTION("not JSON: line and column, no steps") {
        const TourLoad r = load_tour("{\n  \"format\": \"ntm-tour\",\n  \"steps\": [,]\n}", "t.json", gaz);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.tour.steps.empty());
        CHECK(contains(r.problems[0].message_vi, "t.json: tệp không phải JSON hợp lệ (lỗi ở dòng 3, cột 13)"));
        CHECK(load_tour("", "t.json", gaz).problems.at(0).message_vi == "t.json: tệp rỗng, không phải JSON.");
    }
    SECTION("wrong format or version") {
        const TourLoad a = load_tour(R"({"format": "ntm-plan", "format_version": 1, "steps": []})", "t.json", gaz);
        REQUIRE(a.problems.size() == 1);
        CHECK(contains(a.problems[0].message_vi, "có thể đã chọn nhầm tệp"));
        const TourLoad b = load_tour(R"({"format": "ntm-tour", "format_version": 2, "steps": []})", "t.json", gaz);
        REQUIRE(b.problems.size() == 1);
        CHECK(b.problems[0].code == ErrorCode::version);
        const TourLoad c = load_tour("[1, 2]", "t.json", gaz);
        REQUIRE(c.problems.size() == 1);
        CHECK(c.problems[0].code == ErrorCode::format);
    }
    SECTION("steps missing, not a list, or all invalid") {
        CHECK(contains(all_messages(load_tour(R"({"format": "ntm-tour", "format_version": 1})", "t.json", gaz).problems),
                       "thiếu mục “steps”"));
        CHECK(contains(all_messages(load_tour(R"({"format": "ntm-tour", "format_version": 1, "steps": {}})", "t.json",
                                              gaz).problems),
                       "mục “steps” phải là một danh sách"));
        const TourLoad r = load_tour(tour_with(R"({"title": "x"})"), "t.json", gaz);
        CHECK(r.tour.steps.empty());
        CHECK(contains(all_messages(r.problems), "không có bước hợp lệ nào"));
    }
    SECTION("idle return: default, off, invalid") {
        CHECK(load_tour(tour_with(kGoodStep), "t.json", gaz).tour.idle_return_seconds == kDefaultIdleReturnSeconds);
        const TourLoad off = load_tour(tour_with(kGoodStep, R"( "idle_return_seconds": 0,)"), "t.json", gaz);
        CHECK(off.problems.empty());
        CHECK(off.tour.idle_return_seconds == 0);
        const TourLoad five = load_tour(tour_with(kGoodStep, R"( "idle_return_seconds": 300,)"), "t.json", gaz);
        CHECK(five.tour.idle_return_seconds == 300);
        for (const char* bad : {"-5", "\"120\"", "1e9", "12.5", "86401", "18446744073709551615", "true"}) {
            INFO(bad);
            const TourLoad r =
                load_tour(tour_with(kGoodStep, std::string(" \"idle_return_seconds\": ") + bad + ","), "t.json", gaz);
            REQUIRE(r.problems.size() == 1);
            CHECK(contains(r.problems[0].message_vi, "t.json — idle_return_seconds: phải là số giây"));
            CHECK(r.tour.idle_return_seconds == kDefaultIdleReturnSeconds);
            CHECK(r.tour.steps.size() == 1);
        }
    }
}

TEST_CASE("Camera targets and optional fields are read as written", "[tour]") {
    const std::string steps =
        R"({"title": "Xã", "text": "x", "camera": {"district": "Thị xã Vĩnh Châu", "commune": "Phường 1"}, "layer": "hien-trang", "panel": "funding"},)"
        R"({"title": "Huyện", "text": "x", "camera": {"district": "Thị xã Ngã Năm", "commune": null}, "highlight": null},)"
        R"({"title": "Tiếng Việt", "title_en": "English", "text": "Chữ", "text_en": "", "camera": "province", "note": "ghi chú"})";
    const TourLoad r = load_tour(tour_with(steps), "t.json", real_gazetteer());
    INFO(all_messages(r.problems));
    CHECK(r.problems.empty());
    REQUIRE(r.tour.steps.size() == 3);
    const Step& a = r.tour.steps[0];
    CHECK(a.camera.kind == CameraKind::commune);
    CHECK(a.camera.unit.district == "Thị xã Vĩnh Châu");
    CHECK(a.camera.unit.commune == "Phường 1");
    CHECK(a.layer == legend::Layer::status);
    CHECK(a.panel == Panel::funding);
    CHECK(r.tour.steps[1].camera.kind == CameraKind::district);
    CHECK(r.tour.steps[1].highlight.empty());
    const Step& c = r.tour.steps[2];
    CHECK(step_title(c, true) == "English");
    CHECK(step_title(c, false) == "Tiếng Việt");
    CHECK(step_text(c, true) == "Chữ");  // no English text: the Vietnamese is shown
}

TEST_CASE("Panel ids", "[tour]") {
    for (Panel p : {Panel::funding, Panel::calendar, Panel::models, Panel::legend}) CHECK(panel_from_id(panel_id(p)) == p);
    CHECK_FALSE(panel_from_id(""));
    CHECK_FALSE(panel_from_id("Funding"));
}
