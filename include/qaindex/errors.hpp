// SPDX-License-Identifier: Apache-2.0
// The exceptions every qaindex call may throw, all derived from qaindex::Error.
#pragma once

#include <stdexcept>
#include <string>

namespace qaindex {

/// Base of every exception qaindex throws. what() names the file, query or option involved.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// The caller got it wrong: a bad option value, an unknown specialty, an empty query.
class UsageError : public Error {
  public:
    using Error::Error;
};

/// The index cannot be opened, created or written: missing, locked by another build,
/// corrupt, or a disk error.
class IndexError : public Error {
  public:
    using Error::Error;
};

/// A query that cannot be run even after falling back to plain words.
class QueryError : public Error {
  public:
    using Error::Error;
};

/// Corpus or lexicon input that cannot be read: thrown only where skipping is not possible
/// (strict mode, a malformed lexicon file). Ordinary bad records become Diagnostics instead.
class InputError : public Error {
  public:
    using Error::Error;
};

}  // namespace qaindex
