#include "core/plan.hpp"

#include <catch2/catch.hpp>

#include "support/real_gazetteer.hpp"
#include "support/small_gazetteer.hpp"
#include "test_files.hpp"
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "core/asset.hpp"

using namespace ntm;
using namespace ntm::plan;

namespace {

using ntm::test::read_text;

std::string fixture(const std::string& name) {
    const std::string text = read_text(std::string(NTM_FIXTURES_DIR) + "/plan/" + name);
    REQUIRE_FALSE(text.empty());
    return text;
}

// A file of tests/bad-input (the bad inputs every loader is checked on, see bad_input_test.cpp).
std::string bad_input(const std::string& path) {
    const std::string text = read_text(std::string(NTM_FIXTURES_DIR) + "/../bad-input/" + path);
    REQUIRE_FALSE(text.empty());
    return text;
}

using ntm::test::small_gazetteer;  // a few real units, shared with the fuzz targets

using ntm::test::real_gazetteer;

// The problems whose item label contains `item` (all of them when item is empty).
std::vector<Problem> problems_of(const std::vector<Problem>& all, const std::string& item) {
    std::vector<Problem> out;
    for (const Problem& p : all) {
        if (p.item.find(item) != std::string::npos) out.push_back(p);
    }
    return out;
}

bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

// Every problem of this item mentions `text` in its user message, and there is at least one.
void require_problem(const std::vector<Problem>& all, const std::string& item, const std::string& text) {
    const std::vector<Problem> ps = problems_of(all, item);
    INFO("item: " << item << ", expected text: " << text);
    REQUIRE_FALSE(ps.empty());
    bool found = false;
    for (const Problem& p : ps) {
        INFO(p.message_vi);
        found = found || contains(p.message_vi, text);
    }
    CHECK(found);
}

std::string all_messages(const std::vector<Problem>& ps) {
    std::string s;
    for (const Problem& p : ps) s += p.message_vi + "\n";
    return s;
}

}  // namespace

// [SECTION] Helpers

TEST_CASE("Standard ids and Vietnamese labels", "[plan]") {
    CHECK(std::string(standard_id(Standard::ntm)) == "ntm");
    CHECK(std::string(standard_id(Standard::nang_cao)) == "nang-cao");
    CHECK(std::string(standard_id(Standard::kieu_mau)) == "kieu-mau");
    CHECK(std::string(standard_label_vi(Standard::ntm)) == "Nông thôn mới");
    CHECK(std::string(standard_label_vi(Standard::nang_cao)) == "Nông thôn mới nâng cao");
    CHECK(std::string(standard_label_vi(Standard::kieu_mau)) == "Nông thôn mới kiểu mẫu");
    CHECK(std::string(unit_standard_label_vi(Standard::ntm, asset::UnitType::thi_xa)) ==
          "Hoàn thành nhiệm vụ xây dựng nông thôn mới");
    CHECK(std::string(unit_standard_label_vi(Standard::ntm, asset::UnitType::huyen)) == "Nông thôn mới");
    for (Standard s : {Standard::ntm, Standard::nang_cao, Standard::kieu_mau})
        CHECK(standard_from_id(standard_id(s)) == s);
    CHECK_FALSE(standard_from_id("NTM"));
    CHECK_FALSE(standard_from_id("nang cao"));
    CHECK_FALSE(standard_from_id(""));
    CHECK_FALSE(standard_applies(Standard::ntm, asset::UnitType::phuong));
    CHECK_FALSE(standard_applies(Standard::ntm, asset::UnitType::thi_tran));
    CHECK(standard_applies(Standard::kieu_mau, asset::UnitType::xa));
    CHECK_FALSE(standard_applies(Standard::nang_cao, asset::UnitType::thanh_pho));
}

