// SPDX-License-Identifier: Apache-2.0
// ShardList: parsing the shard list file, line by line, with file:line errors.
#include "index/shard_list.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include "index/index_folder.hpp"
#include "qaindex/errors.hpp"
#include "qaindex/shards.hpp"

namespace qaindex::detail {
namespace {

namespace fs = std::filesystem;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front())) {
        text.remove_prefix(1);
    }
    while (!text.empty() && is_space(text.back())) {
        text.remove_suffix(1);
    }
    return text;
}

// The line without its comment: from a '#' that starts the line or follows a space.
std::string_view without_comment(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '#' && (i == 0 || is_space(line[i - 1]))) {
            return line.substr(0, i);
        }
    }
    return line;
}

std::vector<std::string_view> words(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) {
            ++i;
        }
        const std::size_t start = i;
        while (i < text.size() && !is_space(text[i])) {
            ++i;
        }
        if (i > start) {
            out.push_back(text.substr(start, i - start));
        }
    }
    return out;
}

std::optional<unsigned> number(std::string_view text, unsigned low, unsigned high) {
    unsigned value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < low || value > high) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

std::string ShardSpec::describe() const {
    std::string out =
        kind == Kind::Tcp ? "tcp " + host + " " + std::to_string(port) : folder.string();
    if (!where.empty()) {
        out += " (" + where + ")";
    }
    return out;
}

ShardList ShardList::parse(std::string_view text, const fs::path& file) {
    ShardList list{.file = file, .shards = {}};
    const fs::path base = fs::absolute(file).parent_path();
    std::size_t line_number = 0;
    while (!text.empty()) {
        ++line_number;
        const std::size_t end = text.find('\n');
        const std::string_view raw = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        const std::string_view line = trim(without_comment(raw));
        if (line.empty()) {
            continue;
        }
        const std::string where = file.string() + ":" + std::to_string(line_number);
        auto fail = [&](const std::string& what) {
            throw UsageError(where + ": " + what + " (a line is a folder or `tcp HOST PORT`)");
        };
        ShardSpec spec{.where = where};
        const std::vector<std::string_view> parts = words(line);
        if (parts.front() == "tcp") {
            if (parts.size() < 3 || parts.size() > 4) {
                fail("`" + std::string(line) + "`: a tcp shard is `tcp HOST PORT [TIMEOUT]`");
            }
            const auto port = number(parts[2], 1, 65535);
            if (!port) {
                fail("port \"" + std::string(parts[2]) + "\" is not a number from 1 to 65535");
            }
            spec.kind = ShardSpec::Kind::Tcp;
            spec.host = std::string(parts[1]);
            spec.port = *port;
            if (parts.size() == 4) {
                const auto timeout = number(parts[3], 1, 3600);
                if (!timeout) {
                    fail("timeout \"" + std::string(parts[3]) +
                         "\" is not a number of seconds from 1 to 3600");
                }
                spec.timeout_seconds = *timeout;
            }
        } else {
            spec.folder = (base / fs::path(std::string(line))).lexically_normal();
            if (!spec.folder.has_filename()) {  // "shard-1/": the folder itself
                spec.folder = spec.folder.parent_path();
            }
        }
        for (const ShardSpec& other : list.shards) {
            const bool same =
                other.kind == spec.kind && (spec.kind == ShardSpec::Kind::Tcp
                                                ? other.host == spec.host && other.port == spec.port
                                                : other.folder == spec.folder);
            if (same) {
                fail("shard named twice (first at " + other.where + ")");
            }
        }
        list.shards.push_back(std::move(spec));
    }
    if (list.shards.empty()) {
        throw UsageError(file.string() +
                         ": names no shard (a line is a folder or `tcp HOST PORT`)");
    }
    return list;
}

ShardList ShardList::read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw IndexError(file.string() + ": cannot read the shard list");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), file);
}

bool ShardList::any_remote() const {
    return std::any_of(shards.begin(), shards.end(),
                       [](const ShardSpec& s) { return s.kind == ShardSpec::Kind::Tcp; });
}

std::optional<fs::path> shard_list_file(const fs::path& database) {
    std::error_code ec;
    if (fs::is_regular_file(database, ec)) {
        return database;
    }
    if (fs::is_directory(database, ec) && !IndexFolder(database).has_index()) {
        const fs::path list = database / std::string(kShardListName);
        if (fs::is_regular_file(list, ec)) {
            return list;
        }
    }
    return std::nullopt;
}

}  // namespace qaindex::detail
