// The targets layer's classes and legend rows: without a plan the map says "no data", never
// "no target", and never lists "NTM: 0 xã" as if the plan said so.
#include "core/legend.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "core/asset.hpp"
#include "core/plan.hpp"

using namespace ntm;
using legend::Class;

namespace {

// Two xã and a phường in one district.
asset::MapAsset three_units() {
    asset::MapAsset m;
    asset::Feature d;
    d.name = "Huyện Mỹ Xuyên";
    d.type = asset::UnitType::huyen;
    m.districts.push_back(d);
    for (const auto& [name, type] : {std::pair{"Xã Hòa Tú 1", asset::UnitType::xa},
                                     std::pair{"Xã Ngọc Tố", asset::UnitType::xa},
                                     std::pair{"Phường 1", asset::UnitType::phuong}}) {
        asset::Feature c;
        c.name = name;
        c.type = type;
        c.parent = 0;
        m.communes.push_back(c);
    }
    return m;
}

plan::Plan plan_with_one_target() {
    plan::Plan p;
    plan::CommuneTarget t;
    t.unit = {"Huyện Mỹ Xuyên", "Xã Hòa Tú 1"};
    t.standard = plan::Standard::nang_cao;
    p.commune_targets.push_back(t);
    return p;
}

int count_of(const std::vector<legend::Row>& rows, Class c) {
    for (const legend::Row& r : rows)
        if (r.cls == c) return r.count;
    return -1;  // no row
}

}  // namespace

TEST_CASE("with the plan loaded, a xã is its target or 'no target', and the legend lists every standard", "[legend]") {
    const asset::MapAsset m = three_units();
    const plan::Plan p = plan_with_one_target();
    const auto classes = legend::classify(legend::Layer::targets, m, p, true, {}, false);
    REQUIRE(classes.size() == 3);
    CHECK(classes[0] == Class::nang_cao);
    CHECK(classes[1] == Class::none);
    CHECK(classes[2] == Class::not_applicable);
    const auto rows = legend::rows(legend::Layer::targets, classes);
    CHECK(count_of(rows, Class::nang_cao) == 1);
    CHECK(count_of(rows, Class::kieu_mau) == 0);  // the plan says: none this year
    CHECK(count_of(rows, Class::none) == 1);
    CHECK(count_of(rows, Class::no_data) == -1);
}

TEST_CASE("without a plan (missing file, or a map it does not cover) every xã is 'no data' and no standard row claims 0",
          "[legend]") {
    const asset::MapAsset m = three_units();
    const plan::Plan p = plan_with_one_target();  // whatever is in memory does not count
    const auto classes = legend::classify(legend::Layer::targets, m, p, false, {}, false);
    REQUIRE(classes.size() == 3);
    CHECK(classes[0] == Class::no_data);
    CHECK(classes[1] == Class::no_data);
    CHECK(classes[2] == Class::not_applicable);
    const auto rows = legend::rows(legend::Layer::targets, classes);
    CHECK(count_of(rows, Class::no_data) == 2);
    CHECK(count_of(rows, Class::not_applicable) == 1);
    for (Class c : {Class::kieu_mau, Class::nang_cao, Class::ntm, Class::none}) CHECK(count_of(rows, c) == -1);
}