TEST_CASE("ISO dates are checked against the calendar", "[plan]") {
    CHECK(parse_iso_date("2024-02-29", false));
    CHECK(parse_iso_date("2000-02-29", false));
    CHECK_FALSE(parse_iso_date("1900-02-29", false));
    CHECK_FALSE(parse_iso_date("2023-02-29", false));
    CHECK_FALSE(parse_iso_date("2024-02-30", false));
    CHECK_FALSE(parse_iso_date("2024-04-31", false));
    CHECK_FALSE(parse_iso_date("2024-13-01", false));
    CHECK_FALSE(parse_iso_date("2024-00-10", false));
    CHECK_FALSE(parse_iso_date("2024-1-5", false));
    CHECK_FALSE(parse_iso_date(" 2024-01-05", false));
    CHECK_FALSE(parse_iso_date("2024-06", false));
    const auto month = parse_iso_date("2024-06", true);
    REQUIRE(month);
    CHECK(month->is_month());
    CHECK(date_iso(*month) == "2024-06");
    CHECK(date_label_vi(*month) == "06/2024");
    const auto day = parse_iso_date("2024-02-05", true);
    REQUIRE(day);
    CHECK(date_label_vi(*day) == "05/02/2024");
    CHECK(date_label_vi(Date{}).empty());
}

TEST_CASE("The viewer's gazetteer comes from the map asset's tables", "[plan]") {
    asset::MapAsset map;
    asset::Feature d;
    d.name = "Thị xã Ngã Năm";
    d.type = asset::UnitType::thi_xa;
    map.districts.push_back(d);
    asset::Feature c;
    c.name = "Phường 1";
    c.type = asset::UnitType::phuong;
    c.parent = 0;
    map.communes.push_back(c);
    c.name = "Xã Mồ Côi";  // a damaged parent index must not crash
    c.type = asset::UnitType::xa;
    c.parent = 7;
    map.communes.push_back(c);
    const Gazetteer g = gazetteer_from_asset(map);
    REQUIRE(g.units.size() == 3);
    CHECK(g.units[0].district == "Thị xã Ngã Năm");
    CHECK(g.units[0].commune.empty());
    CHECK(g.units[0].type == asset::UnitType::thi_xa);
    CHECK(g.units[1].district == "Thị xã Ngã Năm");
    CHECK(g.units[1].commune == "Phường 1");
    CHECK(g.units[2].district.empty());
}

// [SECTION] Fixtures

TEST_CASE("A valid plan loads completely with no problem", "[plan]") {
    const PlanLoad r = load_plan(fixture("good-minimal.json"), "good-minimal.json", small_gazetteer());
    INFO(all_messages(r.problems));
    REQUIRE(r.problems.empty());
    const Plan& p = r.plan;
    CHECK(p.document.number == "99/KH-TEST");
    CHECK(date_iso(p.document.date) == "2024-02-05");
    CHECK(p.document.year == 2024);
    REQUIRE(p.commune_targets.size() == 3);
    CHECK(count_commune_targets(p, Standard::ntm) == 1);
    CHECK(count_commune_targets(p, Standard::nang_cao) == 1);
    CHECK(count_commune_targets(p, Standard::kieu_mau) == 1);
    const CommuneTarget* t = find_commune_target(p, "Huyện Mỹ Xuyên", "Xã Hòa Tú 1");
    REQUIRE(t != nullptr);
    CHECK(t->standard == Standard::kieu_mau);
    CHECK(find_commune_target(p, "Huyện Long Phú", "Thị trấn Long Phú") == nullptr);
    CHECK(find_commune_target(p, "Huyện Trần Đề", "Xã Long Phú") == nullptr);  // keyed by district too

    const auto dt = find_district_targets(p, "Huyện Mỹ Xuyên");
    REQUIRE(dt.size() == 1);
    CHECK(dt[0]->standard == Standard::nang_cao);
    CHECK(dt[0]->milestone == DistrictMilestone::dossier);
    CHECK(dt[0]->recognition_year == 2024);

    CHECK(models_at(p, "Huyện Kế Sách", "Xã Nhơn Mỹ").size() == 1);
    CHECK(models_at(p, "Huyện Kế Sách", "").size() == 1);
    CHECK(models_in_district(p, "Huyện Kế Sách").size() == 2);
    CHECK(models_at(p, "Huyện Mỹ Xuyên", "Xã Hòa Tú 1").empty());

    REQUIRE(p.funding.sources.size() == 2);
    CHECK_FALSE(p.funding.sources[1].recurrent_million_dong.has_value());
    const FundingTotals totals = funding_totals(p.funding);
    CHECK(totals.amount_million_dong == 150);
    CHECK(totals.investment_million_dong == 110);
    CHECK(totals.recurrent_million_dong == 40);
    CHECK(totals.unsplit_million_dong == 0);
    CHECK(funding_total_million_dong(p.funding) == *p.funding.stated_total_million_dong);

    REQUIRE(p.calendar.size() == 2);
    CHECK(date_iso(p.calendar[0].date) == "2024-09-30");
    CHECK(p.calendar[0].kind == CalendarKind::deadline);
    CHECK(p.calendar[1].date.is_month());
    CHECK(p.calendar[1].level == asset::UnitType::xa);

    REQUIRE(p.tasks.size() == 2);
    CHECK(date_iso(p.tasks[0].due) == "2024-01");
    CHECK_FALSE(p.tasks[1].due.is_set());
    CHECK(p.tasks[1].due_text == "Theo tiến độ trung ương ban hành");
    CHECK(tasks_of_agency(p, "Sở Nông nghiệp và Phát triển nông thôn").size() == 2);
}

