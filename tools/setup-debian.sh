#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Installs what qaindex needs on Debian 12 (bookworm): the compilers (g++; clang++ for the test
# that builds README's example with both, and for the fuzz preset with its libFuzzer and
# sanitizer runtimes), CMake, Ninja and the libraries, all from Debian's own packages
# (chromium: qaserve's browser test; fonts-wqy-microhei: a CJK font, without which its screenshots
# show Chinese entries as empty boxes; clang-format and clang-tidy: the format-check test and
# the format, format-check and tidy targets; xapian-tools: xapian-tcpsrv for the remote-shard
# test). Run as root, or as a user with sudo.
set -eu
packages="g++ clang libclang-rt-14-dev cmake ninja-build libxapian-dev libicu-dev libfmt-dev \
libpugixml-dev nlohmann-json3-dev libcli11-dev catch2 libbenchmark-dev python3 wamerican \
pkgconf libcpp-httplib-dev chromium fonts-wqy-microhei clang-format clang-tidy xapian-tools"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
missing=""
for package in $packages; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing="$missing $package"
done
if [ -n "$missing" ]; then
    echo "setup-debian: installing$missing"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
fi
