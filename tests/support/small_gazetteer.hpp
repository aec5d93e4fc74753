// small_gazetteer.hpp — a few real units of Sóc Trăng with their real types: enough for every
// plan, status and tour fixture, for the unit tests and the fuzz targets alike (the full
// gazetteer needs the boundary data, which the fuzzers do not read).
#pragma once

#include "core/plan.hpp"

namespace ntm::test {

inline plan::Gazetteer small_gazetteer() {
    using asset::UnitType;
    plan::Gazetteer g;
    g.units = {
        {"Huyện Trần Đề", "", UnitType::huyen},
        {"Huyện Trần Đề", "Xã Tài Văn", UnitType::xa},
        {"Huyện Trần Đề", "Xã Thạnh Thới An", UnitType::xa},
        {"Huyện Trần Đề", "Thị trấn Trần Đề", UnitType::thi_tran},
        {"Huyện Long Phú", "", UnitType::huyen},
        {"Huyện Long Phú", "Xã Long Phú", UnitType::xa},
        {"Huyện Long Phú", "Thị trấn Long Phú", UnitType::thi_tran},
        {"Huyện Long Phú", "Xã Tân Hưng", UnitType::xa},
        {"Thị xã Ngã Năm", "", UnitType::thi_xa},
        {"Thị xã Ngã Năm", "Phường 1", UnitType::phuong},
        {"Thị xã Ngã Năm", "Xã Vĩnh Quới", UnitType::xa},
        {"Thành phố Sóc Trăng", "", UnitType::thanh_pho},
        {"Thành phố Sóc Trăng", "Phường 1", UnitType::phuong},
        {"Huyện Mỹ Xuyên", "", UnitType::huyen},
        {"Huyện Mỹ Xuyên", "Xã Hòa Tú 1", UnitType::xa},
        {"Huyện Kế Sách", "", UnitType::huyen},
        {"Huyện Kế Sách", "Xã Nhơn Mỹ", UnitType::xa},
    };
    return g;
}

}  // namespace ntm::test