TEST_CASE("Text that is not JSON gives one problem with the line, and an empty plan", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/not-json.json"), "not-json.json", small_gazetteer());
    REQUIRE(r.problems.size() == 1);
    const Problem& p = r.problems[0];
    CHECK(p.file == "not-json.json");
    CHECK(p.item.empty());
    CHECK(p.code == ErrorCode::format);
    CHECK(contains(p.message_vi, "not-json.json"));
    CHECK(contains(p.message_vi, "không phải JSON"));
    CHECK(contains(p.message_vi, "dòng 4"));
    CHECK(r.plan.document.number.empty());
    CHECK(r.plan.commune_targets.empty());
    CHECK(r.plan.tasks.empty());
}

TEST_CASE("Degenerate texts never crash and say what is wrong", "[plan]") {
    const Gazetteer gaz = small_gazetteer();
    SECTION("empty text") {
        const PlanLoad r = load_plan("", "a.json", gaz);
        REQUIRE(r.problems.size() == 1);
        CHECK(contains(r.problems[0].message_vi, "tệp rỗng"));
    }
    SECTION("invalid UTF-8 inside a string: said so with the byte, then read as the browser reads it") {
        const PlanLoad r = load_plan("{\"format\": \"ntm-plan\xC3\"}", "a.json", gaz);
        REQUIRE(r.problems.size() == 2);
        CHECK(contains(r.problems[0].message_vi, "a.json: tệp không phải UTF-8 hợp lệ (byte thứ 21, dòng 1)"));
        CHECK(contains(r.problems[1].message_vi, "tệp này có dạng “ntm-plan\xEF\xBF\xBD”"));
    }
    SECTION("a number too large for a double") {
        const PlanLoad r = load_plan("{\"format\": 1e999}", "a.json", gaz);
        REQUIRE(r.problems.size() == 1);
        CHECK(contains(r.problems[0].message_vi, "không phải JSON hợp lệ (lỗi ở dòng 1, cột 16): số quá lớn"));
    }
    SECTION("top level is an array") {
        const PlanLoad r = load_plan("[1, 2]", "a.json", gaz);
        REQUIRE(r.problems.size() == 1);
        CHECK(contains(r.problems[0].message_vi, "đối tượng JSON"));
    }
    SECTION("the status file given as the plan") {
        const PlanLoad r = load_plan(fixture("status-good.json"), "status-good.json", gaz);
        REQUIRE(r.problems.size() == 1);
        CHECK(contains(r.problems[0].message_vi, "“ntm-status”"));
        CHECK(contains(r.problems[0].message_vi, "nhầm tệp"));
    }
    SECTION("a newer format version") {
        const PlanLoad r =
            load_plan("{\"format\": \"ntm-plan\", \"format_version\": 2, \"commune_targets\": []}", "a.json", gaz);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].code == ErrorCode::version);
        CHECK(contains(r.problems[0].message_vi, "phiên bản định dạng 2"));
    }
}

