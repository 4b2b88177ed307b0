// SPDX-License-Identifier: Apache-2.0
// HttpError: a failed request as the client sees it (status, code, message).
#pragma once

#include <stdexcept>
#include <string>

namespace qaindex::serve {

/// A request that fails with status: code is a short machine-readable name ("bad_parameter"),
/// the message says what was wrong and never names a path of the server's machine.
class HttpError : public std::runtime_error {
  public:
    HttpError(int status, std::string code, const std::string& message)
        : std::runtime_error(message), status_(status), code_(std::move(code)) {}

    [[nodiscard]] int status() const { return status_; }
    [[nodiscard]] const std::string& code() const { return code_; }

  private:
    int status_;
    std::string code_;
};

}  // namespace qaindex::serve
