// write_asset.cpp — the encoded asset → a file, all or nothing.
//
// Written to "<path>.tmp" and renamed over `path`: the viewer's dev server may read the file
// while the pipeline runs, and a half-written asset would fail its CRC there.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "pipeline.hpp"

namespace ntm::pipeline {

namespace {
Error write_error(const std::string& path, const std::string& why) {
    return Error{ErrorCode::io, "Không ghi được tệp " + path + " (" + why + ").", path + ": cannot write: " + why};
}
}  // namespace

Result<size_t> write_file(const std::string& path, const std::vector<uint8_t>& bytes) {
    if (path.empty()) return write_error("(chưa chỉ định)", "no output path given");
    const std::string tmp = path + ".tmp";
    std::FILE* f = std::fopen(tmp.c_str(), "wb");
    if (!f) return write_error(path, std::strerror(errno));
    const size_t written = bytes.empty() ? 0 : std::fwrite(bytes.data(), 1, bytes.size(), f);
    const int write_errno = errno;
    const bool closed = std::fclose(f) == 0;
    if (written != bytes.size() || !closed) {
        std::remove(tmp.c_str());
        return write_error(path, std::strerror(written != bytes.size() ? write_errno : errno));
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) {
        std::remove(tmp.c_str());
        return write_error(path, ec.message());
    }
    return bytes.size();
}

}  // namespace ntm::pipeline