TEST_CASE("Wrong types are reported per item and the rest still loads", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/wrong-types.json"), "wrong-types.json", small_gazetteer());
    const auto& ps = r.problems;
    // A section of the wrong type is skipped as a whole, named in the message.
    bool section_reported = false;
    for (const Problem& p : ps) {
        section_reported =
            section_reported || (p.item.empty() && contains(p.message_vi, "“commune_targets” phải là một danh sách"));
    }
    CHECK(section_reported);
    CHECK(r.plan.commune_targets.empty());
    require_problem(ps, "district_targets[0]", "phải là một đối tượng");
    require_problem(ps, "models[0]", "trường “lead_agency” phải là chuỗi ký tự, không phải số");
    CHECK(r.plan.models.empty());
    require_problem(ps, "document", "trường “year” phải là số nguyên, không phải chuỗi ký tự");
    require_problem(ps, "tasks[0]", "“row”");
    REQUIRE(r.plan.tasks.size() == 1);
    CHECK(r.plan.tasks[0].content == "Hàng đúng");
    for (const Problem& p : ps) CHECK(contains(p.message_vi, "wrong-types.json"));
}

TEST_CASE("Missing fields drop the item; a missing source only warns", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/missing-fields.json"), "missing-fields.json", small_gazetteer());
    const auto& ps = r.problems;
    require_problem(ps, "document", "thiếu trường “number”");
    require_problem(ps, "commune_targets[0]", "thiếu trường “commune”");
    require_problem(ps, "commune_targets[1] (Xã Tài Văn, Huyện Trần Đề)", "thiếu trường “standard”");
    require_problem(ps, "commune_targets[2] (Xã Tân Hưng, Huyện Long Phú)", "thiếu trường “source”");
    CHECK_FALSE(problems_of(ps, "commune_targets[2]")[0].item_dropped);
    REQUIRE(r.plan.commune_targets.size() == 1);
    CHECK(r.plan.commune_targets[0].unit.commune == "Xã Tân Hưng");
    require_problem(ps, "models[0]", "thiếu trường “lead_agency”");
    CHECK(problems_of(ps, "models[0]")[0].item_dropped);
    CHECK(contains(problems_of(ps, "models[0]")[0].message_vi, "Mục này bị bỏ qua."));
    require_problem(ps, "funding.sources[0]", "thiếu trường “amount_million_dong”");
    REQUIRE(r.plan.funding.sources.size() == 1);
    CHECK(r.plan.funding.sources[0].id == "ok");
    require_problem(ps, "tasks[0]", "thiếu trường “content”");
    require_problem(ps, "tasks[1]", "thiếu thời hạn");
    REQUIRE(r.plan.tasks.size() == 1);
    CHECK(r.plan.tasks[0].row == 3);
    bool calendar_reported = false;
    for (const Problem& p : ps) calendar_reported = calendar_reported || contains(p.message_vi, "thiếu mục “calendar”");
    CHECK(calendar_reported);
}

TEST_CASE("Misspelt names are rejected with the closest real name", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/misspelt-commune.json"), "misspelt-commune.json", small_gazetteer());
    const auto& ps = r.problems;
    require_problem(ps, "commune_targets[0] (Xã Tài Vân, Huyện Trần Đề)", "có phải “Xã Tài Văn”?");
    require_problem(ps, "commune_targets[1]", "có phải “Xã Thạnh Thới An”? Hai tên chỉ khác nhau ở dấu");
    require_problem(ps, "commune_targets[2]", "không có huyện, thị xã hay thành phố tên “Huyện Tran De”");
    require_problem(ps, "commune_targets[2]", "có phải “Huyện Trần Đề”?");
    require_problem(ps, "commune_targets[3]", "có phải “Xã Hòa Tú 1”?");
    // "Phường 4" is not suggested as a misspelt "Phường 1": numbers must agree.
    require_problem(ps, "commune_targets[4]", "không có “Phường 4” trong Thị xã Ngã Năm");
    CHECK_FALSE(contains(problems_of(ps, "commune_targets[4]")[0].message_vi, "có phải"));
    REQUIRE(r.plan.commune_targets.size() == 1);
    CHECK(r.plan.commune_targets[0].unit.commune == "Xã Tân Hưng");
}

