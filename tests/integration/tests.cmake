# SPDX-License-Identifier: Apache-2.0
# Test files of the integration area.
