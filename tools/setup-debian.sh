#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Installs what qaindex needs on Debian 12 (bookworm): the compiler, CMake, Ninja and the
# libraries, all from Debian's own packages. Run as root, or as a user with sudo.
set -eu
packages="g++ cmake ninja-build libxapian-dev libicu-dev libfmt-dev libpugixml-dev \
nlohmann-json3-dev libcli11-dev catch2 libbenchmark-dev python3 wamerican xapian-tools"
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