TEST_CASE("Names that differ only in accents or in how they were typed say so", "[plan]") {
    auto load_one = [](const std::string& commune) {
        const std::string json = R"({"format": "ntm-plan", "format_version": 1, "commune_targets": [
            {"district": "Huyện Mỹ Xuyên", "commune": ")" + commune + R"(", "standard": "kieu-mau", "source": "x"}]})";
        return load_plan(json, "t.json", small_gazetteer());
    };
    SECTION("old-style accent placement") {
        const PlanLoad r = load_one("Xã Hoà Tú 1");
        require_problem(r.problems, "commune_targets[0]", "có phải “Xã Hòa Tú 1”? Hai tên chỉ khác nhau ở dấu");
        CHECK(r.plan.commune_targets.empty());
    }
    SECTION("decomposed Unicode (combining marks)") {
        const PlanLoad r = load_one("X\x61\xCC\x83 Ho\xCC\x80\x61 Tu\xCC\x81 1");  // "Xã Hòa Tú 1" decomposed
        require_problem(r.problems, "commune_targets[0]", "Unicode dựng sẵn");
    }
    SECTION("the exact precomposed name is accepted") {
        CHECK(load_one("Xã Hòa Tú 1").plan.commune_targets.size() == 1);
    }
}

TEST_CASE("A commune named under another district is an error naming its real district", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/wrong-district.json"), "wrong-district.json", small_gazetteer());
    require_problem(r.problems, "commune_targets[0]", "“Xã Tài Văn” không thuộc Huyện Long Phú mà thuộc Huyện Trần Đề");
    require_problem(r.problems, "models[0]", "“Xã Nhơn Mỹ” không thuộc Huyện Mỹ Xuyên mà thuộc Huyện Kế Sách");
    REQUIRE(r.plan.commune_targets.size() == 1);
    CHECK(r.plan.commune_targets[0].unit.commune == "Xã Long Phú");
    CHECK(r.plan.models.empty());
}

TEST_CASE("Commune standards apply to xã only; towns only complete the NTM task", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/target-on-phuong.json"), "target-on-phuong.json", small_gazetteer());
    require_problem(r.problems, "commune_targets[0] (Phường 1, Thị xã Ngã Năm)",
                    "là phường; chuẩn nông thôn mới cấp xã chỉ áp dụng cho xã");
    require_problem(r.problems, "commune_targets[1] (Thị trấn Long Phú, Huyện Long Phú)", "là thị trấn");
    require_problem(r.problems, "district_targets[0] (Thành phố Sóc Trăng)", "hoàn thành nhiệm vụ");
    REQUIRE(r.plan.commune_targets.size() == 1);
    CHECK(r.plan.commune_targets[0].unit.commune == "Xã Vĩnh Quới");
    REQUIRE(r.plan.district_targets.size() == 1);
    CHECK(r.plan.district_targets[0].district == "Thị xã Ngã Năm");
}

TEST_CASE("A unit listed twice keeps its first entry", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/duplicate-unit.json"), "duplicate-unit.json", small_gazetteer());
    require_problem(r.problems, "commune_targets[2] (Xã Tài Văn, Huyện Trần Đề)", "đã có ở commune_targets[0]");
    CHECK(problems_of(r.problems, "commune_targets[2]")[0].item_dropped);
    REQUIRE(r.plan.commune_targets.size() == 2);
    CHECK(find_commune_target(r.plan, "Huyện Trần Đề", "Xã Tài Văn")->standard == Standard::ntm);
    require_problem(r.problems, "funding.sources[1]", "mã nguồn vốn “a” đã có ở funding.sources[0]");
    CHECK(funding_total_million_dong(r.plan.funding) == 1);
}

TEST_CASE("Negative amounts are rejected", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/negative-amount.json"), "negative-amount.json", small_gazetteer());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].item == "funding.sources[0] (Nguồn âm)");
    CHECK(contains(r.problems[0].message_vi, "là số âm (-5.000)"));
    REQUIRE(r.plan.funding.sources.size() == 1);
    CHECK(funding_total_million_dong(r.plan.funding) == 85000);
}

TEST_CASE("Amounts must be JSON numbers, not text", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/non-numeric-amount.json"), "non-numeric-amount.json", small_gazetteer());
    require_problem(r.problems, "funding.sources[0] (Nguồn chuỗi)", "phải là một số");
    require_problem(r.problems, "funding.sources[0]", "“133.988”");
    require_problem(r.problems, "funding.sources[1] (Nguồn chữ)", "“investment_million_dong” phải là một số");
    REQUIRE(r.plan.funding.sources.size() == 1);
    CHECK(r.plan.funding.sources[0].label == "Vốn dân");
}

