// SPDX-License-Identifier: Apache-2.0
// The test binary's main(), from Catch2.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
