// test_files.hpp — reading fixture and repository files in the core tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace ntm::test {

// The whole file as bytes; "" when it cannot be read (tests then fail on the content).
inline std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace ntm::test