TEST_CASE("Splits must add up to the amount and sources to the stated total", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/parts-not-adding.json"), "parts-not-adding.json", small_gazetteer());
    require_problem(r.problems, "funding.sources[0] (Ngân sách trung ương)",
                    "đầu tư phát triển (103.600) + sự nghiệp (30.000) = 133.600 triệu đồng, khác số tiền của nguồn "
                    "(133.988 triệu đồng)");
    require_problem(r.problems, "funding.sources[2] (Ngân sách huyện)", "lớn hơn số tiền của nguồn");
    REQUIRE(r.plan.funding.sources.size() == 1);
    CHECK(r.plan.funding.sources[0].id == "tinh");
    // The total check runs on what was kept, and says both figures.
    const auto total = problems_of(r.problems, "funding");
    bool total_reported = false;
    for (const Problem& p : total) {
        total_reported = total_reported || (p.item == "funding" && contains(p.message_vi, "185.253 triệu đồng") &&
                                            contains(p.message_vi, "400.000 triệu đồng"));
    }
    CHECK(total_reported);
}

TEST_CASE("Impossible dates are rejected, leap days accepted", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/impossible-date.json"), "impossible-date.json", small_gazetteer());
    require_problem(r.problems, "document", "ngày “2024-02-30” (trường “date”) không có trên lịch");
    CHECK(r.plan.document.number.empty());  // the document item was dropped
    require_problem(r.problems, "tasks[0]", "“2024-13”");
    require_problem(r.problems, "calendar[0] (khong-nhuan)", "“2023-02-29”");
    require_problem(r.problems, "calendar[1] (sai-dang)", "không đúng dạng YYYY-MM-DD hoặc YYYY-MM");
    REQUIRE(r.plan.tasks.size() == 1);
    CHECK(date_iso(r.plan.tasks[0].due) == "2024-02-29");
    REQUIRE(r.plan.calendar.size() == 1);
    CHECK(r.plan.calendar[0].id == "dung");
}

TEST_CASE("Standards must be one of the three ids", "[plan]") {
    const PlanLoad r = load_plan(bad_input("plan/bad-standard.json"), "bad-standard.json", small_gazetteer());
    require_problem(r.problems, "commune_targets[0]", "mức chuẩn “nang cao” không hợp lệ");
    require_problem(r.problems, "commune_targets[1]", "mức chuẩn “NTM” không hợp lệ");
    require_problem(r.problems, "commune_targets[2]", "mức chuẩn số không hợp lệ");
    require_problem(r.problems, "commune_targets[3]", "thiếu trường “standard”");
    REQUIRE(r.plan.commune_targets.size() == 1);
    CHECK(r.plan.commune_targets[0].standard == Standard::kieu_mau);
}

TEST_CASE("A valid status file loads", "[plan][status]") {
    const StatusLoad r = load_status(fixture("status-good.json"), "status-good.json", small_gazetteer());
    INFO(all_messages(r.problems));
    REQUIRE(r.problems.empty());
    CHECK(date_iso(r.status.as_of) == "2024-12-31");
    REQUIRE(r.status.units.size() == 4);
    const UnitStatus* s = find_status(r.status, "Huyện Trần Đề", "Xã Tài Văn");
    REQUIRE(s != nullptr);
    CHECK(s->standard == Standard::ntm);
    CHECK(date_iso(s->recognised_on) == "2024-10-15");
    CHECK(s->criteria_met == 19);
    const UnitStatus* none = find_status(r.status, "Huyện Long Phú", "Xã Tân Hưng");
    REQUIRE(none != nullptr);
    CHECK(none->standard == Standard::none);
    CHECK(none->criteria_met == 15);
    CHECK(find_status(r.status, "Thị xã Ngã Năm", "") != nullptr);
    CHECK(find_status(r.status, "Huyện Kế Sách", "Xã Nhơn Mỹ") == nullptr);  // not listed: no data
}

TEST_CASE("A bad status file keeps its valid units and names every problem", "[plan][status]") {
    const StatusLoad r = load_status(bad_input("status/several-problems.json"), "several-problems.json", small_gazetteer());
    const auto& ps = r.problems;
    require_problem(ps, "units[0] (Xã Tài Văn, Huyện Trần Đề)", "“criteria_met” phải là số nguyên từ 0 đến 19");
    require_problem(ps, "units[1]", "“criteria_met” phải là số nguyên");
    require_problem(ps, "units[2] (Phường 1, Thị xã Ngã Năm)", "là phường");
    require_problem(ps, "units[3]", "“2024-02-30”");
    require_problem(ps, "units[4]", "“dat-chuan” không hợp lệ");
    require_problem(ps, "units[5]", "“standard” là null");
    require_problem(ps, "units[6]", "không có “Xã Hòa Tú 2” trong Huyện Mỹ Xuyên");
    require_problem(ps, "units[7] (Thành phố Sóc Trăng)", "hoàn thành nhiệm vụ");
    require_problem(ps, "units[9]", "đã có ở units[8]");
    CHECK(problems_of(ps, "units[8]").empty());
    REQUIRE(r.status.units.size() == 1);
    CHECK(r.status.units[0].unit.commune == "Xã Nhơn Mỹ");
    CHECK(r.status.units[0].standard == Standard::nang_cao);
    for (const Problem& p : ps) {
        CHECK(p.file == "several-problems.json");
        CHECK(contains(p.message_vi, "several-problems.json — units["));
        CHECK_FALSE(p.detail_en.empty());
    }
}

TEST_CASE("A plan cut short anywhere is reported, never crashes", "[plan]") {
    const std::string text = fixture("good-minimal.json");
    const Gazetteer gaz = small_gazetteer();
    size_t reported = 0;
    // The file ends with "}\n": every prefix shorter than size - 1 lacks the closing brace.
    REQUIRE(text.substr(text.size() - 2) == "}\n");
    for (size_t n = 0; n < text.size(); ++n) {
        const PlanLoad r = load_plan(std::string_view(text).substr(0, n), "cut.json", gaz);
        if (r.problems.size() == 1 && contains(r.problems[0].message_vi, "JSON")) ++reported;
        if (n == text.size() - 1) CHECK(r.problems.empty());
    }
    CHECK(reported == text.size() - 1);
}

// [SECTION] The real files against the real boundary names

TEST_CASE("The shipped 2024 plan matches the boundary data and the plan's figures", "[plan][real]") {
    const Gazetteer gaz = real_gazetteer();
    const PlanLoad r =
        load_plan(read_text(NTM_SOURCE_DIR "/geodata/plan/soc-trang-2024.json"), "soc-trang-2024.json", gaz);
    INFO(all_messages(r.problems));
    REQUIRE(r.problems.empty());
    const Plan& p = r.plan;

    CHECK(p.document.number == "23/KH-UBND");
    CHECK(date_iso(p.document.date) == "2024-02-05");
    CHECK(p.document.issuer == "Ủy ban nhân dân tỉnh Sóc Trăng");
    CHECK(p.document.year == 2024);

    // Mục I and Phụ lục I: 5 + 9 + 1 communes.
    CHECK(p.commune_targets.size() == 15);
    CHECK(count_commune_targets(p, Standard::ntm) == 5);
    CHECK(count_commune_targets(p, Standard::nang_cao) == 9);
    CHECK(count_commune_targets(p, Standard::kieu_mau) == 1);
    CHECK(find_commune_target(p, "Huyện Mỹ Xuyên", "Xã Hòa Tú 1")->standard == Standard::kieu_mau);
    CHECK(find_commune_target(p, "Huyện Long Phú", "Xã Long Phú")->standard == Standard::ntm);
    CHECK(find_commune_target(p, "Thị xã Vĩnh Châu", "Xã Hòa Đông")->standard == Standard::nang_cao);
    for (const CommuneTarget& t : p.commune_targets) {
        INFO(t.unit.commune);
        CHECK_FALSE(t.source.empty());
        CHECK_FALSE(t.as_written.empty());
    }

    // Two districts to be recognised as NTM districts, Mỹ Xuyên's advanced dossier.
    size_t ntm_districts = 0;
    for (const DistrictTarget& t : p.district_targets) {
        if (t.standard == Standard::ntm && t.milestone == DistrictMilestone::recognition) ++ntm_districts;
    }
    CHECK(ntm_districts == 2);
    CHECK(find_district_targets(p, "Huyện Châu Thành").size() == 1);
    CHECK(find_district_targets(p, "Huyện Cù Lao Dung").size() == 1);
    const auto my_xuyen = find_district_targets(p, "Huyện Mỹ Xuyên");
    REQUIRE(my_xuyen.size() == 1);
    CHECK(my_xuyen[0]->standard == Standard::nang_cao);
    CHECK(my_xuyen[0]->milestone == DistrictMilestone::dossier);

    // Four pilot models (Mục II.6, Phụ lục II dòng 8–11).
    REQUIRE(p.models.size() == 4);
    CHECK(models_at(p, "Huyện Kế Sách", "").size() == 1);
    CHECK(models_at(p, "Huyện Mỹ Xuyên", "Xã Hòa Tú 1").size() == 1);
    CHECK(models_at(p, "Huyện Cù Lao Dung", "Xã An Thạnh 1").size() == 1);
    CHECK(models_at(p, "Huyện Kế Sách", "Xã Nhơn Mỹ").size() == 1);
    for (const PilotModel& m : p.models) {
        CHECK(m.period_from_year == 2024);
        CHECK(m.period_to_year == 2025);
        CHECK_FALSE(m.lead_agency.empty());
    }

    // Mục III: eight sources; the plan states no total, so the total is the computed sum.
    REQUIRE(p.funding.sources.size() == 8);
    CHECK_FALSE(p.funding.stated_total_million_dong.has_value());
    double sum = 0;
    for (const FundingSource& s : p.funding.sources) {
        sum += s.amount_million_dong;
        if (s.investment_million_dong && s.recurrent_million_dong) {
            CHECK(*s.investment_million_dong + *s.recurrent_million_dong == s.amount_million_dong);
        }
    }
    CHECK(funding_total_million_dong(p.funding) == sum);
    CHECK(sum == 3993047);
    const FundingSource& central = p.funding.sources[0];
    CHECK(central.id == "ngan-sach-trung-uong");
    CHECK(central.amount_million_dong == 133988);
    CHECK(*central.investment_million_dong == 103600);
    CHECK(*central.recurrent_million_dong == 30388);
    const FundingTotals totals = funding_totals(p.funding);
    CHECK(totals.investment_million_dong == 103600 + 154865 + 25460 + 66346);
    CHECK(totals.recurrent_million_dong == 30388 + 30388);

    // Mục II.7 and Phụ lục II.
    CHECK(p.calendar.size() == 7);
    CHECK(p.tasks.size() == 14);
    CHECK(tasks_of_agency(p, "Sở Nông nghiệp và Phát triển nông thôn").size() == 7);  // rows I.1, 4, 5, 8, 9; II.1, 2
}

TEST_CASE("The shipped status file is valid and empty", "[plan][status][real]") {
    const StatusLoad r =
        load_status(read_text(NTM_SOURCE_DIR "/geodata/plan/status-2024.json"), "status-2024.json", real_gazetteer());
    INFO(all_messages(r.problems));
    REQUIRE(r.problems.empty());
    CHECK(r.status.plan_number == "23/KH-UBND");
    CHECK(r.status.units.empty());
}

TEST_CASE("Damaging one name in the real plan is caught", "[plan][real]") {
    std::string text = read_text(NTM_SOURCE_DIR "/geodata/plan/soc-trang-2024.json");
    // The OCR slip of Mục II.6 typed back into the model's unit.
    const std::string good = "\"commune\": \"Xã An Thạnh 1\"";
    const size_t at = text.find(good);
    REQUIRE(at != std::string::npos);
    text.replace(at, good.size(), "\"commune\": \"Xã An Thành 1\"");
    const PlanLoad r = load_plan(text, "soc-trang-2024.json", real_gazetteer());
    REQUIRE(r.problems.size() == 1);
    CHECK(contains(r.problems[0].message_vi, "soc-trang-2024.json — models[2] (xa-thong-minh-an-thanh-1)"));
    CHECK(contains(r.problems[0].message_vi, "có phải “Xã An Thạnh 1”?"));
    CHECK(r.plan.models.size() == 3);
}
